/* furniture.c: running headers and footers.
 *
 * A line in the top or bottom 12% of a page is furniture when the same text
 * (digits folded, so "Sida 2 av 5" matches "Sida 3 av 5") stands at about
 * the same height on at least two pages, or on at least half of the pages
 * anywhere in that band. A lone page number line ("3", "Sida 3 av 8",
 * "3 (8)") at the bottom is a footer (at the top a header) even on its own,
 * and so is any band line holding a page label ("KS 2024/123 Sida 1 av 17").
 * The top or bottom line of a page, in its band, set no larger than the body
 * text, apart from the body by most of a line, and made of two or
 * more parts apart by a wide gap (left, centre and
 * right parts of a header on tab stops or in page-margin boxes) is furniture
 * even on a page of its own (PDF-FURN-PARTS: a one-page part of a compound
 * document, a header that only the second page of two carries).
 * A line furniture only by repetition is body text after all when body text
 * stands between it and the page's edge, or when it runs on into the body
 * (PDF-FURN-BURIED, PDF-FURN-RUNS-INTO-BODY: a browser's narrow margin puts
 * the body's first lines in the band).
 * Furniture lines stay in the document as header/footer blocks. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

#define BAND 0.12

/* Soft text of a whole line where each digit run whose value is the page
 * number plus delta is folded to '#' ("Sida 3 av 8" on page 3 -> "sida # av
 * 8"); every other digit stays, so lines that differ in any other number
 * ("§ 102 Dnr SN 2023/0067" / "§ 103 Dnr SN 2023/0012") never match. Arena. */
static char *line_key(samla_arena *a, const pdf_line *l, int page, int delta)
{
    pdf_frag f = {l, 0, l->nwords};
    char *soft = samla_text_soft(a, pdf_frag_text(a, &f));
    if (!soft) return NULL;
    char *o = soft;
    for (const char *s = soft; *s;) {
        if (*s >= '0' && *s <= '9') {
            const char *e = s;
            long v = 0;
            while (*e >= '0' && *e <= '9') v = v < 100000 ? v * 10 + (*e - '0') : v, e++;
            if (v == page + delta && *s != '0') {
                *o++ = '#';
            } else {
                memmove(o, s, (size_t)(e - s));
                o += e - s;
            }
            s = e;
        } else {
            *o++ = *s++;
        }
    }
    *o = '\0';
    return soft;
}

static int band_of(const pdf_page *p, const pdf_line *l)
{
    if (p->height <= 0) return 0;
    if (l->y1 <= p->height * BAND) return 1;
    if (l->y0 >= p->height * (1 - BAND)) return 2;
    return 0;
}

typedef struct tally {
    size_t last_page, pages;
    const char *body;   /* body text next to the band on the first page seen */
    bool varied;        /* the body next to the band differs between the pages */
} tally;

/* Counts each key once per page in table h (key -> tally, both arena);
 * body is the text of the first body lines inside the band's edge. */
static void count(samla_arena *a, GHashTable *h, const char *key, size_t page, const char *body)
{
    tally *t = g_hash_table_lookup(h, key);
    if (!t) {
        t = samla_arena_alloc(a, sizeof *t);
        if (!t) return;
        t->last_page = (size_t)-1;
        t->body = body;
        g_hash_table_insert(h, (gpointer)key, t);
    }
    if (t->last_page != page) t->last_page = page, t->pages++;
    if (!t->varied && body && t->body && strcmp(body, t->body) != 0) t->varied = true;
}

/* Pages holding key; 0 when the body text next to it is the same on all of
 * them (a document included twice repeats its own lines at the same place:
 * that is content, not a running header). */
static size_t pages_of(GHashTable *h, const char *key)
{
    const tally *t = g_hash_table_lookup(h, key);
    return t && t->varied ? t->pages : 0;
}

/* Text of the first three body lines below the top band (band 1) or above
 * the bottom band (band 2) of page p. Arena. */
static const char *inner_text(samla_arena *a, const pdf_page *p, int band)
{
    char *s = "";
    size_t got = 0;
    for (size_t k = 0; k < p->nlines && got < 3 && s; k++) {
        const pdf_line *l = &p->lines[band == 1 ? k : p->nlines - 1 - k];
        if (band_of(p, l) != 0) continue;
        pdf_frag f = {l, 0, l->nwords};
        s = samla_arena_printf(a, "%s\n%s", s, pdf_frag_text(a, &f));
        got++;
    }
    return s;
}

/* Page-number offsets tried when folding (printed number = page index + 1 +
 * delta - 1: a cover page without a number shifts the count by one or two). */
static const int deltas[] = {0, -1, -2, 1};
#define NDELTA (sizeof deltas / sizeof *deltas)

/* The median word size of the document (the body text's size), 0 when there are no words. */
static double median_size(const pdf_reader *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->npages; i++)
        for (size_t j = 0; j < r->pages[i].nlines; j++) n += r->pages[i].lines[j].nwords;
    double *v = n ? malloc(n * sizeof *v) : NULL;
    if (!v) return 0;
    size_t k = 0;
    for (size_t i = 0; i < r->npages; i++)
        for (size_t j = 0; j < r->pages[i].nlines; j++)
            for (size_t w = 0; w < r->pages[i].lines[j].nwords; w++) v[k++] = r->pages[i].lines[j].words[w].size;
    double m = pdf_nth_smallest(v, n, n / 2);
    free(v);
    return m;
}

/* PDF-FURN-PARTS: line l of band `band` is page p's top (band 1) or bottom (band 2) line, no larger than the
 * body size, 0.9 of a line or more from the next line, and in two or more parts apart by at least 2 em. */
static bool parted_edge_line(const pdf_page *p, const pdf_line *l, int band, double body)
{
    if (!band || body <= 0 || l->size > body || l->nwords < 2) return false;
    double h = l->y1 - l->y0;
    for (size_t j = 0; j < p->nlines; j++) {
        const pdf_line *o = &p->lines[j];
        if (o == l || !o->nwords) continue;
        if (band == 1 ? o->y0 < l->y0 : o->y1 > l->y1) return false;
        /* set apart from the body by most of a line (a table's last row stands closer, on its cell padding) */
        if (band == 1 ? o->y0 - l->y1 < 0.9 * h : l->y0 - o->y1 < 0.9 * h) return false;
    }
    for (size_t k = 1; k < l->nwords; k++)
        if (l->words[k].x0 - l->words[k - 1].x1 >= 2 * l->size) return true;
    return false;
}

/* PDF-FURN-BURIED: a line that is furniture only by its text repeating
 * (not a page number or label, not PDF-FURN-PARTS) is body text when a body
 * line stands wholly between it and its page's edge: a running header is
 * above all the body. A bold subheading (*Ärendebeskrivning*) that each
 * item's page of a browser's tight-margined render has in its top band,
 * under the item's own title, is the item's. */
static bool buried(const pdf_page *p, const pdf_line *l)
{
    for (size_t o = 0; o < p->nlines; o++) {
        const pdf_line *b = &p->lines[o];
        if (b->role == PDF_BODY && b->nwords && (l->role == PDF_HEADER ? b->y1 <= l->y0 : b->y0 >= l->y1)) return true;
    }
    return false;
}

/* PDF-FURN-RUNS-INTO-BODY: a line furniture only by its text repeating is
 * body text when the next line toward the body is body text of its size
 * (within 0.5 pt) set closer to it than 0.75 of its height, starting within
 * 2 em of its left edge (an indent, not another column): it runs on into
 * the body at the body's leading, where a running header or footer stands
 * apart (PDF-FURN-PARTS takes 0.9 of a line as apart). A contents page
 * printed twice in one file (a bound-in part) starts, inside a browser
 * render's narrow top band, with the same entries at the same height. Not on
 * an OCR'd page, whose line boxes are Tesseract's. */
static bool runs_into_body(const pdf_page *p, const pdf_line *l)
{
    /* an OCR'd page's lines are Tesseract's boxes, not a typeset leading: its band is left to repetition */
    if (p->ocr.reason) return false;
    const pdf_line *next = NULL;
    double best = 1e18;
    for (size_t o = 0; o < p->nlines; o++) {
        const pdf_line *b = &p->lines[o];
        if (b == l || !b->nwords) continue;
        double gap = l->role == PDF_HEADER ? b->y0 - l->y1 : l->y0 - b->y1;
        if (gap > -0.5 && gap < best) best = gap, next = b;
    }
    return next && next->role == PDF_BODY && fabs(next->size - l->size) <= 0.5 && best < 0.75 * (l->y1 - l->y0) &&
           fabs(next->x0 - l->x0) <= 2 * l->size;
}

/* Lines of page p furniture only by repetition (repeated[j]) made body
 * text by PDF-FURN-BURIED and PDF-FURN-RUNS-INTO-BODY, until none changes. */
static void unbury(pdf_page *p, const bool *repeated)
{
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t j = 0; j < p->nlines; j++) {
            pdf_line *l = &p->lines[j];
            if (!repeated[j] || l->role == PDF_BODY) continue;
            if (buried(p, l) || runs_into_body(p, l)) {
                l->role = PDF_BODY;
                changed = true;
            }
        }
    }
}

void pdf_mark_furniture(pdf_reader *r)
{
    samla_arena *a = r->ctx->arena;
    size_t total = 0;
    for (size_t i = 0; i < r->npages; i++) total += r->pages[i].nlines;
    if (!total) return;
    /* per band line and delta: "band|text" and "band|height|text"; NULL elsewhere */
    const char **any_k = samla_arena_alloc(a, NDELTA * total * sizeof *any_k);
    const char **y_k = samla_arena_alloc(a, NDELTA * total * sizeof *y_k);
    if (!any_k || !y_k) return;
    GHashTable *any = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *at_y = g_hash_table_new(g_str_hash, g_str_equal);
    size_t k = 0;
    for (size_t i = 0; i < r->npages; i++) {
        const char *inner[3] = {NULL, inner_text(a, &r->pages[i], 1), inner_text(a, &r->pages[i], 2)};
        for (size_t j = 0; j < r->pages[i].nlines; j++, k++) {
            const pdf_line *l = &r->pages[i].lines[j];
            int band = band_of(&r->pages[i], l);
            for (size_t d = 0; d < NDELTA; d++) {
                char *key = band ? line_key(a, l, r->pages[i].number, deltas[d]) : NULL;
                any_k[k * NDELTA + d] = y_k[k * NDELTA + d] = NULL;
                if (!key || !*key) continue;
                /* a variant equal to the unfolded key (delta 0 folded nothing) is counted once */
                bool dup = false;
                for (size_t e = 0; e < d && !dup; e++)
                    dup = any_k[k * NDELTA + e] && strcmp(any_k[k * NDELTA + e] + 2, key) == 0;
                if (dup) continue;
                /* heights are bucketed by 4 pt; neighbours are looked up too */
                const char *ka = samla_arena_printf(a, "%d|%s", band, key);
                const char *ky = samla_arena_printf(a, "%d|%ld|%s", band, lround(l->y0 / 4), key);
                if (!ka || !ky) continue;
                any_k[k * NDELTA + d] = ka;
                y_k[k * NDELTA + d] = ky;
                count(a, any, ka, i, inner[band]);
                count(a, at_y, ky, i, inner[band]);
            }
        }
    }
    size_t need_any = r->npages / 2 > 2 ? r->npages / 2 : 2;
    bool *repeated = samla_arena_alloc(a, total * sizeof *repeated);
    if (!repeated) {
        g_hash_table_destroy(any);
        g_hash_table_destroy(at_y);
        return;
    }
    double body = median_size(r);
    k = 0;
    for (size_t i = 0; i < r->npages; i++) {
        pdf_page *p = &r->pages[i];
        for (size_t j = 0; j < p->nlines; j++, k++) {
            pdf_line *l = &p->lines[j];
            int band = band_of(p, l);
            if (!band) continue;
            pdf_frag f = {l, 0, l->nwords};
            const char *text = pdf_frag_text(a, &f);
            if (!text) continue;
            bool furniture = samla_re_test(r->set->page_number, text) || samla_re_test(r->set->page_label, text);
            /* a line that starts an item ("§ 102 Dnr ...") is body text wherever it stands */
            bool item = r->set->item_start && samla_re_test(r->set->item_start, text);
            /* PDF-FURN-ITEM-CODE: nor is a line that starts an item a two-part footer: an item's marker left at a
             * column's foot beside the other column's last line (pdfTeX's *MBN § 2*) */
            furniture = furniture || (!item && parted_edge_line(p, l, band, body));
            for (size_t d = 0; d < NDELTA && !furniture && !item; d++) {
                const char *ka = any_k[k * NDELTA + d], *ky = y_k[k * NDELTA + d];
                if (!ka || !ky) continue;
                furniture = pages_of(any, ka) >= need_any || pages_of(at_y, ky) >= 2;
                for (long dy = -1; dy <= 1 && !furniture; dy += 2) {
                    const char *nb = samla_arena_printf(a, "%d|%ld|%s", band, lround(l->y0 / 4) + dy, ka + 2);
                    furniture = nb && pages_of(at_y, nb) >= 1 && pages_of(at_y, nb) + pages_of(at_y, ky) >= 2 &&
                                pages_of(any, ka) >= 2;
                }
            }
            if (furniture) l->role = band == 1 ? PDF_HEADER : PDF_FOOTER;
            repeated[k] = furniture && !samla_re_test(r->set->page_number, text) &&
                          !samla_re_test(r->set->page_label, text) && !parted_edge_line(p, l, band, body);
        }
    }
    k = 0;
    for (size_t i = 0; i < r->npages; i++) {
        unbury(&r->pages[i], repeated + k);
        k += r->pages[i].nlines;
    }
    g_hash_table_destroy(any);
    g_hash_table_destroy(at_y);
}
