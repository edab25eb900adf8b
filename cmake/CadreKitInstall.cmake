# Installation: headers, both libraries, the CMake package (find_package(CadreKit CONFIG)),
# the pkg-config file of the C ABI (cadrekit.pc). The Python package installs itself from
# python/CMakeLists.txt.
include(CMakePackageConfigHelpers)

# Two export sets, so that a C-only consumer (find_package(CadreKit COMPONENTS C)) needs
# neither Boost nor yaml-cpp: the C component is libcadrekit_c alone.
install(TARGETS cadrekit_c
  EXPORT CadreKitCTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS cadrekit
  EXPORT CadreKitCXXTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/cadrekit
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.hpp"
  PATTERN "workspace.hpp" EXCLUDE)  # the workspace's C++ API is not installed (CLI and Python only)
install(FILES ${PROJECT_BINARY_DIR}/include/cadrekit/core/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/cadrekit/core)
install(FILES ${PROJECT_SOURCE_DIR}/capi/cadrekit.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(_ck_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/CadreKit)
install(EXPORT CadreKitCTargets NAMESPACE CadreKit:: DESTINATION ${_ck_cmake_dir})
install(EXPORT CadreKitCXXTargets NAMESPACE CadreKit:: DESTINATION ${_ck_cmake_dir})
# Whether the installed C++ library is static (its consumers then link yaml-cpp too).
set(CADREKIT_CXX_SHARED ${BUILD_SHARED_LIBS})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/CadreKitConfig.cmake.in
  ${PROJECT_BINARY_DIR}/CadreKitConfig.cmake
  INSTALL_DESTINATION ${_ck_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/CadreKitConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/CadreKitConfig.cmake
              ${PROJECT_BINARY_DIR}/CadreKitConfigVersion.cmake
  DESTINATION ${_ck_cmake_dir})

configure_file(${PROJECT_SOURCE_DIR}/cmake/cadrekit.pc.in ${PROJECT_BINARY_DIR}/cadrekit.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cadrekit.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/THIRD_PARTY.md
              ${PROJECT_SOURCE_DIR}/data/calendars/LICENSE.holiday-cn.txt
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/cadrekit)
