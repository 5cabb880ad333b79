# read-pdf: corpus PDF content (the Uppsala plan's 4-column tables, headings
# levels, running headers/footers, two-column reading order, attendance
# tables, a table continued across pages) and broken inputs (encrypted,
# truncated, image-only) with their one-line errors.
samla_sh_test(read_pdf plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_test.py)
