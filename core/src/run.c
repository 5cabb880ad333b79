/* run.c: running a pipeline over one document (reading, steps, output). */
#include <errno.h>
#include <glib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "runtime_internal.h"
#include "samla/text.h"
#include "samla/context.h"

#ifndef SAMLA_VERSION
#define SAMLA_VERSION "0.1.0"
#endif
#define SAMLA_MODEL_VERSION 1
#define INPUT_MAX_BYTES (512LL * 1024 * 1024)
#define NESTED_MAX_DEPTH 2

const char *samla_version(void) { return SAMLA_VERSION; }
int samla_model_version(void) { return SAMLA_MODEL_VERSION; }

const char *samla_stage_name(samla_stage s)
{
    switch (s) {
    case SAMLA_STAGE_READER: return "reader";
    case SAMLA_STAGE_EXTRACTOR: return "extractor";
    case SAMLA_STAGE_NORMALISER: return "normaliser";
    case SAMLA_STAGE_LINKER: return "linker";
    case SAMLA_STAGE_WRITER: return "writer";
    }
    return NULL;
}

/* Section keys in output order; each output has all of them. */
static const char *const model_sections[] = {"meeting", "agenda", "decisions", "votes", "attendees",
                                             "signatures", "goals", "activities", "links", NULL};

/* Makes buf (arena-owned, NUL after size) the document's input and hashes it. */
static void set_input(samla_ctx *ctx, const unsigned char *buf, size_t size)
{
    ctx->doc.bytes = buf;
    ctx->doc.size = size;
    gchar *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, buf, size);
    if (sum) {
        g_strlcpy(ctx->doc.sha256, sum, sizeof ctx->doc.sha256);
        g_free(sum);
    }
}

static samla_status read_input(samla_ctx *ctx, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        samla_ctx_error(ctx, 0, "cannot open: %s", strerror(errno));
        return SAMLA_ERR_IO;
    }
    if (!S_ISREG(st.st_mode)) {
        samla_ctx_error(ctx, 0, "not a regular file");
        return SAMLA_ERR_IO;
    }
    if (st.st_size > INPUT_MAX_BYTES) {
        samla_ctx_error(ctx, 0, "file is larger than %lld MiB", INPUT_MAX_BYTES / (1024 * 1024));
        return SAMLA_ERR_LIMIT;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        samla_ctx_error(ctx, 0, "cannot open: %s", strerror(errno));
        return SAMLA_ERR_IO;
    }
    size_t size = (size_t)st.st_size;
    unsigned char *buf = samla_arena_alloc(ctx->arena, size + 1);
    size_t got = buf ? fread(buf, 1, size, f) : 0;
    int err = ferror(f);
    fclose(f);
    if (!buf) return SAMLA_ERR_NOMEM;
    if (err || got != size) {
        samla_ctx_error(ctx, 0, "read error");
        return SAMLA_ERR_IO;
    }
    buf[size] = 0;
    set_input(ctx, buf, size);
    return SAMLA_OK;
}

static void fill_header(samla_ctx *ctx, samla_pipeline *p, bool *ran, const char *const *sections)
{
    samla_arena *a = ctx->arena;
    samla_node *h = samla_ctx_section(ctx, "samla");
    samla_map_set_int(a, h, "version", SAMLA_MODEL_VERSION);
    samla_map_set_str(a, h, "release", SAMLA_VERSION);
    samla_map_set_str(a, h, "pipeline", p->name);
    samla_node *secs = samla_map_ensure_seq(a, h, "sections");
    for (size_t i = 0; sections[i]; i++) samla_seq_append_str(a, secs, sections[i]);
    samla_node *pl = samla_map_ensure_seq(a, h, "plugins");
    for (size_t i = 0; i < p->nsteps; i++) {
        if (!ran[i]) continue;
        samla_node *m = samla_seq_append(a, pl, samla_node_map(a));
        samla_map_set_str(a, m, "name", p->steps[i].plugin->name);
        samla_map_set_str(a, m, "version", p->steps[i].plugin->version ? p->steps[i].plugin->version : "0");
        samla_map_set_str(a, m, "stage", samla_stage_name(p->steps[i].plugin->stage));
    }
}

/* True when model section name holds nothing (an empty sequence or map, or none). */
static bool section_empty(const samla_ctx *ctx, const char *name)
{
    const samla_node *n = samla_map_get(ctx->model, name);
    return !n || samla_node_len(n) == 0;
}

/* Warns when the document reads as a kind whose section the pipeline does not extract and the sections it
 * does extract are all empty: `samla run protocol plan.pdf` found nothing because the document is a plan,
 * which is said, never an empty model with exit 0 (docs/model.md, "Warnings"). sections: what the steps that
 * ran provide, NULL-terminated. */
static void warn_kind_misfit(samla_ctx *ctx, samla_pipeline *p, const char *const *sections)
{
    const samla_node *d = samla_map_get(ctx->model, "document");
    const char *kind = samla_map_get_str(d, "kind");
    const char *want = samla_document_kind_section(kind);
    if (!want) return;
    size_t extracted = 0;
    for (size_t i = 0; sections[i]; i++) {
        if (strcmp(sections[i], want) == 0) return;
        if (strcmp(sections[i], "document") == 0) continue;
        if (!section_empty(ctx, sections[i])) return;
        extracted++;
    }
    if (!extracted) return; /* a pipeline that extracts nothing (dump) expects nothing */
    const samla_node *conf = samla_map_get(d, "kind_confidence");
    char c[32] = "";
    if (conf && conf->type == SAMLA_NODE_FLOAT) snprintf(c, sizeof c, " (kind_confidence %.2f)", conf->u.f);
    samla_ctx_warn(ctx, 0,
                   "the document reads as a %s%s, and pipeline '%s' does not extract %s: it found nothing; "
                   "run a pipeline that extracts %s (`samla pipelines` lists them)",
                   kind, c, p->name, want, want);
}

static void fill_warnings(samla_ctx *ctx, size_t first)
{
    samla_node *h = samla_ctx_section(ctx, "samla");
    samla_node *w = samla_map_ensure_seq(ctx->arena, h, "warnings");
    for (size_t i = first; ctx->diag && i < ctx->diag->count; i++) {
        const samla_diag_msg *m = &ctx->diag->msgs[i];
        if (m->severity != SAMLA_SEV_WARNING) continue;
        samla_node *e = samla_seq_append(ctx->arena, w, samla_node_map(ctx->arena));
        if (m->page > 0) samla_map_set_int(ctx->arena, e, "page", m->page);
        samla_map_set_str(ctx->arena, e, "plugin", m->plugin);
        samla_map_set_str(ctx->arena, e, "message", m->message);
    }
}

/* Model root in output order: samla, document, sections. */
static samla_status model_init(samla_ctx *ctx, const char *path)
{
    samla_arena *a = ctx->arena;
    ctx->model = samla_node_map(a);
    if (!ctx->model) return SAMLA_ERR_NOMEM;
    samla_ctx_section(ctx, "samla");
    samla_node *d = samla_ctx_section(ctx, "document");
    samla_map_set_str(a, d, "id", "");
    char *source = samla_path_display(path); /* the model is UTF-8: a non-UTF-8 name escaped */
    samla_map_set_str(a, d, "source", source ? source : "");
    free(source);
    for (size_t i = 0; model_sections[i]; i++) samla_ctx_section(ctx, model_sections[i]);
    return SAMLA_OK;
}

static void document_basics(samla_ctx *ctx)
{
    samla_arena *a = ctx->arena;
    samla_node *d = samla_ctx_section(ctx, "document");
    samla_map_set_str(a, d, "id", ctx->doc.sha256);
    samla_map_set_str(a, d, "format", ctx->doc.format);
    samla_map_set_int(a, d, "pages", (long long)ctx->doc.npages);
    if (!samla_map_get(d, "kind")) samla_map_set_str(a, d, "kind", "other");
    if (!samla_map_get(d, "title") && ctx->doc.meta_title && *ctx->doc.meta_title)
        samla_map_set_str(a, d, "title", ctx->doc.meta_title);
}

static bool accepts(const samla_plugin *pl, const char *format)
{
    if (!pl->accepts) return true;
    for (const char *const *f = pl->accepts; *f; f++)
        if (strcmp(*f, format) == 0) return true;
    return false;
}

static samla_status run_step(samla_ctx *ctx, pipeline_step *s)
{
    ctx->current_plugin = s->plugin->name;
    const char *sp = ctx->diag ? ctx->diag->plugin : NULL;
    size_t before = ctx->diag ? samla_diag_count(ctx->diag, SAMLA_SEV_ERROR) : 0;
    samla_status st = s->plugin->process(s->state, ctx);
    if (st != SAMLA_OK && ctx->diag && samla_diag_count(ctx->diag, SAMLA_SEV_ERROR) == before)
        samla_ctx_error(ctx, 0, "%s", samla_status_str(st));
    if (ctx->diag) ctx->diag->plugin = sp;
    ctx->current_plugin = NULL;
    return st;
}

static samla_status use_memory(samla_ctx *ctx, const void *bytes, size_t size)
{
    if ((long long)size > INPUT_MAX_BYTES) {
        samla_ctx_error(ctx, 0, "input is larger than %lld MiB", INPUT_MAX_BYTES / (1024 * 1024));
        return SAMLA_ERR_LIMIT;
    }
    unsigned char *buf = samla_arena_alloc(ctx->arena, size + 1);
    if (!buf) return SAMLA_ERR_NOMEM;
    if (size) memcpy(buf, bytes, size);
    set_input(ctx, buf, size);
    return SAMLA_OK;
}

/* bytes == NULL: read the file at path; else use the given bytes. */
static samla_status run_in_ctx(samla_pipeline *p, samla_ctx *ctx, const char *path, const void *bytes,
                               size_t size, FILE *out)
{
    samla_status st = model_init(ctx, path);
    if (st != SAMLA_OK) return st;
    st = bytes ? use_memory(ctx, bytes, size) : read_input(ctx, path);
    if (st != SAMLA_OK) return st;
    const char *why = NULL;
    bool empty = false;
    ctx->doc.format = samla_detect_format(ctx->doc.bytes, ctx->doc.size, &why, &empty);
    if (!ctx->doc.format) {
        if (empty)
            samla_ctx_error(ctx, 0, "%s", why);
        else
            samla_ctx_error(ctx, 0, "unsupported format (samla reads PDF, DOCX and plain text): %s",
                            why ? why : "unknown");
        return SAMLA_ERR_FORMAT;
    }
    bool *ran = samla_arena_alloc(ctx->arena, (p->nsteps + 1) * sizeof *ran);
    const char **sections = samla_arena_alloc(ctx->arena, 64 * sizeof *sections);
    if (!ran || !sections) return SAMLA_ERR_NOMEM;
    size_t nsec = 0;
    size_t first_diag = ctx->diag ? ctx->diag->count : 0;

    pipeline_step *reader = NULL;
    for (size_t i = 0; i < p->nsteps && !reader; i++)
        if (p->steps[i].plugin->stage == SAMLA_STAGE_READER && accepts(p->steps[i].plugin, ctx->doc.format)) {
            reader = &p->steps[i];
            ran[i] = true;
        }
    if (!reader) {
        samla_ctx_error(ctx, 0, "pipeline '%s' has no reader for %s files", p->name, ctx->doc.format);
        return SAMLA_ERR_CONFIG;
    }
    if ((st = run_step(ctx, reader)) != SAMLA_OK) return st;
    document_basics(ctx);

    char *buf = NULL;
    size_t buflen = 0;
    FILE *mem = out ? open_memstream(&buf, &buflen) : NULL;
    if (out && !mem) return SAMLA_ERR_NOMEM;
    ctx->out = mem;
    for (size_t i = 0; i < p->nsteps && st == SAMLA_OK; i++) {
        pipeline_step *s = &p->steps[i];
        if (s->plugin->stage == SAMLA_STAGE_READER) continue;
        if (!samla_step_when_holds(&s->when, ctx)) continue; /* neither run nor listed in samla.plugins */
        if (s->plugin->stage == SAMLA_STAGE_WRITER) {
            if (!mem) continue;
            if (!ran[p->nsteps]) { /* header once, before the first writer */
                sections[nsec] = NULL;
                warn_kind_misfit(ctx, p, sections);
                fill_header(ctx, p, ran, sections);
                fill_warnings(ctx, first_diag);
                ran[p->nsteps] = true;
            }
        } else {
            for (const char *const *pv = s->plugin->provides; pv && *pv && nsec < 63; pv++) {
                bool dup = strcmp(*pv, "content") == 0; /* `document` is listed once a step decides it */
                for (size_t k = 0; k < nsec && !dup; k++) dup = strcmp(sections[k], *pv) == 0;
                if (!dup) sections[nsec++] = *pv;
            }
        }
        ran[i] = true;
        st = run_step(ctx, s);
    }
    if (!ran[p->nsteps]) {
        sections[nsec] = NULL;
        if (st == SAMLA_OK) warn_kind_misfit(ctx, p, sections);
        fill_header(ctx, p, ran, sections);
        fill_warnings(ctx, first_diag);
    }
    if (mem) {
        fclose(mem);
        if (st == SAMLA_OK && buflen && fwrite(buf, 1, buflen, out) != buflen) st = SAMLA_ERR_IO;
        free(buf);
    }
    ctx->out = NULL;
    return st;
}

static samla_status run_any(samla_pipeline *p, const char *path, const void *bytes, size_t size, FILE *out,
                            samla_diag *diag, samla_arena *model_arena, samla_node **model_out, int depth)
{
    if (model_out) *model_out = NULL;
    if (!p->started) {
        samla_status st = samla_pipeline_start(p, diag);
        if (st != SAMLA_OK) return st;
    }
    samla_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.arena = samla_arena_new();
    if (!ctx.arena) return SAMLA_ERR_NOMEM;
    ctx.rt = p->rt;
    ctx.diag = diag;
    ctx.pipeline = p->name;
    ctx.nested_depth = depth;
    ctx.doc.arena = ctx.arena;
    ctx.doc.path = path;
    samla_status st = run_in_ctx(p, &ctx, path, bytes, size, out);
    if (st == SAMLA_OK && model_out && model_arena) {
        *model_out = samla_node_copy(model_arena, ctx.model);
        if (!*model_out) st = SAMLA_ERR_NOMEM;
    }
    samla_arena_free(ctx.arena);
    return st;
}

samla_status samla_pipeline_run(samla_pipeline *p, const char *path, FILE *out, samla_diag *diag,
                                samla_arena *model_arena, samla_node **model_out)
{
    return run_any(p, path, NULL, 0, out, diag, model_arena, model_out, 0);
}

samla_status samla_pipeline_run_memory(samla_pipeline *p, const char *name, const void *bytes, size_t size,
                                       FILE *out, samla_diag *diag, samla_arena *model_arena,
                                       samla_node **model_out)
{
    static const char empty[1] = "";
    return run_any(p, name, bytes ? bytes : empty, size, out, diag, model_arena, model_out, 0);
}

samla_status samla_ctx_run_nested(samla_ctx *ctx, const char *pipeline, const char *path, samla_node **model_out)
{
    *model_out = NULL;
    size_t len = strlen(path);
    bool is_model = (len > 5 && strcmp(path + len - 5, ".yaml") == 0) ||
                    (len > 4 && strcmp(path + len - 4, ".yml") == 0) ||
                    (len > 5 && strcmp(path + len - 5, ".json") == 0);
    if (is_model) return samla_model_load_file(ctx->arena, path, model_out, ctx->diag);
    if (ctx->nested_depth >= NESTED_MAX_DEPTH) {
        samla_ctx_error(ctx, 0, "pipelines nested too deeply");
        return SAMLA_ERR_CONFIG;
    }
    samla_pipeline *p = NULL;
    samla_status st = samla_pipeline_load(ctx->rt, pipeline, &p, ctx->diag);
    if (st != SAMLA_OK) return st;
    st = samla_pipeline_start(p, ctx->diag);
    if (st == SAMLA_OK) st = run_any(p, path, NULL, 0, NULL, ctx->diag, ctx->arena, model_out, ctx->nested_depth + 1);
    samla_pipeline_free(p);
    return st;
}
