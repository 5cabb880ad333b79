# generated_strategies: strategies of generated seeds 41 and 105 as LibreOffice, pdfTeX and groff render them
# (corpus/generated/strategies), scored whole against the generator's gold (session 16, helper s16-plans).
samla_sh_test(e2e_generated_strategies e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_strategies.sh)
