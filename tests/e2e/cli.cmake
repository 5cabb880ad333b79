# End-to-end tests of the samla tool (label: e2e).
samla_sh_test(e2e_cli e2e bash ${CMAKE_CURRENT_LIST_DIR}/cli.sh)
samla_sh_test(e2e_schema e2e bash ${CMAKE_CURRENT_LIST_DIR}/schema.sh)
samla_sh_test(e2e_run_output e2e bash ${CMAKE_CURRENT_LIST_DIR}/run_output.sh)
