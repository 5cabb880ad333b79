# `samla eval` on the hand-made cases in tests/data/eval/ (label: e2e).
samla_sh_test(e2e_eval_basic e2e bash ${CMAKE_CURRENT_LIST_DIR}/eval_basic.sh)
