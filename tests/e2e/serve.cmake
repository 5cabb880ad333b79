# samla serve (label: e2e): the HTTP service on a loopback port, see serve.sh (corpus = `samla run`'s bytes;
# api = endpoints, errors, hostile files, worker isolation, 503 when full; load = a 100-request slice of
# bench/serve-load.sh).
foreach(mode corpus api load)
  samla_sh_test(e2e_serve_${mode} e2e bash ${CMAKE_CURRENT_LIST_DIR}/serve.sh ${mode})
endforeach()
if(SAMLA_SANITIZE)
  set_property(TEST e2e_serve_load APPEND PROPERTY ENVIRONMENT "SAMLA_SANITIZE=1")
endif()
# the corpus sweep runs in the normal build only (-LE slow in the sanitizer run): api and load cover the
# server's code under the sanitizers
set_tests_properties(e2e_serve_corpus PROPERTIES LABELS "e2e;slow")
