# generated_layouts: picked documents of the generated sets (corpus/generated/layouts) whose layouts the
# committed slice does not draw, scored from DOCX and PDF against the generator's gold.
samla_sh_test(e2e_generated_layouts e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_layouts.sh)
