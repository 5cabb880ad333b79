/* context.h: the per-document context handed to every plugin callback.
 *
 * One samla_ctx exists per input document for the duration of one pipeline
 * run over it. It owns the arena that holds the document, the model and every
 * string plugins make; samla_ctx_free releases all of it at once. Plugins
 * read ctx->doc (after the reader ran) and add to ctx->model. */
#ifndef SAMLA_CONTEXT_H
#define SAMLA_CONTEXT_H

#include <stdbool.h>
#include <stdio.h>
#include "samla/arena.h"
#include "samla/doc.h"
#include "samla/model.h"
#include "samla/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct samla_runtime samla_runtime;

typedef struct samla_ctx {
    samla_arena *arena;       /* owns everything below */
    samla_runtime *rt;        /* search paths and loaded plugins; not owned */
    samla_doc doc;            /* filled by the reader */
    samla_node *model;        /* root map: samla, document, sections... */
    samla_diag *diag;         /* messages for this document; not owned */
    FILE *out;                /* where writers write; not owned */
    const char *pipeline;     /* pipeline name */
    const char *current_plugin; /* name of the plugin being run */
    int nested_depth;         /* >0 when run from another plugin (samla_run_nested) */
} samla_ctx;

/* The model section with this name ("meeting", "agenda", ...), created as
 * an empty seq (or map for "meeting" and "document") in ctx's arena if
 * absent. NULL on OOM. */
samla_node *samla_ctx_section(samla_ctx *ctx, const char *name);

/* Makes a source map {page, block, plugin} for block b (page left out when
 * 0); plugin is ctx->current_plugin. In ctx's arena; NULL on OOM. */
samla_node *samla_ctx_source(samla_ctx *ctx, const samla_block *b);
/* Same, from a page and block index. */
samla_node *samla_ctx_source_at(samla_ctx *ctx, int page, int block);

/* Adds a diagnostic about this document (file = doc path, plugin = current). */
void samla_ctx_warn(samla_ctx *ctx, int page, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void samla_ctx_error(samla_ctx *ctx, int page, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Finds a data file (e.g. "parties.yaml") in the runtime's data folders.
 * Returns an arena path or NULL. */
const char *samla_ctx_data_path(samla_ctx *ctx, const char *name);
/* Loads a data file into the context's arena. NULL + error diagnostic if missing or bad. */
samla_node *samla_ctx_load_data(samla_ctx *ctx, const char *name);

/* The document model as a node tree for writers and `samla dump`:
 * {pages: [{number, width, height, blocks: [{index, kind, text, ...}]}]}.
 * Arena-owned. */
samla_node *samla_ctx_content(samla_ctx *ctx);

/* Writes ctx->model to ctx->out as format ("yaml" or "json"), with the
 * document model under `content` when with_content is true. Used by the
 * writer plugins. */
samla_status samla_ctx_write_model(samla_ctx *ctx, const char *format, bool with_content);

/* Runs pipeline `pipeline` (a name or path) over the file at path in a fresh
 * nested context and returns a deep copy of its model in ctx's arena (used
 * by linkers to read a strategy given as a document). A path ending in .yaml,
 * .yml or .json is loaded as samla output instead. */
samla_status samla_ctx_run_nested(samla_ctx *ctx, const char *pipeline, const char *path,
                                  samla_node **model_out);

#ifdef __cplusplus
}
#endif
#endif
