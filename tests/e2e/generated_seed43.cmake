# generated_seed43: seed-43 generated protocols rendered by groff and WeasyPrint (corpus/generated/seed43), scored
# against the generator's gold, with the two-column conventions they hold (PDF-LINE-GUTTER-OVERHANG-ALONE,
# PDF-LINE-GUTTER-RIGHT-EDGE).
samla_sh_test(e2e_generated_seed43 e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_seed43.sh)
