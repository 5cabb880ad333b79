/* grouprows.c: a table row spanning the table (PDF-TABLE-GROUP-ROW).
 *
 * A plan's activity table often groups its rows under rows of one cell that
 * spans the table ("Delmål 2.1 Fler invånare är fysiskt aktiva" over the
 * activities serving it). The text layer shows such a row as a row with text
 * in its first column only (or one run of text from the first column over
 * the place of a column boundary, when the cell's text is longer than the
 * first column is wide), which a row whose other cells are empty (an
 * activity with no responsible yet) shows too. What tells them apart is drawn:
 * the vertical rules between the columns run through an ordinary row and stop
 * at a spanning one. So a row with text in the first column only is a group row
 * when no vertical rule stands in any gap between two columns over most of the
 * row's height, while a rule stands in the first gap over the nearest row that
 * has text in another column (the table is ruled at all: in a table without
 * rules nothing tells, and the row stays an ordinary row). The rules are seen
 * by rendering the table (rulings.c). The spanning cell holds the row's
 * whole lines. */
#include <math.h>

#include "pdf.h"

/* Has line l text in a column other than the first? */
static bool beyond_first(const pdf_region *g, const pdf_line *l)
{
    for (size_t c = 1; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, l, c);
        if (f.w1 > f.w0) return true;
    }
    return false;
}

/* Line l is one run of text from the first column: its words follow one
 * another without a gutter (a spanning cell's text may run past the place of
 * a column boundary, which the region drew where other rows start a column). */
static bool one_run(const pdf_reader *r, const pdf_region *g, const pdf_line *l)
{
    if (!l->nwords || l->words[0].x0 >= g->bounds[0]) return false;
    double gutter = pdf_gutter(r);
    for (size_t k = 1; k < l->nwords; k++)
        if (l->words[k].x0 - l->words[k - 1].x1 >= gutter) return false;
    return true;
}

/* Row s (lines [starts[s], starts[s + 1])) is one run of text on each line. */
static bool one_run_row(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                        size_t s)
{
    for (size_t i = starts[s]; i < starts[s + 1]; i++)
        if (!one_run(r, g, L[i])) return false;
    return true;
}

/* Row s has cells: text in a column other than the first, beside the first column's. */
static bool row_of_cells(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                         size_t s)
{
    if (one_run_row(r, g, L, starts, s)) return false;
    for (size_t i = starts[s]; i < starts[s + 1]; i++)
        if (beyond_first(g, L[i])) return true;
    return false;
}

/* The vertical extent of row s: half-way to the rows around it (a rule runs
 * through a row's padding, text does not), or one em beyond a first or last row. */
static void row_extent(const pdf_reader *r, const pdf_line *const *L, const size_t *starts, size_t ns, size_t s,
                       double *ya, double *yb)
{
    double top = 1e9, bottom = -1e9;
    for (size_t i = starts[s]; i < starts[s + 1]; i++) top = fmin(top, L[i]->y0), bottom = fmax(bottom, L[i]->y1);
    *ya = top - r->body_size;
    *yb = bottom + r->body_size;
    if (s > 0) {
        double above = -1e9;
        for (size_t i = starts[s - 1]; i < starts[s]; i++) above = fmax(above, L[i]->y1);
        *ya = fmax(*ya, (above + top) / 2);
    }
    if (s + 1 < ns) {
        double below = 1e9;
        for (size_t i = starts[s + 1]; i < starts[s + 2]; i++) below = fmin(below, L[i]->y0);
        *yb = fmin(*yb, (bottom + below) / 2);
    }
}

/* The gap between column c and c + 1 where a rule can stand: from the
 * rightmost text of column c on lines with text beyond the first column (not
 * one run of text: a spanning cell's may cross the rule's place) to the start
 * of column c + 1. */
static void gap_of(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L, size_t c, double *xa,
                   double *xb)
{
    double right = c > 0 ? g->bounds[c - 1] : -1e9;
    for (size_t i = g->first; i < g->last; i++) {
        if (!beyond_first(g, L[i]) || one_run(r, g, L[i])) continue;
        pdf_frag f = pdf_column_frag(g, L[i], c);
        if (f.w1 > f.w0) right = fmax(right, L[i]->words[f.w1 - 1].x1);
    }
    *xa = right + 0.5;
    *xb = g->bounds[c] - 0.5;
}

bool pdf_group_row(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts, size_t ns,
                   size_t s)
{
    if (g->ncols < 2 || s >= ns || !one_run_row(r, g, L, starts, s)) return false;
    /* the nearest row with cells beside the first */
    size_t ref = ns;
    for (size_t d = 1; d < ns && ref == ns; d++) {
        if (s >= d && row_of_cells(r, g, L, starts, s - d)) ref = s - d;
        else if (s + d < ns && row_of_cells(r, g, L, starts, s + d)) ref = s + d;
    }
    if (ref == ns) return false;
    double x0 = 1e9, x1 = -1e9, y0 = 1e9, y1 = -1e9;
    for (size_t i = g->first; i < g->last; i++) {
        x0 = fmin(x0, L[i]->x0), x1 = fmax(x1, L[i]->x1);
        y0 = fmin(y0, L[i]->y0), y1 = fmax(y1, L[i]->y1);
    }
    pdf_ink *ink = pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), x0, y0 - r->body_size, x1,
                                y1 + r->body_size);
    if (!ink) return false;
    double xa, xb, ya, yb;
    gap_of(r, g, L, 0, &xa, &xb);
    row_extent(r, L, starts, ns, ref, &ya, &yb);
    if (!pdf_ink_vrule(ink, xa, xb, ya, yb, 0.6)) return false; /* no rule where rows have cells: unruled */
    row_extent(r, L, starts, ns, s, &ya, &yb);
    for (size_t c = 0; c + 1 < g->ncols; c++) {
        gap_of(r, g, L, c, &xa, &xb);
        if (pdf_ink_vrule(ink, xa, xb, ya, yb, 0.6)) return false;
    }
    return true;
}
