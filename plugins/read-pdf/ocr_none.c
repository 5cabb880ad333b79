/* ocr_none.c: read-pdf built without Tesseract (CMake found no
 * libtesseract/leptonica/cairo). No page is OCR'd; init turns option
 * ocr: auto into never, refuses ocr: always, and the messages about pages
 * without a usable text layer say that samla was built without OCR. */
#include "pdf.h"

bool pdf_ocr_available(void) { return false; }

samla_status pdf_ocr_page(pdf_reader *r, PopplerPage *page, pdf_page *out)
{
    (void)r, (void)page, (void)out;
    return SAMLA_OK;
}

void pdf_ocr_confidences(pdf_reader *r) { (void)r; }

void pdf_ocr_free(pdf_ocr *o) { (void)o; }
