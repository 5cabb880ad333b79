/* body.c: WordprocessingML content to samla blocks: paragraphs (headings,
 * list items, plain), runs (text, tabs, breaks, symbols, tracked changes
 * shown as accepted, fields reduced to their result), tables with merged
 * cells and nested tables, text boxes, and explicit page breaks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docx.h"

#define MAX_BOXES 16
#define MAX_FIELDS 32

/* Text of one paragraph being collected (malloc'ed, freed by paragraph()). */
typedef struct para {
    char *s;
    size_t n, cap;
    size_t chars, bold_chars, italic_chars;
    double size;                /* first sized run, points */
    int breaks_before, breaks_after;
    const xmlNode *boxes[MAX_BOXES];
    size_t nboxes;
    const docx_style_info *style;
    samla_status st;
} para;

static void put(para *p, const char *s, size_t n)
{
    if (p->st != SAMLA_OK || n == 0) return;
    if (p->n + n + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 256;
        while (cap < p->n + n + 1) cap *= 2;
        char *ns = realloc(p->s, cap);
        if (!ns) {
            p->st = SAMLA_ERR_NOMEM;
            return;
        }
        p->s = ns;
        p->cap = cap;
    }
    memcpy(p->s + p->n, s, n);
    p->n += n;
    p->s[p->n] = '\0';
}

static void puts_(para *p, const char *s) { put(p, s, strlen(s)); }

/* Appends one code point as UTF-8. */
static void put_cp(para *p, unsigned long cp)
{
    char b[4];
    size_t n;
    if (cp < 0x20 || (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF) return;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    put(p, b, n);
}

/* A w:sym character as Unicode. Symbol fonts put their glyphs at U+F020..
 * U+F0FF; the Symbol font's common mathematical signs are mapped, other
 * symbol-font glyphs (Wingdings pictures) are dropped. */
static unsigned long sym_char(const char *font, unsigned long cp)
{
    static const struct { unsigned char from; unsigned short to; } SYMBOL[] = {
        {0xA3, 0x2264}, {0xAB, 0x2194}, {0xAC, 0x2190}, {0xAD, 0x2191}, {0xAE, 0x2192}, {0xAF, 0x2193},
        {0xB0, 0x00B0}, {0xB1, 0x00B1}, {0xB3, 0x2265}, {0xB4, 0x00D7}, {0xB7, 0x2022}, {0xB8, 0x00F7},
        {0xB9, 0x2260}, {0xBA, 0x2261}, {0xBB, 0x2248}, {0xBC, 0x2026}, {0xD7, 0x22C5}, {0x2D, 0x2212}};
    if (cp < 0xF000 || cp > 0xF0FF) return cp;
    cp -= 0xF000;
    if (font && strcasecmp(font, "Symbol") == 0) {
        for (size_t i = 0; i < sizeof SYMBOL / sizeof SYMBOL[0]; i++)
            if (SYMBOL[i].from == cp) return SYMBOL[i].to;
        return cp < 0x80 ? cp : 0;
    }
    return 0;
}

static samla_status emit(docx_walker *w, samla_block *b)
{
    if (w->sink) return samla_cell_append(&w->ctx->doc, w->sink, b);
    return samla_doc_append(&w->ctx->doc, b);
}

/* Text is shown unless some open complex field is still in its instructions. */
static bool visible(const docx_walker *w)
{
    int d = w->fld_depth < MAX_FIELDS ? w->fld_depth : MAX_FIELDS;
    for (int i = 0; i < d; i++)
        if (!(w->fld_in_result & (1u << i))) return false;
    return true;
}

static void field_char(docx_walker *w, const char *type)
{
    if (!type) return;
    if (strcmp(type, "begin") == 0) {
        if (w->fld_depth < MAX_FIELDS) {
            w->fld_in_result &= ~(1u << w->fld_depth);
        }
        w->fld_depth++;
    } else if (strcmp(type, "separate") == 0) {
        if (w->fld_depth > 0 && w->fld_depth <= MAX_FIELDS) w->fld_in_result |= 1u << (w->fld_depth - 1);
    } else if (strcmp(type, "end") == 0) {
        if (w->fld_depth > 0) w->fld_depth--;
    }
}

static void page_break(docx_walker *w, para *p)
{
    if (!w->paged) return;
    if (p->n == 0) p->breaks_before++;
    else p->breaks_after++;
}

static void note_ref(docx_walker *w, const xmlNode *c, bool endnote)
{
    long id = docx_long(docx_attr(c, "id"), -1);
    long **ids = endnote ? &w->en_ids : &w->fn_ids;
    size_t *n = endnote ? &w->nen : &w->nfn, *cap = endnote ? &w->en_cap : &w->fn_cap;
    if (id < 0) return;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        long *nv = samla_arena_grow(w->ctx->arena, *ids, *n, nc, sizeof **ids);
        if (!nv) return;
        *ids = nv;
        *cap = nc;
    }
    (*ids)[(*n)++] = id;
}

/* Finds w:txbxContent under a drawing, skipping mc:Fallback copies. */
static void find_boxes(para *p, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || docx_is(c, "Fallback")) continue;
        if (docx_is_w(c, "txbxContent")) {
            if (p->nboxes < MAX_BOXES) p->boxes[p->nboxes++] = c;
            continue;
        }
        find_boxes(p, c);
    }
}

/* Bold/italic/size of a run: direct rPr, then its character style, then the
 * paragraph style. */
static void run_format(docx_walker *w, const para *p, const xmlNode *rpr, int *bold, int *italic, double *size)
{
    *bold = docx_onoff(rpr, "b");
    *italic = docx_onoff(rpr, "i");
    long sz = docx_long(docx_child_val(rpr, "sz"), 0);
    *size = sz > 0 && sz < 4000 ? (double)sz / 2.0 : 0;
    const docx_style *cs = docx_style_find(w->styles, docx_child_val(rpr, "rStyle"));
    for (int depth = 0; cs && depth < 8; depth++) {
        if (*bold < 0) *bold = cs->bold;
        if (*italic < 0) *italic = cs->italic;
        if (*size == 0) *size = cs->size;
        cs = cs->based_on ? docx_style_find(w->styles, cs->based_on) : NULL;
    }
    if (*bold < 0) *bold = p->style->bold > 0;
    if (*italic < 0) *italic = p->style->italic > 0;
    if (*size == 0) *size = p->style->size;
}

static void run(docx_walker *w, para *p, const xmlNode *r)
{
    int bold, italic;
    double size;
    run_format(w, p, docx_child(r, "rPr"), &bold, &italic, &size);
    for (const xmlNode *c = r->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (docx_is_w(c, "fldChar")) {
            field_char(w, docx_attr(c, "fldCharType"));
        } else if (docx_is_w(c, "lastRenderedPageBreak")) {
            if (w->rendered_breaks) page_break(w, p);
        } else if (docx_is_w(c, "br")) {
            const char *t = docx_attr(c, "type");
            if (t && strcmp(t, "page") == 0) {
                if (!w->rendered_breaks) page_break(w, p);
            } else if (visible(w)) {
                puts_(p, "\n");
            }
        } else if (docx_is_w(c, "footnoteReference") || docx_is_w(c, "endnoteReference")) {
            note_ref(w, c, docx_is_w(c, "endnoteReference"));
        } else if (docx_is_w(c, "drawing") || docx_is_w(c, "pict") || docx_is(c, "AlternateContent")) {
            find_boxes(p, c);
        } else if (!visible(w)) {
            continue;
        } else if (docx_is_w(c, "t")) {
            xmlChar *t = xmlNodeGetContent(c);
            if (t) {
                size_t len = strlen((const char *)t);
                put(p, (const char *)t, len);
                p->chars += len;
                if (bold) p->bold_chars += len;
                if (italic) p->italic_chars += len;
                if (p->size == 0 && len) p->size = size;
                xmlFree(t);
            }
        } else if (docx_is_w(c, "tab") || docx_is_w(c, "ptab")) {
            puts_(p, "\t");
        } else if (docx_is_w(c, "cr")) {
            puts_(p, "\n");
        } else if (docx_is_w(c, "noBreakHyphen")) {
            puts_(p, "-");
            p->chars++;
        } else if (docx_is_w(c, "sym")) {
            const char *hex = docx_attr(c, "char");
            put_cp(p, sym_char(docx_attr(c, "font"), hex ? strtoul(hex, NULL, 16) : 0));
        }
        /* w:delText, w:instrText, w:softHyphen, w:rPr...: nothing shown */
    }
}

/* Inline content of a paragraph (or of a hyperlink, insertion, field...). */
static void inline_content(docx_walker *w, para *p, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (docx_is_w(c, "r")) {
            run(w, p, c);
        } else if (docx_is_w(c, "ins") || docx_is_w(c, "moveTo") || docx_is_w(c, "hyperlink") ||
                   docx_is_w(c, "smartTag") || docx_is_w(c, "customXml") ||
                   docx_is_w(c, "fldSimple") ||
                   docx_is_w(c, "dir") || docx_is_w(c, "bdo") || docx_is_w(c, "sdtContent") ||
                   docx_is(c, "Choice")) {
            inline_content(w, p, c);
        } else if (docx_is_w(c, "sdt")) {
            const xmlNode *sc = docx_child(c, "sdtContent");
            if (sc) inline_content(w, p, sc);
        } else if (docx_is(c, "AlternateContent")) {
            for (const xmlNode *a = c->children; a; a = a->next)
                if (docx_is(a, "Choice")) {
                    inline_content(w, p, a);
                    break;
                }
        }
        /* w:del, w:moveFrom, w:pPr, bookmarks, comments: skipped */
    }
}

static void add_pages(docx_walker *w, int n)
{
    for (int i = 0; i < n; i++) samla_doc_add_page(&w->ctx->doc, 0, 0);
}

static samla_status paragraph(docx_walker *w, const xmlNode *pn)
{
    const xmlNode *ppr = docx_child(pn, "pPr");
    docx_style_info si;
    docx_style_resolve(w->styles, docx_child_val(ppr, "pStyle"), &si);
    para p = {0};
    p.style = &si;
    if (w->paged && !w->rendered_breaks && docx_onoff(ppr, "pageBreakBefore") > 0) p.breaks_before++;
    inline_content(w, &p, pn);
    samla_status st = p.st;
    /* a paragraph holding a w:sectPr ends a section; the next one may start a page */
    if (docx_child(ppr, "sectPr") && w->sink == NULL) {
        w->sect_pos++;
        if (w->paged && !w->rendered_breaks && w->sect_pos < w->nsect && w->sect_break[w->sect_pos])
            p.breaks_after++;
    }
    add_pages(w, p.breaks_before);

    int num_id = si.num_id, ilvl = si.ilvl;
    const xmlNode *numpr = docx_child(ppr, "numPr");
    if (numpr) {
        const char *nid = docx_child_val(numpr, "numId");
        if (nid) num_id = (int)docx_long(nid, -1);
        long il = docx_long(docx_child_val(numpr, "ilvl"), -1);
        if (il >= 0 && il < 9) ilvl = (int)il;
    }
    int level = si.heading;
    long ol = docx_long(docx_child_val(ppr, "outlineLvl"), -1);
    if (ol >= 0 && ol < 9) level = (int)ol + 1;
    else if (ol == 9) level = 0; /* body text level */
    char *label = num_id > 0 ? docx_numbering_next(w->numbering, w->ctx->arena, num_id, ilvl) : NULL;

    if (st == SAMLA_OK && p.n) {
        samla_block_kind kind = level ? SAMLA_BLOCK_HEADING
                              : num_id > 0 ? SAMLA_BLOCK_LIST_ITEM : SAMLA_BLOCK_PARAGRAPH;
        samla_block *b = samla_block_new(&w->ctx->doc, kind, p.s);
        if (!b) {
            st = SAMLA_ERR_NOMEM;
        } else if (*b->text) {
            b->level = kind == SAMLA_BLOCK_HEADING ? level : kind == SAMLA_BLOCK_LIST_ITEM ? ilvl + 1 : 0;
            if (kind != SAMLA_BLOCK_PARAGRAPH) b->numbering = label;
            b->style.name = si.name ? samla_arena_strdup(w->ctx->arena, si.name) : NULL;
            b->style.bold = p.chars && p.bold_chars == p.chars;
            b->style.italic = p.chars && p.italic_chars == p.chars;
            b->style.font_size = p.size ? p.size : si.size;
            st = emit(w, b);
        }
    }
    free(p.s);
    for (size_t i = 0; i < p.nboxes && st == SAMLA_OK; i++) st = docx_walk_blocks(w, p.boxes[i]);
    add_pages(w, p.breaks_after);
    return st;
}

/* ---- tables ---- */

/* Rows of a table, looking through w:sdt / w:customXml wrappers. */
static size_t collect_rows(const xmlNode *n, const xmlNode **rows, size_t cap, size_t k)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (docx_is_w(c, "tr")) {
            const xmlNode *trpr = docx_child(c, "trPr");
            if (docx_child(trpr, "del")) continue; /* deleted row (tracked) */
            if (rows && k < cap) rows[k] = c;
            k++;
        } else if (docx_is_w(c, "sdt")) {
            const xmlNode *sc = docx_child(c, "sdtContent");
            if (sc) k = collect_rows(sc, rows, cap, k);
        } else if (docx_is_w(c, "customXml") || docx_is_w(c, "ins")) {
            k = collect_rows(c, rows, cap, k);
        }
    }
    return k;
}

static size_t collect_cells(const xmlNode *n, const xmlNode **cells, size_t cap, size_t k)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (docx_is_w(c, "tc")) {
            if (cells && k < cap) cells[k] = c;
            k++;
        } else if (docx_is_w(c, "sdt")) {
            const xmlNode *sc = docx_child(c, "sdtContent");
            if (sc) k = collect_cells(sc, cells, cap, k);
        } else if (docx_is_w(c, "customXml")) {
            k = collect_cells(c, cells, cap, k);
        }
    }
    return k;
}

static long span_of(const xmlNode *tc)
{
    long s = docx_long(docx_child_val(docx_child(tc, "tcPr"), "gridSpan"), 1);
    return s < 1 ? 1 : s > DOCX_MAX_COLS ? DOCX_MAX_COLS : s;
}

static long trpr_long(const xmlNode *tr, const char *local)
{
    long v = docx_long(docx_child_val(docx_child(tr, "trPr"), local), 0);
    return v < 0 ? 0 : v > DOCX_MAX_COLS ? DOCX_MAX_COLS : v;
}

/* Walks a cell's content into `cell`. */
static samla_status fill_cell(docx_walker *w, samla_cell *cell, const xmlNode *tc)
{
    samla_cell *saved = w->sink;
    w->sink = cell;
    samla_status st = docx_walk_blocks(w, tc);
    w->sink = saved;
    return st;
}

static samla_status table(docx_walker *w, const xmlNode *tbl)
{
    size_t nrows = collect_rows(tbl, NULL, 0, 0);
    size_t ncols = 0;
    for (const xmlNode *g = docx_child(docx_child(tbl, "tblGrid"), "gridCol"); g; g = g->next)
        ncols += docx_is_w(g, "gridCol");
    const xmlNode **rows = calloc(nrows ? nrows : 1, sizeof *rows);
    if (!rows) return SAMLA_ERR_NOMEM;
    collect_rows(tbl, rows, nrows, 0);
    size_t maxcells = 0;
    for (size_t r = 0; r < nrows; r++) {
        size_t nc = collect_cells(rows[r], NULL, 0, 0), used = (size_t)trpr_long(rows[r], "gridBefore");
        if (nc > maxcells) maxcells = nc;
        const xmlNode **cells = calloc(nc ? nc : 1, sizeof *cells);
        if (!cells) {
            free(rows);
            return SAMLA_ERR_NOMEM;
        }
        collect_cells(rows[r], cells, nc, 0);
        for (size_t c = 0; c < nc; c++) used += (size_t)span_of(cells[c]);
        used += (size_t)trpr_long(rows[r], "gridAfter");
        free(cells);
        if (used > ncols) ncols = used;
    }
    if (ncols > DOCX_MAX_COLS) {
        samla_ctx_warn(w->ctx, 0, "table with %zu columns cut to %d", ncols, DOCX_MAX_COLS);
        ncols = DOCX_MAX_COLS;
    }
    samla_block *t = samla_block_new(&w->ctx->doc, SAMLA_BLOCK_TABLE, "");
    samla_status st = t ? samla_table_init(&w->ctx->doc, t, nrows, ncols) : SAMLA_ERR_NOMEM;
    /* origin[r*ncols+c]: row of the cell a vertically merged position belongs to */
    size_t *origin = st == SAMLA_OK ? malloc((nrows * ncols + 1) * sizeof *origin) : NULL;
    const xmlNode **cells = st == SAMLA_OK ? calloc(maxcells ? maxcells : 1, sizeof *cells) : NULL;
    if (st == SAMLA_OK && (!origin || !cells)) st = SAMLA_ERR_NOMEM;
    for (size_t r = 0; r < nrows && st == SAMLA_OK; r++) {
        bool header = docx_onoff(docx_child(rows[r], "trPr"), "tblHeader") > 0;
        size_t nc = collect_cells(rows[r], cells, maxcells, 0);
        size_t col = (size_t)trpr_long(rows[r], "gridBefore");
        for (size_t c = 0; c < ncols; c++) {
            origin[r * ncols + c] = r;
            samla_table_cell(t, r, c)->header = header;
        }
        for (size_t k = 0; k < nc && col < ncols && st == SAMLA_OK; k++) {
            const xmlNode *tcpr = docx_child(cells[k], "tcPr");
            size_t span = (size_t)span_of(cells[k]);
            if (col + span > ncols) span = ncols - col;
            const xmlNode *vm = docx_child(tcpr, "vMerge");
            const char *vmv = docx_attr(vm, "val");
            bool cont = vm && (!vmv || strcmp(vmv, "continue") == 0) && r > 0;
            samla_cell *cell = samla_table_cell(t, r, col);
            if (cont) {
                size_t orow = origin[(r - 1) * ncols + col];
                samla_cell *o = samla_table_cell(t, orow, col);
                o->rowspan = (int)(r - orow + 1);
                for (size_t s = 0; s < span; s++) {
                    origin[r * ncols + col + s] = orow;
                    samla_table_cell(t, r, col + s)->covered = true;
                }
                st = fill_cell(w, o, cells[k]);
            } else {
                cell->colspan = (int)span;
                for (size_t s = 1; s < span; s++) samla_table_cell(t, r, col + s)->covered = true;
                st = fill_cell(w, cell, cells[k]);
            }
            col += span;
        }
    }
    free(cells);
    free(origin);
    free(rows);
    if (st != SAMLA_OK) return st;
    samla_table_finish(&w->ctx->doc, t);
    return emit(w, t);
}

samla_status docx_walk_blocks(docx_walker *w, const xmlNode *parent)
{
    samla_status st = SAMLA_OK;
    for (const xmlNode *c = parent->children; c && st == SAMLA_OK; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (docx_is_w(c, "p")) {
            st = paragraph(w, c);
        } else if (docx_is_w(c, "tbl")) {
            st = table(w, c);
        } else if (docx_is_w(c, "sdt")) {
            const xmlNode *sc = docx_child(c, "sdtContent");
            if (sc) st = docx_walk_blocks(w, sc);
        } else if (docx_is_w(c, "customXml") || docx_is_w(c, "ins") || docx_is_w(c, "moveTo") ||
                   docx_is(c, "Choice")) {
            st = docx_walk_blocks(w, c);
        } else if (docx_is(c, "AlternateContent")) {
            for (const xmlNode *a = c->children; a; a = a->next)
                if (docx_is(a, "Choice")) {
                    st = docx_walk_blocks(w, a);
                    break;
                }
        }
    }
    return st;
}

typedef struct scan {
    samla_arena *a;
    bool explicit_, rendered;
    bool *sect_break;     /* per section: does it start on a new page */
    size_t nsect, cap;
    samla_status st;
} scan;

static void add_section(scan *sc, const xmlNode *sect)
{
    if (sc->nsect == sc->cap) {
        size_t nc = sc->cap ? sc->cap * 2 : 8;
        bool *nv = samla_arena_grow(sc->a, sc->sect_break, sc->nsect, nc, sizeof *nv);
        if (!nv) {
            sc->st = SAMLA_ERR_NOMEM;
            return;
        }
        sc->sect_break = nv;
        sc->cap = nc;
    }
    const char *type = docx_child_val(sect, "type");
    sc->sect_break[sc->nsect++] = !type || strcmp(type, "continuous") != 0;
}

static void scan_breaks(scan *sc, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || docx_is_w(c, "del") || docx_is_w(c, "moveFrom") ||
            docx_is(c, "Fallback"))
            continue;
        if (docx_is_w(c, "lastRenderedPageBreak")) {
            sc->rendered = true;
        } else if (docx_is_w(c, "br")) {
            const char *t = docx_attr(c, "type");
            if (t && strcmp(t, "page") == 0) sc->explicit_ = true;
        } else if (docx_is_w(c, "sectPr")) {
            add_section(sc, c);
        } else if (docx_is_w(c, "pPr")) {
            if (docx_onoff(c, "pageBreakBefore") > 0) sc->explicit_ = true;
            const xmlNode *sect = docx_child(c, "sectPr");
            if (sect) add_section(sc, sect);
        } else if (!docx_is_w(c, "txbxContent")) {
            scan_breaks(sc, c);
        }
    }
}

samla_status docx_scan_pages(docx_walker *w, const xmlNode *body)
{
    scan sc = {.a = w->ctx->arena};
    scan_breaks(&sc, body);
    bool sect = false;
    for (size_t i = 1; i < sc.nsect; i++) sect |= sc.sect_break[i];
    w->rendered_breaks = sc.rendered;
    w->paged = sc.explicit_ || sc.rendered || sect;
    w->sect_break = sc.sect_break;
    w->nsect = sc.nsect;
    return sc.st;
}
