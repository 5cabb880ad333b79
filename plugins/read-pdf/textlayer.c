/* textlayer.c: is a page's text layer the text the page shows?
 *
 * A font with a broken ToUnicode map gives poppler wrong characters: the page
 * shows "Beredning" and the text layer holds "Bgrgdning". Such a page is found
 * by its words: per font, the share of its words (4+ letters, not all
 * capitals) that are neither in the Swedish word list (Debian's wswedish,
 * /usr/share/dict/swedish, named by `word_list` in data/read-pdf.yaml, read
 * once in init) nor a compound of two listed words. Sound Swedish text keeps
 * that share low (names and rare compounds); a garbled font's words are
 * mostly not words. The page is garbled when one of its fonts with enough
 * words reaches `garbled.font_share`, or the page as a whole reaches
 * `garbled.page_share` (thresholds in data/read-pdf.yaml). A page with
 * several common words of another language (`foreign_words`: Finnish in a
 * bilingual town's papers) is that language, not garbled Swedish. */
#include <string.h>

#include <glib.h>

#include "pdf.h"

#define WORD_LIST_MAX (16 * 1024 * 1024)

void pdf_word_list_free(pdf_settings *s)
{
    if (s->words) g_hash_table_destroy(s->words);
    s->words = NULL;
}

samla_status pdf_word_list_load(pdf_settings *s, const char *path, samla_diag *diag)
{
    gchar *raw = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &raw, &len, NULL) || len > WORD_LIST_MAX) {
        g_free(raw);
        samla_diag_add(diag, SAMLA_SEV_WARNING, 0,
                       "read-pdf: word list %s cannot be read (install wswedish): garbled text layers are not detected",
                       path);
        return SAMLA_OK;
    }
    gchar *text = raw;
    if (!g_utf8_validate(raw, (gssize)len, NULL)) { /* Debian's word lists are ISO-8859-1 */
        text = g_convert(raw, (gssize)len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
        g_free(raw);
        if (!text) return SAMLA_ERR_NOMEM;
    }
    /* the folded words live in the settings' arena (about 120 000 of them: one allocation each
     * would cost more than the words) and are folded as pdf_word_check folds a page's words */
    s->words = g_hash_table_new(g_str_hash, g_str_equal);
    samla_status st = SAMLA_OK;
    for (char *line = text, *next; line && *line && st == SAMLA_OK; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ')) line[--n] = '\0';
        if (!n) continue;
        char *f = samla_text_lower(s->arena, line);
        if (f) g_hash_table_add(s->words, f);
        else st = SAMLA_ERR_NOMEM;
    }
    g_free(text);
    return st;
}

static bool listed(const pdf_settings *s, const char *w, size_t n)
{
    char buf[128];
    if (n >= sizeof buf) return false;
    memcpy(buf, w, n);
    buf[n] = '\0';
    return g_hash_table_contains(s->words, buf);
}

/* w (casefolded) is a listed word or a compound of two listed words of 3+
 * bytes, with or without a linking s ("välfärds" + "nämnden"). */
static bool known(const pdf_settings *s, const char *w)
{
    size_t n = strlen(w);
    if (listed(s, w, n)) return true;
    for (size_t k = 3; k + 3 <= n; k++) {
        if ((w[k] & 0xC0) == 0x80) continue; /* not inside a UTF-8 sequence */
        if (!listed(s, w + k, n - k)) continue;
        if (listed(s, w, k) || (k > 3 && w[k - 1] == 's' && listed(s, w, k - 1))) return true;
    }
    return false;
}

int pdf_word_check(const pdf_settings *s, const char *text)
{
    if (!s->words) return -1;
    /* letters only, trimmed of punctuation at the ends */
    const char *a = text, *e = text + strlen(text);
    while (a < e && !g_unichar_isalpha(g_utf8_get_char(a))) a = g_utf8_next_char(a);
    while (e > a) {
        const char *p = g_utf8_find_prev_char(a, e);
        if (!p || g_unichar_isalpha(g_utf8_get_char(p))) break;
        e = p;
    }
    if (e > a && *e == '-') return -1; /* "likabehand-": a word broken at the line end */
    glong letters = 0;
    bool lower = false;
    for (const char *p = a; p < e; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isalpha(c)) return -1;
        lower = lower || g_unichar_islower(c);
        letters++;
    }
    if (letters < 4 || !lower) return -1;
    /* folded and composed as the list is (samla_text_lower): a text layer may hold "a" + U+0308 */
    gchar *f = g_utf8_casefold(a, e - a);
    gchar *c = f ? g_utf8_normalize(f, -1, G_NORMALIZE_DEFAULT_COMPOSE) : NULL;
    bool ok = c && known(s, c);
    g_free(c);
    g_free(f);
    return ok;
}

bool pdf_foreign_word(const pdf_settings *s, const char *text)
{
    for (const char **f = s->foreign_words; f && *f; f++) {
        size_t n = strlen(*f);
        /* the word itself, with punctuation after it at most */
        if (g_ascii_strncasecmp(text, *f, n) == 0 && !g_unichar_isalpha(g_utf8_get_char(text + n))) return true;
    }
    return false;
}
