/* example.c: the copy-me plugin. A complete, minimal extractor.
 *
 * It counts the words of the document's body blocks and stores the count in
 * `document.words`, and - to show options - warns about pages with fewer
 * words than `min_words`. Copy this folder, rename the plugin, keep the
 * shape: one config struct, one option table, one descriptor, one entry. */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "samla/samla.h"

/* 1. The config struct: the core fills it from the pipeline's options. */
typedef struct config {
    long min_words;      /* warn about body pages with fewer words (0 = off) */
} config;

/* 2. The option table: name, type, default, offset, help. Unknown or
 *    mistyped options are refused by the core with file and line. */
static const samla_option options[] = {
    {"min_words", SAMLA_OPT_INT, "0", offsetof(config, min_words),
     "warn about pages with fewer body words than this (0 = never)"},
    SAMLA_OPTIONS_END};

/* 3. Callbacks. State lives from init to fini; everything made per document
 *    goes into ctx->arena and is freed with the document. A plugin with
 *    nothing to check or set up leaves .init out: process then gets the
 *    config as its state. */
static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    (void)rt;
    const config *c = cfg;
    if (c->min_words < 0) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "min_words must be 0 or more");
        return SAMLA_ERR_CONFIG;
    }
    *state = (void *)c;
    return SAMLA_OK;
}

static long count_words(const char *s)
{
    long n = 0;
    bool in = false;
    for (; *s; s++) {
        bool space = *s == ' ' || *s == '\t' || *s == '\n';
        if (!space && !in) n++;
        in = !space;
    }
    return n;
}

static samla_status process(void *state, samla_ctx *ctx)
{
    const config *c = state;
    samla_doc *doc = &ctx->doc;
    long total = 0;
    long *per_page = samla_arena_alloc(ctx->arena, (doc->npages + 1) * sizeof *per_page);
    if (!per_page) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const samla_block *b = doc->blocks[i];
        if (b->kind == SAMLA_BLOCK_HEADER || b->kind == SAMLA_BLOCK_FOOTER) continue;
        long w = count_words(b->text);
        total += w;
        if (b->page > 0 && (size_t)b->page <= doc->npages) per_page[b->page] += w;
    }
    samla_map_set_int(ctx->arena, samla_ctx_section(ctx, "document"), "words", total);
    for (size_t p = 1; c->min_words > 0 && p <= doc->npages; p++)
        if (per_page[p] < c->min_words) samla_ctx_warn(ctx, (int)p, "only %ld words on this page", per_page[p]);
    return SAMLA_OK;
}

/* 4. The descriptor: what the plugin is, accepts, needs and provides. */
static const char *const needs[] = {"content", NULL};
static const char *const provides[] = {"document", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "example",
    .version = "1.0.0",
    .description = "copy-me example: counts body words into document.words",
    .stage = SAMLA_STAGE_EXTRACTOR,
    .needs = needs,
    .provides = provides,
    .options = options,
    .config_size = sizeof(config),
    .init = init,
    .process = process,
};

/* 5. The one exported symbol. */
SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
