/* codes.c: goal codes for link-strategy: the normalised key of a code as a
 * plan or a strategy writes it, and the goal a code names.
 *
 * Plans and strategies write one code in several forms: "A1", "A.1", "a1",
 * "A 1", "Delmål A1", "[1.2]", "1.2." (PL-LINK-CODE-FORMS in
 * docs/conventions.md). The key keeps what identifies the goal: capital
 * letters, the digits, and the dots between two numbers ("A.1" -> "A1",
 * "Delmål 1.2" -> "1.2", "1.2.1" stays). Label words ("delmål", "mål",
 * "fokusområde") come from the `labels` list of data/stopwords-sv.yaml. */
#include <string.h>

#include "link.h"

#define MAX_CODE 16

static bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

/* s without a leading label word or two ("Delmål 1.2", "Fokusområde B"). */
static const char *skip_labels(const link_state *st, const char *s)
{
    for (int guard = 0; guard < 2; guard++) {
        while (*s == ' ' || *s == '\t') s++;
        size_t n = 0;
        while (s[n] && s[n] != ' ' && s[n] != '\t' && s[n] != ':') n++;
        if (n == 0 || !s[n]) return s;
        gchar *w = g_utf8_casefold(s, (gssize)n);
        bool label = false;
        for (size_t i = 0; w && i < st->nlabels && !label; i++) label = !strcmp(st->labels[i], w);
        g_free(w);
        if (!label) return s;
        s += n;
        if (*s == ':') s++;
    }
    return s;
}

char *link_code_key(const link_state *st, samla_arena *a, const char *code)
{
    if (!code) return NULL;
    const char *s = skip_labels(st, code);
    while (*s == ' ' || *s == '[' || *s == '(') s++;
    size_t n = strlen(s);
    while (n > 0 && strchr(" .:)]", s[n - 1])) n--;
    if (n == 0 || n > MAX_CODE) return NULL;
    char key[MAX_CODE + 1];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (ascii_alpha(c) || ascii_digit(c)) {
            key[k++] = ascii_alpha(c) && c >= 'a' ? (char)(c - 'a' + 'A') : c;
            continue;
        }
        /* a separator: kept between two numbers ("1.2"), dropped between a letter and a number ("A.1", "A 1") */
        if (c != '.' && c != ' ' && c != '-') return NULL;
        if (k == 0 || i + 1 >= n) return NULL;
        bool prev_digit = ascii_digit(key[k - 1]), next_digit = ascii_digit(s[i + 1]);
        if (prev_digit && next_digit && c == '.') key[k++] = '.';
        else if (!(ascii_alpha(key[k - 1]) && next_digit)) return NULL;
    }
    key[k] = '\0';
    return k ? samla_arena_strdup(a, key) : NULL;
}

int link_goal_by_code(const link_state *st, samla_arena *a, const char *code)
{
    if (!code) return -1;
    for (size_t i = 0; i < st->ngoals; i++)
        if (st->goals[i].code && !strcmp(st->goals[i].code, code)) return (int)i;
    const char *key = link_code_key(st, a, code);
    for (size_t i = 0; key && i < st->ngoals; i++)
        if (st->goals[i].code_key && !strcmp(st->goals[i].code_key, key)) return (int)i;
    return -1;
}

/* The key has a code's shape: at most two capitals, then numbers joined by dots ("A1", "AB12", "1.2.1", "B"). */
static bool code_shape(const char *key)
{
    size_t letters = 0;
    while (ascii_alpha(key[letters])) letters++;
    if (letters > 2) return false;
    const char *p = key + letters;
    if (*p == '\0') return letters > 0;
    for (;;) {
        if (!ascii_digit(*p)) return false;
        while (ascii_digit(*p)) p++;
        if (*p == '\0') return true;
        if (*p++ != '.') return false;
    }
}

bool link_is_code(const link_state *st, samla_arena *a, const char *s)
{
    const char *key = link_code_key(st, a, s);
    if (!key || !code_shape(key)) return false;
    bool letter = ascii_alpha(key[0]), digit = strpbrk(key, "0123456789") != NULL;
    /* "A1", "1.2", "B12" alone; a lone letter or number only after a label word ("Fokusområde B", "Mål 2") */
    return (digit && (letter || strchr(key, '.'))) || skip_labels(st, s) != s;
}

size_t link_cited_codes(const link_state *st, samla_arena *a, const samla_node *act, const char **out, size_t nmax)
{
    const char *goal = samla_map_get_str(act, "goal");
    const char *area = samla_map_get_str(act, "area");
    size_t n = 0;
    /* an area that is a list of codes and nothing else ("A1, B2", "1.1 och 2.3", "1.2/1.3") cites each */
    char *copy = area ? samla_arena_strdup(a, area) : NULL;
    for (char *o = copy ? strstr(copy, " och ") : NULL; o; o = strstr(o, " och ")) memcpy(o, ",    ", 5);
    bool all = copy != NULL;
    for (char *p = copy; all && p && *p && n < nmax;) {
        size_t len = strcspn(p, ",;/&\n");
        char *next = p[len] ? p + len + 1 : p + len;
        p[len] = '\0';
        while (*p == ' ') p++;
        if (*p) {
            if (link_is_code(st, a, p)) out[n++] = samla_text_trim_end(a, p);
            else all = false;
        }
        p = next;
    }
    if (all && n > 0) return n;
    if (goal && *goal && nmax > 0) {
        out[0] = goal;
        return 1;
    }
    return 0;
}
