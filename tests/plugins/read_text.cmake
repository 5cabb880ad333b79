# read-text on the seed texts (label: plugins).
samla_sh_test(read_text plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_text_test.py)
