# OCR in read-pdf (label ocr: the normal build only, scripts/test.sh leaves it out of the sanitizer run).
# read_pdf_ocr_auto: born-digital corpus PDFs give byte-identical models under ocr: auto and never (~3 s, no OCR).
# read_pdf_ocr_scans / read_pdf_ocr_plan: the scanned renders in corpus/scan (9 pages in all, 2-3 s of CPU a page)
# read by OCR and scored against the born-digital gold, plus a 30 dpi scan OCR cannot read. The whole OCR sweep
# (every scan and real document under auto, and timings) is bench/ocr.sh.
samla_sh_test(read_pdf_ocr_auto ocr ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_ocr_test.py auto)
if(OCR_FOUND)
  samla_sh_test(read_pdf_ocr_scans ocr ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_ocr_test.py scans)
  samla_sh_test(read_pdf_ocr_plan ocr ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_ocr_test.py plan)
endif()
