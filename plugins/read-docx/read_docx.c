/* read_docx.c: the read-docx reader plugin: descriptor, and the order in
 * which the parts of a DOCX package are read (package relationships ->
 * main document, styles, numbering, headers, body, footers, notes,
 * metadata). */
#include <string.h>
#include <libxml/parser.h>

#include "docx.h"

static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    (void)rt;
    (void)cfg;
    (void)diag;
    xmlInitParser(); /* idempotent; never cleaned up from a plugin */
    *state = NULL;
    return SAMLA_OK;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Target of the first relationship in rels_part whose type ends with
 * type_suffix, resolved against base_dir; arena-owned, or NULL. */
static samla_status rel_target(samla_ctx *ctx, docx_pkg *pkg, const char *rels_part, const char *base_dir,
                               const char *type_suffix, char **out)
{
    *out = NULL;
    xmlDocPtr rels;
    samla_status st = docx_pkg_xml(pkg, rels_part, &rels);
    if (st != SAMLA_OK || !rels) return st;
    for (xmlNode *r = xmlDocGetRootElement(rels)->children; r; r = r->next) {
        const char *type = docx_attr(r, "Type"), *target = docx_attr(r, "Target");
        const char *mode = docx_attr(r, "TargetMode");
        if (!docx_is(r, "Relationship") || !type || !target || (mode && strcmp(mode, "External") == 0) ||
            !ends_with(type, type_suffix))
            continue;
        while (strncmp(target, "./", 2) == 0) target += 2;
        *out = target[0] == '/' ? samla_arena_strdup(ctx->arena, target + 1)
                                : samla_arena_printf(ctx->arena, "%s%s", base_dir, target);
        break;
    }
    xmlFreeDoc(rels);
    return SAMLA_OK;
}

/* Part named by a relationship of the main document, or dir + fallback. */
static samla_status part_name(samla_ctx *ctx, docx_pkg *pkg, const char *rels, const char *dir, const char *type,
                              const char *fallback, char **out)
{
    samla_status st = rel_target(ctx, pkg, rels, dir, type, out);
    if (st == SAMLA_OK && !*out) *out = samla_arena_printf(ctx->arena, "%s%s", dir, fallback);
    return st == SAMLA_OK && !*out ? SAMLA_ERR_NOMEM : st;
}

static samla_status read_package(samla_ctx *ctx, docx_pkg *pkg)
{
    char *main_part;
    samla_status st = rel_target(ctx, pkg, "_rels/.rels", "", "/officeDocument", &main_part);
    if (st != SAMLA_OK) return st;
    if (!main_part || !docx_pkg_has(pkg, main_part)) main_part = "word/document.xml";
    if (!docx_pkg_has(pkg, main_part)) {
        samla_ctx_error(ctx, 0, "not a DOCX file (no word/document.xml)");
        return SAMLA_ERR_FORMAT;
    }
    /* "word/document.xml" -> dir "word/", rels "word/_rels/document.xml.rels" */
    const char *slash = strrchr(main_part, '/');
    size_t dlen = slash ? (size_t)(slash - main_part) + 1 : 0;
    char *dir = samla_arena_strndup(ctx->arena, main_part, dlen);
    char *rels = samla_arena_printf(ctx->arena, "%s_rels/%s.rels", dir ? dir : "", main_part + dlen);
    if (!dir || !rels) return SAMLA_ERR_NOMEM;

    char *styles_name, *numbering_name, *fn_name, *en_name;
    if ((st = part_name(ctx, pkg, rels, dir, "/styles", "styles.xml", &styles_name)) != SAMLA_OK ||
        (st = part_name(ctx, pkg, rels, dir, "/numbering", "numbering.xml", &numbering_name)) != SAMLA_OK ||
        (st = part_name(ctx, pkg, rels, dir, "/footnotes", "footnotes.xml", &fn_name)) != SAMLA_OK ||
        (st = part_name(ctx, pkg, rels, dir, "/endnotes", "endnotes.xml", &en_name)) != SAMLA_OK)
        return st;

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

    if (st == SAMLA_OK) st = docx_add_header_footer(&w, pkg, rels, dir, false);
    if (st == SAMLA_OK) st = docx_walk_blocks(&w, body);
    xmlFreeDoc(dx);
    if (st == SAMLA_OK) st = docx_add_header_footer(&w, pkg, rels, dir, true);
    if (st == SAMLA_OK) st = docx_add_notes(&w, pkg, fn_name, false);
    if (st == SAMLA_OK) st = docx_add_notes(&w, pkg, en_name, true);
    if (st == SAMLA_OK) st = docx_read_core(ctx, pkg);
    return st;
}

static samla_status process(void *state, samla_ctx *ctx)
{
    (void)state;
    docx_pkg pkg;
    samla_status st = docx_pkg_open(&pkg, ctx);
    if (st != SAMLA_OK) return st;
    st = read_package(ctx, &pkg);
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
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
