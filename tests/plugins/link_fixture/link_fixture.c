/* link_fixture.c: test-only plugin "link-fixture" (extractor): copies the
 * `activities` of a hand-written samla YAML (option `model`) into the
 * document's model, so link-strategy can be tested without the activity
 * extractor. Everything it makes lives in ctx's arena. */
#include <stddef.h>

#include "samla/samla.h"

typedef struct config {
    const char *model;
} config;

static const samla_option options[] = {
    {"model", SAMLA_OPT_PATH, NULL, offsetof(config, model), "samla YAML whose activities are copied"},
    SAMLA_OPTIONS_END};

static samla_status process(void *state, samla_ctx *ctx)
{
    const config *c = state; /* no init: the core hands the config over as the state */
    samla_node *m = NULL;
    if (!c->model) return SAMLA_ERR_CONFIG;
    samla_status s = samla_model_load_file(ctx->arena, c->model, &m, ctx->diag);
    if (s != SAMLA_OK) return s;
    samla_node *acts = samla_map_get(m, "activities");
    samla_node *out = samla_ctx_section(ctx, "activities");
    for (size_t i = 0; acts && out && i < samla_node_len(acts); i++) samla_seq_append(ctx->arena, out, samla_seq_at(acts, i));
    return SAMLA_OK;
}

static const char *const needs[] = {"content", NULL};
static const char *const provides[] = {"activities", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "link-fixture",
    .version = "1.0.0",
    .description = "test only: activities from a samla YAML (for link-strategy tests)",
    .stage = SAMLA_STAGE_EXTRACTOR,
    .needs = needs,
    .provides = provides,
    .options = options,
    .config_size = sizeof(config),
    .process = process,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
