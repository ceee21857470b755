# Checks the installed CMake package files of frnews.
#   cmake -DCONFIG_DIR=<prefix>/<libdir>/cmake/frnews -DVERSION=<x.y.z> -P package_config_test.cmake

# Version: while frnews is 0.x, a new minor version may break the API, so find_package(frnews 0.N)
# accepts 0.N.z only.
string(REPLACE "." ";" parts "${VERSION}")
list(GET parts 0 major)
list(GET parts 1 minor)
function(check_compatible requested expected)
  set(PACKAGE_FIND_VERSION "${requested}")
  string(REPLACE "." ";" parts "${requested}")
  list(GET parts 0 PACKAGE_FIND_VERSION_MAJOR)
  list(GET parts 1 PACKAGE_FIND_VERSION_MINOR)
  set(PACKAGE_FIND_VERSION_COUNT 2)
  include("${CONFIG_DIR}/frnewsConfigVersion.cmake")
  if(NOT PACKAGE_VERSION_COMPATIBLE STREQUAL expected)
    message(FATAL_ERROR "frnews ${VERSION} for find_package(frnews ${requested}): compatible is "
      "'${PACKAGE_VERSION_COMPATIBLE}', expected ${expected}")
  endif()
endfunction()
check_compatible("${major}.${minor}" TRUE)
if(major EQUAL 0 AND minor GREATER 0)
  math(EXPR previous "${minor} - 1")
  check_compatible("0.${previous}" FALSE)
endif()

# The project's own build flags (sanitizers) stay out of what users of frnews::frnews get.
file(GLOB target_files "${CONFIG_DIR}/frnewsTargets*.cmake")
if(NOT target_files)
  message(FATAL_ERROR "no frnewsTargets*.cmake in ${CONFIG_DIR}")
endif()
foreach(file IN LISTS target_files)
  file(STRINGS "${file}" leaks REGEX "-fsanitize|-fno-omit-frame-pointer")
  if(leaks)
    message(FATAL_ERROR "${file} passes build flags to the users of frnews:\n${leaks}")
  endif()
endforeach()
