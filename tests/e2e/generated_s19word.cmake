# generated_s19word: generated plans of the tuning seeds 6501 and 5304 (Word-style producer) with their gold
# (corpus/generated/s19word): PDF-CELL-PARA-SPACE (session 19, helper s19-word).
samla_sh_test(e2e_generated_s19word e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_s19word.sh)
