/* write_json.c: writer plugin: the model as JSON (jansson, via libsamla). */
#include <stdbool.h>
#include <stddef.h>

#include "samla/samla.h"

typedef struct config {
    bool content;   /* include the document model (pages and blocks) */
} config;

static const samla_option options[] = {
    {"content", SAMLA_OPT_BOOL, "false", offsetof(config, content),
     "include the document model (pages, blocks) under 'content'"},
    SAMLA_OPTIONS_END};

static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    (void)rt;
    (void)diag;
    *state = (void *)cfg; /* the core owns the config until fini */
    return SAMLA_OK;
}

static samla_status process(void *state, samla_ctx *ctx)
{
    const config *c = state;
    if (c->content) {
        samla_node *content = samla_ctx_content(ctx);
        if (!content || !samla_map_set(ctx->arena, ctx->model, "content", content)) return SAMLA_ERR_NOMEM;
    }
    return samla_model_write_json(ctx->model, ctx->out, ctx->diag);
}

static const char *const formats[] = {"json", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "write-json",
    .version = "1.0.0",
    .description = "writes the model as JSON",
    .stage = SAMLA_STAGE_WRITER,
    .accepts = formats,
    .options = options,
    .config_size = sizeof(config),
    .init = init,
    .process = process,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
