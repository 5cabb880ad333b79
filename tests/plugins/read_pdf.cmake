# read-pdf: corpus PDF content (the Uppsala plan's 4-column tables, headings
# levels, running headers/footers, two-column reading order, attendance
# tables, a table continued across pages) and broken inputs (encrypted,
# truncated, image-only) with their one-line errors.
samla_sh_test(read_pdf plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_test.py)
# read-pdf on tagged renders of the producer farm: pages read from tags, agreement of the tag-based
# model with the farm's structure and with the geometry-based model (tags: never), spans from tags.
samla_sh_test(read_pdf_tags plugins ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_tags_test.py $<TARGET_FILE:samla_cli>)
# ~6 s normally, minutes under ASan (12 dumps, 4 compares): the sanitizer run (-LE slow) skips it.
set_tests_properties(read_pdf_tags PROPERTIES LABELS "plugins;slow")
