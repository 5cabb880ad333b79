# samla coverage --format xlsx read back with openpyxl against the YAML and HTML reports (label: e2e).
samla_sh_test(e2e_coverage_xlsx e2e bash ${CMAKE_CURRENT_LIST_DIR}/coverage_xlsx.sh)
