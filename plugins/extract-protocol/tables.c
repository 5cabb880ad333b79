/* tables.c: word tables loaded from the data files (label -> key), with
 * exact and prefix lookups, case-insensitive, longest label first. A label
 * also matches text that lost ligature glyphs (P-TEXT-LIGATURE-LOSS: each
 * letter group of protocol-conventions.yaml ligature_loss may come out as its
 * first letter, "Ersätare" for "Ersättare"), when no label matches exactly. */
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

static samla_status push(samla_arena *a, ptable *t, const char *label, const char *key)
{
    const char **nl = samla_arena_grow(a, t->label, t->n, t->n + 1, sizeof *nl);
    const char **nk = samla_arena_grow(a, t->key, t->n, t->n + 1, sizeof *nk);
    if (!nl || !nk) return SAMLA_ERR_NOMEM;
    nl[t->n] = samla_text_lower(a, label);
    if (!nl[t->n]) return SAMLA_ERR_NOMEM;
    if (strlen(nl[t->n]) > t->longest) t->longest = strlen(nl[t->n]);
    nk[t->n] = key;
    t->label = nl;
    t->key = nk;
    t->n++;
    return SAMLA_OK;
}

samla_status ptable_from_list(samla_arena *a, const samla_node *seq, const char *key, ptable *t, bool append)
{
    if (!append) *t = (ptable){0};
    if (!key) return SAMLA_ERR_CONFIG;
    const char *k = samla_arena_strdup(a, key);
    for (size_t i = 0; i < samla_node_len(seq); i++) {
        samla_node *v = samla_seq_at(seq, i);
        if (!v || v->type != SAMLA_NODE_STRING) continue;
        samla_status s = push(a, t, v->u.s, k);
        if (s != SAMLA_OK) return s;
    }
    return SAMLA_OK;
}

samla_status ptable_from_map(samla_arena *a, const samla_node *map, ptable *t)
{
    *t = (ptable){0};
    if (!map || map->type != SAMLA_NODE_MAP) return SAMLA_ERR_CONFIG;
    for (size_t i = 0; i < map->u.map.count; i++) {
        samla_status s = ptable_from_list(a, map->u.map.items[i].value, map->u.map.items[i].key, t, true);
        if (s != SAMLA_OK) return s;
    }
    return SAMLA_OK;
}

void ptable_sort(ptable *t)
{
    for (size_t i = 1; i < t->n; i++)
        for (size_t j = i; j > 0 && strlen(t->label[j]) > strlen(t->label[j - 1]); j--) {
            const char *l = t->label[j], *k = t->key[j];
            t->label[j] = t->label[j - 1]; t->key[j] = t->key[j - 1];
            t->label[j - 1] = l; t->key[j - 1] = k;
        }
}

/* Bytes of text that label l matches at its start when ligature groups may
 * have lost all but their first letter; -1 if it does not. Recursion depth is
 * bounded by the label's length (labels are short words). */
static long lig_match(const pstate *st, const char *l, const char *text, int depth)
{
    const char *t = text;
    while (*l) {
        /* both ways need this letter: a kept ligature's first letter, or the letter itself */
        if (*l != *t) return -1;
        if (depth < 8)
            for (size_t k = 0; k < st->nligs; k++) {
                size_t n = strlen(st->ligs[k]);
                if (n < 2 || strncmp(l, st->ligs[k], n) != 0) continue;
                long r = lig_match(st, l + n, t + 1, depth + 1);
                if (r >= 0) return (long)(t + 1 - text) + r;
            }
        l++;
        t++;
    }
    return (long)(t - text);
}

long ptable_lig_prefix(const pdoc *d, const char *label, const char *text)
{
    if (!label || !text) return -1;
    return lig_match(d->st, label, text, 0);
}

const char *ptable_exact(const pdoc *d, const ptable *t, const char *s)
{
    if (!s) return NULL;
    char *low = samla_text_lower(d->ctx->arena, s);
    if (!low) return NULL;
    low = strip_end(d->ctx->arena, low, ": ");
    /* P-LABEL-SPACED-STOP: a PDF reader may set a gap before an abbreviation's stop, "Närv ." for "Närv." */
    for (char *q = strstr(low, " ."); q; q = strstr(q, " .")) memmove(q, q + 1, strlen(q));
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(low, t->label[i]) == 0) return t->key[i];
    for (size_t i = 0; i < t->n && d->st->nligs; i++)
        if ((size_t)lig_match(d->st, t->label[i], low, 0) == strlen(low) && strlen(low) < strlen(t->label[i]))
            return t->key[i];
    return NULL;
}

/* The value after a label that matched the first n bytes of s: past a colon,
 * or a space when space_ok, and the spaces after it; NULL when the label ends
 * inside a word. */
static const char *after_label(const char *s, size_t n, bool space_ok)
{
    const char *p = s + n;
    if (*p == ':') p++;
    else if (*p == ' ' && space_ok) {}
    else if (*p) return NULL;
    while (*p == ' ') p++;
    return p;
}

const char *ptable_prefix(const pdoc *d, const ptable *t, const char *s, bool space_ok, const char **rest)
{
    if (!s || !t->n) return NULL;
    /* only the start of s can hold a label: fold no more of it than the
     * longest label */
    size_t want = t->longest, cut = 0;
    while (s[cut] && cut < want)
        for (cut++; (s[cut] & 0xC0) == 0x80; cut++) {}   /* whole characters */
    char *head = samla_arena_alloc(d->ctx->arena, cut + 1);
    if (!head) return NULL;
    memcpy(head, s, cut);
    head[cut] = '\0';
    char *low = samla_text_lower(d->ctx->arena, head);
    if (!low || strlen(low) != cut) return NULL;   /* offsets must agree */
    for (size_t i = 0; i < t->n; i++) {
        size_t n = strlen(t->label[i]);
        if (strncmp(low, t->label[i], n) != 0) continue;
        const char *p = after_label(s, (size_t)n, space_ok);
        if (!p) continue;
        if (rest) *rest = p;
        return t->key[i];
    }
    for (size_t i = 0; i < t->n && d->st->nligs; i++) {
        long n = lig_match(d->st, t->label[i], low, 0);
        if (n <= 0 || (size_t)n == strlen(t->label[i])) continue;   /* exact ones were tried above */
        const char *p = after_label(s, (size_t)n, space_ok);
        if (!p) continue;
        if (rest) *rest = p;
        return t->key[i];
    }
    return NULL;
}
