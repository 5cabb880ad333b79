# samla serve (label: e2e): the HTTP service on a loopback port, see serve.sh (corpus, formats = `samla run`'s
# bytes; api = endpoints, errors, hostile files; limits = worker crash and hang, 503 when full; load = a
# 100-request slice of bench/serve-load.sh).
foreach(mode corpus formats api limits load)
  samla_sh_test(e2e_serve_${mode} e2e bash ${CMAKE_CURRENT_LIST_DIR}/serve.sh ${mode})
endforeach()
if(SAMLA_SANITIZE)
  set_property(TEST e2e_serve_load APPEND PROPERTY ENVIRONMENT "SAMLA_SANITIZE=1")
endif()
# the corpus sweeps run in the normal build only (-LE slow in the sanitizer run): api, limits and load cover
# the server's code under the sanitizers
set_tests_properties(e2e_serve_corpus e2e_serve_formats PROPERTIES LABELS "e2e;slow")
