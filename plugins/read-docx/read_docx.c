/* read_docx.c: the read-docx reader plugin: descriptor, and the order in
 * which the parts of a DOCX package are read (package relationships ->
 * main document, styles, numbering, headers, body, footers, notes,
 * metadata). */
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>

#include "docx.h"

/* Run-wide settings from data/read-docx.yaml: made by init, freed by fini (their arena owns everything). */
typedef struct docx_settings {
    samla_arena *arena;
    const char **typed_bullets; /* DOCX-TYPED-LIST: glyphs typed before a list item, NULL-terminated */
} docx_settings;

static void fini(void *state)
{
    docx_settings *s = state;
    if (!s) return;
    samla_arena_free(s->arena);
    free(s);
}

static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    (void)cfg;
    xmlInitParser(); /* idempotent; never cleaned up from a plugin */
    docx_settings *s = calloc(1, sizeof *s);
    if (!s || !(s->arena = samla_arena_new())) {
        free(s);
        return SAMLA_ERR_NOMEM;
    }
    samla_node *data = NULL;
    samla_status st = samla_runtime_load_data(rt, s->arena, "read-docx.yaml", &data, diag);
    if (st == SAMLA_OK && !(s->typed_bullets = samla_seq_strings(s->arena, samla_map_get(data, "typed_bullets"))))
        st = SAMLA_ERR_NOMEM;
    if (st != SAMLA_OK) {
        fini(s);
        return st;
    }
    *state = s;
    return SAMLA_OK;
}

/* Part named by a relationship of the main document, or dir + fallback. */
static const char *part_name(samla_ctx *ctx, const docx_rels *rels, const char *dir, const char *kind,
                             const char *fallback)
{
    const char *t = docx_rels_find(rels, kind);
    return t ? t : samla_arena_printf(ctx->arena, "%s%s", dir, fallback);
}

static samla_status read_package(const docx_settings *set, samla_ctx *ctx, docx_pkg *pkg)
{
    docx_rels pkg_rels, rels;
    samla_status st = docx_rels_load(pkg, "_rels/.rels", "", &pkg_rels);
    if (st != SAMLA_OK) return st;
    const char *main_part = docx_rels_find(&pkg_rels, "officeDocument");
    if (!main_part || !docx_pkg_has(pkg, main_part)) main_part = "word/document.xml";
    if (!docx_pkg_has(pkg, main_part)) {
        samla_ctx_error(ctx, 0, "not a DOCX file (no word/document.xml)");
        return SAMLA_ERR_FORMAT;
    }
    /* "word/document.xml" -> dir "word/", rels "word/_rels/document.xml.rels" */
    const char *slash = strrchr(main_part, '/');
    size_t dlen = slash ? (size_t)(slash - main_part) + 1 : 0;
    char *dir = samla_arena_strndup(ctx->arena, main_part, dlen);
    char *rels_name = samla_arena_printf(ctx->arena, "%s_rels/%s.rels", dir ? dir : "", main_part + dlen);
    if (!dir || !rels_name) return SAMLA_ERR_NOMEM;
    if ((st = docx_rels_load(pkg, rels_name, dir, &rels)) != SAMLA_OK) return st;
    const char *styles_name = part_name(ctx, &rels, dir, "styles", "styles.xml");
    const char *numbering_name = part_name(ctx, &rels, dir, "numbering", "numbering.xml");
    const char *fn_name = part_name(ctx, &rels, dir, "footnotes", "footnotes.xml");
    const char *en_name = part_name(ctx, &rels, dir, "endnotes", "endnotes.xml");
    if (!styles_name || !numbering_name || !fn_name || !en_name) return SAMLA_ERR_NOMEM;

    docx_styles styles;
    xmlDocPtr sx, nx, dx;
    if ((st = docx_pkg_xml(pkg, styles_name, &sx)) != SAMLA_OK) return st;
    st = docx_styles_load(ctx->arena, sx, &styles);
    if (sx) xmlFreeDoc(sx);
    if (st != SAMLA_OK) return st;
    if ((st = docx_pkg_xml(pkg, numbering_name, &nx)) != SAMLA_OK) return st;
    docx_numbering *numbering = docx_numbering_load(ctx->arena, nx);
    if (nx) xmlFreeDoc(nx);
    if (!numbering) return SAMLA_ERR_NOMEM;

    if ((st = docx_pkg_xml(pkg, main_part, &dx)) != SAMLA_OK) return st;
    const xmlNode *body = docx_child(xmlDocGetRootElement(dx), "body");
    if (!body) {
        xmlFreeDoc(dx);
        samla_ctx_error(ctx, 0, "damaged DOCX: %s has no w:body", main_part);
        return SAMLA_ERR_FORMAT;
    }
    docx_walker w = {.ctx = ctx, .styles = &styles, .numbering = numbering};
    st = docx_scan_pages(&w, body);
    if (st == SAMLA_OK && w.paged) samla_doc_add_page(&ctx->doc, 0, 0);

    if (st == SAMLA_OK) st = docx_add_header_footer(&w, pkg, &rels, false);
    if (st == SAMLA_OK) st = docx_walk_blocks(&w, body);
    xmlFreeDoc(dx);
    if (st == SAMLA_OK) st = docx_typed_lists(ctx, set->typed_bullets);
    if (st == SAMLA_OK) st = docx_add_header_footer(&w, pkg, &rels, true);
    if (st == SAMLA_OK) st = docx_add_notes(&w, pkg, fn_name, false);
    if (st == SAMLA_OK) st = docx_add_notes(&w, pkg, en_name, true);
    if (st == SAMLA_OK) st = docx_read_core(ctx, pkg);
    return st;
}

static samla_status process(void *state, samla_ctx *ctx)
{
    docx_pkg pkg;
    samla_status st = docx_pkg_open(&pkg, ctx);
    if (st != SAMLA_OK) return st;
    st = read_package(state, ctx, &pkg);
    docx_pkg_close(&pkg);
    if (st == SAMLA_ERR_NOMEM) samla_ctx_error(ctx, 0, "out of memory reading DOCX");
    return st;
}

static const char *const formats[] = {"docx", NULL};
static const char *const provides[] = {"content", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "read-docx",
    .version = "1.0.0",
    .description = "reads DOCX (Word, LibreOffice, Google Docs): headings, lists, tables, headers/footers, notes",
    .stage = SAMLA_STAGE_READER,
    .accepts = formats,
    .provides = provides,
    .init = init,
    .process = process,
    .fini = fini,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
