/* grouprows.c: a row whose one cell spans several columns (PDF-TABLE-SPAN-CELL,
 * PDF-TABLE-GROUP-ROW).
 *
 * A plan's activity table often groups its rows under rows of one cell that
 * spans the table ("Delmål 2.1 Fler invånare är fysiskt aktiva" over the
 * activities serving it), and a row may leave the rest of the table to one
 * cell after its first ("–" | "Inga aktiviteter planeras"). One mechanism
 * reads both, ruled or not, from two kinds of evidence:
 *
 * - the text (PDF-TABLE-SPAN-CELL): a line whose last run of words (no gutter
 *   inside) starts at the table's left edge or at a column's start and runs on
 *   past the next column's start is a cell spanning from that column to the
 *   table's right; the lines under it that go on at the run's start (the
 *   line above reached so far right that their first word would not have
 *   fitted after it) are the rest of that cell. Such a line is a row of its
 *   own (tables.c) and keeps its table whole (regions.c), ruled or not.
 * - the rules (PDF-TABLE-GROUP-ROW): a row with text in its first column only
 *   that runs past no column (a short group heading) shows in the text layer
 *   as an activity whose other cells are empty shows. What tells them apart is
 *   drawn: the vertical rules between the columns run through an ordinary row
 *   and stop at a spanning one. So such a row is a group row when no vertical
 *   rule stands in any gap between two columns over most of the row's height,
 *   while a rule stands in the first gap over the nearest row that has text in
 *   another column (in a table without rules nothing tells, and the row stays
 *   an ordinary row). The rules are seen by rendering the table (rulings.c).
 *
 * The spanning cell holds the words of its lines from its column on. A cell
 * spanning rows is the other half: tables.c marks the rows that leave their
 * first column to the cell above (PDF-TABLE-ROWSPAN and its kin), tablecells.c
 * fills it. */
#include <math.h>

#include "pdf.h"
#include "tables.h"

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

static bool group_row_ruled(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                            size_t ns, size_t s)
{
    if (!one_run_row(r, g, L, starts, s)) return false;
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

/* The first word of line l's last run (words parted by less than a gutter). */
static size_t last_run(const pdf_line *l, double gutter)
{
    size_t p = 0;
    for (size_t k = 1; k < l->nwords; k++)
        if (l->words[k].x0 - l->words[k - 1].x1 >= gutter) p = k;
    return p;
}

/* The column whose start x is (the table's left edge `edge` for column 0), or g->ncols. */
static size_t column_at(const pdf_region *g, double edge, double x)
{
    if (x <= edge + 2) return 0;
    for (size_t c = 1; c < g->ncols; c++)
        if (fabs(x - g->bounds[c - 1]) <= 2.5) return c;
    return g->ncols;
}

bool pdf_span_line(const pdf_reader *r, const pdf_region *g, const pdf_line *l, double edge, size_t *c0,
                   double *x0)
{
    if (g->ncols < 2 || !l->nwords) return false;
    size_t p = last_run(l, pdf_gutter(r));
    size_t c = column_at(g, edge, l->words[p].x0);
    /* a word of the run after its first starts in a later column: no single overfull word (pdfTeX sets a word
     * too long for a narrow cell over the next column) */
    if (c + 1 >= g->ncols || l->nwords < p + 2 || l->words[l->nwords - 1].x0 < g->bounds[c] - COL_SLACK) return false;
    /* and it runs over a later column's start in a word after its first, or in a word space not at that start
     * (a gutter a little narrow between two cells, *Socialförvaltningen* | *Augusti*, or pdfTeX's narrow column
     * gap before a word set at the column's start, is no word space; nor is a cell's first word too long for its
     * column, which pdfTeX sets over the next one, *Kommunledningskontoret* | *Juni 2025*) */
    bool across = false;
    for (size_t q = c; q + 1 < g->ncols && !across; q++) {
        double x = g->bounds[q];
        for (size_t k = p; k < l->nwords; k++) {
            const pdf_word *w = &l->words[k];
            if (k == p && w->x1 > x + 0.5) break; /* the run's first word overfull: no sign (pdfTeX) */
            if (w->x0 < x - COL_SLACK && w->x1 > x + 0.5) across = true;
            else if (w->x0 >= x - COL_SLACK)
                across = k > p && w->x0 - l->words[k - 1].x1 < 0.4 * l->size && fabs(w->x0 - x) > 1.0;
            if (across || w->x0 >= x - COL_SLACK) break;
        }
    }
    if (!across) return false;
    /* every run before it starts a column left of it */
    for (size_t k = 0, q = 0; k < p; k++) {
        if (k > 0 && l->words[k].x0 - l->words[k - 1].x1 < pdf_gutter(r)) continue;
        q = column_at(g, edge, l->words[k].x0);
        if (q >= c) return false;
    }
    if (c0) *c0 = c;
    if (x0) *x0 = l->words[p].x0;
    return true;
}

bool pdf_span_goes_on(const pdf_reader *r, const pdf_line *p, const pdf_line *l, double x0, double right)
{
    if (!l->nwords || !p->nwords || l->y0 - p->y1 > 0.5 * l->size) return false;
    size_t k = last_run(l, pdf_gutter(r));
    if (fabs(l->words[k].x0 - x0) > 2.5) return false;
    /* the first word would not have fitted after the line above: that line wrapped */
    const pdf_word *w = &l->words[k];
    return p->x1 + 0.3 * l->size + (w->x1 - w->x0) > right;
}

size_t pdf_span_lines(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L, size_t i, size_t last,
                      double edge, double right, size_t *c0)
{
    double x0;
    if (!pdf_span_line(r, g, L[i], edge, c0, &x0)) return 0;
    size_t j = i + 1;
    while (j < last && pdf_span_goes_on(r, L[j - 1], L[j], x0, right)) j++;
    return j - i;
}

size_t pdf_group_row(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts, size_t ns,
                     size_t s)
{
    if (g->ncols < 2 || s >= ns) return g->ncols;
    double edge = 1e9, right = -1e9;
    for (size_t i = g->first; i < g->last; i++) edge = fmin(edge, L[i]->x0), right = fmax(right, L[i]->x1);
    /* the text: a spanning line and the lines its cell goes on in (PDF-TABLE-SPAN-CELL) */
    size_t c0;
    if (pdf_span_lines(r, g, L, starts[s], starts[s + 1], edge, right, &c0) == starts[s + 1] - starts[s]) return c0;
    /* the rules: a row of the first column alone where the rules between the columns stop (PDF-TABLE-GROUP-ROW) */
    return group_row_ruled(r, g, L, starts, ns, s) ? 0 : g->ncols;
}
