# extract-goals and extract-activities on the corpus plans and strategies (label: plugins).
samla_sh_test(plugins_plan plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/plan_check.py)
