/* tag_emit.c: blocks of a page read from its tags.
 *
 * A leaf becomes one block on the first tagged page holding its words (a
 * paragraph running over a page break is one block, as the tags say); its
 * text is its words line by line, lines joined with the reader's
 * hyphenation rules (pdf_join_texts); in a table cell a word the cell broke
 * is joined without a space (PDF-TAG-CELL-BROKEN-WORD). A list item's first word, when it is a
 * bullet or a list number, is its numbering. A table becomes one table block
 * on its first tagged page: rows are the tag rows, columns the most cells in
 * a row. A row with fewer cells places each cell at the column whose start
 * (median x of that column's cells in full rows; the full row above it on its
 * page when there is one, PDF-TAG-TABLE-LOCAL-COLUMNS) is nearest its first word;
 * a position left free is covered by the cell to its left when that cell's
 * words reach into the column or nothing is above, else by the cell above
 * (a row span), but a row of one cell at the first column over a row of more
 * cells spans the table (a group row, PDF-TAG-GROUP-ROW); poppler-glib 22 reads
 * no RowSpan/ColSpan attribute of a cell (its getters accept only the Table
 * element), so spans come from positions.
 * Rows whose words all lie on pages read by geometry are left to geometry. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "tags.h"

static const pdf_word *word_at(const pdf_reader *r, int page, const tag_word *w)
{
    return &r->pages[page].lines[w->line].words[w->word];
}

/* First page read from tags holding words of leaf l, -1 if none. */
static int leaf_page(const pdf_tags *t, const tag_leaf *l)
{
    int p = -1;
    for (size_t s = 0; s < l->nsegs; s++)
        if (l->segs[s].nwords && t->tagged[l->segs[s].page] && (p < 0 || l->segs[s].page < p)) p = l->segs[s].page;
    return p;
}

static bool leaf_has_words(const tag_leaf *l)
{
    for (size_t s = 0; s < l->nsegs; s++)
        if (l->segs[s].nwords) return true;
    return false;
}

/* A footnote's number: 1 to 3 digits. */
static bool note_number(const char *s)
{
    size_t n = strspn(s, "0123456789");
    return n >= 1 && n <= 3 && !s[n];
}

/* A table's columns (PDF-CELL-CUT-EDGE): where each starts (NAN unknown) and how far its cells' text may reach. */
typedef struct cut_edges {
    const double *start, *edge;
    size_t ncols;
    bool wrap_spaces;         /* the producer writes a space where a line wraps (PDF-TAG-CELL-CUT-SPACE) */
} cut_edges;

/* Steps along seg sg's key over word w (text s) from *pos, where the words before it left off: true when w was
 * read as the key characters right there (tag_match.c stored which), or has no key characters; false when the words
 * part from the key (a skip, a ligature, a cut key, a word joined from beside), *pos then of no use. */
static bool key_step(const tag_seg *sg, const tag_word *w, const char *s, size_t *pos)
{
    if (w->kpos < 0) {
        bool utf8 = g_utf8_validate(s, -1, NULL);
        for (; *s; s = utf8 ? g_utf8_next_char(s) : s + 1)
            if (utf8 ? pdf_tag_key_char(g_utf8_get_char(s)) != 0 : g_ascii_isalnum(*s) != 0) return false;
        return true;
    }
    if ((size_t)w->kpos != *pos || (size_t)w->kend > sg->klen) return false;
    *pos = (size_t)w->kend;
    return true;
}

/* PDF-TAG-CELL-CUT-SPACE: whether the producer's text holds a space where a leaf's line wraps: of the line breaks
 * inside leaves whose words walk along their key, more with white space than without (LibreOffice writes the
 * space a line wrapped at; Chromium writes none, so its text cannot tell a cut word from a wrap). */
static bool wrap_spaces(const pdf_reader *r, const pdf_tags *t)
{
    size_t yes = 0, no = 0;
    for (size_t k = 0; k < t->nleaves; k++)
        for (size_t s = 0; s < t->leaves[k].nsegs; s++) {
            const tag_seg *sg = &t->leaves[k].segs[s];
            size_t pos = 0;
            if (!sg->spaced || !t->tagged[sg->page]) continue;
            for (size_t j = 0; j < sg->nwords; j++) {
                if (j > 0 && sg->words[j].line != sg->words[j - 1].line && pos < sg->klen)
                    *(sg->spaced[pos] == '1' ? &yes : &no) += 1;
                if (!key_step(sg, &sg->words[j], word_at(r, sg->page, &sg->words[j])->text, &pos)) break;
            }
        }
    return yes > no;
}

/* The column whose start is the last at or left of x (the column a word stands in, whichever grid column a short
 * row placed its cell in), -1 when none. */
static int column_at(const double *start, size_t ncols, double x)
{
    int at = -1;
    for (size_t c = 0; c < ncols; c++)
        if (!isnan(start[c]) && start[c] <= x + 1) at = (int)c;
    return at;
}

/* PDF-TAG-CELL-BROKEN-WORD: line b of a cell's leaf (first word next, more words after it or not) goes on the
 * word a narrow cell cut at the end of line a (its one word piece), as the geometric reader's
 * PDF-CELL-BROKEN-WORD tells it: right below, same size and weight, and the next letter would not have fitted
 * before the edge of the column the piece stands in (PDF-CELL-CUT-EDGE; ce NULL outside cells of one column). */
static bool tag_word_broken(const pdf_reader *r, const pdf_word *piece, size_t npiece, const pdf_word *next,
                            size_t nnext, int spaced, const cut_edges *ce)
{
    /* PDF-TAG-CELL-CUT-SPACE: the producer's text holds no space between the two (a space: a wrap) */
    if (!ce || !ce->wrap_spaces || spaced != 0 || npiece != 1 || !nnext || next->y0 < piece->y0 + 0.5) return false;
    double size = fmin(piece->size, next->size);
    if (next->y0 - piece->y1 > 0.45 * size || fabs(piece->size - next->size) > 0.6 || piece->bold != next->bold)
        return false;
    if (next->x0 > piece->x0 + 0.5) return false;
    int at = column_at(ce->start, ce->ncols, piece->x0);
    double right = at < 0 ? NAN : ce->edge[at];
    return !isnan(right) && pdf_word_broken(r->set, piece, next, nnext > 1, right, size);
}

/* The block of leaf l (NULL on out of memory; *empty when it has no words on
 * a tagged page); ce: its table's columns when it is in a cell of one column, else NULL. */
static samla_block *leaf_block(pdf_reader *r, const pdf_tags *t, const tag_leaf *l, const cut_edges *ce, bool *empty)
{
    samla_arena *a = r->ctx->arena;
    char *text = NULL, *label = NULL;
    double size = 0, x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    bool bold = true, italic = true, first_line = true;
    int first_page = leaf_page(t, l);
    *empty = first_page < 0;
    if (*empty) return NULL;
    GString *line = g_string_new(NULL);
    for (size_t s = 0; s < l->nsegs; s++) {
        tag_seg *sg = &l->segs[s];
        if (!sg->nwords || !t->tagged[sg->page]) continue;
        const pdf_word *prev = NULL; /* the previous line's first word written, and its words written */
        size_t nprev = 0;
        size_t kpos = 0;            /* where the words have walked to along the key (PDF-TAG-CELL-CUT-SPACE) */
        bool kok = sg->spaced != NULL;
        for (size_t i = 0; i < sg->nwords;) {
            size_t j = i;
            const pdf_word *first = NULL;
            size_t nline = 0;
            int spaced = kok && kpos < sg->klen ? sg->spaced[kpos] == '1' : -1; /* white space before the line */
            g_string_truncate(line, 0);
            for (; j < sg->nwords && sg->words[j].line == sg->words[i].line; j++) {
                const pdf_word *w = word_at(r, sg->page, &sg->words[j]);
                kok = kok && key_step(sg, &sg->words[j], w->text, &kpos);
                bold = bold && w->bold;
                italic = italic && w->italic;
                if (first_line) size = fmax(size, w->size);
                if (sg->page == first_page) {
                    x0 = fmin(x0, w->x0), y0 = fmin(y0, w->y0);
                    x1 = fmax(x1, w->x1), y1 = fmax(y1, w->y1);
                }
                if (first_line && j == i && !label && l->kind == SAMLA_BLOCK_FOOTNOTE && j + 1 < sg->nwords &&
                    note_number(w->text)) {
                    label = samla_arena_strdup(a, w->text);
                    continue;
                }
                bool bullet;
                const char *m = first_line && j == i && j + 1 < sg->nwords && l->kind == SAMLA_BLOCK_LIST_ITEM &&
                                        sg->words[j + 1].line == sg->words[i].line &&
                                        sg->words[j + 1].word == sg->words[j].word + 1
                                    ? pdf_marker(r->set, w, 2, &bullet)
                                    : NULL;
                if (m) {
                    label = samla_arena_strdup(a, m);
                    continue;
                }
                if (line->len) g_string_append_c(line, ' ');
                g_string_append(line, w->text);
                if (!nline++) first = w;
            }
            first_line = false;
            if (text && prev && first && tag_word_broken(r, prev, nprev, first, nline, spaced, ce))
                text = samla_arena_printf(a, "%s%s", text, line->str);
            else text = text ? pdf_join_texts(r, text, line->str) : samla_arena_strdup(a, line->str);
            prev = first, nprev = nline;
            i = j;
            if (!text) break;
        }
    }
    g_string_free(line, TRUE);
    if (!text) return NULL;
    samla_block *b = samla_block_new(&r->ctx->doc, l->kind, text);
    if (!b) return NULL;
    b->level = l->level;
    b->numbering = label;
    b->style.font_size = size;
    b->style.bold = bold;
    b->style.italic = italic;
    b->x0 = x0, b->y0 = y0, b->x1 = x1, b->y1 = y1;
    return b;
}

/* The box of a cell's words. */
typedef struct words_box {
    double x0, x1, y0, y1;
} words_box;

/* Box b of cell c's words on page `page`, or on every tagged page when page < 0; false when it has none there. */
static bool cell_box(const pdf_reader *r, const pdf_tags *t, const tag_cell *c, int page, words_box *b)
{
    *b = (words_box){1e9, -1e9, 1e9, -1e9};
    for (int k = c->leaf0; k < c->leaf0 + c->nleaves; k++) {
        const tag_leaf *l = &t->leaves[k];
        for (size_t s = 0; s < l->nsegs; s++) {
            if (page < 0 ? !t->tagged[l->segs[s].page] : l->segs[s].page != page) continue;
            for (size_t i = 0; i < l->segs[s].nwords; i++) {
                const pdf_word *w = word_at(r, l->segs[s].page, &l->segs[s].words[i]);
                b->x0 = fmin(b->x0, w->x0), b->x1 = fmax(b->x1, w->x1);
                b->y0 = fmin(b->y0, w->y0), b->y1 = fmax(b->y1, w->y1);
            }
        }
    }
    return b->x1 >= b->x0;
}

/* Word extent of a cell on tagged pages; false when it has none. */
static bool cell_extent(const pdf_reader *r, const pdf_tags *t, const tag_cell *c, double *x0, double *x1)
{
    words_box b;
    bool ok = cell_box(r, t, c, -1, &b);
    *x0 = b.x0, *x1 = b.x1;
    return ok;
}

static int cmp_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return (p > q) - (p < q);
}

/* First page read from tags holding words of table tb, -1 if none. */
static int table_page(const pdf_tags *t, const tag_table *tb)
{
    int p = -1;
    for (int k = tb->leaf0; k < tb->leaf1; k++) {
        int lp = leaf_page(t, &t->leaves[k]);
        if (lp >= 0 && (p < 0 || lp < p)) p = lp;
    }
    return p;
}

/* Row kept: words on a tagged page, or no words anywhere (an empty row). */
static bool row_kept(const pdf_tags *t, const tag_row *row)
{
    bool any = false;
    for (int c = row->cell0; c < row->cell0 + row->ncells; c++) {
        const tag_cell *cell = &t->cells[c];
        for (int k = cell->leaf0; k < cell->leaf0 + cell->nleaves; k++) {
            if (leaf_page(t, &t->leaves[k]) >= 0) return true;
            any = any || leaf_has_words(&t->leaves[k]);
        }
    }
    return !any;
}

/* True when a leaf of cell c holds words. */
static bool cell_has_words(const pdf_tags *t, const tag_cell *c)
{
    for (int k = c->leaf0; k < c->leaf0 + c->nleaves; k++)
        if (leaf_has_words(&t->leaves[k])) return true;
    return false;
}

/* First tagged page holding words of cell c, -1 if none. */
static int cell_page(const pdf_tags *t, const tag_cell *c)
{
    int p = -1;
    for (int k = c->leaf0; k < c->leaf0 + c->nleaves; k++) {
        int lp = leaf_page(t, &t->leaves[k]);
        if (lp >= 0 && (p < 0 || lp < p)) p = lp;
    }
    return p;
}

typedef struct grid {
    int *origin;              /* cell index per position, -1 */
    size_t nrows, ncols;
    double *start;            /* x of each column's start, NAN unknown */
} grid;

/* Places the cells of kept rows rows[0..n) on the grid (see the file comment). */
static void place_cells(const pdf_reader *r, const pdf_tags *t, const int *rows, grid *g)
{
    size_t C = g->ncols;
    double *xs = malloc((g->nrows + 1) * sizeof *xs);
    for (size_t c = 0; c < C; c++) {
        size_t n = 0;
        for (size_t k = 0; xs && k < g->nrows; k++) {
            const tag_row *row = &t->rows[rows[k]];
            double x0, x1;
            if ((size_t)row->ncells == C && cell_extent(r, t, &t->cells[row->cell0 + (int)c], &x0, &x1)) xs[n++] = x0;
        }
        if (n) qsort(xs, n, sizeof *xs, cmp_double);
        g->start[c] = n ? xs[n / 2] : NAN;
    }
    free(xs);
    double *local = malloc((C + 1) * sizeof *local);
    long full = -1; /* the last full row so far */
    for (size_t k = 0; k < g->nrows; k++) {
        const tag_row *row = &t->rows[rows[k]];
        int *o = &g->origin[k * C];
        size_t col = 0;
        /* PDF-TAG-TABLE-EMPTY-TAIL in a row of every column's count: its first cell starting at the second column
         * (the first left to a cell spanning rows above) and a cell without words at its end (LibreOffice's empty
         * cell after the real ones) is a short row, those cells no columns */
        int nc = row->ncells;
        double fx0, fx1;
        if ((size_t)nc == C && nc > 1 && !cell_has_words(t, &t->cells[row->cell0 + nc - 1]) && !isnan(g->start[0]) &&
            !isnan(g->start[1]) && cell_extent(r, t, &t->cells[row->cell0], &fx0, &fx1) &&
            fabs(fx0 - g->start[1]) < fabs(fx0 - g->start[0]))
            while (nc > 1 && !cell_has_words(t, &t->cells[row->cell0 + nc - 1])) nc--;
        /* PDF-TAG-TABLE-LOCAL-COLUMNS: a short row takes its columns from the full row above it on the
         * same page when that row shows every column, left to right (a table broken into the next text
         * column or page sits elsewhere there: the medians mix both places) */
        const double *starts = g->start;
        if ((size_t)nc < C && full >= 0 && local) {
            const tag_row *fr = &t->rows[rows[full]];
            bool ok = nc > 0 && cell_page(t, &t->cells[row->cell0]) == cell_page(t, &t->cells[fr->cell0]);
            for (size_t c = 0; c < C && ok; c++) {
                double x1;
                ok = cell_extent(r, t, &t->cells[fr->cell0 + (int)c], &local[c], &x1) && (!c || local[c] > local[c - 1] + 2);
            }
            if (ok) starts = local;
        }
        if ((size_t)nc == C) full = (long)k;
        for (int j = 0; j < nc && col < C; j++) {
            int ci = row->cell0 + j;
            size_t maxc = C - (size_t)(nc - j);
            size_t at = col;
            double x0, x1;
            if ((size_t)nc < C && cell_extent(r, t, &t->cells[ci], &x0, &x1)) {
                double best = 1e18;
                for (size_t c = col; c <= maxc && c < C; c++)
                    if (!isnan(starts[c]) && fabs(x0 - starts[c]) < best) best = fabs(x0 - starts[c]), at = c;
            }
            o[at] = ci;
            col = at + 1;
        }
        /* PDF-TAG-GROUP-ROW: a row of one cell standing at the first column over a row of more cells heads the
         * rows under it across the table (a group row, the tags' ColSpan, which poppler-glib does not read) unless
         * a cell above in another column runs down beside it (a row span); one-cell rows at a table's end or over
         * another one-cell row are a list's column running longer than the next (Chromium tags no empty cell) */
        if (nc == 1 && C > 1 && o[0] == row->cell0 && k + 1 < g->nrows && t->rows[rows[k + 1]].ncells > 1) {
            int page = cell_page(t, &t->cells[row->cell0]);
            words_box own, ab;
            bool group = page >= 0 && cell_box(r, t, &t->cells[row->cell0], page, &own);
            for (size_t c = 1; c < C && group && k > 0; c++) {
                int above = g->origin[(k - 1) * C + c];
                group = above < 0 || !cell_box(r, t, &t->cells[above], page, &ab) || ab.y1 <= own.y0 + 1;
            }
            if (group)
                for (size_t c = 1; c < C; c++) o[c] = row->cell0;
        }
        for (size_t c = 0; c < C; c++) {
            if (o[c] >= 0) continue;
            int left = c > 0 ? o[c - 1] : -1;
            int above = k > 0 ? g->origin[(k - 1) * C + c] : -1;
            double x0, x1;
            bool reaches = left >= 0 && !isnan(g->start[c]) && cell_extent(r, t, &t->cells[left], &x0, &x1) &&
                           x1 > g->start[c] + 1;
            if (left >= 0 && (above < 0 || reaches)) o[c] = left;
            else if (above >= 0) o[c] = above;
        }
    }
    free(local);
}

/* Where each column's widest line ends (PDF-CELL-CUT-EDGE): the right end of the words of the cells standing in
 * it, each one column wide (a cell spanning columns sets none), NAN when none. */
static void column_widest(const pdf_reader *r, const pdf_tags *t, const grid *g, double *widest)
{
    for (size_t c = 0; c < g->ncols; c++) widest[c] = NAN;
    for (size_t k = 0; k < g->nrows; k++)
        for (size_t c = 0; c < g->ncols; c++) {
            int o = g->origin[k * g->ncols + c], at;
            double x0, x1;
            if (o < 0 || (c > 0 && g->origin[k * g->ncols + c - 1] == o) ||
                (c + 1 < g->ncols && g->origin[k * g->ncols + c + 1] == o) || !cell_extent(r, t, &t->cells[o], &x0, &x1) ||
                (at = column_at(g->start, g->ncols, x0)) < 0)
                continue;
            if (isnan(widest[at]) || x1 > widest[at]) widest[at] = x1;
        }
}

static samla_status emit_table(pdf_reader *r, pdf_tags *t, const tag_table *tb)
{
    samla_doc *doc = &r->ctx->doc;
    int *rows = malloc(((size_t)tb->nrows + 1) * sizeof *rows);
    if (!rows) return SAMLA_ERR_NOMEM;
    size_t R = 0, C = 0;
    int first = -1;   /* cells of the first kept row */
    for (int k = tb->row0; k < tb->row0 + tb->nrows; k++)
        if (row_kept(t, &t->rows[k])) {
            tag_row *row = &t->rows[k];
            /* PDF-TAG-TABLE-EMPTY-TAIL: cells without words at the end of a row, past the first row's count, are
             * no columns (LibreOffice writes a row of zero-height empty cells after a row's real ones) */
            if (first < 0) first = row->ncells;
            while (row->ncells > first && !cell_has_words(t, &t->cells[row->cell0 + row->ncells - 1])) row->ncells--;
            rows[R++] = k;
            if ((size_t)row->ncells > C) C = (size_t)row->ncells;
        }
    samla_status st = SAMLA_OK;
    grid g = {NULL, R, C, NULL};
    double *wrap = NULL; /* per column, how far its cells' text may reach (PDF-CELL-CUT-EDGE) */
    if (R && C) {
        g.origin = malloc(R * C * sizeof *g.origin);
        g.start = malloc(C * sizeof *g.start);
        bool *done = calloc(t->ncells + 1, sizeof *done);
        wrap = malloc(C * sizeof *wrap);
        samla_block *b = samla_block_new(doc, SAMLA_BLOCK_TABLE, "");
        if (!g.origin || !g.start || !done || !wrap || !b) st = SAMLA_ERR_NOMEM;
        if (st == SAMLA_OK) st = samla_table_init(doc, b, R, C);
        if (st == SAMLA_OK) {
            for (size_t i = 0; i < R * C; i++) g.origin[i] = -1;
            place_cells(r, t, rows, &g);
            b->x0 = b->y0 = 1e9, b->x1 = b->y1 = -1e9;
            /* PDF-CELL-CUT-EDGE: each column's cells reach at most the next column's start less the table's
             * narrowest gap between a column's widest line and the next column's start */
            double *next = malloc(2 * C * sizeof *next);
            if (!next) st = SAMLA_ERR_NOMEM;
            else {
                double *widest = next + C;
                column_widest(r, t, &g, widest);
                for (size_t c = 0; c < C; c++) next[c] = c + 1 < C ? g.start[c + 1] : NAN;
                pdf_cell_edges(next, widest, C, tb->right, wrap);
            }
            free(next);
        }
        if (t->wrap_spaces < 0) t->wrap_spaces = wrap_spaces(r, t);
        cut_edges ce = {g.start, wrap, C, t->wrap_spaces == 1};
        for (size_t k = 0; k < R && st == SAMLA_OK; k++)
            for (size_t c = 0; c < C && st == SAMLA_OK; c++) {
                int o = g.origin[k * C + c];
                samla_cell *cell = samla_table_cell(b, k, c);
                if (o < 0) continue;
                if (done[o]) {
                    cell->covered = true;
                    continue;
                }
                done[o] = true;
                int cs = 1, rs = 1;
                while (c + (size_t)cs < C && g.origin[k * C + c + (size_t)cs] == o) cs++;
                while (k + (size_t)rs < R && g.origin[(k + (size_t)rs) * C + c] == o) rs++;
                cell->colspan = cs, cell->rowspan = rs;
                cell->header = t->cells[o].header;
                for (int l = t->cells[o].leaf0; l < t->cells[o].leaf0 + t->cells[o].nleaves && st == SAMLA_OK; l++) {
                    bool empty = false;
                    samla_block *lb = leaf_block(r, t, &t->leaves[l], cs == 1 ? &ce : NULL, &empty);
                    if (empty) continue;
                    if (!lb) st = SAMLA_ERR_NOMEM;
                    else {
                        st = samla_cell_append(doc, cell, lb);
                        b->x0 = fmin(b->x0, lb->x0), b->y0 = fmin(b->y0, lb->y0);
                        b->x1 = fmax(b->x1, lb->x1), b->y1 = fmax(b->y1, lb->y1);
                    }
                }
            }
        if (st == SAMLA_OK) {
            if (b->x1 < b->x0) b->x0 = b->y0 = b->x1 = b->y1 = 0;
            samla_table_finish(doc, b);
            st = samla_doc_append(doc, b);
        }
        free(done);
    }
    free(g.origin);
    free(g.start);
    free(wrap);
    free(rows);
    return st;
}

static samla_status emit_furniture(pdf_reader *r, const pdf_tags *t, size_t i, pdf_role role)
{
    const pdf_page *p = &r->pages[i];
    for (size_t li = 0; li < p->nlines; li++) {
        const pdf_line *l = &p->lines[li];
        if (t->role[i][li] != (signed char)role || !l->nwords) continue;
        samla_status st = pdf_emit_furniture_line(r, l, role);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}

bool pdf_tags_page(const pdf_tags *t, size_t i)
{
    return t && i < t->r->npages && t->tagged[i];
}

samla_status pdf_tags_emit_page(pdf_reader *r, pdf_tags *t, size_t i)
{
    samla_status st = pdf_close_table(r);
    r->run_last = NULL;
    if (st == SAMLA_OK) st = emit_furniture(r, t, i, PDF_HEADER);
    for (size_t k = 0; k < t->nitems && st == SAMLA_OK; k++) {
        const tag_item *it = &t->items[k];
        if (it->table) {
            if (table_page(t, &t->tables[it->index]) == (int)i) st = emit_table(r, t, &t->tables[it->index]);
            continue;
        }
        const tag_leaf *l = &t->leaves[it->index];
        if (leaf_page(t, l) != (int)i || l->kind == SAMLA_BLOCK_FOOTNOTE) continue;
        bool empty = false;
        samla_block *b = leaf_block(r, t, l, NULL, &empty);
        if (!b) st = SAMLA_ERR_NOMEM;
        else st = samla_doc_append(&r->ctx->doc, b);
    }
    /* footnotes after the page's body (PDF-TAG-NOTE) */
    for (size_t k = 0; k < t->nitems && st == SAMLA_OK; k++) {
        const tag_item *it = &t->items[k];
        const tag_leaf *l = it->table ? NULL : &t->leaves[it->index];
        if (!l || l->kind != SAMLA_BLOCK_FOOTNOTE || leaf_page(t, l) != (int)i) continue;
        bool empty = false;
        samla_block *b = leaf_block(r, t, l, NULL, &empty);
        if (!b) st = SAMLA_ERR_NOMEM;
        else st = samla_doc_append(&r->ctx->doc, b);
    }
    if (st == SAMLA_OK) st = emit_furniture(r, t, i, PDF_FOOTER);
    return st;
}

size_t pdf_tags_report(pdf_reader *r, const pdf_tags *t)
{
    size_t n = 0;
    char *list = "";
    size_t listed = 0;
    for (size_t i = 0; i < r->npages; i++) {
        if (t->tagged[i]) {
            n++;
        } else if (r->pages[i].nlines && list) {
            if (listed++ < 20) list = samla_arena_printf(r->ctx->arena, "%s%s%zu", list, *list ? ", " : "", i + 1);
        }
    }
    if (listed && list)
        samla_ctx_warn(r->ctx, 0, "tagged PDF: %zu of %zu pages read from geometry (tags missing or not matching "
                       "the text): page%s %s%s", listed, r->npages, listed > 1 ? "s" : "", list,
                       listed > 20 ? ", ..." : "");
    return n;
}
