/* values.c: field values of gold and output items as lists of strings (raw and
 * soft forms), and their comparison under the strict, soft and fuzzy modes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "values.h"

/* The text of one scalar, or NULL for null / empty. In arena a. */
static const char *scalar_text(samla_arena *a, const samla_node *n)
{
    switch (n->type) {
    case SAMLA_NODE_STRING: {
        const char *s = n->u.s;
        if (!s) return NULL;
        const char *p = s;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        return *p ? s : NULL;
    }
    case SAMLA_NODE_INT: return samla_arena_printf(a, "%lld", n->u.i);
    case SAMLA_NODE_FLOAT: return samla_arena_printf(a, "%g", n->u.f);
    case SAMLA_NODE_BOOL: return n->u.b ? "true" : "false";
    default: return NULL;
    }
}

/* A list element that is a map ({name, title} presenters): its name, text or
 * title, else its scalar values joined by spaces. */
static const char *map_text(samla_arena *a, const samla_node *m)
{
    static const char *const prefer[] = {"name", "text", "title"};
    for (size_t i = 0; i < 3; i++) {
        const samla_node *v = samla_map_get(m, prefer[i]);
        const char *s = v ? scalar_text(a, v) : NULL;
        if (s) return s;
    }
    const char *out = NULL;
    for (size_t i = 0; i < m->u.map.count; i++) {
        if (strcmp(m->u.map.items[i].key, "source") == 0) continue;
        const char *s = scalar_text(a, m->u.map.items[i].value);
        if (s) out = out ? samla_arena_printf(a, "%s %s", out, s) : s;
    }
    return out;
}

static const char *element_text(samla_arena *a, const samla_node *n)
{
    if (n->type == SAMLA_NODE_MAP) return map_text(a, n);
    if (n->type == SAMLA_NODE_SEQ) return NULL;
    return scalar_text(a, n);
}

static bool push(samla_arena *a, eval_value *v, const char *s, size_t cap)
{
    if (!s || v->n >= cap) return true;
    const char *soft = samla_text_soft(a, s);
    if (!soft) return false;
    v->raw[v->n] = s;
    v->soft[v->n] = soft;
    v->n++;
    return true;
}

bool eval_value_from(samla_arena *a, const samla_node *n, eval_value *v)
{
    memset(v, 0, sizeof *v);
    if (!n) return true;
    v->present = true;
    size_t cap = n->type == SAMLA_NODE_SEQ ? n->u.seq.count : 1;
    v->list = n->type == SAMLA_NODE_SEQ;
    v->raw = samla_arena_alloc(a, (cap ? cap : 1) * sizeof *v->raw);
    v->soft = samla_arena_alloc(a, (cap ? cap : 1) * sizeof *v->soft);
    if (!v->raw || !v->soft) return false;
    if (n->type == SAMLA_NODE_SEQ) {
        for (size_t i = 0; i < n->u.seq.count; i++)
            if (!push(a, v, element_text(a, n->u.seq.items[i]), cap)) return false;
        return true;
    }
    return push(a, v, element_text(a, n), cap);
}

bool eval_value_set1(samla_arena *a, eval_value *v, const char *s)
{
    const char *soft = samla_text_soft(a, s);
    if (!soft || v->n < 1) return false;
    v->raw[0] = s;
    v->soft[0] = soft;
    return true;
}

bool eval_str_agree(const char *raw_a, const char *soft_a, const char *raw_b, const char *soft_b,
                    eval_mode m, bool id, double threshold)
{
    if (m == EVAL_STRICT) return strcmp(raw_a, raw_b) == 0;
    if (strcmp(soft_a, soft_b) == 0) return true;
    if (m == EVAL_SOFT || id) return false;
    return samla_text_similarity(soft_a, soft_b) >= threshold;
}

size_t eval_value_common(const eval_value *g, const eval_value *o, eval_mode m, bool id,
                         double threshold)
{
    if (g->n == 0 || o->n == 0) return 0;
    /* Greedy one-to-one: exact matches first, then the rest under the mode.
     * Marks on the stack for ordinary lists, on the heap for long ones. */
    bool small[2][64] = {{false}};
    bool *heap = NULL, *done = small[0], *used = small[1];
    if (g->n > 64 || o->n > 64) {
        heap = calloc(g->n + o->n, sizeof *heap);
        if (!heap) return 0;
        done = heap;
        used = heap + g->n;
    }
    size_t common = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < g->n; i++) {
            if (done[i]) continue;
            for (size_t j = 0; j < o->n; j++) {
                if (used[j]) continue;
                bool ok = pass == 0 ? (m == EVAL_STRICT ? strcmp(g->raw[i], o->raw[j]) == 0
                                                        : strcmp(g->soft[i], o->soft[j]) == 0)
                                    : eval_str_agree(g->raw[i], g->soft[i], o->raw[j], o->soft[j], m,
                                                     id, threshold);
                if (ok) {
                    used[j] = done[i] = true;
                    common++;
                    break;
                }
            }
        }
    free(heap);
    return common;
}

bool eval_value_agree(const eval_value *g, const eval_value *o, eval_mode m, bool id, double threshold)
{
    if (g->n != o->n) return false;
    if (g->n == 0) return true;
    return eval_value_common(g, o, m, id, threshold) == g->n;
}

double eval_value_similarity(const eval_value *g, const eval_value *o)
{
    if (g->n == 0 || o->n == 0) return 0.0;
    if (strcmp(g->soft[0], o->soft[0]) == 0) return 1.0;
    return samla_text_similarity(g->soft[0], o->soft[0]);
}
