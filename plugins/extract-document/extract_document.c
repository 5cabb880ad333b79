/* extract_document.c: fills `document` (kind and kind_confidence, title, organisation, date, reference)
 * from the document model, using the words and patterns of data/document.yaml.
 * Placed after a protocol extractor in a pipeline, it takes the meeting's date as
 * the document's date. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "extract_document.h"

static void free_state(docx_state *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->norg; i++) samla_re_free(s->org[i]);
    for (size_t i = 0; i < s->nskip; i++) samla_re_free(s->title_skip[i]);
    samla_re_free(s->reference);
    docx_kind_fini(s);
    samla_arena_free(s->arena);
    free(s);
}

/* Compiles a YAML list of patterns into res (at most MAX_ORG_PATTERNS). */
static bool compile_list(const samla_node *list, samla_re **res, size_t *n, unsigned flags, samla_diag *diag)
{
    for (size_t i = 0; i < samla_node_len(list) && *n < MAX_ORG_PATTERNS; i++) {
        const samla_node *p = samla_seq_at(list, i);
        if (p->type != SAMLA_NODE_STRING) continue;
        samla_re *re = samla_re_compile(p->u.s, flags, diag);
        if (!re) return false;
        res[(*n)++] = re;
    }
    return true;
}

static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    (void)cfg;
    docx_state *s = calloc(1, sizeof *s);
    if (!s || !(s->arena = samla_arena_new())) {
        free_state(s);
        return SAMLA_ERR_NOMEM;
    }
    samla_status st = samla_runtime_load_data(rt, s->arena, "document.yaml", &s->data, diag);
    if (st != SAMLA_OK) {
        free_state(s);
        return st;
    }
    if (!compile_list(samla_map_get(s->data, "organisation_patterns"), s->org, &s->norg, 0, diag) ||
        !compile_list(samla_map_get(s->data, "title_skip"), s->title_skip, &s->nskip, SAMLA_RE_CASELESS, diag)) {
        free_state(s);
        return SAMLA_ERR_CONFIG;
    }
    if ((st = docx_kind_init(s, diag)) != SAMLA_OK) {
        free_state(s);
        return st;
    }
    const char *ref = samla_map_get_str(s->data, "reference_pattern");
    if (ref && !(s->reference = samla_re_compile(ref, 0, diag))) {
        free_state(s);
        return SAMLA_ERR_CONFIG;
    }
    *state = s;
    return SAMLA_OK;
}

static void fini(void *state) { free_state(state); }

static samla_status process(void *state, samla_ctx *ctx)
{
    docx_state *s = state;
    samla_node *d = samla_ctx_section(ctx, "document");
    samla_arena *a = ctx->arena;
    const samla_block *title = docx_find_title(s, &ctx->doc);
    const char *title_text = title ? title->text : ctx->doc.meta_title;
    if (title_text && *title_text) samla_map_set_str(a, d, "title", title_text);
    docx_kind kind = docx_classify(s, ctx, title);
    samla_map_set_str(a, d, "kind", kind.kind);
    samla_map_set_float(a, d, "kind_confidence", kind.confidence);
    const char *org = docx_find_organisation(s, ctx);
    if (org) samla_map_set_str(a, d, "organisation", org);
    /* a protocol's date is its meeting's (when a protocol extractor ran before) */
    const char *date = samla_map_get_str(samla_map_get(ctx->model, "meeting"), "date");
    if (!date) date = docx_find_date(s, ctx);
    if (date) samla_map_set_str(a, d, "date", date);
    const char *ref = docx_find_reference(s, ctx);
    if (ref) samla_map_set_str(a, d, "reference", ref);
    return SAMLA_OK;
}

static const char *const needs[] = {"content", NULL};
static const char *const provides[] = {"document", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "extract-document",
    .version = "1.1.0",
    .description = "document kind, title, organisation, date and reference",
    .stage = SAMLA_STAGE_EXTRACTOR,
    .needs = needs,
    .provides = provides,
    .init = init,
    .process = process,
    .fini = fini,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
