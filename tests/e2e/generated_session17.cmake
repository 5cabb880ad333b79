# generated_session17: a generated protocol of seed 1 rendered by the Word-style producer
# (corpus/generated/session17), scored against the generator's gold, with P-ITEM-FRONT-RANGE (session 17).
samla_sh_test(e2e_generated_session17 e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_session17.sh)
