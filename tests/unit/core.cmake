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
samla_c_test(unit_pipeline unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_pipeline.c)
samla_c_test(unit_model unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_model.c)
samla_c_test(unit_text unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_text.c)
