/* text.c: UTF-8 cleaning, folding and similarity (GLib does the Unicode). */
#include "samla/text.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

/* Replacements applied before NFC: soft hyphen, ligatures, odd spaces. */
static const char *replacement(gunichar c)
{
    switch (c) {
    case 0x00AD: return "";     /* soft hyphen */
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: return ""; /* zero-width */
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: case 0xFB06: return "st";
    default: return NULL;
    }
}

/* True when valid UTF-8 s is NFC for certain without asking g_utf8_normalize: every code point is
 * below U+0300 (lead bytes below 0xCC) or one of the punctuation and currency signs below. Below U+0300 there are no combining marks, no characters
 * that compose with a preceding one and none that NFC replaces, so NFC leaves such text as it is;
 * Swedish text (å ä ö é ü) always qualifies. g_utf8_normalize decomposes and recomposes every
 * accented letter, which made case folding the largest cost of samla's own code on a long
 * document (docs/benchmarks.md). */
static bool plainly_nfc(const char *s)
{
    for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
        if (*u < 0xCC) continue; /* not the lead byte of U+0300 or above */
        /* General Punctuation but U+2000 and U+2001 (whose NFC is U+2002 and U+2003): U+2002..U+206F,
         * E2 80 82 .. E2 81 AF (dashes, quotes, bullets, ellipsis), and the currency signs U+20A0..U+20BF,
         * E2 82 A0 .. E2 82 BF (€): starters that no NFC changes, alone or next to each other or to the
         * characters below U+0300 (checked pair by pair against g_utf8_normalize) */
        if (u[0] == 0xE2 && ((u[1] == 0x80 && u[2] >= 0x82) || (u[1] == 0x81 && u[2] <= 0xAF) ||
                             (u[1] == 0x82 && u[2] >= 0xA0))) {
            u += 2;
            continue;
        }
        return false;
    }
    return true;
}

/* Length of s when it holds ASCII and Latin-1 letters and signs U+00C0..U+00FF only (lead byte 0xC3, what
 * Swedish and Finnish text holds); (size_t)-1 when it holds anything else. Such text is valid UTF-8 and NFC,
 * and none of its characters is replaced, a space or a control character beyond ASCII's. */
static size_t plain_length(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0;
    while (u[n]) {
        if (u[n] < 0x80) n++;
        else if (u[n] == 0xC3 && u[n + 1] >= 0x80 && u[n + 1] <= 0xBF) n += 2;
        else return (size_t)-1;
    }
    return n;
}

/* clean() of plain text s, n bytes (plain_length): runs of ASCII space and control characters (what
 * g_unichar_isspace and g_unichar_iscntrl say of ASCII) become one space, trimmed. The same bytes as
 * clean() without its GLib copies; samla_block_new cleans every block's text. */
static char *clean_plain(samla_arena *a, const char *s, size_t n)
{
    char *r = samla_arena_alloc(a, n + 1);
    if (!r) return NULL;
    size_t o = 0;
    bool space = true; /* drops leading space */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= 0x20 || c == 0x7F) {
            space = true;
            continue;
        }
        if (space && o) r[o++] = ' ';
        space = false;
        r[o++] = (char)c;
    }
    r[o] = '\0';
    return r;
}

static char *clean(samla_arena *a, const char *s, bool keep_newlines)
{
    if (!s) return NULL;
    size_t plain = keep_newlines ? (size_t)-1 : plain_length(s);
    if (plain != (size_t)-1) return clean_plain(a, s, plain);
    gchar *valid = g_utf8_make_valid(s, -1);
    GString *out = g_string_sized_new(strlen(valid) + 1);
    bool space = true; /* drops leading space */
    bool pending_nl = false;
    for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        const char *rep = replacement(c);
        if (rep) {
            if (*rep) {
                if (pending_nl) { g_string_append_c(out, '\n'); pending_nl = false; }
                else if (space && out->len) g_string_append_c(out, ' ');
                g_string_append(out, rep);
                space = false;
            }
            continue;
        }
        if (keep_newlines && c == '\n') {
            pending_nl = out->len > 0;
            space = true;
            continue;
        }
        if (g_unichar_isspace(c) || c == 0x00A0 || g_unichar_iscntrl(c)) {
            space = true;
            continue;
        }
        if (pending_nl) {
            g_string_append_c(out, '\n');
            pending_nl = false;
        } else if (space && out->len) {
            g_string_append_c(out, ' ');
        }
        space = false;
        g_string_append_len(out, p, g_utf8_next_char(p) - p);
    }
    gchar *nfc = plainly_nfc(out->str) ? NULL : g_utf8_normalize(out->str, (gssize)out->len, G_NORMALIZE_NFC);
    char *r = samla_arena_strdup(a, nfc ? nfc : out->str);
    g_free(nfc);
    g_string_free(out, TRUE);
    g_free(valid);
    return r;
}

char *samla_text_clean(samla_arena *a, const char *s) { return clean(a, s, false); }
char *samla_text_clean_lines(samla_arena *a, const char *s) { return clean(a, s, true); }

/* Folds s into r (same length) when every character is ASCII or a Latin-1 letter whose case fold
 * is one Latin-1 letter (À–Þ to à–þ, à–ÿ as they are; not ß or µ): what Swedish and Finnish text
 * holds. The fold of such text is NFC already. False when s has any other character. */
bool samla_text_lower_latin1(const char *s, size_t n, char *r)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if (u[i] < 0x80) {
            r[i] = (char)(u[i] >= 'A' && u[i] <= 'Z' ? u[i] + ('a' - 'A') : u[i]); /* g_ascii_tolower */
            continue;
        }
        if (u[i] != 0xC3 || i + 1 >= n) return false;
        unsigned char c = u[i + 1];
        if (c >= 0x80 && c <= 0x9E && c != 0x97) c += 0x20; /* À..Þ (not ×) to à..þ */
        else if (c < 0xA0 || c > 0xBF) return false;      /* ß, or not a continuation byte */
        r[i] = (char)0xC3;
        r[++i] = (char)c;
    }
    r[n] = '\0';
    return true;
}

char *samla_text_lower(samla_arena *a, const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    char *r = samla_arena_alloc(a, n + 1);
    if (!r || samla_text_lower_latin1(s, n, r)) return r; /* the common case: no GLib copies */
    gchar *valid = g_utf8_validate(s, (gssize)n, NULL) ? NULL : g_utf8_make_valid(s, (gssize)n);
    gchar *f = g_utf8_casefold(valid ? valid : s, -1);
    gchar *nfc = plainly_nfc(f) ? NULL : g_utf8_normalize(f, -1, G_NORMALIZE_NFC);
    r = samla_arena_strdup(a, nfc ? nfc : f);
    g_free(nfc);
    g_free(f);
    g_free(valid);
    return r;
}

char *samla_text_soft(samla_arena *a, const char *s)
{
    char *low = samla_text_lower(a, s);
    if (!low) return NULL;
    size_t n = plain_length(low);
    if (n != (size_t)-1) {
        /* plain text: letters and digits are ASCII's and U+00C0..U+00FF but × and ÷ (0xC3 0x97, 0xC3 0xB7) */
        char *r = samla_arena_alloc(a, n + 1);
        if (!r) return NULL;
        size_t o = 0;
        bool space = false;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)low[i];
            bool alnum = c < 0x80 ? g_ascii_isalnum(c) : low[i + 1] != (char)0x97 && low[i + 1] != (char)0xB7;
            if (!alnum) {
                space = true;
                i += c >= 0x80;
                continue;
            }
            if (space && o) r[o++] = ' ';
            space = false;
            r[o++] = (char)c;
            if (c >= 0x80) r[o++] = low[++i];
        }
        r[o] = '\0';
        return r;
    }
    GString *out = g_string_sized_new(strlen(low) + 1);
    bool space = false;
    for (const char *p = low; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_isalnum(c)) {
            if (space && out->len) g_string_append_c(out, ' ');
            space = false;
            g_string_append_unichar(out, c);
        } else {
            space = true;
        }
    }
    char *r = samla_arena_strdup(a, out->str);
    g_string_free(out, TRUE);
    return r;
}

char *samla_text_trim(samla_arena *a, const char *s)
{
    if (!s) return NULL;
    const char *b = s;
    while (*b && g_unichar_isspace(g_utf8_get_char(b))) b = g_utf8_next_char(b);
    const char *e = b + strlen(b);
    while (e > b) {
        const char *prev = g_utf8_find_prev_char(b, e);
        if (!prev || !g_unichar_isspace(g_utf8_get_char(prev))) break;
        e = prev;
    }
    return samla_arena_strndup(a, b, (size_t)(e - b));
}

size_t samla_text_len(const char *s) { return s ? (size_t)g_utf8_strlen(s, -1) : 0; }

double samla_text_similarity(const char *a, const char *b)
{
    if (!a || !b) return 0.0;
    glong la = 0, lb = 0;
    gunichar *ua = g_utf8_to_ucs4_fast(a, -1, &la);
    gunichar *ub = g_utf8_to_ucs4_fast(b, -1, &lb);
    double r;
    if (la == 0 && lb == 0) r = 1.0;
    else {
        size_t *row = malloc(((size_t)lb + 1) * sizeof *row);
        if (!row) { g_free(ua); g_free(ub); return 0.0; }
        for (glong j = 0; j <= lb; j++) row[j] = (size_t)j;
        for (glong i = 1; i <= la; i++) {
            size_t diag = row[0];
            row[0] = (size_t)i;
            for (glong j = 1; j <= lb; j++) {
                size_t up = row[j];
                size_t cost = ua[i - 1] == ub[j - 1] ? 0 : 1;
                size_t v = diag + cost;
                if (row[j] + 1 < v) v = row[j] + 1;
                if (row[j - 1] + 1 < v) v = row[j - 1] + 1;
                row[j] = v;
                diag = up;
            }
        }
        size_t d = row[lb];
        free(row);
        r = 1.0 - (double)d / (double)(la > lb ? la : lb);
    }
    g_free(ua);
    g_free(ub);
    return r;
}

bool samla_text_starts_with_ci(const char *s, const char *prefix)
{
    if (!s || !prefix) return false;
    gchar *fs = g_utf8_casefold(s, (gssize)strlen(s));
    gchar *fp = g_utf8_casefold(prefix, -1);
    bool r = g_str_has_prefix(fs, fp);
    g_free(fs);
    g_free(fp);
    return r;
}

bool samla_text_lower_start(const char *s)
{
    if (!s || !*s) return false;
    gunichar c = g_utf8_get_char_validated(s, -1);
    return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_islower(c);
}

char *samla_text_trim_end(samla_arena *a, const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ':')) n--;
    return samla_arena_strndup(a, s, n);
}
