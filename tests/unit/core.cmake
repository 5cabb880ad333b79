# Core unit tests (label: unit).
foreach(p bad_abi no_entry old_minor)
  string(REPLACE "_" "-" pname ${p})
  add_library(testplugin-${pname} MODULE ${CMAKE_CURRENT_LIST_DIR}/plugins/${p}.c)
  set_target_properties(testplugin-${pname} PROPERTIES PREFIX "" OUTPUT_NAME ${pname}
    LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/plugins C_VISIBILITY_PRESET hidden)
  target_include_directories(testplugin-${pname} PRIVATE ${CMAKE_SOURCE_DIR}/core/include)
endforeach()
samla_c_test(unit_abi unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_abi.c)
add_dependencies(unit_abi testplugin-bad-abi testplugin-no-entry testplugin-old-minor)
set_property(TEST unit_abi APPEND PROPERTY ENVIRONMENT "SAMLA_TEST_PLUGINS=${CMAKE_BINARY_DIR}/tests/plugins")
# The copy-me plugin of examples/plugin/ (never installed) as a fixture with options.
add_library(example-fixture MODULE ${CMAKE_SOURCE_DIR}/examples/plugin/example.c)
set_target_properties(example-fixture PROPERTIES PREFIX "" OUTPUT_NAME example C_VISIBILITY_PRESET hidden
  LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/fixture-plugins)
target_link_libraries(example-fixture PRIVATE samla)
samla_c_test(unit_pipeline unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_pipeline.c)
add_dependencies(unit_pipeline example-fixture)
set_property(TEST unit_pipeline APPEND PROPERTY ENVIRONMENT "SAMLA_PLUGIN_PATH=${CMAKE_BINARY_DIR}/tests/fixture-plugins")
samla_c_test(unit_model unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_model.c LIBS PkgConfig::JANSSON)
samla_c_test(unit_text unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_text.c)
samla_c_test(unit_phrases unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_phrases.c)
