/* docx.h: private declarations shared by the read-docx plugin's files.
 *
 * A docx_pkg is one opened DOCX (zip) with its byte budget; styles and
 * numbering are the tables read from styles.xml / numbering.xml; a
 * docx_walker turns WordprocessingML body content into samla blocks.
 * Everything per document lives in ctx->arena except the libzip and
 * libxml2 objects, which the function that opens them also closes. */
#ifndef READ_DOCX_H
#define READ_DOCX_H

#include <stdbool.h>
#include <stddef.h>
#include <libxml/tree.h>
#include <zip.h>

#include "samla/samla.h"

/* Limits against zip bombs and hostile XML. */
#define DOCX_MAX_PART ((size_t)64 << 20)     /* one decompressed part */
#define DOCX_MAX_TOTAL ((size_t)256 << 20)   /* all parts of one document */
#define DOCX_MAX_RATIO 200                   /* compression ratio on big parts */
#define DOCX_RATIO_MIN_SIZE ((size_t)1 << 20) /* "big" = over 1 MiB unpacked */
#define DOCX_MAX_COLS 256                    /* table grid columns kept */

/* ---- zipread.c ---- */
typedef struct docx_pkg {
    zip_t *zip;
    samla_ctx *ctx;
    size_t total;             /* bytes decompressed so far */
} docx_pkg;

/* Opens ctx->doc.bytes as a zip. SAMLA_ERR_FORMAT (with diagnostic) if it
 * is not one. Close with docx_pkg_close. */
samla_status docx_pkg_open(docx_pkg *pkg, samla_ctx *ctx);
void docx_pkg_close(docx_pkg *pkg);
bool docx_pkg_has(docx_pkg *pkg, const char *name);
/* Reads and parses one XML part. *out = NULL (and SAMLA_OK) if the part
 * does not exist. Refuses DTDs/entities and oversized parts with a
 * diagnostic. The caller frees *out with xmlFreeDoc. */
samla_status docx_pkg_xml(docx_pkg *pkg, const char *name, xmlDocPtr *out);

/* ---- rels.c ---- */
typedef struct docx_rel {
    const char *type;         /* relationship type URI */
    const char *target;       /* part name resolved against the source part's folder */
} docx_rel;

typedef struct docx_rels {
    docx_rel *v;
    size_t n;
} docx_rels;

/* Reads a .rels part (missing = empty list); external targets are left
 * out. Arena-owned. */
samla_status docx_rels_load(docx_pkg *pkg, const char *rels_part, const char *base_dir, docx_rels *out);
/* Target of the first relationship whose type ends with "/"+kind, or NULL. */
const char *docx_rels_find(const docx_rels *r, const char *kind);
/* True when the type of rel ends with "/"+kind. */
bool docx_rel_is(const docx_rel *rel, const char *kind);

/* ---- xmlutil.c ---- */
/* True when n is a WordprocessingML element (transitional or strict) with
 * this local name. */
bool docx_is_w(const xmlNode *n, const char *local);
/* True when n is an element with this local name, any namespace. */
bool docx_is(const xmlNode *n, const char *local);
/* First element child of n named w:local, or NULL. */
xmlNode *docx_child(const xmlNode *n, const char *local);
/* Attribute by local name (any namespace), or NULL. Points into the tree. */
const char *docx_attr(const xmlNode *n, const char *local);
/* w:val of child w:local; NULL when the child or its w:val is absent. */
const char *docx_child_val(const xmlNode *n, const char *local);
/* OOXML on/off property: -1 absent, else 0/1 (<w:b/> = 1, w:val="0|false|off" = 0). */
int docx_onoff(const xmlNode *parent, const char *local);
/* Integer attribute value with a default. */
long docx_long(const char *s, long def);
/* Text content of an element (arena copy, "" if none). */
char *docx_text(samla_arena *a, const xmlNode *n);

/* ---- styles.c ---- */
typedef struct docx_style {
    const char *id, *name, *based_on;
    bool paragraph;           /* w:type="paragraph" */
    int outline;              /* w:outlineLvl + 1, 0 = none */
    int num_id, ilvl;         /* numPr in the style; num_id -1 = none */
    int bold, italic;         /* -1 unset */
    double size;              /* points; 0 unset */
} docx_style;

typedef struct docx_styles {
    docx_style *v;
    size_t n;
    const char *default_para; /* id of the default paragraph style */
    double default_size;      /* docDefaults, points; 0 unknown */
} docx_styles;

/* What a paragraph style resolves to through its basedOn chain. */
typedef struct docx_style_info {
    const char *name;         /* display name (or id) */
    int heading;              /* heading level from name/id or outline level, 0 = none */
    bool title;               /* Title / Rubrik style */
    int num_id, ilvl;         /* -1 = no numbering from the style */
    int bold, italic;
    double size;
} docx_style_info;

/* Reads styles.xml (doc may be NULL: empty table). Arena-owned. */
samla_status docx_styles_load(samla_arena *a, xmlDocPtr doc, docx_styles *out);
const docx_style *docx_style_find(const docx_styles *s, const char *id);
/* Resolves style id (NULL = default paragraph style). */
void docx_style_resolve(const docx_styles *s, const char *id, docx_style_info *out);

/* ---- numbering.c ---- */
typedef struct docx_numbering docx_numbering;
/* Reads numbering.xml (doc may be NULL). Arena-owned, counters included. */
docx_numbering *docx_numbering_load(samla_arena *a, xmlDocPtr doc);
/* Advances the counter of (num_id, ilvl) and returns the rendered label
 * ("1.", "2.1", "a)", "•"), arena-owned, or NULL when there is none. */
char *docx_numbering_next(docx_numbering *nb, samla_arena *a, int num_id, int ilvl);

/* ---- body.c ---- */
typedef struct docx_walker {
    samla_ctx *ctx;
    const docx_styles *styles;
    docx_numbering *numbering;
    bool paged;               /* the document has page breaks */
    bool rendered_breaks;     /* use w:lastRenderedPageBreak only */
    int fld_depth;            /* complex fields open */
    unsigned fld_in_result;   /* bit i: field i is past its separator */
    bool *sect_break;         /* per section: starts on a new page */
    size_t nsect, sect_pos;   /* sections, and the one being read */
    samla_cell *sink;         /* where blocks go: a cell, or NULL = document */
    /* footnote/endnote references in reading order: ids -> shown number */
    long *fn_ids, *en_ids;
    size_t nfn, fn_cap, nen, en_cap;
} docx_walker;

/* Emits the blocks of a container (w:body, w:tc, w:hdr, w:footnote...). */
samla_status docx_walk_blocks(docx_walker *w, const xmlNode *parent);
/* Sets w->paged when the body has explicit page breaks (w:br type page,
 * w:pageBreakBefore, section breaks that start a new page) or rendered
 * ones (w:lastRenderedPageBreak: then only those count). */
samla_status docx_scan_pages(docx_walker *w, const xmlNode *body);

/* ---- notes.c ---- */
/* Header and footer blocks (kind HEADER or FOOTER) from the parts the
 * document's relationships name, each distinct text once. */
samla_status docx_add_header_footer(docx_walker *w, docx_pkg *pkg, const docx_rels *rels, bool footer);
/* Footnotes and endnotes as FOOTNOTE blocks. */
samla_status docx_add_notes(docx_walker *w, docx_pkg *pkg, const char *part, bool endnotes);
/* docProps/core.xml into ctx->doc.meta_*. */
samla_status docx_read_core(samla_ctx *ctx, docx_pkg *pkg);

/* ---- typed.c ---- */
/* Body paragraphs with hand-typed list labels in a run ("a) ", "b) "; "– ",
 * "– ") become list items with the label as numbering (DOCX-TYPED-LIST).
 * bullets: the glyphs typed before an item (data/read-docx.yaml), NULL-terminated. */
samla_status docx_typed_lists(samla_ctx *ctx, const char *const *bullets);

#endif
