# Fuzzing (label: fuzz). The replay program runs every saved case through the dump
# pipeline as a regression test; with -DSAMLA_FUZZ=ON (clang) it is a libFuzzer target.
add_executable(fuzz_input ${CMAKE_CURRENT_LIST_DIR}/fuzz_input.c)
target_link_libraries(fuzz_input PRIVATE samla)
set_target_properties(fuzz_input PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
if(SAMLA_FUZZ)
  target_compile_definitions(fuzz_input PRIVATE SAMLA_LIBFUZZER)
  target_compile_options(fuzz_input PRIVATE -fsanitize=fuzzer)
  target_link_options(fuzz_input PRIVATE -fsanitize=fuzzer)
else()
  file(GLOB fuzz_cases ${CMAKE_CURRENT_LIST_DIR}/cases/*)
  add_test(NAME fuzz_replay COMMAND fuzz_input ${fuzz_cases})
  set_tests_properties(fuzz_replay PROPERTIES LABELS fuzz ENVIRONMENT "SAMLA_BUILD=${CMAKE_BINARY_DIR}")
endif()
