/* notes.c: the parts around the body: running headers and footers (from the
 * document's relationships), footnotes and endnotes, and the package
 * metadata in docProps/core.xml. */
#include <string.h>

#include "docx.h"

/* Collects the non-empty texts of blocks (table cells flattened). */
static samla_status flatten(samla_arena *a, samla_block **blocks, size_t n, const char ***out, size_t *nout,
                            size_t *cap)
{
    for (size_t i = 0; i < n; i++) {
        const samla_block *b = blocks[i];
        if (b->kind == SAMLA_BLOCK_TABLE) {
            for (size_t k = 0; k < b->nrows * b->ncols; k++) {
                samla_status st = flatten(a, b->cells[k].blocks, b->cells[k].nblocks, out, nout, cap);
                if (st != SAMLA_OK) return st;
            }
            continue;
        }
        if (!*b->text) continue;
        if (*nout == *cap) {
            size_t nc = *cap ? *cap * 2 : 16;
            const char **nv = samla_arena_grow(a, *out, *nout, nc, sizeof **out);
            if (!nv) return SAMLA_ERR_NOMEM;
            *out = nv;
            *cap = nc;
        }
        (*out)[(*nout)++] = b->text;
    }
    return SAMLA_OK;
}

/* Walks a header/footer/note element into a scratch cell and returns its
 * paragraph texts (arena-owned). */
static samla_status texts_of(docx_walker *w, const xmlNode *n, const char ***out, size_t *nout)
{
    docx_walker sub = *w;
    samla_cell scratch = {0};
    sub.sink = &scratch;
    sub.paged = false;
    sub.fld_depth = 0;
    sub.fld_in_result = 0;
    samla_status st = docx_walk_blocks(&sub, n);
    size_t cap = 0;
    *out = NULL;
    *nout = 0;
    if (st == SAMLA_OK) st = flatten(w->ctx->arena, scratch.blocks, scratch.nblocks, out, nout, &cap);
    return st;
}

samla_status docx_add_header_footer(docx_walker *w, docx_pkg *pkg, const docx_rels *rels, bool footer)
{
    samla_status st = SAMLA_OK;
    const char **seen = NULL;
    size_t nseen = 0, seen_cap = 0;
    samla_arena *a = w->ctx->arena;
    for (size_t ri = 0; ri < rels->n && st == SAMLA_OK; ri++) {
        if (!docx_rel_is(&rels->v[ri], footer ? "footer" : "header")) continue;
        xmlDocPtr part;
        st = docx_pkg_xml(pkg, rels->v[ri].target, &part);
        if (st != SAMLA_OK || !part) continue;
        const char **texts;
        size_t n;
        st = texts_of(w, xmlDocGetRootElement(part), &texts, &n);
        for (size_t i = 0; i < n && st == SAMLA_OK; i++) {
            bool dup = false;
            for (size_t k = 0; k < nseen && !dup; k++) dup = strcmp(seen[k], texts[i]) == 0;
            if (dup) continue;
            if (nseen == seen_cap) {
                size_t nc = seen_cap ? seen_cap * 2 : 16;
                const char **nv = samla_arena_grow(a, seen, nseen, nc, sizeof *seen);
                if (!nv) {
                    st = SAMLA_ERR_NOMEM;
                    break;
                }
                seen = nv;
                seen_cap = nc;
            }
            seen[nseen++] = texts[i];
            samla_block *b = samla_doc_add_block(&w->ctx->doc, footer ? SAMLA_BLOCK_FOOTER : SAMLA_BLOCK_HEADER,
                                                 texts[i]);
            if (!b) st = SAMLA_ERR_NOMEM;
        }
        xmlFreeDoc(part);
    }
    return st;
}

/* The number a note shows: its position among the references in the body,
 * or its id when it is never referenced. Arena-owned. */
static char *shown_number(samla_arena *a, const long *ids, size_t n, long id)
{
    for (size_t i = 0; i < n; i++)
        if (ids[i] == id) return samla_arena_printf(a, "%zu", i + 1);
    return samla_arena_printf(a, "%ld", id);
}

samla_status docx_add_notes(docx_walker *w, docx_pkg *pkg, const char *part, bool endnotes)
{
    xmlDocPtr doc;
    samla_status st = docx_pkg_xml(pkg, part, &doc);
    if (st != SAMLA_OK || !doc) return st;
    samla_arena *a = w->ctx->arena;
    for (xmlNode *c = xmlDocGetRootElement(doc)->children; c && st == SAMLA_OK; c = c->next) {
        if (!docx_is_w(c, endnotes ? "endnote" : "footnote")) continue;
        const char *type = docx_attr(c, "type");
        if (type && strcmp(type, "normal") != 0) continue; /* separators, continuation notices */
        long id = docx_long(docx_attr(c, "id"), -1);
        const char **texts;
        size_t n;
        st = texts_of(w, c, &texts, &n);
        if (st != SAMLA_OK || n == 0) continue;
        size_t len = 0;
        for (size_t i = 0; i < n; i++) len += strlen(texts[i]) + 1;
        char *joined = samla_arena_alloc(a, len + 1), *p = joined;
        if (!joined) {
            st = SAMLA_ERR_NOMEM;
            break;
        }
        for (size_t i = 0; i < n; i++) {
            if (i) *p++ = ' ';
            size_t l = strlen(texts[i]);
            memcpy(p, texts[i], l);
            p += l;
        }
        *p = '\0';
        samla_block *b = samla_doc_add_block(&w->ctx->doc, SAMLA_BLOCK_FOOTNOTE, joined);
        if (!b) {
            st = SAMLA_ERR_NOMEM;
            break;
        }
        b->numbering = endnotes ? shown_number(a, w->en_ids, w->nen, id) : shown_number(a, w->fn_ids, w->nfn, id);
    }
    xmlFreeDoc(doc);
    return st;
}

/* Text of the first element with this local name under root, or NULL. */
static char *meta_value(samla_arena *a, const xmlNode *root, const char *local)
{
    for (const xmlNode *c = root->children; c; c = c->next) {
        if (!docx_is(c, local)) continue;
        char *t = samla_text_clean(a, docx_text(a, c));
        return t && *t ? t : NULL;
    }
    return NULL;
}

samla_status docx_read_core(samla_ctx *ctx, docx_pkg *pkg)
{
    xmlDocPtr doc;
    samla_status st = docx_pkg_xml(pkg, "docProps/core.xml", &doc);
    if (st != SAMLA_OK || !doc) return st;
    const xmlNode *root = xmlDocGetRootElement(doc);
    ctx->doc.meta_title = meta_value(ctx->arena, root, "title");
    ctx->doc.meta_author = meta_value(ctx->arena, root, "creator");
    char *date = meta_value(ctx->arena, root, "created");
    /* W3CDTF "2024-03-18T09:00:00Z": keep the calendar date */
    if (date && strlen(date) >= 10 && date[4] == '-' && date[7] == '-') date[10] = '\0';
    ctx->doc.meta_date = date;
    xmlFreeDoc(doc);
    return SAMLA_OK;
}
