/* columns.c: two text columns that the prose test of regions.c does not see:
 * columns of list items (PDF-TEXT-COLUMNS-LISTS, first) and columns of short
 * lines that flow independently (PDF-TEXT-COLUMNS-FLOW, below).
 *
 * A page set in two text columns whose text is bold lines over short list
 * items (a strategy's focus areas with their delmål) fills neither column
 * to its right edge, so the prose test of regions.c does not see columns and
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
#include <string.h>

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
    double w = x1 - x0, gutter = pdf_gutter(r);
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

/* ---- PDF-TEXT-COLUMNS-FLOW ------------------------------------------------
 * Two columns of short lines (an attendance list set in two text columns, a
 * protocol's body set in two columns around short headings) fill neither
 * column to its edge and hold no list markers, so neither test above sees
 * text columns, and the region would be a table whose rows pair lines that
 * only happen to stand side by side. A table keeps rows: its cells start at
 * the top of their row, so the baselines of its columns stand in step, and a
 * bold line in it is its header row or its label column. Text columns run on
 * independently: where one column's paragraph spacing differs from the
 * other's (a wrapped line beside a paragraph break, a subhead), a line of
 * one column stands between two adjacent lines of the other; a subhead of
 * the right column stands beside running text of the left. */

/* Baseline (bottom of the first word) of column c of line l, or NAN when the
 * column is empty there. */
static double col_base(const pdf_region *g, const pdf_line *l, size_t c)
{
    pdf_frag f = pdf_column_frag(g, l, c);
    return f.w1 > f.w0 ? l->words[f.w0].y1 : NAN;
}

/* Lines of the region whose baseline in one column falls between two adjacent
 * baselines of the other (neither within a quarter of the font size), out of
 * *judged, the lines with a line of the other column above and below. */
static size_t out_of_step(const pdf_region *g, const pdf_line *const *L, size_t *judged)
{
    size_t nd = 0, nb = 0;
    for (size_t c = 0; c < 2; c++)
        for (size_t i = g->first; i < g->last; i++) {
            double y = col_base(g, L[i], c);
            if (isnan(y)) continue;
            double q = 0.25 * L[i]->size, ya = -1e9, yb = 1e9;
            for (size_t k = g->first; k < g->last; k++) {
                double o = col_base(g, L[k], 1 - c);
                if (isnan(o)) continue;
                if (o <= y + q && o > ya) ya = o;
                if (o >= y - q && o < yb) yb = o;
            }
            if (ya < -1e8 || yb > 1e8) continue;
            nb++;
            nd += y - ya > q && yb - y > q && yb - ya < 2.2 * L[i]->size;
        }
    *judged = nb;
    return nd;
}

/* All words of fragment f bold. */
static bool frag_bold(const pdf_frag *f)
{
    if (f->w1 <= f->w0) return false;
    for (size_t k = f->w0; k < f->w1; k++)
        if (!f->line->words[k].bold) return false;
    return true;
}

/* A line below the region's first whose right column is a short bold line
 * (a subhead: at most 6 words, no final full stop) beside plain text in the
 * left column. */
static bool right_subhead(const pdf_region *g, const pdf_line *const *L)
{
    for (size_t i = g->first + 1; i < g->last; i++) {
        pdf_frag f0 = pdf_column_frag(g, L[i], 0), f1 = pdf_column_frag(g, L[i], 1);
        if (f0.w1 <= f0.w0 || frag_bold(&f0) || !frag_bold(&f1) || f1.w1 - f1.w0 > 6) continue;
        const char *last = L[i]->words[f1.w1 - 1].text;
        size_t len = strlen(last);
        if (len && last[len - 1] == '.') continue;
        return true;
    }
    return false;
}

/* A rule between or across the two columns: a vertical one in the gutter over
 * half the region's height, or a horizontal one across the gutter above,
 * between or below the region's lines (a table's top, header or bottom rule). */
static bool ruled(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, size_t n)
{
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9, left = -1e9, right = 1e9, b = g->bounds[0];
    for (size_t i = g->first; i < g->last; i++) {
        x0 = fmin(x0, L[i]->x0), x1 = fmax(x1, L[i]->x1);
        y0 = fmin(y0, L[i]->y0), y1 = fmax(y1, L[i]->y1);
        pdf_frag f0 = pdf_column_frag(g, L[i], 0), f1 = pdf_column_frag(g, L[i], 1);
        if (f0.w1 > f0.w0) left = fmax(left, L[i]->words[f0.w1 - 1].x1);
        if (f1.w1 > f1.w0) right = fmin(right, L[i]->words[f1.w0].x0);
    }
    double pad = r->body_size;
    double top = g->first > 0 ? fmax(y0 - pad, L[g->first - 1]->y1) : y0 - pad;
    double bottom = g->last < n ? fmin(y1 + pad, L[g->last]->y0) : y1 + pad;
    pdf_ink *ink = pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), x0, top, x1, bottom);
    if (!ink) return false;
    if (left < right && pdf_ink_vrule(ink, left + 0.5, right - 0.5, y0, y1, 0.5)) return true;
    double xa = b - 12, xb = b + 12;
    if (pdf_ink_hrule(ink, xa, xb, top, y0, 0.9) || pdf_ink_hrule(ink, xa, xb, y1, bottom, 0.9)) return true;
    for (size_t i = g->first; i + 1 < g->last; i++)
        if (L[i + 1]->y0 > L[i]->y1 && pdf_ink_hrule(ink, xa, xb, L[i]->y1, L[i + 1]->y0, 0.9)) return true;
    return false;
}

/* PDF-TEXT-COLUMNS-FLOW-HEAD: the region's first line is bold in both columns on one baseline (a table's header
 * row, *Fokusområde* | *Delmål*), no line below it is bold in either column (text columns have subheads:
 * *Beslutande* | *Ersättare* over lists, *Övriga närvarande* further down the right) and the columns are not
 * as wide as each other (over 8% apart): a table whose
 * cells are set vertically centred in their rows (groff's tbl), out of step for that reason, or justified to
 * their right edges (regions.c's prose test), not text columns. */
bool pdf_header_row_table(const pdf_region *g, const pdf_line *const *L)
{
    pdf_frag h0 = pdf_column_frag(g, L[g->first], 0), h1 = pdf_column_frag(g, L[g->first], 1);
    if (!frag_bold(&h0) || !frag_bold(&h1)) return false;
    if (fabs(col_base(g, L[g->first], 0) - col_base(g, L[g->first], 1)) > 0.25 * L[g->first]->size) return false;
    double x0[2] = {1e9, 1e9}, x1[2] = {-1e9, -1e9};
    for (size_t i = g->first; i < g->last; i++)
        for (size_t c = 0; c < 2; c++) {
            pdf_frag f = pdf_column_frag(g, L[i], c);
            if (f.w1 <= f.w0) continue;
            if (i > g->first && frag_bold(&f)) return false; /* a subhead further down: text columns */
            x0[c] = fmin(x0[c], L[i]->words[f.w0].x0), x1[c] = fmax(x1[c], L[i]->words[f.w1 - 1].x1);
        }
    double w0 = x1[0] - x0[0], w1 = x1[1] - x0[1];
    return fabs(w0 - w1) > 0.08 * fmax(w0, w1);
}

bool pdf_flow_columns(pdf_reader *r, pdf_region *g, const pdf_line *const *L, size_t n, size_t from, bool gutter)
{
    if (g->ncols != 2 || g->last - g->first < 2) return false;
    if (!gutter && pdf_header_row_table(g, L)) return false;
    size_t judged = 0, apart = out_of_step(g, L, &judged);
    bool flow = gutter || (apart >= 2 && apart * 5 >= judged) || right_subhead(g, L);
    if (!flow || ruled(r, g, L, n)) return false;
    /* lines below the right column's last, with text on the left only, lie
     * below both columns when the left column had ended above it, or when
     * a wider gap than the columns' lines have sets them apart */
    size_t last_right = g->first;
    for (size_t i = g->first; i < g->last; i++)
        if (!isnan(col_base(g, L[i], 1))) last_right = i;
    if (last_right + 1 < g->last) {
        double usual = 1e9, below = L[last_right + 1]->y0 - L[last_right]->y1;
        for (size_t i = g->first; i < last_right; i++) usual = fmin(usual, L[i + 1]->y0 - L[i]->y1);
        if (isnan(col_base(g, L[last_right], 0)) || (usual < 1e8 && below > usual + 0.8 * r->body_size))
            g->last = last_right + 1;
    }
    /* lines just above with text at the right column's edge only are its
     * first lines (a column that starts higher: no space above it at the top
     * of a column) */
    double edge = 1e9;
    for (size_t i = g->first; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], 1);
        if (f.w1 > f.w0) edge = fmin(edge, L[i]->words[f.w0].x0);
    }
    while (g->first > from && fabs(L[g->first - 1]->x0 - edge) <= 2 &&
           L[g->first]->y0 - L[g->first - 1]->y1 <= 2.2 * r->body_size)
        g->first--;
    return true;
}
