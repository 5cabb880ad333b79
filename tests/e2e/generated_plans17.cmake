# generated_plans17: plans and strategies of generated seed 131 as groff, pdfTeX and WeasyPrint render them
# (corpus/generated/plans17), scored against the generator's gold (session 17, helper s17-plans).
samla_sh_test(e2e_generated_plans17 e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_plans17.sh)
