# Link scoring (label: e2e): samla coverage for the five judged (plan, strategy)
# pairs on PDF and DOCX, samla eval against corpus/gold/links with minimums.
samla_sh_test(e2e_links_eval e2e bash ${CMAKE_CURRENT_LIST_DIR}/links_eval.sh)
