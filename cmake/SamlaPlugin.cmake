# samla_add_plugin(NAME SOURCES a.c b.c [LIBS PkgConfig::X ...])
# Builds plugins/NAME/ as build/plugins/NAME.so, linked to libsamla only
# through its public headers (and GLib), and installs it to <libdir>/samla/plugins.
function(samla_add_plugin name)
  cmake_parse_arguments(P "" "" "SOURCES;LIBS" ${ARGN})
  add_library(${name} MODULE ${P_SOURCES})
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    LIBRARY_OUTPUT_DIRECTORY ${SAMLA_PLUGIN_OUT}
    C_VISIBILITY_PRESET hidden
    BUILD_RPATH "$ORIGIN/.."
    INSTALL_RPATH "$ORIGIN/../..")
  target_link_libraries(${name} PRIVATE samla PkgConfig::GLIB ${P_LIBS})
  set_property(GLOBAL APPEND PROPERTY SAMLA_PLUGINS ${name})
  install(TARGETS ${name} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/samla/plugins)
endfunction()
