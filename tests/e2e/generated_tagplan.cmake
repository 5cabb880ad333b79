# generated_tagplan: a generated plan of seed 2203 as the tagged LibreOffice producer renders it
# (corpus/generated/tagplan), read from its tags and scored against the generator's gold (PDF-TAG-CELL-BROKEN-WORD).
samla_sh_test(e2e_generated_tagplan e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_tagplan.sh)
