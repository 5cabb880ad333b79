# read-pdf on layouts from other producers (Word bullets as private-use glyphs, label/value front pages, header
# rows, garbled text layers) with fixtures in tests/data/reader (label: plugins).
samla_sh_test(read_pdf_geometry plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_geometry_test.py)
