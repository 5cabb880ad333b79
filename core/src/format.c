/* format.c: what kind of file an input is, from its bytes (never from its
 * name), and why samla does not read it when it does not.
 *
 * samla reads PDF, DOCX (any ZIP package; read-docx checks it is a Word
 * document) and plain UTF-8 text. Everything else gets a reason naming what
 * the file looks like: an empty file, HTML or XML markup, RTF, a legacy
 * Office file, an image, other binary data or text not in UTF-8. Markup is
 * never read as text: its tags would become the document's words. */
#include <glib.h>
#include <string.h>

#include "runtime_internal.h"

static bool starts(const unsigned char *b, size_t n, const char *magic, size_t m)
{
    return n >= m && memcmp(b, magic, m) == 0;
}

/* b after a UTF-8 byte order mark and white space. */
static const unsigned char *skip_space(const unsigned char *b, size_t n, size_t *left)
{
    size_t i = starts(b, n, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n' || b[i] == '\f')) i++;
    *left = n - i;
    return b + i;
}

/* Case-insensitive: the first 1 KiB of b holds tag ("<html"), followed by a
 * space, '>' or '/'. */
static bool has_tag(const unsigned char *b, size_t n, const char *tag)
{
    size_t m = strlen(tag), lim = n < 1024 ? n : 1024;
    for (size_t i = 0; i + m < lim; i++)
        if (g_ascii_strncasecmp((const char *)b + i, tag, m) == 0) {
            unsigned char c = b[i + m];
            if (c == ' ' || c == '>' || c == '/' || c == '\n' || c == '\r' || c == '\t') return true;
        }
    return false;
}

const char *samla_detect_format(const unsigned char *b, size_t n, const char **why, bool *empty)
{
    *why = NULL;
    *empty = false;
    if (n == 0) {
        *empty = true;
        *why = "empty file (0 bytes)";
        return NULL;
    }
    /* PDFs may have junk before the header (allowed within 1024 bytes) */
    for (size_t i = 0; i + 5 <= n && i < 1024; i++)
        if (memcmp(b + i, "%PDF-", 5) == 0) return "pdf";
    if (starts(b, n, "PK\x03\x04", 4)) return "docx";
    static const struct { const char *magic; size_t len; const char *what; } binary[] = {
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "legacy Office file (.doc/.xls/.ppt)"},
        {"\x89PNG", 4, "PNG image"},
        {"\xFF\xD8\xFF", 3, "JPEG image"},
        {"GIF8", 4, "GIF image"},
        {"II*\0", 4, "TIFF image"},
        {"MM\0*", 4, "TIFF image"},
        {"PK\x05\x06", 4, "empty ZIP archive"},
        {"\x1F\x8B", 2, "gzip archive"},
        {"{\\rtf", 5, "RTF document"},
    };
    for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++)
        if (starts(b, n, binary[i].magic, binary[i].len)) {
            *why = binary[i].what;
            return NULL;
        }
    size_t left;
    const unsigned char *t = skip_space(b, n, &left);
    if (left == 0) {
        *empty = true;
        *why = "no text (only white space)";
        return NULL;
    }
    if (has_tag(t, left, "<!doctype html") || has_tag(t, left, "<html") ||
        (t[0] == '<' && (has_tag(t, left, "<head") || has_tag(t, left, "<body")))) {
        *why = "HTML document";
        return NULL;
    }
    if (starts(t, left, "<?xml", 5)) {
        *why = "XML document";
        return NULL;
    }
    if (memchr(b, 0, n)) {
        *why = "binary data";
        return NULL;
    }
    const char *end = NULL;
    /* allow a truncated multibyte sequence at the very end only */
    if (!g_utf8_validate((const char *)b, (gssize)n, &end) &&
        (!end || (size_t)((const unsigned char *)end - b) + 4 < n)) {
        *why = "text that is not UTF-8";
        return NULL;
    }
    return "text";
}
