/* phrases.c: phrase lists from data files (samla/phrases.h), matched on folded text. */
#include "samla/phrases.h"

#include <glib.h>

#include <stdlib.h>
#include <string.h>

#include "samla/runtime.h"
#include "samla/text.h"

static int by_length_desc(const void *x, const void *y)
{
    size_t a = strlen(*(const char *const *)x), b = strlen(*(const char *const *)y);
    return a < b ? 1 : a > b ? -1 : 0;
}

samla_status samla_phrases_load(samla_arena *a, const samla_node *map, const char *key, const char *file,
                                samla_phrases *p, samla_diag *diag)
{
    p->soft = NULL;
    p->n = 0;
    const samla_node *seq = samla_map_get(map, key);
    if (!seq) return SAMLA_OK;
    if (seq->type != SAMLA_NODE_SEQ) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "%s: '%s' must be a list", file ? file : "data", key);
        return SAMLA_ERR_CONFIG;
    }
    p->soft = samla_arena_alloc(a, (seq->u.seq.count + 1) * sizeof *p->soft);
    if (!p->soft) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < seq->u.seq.count; i++) {
        const samla_node *s = seq->u.seq.items[i];
        if (s->type != SAMLA_NODE_STRING) continue;
        char *f = samla_text_soft(a, s->u.s);
        if (!f) return SAMLA_ERR_NOMEM;
        if (*f) p->soft[p->n++] = f;
    }
    qsort(p->soft, p->n, sizeof *p->soft, by_length_desc);
    return SAMLA_OK;
}

static size_t count_words(const char *s)
{
    size_t n = 1;
    for (; *s; s++)
        if (*s == ' ') n++;
    return n;
}

size_t samla_phrases_prefix(const samla_phrases *p, const char *soft)
{
    if (!soft) return 0;
    for (size_t i = 0; i < p->n; i++) {
        size_t l = strlen(p->soft[i]);
        if (strncmp(soft, p->soft[i], l) == 0 && (soft[l] == '\0' || soft[l] == ' '))
            return count_words(p->soft[i]);
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

bool samla_phrases_only(const samla_phrases *p, const char *soft)
{
    if (!soft) return false;
    for (size_t i = 0; i < p->n; i++) {
        size_t l = strlen(p->soft[i]);
        if (strncmp(soft, p->soft[i], l) == 0 && (soft[l] == '\0' || (soft[l] == ' ' && only_years(soft + l))))
            return true;
    }
    return false;
}

bool samla_phrases_contains(const samla_phrases *p, const char *soft)
{
    if (!soft) return false;
    for (size_t i = 0; i < p->n; i++) {
        size_t l = strlen(p->soft[i]);
        for (const char *q = strstr(soft, p->soft[i]); q; q = strstr(q + 1, p->soft[i]))
            if ((q == soft || q[-1] == ' ') && (q[l] == '\0' || q[l] == ' ')) return true;
    }
    return false;
}

static bool is_sep(const char *p, size_t *len)
{
    if (*p == ' ' || *p == ':' || *p == '-' || *p == '.' || *p == ',') { *len = 1; return true; }
    if (strncmp(p, "\xe2\x80\x93", 3) == 0 || strncmp(p, "\xe2\x80\x94", 3) == 0) { *len = 3; return true; }
    return false;
}

char *samla_phrases_rest(samla_arena *a, const char *text, size_t nwords)
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

bool samla_phrases_field(samla_arena *a, const samla_phrases *const *lists, size_t n, const char *text)
{
    if (!text) return false;
    const char *colon = strchr(text, ':');
    if (!colon) return false;
    const char *label = samla_text_soft(a, samla_arena_strndup(a, text, (size_t)(colon - text)));
    for (size_t i = 0; i < n; i++)
        if (samla_phrases_only(lists[i], label)) return true;
    return false;
}

/* Longest fragment nesting followed ({A} naming {B} naming ...): deeper is taken for a cycle. */
#define FRAGMENT_DEPTH 8

/* True when s[0] == '{' opens a fragment reference "{NAME}" (an upper-case letter, then at least one
 * upper-case letter, digit or '_'), not a quantifier ("{1,3}") nor a property ("\p{Lu}", "\P{L}"):
 * *len gets the name's length. */
static bool fragment_ref(const char *start, const char *s, size_t *len)
{
    if (s - start >= 2 && s[-2] == '\\' && (s[-1] == 'p' || s[-1] == 'P')) return false;
    const char *q = s + 1;
    if (!(*q >= 'A' && *q <= 'Z')) return false;
    for (q++; (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') || *q == '_'; q++) {}
    if (*q != '}' || q - s - 1 < 2) return false;
    *len = (size_t)(q - s - 1);
    return true;
}

/* A list fragment as a group of alternatives, each taken literally: [Paragraf, "Art."] gives
 * "(?:Paragraf|Art\.)". */
static void append_alternatives(GString *out, const samla_node *seq)
{
    g_string_append(out, "(?:");
    bool first = true;
    for (size_t i = 0; i < seq->u.seq.count; i++) {
        const samla_node *w = seq->u.seq.items[i];
        if (w->type != SAMLA_NODE_STRING) continue;
        if (!first) g_string_append_c(out, '|');
        first = false;
        for (const char *c = w->u.s; *c; c++) {
            if (strchr("\\^$.|?*+()[]{}", *c)) g_string_append_c(out, '\\');
            g_string_append_c(out, *c);
        }
    }
    g_string_append_c(out, ')');
}

/* Appends pat to out with every {NAME} replaced by fragments[NAME] (itself expanded); false after an
 * error diagnostic naming file and key. */
static bool expand(GString *out, const char *pat, const samla_node *fragments, int depth, const char *file,
                   const char *key, samla_diag *diag)
{
    if (depth > FRAGMENT_DEPTH) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "%s: patterns.%s: fragments nested deeper than %d (a cycle?)", file,
                       key, FRAGMENT_DEPTH);
        return false;
    }
    for (const char *s = pat; *s; s++) {
        size_t len;
        if (*s == '\\' && s[1]) {      /* an escaped character, "\\{" included */
            g_string_append_len(out, s, 2);
            s++;
            continue;
        }
        if (*s != '{' || !fragment_ref(pat, s, &len)) {
            g_string_append_c(out, *s);
            continue;
        }
        char name[64];
        if (len >= sizeof name) len = sizeof name - 1;
        memcpy(name, s + 1, len);
        name[len] = '\0';
        const samla_node *f = samla_map_get(fragments, name);
        if (f && f->type == SAMLA_NODE_STRING) {
            if (!expand(out, f->u.s, fragments, depth + 1, file, key, diag)) return false;
        } else if (f && f->type == SAMLA_NODE_SEQ && f->u.seq.count) {
            append_alternatives(out, f);
        } else {
            samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "%s: patterns.%s: fragment {%s} is %s", file, key, name,
                           f ? "neither a string nor a non-empty list" : "not in fragments");
            return false;
        }
        s += len + 1;
    }
    return true;
}

char *samla_data_pattern_text(samla_arena *a, const samla_node *map, const char *key, const char *file,
                              samla_diag *diag)
{
    file = file ? file : "data";
    const samla_node *n = samla_map_get(samla_map_get(map, "patterns"), key);
    if (!n || n->type != SAMLA_NODE_STRING) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "%s: patterns.%s is %s", file, key, n ? "not a string" : "missing");
        return NULL;
    }
    GString *out = g_string_new(NULL);
    bool ok = expand(out, n->u.s, samla_map_get(map, "fragments"), 0, file, key, diag);
    char *r = ok ? samla_arena_strdup(a, out->str) : NULL;
    g_string_free(out, TRUE);
    return r;
}

samla_re *samla_data_pattern(const samla_node *map, const char *key, const char *file, samla_diag *diag)
{
    samla_arena *a = samla_arena_new();
    const char *pat = a ? samla_data_pattern_text(a, map, key, file, diag) : NULL;
    samla_re *re = NULL;
    if (pat) {
        samla_diag local;
        samla_diag_init(&local);
        re = samla_re_compile(pat, 0, &local);
        if (!re)   /* one line naming the file and the key, with PCRE2's reason and offset */
            samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "%s: patterns.%s: %s", file ? file : "data", key,
                           local.count ? local.msgs[0].message : "does not compile");
        samla_diag_clear(&local);
    }
    samla_arena_free(a);
    return re;
}

static void free_pattern(void *re) { samla_re_free(re); }

/* The item's section of the file (root when section is NULL); NULL after a diagnostic, given
 * once per section, when it is missing or no map. */
static const samla_node *item_section(const samla_node *root, const samla_data_item *items, size_t i,
                                      const char *file, samla_diag *diag)
{
    const char *name = items[i].section;
    const samla_node *m = name ? samla_map_get(root, name) : root;
    if (m && m->type == SAMLA_NODE_MAP) return m;
    bool told = false;
    for (size_t k = 0; k < i && !told; k++) told = name && items[k].section && !strcmp(items[k].section, name);
    if (!told) samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "%s: no '%s' map", file, name ? name : "top-level");
    return NULL;
}

samla_status samla_data_fill(const samla_node *root, samla_arena *a, const char *file, const samla_data_item *items,
                             size_t n, samla_diag *diag)
{
    samla_status first = SAMLA_OK;
    for (size_t i = 0; i < n; i++) {
        const samla_data_item *it = &items[i];
        const samla_node *map = item_section(root, items, i, file, diag);
        samla_status st = SAMLA_OK;
        if (!map) {
            st = SAMLA_ERR_CONFIG;
        } else if (it->phrases) {
            st = samla_phrases_load(a, map, it->key, file, it->phrases, diag);
        } else if (it->re) {
            *it->re = samla_data_pattern(map, it->key, file, diag);
            if (!*it->re) {
                st = SAMLA_ERR_CONFIG;
            } else if (!samla_arena_on_free(a, free_pattern, *it->re)) {
                samla_re_free(*it->re);
                *it->re = NULL;
                st = SAMLA_ERR_NOMEM;
            }
        }
        if (first == SAMLA_OK) first = st;
    }
    return first;
}

samla_status samla_data_load(const samla_runtime *rt, samla_arena *a, const char *file, const samla_data_item *items,
                             size_t n, samla_diag *diag)
{
    samla_node *root = NULL;
    samla_status st = samla_runtime_load_data(rt, a, file, &root, diag);
    return st != SAMLA_OK ? st : samla_data_fill(root, a, file, items, n, diag);
}
