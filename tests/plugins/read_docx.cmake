# read-docx: corpus DOCX content (tables, merged cells, headings, lists, notes,
# headers/footers), a hand-made DOCX (tracked changes, fields, numbering,
# pages) and hostile inputs (zip bomb, billion laughs, XXE, truncated...).
samla_sh_test(read_docx plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_docx_test.py)
