/* page_count.c: a PDF's page count through poppler-glib, without reading pages. */
#include "page_count.h"

#include <poppler.h>
#include <string.h>

static int count_bytes(GBytes *b)
{
    gsize n = 0;
    const char *p = g_bytes_get_data(b, &n);
    /* the reader accepts a header within the first 1024 bytes */
    gboolean pdf = FALSE;
    for (gsize i = 0; p && i + 5 <= n && i < 1024 && !pdf; i++) pdf = memcmp(p + i, "%PDF-", 5) == 0;
    if (!pdf) return -1;
    GError *err = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(b, NULL, &err);
    if (!doc) {
        g_clear_error(&err);
        return -1;
    }
    int pages = poppler_document_get_n_pages(doc);
    g_object_unref(doc);
    return pages;
}

int pdf_page_count(const char *path, const void *bytes, size_t size)
{
    if (bytes) {
        GBytes *b = g_bytes_new_static(bytes, size);
        int n = count_bytes(b);
        g_bytes_unref(b);
        return n;
    }
    GMappedFile *m = g_mapped_file_new(path, FALSE, NULL);
    if (!m) return -1;
    GBytes *b = g_mapped_file_get_bytes(m);
    int n = count_bytes(b);
    g_bytes_unref(b);
    g_mapped_file_unref(m);
    return n;
}
