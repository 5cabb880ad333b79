# The worker pool of samla batch / serve (label: unit): isolation and limits, with
# the test-only misbehave-fixture plugin (crash, hang, memory) built into
# build/tests/fixture-plugins.
add_library(misbehave-fixture MODULE ${CMAKE_SOURCE_DIR}/tests/e2e/worker_fixture/misbehave.c)
set_target_properties(misbehave-fixture PROPERTIES PREFIX "" C_VISIBILITY_PRESET hidden BUILD_RPATH "$<TARGET_FILE_DIR:samla>"
  LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests/fixture-plugins)
target_link_libraries(misbehave-fixture PRIVATE samla)
samla_c_test(unit_worker unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_worker.c
  ${CMAKE_SOURCE_DIR}/cli/worker.c ${CMAKE_SOURCE_DIR}/cli/json_model.c ${CMAKE_SOURCE_DIR}/cli/page_count.c
  LIBS PkgConfig::JANSSON PkgConfig::POPPLER PkgConfig::GLIB)
target_include_directories(unit_worker PRIVATE ${CMAKE_SOURCE_DIR}/cli)
add_dependencies(unit_worker misbehave-fixture)
