# Fuzzing (label: fuzz). Six harnesses: fuzz_input (the dump pipeline), fuzz_read_{pdf,docx,text}
# (one reader and every extractor: tests/fuzz/pipelines/), fuzz_read_pdf_ocr (read-pdf with OCR on
# every page) and fuzz_pipeline (the pipeline loader).
# Normal builds: replay programs (each harness with replay_main.c), run as regression tests over
# the saved cases and seeds.
# -DSAMLA_FUZZ=ON (clang): libFuzzer targets over an instrumented library and plugins, built by
# the `fuzz` target and run for a bounded time by scripts/fuzz.sh (docs/fuzzing.md).
set(fuzz_dir ${CMAKE_CURRENT_LIST_DIR})
function(samla_fuzz_target name src pipeline)
  if(SAMLA_FUZZ)
    add_executable(${name} ${fuzz_dir}/${src})
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  else()
    add_executable(${name} ${fuzz_dir}/${src} ${fuzz_dir}/replay_main.c)
  endif()
  target_link_libraries(${name} PRIVATE samla)
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)
  if(pipeline)
    target_compile_definitions(${name} PRIVATE FUZZ_PIPELINE="${pipeline}")
  endif()
endfunction()

samla_fuzz_target(fuzz_input fuzz_input.c "")
foreach(r pdf docx text)
  samla_fuzz_target(fuzz_read_${r} fuzz_input.c ${fuzz_dir}/pipelines/fuzz-read-${r}.yaml)
endforeach()
set(fuzz_targets fuzz_input fuzz_read_pdf fuzz_read_docx fuzz_read_text fuzz_pipeline)
if(OCR_FOUND)
  samla_fuzz_target(fuzz_read_pdf_ocr fuzz_input.c ${fuzz_dir}/pipelines/fuzz-read-pdf-ocr.yaml)
  list(APPEND fuzz_targets fuzz_read_pdf_ocr)
endif()
samla_fuzz_target(fuzz_pipeline fuzz_pipeline.c "")

if(SAMLA_FUZZ)
  get_property(fuzz_plugins GLOBAL PROPERTY SAMLA_PLUGINS)
  add_custom_target(fuzz DEPENDS ${fuzz_targets} ${fuzz_plugins})
else()
  file(GLOB fuzz_cases ${fuzz_dir}/cases/*)
  add_test(NAME fuzz_replay COMMAND fuzz_input ${fuzz_cases})
  # each reader's harness over the saved cases of its format and the hostile test files
  file(GLOB pdf_cases ${fuzz_dir}/cases/*.pdf ${CMAKE_SOURCE_DIR}/tests/data/*.pdf)
  file(GLOB docx_cases ${fuzz_dir}/cases/*.docx)
  file(GLOB text_cases ${fuzz_dir}/cases/*.txt ${CMAKE_SOURCE_DIR}/corpus/seeds/*.txt)
  add_test(NAME fuzz_replay_read_pdf COMMAND fuzz_read_pdf ${pdf_cases})
  add_test(NAME fuzz_replay_read_docx COMMAND fuzz_read_docx ${docx_cases})
  add_test(NAME fuzz_replay_read_text COMMAND fuzz_read_text ${text_cases})
  file(GLOB pipeline_cases ${CMAKE_SOURCE_DIR}/pipelines/*.yaml ${fuzz_dir}/pipelines/*.yaml ${fuzz_dir}/cases/*.yaml)
  add_test(NAME fuzz_replay_pipeline COMMAND fuzz_pipeline ${pipeline_cases})
  set_tests_properties(fuzz_replay fuzz_replay_read_pdf fuzz_replay_read_docx fuzz_replay_read_text
    fuzz_replay_pipeline PROPERTIES LABELS fuzz ENVIRONMENT "SAMLA_BUILD=${CMAKE_BINARY_DIR}")
  if(OCR_FOUND)
    # the OCR harness over the scanned test files (Tesseract at 72 dpi: label ocr, normal build only)
    add_test(NAME fuzz_replay_read_pdf_ocr COMMAND fuzz_read_pdf_ocr ${CMAKE_SOURCE_DIR}/tests/data/scanned.pdf
      ${CMAKE_SOURCE_DIR}/tests/data/partly-scanned.pdf)
    set_tests_properties(fuzz_replay_read_pdf_ocr PROPERTIES LABELS "fuzz;ocr" ENVIRONMENT "SAMLA_BUILD=${CMAKE_BINARY_DIR}")
  endif()
endif()
