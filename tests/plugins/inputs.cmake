# Inputs samla does not read (zero bytes, HTML, XML, images, RTF, legacy Office, non-UTF-8 text): one error line
# each, never read as text (label: plugins).
samla_sh_test(inputs plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/inputs_test.py)
