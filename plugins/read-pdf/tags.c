/* tags.c: a tagged PDF's structure tree (poppler-glib) to logical blocks.
 *
 * The tree is first copied into a flat node array (kind, page of each
 * marked-content item, first child, next sibling): the walk over it is cheap
 * (well over 1000 pages/s). Text is what costs: poppler renders the page's
 * content once per marked-content item asked for (about 1 ms a page), so only
 * the leaves are asked, one call per leaf (RECURSIVE gathers its spans), and
 * only a leaf that crosses a page break is asked item by item to split its
 * text by page. The text serves as a matching key only (poppler 22 returns it
 * re-encoded as PDFDocEncoding, decoded back here; its letters and digits are
 * kept, PDF-TAG-KEY-LETTERS); block text comes from the page's words (lines.c).
 *
 * Conventions (docs/conventions.md, "Reader conventions"): a leaf is the
 * outermost element with text and no block-level element below it (P, H1-H6,
 * LBody, TD without P, a NonStruct/Div holding text directly); H1-H6 give the
 * heading level (H: 1); a leaf inside LI is a list item whose level is the
 * number of L elements around it (the first leaf of an LI only; further
 * paragraphs of the item are paragraphs); Lbl is not asked for: the label's
 * word lies beside the item's first word and joins it. Table rows are TR
 * (also inside THead/TBody/TFoot), cells TH/TD; a nested table's leaves stay
 * in the outer cell. Figures and forms without text elements are skipped.
 * A leaf inside a Note (LibreOffice's footnotes) is a footnote
 * (PDF-TAG-NOTE): tag_emit.c puts it after the page's body, its number as
 * its numbering. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <poppler.h>

#include "tags.h"

#define MAX_NODES 1000000
#define MAX_DEPTH 64

typedef struct tnode {
    PopplerStructureElement *e;
    PopplerStructureElementKind kind;
    int page;                 /* content items: 0-based page, else -1 */
    int first, next;          /* first child, next sibling, -1 */
    bool block, text;         /* a block-level element below; text below */
} tnode;

typedef struct tree {
    tnode *n;
    size_t len, cap;
    bool truncated;
} tree;

bool pdf_tags_grow(samla_arena *a, void **arr, size_t n, size_t *cap, size_t elem)
{
    if (n < *cap) return true;
    size_t nc = *cap ? *cap * 2 : 16;
    void *p = samla_arena_grow(a, *arr, n, nc, elem);
    if (!p) return false;
    *arr = p;
    *cap = nc;
    return true;
}

static bool is_block_kind(PopplerStructureElementKind k)
{
    switch (k) {
    case POPPLER_STRUCTURE_ELEMENT_PARAGRAPH:
    case POPPLER_STRUCTURE_ELEMENT_HEADING:
    case POPPLER_STRUCTURE_ELEMENT_HEADING_1:
    case POPPLER_STRUCTURE_ELEMENT_HEADING_2:
    case POPPLER_STRUCTURE_ELEMENT_HEADING_3:
    case POPPLER_STRUCTURE_ELEMENT_HEADING_4:
    case POPPLER_STRUCTURE_ELEMENT_HEADING_5:
    case POPPLER_STRUCTURE_ELEMENT_HEADING_6:
    case POPPLER_STRUCTURE_ELEMENT_LIST:
    case POPPLER_STRUCTURE_ELEMENT_LIST_ITEM:
    case POPPLER_STRUCTURE_ELEMENT_LIST_BODY:
    case POPPLER_STRUCTURE_ELEMENT_TABLE:
    case POPPLER_STRUCTURE_ELEMENT_TABLE_ROW:
    case POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING:
    case POPPLER_STRUCTURE_ELEMENT_TABLE_DATA:
    case POPPLER_STRUCTURE_ELEMENT_CAPTION:
    case POPPLER_STRUCTURE_ELEMENT_TOC_ITEM:
    case POPPLER_STRUCTURE_ELEMENT_BLOCKQUOTE:
        return true;
    default:
        return false;
    }
}

static int heading_level(PopplerStructureElementKind k)
{
    if (k >= POPPLER_STRUCTURE_ELEMENT_HEADING_1 && k <= POPPLER_STRUCTURE_ELEMENT_HEADING_6)
        return 1 + (int)(k - POPPLER_STRUCTURE_ELEMENT_HEADING_1);
    return k == POPPLER_STRUCTURE_ELEMENT_HEADING ? 1 : 0;
}

/* Copies the siblings at it (and their subtrees) into the tree; returns the
 * index of the first, -1 if none, -2 on out of memory. */
static int copy_tree(tree *t, PopplerStructureElementIter *it, int depth)
{
    int first = -1, prev = -1;
    do {
        if (t->len >= MAX_NODES) {
            t->truncated = true;
            break;
        }
        PopplerStructureElement *e = poppler_structure_element_iter_get_element(it);
        if (!e) continue;
        if (t->len == t->cap) {
            size_t nc = t->cap ? t->cap * 2 : 256;
            tnode *p = realloc(t->n, nc * sizeof *p);
            if (!p) {
                g_object_unref(e);
                return -2;
            }
            t->n = p;
            t->cap = nc;
        }
        int i = (int)t->len++;
        PopplerStructureElementKind k = poppler_structure_element_get_kind(e);
        t->n[i] = (tnode){e, k, -1, -1, -1, false, false};
        if (k == POPPLER_STRUCTURE_ELEMENT_CONTENT) {
            t->n[i].page = poppler_structure_element_get_page(e);
            t->n[i].text = true;
        }
        if (prev >= 0) t->n[prev].next = i;
        else first = i;
        prev = i;
        if (k == POPPLER_STRUCTURE_ELEMENT_CONTENT || k == POPPLER_STRUCTURE_ELEMENT_OBJECT_REFERENCE) continue;
        if (depth >= MAX_DEPTH) {
            t->truncated = true;
            continue;
        }
        PopplerStructureElementIter *c = poppler_structure_element_iter_get_child(it);
        if (!c) continue;
        int ch = copy_tree(t, c, depth + 1);
        poppler_structure_element_iter_free(c);
        if (ch == -2) return -2;
        t->n[i].first = ch;
    } while (poppler_structure_element_iter_next(it));
    return first;
}

/* Fills block/text flags bottom-up (children have larger indexes). */
static void mark_tree(tree *t)
{
    for (size_t i = t->len; i-- > 0;) {
        tnode *n = &t->n[i];
        for (int c = n->first; c >= 0; c = t->n[c].next) {
            n->text = n->text || t->n[c].text;
            n->block = n->block || t->n[c].block || is_block_kind(t->n[c].kind);
        }
    }
}

typedef struct walker {
    pdf_tags *t;
    tree *tr;
    int depth;                /* L elements around */
    int cell;                 /* current cell or -1 */
    bool item_open;           /* inside an LI whose first leaf is still to come */
    bool note;                /* inside a Note: its leaves are footnotes (PDF-TAG-NOTE) */
} walker;

static samla_status add_leaf(walker *w, int node, PopplerStructureElementKind kind)
{
    pdf_tags *t = w->t;
    samla_arena *a = t->r->ctx->arena;
    tag_leaf *l = TAGS_PUSH(a, t->leaves, t->nleaves, t->leaves_cap);
    if (!l) return SAMLA_ERR_NOMEM;
    *l = (tag_leaf){SAMLA_BLOCK_PARAGRAPH, 0, w->depth, w->cell, node, false, NULL, 0};
    l->loose = w->cell < 0 && !w->item_open && !w->depth &&
               (kind == POPPLER_STRUCTURE_ELEMENT_NONSTRUCT || kind == POPPLER_STRUCTURE_ELEMENT_DIV ||
                kind == POPPLER_STRUCTURE_ELEMENT_SPAN || kind == POPPLER_STRUCTURE_ELEMENT_CONTENT);
    int hl = heading_level(kind);
    if (w->note) {
        l->kind = SAMLA_BLOCK_FOOTNOTE;
    } else if (hl) {
        l->kind = SAMLA_BLOCK_HEADING;
        l->level = hl;
    } else if (w->item_open) {
        l->kind = SAMLA_BLOCK_LIST_ITEM;
        l->level = w->depth < 1 ? 1 : w->depth > 9 ? 9 : w->depth;
    }
    w->item_open = false;
    if (w->cell >= 0) {
        t->cells[w->cell].nleaves++;
    } else {
        tag_item *it = TAGS_PUSH(a, t->items, t->nitems, t->items_cap);
        if (!it) return SAMLA_ERR_NOMEM;
        *it = (tag_item){false, (int)t->nleaves - 1};
    }
    return SAMLA_OK;
}

static samla_status walk(walker *w, int first);

/* A table: its rows (TR, also below THead/TBody/TFoot) and cells. */
static samla_status walk_rows(walker *w, int table, int first, bool head)
{
    pdf_tags *t = w->t;
    samla_arena *a = t->r->ctx->arena;
    samla_status st = SAMLA_OK;
    for (int i = first; i >= 0 && st == SAMLA_OK; i = w->tr->n[i].next) {
        const tnode *n = &w->tr->n[i];
        if (n->kind != POPPLER_STRUCTURE_ELEMENT_TABLE_ROW) {
            if (n->kind != POPPLER_STRUCTURE_ELEMENT_CONTENT)
                st = walk_rows(w, table, n->first, head || n->kind == POPPLER_STRUCTURE_ELEMENT_TABLE_HEADER);
            continue;
        }
        tag_row *row = TAGS_PUSH(a, t->rows, t->nrows, t->rows_cap);
        if (!row) return SAMLA_ERR_NOMEM;
        *row = (tag_row){table, (int)t->ncells, 0};
        int ri = (int)t->nrows - 1;
        t->tables[table].nrows++;
        for (int c = n->first; c >= 0 && st == SAMLA_OK; c = w->tr->n[c].next) {
            const tnode *cn = &w->tr->n[c];
            tag_cell *cell = TAGS_PUSH(a, t->cells, t->ncells, t->cells_cap);
            if (!cell) return SAMLA_ERR_NOMEM;
            *cell = (tag_cell){ri, (int)t->nleaves, 0, head || cn->kind == POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING};
            t->rows[ri].ncells++;
            walker sub = {t, w->tr, 0, (int)t->ncells - 1, false, w->note};
            if (cn->text && !cn->block) st = add_leaf(&sub, c, cn->kind);
            else if (cn->block) st = walk(&sub, cn->first);
        }
    }
    return st;
}

static samla_status walk(walker *w, int first)
{
    pdf_tags *t = w->t;
    samla_arena *a = t->r->ctx->arena;
    samla_status st = SAMLA_OK;
    for (int i = first; i >= 0 && st == SAMLA_OK; i = w->tr->n[i].next) {
        const tnode *n = &w->tr->n[i];
        switch (n->kind) {
        case POPPLER_STRUCTURE_ELEMENT_LIST_LABEL:
        case POPPLER_STRUCTURE_ELEMENT_OBJECT_REFERENCE:
            continue;
        case POPPLER_STRUCTURE_ELEMENT_LIST: {
            walker sub = *w;
            sub.depth++;
            sub.item_open = false;
            st = walk(&sub, n->first);
            continue;
        }
        case POPPLER_STRUCTURE_ELEMENT_NOTE: {
            walker sub = *w;
            sub.note = true;
            if (n->text && !n->block) st = add_leaf(&sub, i, n->kind);
            else st = walk(&sub, n->first);
            continue;
        }
        case POPPLER_STRUCTURE_ELEMENT_LIST_ITEM: {
            walker sub = *w;
            sub.item_open = true;
            if (n->text && !n->block) st = add_leaf(&sub, i, n->kind);
            else st = walk(&sub, n->first);
            continue;
        }
        case POPPLER_STRUCTURE_ELEMENT_TABLE:
            if (w->cell < 0) {
                tag_table *tb = TAGS_PUSH(a, t->tables, t->ntables, t->tables_cap);
                tag_item *it = tb ? TAGS_PUSH(a, t->items, t->nitems, t->items_cap) : NULL;
                if (!it) return SAMLA_ERR_NOMEM;
                int ti = (int)t->ntables - 1;
                *tb = (tag_table){(int)t->nrows, 0, (int)t->nleaves, 0, NAN};
                /* PDF-CELL-CUT-EDGE: the table's box where the producer gave one (its last column's right edge) */
                PopplerRectangle box;
                if (poppler_structure_element_get_bounding_box(n->e, &box) && box.x2 > box.x1) tb->right = box.x2;
                *it = (tag_item){true, ti};
                st = walk_rows(w, ti, n->first, false);
                t->tables[ti].leaf1 = (int)t->nleaves;
                if (t->tables[ti].nrows == 0) t->nitems--; /* a table without rows: nothing to emit */
                continue;
            }
            break; /* a table in a cell: its leaves stay in the outer cell */
        default:
            break;
        }
        if (n->kind == POPPLER_STRUCTURE_ELEMENT_CONTENT || (n->text && !n->block)) st = add_leaf(w, i, n->kind);
        else if (n->block) st = walk(w, n->first);
    }
    return st;
}

/* PDF-TAG-KEY-LETTERS: the key character of Unicode character u, 0 for none: an ASCII letter or digit as it is
 * (case kept), any other letter or digit the base letter of its decomposition when that is ASCII (*å* → *a*, *Ö* →
 * *O*: a producer may set it as a base letter and an accent), else one byte 0x80–0xFF from its code (*ß*). */
char pdf_tag_key_char(gunichar u)
{
    if (u < 0x80) return g_ascii_isalnum((char)u) ? (char)u : 0;
    if (!g_unichar_isalnum(u)) return 0;
    gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
    if (g_unichar_fully_decompose(u, FALSE, d, G_N_ELEMENTS(d)) && d[0] < 0x80 && g_ascii_isalnum((char)d[0]))
        return (char)d[0];
    return (char)(0x80 | (u & 0x7f));
}

/* The PDFDocEncoding byte poppler read as Unicode character u, -1 for none (only the bytes 0x80–0xFF matter: a
 * UTF-8 sequence's lead and continuation bytes). */
static int pdfdoc_byte(gunichar u)
{
    static const unsigned short high[33] = {
        0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203a, 0x2212,
        0x2030, 0x201e, 0x201c, 0x201d, 0x2018, 0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141,
        0x0152, 0x0160, 0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0,      0x20ac};
    if (u >= 0xa1 && u <= 0xff) return (int)u;
    for (int b = 0; b < 33; b++)
        if (high[b] && high[b] == u) return 0x80 + b;
    return -1;
}

/* PDF-TAG-KEY-LETTERS: poppler 22 hands back a structure element's text as its UTF-8 bytes re-read as
 * PDFDocEncoding (*å* as *Ã¥*, *Å* as *Ã–*, *–* as *â•ﬁ*). The character at *s, when it and the ones after it
 * are such a reading of one UTF-8 sequence, is that sequence's character: returned, *s moved past it; else 0. */
static gunichar pdfdoc_utf8(const char **s)
{
    const char *p = *s;
    gunichar lead = g_utf8_get_char(p);
    if (lead < 0xc2 || lead > 0xf4) return 0;
    int n = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
    char buf[5] = {(char)lead};
    p = g_utf8_next_char(p);
    for (int i = 1; i <= n; i++) {
        if (!*p) return 0;
        int b = pdfdoc_byte(g_utf8_get_char(p));
        if (b < 0x80 || b > 0xbf) return 0;
        buf[i] = (char)b;
        p = g_utf8_next_char(p);
    }
    buf[n + 1] = '\0';
    gunichar u = g_utf8_get_char_validated(buf, n + 1);
    if (u == (gunichar)-1 || u == (gunichar)-2 || u < 0x80) return 0;
    *s = p;
    return u;
}

/* Appends the key characters of s (pdf_tag_key_char; PDFDocEncoding readings of UTF-8 decoded first) to key;
 * where poppler cut the text (PDF-TAG-CUT-KEY: U+00EF U+00AC and one more character, a ligature's UTF-8 re-read
 * as PDFDocEncoding, the rest of that content item lost) a '~': the page's words there are not in the key. */
static void fold_key(GString *key, GString *spaced, const char *s)
{
    bool white = false; /* white space since the last key character (PDF-TAG-CELL-CUT-SPACE) */
    if (!s) return;
    bool utf8 = g_utf8_validate(s, -1, NULL); /* else its ASCII letters and digits only */
    while (*s) {
        if (!strncmp(s, "\xc3\xaf\xc2\xac", 4) && s[4]) {
            s = g_utf8_next_char(s + 4);
            if (!key->len || key->str[key->len - 1] != '~') {
                g_string_append_c(key, '~');
                g_string_append_c(spaced, white ? '1' : '0');
                white = false;
            }
            continue;
        }
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') white = true;
        gunichar u = utf8 ? pdfdoc_utf8(&s) : 0;
        if (!u) {
            u = utf8 ? g_utf8_get_char(s) : (unsigned char)*s;
            s = utf8 ? g_utf8_next_char(s) : s + 1;
        }
        char k = utf8 || u < 0x80 ? pdf_tag_key_char(u) : 0;
        if (k) {
            g_string_append_c(key, k);
            g_string_append_c(spaced, white ? '1' : '0');
            white = false;
        }
    }
}

typedef struct page_key {
    int page;
    GString *key, *spaced;
    bool cut;
} page_key;

/* Content items below node i, in order, with their pages. */
static void collect_pages(const tree *tr, int i, GArray *out)
{
    for (int c = tr->n[i].first; c >= 0; c = tr->n[c].next) {
        if (tr->n[c].kind == POPPLER_STRUCTURE_ELEMENT_CONTENT) g_array_append_val(out, c);
        else collect_pages(tr, c, out);
    }
}

/* PDF-TAG-MARK-CELL: the text of a table cell without letters or digits, one
 * short mark ("–", "✓"; at most four characters, spaces round it dropped:
 * poppler may return a mark's UTF-8 bytes re-read as PDFDocEncoding, "–" as
 * three characters), copied into the arena; NULL for anything else (an empty
 * cell, a dotted line). The mark is found on the page by its place, not its
 * text (tag_match.c). */
static char *cell_mark(samla_arena *a, const char *s)
{
    if (!s) return NULL;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    if (!n || !g_utf8_validate(s, (gssize)n, NULL) || g_utf8_strlen(s, (gssize)n) > 4) return NULL;
    return samla_arena_strndup(a, s, n);
}

/* Gives leaf l its keys: one text call when its content is on one page, one
 * per content item otherwise. A leaf whose content names no page gets none
 * (poppler would search every page for it). */
static samla_status leaf_keys(pdf_tags *t, const tree *tr, tag_leaf *l, GArray *items)
{
    samla_arena *a = t->r->ctx->arena;
    g_array_set_size(items, 0);
    if (tr->n[l->node].kind == POPPLER_STRUCTURE_ELEMENT_CONTENT) g_array_append_val(items, l->node);
    else collect_pages(tr, l->node, items);
    if (items->len == 0) return SAMLA_OK;
    int p0 = tr->n[g_array_index(items, int, 0)].page;
    bool one = true;
    for (guint k = 0; k < items->len; k++) {
        int p = tr->n[g_array_index(items, int, k)].page;
        if (p < 0 || (size_t)p >= t->r->npages) return SAMLA_OK;
        one = one && p == p0;
    }
    page_key pk[8];
    size_t npk = 0;
    char *mark = NULL;
    if (one) {
        gchar *s = poppler_structure_element_get_text(tr->n[l->node].e, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE);
        t->text_calls++;
        pk[0] = (page_key){p0, g_string_new(NULL), g_string_new(NULL), false};
        fold_key(pk[0].key, pk[0].spaced, s);
        if (!pk[0].key->len && l->cell >= 0) mark = cell_mark(a, s);
        g_free(s);
        npk = 1;
    } else {
        for (guint k = 0; k < items->len; k++) {
            const tnode *c = &tr->n[g_array_index(items, int, k)];
            size_t j = 0;
            while (j < npk && pk[j].page != c->page) j++;
            if (j == npk) {
                if (npk == G_N_ELEMENTS(pk)) continue; /* a leaf over more than 8 pages: the rest unmatched */
                pk[npk++] = (page_key){c->page, g_string_new(NULL), g_string_new(NULL), false};
            }
            gchar *s = poppler_structure_element_get_text(c->e, POPPLER_STRUCTURE_GET_TEXT_NONE);
            t->text_calls++;
            fold_key(pk[j].key, pk[j].spaced, s);
            g_free(s);
        }
    }
    samla_status st = SAMLA_OK;
    l->segs = samla_arena_alloc(a, npk * sizeof *l->segs);
    if (!l->segs) st = SAMLA_ERR_NOMEM;
    for (size_t j = 0; j < npk; j++) {
        /* a cut at the end: the part reads on past its key (tag_match.c, read_on) */
        const char *tilde = strrchr(pk[j].key->str, '~');
        if (tilde && strlen(tilde + 1) <= 3) { /* at most a note's number after the cut */
            g_string_truncate(pk[j].spaced, (size_t)(tilde - pk[j].key->str));
            g_string_truncate(pk[j].key, (size_t)(tilde - pk[j].key->str));
            pk[j].cut = true;
        }
        if (st == SAMLA_OK && pk[j].key->len) {
            char *k = samla_arena_strndup(a, pk[j].key->str, pk[j].key->len);
            char *sp = samla_arena_strndup(a, pk[j].spaced->str, pk[j].spaced->len);
            if (!k || !sp) st = SAMLA_ERR_NOMEM;
            else l->segs[l->nsegs++] = (tag_seg){pk[j].page, k, pk[j].key->len, 0, pk[j].cut, NULL, 0, 0, false, sp};
        } else if (st == SAMLA_OK && mark) {
            l->segs[l->nsegs++] = (tag_seg){pk[j].page, mark, 0, 0, false, NULL, 0, 0, true, NULL};
        }
        g_string_free(pk[j].key, TRUE);
        g_string_free(pk[j].spaced, TRUE);
    }
    return st;
}

samla_status pdf_tags_map(pdf_reader *r, PopplerDocument *pd, pdf_tags **out)
{
    *out = NULL;
    PopplerStructureElementIter *it = poppler_structure_element_iter_new(pd);
    if (!it) return SAMLA_OK;
    tree tr = {0};
    int root = copy_tree(&tr, it, 0);
    poppler_structure_element_iter_free(it);
    samla_status st = root == -2 ? SAMLA_ERR_NOMEM : SAMLA_OK;
    pdf_tags *t = NULL;
    if (st == SAMLA_OK && root >= 0) {
        t = samla_arena_alloc(r->ctx->arena, sizeof *t);
        if (!t) st = SAMLA_ERR_NOMEM;
    }
    if (t) {
        memset(t, 0, sizeof *t);
        t->r = r;
        t->wrap_spaces = -1;
        mark_tree(&tr);
        walker w = {t, &tr, 0, -1, false, false};
        st = walk(&w, root);
        GArray *items = g_array_new(FALSE, FALSE, sizeof(int));
        for (size_t i = 0; i < t->nleaves && st == SAMLA_OK; i++) st = leaf_keys(t, &tr, &t->leaves[i], items);
        g_array_free(items, TRUE);
        if (st == SAMLA_OK) st = pdf_tags_match(t);
        if (st == SAMLA_OK) pdf_tags_kinds(t);
        if (st == SAMLA_OK) pdf_tags_join_lines(t);
    }
    for (size_t i = 0; i < tr.len; i++) g_object_unref(tr.n[i].e);
    free(tr.n);
    if (st == SAMLA_OK) *out = t;
    return st;
}
