/* styles.c: paragraph styles from word/styles.xml and what they mean for
 * samla: heading level (style name/id "Heading N", "heading N", "Rubrik N",
 * Title, or an outline level), numbering and the run formatting hints,
 * resolved through the basedOn chain. */
#include <strings.h>
#include <string.h>

#include "docx.h"

#define MAX_CHAIN 16

static void read_rpr(const xmlNode *rpr, int *bold, int *italic, double *size)
{
    if (!rpr) return;
    int b = docx_onoff(rpr, "b"), i = docx_onoff(rpr, "i");
    if (b >= 0) *bold = b;
    if (i >= 0) *italic = i;
    long sz = docx_long(docx_child_val(rpr, "sz"), 0);
    if (sz > 0 && sz < 4000) *size = (double)sz / 2.0;
}

samla_status docx_styles_load(samla_arena *a, xmlDocPtr doc, docx_styles *out)
{
    memset(out, 0, sizeof *out);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root) return SAMLA_OK;
    size_t n = 0;
    for (xmlNode *c = root->children; c; c = c->next) n += docx_is_w(c, "style");
    out->v = samla_arena_alloc(a, (n ? n : 1) * sizeof *out->v);
    if (!out->v) return SAMLA_ERR_NOMEM;
    for (xmlNode *c = root->children; c; c = c->next) {
        if (docx_is_w(c, "docDefaults")) {
            int b = -1, i = -1;
            read_rpr(docx_child(docx_child(c, "rPrDefault"), "rPr"), &b, &i, &out->default_size);
            continue;
        }
        if (!docx_is_w(c, "style")) continue;
        docx_style *s = &out->v[out->n++];
        const char *type = docx_attr(c, "type");
        s->id = samla_arena_strdup(a, docx_attr(c, "styleId"));
        s->name = samla_arena_strdup(a, docx_child_val(c, "name"));
        s->based_on = samla_arena_strdup(a, docx_child_val(c, "basedOn"));
        s->paragraph = !type || strcmp(type, "paragraph") == 0;
        s->bold = s->italic = -1;
        s->num_id = -1;
        const xmlNode *ppr = docx_child(c, "pPr");
        long ol = docx_long(docx_child_val(ppr, "outlineLvl"), -1);
        s->outline = ol >= 0 && ol < 9 ? (int)ol + 1 : 0;
        const xmlNode *numpr = docx_child(ppr, "numPr");
        if (numpr) {
            s->num_id = (int)docx_long(docx_child_val(numpr, "numId"), -1);
            long ilvl = docx_long(docx_child_val(numpr, "ilvl"), 0);
            s->ilvl = ilvl >= 0 && ilvl < 9 ? (int)ilvl : 0;
        }
        read_rpr(docx_child(c, "rPr"), &s->bold, &s->italic, &s->size);
        const char *def = docx_attr(c, "default");
        if (s->paragraph && def && (strcmp(def, "1") == 0 || strcmp(def, "true") == 0) && s->id)
            out->default_para = s->id;
    }
    return SAMLA_OK;
}

const docx_style *docx_style_find(const docx_styles *s, const char *id)
{
    if (!id) return NULL;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].id && strcmp(s->v[i].id, id) == 0) return &s->v[i];
    return NULL;
}

/* Case-insensitive prefix test; returns the rest or NULL. */
static const char *skip_prefix(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncasecmp(s, prefix, n) == 0 ? s + n : NULL;
}

/* Heading level from a style name or id: "heading 2", "Heading2",
 * "Rubrik 3"; Title/Rubrik give 1 with *title set. 0 when not a heading. */
static int name_level(const char *s, bool *title)
{
    if (!s) return 0;
    if (strcasecmp(s, "title") == 0 || strcasecmp(s, "rubrik") == 0) {
        *title = true;
        return 1;
    }
    const char *rest = skip_prefix(s, "heading");
    if (!rest) rest = skip_prefix(s, "rubrik");
    if (!rest) return 0;
    while (*rest == ' ' || *rest == '_' || *rest == '-') rest++;
    if (rest[0] >= '1' && rest[0] <= '9' && rest[1] == '\0') return rest[0] - '0';
    return 0;
}

void docx_style_resolve(const docx_styles *s, const char *id, docx_style_info *out)
{
    memset(out, 0, sizeof *out);
    out->bold = out->italic = -1;
    out->num_id = -1;
    if (!id) id = s->default_para;
    const docx_style *st = docx_style_find(s, id);
    out->name = st ? (st->name ? st->name : st->id) : id;
    bool have_num = false;
    for (int depth = 0; st && depth < MAX_CHAIN; depth++) {
        if (!out->heading) {
            int lv = name_level(st->name, &out->title);
            if (!lv) lv = name_level(st->id, &out->title);
            if (!lv) lv = st->outline;
            out->heading = lv;
        }
        if (!have_num && st->num_id >= 0) {
            out->num_id = st->num_id;
            out->ilvl = st->ilvl;
            have_num = true;
        }
        if (out->bold < 0) out->bold = st->bold;
        if (out->italic < 0) out->italic = st->italic;
        if (out->size == 0) out->size = st->size;
        if (!st->based_on || (st->id && strcmp(st->based_on, st->id) == 0)) break;
        st = docx_style_find(s, st->based_on);
    }
    if (out->size == 0) out->size = s->default_size;
}
