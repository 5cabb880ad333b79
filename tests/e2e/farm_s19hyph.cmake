# farm_s19hyph: hyphens at line ends as the farm's renders set them (session 19, helper s19-hyph): a web address
# broken at its own hyphens keeps them (PDF-HYPHEN-ADDRESS), and a table cell whose words pdfTeX hyphenated is no
# cell of words cut without a hyphen (PDF-CELL-HYPHENATED-NO-CUT), on the pdfTeX renders made with Swedish patterns.
samla_sh_test(e2e_farm_s19hyph e2e sh ${CMAKE_CURRENT_LIST_DIR}/farm_s19hyph.sh)
