function(frnews_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /permissive-)
    if(FRNEWS_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
  else()
    target_compile_options(${target} PRIVATE
      -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
      -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
      -Wdouble-promotion -Wimplicit-fallthrough)
    if(FRNEWS_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()

# The sanitizers reach what links the target inside this build (tests, examples, the command),
# never the installed package: BUILD_INTERFACE keeps them out of the exported frnews::frnews.
function(frnews_set_sanitizers target)
  if(FRNEWS_SANITIZE AND NOT MSVC)
    target_compile_options(${target} PUBLIC
      $<BUILD_INTERFACE:-fsanitize=address,undefined>
      $<BUILD_INTERFACE:-fno-omit-frame-pointer>
      $<BUILD_INTERFACE:-fno-sanitize-recover=undefined>)
    target_link_options(${target} PUBLIC $<BUILD_INTERFACE:-fsanitize=address,undefined>)
  endif()
endfunction()
