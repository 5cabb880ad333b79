# generated_s18cells: plans of generated seed 5101 as the farm's groff and pdfTeX producers render them after
# FARM-CELL-LINES and FARM-GROFF-LONG (corpus/generated/s18cells), scored against the generator's gold (session 18).
samla_sh_test(e2e_generated_s18cells e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_s18cells.sh)
