/* markers.c: list markers from geometry, whatever the glyph.
 *
 * A list item starts with a short marker word followed by the item's text.
 * The marker is recognised by what it is and where it stands, not by one
 * code point: a bullet glyph from data/read-pdf.yaml (`bullets`), a list
 * number (`list_number`), any single private-use code point (Symbol and
 * Wingdings bullets that Word and LibreOffice keep as U+F0B7, U+F0A7, …
 * when the font has no Unicode mapping), any single "other symbol" code
 * point (✓, ➢, ❖) followed by a gap wider than a word space, or a letter
 * that symbol fonts draw as a bullet (`spaced_bullets`: Courier's "o",
 * Wingdings' "§" / "Ø" without a ToUnicode map) only when a tab-like gap
 * (≥ 0.8 em) separates it from the text and the line's spaces are not all of that width (a justified line's,
 * PDF-MARKER-SPACED-JUSTIFIED). A dash before one number alone on its line is a wrapped range's end
 * (PDF-MARKER-DASH-RANGE). Private-use markers are written
 * "•" in the model, as read-docx writes a Symbol/Wingdings bullet. */
#include <string.h>

#include <glib.h>

#include "pdf.h"

static bool in_list(const char *const *list, const char *t)
{
    for (; list && *list; list++)
        if (strcmp(*list, t) == 0) return true;
    return false;
}

/* The single code point t holds, or (gunichar)-1. */
static gunichar single_char(const char *t)
{
    gunichar c = g_utf8_get_char_validated(t, -1);
    if (c == (gunichar)-1 || c == (gunichar)-2 || !c) return (gunichar)-1;
    return *g_utf8_next_char(t) ? (gunichar)-1 : c;
}

static bool private_use(gunichar c) { return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0x10FFFD); }

const char *pdf_marker(const pdf_settings *s, const pdf_word *w, size_t n, bool *bullet)
{
    if (n < 2) return NULL;
    const char *t = w[0].text;
    double em = w[1].size > 0 ? w[1].size : w[0].size;
    double gap = w[1].x0 - w[0].x1;
    *bullet = true;
    /* PDF-MARKER-DASH-RANGE: a dash and one number (a time or date, *– 21.02*) alone on a line is a range's end
     * wrapped from the line above (*Tid och plats: …, 2024-04-18 19.00* / *– 21.02*), no list item */
    if (n == 2 && (strcmp(t, "–") == 0 || strcmp(t, "—") == 0 || strcmp(t, "-") == 0) && g_ascii_isdigit(w[1].text[0]) &&
        strspn(w[1].text, "0123456789.:-") == strlen(w[1].text))
        return *bullet = false, NULL;
    if (in_list(s->bullets, t)) return t;
    gunichar c = single_char(t);
    if (c != (gunichar)-1 && private_use(c)) return "•";
    if (c != (gunichar)-1 && g_unichar_type(c) == G_UNICODE_OTHER_SYMBOL && gap >= 0.3 * em) return t;
    /* PDF-MARKER-SPACED-JUSTIFIED: a justified line stretches every space alike, so a gap no wider than the
       line's other spaces is no tab (groff's *§   73   Dnr   VON* heading in a narrow column) */
    if (gap >= 0.8 * em && in_list(s->spaced_bullets, t) && !pdf_even_spaces(w, n, em, 4)) return t;
    *bullet = false;
    if (samla_re_test(s->numbering, t)) return t;
    return NULL;
}
