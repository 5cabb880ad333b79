/* tree.c: goal list with merge-by-code / merge-by-title and model output. */
#include "tree.h"

#include <string.h>

static const char *const kind_names[] = {"vision", "overall", "focus_area", "subgoal", "priority"};

int tree_find_code(const tree *t, const char *code)
{
    for (size_t i = 0; code && i < t->n; i++)
        if (t->g[i].code && strcmp(t->g[i].code, code) == 0) return (int)i;
    return -1;
}

static bool same_title(samla_arena *a, const char *x, const char *y)
{
    char *sx = samla_text_soft(a, x), *sy = samla_text_soft(a, y);
    if (!sx || !sy) return false;
    if (strcmp(sx, sy) == 0) return true;
    return samla_text_similarity(sx, sy) >= 0.85;
}

static int find_same(const tree *t, goal_kind kind, const char *code, const char *title, int parent)
{
    if (code) return tree_find_code(t, code);
    for (size_t i = 0; i < t->n; i++) {
        const goal *g = &t->g[i];
        if (g->kind != kind || g->code) continue;
        if ((kind == GK_SUBGOAL || kind == GK_PRIORITY) && g->parent != parent) continue;
        if (same_title(t->a, g->title, title)) return (int)i;
    }
    return -1;
}

static const char *make_id(const tree *t, goal_kind kind, const char *code, int parent)
{
    if (code) return code;
    int n = 1;
    for (size_t i = 0; i < t->n; i++)
        if (t->g[i].kind == kind && (kind == GK_VISION || kind == GK_OVERALL || kind == GK_FOCUS ||
                                     t->g[i].parent == parent))
            n++;
    switch (kind) {
    case GK_VISION: return samla_arena_printf(t->a, "V%d", n);
    case GK_OVERALL: return samla_arena_printf(t->a, "O%d", n);
    case GK_FOCUS: return samla_arena_printf(t->a, "FA%d", n);
    case GK_SUBGOAL: return samla_arena_printf(t->a, "%s.G%d", parent >= 0 ? t->g[parent].id : "G", n);
    case GK_PRIORITY: return samla_arena_printf(t->a, "%s.P%d", parent >= 0 ? t->g[parent].id : "P", n);
    }
    return NULL;
}

/* Keeps the longer of a goal's first text and its restatement's text. */
static void settle(goal *g)
{
    if (g->restated && (!g->text || strlen(g->restated) > strlen(g->text))) g->text = g->restated;
    g->restated = NULL;
}

int tree_add(tree *t, goal_kind kind, const char *code, const char *title, int parent, const samla_block *src)
{
    int same = find_same(t, kind, code, title, parent);
    if (same >= 0) {
        goal *g = &t->g[same];
        if ((!g->title || !*g->title) && title) g->title = title;
        if (g->parent < 0 && parent >= 0 && parent != same) g->parent = parent;
        settle(g);
        g->again = true;
        return same;
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        goal *ng = samla_arena_grow(t->a, t->g, t->cap, cap, sizeof *ng);
        if (!ng) return -1;
        t->g = ng;
        t->cap = cap;
    }
    const char *id = make_id(t, kind, code, parent);
    if (!id) return -1;
    t->g[t->n] = (goal){.kind = kind, .code = code, .title = title, .parent = parent, .id = id, .src = src};
    return (int)t->n++;
}

void tree_append_text(tree *t, int i, const char *text, bool newline)
{
    if (i < 0 || (size_t)i >= t->n || !text || !*text) return;
    goal *g = &t->g[i];
    char **into = g->again ? &g->restated : &g->text;
    if (!*into) {
        *into = samla_arena_strdup(t->a, text);
        return;
    }
    size_t n = strlen(*into);
    char last = n ? (*into)[n - 1] : '.';
    const char *sep = (newline || last == '.' || last == ':' || last == '!' || last == '?' || last == ',') ? "\n" : " ";
    *into = samla_arena_printf(t->a, "%s%s%s", *into, sep, text);
}

samla_status tree_write(tree *t, samla_ctx *ctx)
{
    for (size_t i = 0; i < t->n; i++) settle(&t->g[i]);
    /* a strategy with sub-goals where one focus area has none: say so (never a silent gap) */
    bool any_sub = false;
    for (size_t i = 0; i < t->n; i++) any_sub |= t->g[i].kind == GK_SUBGOAL;
    for (size_t i = 0; any_sub && i < t->n; i++) {
        if (t->g[i].kind != GK_FOCUS) continue;
        bool has = false;
        for (size_t k = 0; k < t->n && !has; k++) has = t->g[k].parent == (int)i;
        if (!has)
            samla_ctx_warn(ctx, t->g[i].src ? t->g[i].src->page : 0, "focus area '%s' has no sub-goals (delmål) found",
                           t->g[i].title ? t->g[i].title : "");
    }
    samla_node *seq = samla_ctx_section(ctx, "goals");
    if (!seq) return SAMLA_ERR_NOMEM;
    samla_arena *a = ctx->arena;
    for (size_t i = 0; i < t->n; i++) {
        const goal *g = &t->g[i];
        samla_node *m = samla_node_map(a);
        if (!m) return SAMLA_ERR_NOMEM;
        samla_map_set_str(a, m, "id", g->id);
        samla_map_set(a, m, "code", samla_node_str(a, g->code));
        samla_map_set_str(a, m, "kind", kind_names[g->kind]);
        samla_map_set_str(a, m, "title", g->title ? g->title : "");
        samla_map_set(a, m, "text", samla_node_str(a, g->text));
        samla_map_set(a, m, "parent", samla_node_str(a, g->parent >= 0 ? t->g[g->parent].id : NULL));
        samla_map_set(a, m, "source", samla_ctx_source(ctx, g->src));
        if (!samla_seq_append(a, seq, m)) return SAMLA_ERR_NOMEM;
    }
    return SAMLA_OK;
}
