# generated_s18columns: strategies of generated seed 5201 in two text columns as pdfTeX and WeasyPrint render them
# (corpus/generated/s18columns), scored against the generator's gold (session 18, helper s18-columns).
samla_sh_test(e2e_generated_s18columns e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_s18columns.sh)
