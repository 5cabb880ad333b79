# samla coverage end to end (label: e2e): coverage.yaml + coverage.html, the
# HTML read back through headless Chromium (DOM and a screenshot).
samla_sh_test(e2e_coverage e2e bash ${CMAKE_CURRENT_LIST_DIR}/coverage.sh)
# code-marked activities of a text plan link to the strategy's delmål by code; an unknown code is a warning
samla_sh_test(e2e_coverage_codes e2e bash ${CMAKE_CURRENT_LIST_DIR}/coverage_codes.sh)
# a plan with no activities, or none linked: said so in every format, exit 1 (never "0, ej täckt")
samla_sh_test(e2e_coverage_empty e2e bash ${CMAKE_CURRENT_LIST_DIR}/coverage_empty.sh)
