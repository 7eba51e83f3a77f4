# `cmake --install build [--prefix P]`: the command-line tools, libcarbonscope, its public
# headers, a CMake package (find_package(carbonscope) -> carbonscope::carbonscope) and a
# pkg-config file (pkg-config --cflags --libs carbonscope). tests/install/ builds
# examples/cpp against an installed copy both ways.
include(CMakePackageConfigHelpers)

install(TARGETS carbonscope carbonscope-serve RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS carbonscope_lib EXPORT carbonscopeTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
# dashboard.h and metrics_endpoint.h are the API of the HTTP servers (cs_serve), which
# carbonscope-serve and carbonscope-exporter link and libcarbonscope does not.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/carbonscope
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h"
  PATTERN "dashboard.h" EXCLUDE PATTERN "metrics_endpoint.h" EXCLUDE)

set(cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/carbonscope)
install(EXPORT carbonscopeTargets NAMESPACE carbonscope:: DESTINATION ${cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/carbonscopeConfig.cmake.in
  ${PROJECT_BINARY_DIR}/carbonscopeConfig.cmake INSTALL_DESTINATION ${cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/carbonscopeConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/carbonscopeConfig.cmake
  ${PROJECT_BINARY_DIR}/carbonscopeConfigVersion.cmake DESTINATION ${cmake_dir})

# pkg-config: the paths relative to ${prefix}, so a --prefix given at install time holds.
file(RELATIVE_PATH pc_prefix_rel ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
file(RELATIVE_PATH pc_libdir_rel ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_LIBDIR})
file(RELATIVE_PATH pc_includedir_rel ${CMAKE_INSTALL_PREFIX} ${CMAKE_INSTALL_FULL_INCLUDEDIR})
configure_file(${PROJECT_SOURCE_DIR}/cmake/carbonscope.pc.in ${PROJECT_BINARY_DIR}/carbonscope.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/carbonscope.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
