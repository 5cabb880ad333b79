# generated_s18wordstrat: generated strategies of the tuning seeds 5301, 5302, 5304 (Word-style producer) and of seed 1
# (pdfTeX, groff) with their gold (corpus/generated/wordstrat): PL-GOAL-CODE-OUTSIDE-SECTION,
# PL-GOAL-BOLD-UNDER-HEADING, PDF-TABLE-ROWSPAN-RULE-FIRST, PDF-TABLE-HEADER-LABEL-X (session 18, helper s18-wordstrat).
samla_sh_test(e2e_generated_s18wordstrat e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_s18wordstrat.sh)
