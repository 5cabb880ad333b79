# generated_s19columns: strategies of generated seeds 5201 and 5202 in two text columns as pdfTeX and WeasyPrint render
# them (corpus/generated/s19columns), scored against the generator's gold (session 19, helper s19-columns).
samla_sh_test(e2e_generated_s19columns e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_s19columns.sh)
