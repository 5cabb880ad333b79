# link-strategy tests (label: plugins): a fixture plugin supplies activities
# from tests/data/link/*.yaml. It is a test-only plugin: built into
# build/tests/fixture-plugins (found through SAMLA_PLUGIN_PATH), never installed.
add_library(link-fixture MODULE ${CMAKE_CURRENT_LIST_DIR}/link_fixture/link_fixture.c)
set_target_properties(link-fixture PROPERTIES PREFIX "" C_VISIBILITY_PRESET hidden BUILD_RPATH "$<TARGET_FILE_DIR:samla>"
  LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/fixture-plugins)
target_link_libraries(link-fixture PRIVATE samla)
samla_sh_test(plugins_link plugins bash ${CMAKE_CURRENT_LIST_DIR}/link.sh)
set_property(TEST plugins_link APPEND PROPERTY ENVIRONMENT "SAMLA_PLUGIN_PATH=${CMAKE_BINARY_DIR}/tests/fixture-plugins")
samla_sh_test(plugins_link_codes plugins bash ${CMAKE_CURRENT_LIST_DIR}/link_codes.sh)
set_property(TEST plugins_link_codes APPEND PROPERTY ENVIRONMENT "SAMLA_PLUGIN_PATH=${CMAKE_BINARY_DIR}/tests/fixture-plugins")
