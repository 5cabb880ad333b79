# generated_session16: generated protocols of seeds 1 and 47 rendered by groff, pdfTeX and the Word-style producer
# (corpus/generated/session16), scored against the generator's gold, with the conventions of session 16
# (PDF-TEXT-PAST-EDGE, P-FRONT-LABEL-TRIO, P-SIG-RULES-ONE-CELL, P-SIG-ROLE-ROW-CELLS, PDF-TABLE-CODE-COLUMN,
# PDF-TABLE-NAME-LINES, PDF-TABLE-NAME-COLUMN).
samla_sh_test(e2e_generated_session16 e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_session16.sh)
