/* orphanhead.c: a table's header row at a page break: left alone at the
 * foot of a page (PDF-TABLE-ORPHAN-HEADER), or repeated at the top of the
 * next (PDF-TABLE-HEADER-NOT-FURNITURE, further down), and a dash in a row
 * under such a header, cell text and no list marker
 * (PDF-MARKER-IN-TABLE-COLUMNS, at the end of this file).
 *
 * A producer that does not keep a table's header with its first row (a
 * browser whose table starts near the foot of a page, "Delmål  Aktivitet
 * Indikator  Ansvar" under "Fokusområde A") sets the header as the page's last
 * line and the rows on the next page. One line is too little for the column
 * search of regions.c, so the header reads as a paragraph and the table on the
 * next page has no header. What makes the line a header: it is the last body
 * line of its page, outside every region, made of runs of short labels set
 * apart by gutters (three or more runs of at most three words each, or two
 * or more all bold; no list marker first, no label ending in a colon), and
 * the next page's first body line starts a word at the first run's x and,
 * after a gutter, at two or more runs' x (within 3 pt): the columns the
 * header names go on there. The line becomes a region of one row marked as a
 * header; the next page's table continues it (PDF-TABLE-PAGE-BREAK). The same
 * holds for the foot of the left column of a two-column section and the top
 * of the right one, x measured from each line's start (a browser breaks a
 * table over text columns as over pages: PDF-TABLE-ORPHAN-HEADER-COLUMN). */
#include <math.h>
#include <string.h>

#include "pdf.h"

#define MAX_RUNS 16

/* Starts (x) of the runs of words of l set apart by gutters; their count. */
static size_t runs_of(const pdf_line *l, double gutter, double *xs, size_t *words)
{
    size_t n = 0;
    for (size_t k = 0; k < l->nwords; k++) {
        if (k == 0 || l->words[k].x0 - l->words[k - 1].x1 >= gutter) {
            if (n == MAX_RUNS) return 0;
            xs[n] = l->words[k].x0;
            words[n++] = 0;
        }
        words[n - 1]++;
    }
    return n;
}

/* The last line of page p with body text. */
static const pdf_line *last_body(const pdf_page *p)
{
    for (size_t i = p->nlines; i-- > 0;)
        if (p->lines[i].role == PDF_BODY && p->lines[i].nwords) return &p->lines[i];
    return NULL;
}

/* The first line of page p with body text. */
static const pdf_line *first_body(const pdf_page *p)
{
    for (size_t i = 0; i < p->nlines; i++)
        if (p->lines[i].role == PDF_BODY && p->lines[i].nwords) return &p->lines[i];
    return NULL;
}

pdf_region *pdf_orphan_header(pdf_reader *r, const pdf_line *const *L, size_t n, pdf_region *g, size_t *ng)
{
    const pdf_page *p = r->page;
    if (!n || !p || p->number < 1) return g;
    /* the foot of the left column of a two-column section goes on at the top of the right one
     * (PDF-TABLE-ORPHAN-HEADER-COLUMN; L is that column's lines), the foot of a page on the next page */
    const pdf_line *l = L[n - 1], *next = r->next_column;
    if (next && l != r->column_last) return g;
    if (!next && ((size_t)p->number >= r->npages || l != last_body(p))) return g;
    /* in a text column, a region of this line alone, found by its gutters, is the one to mark (a text column
     * keeps no table of one line); a region of more lines holds it, and on a page any region does */
    size_t own = *ng;
    for (size_t q = 0; q < *ng; q++)
        if (g[q].last == n) {
            if (!next || g[q].first + 1 != n || g[q].ruled || g[q].contents || g[q].text_columns) return g;
            own = q;
        }
    double gutter = pdf_gutter(r), xs[MAX_RUNS];
    size_t words[MAX_RUNS], k = runs_of(l, gutter, xs, words);
    if (k < 2) return g;
    bool labels = true, bullet;
    for (size_t q = 0; q < k; q++) labels = labels && words[q] <= 3;
    if (!labels && !l->bold) return g;
    /* a list item, or a label with its value ("Tidplan:  rekrytering ..."), names no columns */
    const char *w0 = l->words[words[0] - 1].text;
    size_t len = strlen(w0);
    if (pdf_marker(r->set, l->words, l->nwords, &bullet) || (len && w0[len - 1] == ':')) return g;
    if (k < 3 && !l->bold) return g;
    if (!next) next = first_body(&r->pages[p->number]);
    if (!next) return g;
    /* the next column's lines start that far right of this one's */
    double shift = r->next_column ? next->words[0].x0 - xs[0] : 0;
    if (fabs(next->words[0].x0 - shift - xs[0]) > 3) return g;
    double nx[MAX_RUNS];
    size_t nw[MAX_RUNS], m = runs_of(next, gutter, nx, nw), hits = 0;
    for (size_t j = 1; j < m; j++) {
        bool hit = false;
        for (size_t q = 1; q < k && !hit; q++) hit = fabs(nx[j] - shift - xs[q]) <= 3;
        if (!hit) return g; /* a run of the next line that no header label names */
        hits++;
    }
    if (hits < 2 && !(k == 2 && hits == 1)) return g;
    pdf_region *more = g;
    if (own == *ng) {
        more = samla_arena_alloc(r->ctx->arena, (*ng + 1) * sizeof *more);
        if (!more) return g;
        memcpy(more, g, *ng * sizeof *more);
        (*ng)++;
    }
    pdf_region *h = &more[own];
    *h = (pdf_region){.first = n - 1, .last = n, .ncols = k, .header_only = true, .shift = shift};
    for (size_t q = 1; q < k; q++) h->bounds[q - 1] = xs[q] - 0.3;
    return more;
}

/* ---- PDF-TABLE-HEADER-NOT-FURNITURE ----------------------------------------
 * A table running over several pages with its header row repeated at the top
 * of each (pdfTeX longtable, groff tbl with a header) repeats that line at the
 * same place on every page, as a running header does, and furniture.c takes
 * it for one: the table then loses its header row on those pages. A running
 * header is not set in columns over the body: so the page's lowest header
 * line is body text when it is made of two or more runs of words set apart
 * by gutters and the first body line under it, within 2 em, starts at its
 * first run's x and starts every later run of its own at one of the header
 * line's runs (two at least). A header of two lines whose second holds one
 * run under one of the first's ("Indikatorer för" / "uppföljning") goes
 * with it. The same header repeated on another page is kept there too
 * (PDF-TABLE-HEADER-NOT-FURNITURE-SAME, in the function). */

/* Every run of line b after the first starts at a run of xs (within 3 pt),
 * its first at xs[0]; how many runs b has beyond the first, or -1. */
static long aligned_runs(const pdf_line *b, const double *xs, size_t k, double gutter)
{
    double bx[MAX_RUNS];
    size_t bw[MAX_RUNS], m = runs_of(b, gutter, bx, bw);
    if (!m || fabs(bx[0] - xs[0]) > 3) return -1;
    for (size_t j = 1; j < m; j++) {
        bool hit = false;
        for (size_t q = 1; q < k && !hit; q++) hit = fabs(bx[j] - xs[q]) <= 3;
        if (!hit) return -1;
    }
    return (long)m - 1;
}

/* Lines a and b hold the same words at the same places (within 1 pt). */
static bool same_line(const pdf_line *a, const pdf_line *b)
{
    if (a->nwords != b->nwords || fabs(a->x0 - b->x0) > 1 || fabs(a->y0 - b->y0) > 1) return false;
    for (size_t k = 0; k < a->nwords; k++)
        if (strcmp(a->words[k].text, b->words[k].text) || fabs(a->words[k].x0 - b->words[k].x0) > 1) return false;
    return true;
}

/* The lowest running-header line of page p above its first body line (*h, *b); false when there is none. */
static bool header_over_body(const pdf_page *p, size_t *h, size_t *b)
{
    *h = *b = p->nlines;
    for (size_t i = 0; i < p->nlines; i++) {
        if (!p->lines[i].nwords) continue;
        if (p->lines[i].role == PDF_HEADER) *h = i;
        else if (p->lines[i].role == PDF_BODY) {
            *b = i;
            break;
        }
    }
    return *h < p->nlines && *b < p->nlines && *b > *h;
}

void pdf_keep_table_headers(pdf_reader *r)
{
    double gutter = pdf_gutter(r);
    /* the header lines kept, by page: the line kept lowest (NULL: none) and how many above it go with it */
    const pdf_line **kept = samla_arena_alloc(r->ctx->arena, (r->npages + 1) * sizeof *kept);
    size_t *above = samla_arena_alloc(r->ctx->arena, (r->npages + 1) * sizeof *above), nkept = 0;
    if (!kept || !above) return;
    for (size_t pi = 0; pi < r->npages; pi++) {
        pdf_page *p = &r->pages[pi];
        size_t h, b;
        if (!header_over_body(p, &h, &b)) continue;
        pdf_line *hl = &p->lines[h], *bl = &p->lines[b];
        if (bl->y0 - hl->y1 > 2 * r->body_size) continue;
        double xs[MAX_RUNS];
        size_t words[MAX_RUNS], k = runs_of(hl, gutter, xs, words), top = h;
        if (k == 1 && h > 0 && p->lines[h - 1].role == PDF_HEADER && hl->y0 - p->lines[h - 1].y1 < 0.5 * r->body_size) {
            /* a header of two lines: the second one run under a later run of the first */
            double x1 = xs[0];
            k = runs_of(&p->lines[h - 1], gutter, xs, words);
            bool under = false;
            for (size_t q = 1; q < k && !under; q++) under = fabs(xs[q] - x1) <= 3;
            if (!under) continue;
            top = h - 1;
        }
        if (k < 2 || aligned_runs(bl, xs, k, gutter) < 2) continue;
        for (size_t i = top; i <= h; i++) p->lines[i].role = PDF_BODY;
        kept[nkept] = hl;
        above[nkept++] = h - top;
    }
    /* PDF-TABLE-HEADER-NOT-FURNITURE-SAME: the header kept on one page is kept on every page that repeats it,
     * line for line at the same place, over a body line starting at its first line's left edge: the first row
     * under it may align with no two of its runs (a first cell of one narrow column set a word a line, *Delmål* /
     * *3.2* / …; justified cells whose word spaces stretch to gutters, *Utveckling        av*), yet the header
     * is the table's */
    for (size_t pi = 0; pi < r->npages && nkept; pi++) {
        pdf_page *p = &r->pages[pi];
        size_t h, b;
        if (!header_over_body(p, &h, &b)) continue;
        pdf_line *hl = &p->lines[h], *bl = &p->lines[b];
        if (bl->y0 - hl->y1 > 2 * r->body_size) continue;
        for (size_t q = 0; q < nkept; q++) {
            size_t up = above[q];
            if (up > h || !same_line(kept[q], hl)) continue;
            bool same = true;
            for (size_t j = 1; j <= up && same; j++)
                same = p->lines[h - j].role == PDF_HEADER && same_line(kept[q] - j, &p->lines[h - j]);
            if (!same || fabs(bl->x0 - p->lines[h - up].x0) > 3) continue;
            for (size_t j = 0; j <= up; j++) p->lines[h - j].role = PDF_BODY;
            break;
        }
    }
}

/* ---- PDF-MARKER-IN-TABLE-COLUMNS -------------------------------------------
 * A table's header row repeated at the top of a page over rows that make no
 * region (pandoc's longtable setting a cell one word a line in its narrow
 * first column: *Delmål* / *3.2* / *Huvudmännen* / …) leaves those rows to be
 * read as plain lines, and a cell holding only a dash (*–* | *Inga
 * aktiviteter planeras …*) as a list marker. A line starting with a marker
 * glyph is a row of that table, its marker cell text and no list item, when
 * the page's first body line is made of three or more runs of words set apart
 * by gutters, the marker stands at the first run's x and the text after it,
 * past a gutter, at a later run's x (within 3 pt each), and every body line
 * between the two ends left of the header's last run (inside the table's
 * columns, no prose across them). */
bool pdf_marker_in_table_columns(const pdf_reader *r, const pdf_line *l, size_t w0)
{
    const pdf_page *p = r->page;
    if (!p || w0 + 1 >= l->nwords) return false;
    double gutter = pdf_gutter(r);
    if (l->words[w0 + 1].x0 - l->words[w0].x1 < gutter) return false;
    size_t h = 0;
    while (h < p->nlines && (p->lines[h].role != PDF_BODY || !p->lines[h].nwords)) h++;
    if (h == p->nlines || &p->lines[h] == l) return false;
    const pdf_line *hl = &p->lines[h];
    double xs[MAX_RUNS];
    size_t words[MAX_RUNS], k = runs_of(hl, gutter, xs, words);
    if (k < 3 || fabs(l->words[w0].x0 - xs[0]) > 3) return false;
    bool at = false;
    for (size_t q = 1; q < k && !at; q++) at = fabs(l->words[w0 + 1].x0 - xs[q]) <= 3;
    if (!at) return false;
    size_t i = h + 1;
    for (; i < p->nlines && &p->lines[i] != l; i++)
        if (p->lines[i].role == PDF_BODY && p->lines[i].nwords && p->lines[i].x1 >= xs[k - 1]) return false;
    return i < p->nlines;
}
