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
 * bilingual town's papers) is that language, not garbled Swedish. A map
 * broken in only a letter or two leaves most words words; its font's letters
 * then stand out from Swedish letter shares (P-GARBLED-LETTERS, below). */
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
    /* the text, in UTF-8, lives in the settings' arena: the words are folded in place and the table keeps
     * pointers into it (about 120 000 words: one allocation each would cost more than the words) */
    char *text;
    if (g_utf8_validate(raw, (gssize)len, NULL)) {
        text = samla_arena_alloc(s->arena, len + 1);
        if (text) memcpy(text, raw, len), text[len] = '\0';
    } else { /* Debian's word lists are ISO-8859-1: each byte is the code point of its value */
        text = samla_arena_alloc(s->arena, 2 * len + 1);
        size_t o = 0;
        for (size_t i = 0; text && i < len; i++) {
            unsigned char c = (unsigned char)raw[i];
            if (c < 0x80) {
                text[o++] = (char)c;
            } else {
                text[o++] = (char)(0xC0 | (c >> 6));
                text[o++] = (char)(0x80 | (c & 0x3F));
            }
        }
        if (text) text[o] = '\0';
    }
    g_free(raw);
    if (!text) return SAMLA_ERR_NOMEM;
    /* folded as pdf_word_check folds a page's words (samla_text_lower) */
    s->words = g_hash_table_new(g_str_hash, g_str_equal);
    samla_status st = SAMLA_OK;
    for (char *line = text, *next; line && *line && st == SAMLA_OK; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ')) line[--n] = '\0';
        if (!n) continue;
        /* in place; a word with other letters is folded by GLib (the part folded in place folds to itself) */
        char *f = samla_text_lower_latin1(line, n, line) ? line : samla_text_lower(s->arena, line);
        if (f) g_hash_table_add(s->words, f);
        else st = SAMLA_ERR_NOMEM;
    }
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

/* text without the punctuation at its ends: [*a, *e). */
static void trim_to_letters(const char *text, const char **a, const char **e)
{
    *a = text, *e = text + strlen(text);
    while (*a < *e && !g_unichar_isalpha(g_utf8_get_char(*a))) *a = g_utf8_next_char(*a);
    while (*e > *a) {
        const char *p = g_utf8_find_prev_char(*a, *e);
        if (!p || g_unichar_isalpha(g_utf8_get_char(p))) break;
        *e = p;
    }
}

int pdf_word_check(const pdf_settings *s, const char *text) { return pdf_word_check_min(s, text, 4); }

int pdf_word_check_min(const pdf_settings *s, const char *text, long min_letters)
{
    if (!s->words) return -1;
    /* letters only, trimmed of punctuation at the ends */
    const char *a, *e;
    trim_to_letters(text, &a, &e);
    if (e > a && *e == '-') return -1; /* "likabehand-": a word broken at the line end */
    glong letters = 0;
    bool lower = false;
    for (const char *p = a; p < e; letters++) {
        if ((unsigned char)*p < 0x80) { /* ASCII: a letter is A-Z or a-z, as GLib says */
            if (!g_ascii_isalpha(*p)) return -1;
            lower = lower || g_ascii_islower(*p);
            p++;
            continue;
        }
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isalpha(c)) return -1;
        lower = lower || g_unichar_islower(c);
        p = g_utf8_next_char(p);
    }
    if (letters < min_letters || !lower) return -1;
    /* folded and composed as the list is (samla_text_lower): a text layer may hold "a" + U+0308. Swedish
     * letters fold in a stack buffer (the same bytes: ASCII and Latin-1 letters are NFC folded); anything
     * else through GLib */
    char buf[128];
    if ((size_t)(e - a) < sizeof buf && samla_text_lower_latin1(a, (size_t)(e - a), buf)) return known(s, buf);
    gchar *f = g_utf8_casefold(a, e - a);
    gchar *c = f ? g_utf8_normalize(f, -1, G_NORMALIZE_DEFAULT_COMPOSE) : NULL;
    bool ok = c && known(s, c);
    g_free(c);
    g_free(f);
    return ok;
}

/* w[0..n) (folded) is a compound of listed words of 3+ bytes, each but the
 * last with or without a linking letter (lång|s|värd|s|fäktning,
 * familj|e|hems|rekrytering, gat|u|belysning, kvinn|o|jour): a word of its
 * own, however long, not words run together. */
static bool compound_of_many(const pdf_settings *s, const char *w, size_t n)
{
    bool reach[128] = {true};
    for (size_t i = 0; i < n; i++) {
        if (!reach[i] || (w[i] & 0xC0) == 0x80) continue;
        for (size_t j = i + 3; j <= n; j++) {
            if (j < n && (w[j] & 0xC0) == 0x80) continue;
            if (!listed(s, w + i, j - i)) continue;
            reach[j] = true;
            if (j < n && strchr("seaou", w[j])) reach[j + 1] = true;
        }
    }
    return reach[n];
}

/* A part of a run-together word: 1 a known word of 3+ bytes, 0 a listed
 * word of 1-2 bytes (och's shorter kin: i, av, om; known but not counted),
 * -1 not a word. */
static int part_known(const pdf_settings *s, const char *w, size_t n)
{
    char buf[128];
    if (!n || n >= sizeof buf) return -1;
    memcpy(buf, w, n);
    buf[n] = '\0';
    if (n <= 2) return g_hash_table_contains(s->words, buf) ? 0 : -1;
    return known(s, buf) ? 1 : -1;
}

/* P-GARBLED-SPACE: w (folded, n bytes) cut at some occurrences of the letter
 * c gives min_parts or more known words of 3+ bytes and at most one part
 * that is no word (a word garbled in another way, a name). Dynamic programme
 * over the cuts: best[u][k], the most known parts of w up to the k-th cut
 * with u unknown parts; -1 unreachable. */
static bool run_together_at(const pdf_settings *s, const char *w, size_t n, char c, int min_parts)
{
    size_t cut[64], nc = 0;
    cut[nc++] = 0; /* a part starts here */
    for (size_t i = 0; i < n && nc < 63; i++)
        if (w[i] == c) cut[nc++] = i + 1;
    if (nc < (size_t)min_parts) return false;
    cut[nc] = n + 1; /* the end, as if a separator followed */
    int best[2][65];
    for (size_t k = 0; k <= nc; k++) best[0][k] = best[1][k] = -1;
    best[0][0] = 0;
    for (size_t j = 1; j <= nc; j++)
        for (size_t i = 0; i < j; i++) {
            size_t a = cut[i], e = cut[j] - 1; /* the part [a, e) */
            if (e <= a) continue;
            int ok = part_known(s, w + a, e - a);
            for (int u = 0; u < 2; u++) {
                int v = u + (ok < 0);
                if (best[u][i] < 0 || v > 1) continue;
                int parts = best[u][i] + (ok > 0);
                if (parts > best[v][j]) best[v][j] = parts;
            }
        }
    return best[0][nc] >= min_parts || best[1][nc] >= min_parts;
}

bool pdf_word_run_together(const pdf_settings *s, const char *text, int min_parts, int min_letters)
{
    if (!s->words || min_parts < 2) return false;
    const char *a, *e;
    trim_to_letters(text, &a, &e);
    for (const char *p = a; p < e; p = g_utf8_next_char(p))
        if (!g_unichar_isalpha(g_utf8_get_char(p))) return false;
    if (g_utf8_strlen(a, e - a) < min_letters) return false;
    gchar *f = g_utf8_casefold(a, e - a);
    gchar *w = f ? g_utf8_normalize(f, -1, G_NORMALIZE_DEFAULT_COMPOSE) : NULL;
    g_free(f);
    bool hit = false;
    size_t n = w ? strlen(w) : 0;
    if (w && n < 128 && !known(s, w) && !compound_of_many(s, w, n)) {
        bool tried[128] = {false};
        for (size_t i = 0; i < n && !hit; i++) {
            unsigned char c = (unsigned char)w[i];
            if (c >= 128 || tried[c]) continue; /* an ASCII letter: what a broken map gave for the space */
            tried[c] = true;
            hit = run_together_at(s, w, n, (char)c, min_parts);
        }
    }
    g_free(w);
    return hit;
}

/* g_ascii_tolower, inline. */
static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c; }

void pdf_foreign_index(pdf_settings *s)
{
    memset(s->foreign_first, 0, sizeof s->foreign_first);
    for (const char **f = s->foreign_words; f && *f; f++) {
        if (!**f) memset(s->foreign_first, 1, sizeof s->foreign_first); /* "" starts every text */
        s->foreign_first[(unsigned char)ascii_lower(**f)] = true;
    }
}

bool pdf_foreign_word(const pdf_settings *s, const char *text)
{
    char first = ascii_lower(*text);
    if (!s->foreign_first[(unsigned char)first]) return false; /* most words: no foreign word starts so */
    for (const char **f = s->foreign_words; f && *f; f++) {
        if (**f && ascii_lower(**f) != first) continue; /* what g_ascii_strncasecmp would find first */
        size_t n = strlen(*f);
        /* the word itself, with punctuation after it at most */
        if (g_ascii_strncasecmp(text, *f, n) == 0 && !g_unichar_isalpha(g_utf8_get_char(text + n))) return true;
    }
    return false;
}

#define LETTER_FONTS 32

/* P-GARBLED-LETTERS: a broken ToUnicode map gives one letter for another in all of a font's text ('g' for every
 * 'e', 'j' for every 'l'), so that font's letters are not distributed as Swedish letters are, though most of its
 * words may still be words (*Bgrgdning*, *protokojjet* among *och*, *som*, *till*). Per font with letters_min
 * letters on the page: an ASCII letter whose expected count (share x letters) is letters_missing or more and that
 * occurs less than letters_absent of that is missing; a letter of letters_min_share or more that occurs
 * letters_min_count times and letters_excess times its expected count is in excess; either alone, or a missing
 * letter expected letters_pair_missing times together with a letter letters_pair_excess times its share, marks
 * the font. å, ä and ö are never counted missing (a page in another language lacks them). A font whose checked
 * words are words all but letters_nonwords of them has a sound map whatever its letters: a letter given for
 * another leaves most words it stands in no word, while a page of few words that repeats some (*Delmål*,
 * *Fokusområde* in a strategy's bold headings) may hold a letter at five times its share. */
bool pdf_letters_garbled(const pdf_settings *s, const pdf_word *w, const char *const *font, const signed char *ok,
                         size_t n, char *note, size_t note_size, pdf_bad_glyph *gone)
{
    if (gone) gone->c = 0;
    static const char *const names[PDF_LETTERS] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
                                                   "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "å", "ä", "ö"};
    double total_share = 0;
    for (int k = 0; k < PDF_LETTERS; k++) total_share += s->letter_share[k];
    if (total_share <= 0) return false;
    const char *fname[LETTER_FONTS];
    unsigned count[LETTER_FONTS][PDF_LETTERS];
    size_t checked[LETTER_FONTS], nonwords[LETTER_FONTS], nf = 0;
    for (size_t i = 0; i < n; i++) {
        const char *f = font && font[i] ? font[i] : "";
        size_t k = 0;
        while (k < nf && strcmp(fname[k], f) != 0) k++;
        if (k == nf) {
            if (nf == LETTER_FONTS) continue;
            fname[nf] = f;
            checked[nf] = nonwords[nf] = 0;
            memset(count[nf++], 0, sizeof count[0]);
        }
        checked[k] += ok && ok[i] >= 0;
        nonwords[k] += ok && ok[i] == 0;
        for (const char *p = w[i].text; p && *p;) {
            if ((unsigned char)*p < 0x80) { /* ASCII: a-z, either case */
                char c = ascii_lower(*p++);
                if (c >= 'a' && c <= 'z') count[k][c - 'a']++;
                continue;
            }
            int slot = pdf_letter_slot(g_unichar_tolower(g_utf8_get_char(p)));
            if (slot >= 0) count[k][slot]++;
            p = g_utf8_next_char(p);
        }
    }
    for (size_t k = 0; k < nf; k++) {
        double total = 0;
        for (int l = 0; l < PDF_LETTERS; l++) total += count[k][l];
        if (total < s->letters_min) continue;
        if (checked[k] && (double)nonwords[k] < s->letters_nonwords * (double)checked[k]) continue;
        int miss = -1, excess = -1;
        double miss_expected = 0, excess_times = 0;
        for (int l = 0; l < PDF_LETTERS; l++) {
            double share = s->letter_share[l] / total_share, expected = share * total;
            if (expected <= 0) continue;
            if (l < 26 && count[k][l] < s->letters_absent * expected && expected > miss_expected) {
                miss = l;
                miss_expected = expected;
            }
            double times = count[k][l] / expected;
            if (share >= s->letters_min_share && count[k][l] >= s->letters_min_count && times > excess_times) {
                excess = l;
                excess_times = times;
            }
        }
        bool missing = miss >= 0 && miss_expected >= s->letters_missing;
        bool many = excess >= 0 && excess_times >= s->letters_excess;
        bool pair = miss >= 0 && miss_expected >= s->letters_pair_missing && excess >= 0 &&
                    excess_times >= s->letters_pair_excess;
        if (!missing && !many && !pair) continue;
        if (gone && (missing || pair)) { /* P-GARBLED-FONT looks for the letter on the font's other pages */
            g_strlcpy(gone->font, fname[k], sizeof gone->font);
            gone->c = (unsigned)('a' + miss);
            gone->em = 0;
            gone->med = miss_expected;
        }
        if (note && note_size) {
            if (pair || (missing && many))
                g_snprintf(note, note_size, "'%s' missing, '%s' %.1f times its share", names[miss], names[excess], excess_times);
            else if (missing)
                g_snprintf(note, note_size, "'%s' missing", names[miss]);
            else
                g_snprintf(note, note_size, "'%s' %.1f times its share", names[excess], excess_times);
        }
        return true;
    }
    return false;
}

bool pdf_letters_font_missing(const pdf_settings *s, const pdf_glyph_em *g, size_t n, const pdf_bad_glyph *b)
{
    int k = pdf_letter_slot(g_unichar_tolower(b->c));
    double total_share = 0;
    for (int l = 0; l < PDF_LETTERS; l++) total_share += s->letter_share[l];
    if (k < 0 || total_share <= 0 || s->letters_font_missing <= 0) return false;
    size_t letters = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        if (!g[i].font || strcmp(g[i].font, b->font) != 0 || pdf_letter_slot(g_unichar_tolower(g[i].c)) < 0) continue;
        letters++;
        lower += g[i].c == b->c;
    }
    double expected = s->letter_share[k] / total_share * (double)letters;
    return expected >= s->letters_font_missing && (double)lower < s->letters_absent * expected;
}
