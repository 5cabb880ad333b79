# SamlaInstall.cmake: what an install adds beyond the binaries: samla.pc (pkg-config), the CMake
# package (find_package(samla): imported target samla::samla, version file, plugin folder) and the
# man page samla(1), written from the built tool's --help texts. All paths are relative to the
# prefix, so a moved prefix or a DESTDIR package stays usable (docs/install.md).
include(CMakePackageConfigHelpers)

set(SAMLA_PLUGINSDIR_REL ${CMAKE_INSTALL_LIBDIR}/samla/plugins)
set(SAMLA_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/samla)

# pkg-config: the prefix is found from the .pc file's own folder (${pcfiledir}), so the file
# needs no edit when the prefix moves. Absolute GNUInstallDirs paths are kept as they are.
set(SAMLA_PC_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
file(RELATIVE_PATH SAMLA_PC_TO_PREFIX ${CMAKE_INSTALL_PREFIX}/${SAMLA_PC_DIR} ${CMAKE_INSTALL_PREFIX})
string(REGEX REPLACE "/$" "" SAMLA_PC_TO_PREFIX "${SAMLA_PC_TO_PREFIX}")
foreach(d LIBDIR INCLUDEDIR DATADIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${d}}")
    set(SAMLA_PC_${d} "${CMAKE_INSTALL_${d}}")
  else()
    set(SAMLA_PC_${d} "\${prefix}/${CMAKE_INSTALL_${d}}")
  endif()
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/samla.pc.in ${CMAKE_BINARY_DIR}/samla.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/samla.pc DESTINATION ${SAMLA_PC_DIR})

# CMake package.
install(EXPORT samlaTargets NAMESPACE samla:: DESTINATION ${SAMLA_CMAKEDIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/samlaConfig.cmake.in
  ${CMAKE_BINARY_DIR}/samlaConfig.cmake
  INSTALL_DESTINATION ${SAMLA_CMAKEDIR}
  PATH_VARS SAMLA_PLUGINSDIR_REL CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/samlaConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/samlaConfig.cmake ${CMAKE_BINARY_DIR}/samlaConfigVersion.cmake
  DESTINATION ${SAMLA_CMAKEDIR})

# Man page: generated after the tool is linked, from its own help (not when cross-compiling:
# the tool cannot run on the build machine).
option(SAMLA_MAN "Write the man page samla(1) from the built tool's --help" ON)
if(SAMLA_MAN AND NOT CMAKE_CROSSCOMPILING)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/samla.1
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=0
            ${CMAKE_COMMAND} -DSAMLA=$<TARGET_FILE:samla_cli> -DOUT=${CMAKE_BINARY_DIR}/samla.1
            -DVERSION=${PROJECT_VERSION} -P ${CMAKE_CURRENT_LIST_DIR}/SamlaManPage.cmake
    DEPENDS samla_cli ${CMAKE_CURRENT_LIST_DIR}/SamlaManPage.cmake
    COMMENT "Writing samla.1 from samla --help"
    VERBATIM)
  add_custom_target(samla_man ALL DEPENDS ${CMAKE_BINARY_DIR}/samla.1)
  install(FILES ${CMAKE_BINARY_DIR}/samla.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
