# generated_wordfront: a generated protocol of seed 1 rendered by the Word-style producer
# (corpus/generated/wordfront), scored against the generator's gold, with P-ITEM-FRONT-RANGE (session 17).
samla_sh_test(e2e_generated_wordfront e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_wordfront.sh)
