/* context.c: helpers plugins use on the per-document context. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "runtime_internal.h"
#include "samla/context.h"

samla_node *samla_ctx_section(samla_ctx *ctx, const char *name)
{
    if (strcmp(name, "meeting") == 0 || strcmp(name, "document") == 0 || strcmp(name, "samla") == 0)
        return samla_map_ensure_map(ctx->arena, ctx->model, name);
    return samla_map_ensure_seq(ctx->arena, ctx->model, name);
}

samla_node *samla_ctx_source_at(samla_ctx *ctx, int page, int block)
{
    samla_node *m = samla_node_map(ctx->arena);
    if (!m) return NULL;
    if (page > 0) samla_map_set_int(ctx->arena, m, "page", page);
    samla_map_set_int(ctx->arena, m, "block", block);
    samla_map_set_str(ctx->arena, m, "plugin", ctx->current_plugin ? ctx->current_plugin : "samla");
    /* an item read from an OCR'd block says how sure the OCR was of it */
    if (block >= 0 && (size_t)block < ctx->doc.nblocks && ctx->doc.blocks[block]->ocr_confidence > 0)
        samla_map_set_float(ctx->arena, m, "ocr_confidence", ctx->doc.blocks[block]->ocr_confidence);
    return m;
}

samla_node *samla_ctx_source(samla_ctx *ctx, const samla_block *b)
{
    return samla_ctx_source_at(ctx, b ? b->page : 0, b ? b->index : 0);
}

static void ctx_diag(samla_ctx *ctx, samla_severity sev, int page, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
static void ctx_diag(samla_ctx *ctx, samla_severity sev, int page, const char *fmt, va_list ap)
{
    if (!ctx->diag) return;
    const char *sf = ctx->diag->file, *sp = ctx->diag->plugin;
    ctx->diag->file = ctx->doc.path;
    ctx->diag->plugin = ctx->current_plugin;
    samla_diag_addv(ctx->diag, sev, page, fmt, ap);
    ctx->diag->file = sf;
    ctx->diag->plugin = sp;
}

void samla_ctx_warn(samla_ctx *ctx, int page, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ctx_diag(ctx, SAMLA_SEV_WARNING, page, fmt, ap);
    va_end(ap);
}

void samla_ctx_error(samla_ctx *ctx, int page, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ctx_diag(ctx, SAMLA_SEV_ERROR, page, fmt, ap);
    va_end(ap);
}

const char *samla_ctx_data_path(samla_ctx *ctx, const char *name)
{
    char *p = samla_runtime_find_data(ctx->rt, name);
    const char *r = samla_arena_strdup(ctx->arena, p);
    free(p);
    return r;
}

samla_node *samla_ctx_load_data(samla_ctx *ctx, const char *name)
{
    samla_node *n = NULL;
    if (samla_runtime_load_data(ctx->rt, ctx->arena, name, &n, ctx->diag) != SAMLA_OK) return NULL;
    return n;
}

samla_status samla_ctx_write_model(samla_ctx *ctx, const char *format, bool with_content)
{
    if (with_content) {
        samla_node *content = samla_ctx_content(ctx);
        if (!content || !samla_map_set(ctx->arena, ctx->model, "content", content)) return SAMLA_ERR_NOMEM;
    }
    if (strcmp(format, "json") == 0) return samla_model_write_json(ctx->model, ctx->out, ctx->diag);
    return samla_model_write_yaml(ctx->model, ctx->out, ctx->diag);
}
