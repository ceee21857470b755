# Builds examples/consumer/main.cpp against the installed frnews with nothing but the flags of
# `pkg-config --cflags --libs frnews` (then with --static), runs it and checks its output.
#   cmake -DPKG_CONFIG=… -DCXX=… -DPC_DIR=<prefix>/<libdir>/pkgconfig -DSOURCE=… -DWORK_DIR=…
#         -DVERSION=… [-DLINK_FLAGS=…] -P pkg_config_test.cmake
set(ENV{PKG_CONFIG_PATH} "${PC_DIR}")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

execute_process(COMMAND "${PKG_CONFIG}" --modversion frnews
  OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_VARIABLE error RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT version STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config --modversion frnews gave '${version}' (status ${status}), expected ${VERSION}: ${error}")
endif()

# A shared frnews outside the system's library folders is found at run time through
# LD_LIBRARY_PATH, as its users would do.
execute_process(COMMAND "${PKG_CONFIG}" --variable=libdir frnews
  OUTPUT_VARIABLE libdir OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
set(ENV{LD_LIBRARY_PATH} "${libdir}:$ENV{LD_LIBRARY_PATH}")

foreach(mode plain static)
  set(pkg_config_args --cflags --libs frnews)
  if(mode STREQUAL "static")
    list(PREPEND pkg_config_args --static)
  endif()
  list(JOIN pkg_config_args " " shown)
  execute_process(COMMAND "${PKG_CONFIG}" ${pkg_config_args}
    OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_VARIABLE error RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "pkg-config ${shown} failed: ${error}")
  endif()
  message(STATUS "pkg-config ${shown}: ${flags}")
  separate_arguments(flags UNIX_COMMAND "${flags}")

  set(program "${WORK_DIR}/consumer-${mode}")
  execute_process(COMMAND "${CXX}" -std=c++20 "${SOURCE}" -o "${program}" ${flags} ${LINK_FLAGS}
    ERROR_VARIABLE error RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "the consumer does not build with the flags of pkg-config ${shown}:\n${error}")
  endif()
  execute_process(COMMAND "${program}" OUTPUT_VARIABLE output ERROR_VARIABLE error RESULT_VARIABLE status)
  if(NOT status EQUAL 0 OR NOT output MATCHES "^frnews ${VERSION}: {.*\"quotes\":\\[{")
    message(FATAL_ERROR "the consumer built by pkg-config ${shown} (status ${status}) wrote:\n${output}${error}")
  endif()
endforeach()
