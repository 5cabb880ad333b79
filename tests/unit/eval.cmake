# Unit tests of the `samla eval` engine (label: unit): matchers, counts,
# thresholds on the tiny gold/output files in tests/data/eval/.
file(GLOB samla_eval_engine ${CMAKE_SOURCE_DIR}/cli/eval/*.c)
samla_c_test(unit_eval unit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_eval.c ${samla_eval_engine} LIBS m)
target_include_directories(unit_eval PRIVATE ${CMAKE_SOURCE_DIR}/cli/eval)
