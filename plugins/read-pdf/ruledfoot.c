/* ruledfoot.c: lines under a ruled table's bottom rule are no rows of it (PDF-TABLE-RULED-FOOT).
 *
 * Word and LibreOffice draw a table's grid. A paragraph right under the table (*Utses att justera:* and, on a tab
 * stop, *Lars Rostami (Kd)*) may set its words where the table's columns start and stand closer than the column
 * finder's largest gap, so the table's region (regions.c) runs on over it: the paragraph becomes a last row, and
 * its label widens the first column (the date cell above, *måndagen den 9 september* / *2024*, then reads as two
 * paragraphs). What parts them is drawn: a rule across the table between its last row and those lines, no rule
 * across under them (every row of a grid is boxed), and a vertical rule between the first two columns over the
 * row above (the table is ruled as a grid). The region then ends above those lines, which are read as text. Only
 * a region whose last lines stand apart from the lines above (a band of 0.3 em or more) and widen its first
 * column (their first-column text reaches the column's edge, past every first cell above) is rendered
 * (rulings.c): asked of every table, the render cost a quarter of all reading time. */
#include <math.h>

#include "pdf.h"

void pdf_ruled_foot(pdf_reader *r, pdf_region *g, const pdf_line *const *L, size_t n)
{
    if (g->text_columns || g->contents || g->ruled || g->ncols < 2 || g->last - g->first < 3) return;
    double band = 0.3 * r->body_size;
    /* the region's last lines: those under its last band */
    size_t i = g->last - 1;
    while (i > g->first + 1 && L[i]->y0 - L[i - 1]->y1 < band) i--;
    double above = -1e9, x0 = 1e9, x1 = -1e9, below = -1e9, right = -1e9;
    for (size_t k = g->first; k < i; k++) {
        above = fmax(above, L[k]->y1), x0 = fmin(x0, L[k]->x0), x1 = fmax(x1, L[k]->x1);
        pdf_frag f = pdf_column_frag(g, L[k], 0);
        if (f.w1 > f.w0) right = fmax(right, L[k]->words[f.w1 - 1].x1);
    }
    if (i <= g->first || L[i]->y0 - above < band || right + 0.5 >= g->bounds[0] - 0.5) return;
    /* the lines under the band widen the first column: their first-column text reaches its edge, further than any
     * first cell above (what the page shows is only asked then: a render is dear) */
    double lastright = -1e9;
    for (size_t k = i; k < g->last; k++) {
        below = fmax(below, L[k]->y1);
        pdf_frag f = pdf_column_frag(g, L[k], 0);
        if (f.w1 > f.w0) lastright = fmax(lastright, L[k]->words[f.w1 - 1].x1);
    }
    if (lastright <= right + 0.5 || lastright < g->bounds[0] - 1.0) return;
    double limit = below + r->body_size;
    if (g->last < n) limit = fmin(limit, L[g->last]->y0);
    pdf_ink *ink = pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), x0 - r->body_size, L[i - 1]->y0,
                                x1 + r->body_size, limit);
    if (!ink) return;
    if (!pdf_ink_vrule(ink, right + 0.5, g->bounds[0] - 0.5, L[i - 1]->y0, L[i - 1]->y1, 0.8)) return;
    if (!pdf_ink_hrule(ink, x0, x1, above, L[i]->y0, 0.9) || pdf_ink_hrule(ink, x0, x1, below, limit, 0.5)) return;
    g->last = i;
}
