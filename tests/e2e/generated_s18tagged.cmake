# generated_s18tagged: generated plans with group rows as Chromium and tagged LibreOffice render them
# (corpus/generated/s18tagged), read through their tags and scored against the generator's gold (session 18,
# helper s18-tagged: PDF-TAG-GROUP-ROW).
samla_sh_test(e2e_generated_s18tagged e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_s18tagged.sh)
