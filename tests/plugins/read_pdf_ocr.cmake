# OCR in read-pdf (label ocr). read_pdf_ocr_auto: born-digital corpus PDFs give byte-identical models under ocr: auto
# and never (fast; runs under the sanitizers). read_pdf_ocr_scans / read_pdf_ocr_plan: the scanned renders in
# corpus/scan read by OCR and scored against the born-digital gold, plus a 30 dpi scan OCR cannot read (label slow
# too: Tesseract takes seconds a page, so the sanitizer run skips them).
samla_sh_test(read_pdf_ocr_auto ocr ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_ocr_test.py auto)
if(OCR_FOUND)
  samla_sh_test(read_pdf_ocr_scans ocr ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_ocr_test.py scans)
  samla_sh_test(read_pdf_ocr_plan ocr ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/read_pdf_ocr_test.py plan)
  set_tests_properties(read_pdf_ocr_scans read_pdf_ocr_plan PROPERTIES LABELS "ocr;slow")
endif()
