/* regions.c: multi-column regions (tables and two-column text) from the text
 * layer alone.
 *
 * A column boundary is an x position that no word crosses over a run of
 * consecutive lines (no large vertical gap inside) and at which several of
 * those lines start a word (left-aligned column). Runs of boundaries that
 * overlap form a region. A region of two wide columns filled with prose is
 * read as text columns, as are two columns of list items or of short lines
 * that flow independently without rules (columns.c); text columns of one
 * gutter on a page are read as one pair; any other region is a table, whose
 * rows tables.c finds and tablecells.c fills. A header line names the
 * columns of the lines under it (and the second line of a header set to
 * its foot, PDF-TABLE-HEADER-FOOT); a column that starts again after two
 * silent lines, twice, holds row labels, so its block is no text columns
 * (PDF-TABLE-LABEL-COLUMN). Rows of one cell spanning columns, which stop every
 * boundary run, are joined to the table they stand in (PDF-TABLE-SPAN-BRIDGE). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "tables.h"

typedef struct run {
    double x;
    size_t a, b;
} run;

bool pdf_line_crosses(const pdf_line *l, double x)
{
    for (size_t i = 0; i < l->nwords; i++)
        if (l->words[i].x0 < x - COL_SLACK && l->words[i].x1 > x + 0.5) return true;
    return false;
}

static bool has_left(const pdf_line *l, double x) { return l->nwords && l->words[0].x0 < x - COL_SLACK; }
static bool has_right(const pdf_line *l, double x) { return l->nwords && l->words[l->nwords - 1].x1 > x; }

/* Space between the last word left of x and the first word right of it. */
static double gap_at(const pdf_line *l, double x)
{
    double left = -1e9;
    for (size_t i = 0; i < l->nwords; i++) {
        if (l->words[i].x0 >= x - COL_SLACK) return l->words[i].x0 - left;
        left = l->words[i].x1;
    }
    return 0;
}

/* A word starts at x after a gutter (wider than a word space) or the margin. */
static bool aligned_at(const pdf_line *l, double x, double gutter)
{
    for (size_t i = 0; i < l->nwords; i++)
        if (l->words[i].x0 >= x - COL_SLACK) return l->words[i].x0 - x <= 2.5 && gap_at(l, x) >= gutter;
    return false;
}

/* Line l cannot be split at x: a word crosses it or the space there is a word space. */
static bool blocked(const pdf_line *l, double x, double space)
{
    if (pdf_line_crosses(l, x)) return true;
    return has_left(l, x) && has_right(l, x) && gap_at(l, x) < space;
}

static double vgap(const pdf_line *a, const pdf_line *b) { return b->y0 - a->y1; }

static int cmp_dbl(const void *p, const void *q)
{
    double a = *(const double *)p, b = *(const double *)q;
    return a < b ? -1 : a > b;
}

/* Left of x in line l is only a list marker or a "label:", or the word just left of x is a bullet: a list
 * marker's hanging indent is never a gutter (PDF-TABLE-MARKER-GAP: a cell's bulleted delmål, *•  1.1 Riskbruket
 * …*, beside the focus area, where every bullet's text starts at one x) */
static bool left_is_label(const pdf_reader *r, const pdf_line *l, double x)
{
    size_t k = 0;
    while (k < l->nwords && l->words[k].x1 <= x + 0.5) k++;
    if (!k) return true;
    const char *last = l->words[k - 1].text;
    size_t len = strlen(last);
    if (len && last[len - 1] == ':') return true;
    bool bullet;
    if (k == 1 && pdf_marker(r->set, l->words, l->nwords, &bullet)) return true;
    return pdf_marker(r->set, &l->words[k - 1], l->nwords - (k - 1), &bullet) && bullet;
}

/* PDF-TABLE-EVEN-SPACES: line l is set with even word spaces, five words or more and every space between two
 * of them the same width within 0.05 em: a justified line of prose, whose stretched spaces can be as wide as a
 * gutter (groff's last lines of a paragraph, *en stor grupp unga  vuxna med …* over *hjälpmedel. Statistiken
 * kan …*, their spaces lining up by chance). A table row's gutter is wider than its cells' word spaces.
 * PDF-TABLE-EVEN-SPACES-FOUR: four words are enough (three spaces of one width): groff's narrow column
 * justifies a running attendee list, *Ledamöter:   Håkan   Henriksson   (M),*. Words w[0, n), at least min_words of
 * them, em the line's size (footnotes.c asks it of a note's justified lines, PDF-FOOTNOTE-JUSTIFIED; markers.c of a
 * spaced bullet's line, PDF-MARKER-SPACED-JUSTIFIED). */
bool pdf_even_spaces(const pdf_word *w, size_t n, double em, size_t min_words)
{
    if (n < min_words) return false;
    double lo = 1e9, hi = -1e9;
    for (size_t i = 1; i < n; i++) {
        double g = w[i].x0 - w[i - 1].x1;
        lo = fmin(lo, g), hi = fmax(hi, g);
    }
    return hi - lo <= 0.05 * em;
}

/* PDF-TABLE-BOLD-CELL-WRAP: bold line l, set right under line p (less than half an em between) and all of it right
 * of the boundary x, starts where a bold word of p starts: the wrapped rest of a bold cell (*Detta* / *dokument* /
 * *gäller* in a header cell of the last column), not a bold caption or heading under the table. */
static bool bold_goes_on(const pdf_reader *r, const pdf_line *p, const pdf_line *l, double x)
{
    if (!l->nwords || has_left(l, x) || vgap(p, l) >= 0.5 * r->body_size) return false;
    for (size_t k = 0; k < p->nwords; k++)
        if (p->words[k].bold && fabs(p->words[k].x0 - l->words[0].x0) <= 1) return true;
    return false;
}

/* The first word of line l right of x, or NULL. */
static const pdf_word *first_right(const pdf_line *l, double x)
{
    for (size_t k = 0; k < l->nwords; k++)
        if (l->words[k].x0 >= x - COL_SLACK) return &l->words[k];
    return NULL;
}

/* PDF-TABLE-BOLD-CELL-LABEL: bold line L[b], all of it right of the boundary x, starting where the text right of x
 * starts in the line above and in the plain line below it (each less than half an em away, that one right of x
 * only too): a bold label inside a cell of the column (*Delmål* over the cell's *1.1 …* lines, beside an empty first
 * column), not a caption or heading under the table, which starts at the margin. */
static bool bold_cell_label(const pdf_reader *r, const pdf_line *const *L, size_t n, size_t b, double x)
{
    const pdf_line *p = L[b - 1], *l = L[b];
    if (b + 1 >= n || !l->nwords || has_left(l, x)) return false;
    const pdf_line *q = L[b + 1];
    if (q->bold || has_left(q, x) || !q->nwords || vgap(p, l) >= 0.5 * r->body_size || vgap(l, q) >= 0.5 * r->body_size)
        return false;
    const pdf_word *pw = first_right(p, x);
    return pw && fabs(pw->x0 - l->words[0].x0) <= 1 && fabs(q->words[0].x0 - l->words[0].x0) <= 1;
}

/* PDF-TABLE-EVEN-SPACES-CELL: the space at x in line l is a stretched word space of a justified cell line, not a
 * gutter: the words on either side of it are in a run whose spaces are all that wide (within 0.05 em), two spaces
 * or more (groff justifies a narrow cell's *Utskrivning    från    sluten*, then *vård    sker    tryggt    och*, the
 * spaces lining up by chance under each other). The run may go on past the cell into the next column where the
 * gutter happens to be as wide; *k0*, *k1* get the words from the one right of x to the run's last, the cell's
 * justified edge being the end of one of them (with one space only, *Brukarnas    erfarenheter*, false, *k0*, *k1*
 * set all the same). */
static bool even_at(const pdf_line *l, double x, double em, size_t *k0, size_t *k1)
{
    size_t k = 0;
    while (k < l->nwords && l->words[k].x0 < x - COL_SLACK) k++;
    *k0 = *k1 = 0;
    if (k == 0 || k >= l->nwords) return false;
    const pdf_word *w = l->words;
    double g = w[k].x0 - w[k - 1].x1;
    size_t a = k - 1, b = k;
    while (a > 0 && fabs(w[a].x0 - w[a - 1].x1 - g) <= 0.05 * em) a--;
    while (b + 1 < l->nwords && fabs(w[b + 1].x0 - w[b].x1 - g) <= 0.05 * em) b++;
    *k0 = k, *k1 = b + 1;
    return b - a >= 2;
}

/* The justified edge of the cell lines stretched at x (PDF-TABLE-EVEN-SPACES-CELL) among lines [a, b): the word end
 * most of their runs share (two or more); *count* how many. */
static double justified_edge(const pdf_line *const *L, size_t a, size_t b, double x, size_t *count)
{
    double cand[64];
    size_t nc = 0, k0, k1;
    for (size_t k = a; k < b && nc < 64; k++)
        if (has_left(L[k], x) && has_right(L[k], x) && even_at(L[k], x, L[k]->size, &k0, &k1))
            for (size_t j = k0; j < k1 && nc < 64; j++) cand[nc++] = L[k]->words[j].x1;
    double best = -1e9;
    *count = 0;
    for (size_t i = 0; i < nc; i++) {
        size_t n = 0;
        for (size_t j = 0; j < nc; j++) n += fabs(cand[j] - cand[i]) <= 0.5;
        if (n > *count) *count = n, best = cand[i];
    }
    return best;
}

/* Line l is a justified cell line stretched at x ending at the cell's edge jedge: an even run through x one of
 * whose words ends there, or one space only at x with the word right of it ending there. */
static bool justified_cell_line(const pdf_line *l, double x, double jedge)
{
    size_t k0, k1;
    bool ev = even_at(l, x, l->size, &k0, &k1);
    if (k1 <= k0) return false;
    if (!ev) return fabs(l->words[k0].x1 - jedge) <= 0.5;
    for (size_t j = k0; j < k1; j++)
        if (fabs(l->words[j].x1 - jedge) <= 0.5) return true;
    return false;
}

/* Grows the run of lines around seed line i that keep x free. */
/* PDF-TABLE-OFFSET-LINES: line k has text left of x only and line o (the line above or below it) text right of x
 * only, and the two overlap vertically: a cell set beside the other column's lines off their baselines (groff tbl
 * centres a cell spanning rows, `^`, vertically between its rows' lines: *Fokusområde 1. Trygg och* half a line
 * below *Mål 1.1 …* and half above the next). Such a pair stands for a line with text on both sides of x. */
static bool offset_pair(const pdf_line *const *L, size_t k, size_t o, double x)
{
    const pdf_line *l = L[k], *m = L[o];
    if (!l->nwords || !m->nwords || !has_left(l, x) || has_right(l, x) || has_left(m, x) || !has_right(m, x))
        return false;
    return fmin(l->y1, m->y1) > fmax(l->y0, m->y0);
}

static bool grow(const pdf_reader *r, const pdf_line *const *L, size_t n, size_t i, double x, run *out)
{
    double lim = 2.2 * r->body_size, space = 0.4 * r->body_size, gutter = pdf_gutter(r);
    size_t a = i, b = i + 1;
    double size = L[i]->size;
    if (blocked(L[i], x, space)) return false;
    /* a run stops at a word across x, a large vertical gap, or another font size (a heading) */
    /* nor up across a bold caption line under a plain one (one side of x
     * only: "Närvarolista" under the front page's "Label:<tab>value" lines) */
    while (a > 0 && !blocked(L[a - 1], x, space) && vgap(L[a - 1], L[a]) <= lim && fabs(L[a - 1]->size - size) <= 1 &&
           !(L[a]->bold && !L[a - 1]->bold && !(has_left(L[a], x) && has_right(L[a], x))))
        a--;
    while (b < n && !blocked(L[b], x, space) && vgap(L[b - 1], L[b]) <= lim && fabs(L[b]->size - size) <= 1 &&
           !(L[b]->bold && !L[b - 1]->bold && !bold_goes_on(r, L[b - 1], L[b], x) && !bold_cell_label(r, L, n, b, x)))
        b++;
    while (a < i && !(has_left(L[a], x) && has_right(L[a], x) && gap_at(L[a], x) >= gutter)) a++;
    /* nor from a seed line whose space at x is a word space (PDF-TABLE-SEED-GUTTER): the stretched spaces of a
     * justified heading over a table, *2.1.1 Det finns en effektiv organisation, …* */
    if (a == i && has_left(L[a], x) && has_right(L[a], x) && gap_at(L[a], x) < gutter) {
        while (a < b && !(has_left(L[a], x) && has_right(L[a], x) && gap_at(L[a], x) >= gutter)) a++;
        if (a >= b) return false;
    }
    if (b - a < 2) return false;
    size_t aligned = 0, right = 0, labels = 0, both = 0, even = 0, jcount = 0, even_aligned = 0;
    double lx0 = 1e9, lx1 = -1e9, gaps[64];
    /* PDF-TABLE-EVEN-SPACES-CELL: the justified edge the cell lines stretched at x end at */
    double jedge = justified_edge(L, a, b, x, &jcount);
    for (size_t k = a; k < b; k++) {
        aligned += aligned_at(L[k], x, gutter);
        right += has_right(L[k], x);
        if (has_left(L[k], x)) {
            lx0 = fmin(lx0, L[k]->words[0].x0);
            for (size_t w = 0; w < L[k]->nwords && L[k]->words[w].x1 <= x + 0.5; w++) lx1 = fmax(lx1, L[k]->words[w].x1);
        }
        if (has_left(L[k], x) && has_right(L[k], x)) {
            if (both < 64) gaps[both] = gap_at(L[k], x);
            both++;
            labels += left_is_label(r, L[k], x);
            /* a line of a justified cell, stretched at x: its run's spaces all as wide as the one at x, or one
               space only whose run ends at the edge the others end at (PDF-TABLE-EVEN-SPACES-CELL) */
            bool cell_even = jcount >= 2 && justified_cell_line(L[k], x, jedge);
            even += pdf_even_spaces(L[k]->words, L[k]->nwords, L[k]->size, 4) || cell_even;
            even_aligned += cell_even && aligned_at(L[k], x, gutter);
        } else {
            /* a left line beside a right one off its baseline (PDF-TABLE-OFFSET-LINES) */
            size_t o = k > a && offset_pair(L, k, k - 1, x) ? k - 1 : k + 1 < b && offset_pair(L, k, k + 1, x) ? k + 1 : k;
            if (o != k) {
                if (both < 64) gaps[both] = L[o]->words[0].x0 - L[k]->words[L[k]->nwords - 1].x1;
                both++;
                labels += left_is_label(r, L[k], x);
            }
        }
    }
    if (aligned < 2 || aligned * 4 < right || both < 2 || labels * 2 > both || even == both) return false;
    /* every line whose words start at x does so after a stretched space of a justified cell (the other lines' text
       stops short of x): no column starts there (PDF-TABLE-EVEN-SPACES-CELL) */
    if (even_aligned == aligned) return false;
    if (lx1 - lx0 < 15) return false;
    /* the gutter is wider than a word space (justified prose has "rivers") */
    size_t ng = both < 64 ? both : 64;
    qsort(gaps, ng, sizeof *gaps, cmp_dbl);
    if (gaps[ng / 2] < gutter) return false;
    *out = (run){x, a, b};
    return true;
}

static int cmp_run(const void *p, const void *q)
{
    const run *a = p, *b = q;
    if (a->a != b->a) return a->a < b->a ? -1 : 1;
    return a->x < b->x ? -1 : a->x > b->x;
}


/* Column c of region g is a column of row labels (PDF-TABLE-LABEL-COLUMN):
 * it falls silent for two lines or more while another column goes on, and
 * starts again, at least twice ("Goda uppväxtvillkor" beside three goals,
 * then "Hälsosamma levnadsvanor" beside the next three). A text column is
 * read down: it is silent only below its end, so the lines of a column that
 * starts again are the labels of rows (first cells spanning rows), not prose. */
static bool label_column(const pdf_region *g, const pdf_line *const *L, size_t c)
{
    size_t silent = 0, again = 0;
    bool seen = false;
    for (size_t i = g->first; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], c);
        bool other = false;
        for (size_t o = 0; o < g->ncols && !other; o++) {
            pdf_frag fo = pdf_column_frag(g, L[i], o);
            other = o != c && fo.w1 > fo.w0;
        }
        if (f.w1 > f.w0) {
            again += seen && silent >= 2;
            seen = true;
            silent = 0;
        } else if (other) {
            silent++;
        }
    }
    return again >= 2;
}

/* Two wide columns mostly filled to their right edge: prose, not a table. */
static bool is_text_columns(const pdf_region *g, const pdf_line *const *L)
{
    if (g->ncols != 2) return false;
    double x0 = 1e9, x1 = -1e9;
    for (size_t i = g->first; i < g->last; i++) x0 = fmin(x0, L[i]->x0), x1 = fmax(x1, L[i]->x1);
    double w = x1 - x0, b = g->bounds[0];
    if (b - x0 < 0.3 * w || x1 - b < 0.3 * w) return false;
    size_t full[2] = {0, 0}, lines[2] = {0, 0}, words[2] = {0, 0};
    for (size_t i = g->first; i < g->last; i++)
        for (size_t c = 0; c < 2; c++) {
            pdf_frag f = pdf_column_frag(g, L[i], c);
            if (f.w1 <= f.w0) continue;
            lines[c]++;
            words[c] += f.w1 - f.w0;
            double right = c == 0 ? b : x1;
            double left = c == 0 ? x0 : b;
            full[c] += L[i]->words[f.w1 - 1].x1 >= right - 0.2 * (right - left);
        }
    /* prose runs to several words a line; a column of one-word labels is a label/value table's
     * (PDF-TABLE-LABEL-LINES: *Sammanträdesdatum* / *Tid* / *Sammanträdesplats* beside their values) */
    if (words[0] < 2 * lines[0] || words[1] < 2 * lines[1]) return false;
    return full[0] * 2 >= lines[0] && full[1] * 2 >= lines[1] && lines[0] >= 3 && lines[1] >= 3 &&
           !label_column(g, L, 0) && !label_column(g, L, 1) && !pdf_header_row_table(g, L);
}

/* A table of contents set without leaders (PDF-CONTENTS): the last column
 * holds only page numbers, none beyond the document's last page, on at least
 * three lines that have an entry beside them, going down at most once per
 * four lines (a list of figures starts again from its first page). */
static bool contents_from(const pdf_region *g, const pdf_line *const *L, long prev, size_t max)
{
    size_t lines = 0, drops = 0;
    for (size_t i = g->first; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], g->ncols - 1);
        if (f.w1 <= f.w0) continue;
        if (f.w1 - f.w0 != 1 || f.w0 == 0) return false;
        const char *t = L[i]->words[f.w0].text;
        size_t len = strlen(t);
        if (len == 0 || len > 4 || strspn(t, "0123456789") != len) return false;
        long page = strtol(t, NULL, 10);
        if (page < 1 || (size_t)page > max) return false;
        drops += page < prev;
        prev = page;
        lines++;
    }
    return lines >= 3 && drops * 4 <= lines;
}

static bool is_contents(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L)
{
    return contents_from(g, L, 0, r->npages);
}

/* The last page number of contents region g (0: none). */
static long last_page_number(const pdf_region *g, const pdf_line *const *L)
{
    long page = 0;
    for (size_t i = g->first; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], g->ncols - 1);
        if (f.w1 > f.w0) page = strtol(L[i]->words[f.w0].text, NULL, 10);
    }
    return page;
}

/* PDF-CONTENTS-CONTINUED: a contents region goes on below an entry whose page number stands closer to its text than a
 * gutter (*Sammanhållen vård 3*, the number at the column's x): the next two-column region whose boundary is the
 * contents' page-number column (within 1 pt) is the rest of it when its last column holds page numbers that go on
 * from the contents' last one (going down at most once per four lines; the document's page count does not bound
 * them there: a contents list found already names the pages, of an excerpt too), and every line between ends in
 * a page number at that x or stops short of it. */
static size_t contents_continued(const pdf_line *const *L, pdf_region *g, size_t n)
{
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        pdf_region *prev = kept ? &g[kept - 1] : NULL;
        bool merge = prev && prev->contents && prev->ncols == 2 && g[k].ncols == 2 && !g[k].text_columns &&
                     !g[k].contents && !g[k].ruled && fabs(prev->bounds[0] - g[k].bounds[0]) <= 1;
        double x = merge ? prev->bounds[0] : 0;
        for (size_t i = merge ? prev->last : 0; merge && i < g[k].first; i++) {
            const pdf_line *l = L[i];
            const pdf_word *w = l->nwords >= 2 ? &l->words[l->nwords - 1] : NULL;
            merge = l->nwords && (l->x1 < x || (w && fabs(w->x0 - 0.3 - x) <= 1 &&
                                                strspn(w->text, "0123456789") == strlen(w->text)));
        }
        if (merge) merge = contents_from(&g[k], L, last_page_number(prev, L), 9999);
        if (merge)
            prev->last = g[k].last;
        else
            g[kept++] = g[k];
    }
    return kept;
}

/* PDF-TABLE-SPANNING-LINE: line l across the column at x is a row spanning the table (a plan's group row
 * *Invånarna är delaktiga i utvecklingen av välfärden* over its activities, run on past the second column's start
 * in a narrow first column): one run of text from the table's left edge (no gutter in it) that, when xs is given,
 * stops short of a column further right found for the whole region (xs[0..n0)). Such a row does not keep the
 * header from naming the column, nor does it widen the column it starts in (column_rights). */
bool pdf_spanning_line(const pdf_line *l, double edge, double x, const double *xs, size_t n0, double gutter)
{
    if (!l->nwords || l->words[0].x0 > edge + 2) return false;
    for (size_t k = 1; k < l->nwords; k++)
        if (l->words[k].x0 - l->words[k - 1].x1 >= gutter) return false;
    if (!xs) return true;
    for (size_t j = 0; j < n0; j++)
        if (xs[j] > x && l->x1 < xs[j] - gutter) return true;
    return false;
}

/* PDF-TABLE-HEADER-OVERFULL: line l crosses the column starting at x (named by a header label) only by one word
 * too long for the cell left of it: the only word of l between that cell's start px and x starts at px, and the
 * next word starts at x (within 2.5 pt), set over or right after the long word's end (pdfTeX prints an overfull
 * cell over the next column: *Kommunledningskontoret* running into *Genomförd ja/nej*). */
static bool overfull_word(const pdf_line *l, double px, double x)
{
    size_t k = 0;
    while (k < l->nwords && l->words[k].x0 < px - 2.5) k++;
    if (k + 1 >= l->nwords || fabs(l->words[k].x0 - px) > 2.5) return false;
    return fabs(l->words[k + 1].x0 - (x + 0.3)) <= 2.5;
}

/* PDF-TABLE-HEADER-OVERFULL-LONE: line k (below line a) crosses the column starting at x only by its last word, too
 * long for the cell left of it and starting at that cell's start px, and the line set right above it (less than half
 * an em between) has words starting at px and at x: the rest of a cell whose first line is above, printed on over the
 * next column, whose own cell in that row ended on the line above (pdfTeX: *Kultur- och* | *Genomförd ja/nej* over
 * *fritidsförvaltningen*). The line above is a body line, never the header line itself: a row of groff's taken for
 * the header (*TL  HSVO* stretched over *Uppsala*) names no column by its own spaces. */
static bool overfull_lone(const pdf_reader *r, const pdf_line *const *L, size_t a, size_t k, double px, double x)
{
    const pdf_line *l = L[k], *p = k > a + 1 ? L[k - 1] : NULL;
    if (!p || !l->nwords || l->y0 - p->y1 >= 0.5 * r->body_size) return false;
    size_t i = 0;
    while (i < l->nwords && l->words[i].x0 < px - 2.5) i++;
    if (i + 1 != l->nwords || fabs(l->words[i].x0 - px) > 2.5) return false;
    bool at_px = false, at_x = false;
    for (size_t j = 0; j < p->nwords; j++) {
        at_px = at_px || fabs(p->words[j].x0 - px) <= 2.5;
        at_x = at_x || fabs(p->words[j].x0 - (x + 0.3)) <= 2.5;
    }
    return at_px && at_x;
}

/* PDF-TABLE-HEADER-STRETCHED: label q of header line h (lines [a, b)) is the rest of label q - 1 set apart by a
 * justified cell's stretched space (groff: *Nr      i* over *strate-* / *gin*): it starts lower-case, the label
 * before it goes on lower-case on the next line at its own start, and no other line of the region has a word
 * starting between it and the next label: no column starts there. */
static bool stretched_label(const pdf_line *const *L, size_t a, size_t b, const pdf_line *h, const size_t *starts,
                            size_t np, size_t q)
{
    const pdf_word *w = &h->words[starts[q]];
    if (!pdf_starts_lower(w->text) || a + 1 >= b) return false;
    double px = h->words[starts[q - 1]].x0, nx = q + 1 < np ? h->words[starts[q + 1]].x0 : 1e9;
    bool goes_on = false;
    for (size_t k = 0; k < L[a + 1]->nwords && !goes_on; k++)
        goes_on = fabs(L[a + 1]->words[k].x0 - px) <= 2.5 && pdf_starts_lower(L[a + 1]->words[k].text);
    if (!goes_on) return false;
    for (size_t i = a + 1; i < b; i++)
        for (size_t k = 0; k < L[i]->nwords; k++)
            if (L[i]->words[k].x0 >= w->x0 - 0.5 && L[i]->words[k].x0 < nx - COL_SLACK) return false;
    return true;
}

/* Columns named by a header row: the region's first line, all bold or made
 * of short labels (≤ 3 words) separated by gutters, starts a column at each
 * label that no line of the region crosses and where every line with text
 * on both sides has a gutter. A column that is empty in every other row
 * ("Namn | Ja | Nej | Avstår" over rows with only Ja filled) stays a column.
 * above: the header's first line when line a is its second (PDF-TABLE-HEADER-FOOT): then only a label with no
 * word of that line over it names a column. */
static void header_bounds(const pdf_reader *r, const pdf_line *const *L, size_t a, size_t b, double *xs, size_t *nx,
                          const pdf_line *above)
{
    double gutter = pdf_gutter(r);
    const pdf_line *h = L[a];
    if (b - a < 2 || h->nwords < 2) return;
    size_t starts[MAX_BOUNDS + 1], np = 0, words = 0;
    bool labels = true;
    for (size_t k = 0; k < h->nwords; k++) {
        if (k == 0 || h->words[k].x0 - h->words[k - 1].x1 >= gutter) {
            if (np > MAX_BOUNDS) return;
            starts[np++] = k;
            words = 0;
        }
        labels = labels && ++words <= 3;
    }
    if (np < 2 || !(h->bold || labels)) return;
    /* the header's columns need be free only down to the table's foot: a
     * line below it that crosses a column already found is running text
     * after the table ("Med 31 ja-röster mot 14 nej-röster ...") */
    size_t n0 = *nx;
    for (size_t k = a + 1; k < b; k++) {
        bool across = false;
        for (size_t j = 0; j < n0 && !across; j++) across = pdf_line_crosses(L[k], xs[j]);
        if (across) {
            b = k;
            break;
        }
    }
    double edge = 1e9;
    for (size_t k = a; k < b; k++) edge = fmin(edge, L[k]->x0);
    for (size_t q = 1; q < np; q++) {
        double x = h->words[starts[q]].x0 - 0.3;
        bool dup = false;
        for (size_t j = 0; j < *nx && !dup; j++) dup = fabs(xs[j] - x) < 3;
        if (dup || *nx >= MAX_BOUNDS) continue;
        double px = h->words[starts[q - 1]].x0;
        if (stretched_label(L, a, b, h, starts, np, q)) continue;
        bool under = false;
        double qx1 = h->words[(q + 1 < np ? starts[q + 1] : h->nwords) - 1].x1;
        for (size_t k = 0; above && k < above->nwords && !under; k++)
            under = above->words[k].x0 < qx1 && above->words[k].x1 > x;
        if (under) continue;
        bool free_col = true;
        for (size_t k = a + 1; k < b && free_col; k++)
            free_col = !(pdf_line_crosses(L[k], x) || (has_left(L[k], x) && has_right(L[k], x) && gap_at(L[k], x) < gutter)) ||
                       pdf_spanning_line(L[k], edge, x, xs, n0, gutter) || overfull_word(L[k], px, x) ||
                       overfull_lone(r, L, a, k, px, x);
        if (free_col) xs[(*nx)++] = x;
    }
}

/* A narrow first column of item numbers in a table of three or more columns
 * (PDF-TABLE-UNRULED-ROWS: "1 | Införa ... | Goda uppväxtvillkor | ..."): at
 * least three lines start with a number of 1-4 digits followed by a gutter,
 * the words after it all start at one x, and no line of the region crosses
 * that x or has a word space there. Too narrow for a column run (grow), and
 * with no header row to name it on a page the table runs on to. */
static void number_bound(const pdf_reader *r, const pdf_line *const *L, size_t a, size_t b, double *xs, size_t *nx)
{
    double gutter = pdf_gutter(r), x = -1;
    size_t hits = 0;
    if (*nx < 2 || *nx >= MAX_BOUNDS) return;
    for (size_t k = a; k < b; k++) {
        const pdf_line *l = L[k];
        if (l->nwords < 2 || l->words[0].x0 >= xs[0]) continue;
        const char *t = l->words[0].text;
        size_t len = strlen(t);
        if (len == 0 || len > 4 || strspn(t, "0123456789") != len) continue;
        double nx0 = l->words[1].x0;
        if (nx0 - l->words[0].x1 < gutter || nx0 >= xs[0]) continue;
        if (x >= 0 && fabs(nx0 - 0.3 - x) > 2) return;
        x = nx0 - 0.3;
        hits++;
    }
    if (hits < 3) return;
    for (size_t j = 0; j < *nx; j++)
        if (fabs(xs[j] - x) < 3) return;
    for (size_t k = a; k < b; k++)
        if (pdf_line_crosses(L[k], x) || (has_left(L[k], x) && has_right(L[k], x) && gap_at(L[k], x) < gutter)) return;
    xs[(*nx)++] = x;
}

/* PDF-TABLE-HEADER-LABEL-X: word k of l starts where the header's label does (s), set apart from any word before
 * it by a gutter: a cell's start under its label (Word's list marker in a summary table's delmål cell, *➢⇥Mål 1.1 …*,
 * its text at the boundary after the tab; a cell of only *–*), no word of the column before. */
static bool starts_at_label(const pdf_reader *r, const pdf_line *l, size_t k, double s)
{
    return fabs(l->words[k].x0 - s) <= COL_SLACK && (k == 0 || l->words[k].x0 - l->words[k - 1].x1 >= pdf_gutter(r));
}

/* PDF-TABLE-HEADER-INDENT: the line right above table g (not before line from) is its header row when it is one
 * short label (at most three words) a column, parted by gutters, set directly above it (less than half a line
 * between), the first label at the table's left edge and each other starting at most 3 em left of its column's
 * start, past the column before it: the column's text is indented from its label (a cell's bullets, *Mål* over
 * *•  1.1 Riskbruket …*), so the label crosses the column's start and no run of lines took it in. Each such
 * column then starts at its label when no line of the table has a word between the label's start and the
 * column's; g takes the line in. */
static void header_above(pdf_reader *r, const pdf_line *const *L, size_t from, pdf_region *g)
{
    if (g->first <= from || g->ncols < 2) return;
    const pdf_line *h = L[g->first - 1];
    double gutter = pdf_gutter(r), edge = 1e9;
    for (size_t i = g->first; i < g->last; i++) edge = fmin(edge, L[i]->x0);
    double gap = vgap(h, L[g->first]);
    if (gap > 1.2 * r->body_size || fabs(h->size - L[g->first]->size) > 1 || fabs(h->x0 - edge) > 2)
        return;
    size_t starts[MAX_BOUNDS + 2], np = 0, words = 0;
    for (size_t k = 0; k < h->nwords; k++) {
        if (k == 0 || h->words[k].x0 - h->words[k - 1].x1 >= gutter) {
            if (np == g->ncols) return;
            starts[np++] = k;
            words = 0;
        }
        if (++words > 3) return;
    }
    if (np != g->ncols) return;
    double nb[MAX_BOUNDS + 1];
    bool moved = false;
    for (size_t c = 1; c < np; c++) {
        double s = h->words[starts[c]].x0, b = g->bounds[c - 1], prev = c > 1 ? g->bounds[c - 2] : edge;
        double end = h->words[starts[c] - 1].x1;
        if (s > b + COL_SLACK || s < b - 3 * r->body_size || s <= prev || end > b) return;
        nb[c - 1] = b;
        if (s >= b - COL_SLACK) continue;
        for (size_t i = g->first; i < g->last; i++)
            for (size_t k = 0; k < L[i]->nwords; k++)
                if (L[i]->words[k].x1 > s - 0.3 && L[i]->words[k].x0 < b - COL_SLACK &&
                    !starts_at_label(r, L[i], k, s))
                    return;
        nb[c - 1] = s - 0.3;
        moved = true;
    }
    if (!moved) return;
    if (gap > 0.5 * r->body_size) {
        /* PDF-TABLE-HEADER-RULED: set further off (a header row's padding), a rule under the labels across the
         * table says they are its header (the text above decided first: the render is the last test) */
        double x1 = h->x1;
        for (size_t i = g->first; i < g->last; i++) x1 = fmax(x1, L[i]->x1);
        pdf_ink *ink = pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), edge, h->y1, x1,
                                    L[g->first]->y0);
        if (!pdf_ink_hrule(ink, edge, x1, h->y1, L[g->first]->y0, 0.9)) return;
    }
    for (size_t c = 0; c + 1 < np; c++) g->bounds[c] = nb[c];
    g->first--;
}

/* PDF-TABLE-HEADER-TOP-LINE: the line right above table g (not before line from) is the first line of its header
 * row when the header's cells are set to the row's foot (pdfTeX: *Ansvarig* over *verksamhet*, beside one-line
 * *Aktivitet*): set directly above the table's first line (less than half a line between, the same size), it
 * leaves the first column empty, and each of its labels (at most three words) starts at its column's start and
 * stays inside the column. g takes the line in, and the header row its two lines. */
static void header_top_line(const pdf_reader *r, const pdf_line *const *L, size_t from, pdf_region *g)
{
    if (g->first <= from || g->ncols < 3) return;
    const pdf_line *h = L[g->first - 1], *f = L[g->first];
    if (vgap(h, f) > 0.5 * r->body_size || vgap(h, f) < 0 || fabs(h->size - f->size) > 1 || h->bold != f->bold)
        return;
    if (h->x0 < g->bounds[0] - COL_SLACK) return;   /* the first column is empty */
    double gutter = pdf_gutter(r);
    size_t words = 0;
    for (size_t k = 0; k < h->nwords; k++) {
        double x0 = h->words[k].x0;
        if (pdf_line_crosses(h, x0 - 0.3)) return;
        size_t c = 0;
        while (c + 1 < g->ncols && x0 >= g->bounds[c] - COL_SLACK) c++;
        double hi = c + 1 < g->ncols ? g->bounds[c] : 1e9;
        if (h->words[k].x1 > hi) return;             /* inside its column */
        if (k == 0 || x0 - h->words[k - 1].x1 >= gutter || x0 >= g->bounds[c - 1] - COL_SLACK) {
            bool label_start = k == 0 || h->words[k - 1].x1 < g->bounds[c - 1];
            if (!label_start) continue;
            if (fabs(x0 - g->bounds[c - 1]) > 2.5) return; /* at its column's start */
            words = 0;
        }
        if (++words > 3) return;
    }
    /* the table's first line is a header line too: a label in each column it fills */
    for (size_t k = 0; k < f->nwords; k++) {
        size_t n = 1;
        while (k + 1 < f->nwords && f->words[k + 1].x0 - f->words[k].x1 < gutter) k++, n++;
        if (n > 3) return;
    }
    g->first--;
}

/* A word ending in sentence punctuation (. , ;): no part of a label. */
static bool punctuated(const char *t)
{
    size_t len = strlen(t);
    return len && strchr(".,;", t[len - 1]);
}

/* PDF-LINE-WRAPPED-LABEL: line i is a label and its value parted by one gutter, and the label wraps onto the
 * next line(s) beside nothing (pdfTeX's label column: *Sammanträdesplats och* | *Församlingshemmet, 2023-01-09 kl.
 * 18.00–19.19* over *tid*): a label of at most three words at the body's size, starting upper-case, none ending
 * in . , or ; (a sentence's words), and one or two lines under it set close (a wrapped line's spacing), at its
 * left edge, starting lower-case, of at most two such words and ending a gutter short of the value.
 * Read as a line, the label's end came after the value (*… 18.00–19.19 tid*); the lines are a one-row table of
 * two columns instead, as the label/value rows of other producers are. Returns how many lines from i (0: none). */
static size_t wrapped_label(const pdf_reader *r, const pdf_line *const *L, size_t n, size_t i, double *bound)
{
    const pdf_line *l = L[i];
    double gutter = pdf_gutter(r);
    size_t split = 0;
    for (size_t k = 1; k < l->nwords; k++)
        if (l->words[k].x0 - l->words[k - 1].x1 >= gutter) {
            if (split) return 0;
            split = k;
        }
    if (!split || split > 3 || fabs(l->size - r->body_size) > 1 || !pdf_starts_upper(l->words[0].text)) return 0;
    for (size_t k = 0; k < split; k++)
        if (punctuated(l->words[k].text)) return 0;
    double vx = l->words[split].x0;
    size_t e = i + 1;
    while (e < n && e - i <= 2) {
        const pdf_line *c = L[e];
        const pdf_line *p = L[e - 1];
        bool punct = false;
        for (size_t k = 0; k < c->nwords; k++) punct = punct || punctuated(c->words[k].text);
        if (!c->nwords || c->nwords > 2 || punct || fabs(c->x0 - l->x0) > 2 || c->x1 > vx - gutter ||
            c->y0 - p->y1 > 0.45 * c->size || fabs(c->size - l->size) > 0.5 || c->bold != l->words[0].bold ||
            !pdf_starts_lower(c->words[0].text))
            break;
        e++;
    }
    if (e == i + 1) return 0;
    *bound = vx - 0.3;
    return e - i;
}

/* Regions g (*nout of them, in order) with the wrapped labels found among the lines outside them added in order
 * (PDF-LINE-WRAPPED-LABEL); arena array. */
static pdf_region *wrapped_labels(pdf_reader *r, const pdf_line *const *L, size_t n, pdf_region *g, size_t *nout)
{
    pdf_region *out = NULL;
    size_t m = 0, k = 0;
    for (size_t i = 0; i < n; i++) {
        while (k < *nout && g[k].last <= i) k++;
        if (k < *nout && g[k].first <= i) continue;
        double bound;
        size_t len = wrapped_label(r, L, n, i, &bound);
        if (!len || (k < *nout && i + len > g[k].first)) continue;
        if (!out) {
            out = samla_arena_alloc(r->ctx->arena, (*nout + n) * sizeof *out);
            if (!out) return g;
        }
        pdf_region reg = {.first = i, .last = i + len, .ncols = 2};
        reg.bounds[0] = bound;
        out[m++] = reg;
        i += len - 1;
    }
    if (!out) return g;
    /* merge the found ones (out[0..m)) with g by first line */
    pdf_region *all = samla_arena_alloc(r->ctx->arena, (*nout + m) * sizeof *all);
    if (!all) return g;
    size_t a = 0, b = 0, t = 0;
    while (a < *nout || b < m) all[t++] = b >= m || (a < *nout && g[a].first < out[b].first) ? g[a++] : out[b++];
    *nout = t;
    return all;
}

/* A table region: no text columns, contents or orphan header. */
static bool is_table(const pdf_region *g) { return g->ncols >= 2 && !g->text_columns && !g->contents && !g->header_only; }

/* Line l keeps to the columns of table g, whose left edge is `edge`: each of its runs of words (parted by a
 * gutter) starts at the edge or at a column's start; *runs their count, *span whether its last run spans
 * columns (PDF-TABLE-SPAN-CELL). */
static bool keeps_columns(const pdf_reader *r, const pdf_region *g, const pdf_line *l, double edge, size_t *runs,
                          bool *span)
{
    double gutter = pdf_gutter(r);
    *runs = 0;
    for (size_t k = 0; k < l->nwords; k++) {
        if (k > 0 && l->words[k].x0 - l->words[k - 1].x1 < gutter) continue;
        double x = l->words[k].x0;
        bool at = fabs(x - edge) <= 2;
        for (size_t c = 0; c + 1 < g->ncols && !at; c++) at = fabs(x - g->bounds[c]) <= 2.5;
        if (!at) return false;
        (*runs)++;
    }
    *span = pdf_span_line(r, g, l, edge, NULL, NULL);
    return *runs > 0;
}

/* The widest clear band across regions a and b (either may be NULL): the space between two rows. */
static double row_spacing(const pdf_reader *r, const pdf_line *const *L, const pdf_region *a, const pdf_region *b)
{
    double most = -1e9;
    for (int q = 0; q < 2; q++) {
        const pdf_region *g = q ? b : a;
        double bottom = g ? L[g->first]->y1 : 0;
        for (size_t i = g ? g->first + 1 : 0; g && i < g->last; i++) {
            most = fmax(most, L[i]->y0 - bottom);
            bottom = fmax(bottom, L[i]->y1);
        }
    }
    return most > -1e9 ? most : 0.5 * r->body_size;
}

/* The left edge of table g. */
static double table_edge(const pdf_line *const *L, const pdf_region *g)
{
    double edge = 1e9;
    for (size_t i = g->first; i < g->last; i++) edge = fmin(edge, L[i]->x0);
    return edge;
}

/* Regions g and h have the same columns (within 3 pt). */
static bool same_columns(const pdf_region *g, const pdf_region *h)
{
    if (g->ncols != h->ncols) return false;
    for (size_t c = 0; c + 1 < g->ncols; c++)
        if (fabs(g->bounds[c] - h->bounds[c]) > 3) return false;
    return true;
}

/* PDF-TABLE-REPEATED-HEADER-ROWS: a table continued on the next page under its header row repeated at the top
 * (pdfTeX's longtable, Word's and LibreOffice's repeated heading rows) goes on under that header even where its
 * rows give the column search nothing to hold (pandoc's narrow first column setting a spanning cell a word a line,
 * *Delmål* / *3.2* / *Huvudmännen* / …, its words running over the next column's start; a row of one cell
 * spanning all). A region of the header row alone (found by its rules, PDF-TABLE-BOXED-ROW) that repeats the open
 * table's header in its columns takes in the lines under it that keep to its columns at the same size, the first
 * within 1.2 em of the header (its rule between), each other within half a line of the one above (a row's
 * spacing, no paragraph space: the text under the table or a heading is set further off), up to the next region. */
static void repeated_header_rows(pdf_reader *r, const pdf_line *const *L, size_t n, pdf_region *g, size_t k,
                                 size_t nout)
{
    pdf_region *cur = &g[k];
    if (cur->last != cur->first + 1 || !pdf_repeats_open_header(r, cur, L)) return;
    double edge = table_edge(L, cur);
    size_t till = k + 1 < nout ? g[k + 1].first : n, runs, i = cur->last;
    bool span;
    for (; i < till; i++) {
        double lim = (i == cur->last ? 1.2 : 0.5) * r->body_size;
        if (!keeps_columns(r, cur, L[i], edge, &runs, &span) || vgap(L[i - 1], L[i]) > lim ||
            fabs(L[i]->size - L[cur->first]->size) > 1)
            break;
    }
    cur->last = i;
}

/* PDF-TABLE-SPAN-BRIDGE: a table's rows of one cell spanning columns (PDF-TABLE-SPAN-CELL) cross every column
 * boundary, so the boundary runs stop at them and the table falls apart into its header, the spanning rows and
 * the rows between. Lines that keep to a table's columns, one of them a spanning line, set no further apart
 * than the table's rows are from one another, join it: up to four lines between two tables of the same
 * columns (one table again); or at its top, when the topmost is a header line with a run at every column; or
 * at its foot, when the lowest is a row with two runs or more (*–* | *Inga aktiviteter planeras*), or when they
 * end the page (the table goes on overleaf). Spanning lines that end a table before more text on its page,
 * with no row of cells under them, are text under it. */
static pdf_region *span_bridges(pdf_reader *r, const pdf_line *const *L, size_t n, pdf_region *g, size_t *nout)
{
    size_t kept = 0;
    for (size_t k = 0; k < *nout; k++) {
        pdf_region *cur = &g[k], *prev = kept ? &g[kept - 1] : NULL;
        if (!is_table(cur)) {
            g[kept++] = *cur;
            continue;
        }
        repeated_header_rows(r, L, n, g, k, *nout);
        double edge = table_edge(L, cur);
        size_t from = prev ? prev->last : 0, runs;
        bool span, any = false;
        /* lines above, nearest first */
        size_t top = cur->first;
        bool joined = prev && is_table(prev) && same_columns(prev, cur) && cur->first - prev->last <= 4;
        double lim = row_spacing(r, L, joined ? prev : NULL, cur) + 0.5 * r->body_size;
        while (top > from && cur->first - top < 4) {
            const pdf_line *l = L[top - 1];
            if (!keeps_columns(r, cur, l, edge, &runs, &span) ||
                vgap(l, L[top]) > lim)
                break;
            any = any || span;
            top--;
        }
        bool merged = joined && top == prev->last && any && vgap(L[prev->last - 1], L[top]) <= lim;
        if (merged) {
            prev->last = cur->last; /* one table again */
            cur = prev;
        } else {
            /* at the top: a header line over spanning lines */
            size_t best = cur->first;
            any = false;
            for (size_t t = cur->first; t > top; t--) {
                keeps_columns(r, cur, L[t - 1], edge, &runs, &span);
                if (span) any = true;
                if (any && runs == cur->ncols && !span) best = t - 1;
            }
            cur->first = best;
        }
        /* at the foot: spanning lines over a row of cells, or at the foot of the page (the table goes on overleaf) */
        size_t till = k + 1 < *nout ? g[k + 1].first : n, bot = cur->last;
        lim = row_spacing(r, L, cur, NULL) + 0.5 * r->body_size;
        any = false;
        size_t i = cur->last;
        for (; i < till && i < cur->last + 4; i++) {
            if (!keeps_columns(r, cur, L[i], edge, &runs, &span) || vgap(L[i - 1], L[i]) > lim) break;
            any = any || span;
            if (any && runs >= 2) bot = i + 1;
        }
        if (any && i == n) bot = n;
        cur->last = bot;
        /* a spanning line under the table's last row of cells, before more text on the page, heads no rows: text
         * under the table (*Omröstningsresultat: 3 ja-röster, ...* under a voting list) */
        size_t t = cur->last;
        while (t > cur->first + 1 && keeps_columns(r, cur, L[t - 1], edge, &runs, &span) && runs == 1 &&
               L[t - 1]->x0 <= edge + 2)
            t--;
        size_t c0;
        if (cur->last < n && t < cur->last && pdf_span_line(r, cur, L[t], edge, &c0, NULL) && c0 == 0) cur->last = t;
        /* PDF-TABLE-SPAN-TAIL: the same when one label of the first column alone (three words at most) stands
         * between the last row of cells and the spanning line (a voting list's *Summa* row, then *Reservationer* over
         * *Tove Sundberg (m) reserverar sig …*: groff's tbl sets no rule under the table, and a later column's
         * boundary runs on beside the short lines below) */
        else if (cur->last < n && t + 1 < cur->last && L[t]->nwords <= 3 &&
                 pdf_span_line(r, cur, L[t + 1], edge, &c0, NULL) && c0 == 0)
            cur->last = t;
        if (!merged) g[kept++] = *cur;
    }
    *nout = kept;
    return g;
}

pdf_region *pdf_find_regions(pdf_reader *r, const pdf_line *const *L, size_t n, size_t *nout)
{
    *nout = 0;
    size_t cap = 64, nr = 0;
    run *runs = malloc(cap * sizeof *runs);
    if (!runs || !n) {
        free(runs);
        return NULL;
    }
    double minx = 1e9;
    for (size_t i = 0; i < n; i++) minx = fmin(minx, L[i]->x0);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 1; k < L[i]->nwords; k++) {
            double x = L[i]->words[k].x0 - 0.3;
            if (x <= minx + 2) continue;
            bool known = false;
            for (size_t q = 0; q < nr && !known; q++) known = fabs(runs[q].x - x) < 3 && i >= runs[q].a && i < runs[q].b;
            run ru;
            if (known || !grow(r, L, n, i, x, &ru)) continue;
            if (nr == cap) {
                run *nruns = realloc(runs, (cap *= 2) * sizeof *runs);
                if (!nruns) break;
                runs = nruns;
            }
            runs[nr++] = ru;
        }
    }
    qsort(runs, nr, sizeof *runs, cmp_run);
    size_t gcap = 2 * nr + 8; /* the regions: one a run at most, PDF-TABLE-STACKED adding runs up to this */
    pdf_region *g = samla_arena_alloc(r->ctx->arena, gcap * sizeof *g);
    if (!g) {
        free(runs);
        return NULL;
    }
    for (size_t q = 0; q < nr;) {
        size_t a = runs[q].a, b = runs[q].b, e = q + 1;
        while (e < nr && runs[e].a < b) b = runs[e].b > b ? runs[e].b : b, e++;
        /* PDF-TABLE-STACKED: two tables of different columns, one right under the other (a front table *Mötesdatum |
         * Tid för sammanträdet | Plats* over label rows or an attendance table of two columns): a boundary of the
         * lower one runs on up through the upper one, and the upper one's own boundaries, too short for the
         * whole, would be dropped. Two boundaries or more that start at the region's top and end at one line s
         * above its foot cut it there: each run across s is split at s, and a part without two lines that start a
         * word at its x (a label column's boundary beside the upper table's cells) is no boundary of its part. */
        size_t s_end = 0, nshort = 0;
        for (size_t k = q; k < e; k++) {
            if ((runs[k].b - runs[k].a) * 2 >= b - a || runs[k].a != a || runs[k].b >= b) continue;
            /* a run at the x of a longer one (seeded from another line) is that boundary, not a short one */
            bool longer = false;
            for (size_t o = q; o < e && !longer; o++)
                longer = fabs(runs[o].x - runs[k].x) < 3 && runs[o].b - runs[o].a > runs[k].b - runs[k].a;
            if (longer) continue;
            if (!nshort || runs[k].b == s_end) s_end = runs[k].b, nshort++;
            else if (runs[k].b != s_end) nshort = 0, s_end = 0;
        }
        /* the lower table's boundaries are all the upper one's run on: a boundary of its own that starts at s or
         * below is a table whose rows change their columns (a ruled table's second row group), left whole */
        for (size_t k = q; k < e && nshort >= 2; k++)
            if (runs[k].a >= s_end) nshort = 0;
        size_t added = 0;
        for (size_t k = q; k < e && nshort >= 2; k++) added += runs[k].a < s_end && runs[k].b > s_end;
        if (nshort >= 2 && s_end > a + 1 && nr + added <= gcap) { /* else no room: left whole */
            run *more = realloc(runs, (nr + added + 1) * sizeof *runs);
            if (more) {
                runs = more;
                size_t m = nr;
                double gut = pdf_gutter(r);
                for (size_t k = q; k < e; k++) {
                    if (!(runs[k].a < s_end && runs[k].b > s_end)) continue;
                    runs[m++] = (run){runs[k].x, s_end, runs[k].b};
                    runs[k].b = s_end;
                }
                /* parts whose x no two of their lines start a word at are no boundaries */
                size_t w = q;
                for (size_t k = q; k < m; k++) {
                    size_t al = 0;
                    for (size_t i = runs[k].a; i < runs[k].b; i++) al += aligned_at(L[i], runs[k].x, gut);
                    if (k >= e && k < nr) { runs[w++] = runs[k]; continue; } /* runs of later regions stay */
                    if (al >= 2 && runs[k].b - runs[k].a >= 2) runs[w++] = runs[k];
                }
                nr = w;
                qsort(runs + q, nr - q, sizeof *runs, cmp_run);
                continue;
            }
        }
        pdf_region *reg = &g[*nout];
        *reg = (pdf_region){.first = a, .last = b, .ncols = 1};
        double xs[MAX_BOUNDS];
        size_t nx = 0;
        for (size_t k = q; k < e; k++) {
            if ((runs[k].b - runs[k].a) * 2 < b - a) continue;
            bool dup = false;
            for (size_t j = 0; j < nx && !dup; j++) dup = fabs(xs[j] - runs[k].x) < 3;
            if (!dup && nx < MAX_BOUNDS) xs[nx++] = runs[k].x;
        }
        qsort(xs, nx, sizeof *xs, cmp_dbl);
        for (size_t j = 0; j < nx; j++) reg->bounds[j] = xs[j];
        reg->ncols = nx + 1;
        q = e;
        if (nx == 0) continue;
        reg->text_columns = is_text_columns(reg, L) || pdf_list_columns(r, reg, L);
        /* two-column text continued from an earlier page: keep only its gutter */
        for (size_t j = 0; j < nx && !reg->text_columns && r->column_bound > 0; j++)
            if (fabs(xs[j] - r->column_bound) <= 6) {
                reg->ncols = 2;
                reg->bounds[0] = xs[j];
                reg->text_columns = true;
            }
        reg->contents = !reg->text_columns && is_contents(r, reg, L);
        if (!reg->text_columns && !reg->contents) {
            header_bounds(r, L, a, b, xs, &nx, NULL);
            /* a header row of two lines whose first leaves the first column
             * empty (labels set to the row's foot, "Koppling till" over
             * "Nr | Insats | strategin"): its second line names columns too */
            double lx = 1e9, hg = pdf_gutter(r);
            for (size_t k = a; k < b; k++) lx = fmin(lx, L[k]->x0);
            if (b - a > 2 && L[a]->x0 > lx + hg && L[a + 1]->x0 < lx + 2 && L[a + 1]->bold == L[a]->bold &&
                vgap(L[a], L[a + 1]) < 0.5 * r->body_size)
                header_bounds(r, L, a + 1, b, xs, &nx, NULL);
            /* PDF-TABLE-HEADER-FOOT: a header of two lines set to the row's foot (pdfTeX: *Nr i* and *Ansvarig* over
               *strategin  Aktiviteter  verksamhet  Uppföljning  När*): a label of the second line with nothing of
               the first over it names a column too */
            else if (b - a > 2 && L[a + 1]->bold == L[a]->bold && vgap(L[a], L[a + 1]) < 0.5 * r->body_size)
                header_bounds(r, L, a + 1, b, xs, &nx, L[a]);
            qsort(xs, nx, sizeof *xs, cmp_dbl);
            number_bound(r, L, a, b, xs, &nx);
            qsort(xs, nx, sizeof *xs, cmp_dbl);
            for (size_t j = 0; j < nx; j++) reg->bounds[j] = xs[j];
            reg->ncols = nx + 1;
            reg->text_columns = pdf_flow_columns(r, reg, L, n, *nout ? g[*nout - 1].last : 0, false);
            if (!reg->text_columns) header_above(r, L, *nout ? g[*nout - 1].last : 0, reg);
            if (!reg->text_columns) header_top_line(r, L, *nout ? g[*nout - 1].last : 0, reg);
        }
        (*nout)++;
    }
    free(runs);
    /* a two-column block whose boundary is the gutter of text columns found
     * on the same page is more of them when nothing rules it (PDF-TEXT-COLUMNS-FLOW) */
    for (size_t k = 0; k < *nout; k++) {
        if (!g[k].text_columns || g[k].ncols != 2) continue;
        for (size_t j = 0; j < *nout; j++)
            if (!g[j].text_columns && !g[j].contents && g[j].ncols == 2 &&
                fabs(g[j].bounds[0] - g[k].bounds[0]) <= 6)
                g[j].text_columns = pdf_flow_columns(r, &g[j], L, n, j ? g[j - 1].last : 0, true);
    }
    /* text columns of one gutter with only lines that keep the gutter free
     * between them (a heading in one column) are one pair of columns: the
     * left column is read down the whole stretch before the right */
    double gutter = pdf_gutter(r);
    size_t kept = 0;
    for (size_t k = 0; k < *nout; k++) {
        pdf_region *prev = kept ? &g[kept - 1] : NULL;
        bool merge = prev && prev->text_columns && g[k].text_columns && prev->ncols == 2 && g[k].ncols == 2 &&
                     fabs(prev->bounds[0] - g[k].bounds[0]) <= 6;
        for (size_t i = merge ? prev->last : 0; merge && i < g[k].first; i++)
            merge = !pdf_line_crosses(L[i], prev->bounds[0]) &&
                    !(has_left(L[i], prev->bounds[0]) && has_right(L[i], prev->bounds[0]) &&
                      gap_at(L[i], prev->bounds[0]) < gutter);
        if (merge)
            prev->last = g[k].last;
        else
            g[kept++] = g[k];
    }
    *nout = contents_continued(L, g, kept);
    g = pdf_boxed_rows(r, L, n, g, nout);
    g = pdf_orphan_header(r, L, n, g, nout);
    g = wrapped_labels(r, L, n, g, nout);
    return span_bridges(r, L, n, g, nout);
}

/* Line l lies in ruled table u: its middle inside the outline, and its
 * words mostly between the outline's sides. */
static bool in_ruled(const pdf_ruled *u, const pdf_line *l)
{
    double mid = (l->y0 + l->y1) / 2;
    return mid > u->y0 && mid < u->y1 && l->x0 >= u->x0 - 2 && l->x1 <= u->x1 + 2;
}

pdf_region *pdf_page_regions(pdf_reader *r, const pdf_page *p, const pdf_line *const *L, size_t n, size_t *nout)
{
    if (!p->nruled) return pdf_find_regions(r, L, n, nout);
    *nout = 0;
    size_t cap = 8, at = 0;
    pdf_region *out = samla_arena_alloc(r->ctx->arena, cap * sizeof *out);
    if (!out) return NULL;
    while (at <= n) {
        /* the next ruled table: a run of lines inside one */
        size_t a = at, b = at;
        const pdf_ruled *u = NULL;
        for (; a < n && !u; a++)
            for (size_t k = 0; k < p->nruled && !u; k++)
                if (in_ruled(&p->ruled[k], L[a])) u = &p->ruled[k];
        if (u) {
            a--;
            b = a;
            while (b < n && in_ruled(u, L[b])) b++;
        } else {
            a = b = n;
        }
        /* the word-found regions between */
        size_t ng = 0;
        pdf_region *g = a > at ? pdf_find_regions(r, L + at, a - at, &ng) : NULL;
        if (*nout + ng + 1 > cap) {
            size_t nc = 2 * (*nout + ng + 1);
            pdf_region *more = samla_arena_alloc(r->ctx->arena, nc * sizeof *more);
            if (!more) return NULL;
            memcpy(more, out, *nout * sizeof *out);
            out = more, cap = nc;
        }
        for (size_t k = 0; k < ng; k++) {
            out[*nout] = g[k];
            out[*nout].first += at;
            out[*nout].last += at;
            (*nout)++;
        }
        if (!u) break;
        pdf_region *reg = &out[(*nout)++];
        *reg = (pdf_region){.first = a, .last = b, .ncols = u->ncols, .ruled = u};
        memcpy(reg->bounds, u->bounds, sizeof reg->bounds);
        at = b;
    }
    return out;
}
