/* link_strategy.c: the link-strategy plugin (stage linker): links a plan's
 * activities to the goals of a strategy given by the option `strategy`.
 *
 * init loads the stop words, the heading label words, the synonym lexicon
 * and the word list; the strategy itself is loaded in the first process call
 * (it needs a context for the nested run) and kept in the state's arena for
 * every later document. See docs/coverage.md for the method. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"

static const samla_option options[] = {
    {"strategy", SAMLA_OPT_PATH, NULL, offsetof(link_config, strategy),
     "the strategy: a document (PDF/DOCX/text, run through strategy_pipeline) or its samla YAML/JSON"},
    {"strategy_pipeline", SAMLA_OPT_STRING, "strategy", offsetof(link_config, strategy_pipeline),
     "pipeline that extracts the goals of a strategy document"},
    {"threshold", SAMLA_OPT_DOUBLE, "0.18", offsetof(link_config, threshold),
     "lowest lexical score (cosine, 0..1) that makes a link"},
    {"relative", SAMLA_OPT_DOUBLE, "0.75", offsetof(link_config, relative),
     "keep a lexical link only when its score is at least this share of the activity's best"},
    {"top_k", SAMLA_OPT_INT, "2", offsetof(link_config, top_k), "most lexical links per activity"},
    {"synonyms", SAMLA_OPT_PATH, NULL, offsetof(link_config, synonyms),
     "synonym lexicon (YAML map term -> equivalents); default pipelines/synonyms.yaml"},
    {"wordlist", SAMLA_OPT_PATH, "/usr/share/dict/swedish", offsetof(link_config, wordlist),
     "word list for compound splitting (Debian wswedish)"},
    {"levels", SAMLA_OPT_STRLIST, "subgoal,priority", offsetof(link_config, levels),
     "goal kinds that are link targets (focus_area when the strategy has none of them)"},
    {"min_part", SAMLA_OPT_INT, "4", offsetof(link_config, min_part),
     "least letters of a compound word's part (the last part's stem too)"},
    {"proper_nouns", SAMLA_OPT_BOOL, "true", offsetof(link_config, proper_nouns),
     "drop words capitalised inside a sentence that the goals never use as common words (places, projects)"},
    {"plan_words", SAMLA_OPT_BOOL, "true", offsetof(link_config, plan_words),
     "drop the words of the plan's title and organisation from every activity's query"},
    {"area_weight", SAMLA_OPT_DOUBLE, "0.7", offsetof(link_config, area_weight), "query weight of the activity's area"},
    {"indicator_weight", SAMLA_OPT_DOUBLE, "0.5", offsetof(link_config, indicator_weight),
     "query weight of the activity's indicators"},
    {"heading_weight", SAMLA_OPT_DOUBLE, "0.2", offsetof(link_config, heading_weight),
     "query weight of the activity's section (else nearest heading); further headings 0.6 x this"},
    {"named_area_bonus", SAMLA_OPT_DOUBLE, "0.3", offsetof(link_config, named_area_bonus),
     "lexical score share added to goals under a focus area the plan's text names by its title"},
    SAMLA_OPTIONS_END};

static void load_labels(link_state *st, const samla_node *data)
{
    const samla_node *seq = data && data->type == SAMLA_NODE_MAP ? samla_map_get(data, "labels") : NULL;
    size_t n = samla_node_len(seq);
    const char **l = samla_arena_alloc(st->arena, (n + 1) * sizeof *l);
    if (!l) return;
    for (size_t i = 0; i < n; i++) {
        const samla_node *w = samla_seq_at(seq, i);
        if (w && w->type == SAMLA_NODE_STRING) l[st->nlabels++] = samla_text_soft(st->arena, w->u.s);
    }
    st->labels = l;
    const samla_node *org = data && data->type == SAMLA_NODE_MAP ? samla_map_get(data, "organisation_units") : NULL;
    size_t no = samla_node_len(org);
    const char **o = samla_arena_alloc(st->arena, (no + 1) * sizeof *o);
    if (!o) return;
    for (size_t i = 0; i < no; i++) {
        const samla_node *w = samla_seq_at(org, i);
        if (w && w->type == SAMLA_NODE_STRING) o[st->norg_units++] = samla_text_lower(st->arena, w->u.s);
    }
    st->org_units = o;
}

static samla_status load_synonyms(link_state *st, samla_diag *diag)
{
    char *found = NULL;
    const char *path = st->cfg->synonyms;
    if (!path) path = found = samla_runtime_find_pipeline(st->rt, "synonyms");
    samla_node *syn = NULL;
    samla_status s = path ? samla_model_load_file(st->arena, path, &syn, diag) : SAMLA_OK;
    if (s == SAMLA_OK && syn) lex_load_synonyms(st->lx, syn);
    if (!path) samla_diag_add(diag, SAMLA_SEV_WARNING, 0, "link-strategy: no synonym lexicon found; linking without synonyms");
    free(found);
    return s;
}

static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    const link_config *c = cfg;
    if (c->threshold < 0 || c->threshold > 1 || c->top_k < 1 || c->relative < 0 || c->relative > 1) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "link-strategy: threshold and relative must lie in 0..1, top_k be 1 or more");
        return SAMLA_ERR_CONFIG;
    }
    link_state *st = calloc(1, sizeof *st);
    if (!st) return SAMLA_ERR_NOMEM;
    st->cfg = c;
    st->rt = rt;
    st->arena = samla_arena_new();
    st->lx = st->arena ? lex_new(diag) : NULL;
    if (!st->lx) {
        link_state_free(st);
        free(st);
        return SAMLA_ERR_NOMEM;
    }
    lex_set_options(st->lx, c->min_part, c->proper_nouns);
    samla_node *stop = NULL;
    samla_status s = samla_runtime_load_data(rt, st->arena, "stopwords-sv.yaml", &stop, diag);
    if (s == SAMLA_OK) {
        lex_load_stopwords(st->lx, stop);
        load_labels(st, stop);
        s = load_synonyms(st, diag);
    }
    if (s != SAMLA_OK) {
        link_state_free(st);
        free(st);
        return s;
    }
    if (!lex_load_wordlist(st->lx, c->wordlist))
        samla_diag_add(diag, SAMLA_SEV_WARNING, 0,
                       "link-strategy: word list %s not found; compound words are split by the strategy's own words only",
                       c->wordlist ? c->wordlist : "(none)");
    *state = st;
    return SAMLA_OK;
}

static samla_status process(void *state, samla_ctx *ctx)
{
    link_state *st = state;
    samla_status s = link_load_strategy(st, ctx);
    if (s != SAMLA_OK) return s;
    samla_node *links = samla_ctx_section(ctx, "links");
    const samla_node *acts = samla_map_get(ctx->model, "activities");
    samla_node *rec = links ? link_strategy_record(st, ctx->arena) : NULL;
    if (!rec || !samla_map_set(ctx->arena, ctx->model, "strategy", rec)) return SAMLA_ERR_NOMEM;
    GHashTable *drop = link_plan_words(st, ctx);
    link_missing *missing = NULL;
    const bool *named = link_named_areas(st, ctx);
    for (size_t i = 0; i < samla_node_len(acts) && acts->type == SAMLA_NODE_SEQ; i++) {
        const samla_node *a = samla_seq_at(acts, i);
        if (!a || a->type != SAMLA_NODE_MAP || !samla_map_get_str(a, "id")) continue;
        if ((s = link_activity(st, ctx, a, links, drop, &missing, named)) != SAMLA_OK) break;
    }
    if (drop) g_hash_table_destroy(drop);
    bool coded = false;
    for (size_t i = 0; i < st->ngoals && !coded; i++) coded = st->goals[i].code != NULL;
    for (const link_missing *m = missing; s == SAMLA_OK && m; m = m->next)
        samla_ctx_warn(ctx, m->page, "goal code %s is not in the strategy %s%s: %zu %s marked with it (%s%s), linked by %s "
                       "text instead", m->code, st->source, coded ? "" : " (it has no goal codes)", m->n,
                       m->n == 1 ? "activity is" : "activities are", m->acts, m->n > 3 ? ", \u2026" : "",
                       m->n == 1 ? "its" : "their");
    return s;
}

static void fini(void *state)
{
    link_state_free(state);
    free(state);
}

static const char *const needs[] = {"activities", NULL};
static const char *const provides[] = {"links", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "link-strategy",
    .version = "1.0.0",
    .description = "links a plan's activities to a strategy's goals (explicit codes and headings, then TF-IDF)",
    .stage = SAMLA_STAGE_LINKER,
    .needs = needs,
    .provides = provides,
    .options = options,
    .config_size = sizeof(link_config),
    .init = init,
    .process = process,
    .fini = fini,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
