/* tablecells.c: a table's cells from its rows, and tables that run on.
 *
 * The lines of a row are cut into cells at the region's column boundaries
 * (pdf_column_frag) and each cell's lines become its paragraphs, wrapped at
 * the column's right edge. A table whose next page starts with a table of the
 * same columns continues (a repeated header row is dropped; the rest of a row
 * the page break split joins that row: PDF-TABLE-PAGE-BREAK, and
 * PDF-TABLE-PAGE-BREAK-NUMBERED where the first cell of each row starts with
 * its number and the new page's first row's does not). Where the rows start
 * is tables.c's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"
#include "tables.h"

pdf_frag pdf_column_frag(const pdf_region *g, const pdf_line *l, size_t c)
{
    double lo = c == 0 ? -1e9 : g->bounds[c - 1];
    double hi = c + 1 >= g->ncols ? 1e9 : g->bounds[c];
    size_t w0 = 0;
    while (w0 < l->nwords && l->words[w0].x0 < lo - COL_SLACK) w0++;
    size_t w1 = w0;
    while (w1 < l->nwords && l->words[w1].x0 < hi - COL_SLACK) w1++;
    return (pdf_frag){l, w0, w1};
}

/* Adds a row to t (grows the cell arrays). */
static samla_status add_row(pdf_reader *r, pdf_table *t, samla_block ***cells, const size_t *counts,
                            unsigned char span)
{
    if (t->nrows == t->rows_cap) {
        size_t cap = t->rows_cap ? t->rows_cap * 2 : 8;
        samla_block ***nc = samla_arena_grow(r->ctx->arena, t->cells, t->rows_cap * t->ncols, cap * t->ncols, sizeof *nc);
        size_t *nn = samla_arena_grow(r->ctx->arena, t->ncell, t->rows_cap * t->ncols, cap * t->ncols, sizeof *nn);
        unsigned char *ns = samla_arena_grow(r->ctx->arena, t->span, t->rows_cap, cap, sizeof *ns);
        if (!nc || !nn || !ns) return SAMLA_ERR_NOMEM;
        t->cells = nc;
        t->ncell = nn;
        t->span = ns;
        t->rows_cap = cap;
    }
    for (size_t c = 0; c < t->ncols; c++) {
        t->cells[t->nrows * t->ncols + c] = cells[c];
        t->ncell[t->nrows * t->ncols + c] = counts[c];
    }
    t->span[t->nrows] = span;
    t->nrows++;
    return SAMLA_OK;
}

/* The lines of cell i of t (its blocks' texts split at line breaks), at most max; their count. */
static size_t cell_lines(samla_arena *a, const pdf_table *t, size_t i, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; k < t->ncell[i]; k++) {
        char *c = samla_arena_strdup(a, t->cells[i][k]->text ? t->cells[i][k]->text : "");
        for (char *q = c; q && *q && n < max;) {
            char *e = strchr(q, '\n');
            if (e) *e++ = 0;
            if (*q) out[n++] = q;
            q = e;
        }
    }
    return n;
}

/* PDF-TABLE-HYPHEN-COLUMN: a narrow column hyphenates a word at a line's end (groff: *Region Vid-* / *mark*), and
 * the fragments, set at the same x row after row, look like a column of their own: a column right of the first
 * with an empty header whose every cell is empty or one word ending in a hyphen, beside a cell of two lines or
 * more (two such cells at least), is the left column's: the fragment goes back between that cell's first and
 * second line (*Region Vidmark*) and the column goes. */
static void hyphen_columns(pdf_reader *r, pdf_table *t)
{
    samla_arena *a = r->ctx->arena;
    for (size_t c = 1; c < t->ncols; c++) {
        size_t frags = 0;
        bool ok = true;
        for (size_t row = 0; row < t->nrows && ok; row++) {
            size_t i = row * t->ncols + c;
            const char *ln[4];
            size_t n = cell_lines(a, t, i, ln, 4);
            if (!n) continue;
            if (row == 0 && t->header_row) { ok = false; break; }
            size_t len = strlen(ln[0]);
            const char *left[2];
            if (n != 1 || len < 2 || ln[0][len - 1] != '-' || strchr(ln[0], ' ') || t->span[row] ||
                cell_lines(a, t, i - 1, left, 2) < 2)
                ok = false;
            else frags++;
        }
        if (!ok || frags < 2) continue;
        for (size_t row = 0; row < t->nrows; row++) {
            size_t i = row * t->ncols + c;
            const char *fr[2];
            if (!cell_lines(a, t, i, fr, 2)) continue;
            const char *ln[64];
            size_t n = cell_lines(a, t, i - 1, ln, 64);
            char *m = samla_arena_printf(a, "%s %.*s%s", ln[0], (int)(strlen(fr[0]) - 1), fr[0], ln[1]);
            for (size_t k = 2; k < n && m; k++) m = samla_arena_printf(a, "%s\n%s", m, ln[k]);
            if (!m) return;
            t->cells[i - 1][0]->text = m;
            t->ncell[i - 1] = 1;
        }
        /* the column goes: every row's cells from c on move one to the left */
        for (size_t row = 0; row < t->nrows; row++)
            for (size_t k = c; k + 1 < t->ncols; k++) {
                t->cells[row * t->ncols + k] = t->cells[row * t->ncols + k + 1];
                t->ncell[row * t->ncols + k] = t->ncell[row * t->ncols + k + 1];
            }
        /* rows are stored at a stride of ncols: repack to ncols - 1 */
        size_t nc = t->ncols - 1;
        for (size_t row = 0; row < t->nrows; row++)
            for (size_t k = 0; k < nc; k++) {
                t->cells[row * nc + k] = t->cells[row * t->ncols + k];
                t->ncell[row * nc + k] = t->ncell[row * t->ncols + k];
            }
        for (size_t k = c - 1; k + 1 < t->ncols - 1; k++) t->bounds[k] = t->bounds[k + 1];
        t->ncols = nc;
        c--;
    }
}

samla_status pdf_close_table(pdf_reader *r)
{
    pdf_table *t = r->open_table;
    if (!t) return SAMLA_OK;
    r->open_table = NULL;
    hyphen_columns(r, t);
    samla_doc *doc = &r->ctx->doc;
    samla_status st = samla_table_init(doc, t->block, t->nrows, t->ncols);
    for (size_t i = 0; st == SAMLA_OK && i < t->nrows * t->ncols; i++) {
        samla_cell *cell = &t->block->cells[i];
        cell->header = t->header_row && i < t->ncols;
        size_t sc = t->span[i / t->ncols];
        if (sc) {
            /* a spanning cell: it spans from its column to the table's right, the positions right of it are
             * covered (and empty) */
            if (i % t->ncols == sc - 1) cell->colspan = (int)(t->ncols - (sc - 1));
            else if (i % t->ncols >= sc) cell->covered = true;
        }
        for (size_t k = 0; st == SAMLA_OK && k < t->ncell[i]; k++) st = samla_cell_append(doc, cell, t->cells[i][k]);
    }
    if (st == SAMLA_OK) samla_table_finish(doc, t->block);
    return st;
}

/* Soft text of a row, to recognise a repeated header row. */
static const char *row_key(pdf_reader *r, const pdf_line *const *L, size_t a, size_t b)
{
    char *s = "";
    for (size_t i = a; i < b; i++) {
        pdf_frag f = {L[i], 0, L[i]->nwords};
        s = samla_arena_printf(r->ctx->arena, "%s %s", s, pdf_frag_text(r->ctx->arena, &f));
        if (!s) return NULL;
    }
    return samla_text_soft(r->ctx->arena, s);
}

static bool same_columns(const pdf_table *t, const pdf_region *g)
{
    if (t->ncols != g->ncols) return false;
    for (size_t c = 0; c + 1 < g->ncols; c++)
        if (fabs(t->bounds[c] - g->bounds[c]) > 6) return false;
    return true;
}

bool pdf_repeats_open_header(pdf_reader *r, const pdf_region *g, const pdf_line *const *L)
{
    const pdf_table *t = r->open_table;
    if (!t || r->emitted_since_table || !t->header_row || !t->header_key || !r->page || t->page + 1 != r->page->number ||
        !same_columns(t, g))
        return false;
    const char *key = row_key(r, L, g->first, g->last);
    return key && strcmp(key, t->header_key) == 0;
}

double pdf_frag_top(const pdf_frag *f)
{
    double y = 1e9;
    for (size_t i = f->w0; i < f->w1; i++) y = fmin(y, f->line->words[i].y0);
    return y;
}

static int cmp_pitch(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* The usual line pitch inside the region's cells: the distance between the
 * tops of consecutive lines of one column, taken as the smallest value that
 * at least a fifth of the pitches (and two) come within 0.5 pt of (a wrapped
 * line's pitch; paragraph spacing and row gaps are larger). 0 when unknown. */
static double region_pitch(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                           size_t ns)
{
    size_t n = g->last - g->first, m = 0;
    double *d = samla_arena_alloc(r->ctx->arena, (n * g->ncols + 1) * sizeof *d);
    if (!d) return 0;
    for (size_t c = 0; c < g->ncols; c++) {
        double prev = -1;
        size_t row = 0;
        for (size_t i = g->first; i < g->last; i++) {
            /* only lines of one row: a row-to-row pitch is no wrap */
            if (starts && row < ns && i == starts[row]) prev = -1, row++;
            pdf_frag f = pdf_column_frag(g, L[i], c);
            if (f.w1 <= f.w0) continue;
            double y = pdf_frag_top(&f);
            if (prev >= 0 && y - prev > 0.8 * r->body_size && y - prev < 2 * r->body_size) d[m++] = y - prev;
            prev = y;
        }
    }
    if (m < 2) return 0;
    qsort(d, m, sizeof *d, cmp_pitch);
    size_t need = m / 5 > 2 ? m / 5 : 2;
    for (size_t i = 0; i < m; i++) {
        size_t k = i;
        while (k < m && d[k] <= d[i] + 0.5) k++;
        if (k - i >= need) return d[i];
    }
    return 0;
}

/* Where each column's lines wrap: the rightmost word end of the column over
 * the region (cells of one column wrap at the same width). A row spanning the
 * table may run on into the gutter or past the next column's start
 * (PDF-TABLE-SPANNING-LINE): a column before the last wraps where its lines
 * beside other cells end, when it has such lines, and a line that is one run
 * of text from the table's left edge across the next column's start is not
 * the column's (spanning: the cells' wrap edge; rows are told apart on the
 * plain rightmost ends, spanning rows' included). */
void pdf_column_rights(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L, bool spanning,
                       double *out)
{
    double edge = 1e9, gutter = pdf_gutter(r);
    for (size_t i = g->first; i < g->last; i++) edge = fmin(edge, L[i]->x0);
    for (size_t c = 0; c < g->ncols; c++) {
        double all = 0, beside = 0;
        bool last = c + 1 >= g->ncols;
        for (size_t i = g->first; i < g->last; i++) {
            pdf_frag f = pdf_column_frag(g, L[i], c);
            if (f.w1 <= f.w0) continue;
            double x1 = L[i]->words[f.w1 - 1].x1;
            /* PDF-TABLE-SPANNING-LINE-TOUCH: a spanning row's word may end at the next column's start without
             * crossing it, the next word a word space on in that column (WeasyPrint's *… samordnad individuell*
             * ending 0.1 pt past where the second column starts, *plan vid behov* after it; groff's 2 pt short of
             * it): a cell's text stays a gutter clear of the next column's, so the line runs across as one */
            bool touch = f.w1 < L[i]->nwords && L[i]->words[f.w1].x0 - x1 < gutter;
            if (spanning && !last && (pdf_line_crosses(L[i], g->bounds[c]) || touch) &&
                pdf_spanning_line(L[i], edge, g->bounds[c], NULL, 0, gutter))
                continue;
            all = fmax(all, x1);
            if (f.w0 > 0 || f.w1 < L[i]->nwords) beside = fmax(beside, x1);
        }
        out[c] = spanning && !last && beside > 0 ? beside : all;
    }
}

/* Notes how t's cell in column c ends (fragments f[0..k) of its row, the column wrapping at wrap): a last line of
 * one word, which the next page may finish (PDF-CELL-BROKEN-PAGE). */
static void note_tail(pdf_table *t, size_t c, const pdf_frag *f, size_t k, double wrap)
{
    if (c >= 16) return;
    const pdf_frag *l = k ? &f[k - 1] : NULL;
    t->tail[c] = l && l->w1 - l->w0 == 1 ? &l->line->words[l->w0] : NULL;
    t->tail_wrap[c] = wrap;
}

/* Lines [a, b) continue the last row of t (a row split by a page break), and so do the first column's lines
 * on to b0 (rows under its first cell, PDF-TABLE-ROWSPAN-WRAP). */
static samla_status append_to_last_row(pdf_reader *r, pdf_table *t, const pdf_region *g,
                                       const pdf_line *const *L, size_t a, size_t b, size_t b0)
{
    pdf_frag *f = samla_arena_alloc(r->ctx->arena, (b0 - a) * sizeof *f);
    if (!f) return SAMLA_ERR_NOMEM;
    double colright[MAX_BOUNDS + 1];
    pdf_column_rights(r, g, L, true, colright);
    double pitch = region_pitch(r, g, L, NULL, 0);
    /* a table has at most MAX_BOUNDS column boundaries: the bound says so to the compiler too (colright) */
    for (size_t c = 0; c < t->ncols && c <= MAX_BOUNDS; c++) {
        size_t k = 0, nn = 0;
        for (size_t i = a; i < (c == 0 ? b0 : b); i++) {
            pdf_frag cf = pdf_column_frag(g, L[i], c);
            if (cf.w1 > cf.w0) f[k++] = cf;
        }
        samla_block **more = NULL;
        samla_status st = pdf_emit_frags(r, f, k, true, colright[c], pitch, &more, &nn);
        if (st != SAMLA_OK) return st;
        if (!nn) continue;
        size_t at = (t->nrows - 1) * t->ncols + c, old = t->ncell[at];
        /* PDF-CELL-BROKEN-PAGE: the cell's last line is a word the cell broke (PDF-CELL-BROKEN-WORD), its rest
         * the first word here ("Folkhälsosamordn" / "aren"): joined without a space */
        const pdf_word *w0 = &f[0].line->words[f[0].w0];
        bool broken = c < 16 && t->tail[c] &&
                      pdf_word_broken(r->set, t->tail[c], w0, f[0].w1 - f[0].w0 > 1, t->tail_wrap[c], w0->size);
        note_tail(t, c, f, k, colright[c]);
        /* the cell's paragraph runs on over the page break ("… i Första" /
         * "hjälpen till psykisk hälsa."): joined into its last block */
        if (old && more[0]->kind == SAMLA_BLOCK_PARAGRAPH && pdf_starts_lower(more[0]->text)) {
            samla_block *last = t->cells[at][old - 1];
            if (last->kind == SAMLA_BLOCK_PARAGRAPH || last->kind == SAMLA_BLOCK_LIST_ITEM) {
                char *j = broken ? samla_arena_printf(r->ctx->arena, "%s%s", last->text, more[0]->text)
                                 : pdf_join_texts(r, last->text, more[0]->text);
                samla_block *nb = j ? samla_block_new(&r->ctx->doc, last->kind, j) : NULL;
                if (!nb) return SAMLA_ERR_NOMEM;
                last->text = nb->text;
                more++;
                if (!--nn) continue;
            }
        }
        samla_block **list = samla_arena_alloc(r->ctx->arena, (old + nn + 1) * sizeof *list);
        if (!list) return SAMLA_ERR_NOMEM;
        for (size_t q = 0; q < old; q++) list[q] = t->cells[at][q];
        for (size_t q = 0; q < nn; q++) list[old + q] = more[q];
        t->cells[at] = list;
        t->ncell[at] = old + nn;
    }
    return SAMLA_OK;
}

/* Records where t's last row ends: its page and the space left below it
 * to the page's first footer line under it or to the bottom margin, as deep
 * as the top margin (the first body line's top: a running header stands in
 * the margin), whichever is higher, or to the deepest body line of the
 * document's other pages when that lies between (PDF-TABLE-PAGE-ROOM). */
/* Each page's lowest body line's bottom (-1: none), taken once a document (arena r->scratch; NULL when out of
 * memory): every table asks for the other pages'. */
static const double *body_bottoms(pdf_reader *r)
{
    if (r->body_bottoms || !r->npages) return r->body_bottoms;
    double *b = samla_arena_alloc(r->scratch, r->npages * sizeof *b);
    if (!b) return NULL;
    for (size_t k = 0; k < r->npages; k++) {
        const pdf_page *q = &r->pages[k];
        b[k] = -1;
        for (size_t i = 0; i < q->nlines; i++)
            if (q->lines[i].role == PDF_BODY && q->lines[i].nwords) b[k] = fmax(b[k], q->lines[i].y1);
    }
    return r->body_bottoms = b;
}

static void table_room(pdf_reader *r, pdf_table *t, const pdf_line *last)
{
    const pdf_page *p = r->page;
    t->page = p ? p->number : 0;
    t->room = 0;
    if (!p || !p->nlines) return;
    double top = p->lines[0].y0;
    for (size_t i = 0; i < p->nlines; i++)
        if (p->lines[i].role == PDF_BODY && p->lines[i].nwords) {
            top = p->lines[i].y0;
            break;
        }
    double limit = p->height - top;
    for (size_t i = 0; i < p->nlines; i++)
        if (p->lines[i].role == PDF_FOOTER && p->lines[i].y0 > last->y1) limit = fmin(limit, p->lines[i].y0);
    /* a bottom margin deeper than the top one: the body of the document's fullest other page of this size ends
     * above that limit, below the table (Chromium's margin boxes) */
    double deepest = -1;
    const double *bottoms = body_bottoms(r);
    for (size_t k = 0; bottoms && k < r->npages; k++) {
        const pdf_page *q = &r->pages[k];
        if (q->number != p->number && fabs(q->height - p->height) <= 1) deepest = fmax(deepest, bottoms[k]);
    }
    if (deepest > last->y1 && deepest < limit) limit = deepest;
    t->room = fmax(0, limit - last->y1);
}

/* The open table t may go on with a table of the page being read whose
 * first row (under a repeated header) is `row` points tall
 * (PDF-TABLE-PAGE-BREAK): on the same page, or on the next one when t's last
 * row left too little room at the bottom of its page for that row, 1.5 em to
 * spare (PDF-TABLE-PAGE-ROOM: the body ends as far above the page's foot as
 * it starts below its top). A table that ended higher, or with a page of its
 * own between, was broken off on purpose (a row's room or more left: a page
 * break before the table's second part): what follows is a new table, unless
 * it repeats the table's header row (pdf_emit_rows). */
/* PDF-TABLE-HEADER-ALONE: a table of one bold row, the last of its page's body, is a header a browser left
 * behind when it moved the rows to the next page (rows kept whole, the first too tall for the room left):
 * a header alone is no table, so it heads the next page's first table of its columns wherever it ended, as
 * that table's header row. True when t is such a row and the page being read the next. */
static bool header_alone(const pdf_reader *r, const pdf_table *t)
{
    return r->page && t->page && r->page->number == t->page + 1 && t->nrows == 1 && t->bold_first && t->ncols >= 2;
}

bool pdf_table_runs_over(const pdf_reader *r, const pdf_table *t, double row)
{
    if (!r->page || !t->page || r->page->number == t->page) return true;
    if (header_alone(r, t)) return true;
    return r->page->number == t->page + 1 && t->room < row + 1.5 * r->body_size;
}

/* PDF-TABLE-CENTRED-SPAN: column c (not the first) of the rows [b0, ns) of
 * region g holds text in one run of rows [*p, *q] only, its top line set
 * more than a line below the top of its first row, and the rows above it
 * down from *r0 are empty in that column: a cell spanning those rows, set
 * vertically centred beside them (groff tbl's `^` cells: *TL HSVO Uppsala*
 * beside four goals), whose text belongs to the span's first row *r0. False
 * when the column is not so (nothing moves). */
static bool centred_span(const pdf_region *g, const pdf_line *const *L, const size_t *starts, size_t ns, size_t b0,
                         size_t c, size_t *r0, size_t *p, size_t *q)
{
    if (g->ncols < 3 || c == 0 || ns < b0 + 2) return false;
    size_t first = ns, last = ns;
    for (size_t s = b0; s < ns; s++) {
        bool has = false;
        for (size_t i = starts[s]; i < starts[s + 1] && !has; i++) {
            pdf_frag f = pdf_column_frag(g, L[i], c);
            has = f.w1 > f.w0;
        }
        if (!has) continue;
        if (first == ns) first = s;
        else if (last != s - 1) return false;
        last = s;
    }
    if (first == ns) return false;
    size_t top = starts[first];
    while (top < starts[first + 1]) {
        pdf_frag f = pdf_column_frag(g, L[top], c);
        if (f.w1 > f.w0) break;
        top++;
    }
    if (top >= starts[first + 1] || L[top]->y0 - L[starts[first]]->y0 < 1.1 * L[top]->size) return false;
    *r0 = b0;
    *p = first;
    *q = last;
    return true;
}

/* Word s is a date the core reads (samla_text_find_date_at from its first character: 2025-01-21, 9.5.2023). */
static bool date_word(pdf_reader *r, const char *s)
{
    size_t at = 1;
    return samla_text_find_date_at(r->ctx->arena, s, &at, NULL) && at == 0;
}

/* The bottom of lines [a, b). */
static double rows_bottom(const pdf_line *const *L, size_t a, size_t b)
{
    double y = -1e9;
    for (size_t i = a; i < b; i++) y = fmax(y, L[i]->y1);
    return y;
}

/* PDF-TABLE-HEADER-UNRULED: a first row of plain short labels (a header by
 * its words alone, not bold) is no header when nothing parts it from the rows
 * below: no more space under it than under the second row (within 0.5 pt),
 * the table of three rows or more, and no rule drawn across the table between
 * it and the second row (a booktabs \midrule, a Word grid's line). The first
 * row of a front page's label/value table set without rules between its rows
 * (pdfTeX, Word's borderless layout table: *Datum* | *2025-01-21* over *Tid* |
 * *09.00–11.45*) is a row like the others. The band is rendered only when the
 * text leaves room for a rule in it (the lines' boxes apart); a table rendered
 * for its row rules already holds it. */
static bool header_unruled(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                           size_t ns)
{
    if (ns < 3) return false;
    double b0 = rows_bottom(L, starts[0], starts[1]), b1 = rows_bottom(L, starts[1], starts[2]);
    double gap0 = L[starts[1]]->y0 - b0, gap1 = L[starts[2]]->y0 - b1;
    if (gap0 > gap1 + 0.5 || gap0 >= 0.45 * L[starts[0]]->size) return false;
    if (gap0 <= -1) return true;
    double x0 = 1e9, x1 = -1e9;
    for (size_t i = g->first; i < g->last; i++) x0 = fmin(x0, L[i]->x0), x1 = fmax(x1, L[i]->x1);
    pdf_ink *ink = pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), x0, L[starts[0]]->y0, x1, L[starts[1]]->y1);
    return ink && !pdf_ink_hrule(ink, x0, x1, b0 - 0.5, L[starts[1]]->y0 + 0.5, 0.5);
}

/* Text s starts with a number word: digits, each run but the last followed by a dot (*5*, *5.*, *2.3*). */
static bool number_word(const char *s)
{
    if (!s || *s < '0' || *s > '9') return false;
    while ((*s >= '0' && *s <= '9') || (*s == '.' && s[1] != ' ')) s++;
    return !*s || *s == ' ' || *s == '\n';
}

/* PDF-TABLE-PAGE-BREAK-NUMBERED: the first cell of every data row of t
 * starts with the row's number (two rows or more), the last row's first cell
 * holds its number alone where another row's holds text after it, and line
 * l, the first of the new page's first row, starts its first column with no
 * number: the rest of the row the page break split. Word keeps a cell's
 * paragraph whole (widow and orphan control), so the title under the number
 * moves to the next page with the other cells' last paragraphs (*5* | *Ett
 * rikt kulturliv …* at the foot, *Kultur som kraft för besöksnäring …* |
 * *Delmål …* on the next page, LibreOffice). */
static bool numbered_rest(const pdf_table *t, const pdf_region *g, const pdf_line *l)
{
    size_t r0 = t->header_row ? 1 : 0;
    if (t->ncols < 2 || t->nrows < r0 + 2 || (t->span && t->span[t->nrows - 1])) return false;
    pdf_frag f0 = pdf_column_frag(g, l, 0);
    if (f0.w1 <= f0.w0 || number_word(l->words[f0.w0].text)) return false;
    bool more = false;
    for (size_t i = r0; i < t->nrows; i++) {
        size_t at = i * t->ncols, n = t->ncell[at];
        if (!n || !t->cells[at][0] || !number_word(t->cells[at][0]->text)) return false;
        bool alone = n == 1 && !strchr(t->cells[at][0]->text, ' ');
        if (i + 1 == t->nrows && !alone) return false;
        more = more || !alone;
    }
    return more;
}

/* PDF-TABLE-PAGE-BREAK-REST-BESIDE: line l, the first of the new page's
 * first row, starts its first column afresh (a cell's next paragraph), but
 * every other column it has text in (one or more, at least one column left
 * empty) runs on lower-case where the last row's cell of that column ends
 * with no sentence end: the rest of the row the page break split. LibreOffice
 * breaks a row inside its cells; a first cell of two paragraphs moves its
 * second to the next page beside the last words of the activity
 * (*Medarbetare har …* | *arbetsplatsen.* under the repeated header). */
static bool beside_rest(const pdf_table *t, const pdf_region *g, const pdf_line *l)
{
    if (t->ncols < 2 || g->ncols != t->ncols || !t->nrows || (t->span && t->span[t->nrows - 1])) return false;
    size_t runs = 0, empty = 0;
    for (size_t c = 1; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, l, c);
        if (f.w1 <= f.w0) {
            empty++;
            continue;
        }
        if (!pdf_starts_lower(l->words[f.w0].text)) return false;
        size_t at = (t->nrows - 1) * t->ncols + c, n = t->ncell[at];
        if (!n || !t->cells[at][n - 1]) return false;
        const char *s = t->cells[at][n - 1]->text;
        size_t len = s ? strlen(s) : 0;
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\n')) len--;
        if (!len || strchr(".!?:;", s[len - 1])) return false;
        runs++;
    }
    return runs && empty;
}

/* Adds the rows of region g (row s: lines [starts[s], starts[s + 1])) to
 * the open table, or to a new one. A row whose first line is marked in span0
 * (indexed from g->first; NULL: none) leaves its first column's lines to the
 * first cell of the row above; one whose first line has bit c set in carry
 * (the same) leaves column c's lines to the cell above. */
samla_status pdf_emit_rows(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                           size_t ns, const bool *span0, const unsigned short *carry)
{
    samla_arena *a = r->ctx->arena;
    pdf_table *t = r->open_table;
    size_t first_row = 0, hk = starts[0], took0 = 0; /* rows before took0: their first column taken */
    bool cont = t && !r->emitted_since_table && same_columns(t, g);
    /* a repeated header row is dropped; lines after it with an empty first
     * column are the rest of the row the page break split */
    for (size_t q = starts[0] + 1; cont && t->header_row && t->header_key && q <= starts[1]; q++) {
        const char *key = row_key(r, L, starts[0], q);
        if (key && strcmp(key, t->header_key) == 0) {
            hk = q;
            break;
        }
    }
    /* the first row under a repeated header is what had to fit (PDF-TABLE-PAGE-ROOM) */
    double row = L[starts[1] - 1]->y1 - L[starts[0]]->y0;
    size_t d = 0, top = starts[0];
    if (hk > starts[0] && hk < starts[1]) row = L[starts[1] - 1]->y1 - L[hk]->y0, top = hk;
    else if (hk > starts[0] && ns >= 2) row = L[starts[2] - 1]->y1 - L[starts[1]]->y0, d = 1, top = starts[1];
    /* the next row leaving empty a column the first fills: a cell spanning both, which move together */
    if (d + 1 < ns) {
        bool spans = false;
        for (size_t c = 1; c < g->ncols && !spans; c++) {
            bool here = false, next = false;
            for (size_t i = top; i < starts[d + 1] && !here; i++) {
                pdf_frag f = pdf_column_frag(g, L[i], c);
                here = f.w1 > f.w0;
            }
            for (size_t i = starts[d + 1]; i < starts[d + 2] && !next; i++) {
                pdf_frag f = pdf_column_frag(g, L[i], c);
                next = f.w1 > f.w0;
            }
            spans = here && !next;
        }
        if (spans) row = L[starts[d + 2] - 1]->y1 - L[top]->y0;
    }
    /* a repeated header row says the table goes on (PDF-TABLE-PAGE-ROOM) */
    if (cont && (pdf_table_runs_over(r, t, row) ||
                 (hk > starts[0] && r->page && r->page->number == t->page + 1))) {
        if (header_alone(r, t)) t->header_row = true;
        if (hk > starts[0]) first_row = 1;
        if (hk > starts[0] && hk < starts[1] && t->nrows) {
            samla_status st = append_to_last_row(r, t, g, L, hk, starts[1], starts[1]);
            if (st != SAMLA_OK) return st;
        } else if (first_row < ns && t->nrows &&
                   (pdf_split_row_rest(g, L[starts[first_row]]) || numbered_rest(t, g, L[starts[first_row]]) ||
                    beside_rest(t, g, L[starts[first_row]]))) {
            /* the page's first row has no fresh first cell: the rest of the
             * row the page break split (PDF-TABLE-PAGE-BREAK), or its first
             * cell lacks the number every row's starts with
             * (PDF-TABLE-PAGE-BREAK-NUMBERED), or its other cells run on
             * lower-case (PDF-TABLE-PAGE-BREAK-REST-BESIDE) */
            /* the rows after it under the split row's first cell leave their first column to it
             * (PDF-TABLE-ROWSPAN-WRAP: the spanning cell's text runs on beside them) */
            took0 = first_row + 1;
            while (span0 && took0 < ns && span0[starts[took0] - g->first]) took0++;
            samla_status st =
                append_to_last_row(r, t, g, L, starts[first_row], starts[first_row + 1], starts[took0]);
            if (st != SAMLA_OK) return st;
            first_row++;
        }
    } else {
        samla_status st = pdf_close_table(r);
        if (st != SAMLA_OK) return st;
        t = samla_arena_alloc(a, sizeof *t);
        if (!t) return SAMLA_ERR_NOMEM;
        t->block = samla_block_new(&r->ctx->doc, SAMLA_BLOCK_TABLE, "");
        if (!t->block) return SAMLA_ERR_NOMEM;
        t->ncols = g->ncols;
        memcpy(t->bounds, g->bounds, sizeof t->bounds);
        /* a header at a text column's foot: the rows go on in the next column (PDF-TABLE-ORPHAN-HEADER-COLUMN) */
        for (size_t c = 0; g->header_only && c + 1 < g->ncols; c++) t->bounds[c] += g->shift;
        /* header row: all bold, or short labels in every column above other rows */
        bool bold = true, labels = ns > 1 || g->header_only;
        size_t filled = 0;
        for (size_t i = starts[0]; i < starts[1]; i++) bold = bold && L[i]->bold;
        for (size_t c = 0; c < g->ncols; c++) {
            size_t words = 0, hint = 0;
            const char *last = NULL;
            for (size_t i = starts[0]; i < starts[1]; i++) {
                pdf_frag f = pdf_column_frag(g, L[i], c);
                words += f.w1 - f.w0;
                /* PDF-TABLE-HEADER-HINT: a hint in brackets that ends the label, starting lower-case (*Uppföljning
                 * (hur följs det upp)*, *Insats (vad)*), is no word of the label; a party's *(S)* is */
                for (size_t k = f.w0; k < f.w1; k++) {
                    const char *w = L[i]->words[k].text;
                    if (w[0] == '(' && pdf_starts_lower(w + 1)) hint = 0, last = w;
                    if (last) hint++;
                    if (!last) continue;
                    last = w;
                }
            }
            if (!last || last[strlen(last) - 1] != ')') hint = 0;
            filled += words > 0;
            labels = labels && words > hint && words - hint <= 3;
        }
        t->header_row = (ns > 1 || g->header_only) && (bold || labels) && filled >= 2;
        /* a date names no column: a row holding one is data (PDF-TABLE-HEADER-DATE: *Datum* | *2025-01-21* at
         * the head of a label column beside its values; a year, *2024*, may head a column) */
        for (size_t c = 0; c < g->ncols && t->header_row && !bold; c++) {
            pdf_frag f = pdf_column_frag(g, L[starts[0]], c);
            if (f.w1 > f.w0 && date_word(r, L[starts[0]]->words[f.w0].text)) t->header_row = false;
        }
        if (t->header_row && !bold && header_unruled(r, g, L, starts, ns)) t->header_row = false;
        /* PDF-TABLE-HEADER-LEADER: a row holding a dotted line is where someone signs, no column's name
         * (*Sekreterare* | *……… Johanna Berglund* at the head of a signature table), nor is the row of roles
         * over such a row (*Sekreterare* | *Ordförande* | *Justerare* over three dotted lines) */
        for (size_t i = starts[0]; i < starts[ns > 1 ? 2 : 1] && t->header_row; i++)
            for (size_t k = 0; k < L[i]->nwords && t->header_row; k++)
                if (pdf_leader_line(L[i]->words[k].text)) t->header_row = false;
        t->bold_first = bold && filled == g->ncols;
        if (t->header_row) t->header_key = row_key(r, L, starts[0], starts[1]);
        double x0 = 1e9, x1 = -1e9;
        for (size_t i = g->first; i < g->last; i++) x0 = fmin(x0, L[i]->x0), x1 = fmax(x1, L[i]->x1);
        t->block->x0 = x0;
        t->block->x1 = x1;
        t->block->y0 = L[g->first]->y0;
        t->block->y1 = L[g->last - 1]->y1;
        samla_status st2 = samla_doc_append(&r->ctx->doc, t->block);
        if (st2 != SAMLA_OK) return st2;
        r->open_table = t;
    }
    r->emitted_since_table = false;
    pdf_frag *f = samla_arena_alloc(a, (g->last - g->first) * sizeof *f);
    samla_block ***cells = samla_arena_alloc(a, g->ncols * sizeof *cells);
    size_t *counts = samla_arena_alloc(a, g->ncols * sizeof *counts);
    if (!f || !cells || !counts) return SAMLA_ERR_NOMEM;
    double colright[MAX_BOUNDS + 1];
    pdf_column_rights(r, g, L, true, colright);
    double pitch = region_pitch(r, g, L, starts, ns);
    if (pitch <= 0) {
        /* no cell wraps in this table, so there is no wrapped line to compare
         * with: take a generous single line pitch of its font (1.3 em: with
         * PDF-CELL-PARA-SPACE's 0.15 em, 1.45 em between tops parts two
         * paragraphs, as before that rule); one line per paragraph in cells set
         * with paragraph spacing ("Exempelby kommun KS 2024/123" / "Region
         * Exempel RS2024-00456") */
        double size = 0;
        for (size_t i = g->first; i < g->last; i++) size = fmax(size, L[i]->size);
        pitch = 1.3 * size;
    }
    /* cells spanning rows, set vertically centred (PDF-TABLE-CENTRED-SPAN) */
    size_t sp_r0[MAX_BOUNDS + 1], sp_p[MAX_BOUNDS + 1], sp_q[MAX_BOUNDS + 1];
    bool sp[MAX_BOUNDS + 1];
    size_t b0 = t->nrows == 0 && t->header_row ? 1 : first_row;
    for (size_t c = 0; c < g->ncols && c <= MAX_BOUNDS; c++)
        sp[c] = centred_span(g, L, starts, ns, b0, c, &sp_r0[c], &sp_p[c], &sp_q[c]);
    /* a column whose centred cells were found row by row (PDF-TABLE-CENTRED-CELL) is no one cell */
    for (size_t s = 1; carry && s < ns; s++)
        for (size_t c = 1; c < g->ncols && c < 16 && c <= MAX_BOUNDS; c++)
            if (carry[starts[s] - g->first] & (1u << c)) sp[c] = false;
    for (size_t s = first_row; s < ns; s++) {
        /* a cell spanning from column c0 to the table's right, holding its lines' words from that column on
         * (PDF-TABLE-SPAN-CELL, PDF-TABLE-GROUP-ROW) */
        size_t c0 = s == 0 && t->nrows == 0 && t->header_row ? g->ncols : pdf_group_row(r, g, L, starts, ns, s);
        bool span = c0 < g->ncols && c0 < 255;
        bool under = span0 && (s > first_row || s < took0) && span0[starts[s] - g->first];
        size_t end0 = s + 1;
        while (span0 && end0 < ns && span0[starts[end0] - g->first]) end0++;
        for (size_t c = 0; c < g->ncols; c++) {
            size_t k = 0, from = starts[s], till = c == 0 && !(span && c0 == 0) ? starts[end0] : starts[s + 1];
            if (span && c >= c0) {
                /* the spanning cell takes its own lines */
            } else if (sp[c] && s == sp_r0[c]) from = starts[sp_p[c]], till = starts[sp_q[c] + 1];
            else if (sp[c] && s >= sp_p[c] && s <= sp_q[c]) till = from;
            else if (carry && c > 0 && c < 16 && !span) {
                /* a cell spanning rows takes the column of the rows it spans (PDF-TABLE-CENTRED-CELL) */
                if (carry[starts[s] - g->first] & (1u << c)) till = from;
                for (size_t e = s + 1; e < ns && (carry[starts[e] - g->first] & (1u << c)); e++) till = starts[e + 1];
            }
            for (size_t i = from; i < till && (!span || c <= c0) && !(c == 0 && under); i++) {
                pdf_frag cf = pdf_column_frag(g, L[i], c);
                if (span && c == c0) cf.w1 = L[i]->nwords;
                if (cf.w1 > cf.w0) f[k++] = cf;
            }
            cells[c] = NULL;
            counts[c] = 0;
            double wrap = span && c == c0 ? colright[g->ncols - 1] : colright[c];
            samla_status st = pdf_emit_frags(r, f, k, true, wrap, pitch, &cells[c], &counts[c]);
            if (st != SAMLA_OK) return st;
            note_tail(t, c, f, k, wrap);
        }
        samla_status st = add_row(r, t, cells, counts, span ? (unsigned char)(c0 + 1) : 0);
        if (st != SAMLA_OK) return st;
    }
    table_room(r, t, L[g->last - 1]);
    return SAMLA_OK;
}
