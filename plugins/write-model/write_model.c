/* write_model.c: the writer plugins write-yaml and write-json (one source, built
 * twice with WRITE_FORMAT set to "yaml" or "json"): the model through the core's
 * libyaml / jansson writers, optionally with the document model. */
#include <stdbool.h>
#include <stddef.h>

#include "samla/samla.h"

#ifndef WRITE_FORMAT
#error "build with -DWRITE_FORMAT=\"yaml\" or \"json\""
#endif

typedef struct config {
    bool content;   /* include the document model (pages and blocks) */
} config;

static const samla_option options[] = {
    {"content", SAMLA_OPT_BOOL, "false", offsetof(config, content),
     "include the document model (pages, blocks) under 'content'"},
    SAMLA_OPTIONS_END};

static samla_status process(void *state, samla_ctx *ctx)
{
    const config *c = state; /* no init: the core hands the config over as the state */
    return samla_ctx_write_model(ctx, WRITE_FORMAT, c->content);
}

static const char *const formats[] = {WRITE_FORMAT, NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "write-" WRITE_FORMAT,
    .version = "1.0.0",
    .description = "writes the model as " WRITE_FORMAT,
    .stage = SAMLA_STAGE_WRITER,
    .accepts = formats,
    .options = options,
    .config_size = sizeof(config),
    .process = process,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
