# frnews_require_package(<Name> <debian-package> [find_package args...])
# find_package() that, when the package is missing, names the Debian package to install.
function(frnews_require_package name debian_package)
  find_package(${name} ${ARGN} QUIET)
  if(NOT ${name}_FOUND)
    message(FATAL_ERROR
      "frnews needs ${name}, which was not found.\n"
      "On Debian or Ubuntu: apt-get install ${debian_package}")
  endif()
endfunction()
