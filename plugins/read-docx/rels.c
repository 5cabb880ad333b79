/* rels.c: OPC relationship parts (_rels/.rels, word/_rels/document.xml.rels):
 * which part is the main document, the styles, the numbering, the headers
 * and footers, the notes. */
#include <string.h>

#include "docx.h"

bool docx_rel_is(const docx_rel *rel, const char *kind)
{
    size_t n = strlen(rel->type), k = strlen(kind);
    return n > k && rel->type[n - k - 1] == '/' && strcmp(rel->type + n - k, kind) == 0;
}

const char *docx_rels_find(const docx_rels *r, const char *kind)
{
    for (size_t i = 0; i < r->n; i++)
        if (docx_rel_is(&r->v[i], kind)) return r->v[i].target;
    return NULL;
}

samla_status docx_rels_load(docx_pkg *pkg, const char *rels_part, const char *base_dir, docx_rels *out)
{
    samla_arena *a = pkg->ctx->arena;
    memset(out, 0, sizeof *out);
    xmlDocPtr doc;
    samla_status st = docx_pkg_xml(pkg, rels_part, &doc);
    if (st != SAMLA_OK || !doc) return st;
    const xmlNode *root = xmlDocGetRootElement(doc);
    size_t n = 0;
    for (const xmlNode *r = root->children; r; r = r->next) n += docx_is(r, "Relationship");
    out->v = samla_arena_alloc(a, (n ? n : 1) * sizeof *out->v);
    if (!out->v) st = SAMLA_ERR_NOMEM;
    for (const xmlNode *r = root->children; r && st == SAMLA_OK; r = r->next) {
        const char *type = docx_attr(r, "Type"), *target = docx_attr(r, "Target");
        const char *mode = docx_attr(r, "TargetMode");
        if (!docx_is(r, "Relationship") || !type || !target || (mode && strcmp(mode, "External") == 0)) continue;
        while (strncmp(target, "./", 2) == 0) target += 2;
        docx_rel *rel = &out->v[out->n];
        rel->type = samla_arena_strdup(a, type);
        rel->target = target[0] == '/' ? samla_arena_strdup(a, target + 1)
                                       : samla_arena_printf(a, "%s%s", base_dir, target);
        if (!rel->type || !rel->target) st = SAMLA_ERR_NOMEM;
        else out->n++;
    }
    xmlFreeDoc(doc);
    return st;
}
