/* tables.h: what the table files of read-pdf share: regions.c (where the
 * columns are), tables.c (where the rows start) and tablecells.c (the cells
 * of the rows, tables that run on). Not for the rest of the plugin: pdf.h
 * declares what layout.c and the others call. */
#ifndef SAMLA_READ_PDF_TABLES_H
#define SAMLA_READ_PDF_TABLES_H

#include "pdf.h"

#define MAX_BOUNDS 15
/* A word starting this little left of a column's start is in that column:
 * pdfTeX sets a parenthesis or a digit a fraction of a point left of the
 * edge its letters start at ("(v)" under "Jonas Åberg (m) och Nora Lindahl"). */
#define COL_SLACK 1.0

/* regions.c: a word of line l crosses x (starts left of it, ends right of it). */
bool pdf_line_crosses(const pdf_line *l, double x);
/* regions.c: line l is one run of text from the region's left edge across the
 * column start x (see the file). */
bool pdf_spanning_line(const pdf_line *l, double edge, double x, const double *xs, size_t n0, double gutter);

/* grouprows.c, PDF-TABLE-SPAN-CELL: line l of region g (whose left edge is `edge`) holds a cell spanning
 * columns: its last run of words (no gutter inside) starts at the edge or at a column's start, every run before
 * it starts a column further left, and it runs on past the next column's start. *c0: the column it starts in;
 * *x0: where it starts (either may be NULL). */
bool pdf_span_line(const pdf_reader *r, const pdf_region *g, const pdf_line *l, double edge, size_t *c0,
                   double *x0);
/* grouprows.c: line l, right under line p, goes on with the spanning cell that starts at x0 in a table whose
 * right edge is `right`: its last run starts at x0 and its first word would not have fitted after p. */
bool pdf_span_goes_on(const pdf_reader *r, const pdf_line *p, const pdf_line *l, double x0, double right);
/* grouprows.c: the lines of the spanning cell whose first line is line i (0: line i is no spanning line), up to
 * line `last`; *c0 its column. */
size_t pdf_span_lines(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L, size_t i, size_t last,
                      double edge, double right, size_t *c0);

/* tables.c: the first line of a page's first row continues the row the page
 * break split. */
bool pdf_split_row_rest(const pdf_region *g, const pdf_line *l);

/* tablecells.c: the top of fragment f's words. */
double pdf_frag_top(const pdf_frag *f);
/* tablecells.c: each column's right edge in region g (out[0..ncols)); see the file. */
void pdf_column_rights(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L, bool spanning,
                       double *out);
/* tablecells.c: open table t may go on with a table of the page being read whose first row is `row` points tall. */
bool pdf_table_runs_over(const pdf_reader *r, const pdf_table *t, double row);
/* tablecells.c: region g's lines repeat the header row of the table left open at the foot of the page before,
 * in its columns (PDF-TABLE-REPEATED-HEADER-ROWS). */
bool pdf_repeats_open_header(pdf_reader *r, const pdf_region *g, const pdf_line *const *L);
/* tablecells.c: adds the rows of region g (row s: lines [starts[s], starts[s + 1])) to the open table or a new
 * one; span0 (from g->first; NULL: none) marks rows whose first column is the spanning cell's above, carry
 * (the same; bit c) rows whose column c is (PDF-TABLE-CENTRED-CELL). */
samla_status pdf_emit_rows(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                           size_t ns, const bool *span0, const unsigned short *carry);

#endif
