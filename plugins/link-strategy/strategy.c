/* strategy.c: the strategy's goal tree for link-strategy: loaded once (nested
 * pipeline run or samla YAML/JSON), deep-copied into the state's arena, link
 * targets chosen by `levels`, and one TF-IDF vector per target goal (title +
 * text + parent focus area's title, or + children's text for focus areas). */
#include <math.h>
#include <string.h>

#include "link.h"

static bool kind_in(const char *kind, const char *const *levels)
{
    for (size_t i = 0; kind && levels && levels[i]; i++)
        if (!strcmp(kind, levels[i])) return true;
    return false;
}

char *link_title_key(const link_state *st, samla_arena *a, const char *s)
{
    char *soft = s ? samla_text_soft(a, s) : NULL;
    if (!soft) return NULL;
    char *p = soft;
    for (;;) {
        while (*p == ' ') p++;
        size_t n = strcspn(p, " ");
        if (n == 0) break;
        bool digits = true, code = n <= 3;
        for (size_t i = 0; i < n; i++) {
            if (p[i] < '0' || p[i] > '9') digits = false;
            if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'z'))) code = false;
        }
        bool label = false;
        for (size_t i = 0; i < st->nlabels && !label; i++)
            label = strlen(st->labels[i]) == n && !strncmp(p, st->labels[i], n);
        /* "2 1 1", "a1", "a", "fokusområde" before the words of a title */
        bool has_digit = strpbrk(p, "0123456789") && (size_t)(strpbrk(p, "0123456789") - p) < n;
        if (!(digits || label || (code && (n == 1 || has_digit)))) break;
        p += n;
    }
    return p;
}

/* Appends the terms of text to goal g's vector with weight w. */
static bool goal_add_text(link_state *st, lgoal *g, const char *text, double w)
{
    if (!text) return true;
    lex_terms t = {0};
    if (!lex_terms_add(st->lx, st->arena, &t, text, w, false)) return false;
    for (size_t i = 0; i < t.n; i++) {
        size_t pos = GPOINTER_TO_SIZE(g_hash_table_lookup(g->index, t.items[i].stem));
        if (pos) {
            g->terms[pos - 1].tf += t.items[i].weight;
            continue;
        }
        goal_term *grown = samla_arena_grow(st->arena, g->terms, g->nterms, g->nterms + 1, sizeof *grown);
        if (!grown) return false;
        g->terms = grown;
        g->terms[g->nterms] = (goal_term){t.items[i].stem, t.items[i].surface, t.items[i].weight, 0};
        g->nterms++;
        g_hash_table_insert(g->index, (gpointer)t.items[i].stem, GSIZE_TO_POINTER(g->nterms));
    }
    return true;
}

static int find_goal(const link_state *st, const char *id)
{
    for (size_t i = 0; id && i < st->ngoals; i++)
        if (st->goals[i].id && !strcmp(st->goals[i].id, id)) return (int)i;
    return -1;
}

static samla_status build_vectors(link_state *st)
{
    for (size_t i = 0; i < st->ngoals; i++) {
        lgoal *g = &st->goals[i];
        if (!g->target) continue;
        g->index = g_hash_table_new(g_direct_hash, g_direct_equal);
        if (!goal_add_text(st, g, g->title, 1.0) || !goal_add_text(st, g, g->text, 1.0)) return SAMLA_ERR_NOMEM;
        if (g->parent >= 0 && !goal_add_text(st, g, st->goals[g->parent].title, 0.5)) return SAMLA_ERR_NOMEM;
        for (size_t k = 0; k < st->ngoals; k++) {
            const lgoal *c = &st->goals[k];
            if (c->parent != (int)i || c->target) continue;
            if (!goal_add_text(st, g, c->title, 0.7) || !goal_add_text(st, g, c->text, 0.7)) return SAMLA_ERR_NOMEM;
        }
        for (size_t k = 0; k < g->nterms; k++) {
            gpointer n = g_hash_table_lookup(st->df, g->terms[k].stem);
            g_hash_table_insert(st->df, (gpointer)g->terms[k].stem, GSIZE_TO_POINTER(GPOINTER_TO_SIZE(n) + 1));
        }
    }
    for (size_t i = 0; i < st->ngoals; i++) {
        lgoal *g = &st->goals[i];
        if (!g->target) continue;
        double norm = 0;
        for (size_t k = 0; k < g->nterms; k++) {
            double df = (double)GPOINTER_TO_SIZE(g_hash_table_lookup(st->df, g->terms[k].stem));
            double idf = log(1.0 + (double)st->ntargets / df);
            g->terms[k].w = (1.0 + log(g->terms[k].tf > 1 ? g->terms[k].tf : 1.0)) * idf;
            norm += g->terms[k].w * g->terms[k].w;
        }
        g->norm = sqrt(norm);
    }
    return SAMLA_OK;
}

static bool any_kind(const link_state *st, const char *const *levels)
{
    for (size_t i = 0; i < st->ngoals; i++)
        if (kind_in(st->goals[i].kind, levels)) return true;
    return false;
}

static samla_status take_goals(link_state *st, samla_ctx *ctx, const samla_node *goals)
{
    size_t n = samla_node_len(goals);
    st->goals = samla_arena_alloc(st->arena, (n + 1) * sizeof *st->goals);
    if (!st->goals) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        const samla_node *m = samla_seq_at(goals, i);
        if (!m || m->type != SAMLA_NODE_MAP) continue;
        lgoal *g = &st->goals[st->ngoals++];
        g->id = samla_map_get_str(m, "id");
        g->code = samla_map_get_str(m, "code");
        g->kind = samla_map_get_str(m, "kind");
        g->title = samla_map_get_str(m, "title");
        g->text = samla_map_get_str(m, "text");
        g->parent_id = samla_map_get_str(m, "parent");
        if (!g->id) g->id = g->code ? g->code : samla_arena_printf(st->arena, "goal-%zu", i + 1);
        lex_add_vocabulary(st->lx, g->title);
        lex_add_vocabulary(st->lx, g->text);
    }
    for (size_t i = 0; i < st->ngoals; i++) {
        st->goals[i].parent = find_goal(st, st->goals[i].parent_id);
        st->goals[i].title_key = link_title_key(st, st->arena, st->goals[i].title);
        st->goals[i].code_key = link_code_key(st, st->arena, st->goals[i].code);
    }
    static const char *const fallback1[] = {"focus_area", NULL};
    static const char *const fallback2[] = {"subgoal", "priority", "focus_area", "overall", NULL};
    const char *const *levels = st->cfg->levels;
    if (!any_kind(st, levels)) levels = fallback1;
    if (!any_kind(st, levels)) levels = fallback2;
    for (size_t i = 0; i < st->ngoals; i++)
        if ((st->goals[i].target = kind_in(st->goals[i].kind, levels))) st->ntargets++;
    if (st->ntargets == 0) {
        samla_ctx_error(ctx, 0, "strategy %s has no goals to link to", st->cfg->strategy);
        return SAMLA_ERR_FORMAT;
    }
    return build_vectors(st);
}

samla_status link_load_strategy(link_state *st, samla_ctx *ctx)
{
    if (st->loaded) return st->load_status;
    st->loaded = true;
    if (!st->cfg->strategy) {
        samla_ctx_error(ctx, 0, "link-strategy needs the option strategy (a strategy document or its samla YAML)");
        return st->load_status = SAMLA_ERR_CONFIG;
    }
    samla_node *model = NULL;
    samla_status s = samla_ctx_run_nested(ctx, st->cfg->strategy_pipeline, st->cfg->strategy, &model);
    if (s != SAMLA_OK || !model) {
        samla_ctx_error(ctx, 0, "cannot read the strategy %s: %s", st->cfg->strategy, samla_status_str(s));
        return st->load_status = s != SAMLA_OK ? s : SAMLA_ERR_FORMAT;
    }
    samla_node *copy = samla_node_copy(st->arena, model);   /* model lives in ctx's arena */
    const samla_node *goals = copy ? samla_map_get(copy, "goals") : NULL;
    if (!copy) return st->load_status = SAMLA_ERR_NOMEM;
    if (!goals || goals->type != SAMLA_NODE_SEQ || samla_node_len(goals) == 0) {
        samla_ctx_error(ctx, 0, "the strategy %s has no goals", st->cfg->strategy);
        return st->load_status = SAMLA_ERR_FORMAT;
    }
    const samla_node *doc = samla_map_get(copy, "document");
    const char *src = doc && doc->type == SAMLA_NODE_MAP ? samla_map_get_str(doc, "source") : NULL;
    st->source = src && *src ? src : st->cfg->strategy;
    st->title = doc && doc->type == SAMLA_NODE_MAP ? samla_map_get_str(doc, "title") : NULL;
    st->df = g_hash_table_new(g_direct_hash, g_direct_equal);
    return st->load_status = take_goals(st, ctx, goals);
}

static bool set_opt(samla_arena *a, samla_node *m, const char *key, const char *v)
{
    return !v || samla_map_set_str(a, m, key, v);
}

samla_node *link_strategy_record(const link_state *st, samla_arena *a)
{
    samla_node *rec = samla_node_map(a);
    samla_node *goals = rec ? samla_node_seq(a) : NULL;
    if (!goals || !set_opt(a, rec, "source", st->source) || !set_opt(a, rec, "title", st->title)) return NULL;
    for (size_t i = 0; i < st->ngoals; i++) {
        const lgoal *g = &st->goals[i];
        samla_node *m = samla_node_map(a);
        const char *parent = g->parent >= 0 ? st->goals[g->parent].id : NULL;
        if (!m || !set_opt(a, m, "id", g->id) || !set_opt(a, m, "code", g->code) || !set_opt(a, m, "kind", g->kind) ||
            !set_opt(a, m, "title", g->title) || !set_opt(a, m, "parent", parent) || !samla_seq_append(a, goals, m))
            return NULL;
    }
    return samla_map_set(a, rec, "goals", goals) ? rec : NULL;
}

void link_state_free(link_state *st)
{
    if (!st) return;
    for (size_t i = 0; i < st->ngoals; i++)
        if (st->goals[i].index) g_hash_table_destroy(st->goals[i].index);
    if (st->df) g_hash_table_destroy(st->df);
    lex_free(st->lx);
    samla_arena_free(st->arena);
}
