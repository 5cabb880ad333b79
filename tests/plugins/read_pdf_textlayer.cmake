# read-pdf's garbled-text-layer check scored against the hand-made page list of the real Nykarleby documents
# (corpus/real/garbled-pages.yaml): no sound page flagged, garbled pages found at least as often as today.
samla_sh_test(read_pdf_textlayer plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_textlayer_test.py)
