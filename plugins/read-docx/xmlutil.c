/* xmlutil.c: small helpers over libxml2 trees for WordprocessingML:
 * element tests by namespace and local name, attributes, on/off values. */
#include <stdlib.h>
#include <string.h>

#include "docx.h"

static const char *const W_NS[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main", /* strict OOXML */
    NULL,
};

bool docx_is(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

bool docx_is_w(const xmlNode *n, const char *local)
{
    if (!docx_is(n, local) || !n->ns || !n->ns->href) return false;
    for (size_t i = 0; W_NS[i]; i++)
        if (strcmp((const char *)n->ns->href, W_NS[i]) == 0) return true;
    return false;
}

xmlNode *docx_child(const xmlNode *n, const char *local)
{
    if (!n) return NULL;
    for (xmlNode *c = n->children; c; c = c->next)
        if (docx_is_w(c, local)) return c;
    return NULL;
}

const char *docx_attr(const xmlNode *n, const char *local)
{
    if (!n || n->type != XML_ELEMENT_NODE) return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, local) != 0) continue;
        const xmlNode *t = a->children;
        return t && t->type == XML_TEXT_NODE && t->content ? (const char *)t->content : "";
    }
    return NULL;
}

const char *docx_child_val(const xmlNode *n, const char *local)
{
    return docx_attr(docx_child(n, local), "val");
}

int docx_onoff(const xmlNode *parent, const char *local)
{
    const xmlNode *c = docx_child(parent, local);
    if (!c) return -1;
    const char *v = docx_attr(c, "val");
    if (!v) return 1;
    return !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0 ||
             strcmp(v, "none") == 0);
}

long docx_long(const char *s, long def)
{
    if (!s || !*s) return def;
    char *end;
    long v = strtol(s, &end, 10);
    return end == s ? def : v;
}

char *docx_text(samla_arena *a, const xmlNode *n)
{
    xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
    char *s = samla_arena_strdup(a, t ? (const char *)t : "");
    xmlFree(t);
    return s;
}
