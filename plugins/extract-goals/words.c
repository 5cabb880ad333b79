/* words.c: loading and matching the phrase lists of data/plan-words.yaml. */
#include "words.h"

#include <stdlib.h>
#include <string.h>

static int by_length_desc(const void *x, const void *y)
{
    size_t a = strlen(*(const char *const *)x), b = strlen(*(const char *const *)y);
    return a < b ? 1 : a > b ? -1 : 0;
}

samla_status words_load(samla_arena *a, const samla_node *map, const char *key, words *w, samla_diag *diag)
{
    w->soft = NULL;
    w->n = 0;
    const samla_node *seq = samla_map_get(map, key);
    if (!seq) return SAMLA_OK;
    if (seq->type != SAMLA_NODE_SEQ) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "plan-words.yaml: '%s' must be a list", key);
        return SAMLA_ERR_CONFIG;
    }
    w->soft = samla_arena_alloc(a, (seq->u.seq.count + 1) * sizeof *w->soft);
    if (!w->soft) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < seq->u.seq.count; i++) {
        const samla_node *s = seq->u.seq.items[i];
        if (s->type != SAMLA_NODE_STRING) continue;
        char *f = samla_text_soft(a, s->u.s);
        if (!f) return SAMLA_ERR_NOMEM;
        if (*f) w->soft[w->n++] = f;
    }
    qsort(w->soft, w->n, sizeof *w->soft, by_length_desc);
    return SAMLA_OK;
}

static size_t count_words(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        if (*s == ' ') n++;
    return n;
}

size_t words_prefix(const words *w, const char *soft)
{
    if (!soft) return 0;
    for (size_t i = 0; i < w->n; i++) {
        size_t l = strlen(w->soft[i]);
        if (strncmp(soft, w->soft[i], l) == 0 && (soft[l] == '\0' || soft[l] == ' '))
            return count_words(w->soft[i]);
    }
    return 0;
}

/* True when s is empty or only digits and spaces (a year or year range). */
static bool only_years(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && (*s < '0' || *s > '9')) return false;
    return true;
}

bool words_only(const words *w, const char *soft)
{
    if (!soft) return false;
    for (size_t i = 0; i < w->n; i++) {
        size_t l = strlen(w->soft[i]);
        if (strncmp(soft, w->soft[i], l) == 0 && (soft[l] == '\0' || (soft[l] == ' ' && only_years(soft + l))))
            return true;
    }
    return false;
}

bool words_contains(const words *w, const char *soft)
{
    if (!soft) return false;
    for (size_t i = 0; i < w->n; i++) {
        size_t l = strlen(w->soft[i]);
        for (const char *p = strstr(soft, w->soft[i]); p; p = strstr(p + 1, w->soft[i]))
            if ((p == soft || p[-1] == ' ') && (p[l] == '\0' || p[l] == ' ')) return true;
    }
    return false;
}

static bool is_sep(const char *p, size_t *len)
{
    if (*p == ' ' || *p == ':' || *p == '-' || *p == '.' || *p == ',') { *len = 1; return true; }
    if (strncmp(p, "\xe2\x80\x93", 3) == 0 || strncmp(p, "\xe2\x80\x94", 3) == 0) { *len = 3; return true; }
    return false;
}

char *words_rest(samla_arena *a, const char *text, size_t nwords)
{
    const char *p = text;
    size_t l;
    for (size_t i = 0; i < nwords && *p; i++) {
        while (*p && *p != ' ') p++;
        while (*p == ' ') p++;
    }
    while (*p && is_sep(p, &l)) p += l;
    return samla_arena_strdup(a, p);
}

samla_re *words_pattern(const samla_node *map, const char *key, samla_diag *diag)
{
    const char *pat = samla_map_get_str(samla_map_get(map, "patterns"), key);
    if (!pat) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "plan-words.yaml: patterns.%s is missing", key);
        return NULL;
    }
    return samla_re_compile(pat, 0, diag);
}

char *words_trim_end(samla_arena *a, const char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.' || s[n - 1] == ':')) n--;
    return samla_arena_strndup(a, s, n);
}

bool words_field(samla_arena *a, const words *const *lists, size_t n, const char *text)
{
    if (!text) return false;
    const char *colon = strchr(text, ':');
    if (!colon) return false;
    /* the label is the text before the colon: a phrase of the lists, nothing else */
    const char *label = samla_text_soft(a, samla_arena_strndup(a, text, (size_t)(colon - text)));
    for (size_t i = 0; i < n; i++)
        if (words_only(lists[i], label)) return true;
    return false;
}

bool words_lower_start(const char *text)
{
    if (!text || !*text) return false;
    const unsigned char *p = (const unsigned char *)text;
    if (*p >= 'a' && *p <= 'z') return true;
    /* å ä ö é ü (UTF-8 lower case in Latin-1 Supplement: C3 A0..C3 BF) */
    return p[0] == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBF;
}
