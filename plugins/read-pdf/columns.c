/* columns.c: two text columns of list items (PDF-TEXT-COLUMNS-LISTS).
 *
 * A page set in two text columns whose text is bold lines over short list
 * items (a strategy's focus areas with their delmål) fills neither column
 * to its right edge, so the prose test of tables.c does not see columns and
 * the region would be read as a table: one row whose cells hold half a list
 * each, the list markers of the right column split from their text. Such a
 * region is two text columns when one boundary splits it into two wide
 * halves (each at least 30% of its width) that no line crosses, both halves
 * start list items at their own left edge (at least one in each, three in
 * all: a table's first column holds names, areas or codes, not a list), and
 * no vertical rule stands in the gutter between them over half the region's
 * height (a ruled table with lists in its cells stays a table). Other
 * boundaries inside a half are its list items' text indents. */
#include <math.h>

#include "pdf.h"

/* Line l has a word across x. */
static bool crosses_at(const pdf_line *l, double x)
{
    for (size_t i = 0; i < l->nwords; i++)
        if (l->words[i].x0 < x - 0.5 && l->words[i].x1 > x + 0.5) return true;
    return false;
}

/* Lines of [first, last) that start a list item at the left edge of the half
 * [lo, hi) (words are in a half by where they start); the half's left edge
 * and rightmost word end come back in *edge_out, *right_out. */
static size_t list_items(const pdf_reader *r, const pdf_line *const *L, size_t first, size_t last, double lo,
                         double hi, double *edge_out, double *right_out)
{
    double edge = 1e9, right = -1e9;
    for (size_t i = first; i < last; i++)
        for (size_t k = 0; k < L[i]->nwords; k++) {
            const pdf_word *w = &L[i]->words[k];
            if (w->x0 < lo || w->x0 >= hi) continue;
            edge = fmin(edge, w->x0);
            right = fmax(right, w->x1);
        }
    size_t items = 0;
    for (size_t i = first; i < last; i++) {
        size_t k = 0;
        while (k < L[i]->nwords && L[i]->words[k].x0 < lo) k++;
        size_t e = k;
        while (e < L[i]->nwords && L[i]->words[e].x0 < hi) e++;
        bool bullet;
        if (e > k && fabs(L[i]->words[k].x0 - edge) <= 2 && pdf_marker(r->set, &L[i]->words[k], e - k, &bullet))
            items++;
    }
    *edge_out = edge;
    *right_out = right;
    return items;
}

bool pdf_list_columns(pdf_reader *r, pdf_region *g, const pdf_line *const *L)
{
    if (g->ncols < 2 || g->last - g->first < 3) return false;
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    for (size_t i = g->first; i < g->last; i++) {
        x0 = fmin(x0, L[i]->x0), x1 = fmax(x1, L[i]->x1);
        y0 = fmin(y0, L[i]->y0), y1 = fmax(y1, L[i]->y1);
    }
    double w = x1 - x0, gutter = fmax(6, 0.7 * r->body_size);
    for (size_t c = 0; c + 1 < g->ncols; c++) {
        double b = g->bounds[c];
        if (b - x0 < 0.3 * w || x1 - b < 0.3 * w) continue;
        bool clear = true;
        for (size_t i = g->first; i < g->last && clear; i++) {
            const pdf_line *l = L[i];
            if (crosses_at(l, b)) clear = false;
            /* text on both sides: a gutter between them, not a word space */
            for (size_t k = 1; k < l->nwords && clear; k++)
                if (l->words[k - 1].x0 < b && l->words[k].x0 >= b && l->words[k].x0 - l->words[k - 1].x1 < gutter)
                    clear = false;
        }
        if (!clear) continue;
        double e0, r0, e1, r1;
        size_t left = list_items(r, L, g->first, g->last, -1e9, b, &e0, &r0);
        size_t right = list_items(r, L, g->first, g->last, b, 1e9, &e1, &r1);
        if (!left || !right || left + right < 3) continue;
        /* a rule in the gutter over half the height: a ruled table */
        pdf_ink *ink = pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), x0, y0, x1, y1);
        if (pdf_ink_vrule(ink, r0 + 0.5, e1 - 0.5, y0, y1, 0.5)) return false;
        g->ncols = 2;
        g->bounds[0] = b;
        return true;
    }
    return false;
}
