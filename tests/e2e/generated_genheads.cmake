# generated_genheads: the headings of a generated plan the reader missed (corpus/generated/genheads;
# PDF-HEAD-GAP-ITEMS).
samla_sh_test(e2e_generated_genheads e2e bash ${CMAKE_CURRENT_LIST_DIR}/generated_genheads.sh)
