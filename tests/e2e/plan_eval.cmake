# Goals and activities against corpus/gold (label: e2e): `samla run strategy|plan` over the corpus
# PDF and DOCX, then `samla eval` with minimum F1 scores.
samla_sh_test(e2e_plan_eval e2e bash ${CMAKE_CURRENT_LIST_DIR}/plan_eval.sh)
