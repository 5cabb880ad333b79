/* page_count.h: counting a PDF's pages before reading it (for --max-pages). */
#ifndef SAMLA_CLI_PAGE_COUNT_H
#define SAMLA_CLI_PAGE_COUNT_H

#include <stddef.h>

/* Pages of the PDF in bytes/size, or in the file at path when bytes is NULL.
 * Opening a PDF reads its cross-reference table and page tree, not the
 * pages' content, so this is cheap even for thousands of pages. Returns -1
 * when the input is not a PDF or poppler cannot open it (the reader will
 * then report why). */
int pdf_page_count(const char *path, const void *bytes, size_t size);

#endif
