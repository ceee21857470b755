# frnews_install_pkg_config(<target>)
# Writes frnews.pc from cmake/frnews.pc.in and installs it to <libdir>/pkgconfig, beside the CMake
# package, for builds that use pkg-config instead of find_package(frnews).
function(frnews_install_pkg_config target)
  set(pc_dir "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
  if(IS_ABSOLUTE "${pc_dir}")
    set(FRNEWS_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  else()
    # From <prefix>/<libdir>/pkgconfig back up to <prefix>: "../.." or "../../.." (lib/<arch>).
    file(RELATIVE_PATH up "/prefix/${pc_dir}" "/prefix")
    string(REGEX REPLACE "/$" "" up "${up}")
    set(FRNEWS_PC_PREFIX "\${pcfiledir}/${up}")
  endif()
  foreach(dir LIBDIR INCLUDEDIR)
    if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
      set(FRNEWS_PC_${dir} "${CMAKE_INSTALL_${dir}}")
    else()
      set(FRNEWS_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
    endif()
  endforeach()

  # The library's private dependencies. Boost.Locale has no pkg-config file: it is named by its
  # folder; Boost.Thread, ICU and pthreads are what its own static archive needs.
  get_target_property(boost_locale Boost::locale LOCATION)
  get_filename_component(boost_dir "${boost_locale}" DIRECTORY)
  set(dependencies fmt)
  set(dependency_libs "-L${boost_dir} -lboost_locale")
  set(FRNEWS_PC_REQUIRES_PRIVATE icu-i18n icu-uc)
  set(FRNEWS_PC_LIBS_PRIVATE "-lboost_thread -pthread")
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "STATIC_LIBRARY")
    # A static frnews needs its dependencies at every link, not only with `pkg-config --static`.
    set(FRNEWS_PC_REQUIRES "${dependencies}")
    set(FRNEWS_PC_LIBS "${dependency_libs}")
  else()
    list(PREPEND FRNEWS_PC_REQUIRES_PRIVATE ${dependencies})
    set(FRNEWS_PC_LIBS_PRIVATE "${dependency_libs} ${FRNEWS_PC_LIBS_PRIVATE}")
  endif()
  list(JOIN FRNEWS_PC_REQUIRES_PRIVATE " " FRNEWS_PC_REQUIRES_PRIVATE)

  configure_file("${PROJECT_SOURCE_DIR}/cmake/frnews.pc.in" "${PROJECT_BINARY_DIR}/frnews.pc" @ONLY)
  install(FILES "${PROJECT_BINARY_DIR}/frnews.pc" DESTINATION "${pc_dir}")
endfunction()
