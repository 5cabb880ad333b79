/* norm.c: the normalised text forms `samla compare` aligns on: one spelling
 * for every way a reader may hand over the same words (spacing, line-end
 * hyphenation, case, punctuation, NFC). */
#include <glib.h>
#include <string.h>

#include "compare/compare.h"

/* "förvalt- ningen" -> "förvaltningen": a hyphen right after a letter and
 * followed by white space and a lower-case letter is a line-end hyphen. A
 * hyphen that stays (Anna-Lena, "hälso- och sjukvård") is followed by a
 * capital or by a conjunction; the key drops punctuation anyway, so only the
 * space between the parts matters and dropping it is always right. */
static char *join_hyphens(samla_arena *a, const char *s)
{
    GString *out = g_string_sized_new(strlen(s) + 1);
    for (const char *p = s; *p;) {
        gunichar c = g_utf8_get_char(p);
        const char *next = g_utf8_next_char(p);
        if ((c == '-' || c == 0x2010) && out->len && *next == ' ') {
            const char *prev = g_utf8_find_prev_char(out->str, out->str + out->len);
            gunichar pc = prev ? g_utf8_get_char(prev) : 0;
            gunichar nc = g_utf8_get_char(next + 1);
            if (g_unichar_isalpha(pc) && g_unichar_islower(nc)) {
                p = next + 1; /* drop "- " */
                continue;
            }
        }
        g_string_append_len(out, p, next - p);
        p = next;
    }
    char *r = samla_arena_strdup(a, out->str);
    g_string_free(out, TRUE);
    return r;
}

static char *key_form(samla_arena *a, const char *s, bool digits)
{
    if (!s) return NULL;
    char *clean = samla_text_clean(a, s);
    char *joined = clean ? join_hyphens(a, clean) : NULL;
    char *soft = joined ? samla_text_soft(a, joined) : NULL;
    if (!soft) return NULL;
    char *w = soft;
    for (char *p = soft; *p; p++)
        if (*p != ' ' && (digits || !g_ascii_isdigit(*p))) *w++ = *p;
    *w = '\0';
    return soft;
}

char *compare_norm_key(samla_arena *a, const char *s) { return key_form(a, s, true); }
char *compare_norm_furniture(samla_arena *a, const char *s) { return key_form(a, s, false); }
