# generated_session17: four pdfTeX protocols of generated seed 151 (corpus/generated/session17), scored against the
# generator's gold, with the conventions of session 17 (P-GARBLED-WIDE-DOUBLE, PDF-LINE-GUTTER-JUSTIFIED,
# PDF-FURN-ITEM-CODE, PDF-FONT-URW-ITAL, PDF-LINE-GUTTER-BALANCED-SIZE).
samla_sh_test(e2e_generated_session17 e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_session17.sh)
