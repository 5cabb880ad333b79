# extract-document on the corpus (label: plugins).
samla_sh_test(extract_document plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/extract_document_test.py)
