/* tables.c: multi-column regions (tables and two-column text) from the text
 * layer alone.
 *
 * A column boundary is an x position that no word crosses over a run of
 * consecutive lines (no large vertical gap inside) and at which several of
 * those lines start a word (left-aligned column). Runs of boundaries that
 * overlap form a region. A region of two wide columns filled with prose is
 * read as text columns, as are two columns of list items or of short lines
 * that flow independently without rules (columns.c); text columns of one
 * gutter on a page are read as one pair; any other region is a table. Table rows start at a
 * vertical gap larger than the line spacing inside the table where the first
 * column has text, or at a narrower band with a rule drawn across it; rows
 * set without spacing are split where a column that had ended starts again,
 * or where cells start afresh (PDF-TABLE-TIGHT-ROWS, PDF-TABLE-UNRULED-ROWS).
 * A table whose next page starts with a table of the same columns continues
 * (a repeated header row is dropped). A column that starts again after two
 * silent lines, twice, holds row labels, so its block is no text columns
 * (PDF-TABLE-LABEL-COLUMN); a rule across the columns right of the first
 * starts a row under a first cell spanning rows (PDF-TABLE-ROWSPAN-RULE);
 * bold header lines over plain ones are a row (PDF-TABLE-HEADER-BOLD); a
 * first cell set vertically centred beside its rows spans them
 * (PDF-TABLE-CENTRED-LABEL, PDF-TABLE-CENTRED-GROUPS). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

#define MAX_BOUNDS 15
/* A word starting this little left of a column's start is in that column:
 * pdfTeX sets a parenthesis or a digit a fraction of a point left of the
 * edge its letters start at ("(v)" under "Jonas Åberg (m) och Nora Lindahl"). */
#define COL_SLACK 1.0

typedef struct run {
    double x;
    size_t a, b;
} run;

static bool crosses(const pdf_line *l, double x)
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
    if (crosses(l, x)) return true;
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
 * kan …*, their spaces lining up by chance). A table row's gutter is wider than its cells' word spaces. */
static bool even_spaces(const pdf_line *l)
{
    if (l->nwords < 5) return false;
    double lo = 1e9, hi = -1e9;
    for (size_t i = 1; i < l->nwords; i++) {
        double g = l->words[i].x0 - l->words[i - 1].x1;
        lo = fmin(lo, g), hi = fmax(hi, g);
    }
    return hi - lo <= 0.05 * l->size;
}

/* Grows the run of lines around seed line i that keep x free. */
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
           !(L[b]->bold && !L[b - 1]->bold))
        b++;
    while (a < i && !(has_left(L[a], x) && has_right(L[a], x) && gap_at(L[a], x) >= gutter)) a++;
    if (b - a < 2) return false;
    size_t aligned = 0, right = 0, labels = 0, both = 0, even = 0;
    double lx0 = 1e9, lx1 = -1e9, gaps[64];
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
            even += even_spaces(L[k]);
        }
    }
    if (aligned < 2 || aligned * 4 < right || both < 2 || labels * 2 > both || even == both) return false;
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
           !label_column(g, L, 0) && !label_column(g, L, 1);
}

/* A table of contents set without leaders (PDF-CONTENTS): the last column
 * holds only page numbers, none beyond the document's last page, on at least
 * three lines that have an entry beside them, going down at most once per
 * four lines (a list of figures starts again from its first page). */
static bool is_contents(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L)
{
    size_t lines = 0, drops = 0;
    long prev = 0;
    for (size_t i = g->first; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], g->ncols - 1);
        if (f.w1 <= f.w0) continue;
        if (f.w1 - f.w0 != 1 || f.w0 == 0) return false;
        const char *t = L[i]->words[f.w0].text;
        size_t len = strlen(t);
        if (len == 0 || len > 4 || strspn(t, "0123456789") != len) return false;
        long page = strtol(t, NULL, 10);
        if (page < 1 || (size_t)page > r->npages) return false;
        drops += page < prev;
        prev = page;
        lines++;
    }
    return lines >= 3 && drops * 4 <= lines;
}

/* PDF-TABLE-SPANNING-LINE: line l across the column at x is a row spanning the table (a plan's group row
 * *Invånarna är delaktiga i utvecklingen av välfärden* over its activities, run on past the second column's start
 * in a narrow first column): one run of text from the table's left edge (no gutter in it) that, when xs is given,
 * stops short of a column further right found for the whole region (xs[0..n0)). Such a row does not keep the
 * header from naming the column, nor does it widen the column it starts in (column_rights). */
static bool spanning_line(const pdf_line *l, double edge, double x, const double *xs, size_t n0, double gutter)
{
    if (!l->nwords || l->words[0].x0 > edge + 2) return false;
    for (size_t k = 1; k < l->nwords; k++)
        if (l->words[k].x0 - l->words[k - 1].x1 >= gutter) return false;
    if (!xs) return true;
    for (size_t j = 0; j < n0; j++)
        if (xs[j] > x && l->x1 < xs[j] - gutter) return true;
    return false;
}

/* Columns named by a header row: the region's first line, all bold or made
 * of short labels (≤ 3 words) separated by gutters, starts a column at each
 * label that no line of the region crosses and where every line with text
 * on both sides has a gutter. A column that is empty in every other row
 * ("Namn | Ja | Nej | Avstår" over rows with only Ja filled) stays a column. */
static void header_bounds(const pdf_reader *r, const pdf_line *const *L, size_t a, size_t b, double *xs, size_t *nx)
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
        for (size_t j = 0; j < n0 && !across; j++) across = crosses(L[k], xs[j]);
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
        bool free_col = true;
        for (size_t k = a + 1; k < b && free_col; k++)
            free_col = !(crosses(L[k], x) || (has_left(L[k], x) && has_right(L[k], x) && gap_at(L[k], x) < gutter)) ||
                       spanning_line(L[k], edge, x, xs, n0, gutter);
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
        if (crosses(L[k], x) || (has_left(L[k], x) && has_right(L[k], x) && gap_at(L[k], x) < gutter)) return;
    xs[(*nx)++] = x;
}

/* PDF-TABLE-HEADER-INDENT: the line right above table g (not before line from) is its header row when it is one
 * short label (at most three words) a column, parted by gutters, set directly above it (less than half a line
 * between), the first label at the table's left edge and each other starting at most 3 em left of its column's
 * start, past the column before it: the column's text is indented from its label (a cell's bullets, *Mål* over
 * *•  1.1 Riskbruket …*), so the label crosses the column's start and no run of lines took it in. Each such
 * column then starts at its label when no line of the table has a word between the label's start and the
 * column's; g takes the line in. */
static void header_above(const pdf_reader *r, const pdf_line *const *L, size_t from, pdf_region *g)
{
    if (g->first <= from || g->ncols < 2) return;
    const pdf_line *h = L[g->first - 1];
    double gutter = pdf_gutter(r), edge = 1e9;
    for (size_t i = g->first; i < g->last; i++) edge = fmin(edge, L[i]->x0);
    if (vgap(h, L[g->first]) > 0.5 * r->body_size || fabs(h->size - L[g->first]->size) > 1 || fabs(h->x0 - edge) > 2)
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
                if (L[i]->words[k].x1 > s - 0.3 && L[i]->words[k].x0 < b - COL_SLACK) return;
        nb[c - 1] = s - 0.3;
        moved = true;
    }
    if (!moved) return;
    for (size_t c = 0; c + 1 < np; c++) g->bounds[c] = nb[c];
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
    pdf_region *g = samla_arena_alloc(r->ctx->arena, (nr ? nr : 1) * sizeof *g);
    if (!g) {
        free(runs);
        return NULL;
    }
    for (size_t q = 0; q < nr;) {
        size_t a = runs[q].a, b = runs[q].b, e = q + 1;
        while (e < nr && runs[e].a < b) b = runs[e].b > b ? runs[e].b : b, e++;
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
            header_bounds(r, L, a, b, xs, &nx);
            /* a header row of two lines whose first leaves the first column
             * empty (labels set to the row's foot, "Koppling till" over
             * "Nr | Insats | strategin"): its second line names columns too */
            double lx = 1e9, hg = pdf_gutter(r);
            for (size_t k = a; k < b; k++) lx = fmin(lx, L[k]->x0);
            if (b - a > 2 && L[a]->x0 > lx + hg && L[a + 1]->x0 < lx + 2 && L[a + 1]->bold == L[a]->bold &&
                vgap(L[a], L[a + 1]) < 0.5 * r->body_size)
                header_bounds(r, L, a + 1, b, xs, &nx);
            qsort(xs, nx, sizeof *xs, cmp_dbl);
            number_bound(r, L, a, b, xs, &nx);
            qsort(xs, nx, sizeof *xs, cmp_dbl);
            for (size_t j = 0; j < nx; j++) reg->bounds[j] = xs[j];
            reg->ncols = nx + 1;
            reg->text_columns = pdf_flow_columns(r, reg, L, n, *nout ? g[*nout - 1].last : 0, false);
            if (!reg->text_columns) header_above(r, L, *nout ? g[*nout - 1].last : 0, reg);
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
            merge = !crosses(L[i], prev->bounds[0]) &&
                    !(has_left(L[i], prev->bounds[0]) && has_right(L[i], prev->bounds[0]) &&
                      gap_at(L[i], prev->bounds[0]) < gutter);
        if (merge)
            prev->last = g[k].last;
        else
            g[kept++] = g[k];
    }
    *nout = kept;
    g = pdf_boxed_rows(r, L, n, g, nout);
    g = pdf_orphan_header(r, L, n, g, nout);
    return wrapped_labels(r, L, n, g, nout);
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

/* The row of ruled table u that line l lies in. */
static size_t ruled_row(const pdf_ruled *u, const pdf_line *l)
{
    double mid = (l->y0 + l->y1) / 2;
    size_t row = 0;
    while (row + 1 < u->nrows && mid > u->rows[row]) row++;
    return row;
}

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
static samla_status add_row(pdf_reader *r, pdf_table *t, samla_block ***cells, const size_t *counts, bool span)
{
    if (t->nrows == t->rows_cap) {
        size_t cap = t->rows_cap ? t->rows_cap * 2 : 8;
        samla_block ***nc = samla_arena_grow(r->ctx->arena, t->cells, t->rows_cap * t->ncols, cap * t->ncols, sizeof *nc);
        size_t *nn = samla_arena_grow(r->ctx->arena, t->ncell, t->rows_cap * t->ncols, cap * t->ncols, sizeof *nn);
        bool *ns = samla_arena_grow(r->ctx->arena, t->span, t->rows_cap, cap, sizeof *ns);
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

samla_status pdf_close_table(pdf_reader *r)
{
    pdf_table *t = r->open_table;
    if (!t) return SAMLA_OK;
    r->open_table = NULL;
    samla_doc *doc = &r->ctx->doc;
    samla_status st = samla_table_init(doc, t->block, t->nrows, t->ncols);
    for (size_t i = 0; st == SAMLA_OK && i < t->nrows * t->ncols; i++) {
        samla_cell *cell = &t->block->cells[i];
        cell->header = t->header_row && i < t->ncols;
        if (t->span[i / t->ncols]) {
            /* a group row: its first cell spans the table, the others are covered (and empty) */
            if (i % t->ncols == 0) cell->colspan = (int)t->ncols;
            else cell->covered = true;
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

static double frag_top(const pdf_frag *f)
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
            double y = frag_top(&f);
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

static double frag_bottom(const pdf_frag *f)
{
    double y = -1e9;
    for (size_t i = f->w0; i < f->w1; i++) y = fmax(y, f->line->words[i].y1);
    return y;
}

/* The smallest gap between consecutive lines of one column over the region
 * (a wrapped line's gap; rows and paragraphs are further apart). */
static double column_gap(const pdf_region *g, const pdf_line *const *L)
{
    double gmin = 1e9;
    for (size_t c = 0; c < g->ncols; c++) {
        double prev = -1e9;
        for (size_t i = g->first; i < g->last; i++) {
            pdf_frag f = pdf_column_frag(g, L[i], c);
            if (f.w1 <= f.w0) continue;
            if (prev > -1e9) gmin = fmin(gmin, frag_top(&f) - prev);
            prev = frag_bottom(&f);
        }
    }
    return gmin < 1e9 ? gmin : 0;
}

/* Where each column's lines wrap: the rightmost word end of the column over
 * the region (cells of one column wrap at the same width). A row spanning the
 * table may run on into the gutter or past the next column's start
 * (PDF-TABLE-SPANNING-LINE): a column before the last wraps where its lines
 * beside other cells end, when it has such lines, and a line that is one run
 * of text from the table's left edge across the next column's start is not
 * the column's (spanning: the cells' wrap edge; rows are told apart on the
 * plain rightmost ends, spanning rows' included). */
static void column_rights(const pdf_reader *r, const pdf_region *g, const pdf_line *const *L, bool spanning,
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
            if (spanning && !last && crosses(L[i], g->bounds[c]) &&
                spanning_line(L[i], edge, g->bounds[c], NULL, 0, gutter))
                continue;
            all = fmax(all, x1);
            if (f.w0 > 0 || f.w1 < L[i]->nwords) beside = fmax(beside, x1);
        }
        out[c] = spanning && !last && beside > 0 ? beside : all;
    }
}

/* Lines [a, b) continue the last row of t (a row split by a page break). */
static samla_status append_to_last_row(pdf_reader *r, pdf_table *t, const pdf_region *g,
                                       const pdf_line *const *L, size_t a, size_t b)
{
    pdf_frag *f = samla_arena_alloc(r->ctx->arena, (b - a) * sizeof *f);
    if (!f) return SAMLA_ERR_NOMEM;
    double colright[MAX_BOUNDS + 1];
    column_rights(r, g, L, true, colright);
    double pitch = region_pitch(r, g, L, NULL, 0);
    for (size_t c = 0; c < t->ncols; c++) {
        size_t k = 0, nn = 0;
        for (size_t i = a; i < b; i++) {
            pdf_frag cf = pdf_column_frag(g, L[i], c);
            if (cf.w1 > cf.w0) f[k++] = cf;
        }
        samla_block **more = NULL;
        samla_status st = pdf_emit_frags(r, f, k, true, colright[c], pitch, &more, &nn);
        if (st != SAMLA_OK) return st;
        if (!nn) continue;
        size_t at = (t->nrows - 1) * t->ncols + c, old = t->ncell[at];
        /* the cell's paragraph runs on over the page break ("… i Första" /
         * "hjälpen till psykisk hälsa."): joined into its last block */
        if (old && more[0]->kind == SAMLA_BLOCK_PARAGRAPH && pdf_starts_lower(more[0]->text)) {
            samla_block *last = t->cells[at][old - 1];
            if (last->kind == SAMLA_BLOCK_PARAGRAPH || last->kind == SAMLA_BLOCK_LIST_ITEM) {
                char *j = pdf_join_texts(r, last->text, more[0]->text);
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

/* The open table's columns include every boundary of g (a continuation
 * whose rows leave a column empty finds fewer boundaries). */
static bool subset_columns(const pdf_table *t, const pdf_region *g)
{
    if (g->ncols > t->ncols) return false;
    for (size_t c = 0; c + 1 < g->ncols; c++) {
        bool hit = false;
        for (size_t k = 0; k + 1 < t->ncols && !hit; k++) hit = fabs(t->bounds[k] - g->bounds[c]) <= 6;
        if (!hit) return false;
    }
    return true;
}

/* Text starts lower-case, also after opening punctuation ("(s)" under
 * "Mikael Johansson": the party of a wrapped name). */
static bool runs_on_lower(const char *s)
{
    while (*s == '(' || *s == '[' || *s == '"' || *s == '\'') s++;
    return pdf_starts_lower(s);
}

/* The word w would have fitted after the last line of column c above line i
 * in the row that starts at `from`, wrapping at `right` (true when the column
 * has no text above in the row). */
static bool fits_above(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i, size_t c,
                       const pdf_word *w, double right)
{
    for (size_t j = i; j-- > from;) {
        pdf_frag p = pdf_column_frag(g, L[j], c);
        if (p.w1 <= p.w0) continue;
        double end = L[j]->words[p.w1 - 1].x1;
        return end + (w->x1 - w->x0) + 0.3 * w->size < right - 0.5;
    }
    return true;
}

/* The last line of column c above line i in the row that starts at `from`
 * ends with a hyphen: a word broken at the line end, which line i finishes. */
static bool hyphen_above(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i, size_t c)
{
    for (size_t j = i; j-- > from;) {
        pdf_frag p = pdf_column_frag(g, L[j], c);
        if (p.w1 <= p.w0) continue;
        const char *t = L[j]->words[p.w1 - 1].text;
        size_t len = strlen(t);
        return len >= 2 && (t[len - 1] == '-' || (len >= 3 && strcmp(t + len - 2, "\xc2\xad") == 0));
    }
    return false;
}

static bool spanned_row_start(const pdf_region *g, const pdf_line *l);

/* Some column with text on line i had none on the line above but had text
 * higher up in the row that starts at `from` (PDF-TABLE-UNRULED-ROWS): its
 * cell had ended, so line i is the top of the next row (a row is as tall as
 * its tallest cell, and every cell starts at the row's top). */
static bool resumes(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i)
{
    if (i < from + 2) return false;
    for (size_t c = 0; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, L[i], c), p = pdf_column_frag(g, L[i - 1], c);
        if (f.w1 <= f.w0 || p.w1 > p.w0) continue;
        /* from its last line above to line i the lines stand in step, a
         * whole line apart at least (paragraph spacing in a cell shifts its
         * column's lines off the other columns' baselines, between them) */
        for (size_t j = i - 1; j-- > from;) {
            pdf_frag q = pdf_column_frag(g, L[j], c);
            if (q.w1 <= q.w0) continue;
            for (size_t k = j; k < i; k++)
                if (L[k + 1]->y0 - L[k]->y0 < 0.9 * fmax(L[k]->size, L[k + 1]->size)) return false;
            return true;
        }
    }
    return false;
}

/* Line i starts a row under a first cell set vertically centred beside its
 * rows (PDF-TABLE-CENTRED-LABEL, groff tbl's spanned cells): the row that
 * starts at `from` had nothing in its first column on its top line (the label
 * begins lower, in the middle of the rows it spans), line i has text in every
 * other column (two or more), none of it running on (lower-case, or after a
 * hyphen), at least half of it where the column was silent on the line above
 * or where the word would have fitted after that line (`wrap`), and in its
 * first column nothing or the label running on lower-case. The label's lines
 * from line i on stay the spanning cell's. Bold lines at the row's top are a
 * header not yet parted from it. !top_known: `from` is only the top of the
 * rows found so far (a bound for how many such rows there may be). */
static bool centred_label_row(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i,
                              const double *wrap, bool top_known)
{
    /* a bold header over the first row is parted from it later (PDF-TABLE-HEADER-BOLD) */
    while (from < i && L[from]->bold) from++;
    if (i <= from || g->ncols < 3) return false;
    pdf_frag top0 = pdf_column_frag(g, L[from], 0);
    if (top_known && top0.w1 > top0.w0) return false;
    pdf_frag f0 = pdf_column_frag(g, L[i], 0);
    if (f0.w1 > f0.w0 && !runs_on_lower(L[i]->words[f0.w0].text)) return false;
    bool label = f0.w1 > f0.w0;
    for (size_t j = from; j < i && !label; j++) {
        pdf_frag q = pdf_column_frag(g, L[j], 0);
        label = q.w1 > q.w0;
    }
    if (!label) return false;
    size_t filled = 0, fresh = 0;
    for (size_t c = 1; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, L[i], c), p = pdf_column_frag(g, L[i - 1], c);
        if (f.w1 <= f.w0) return false;
        const pdf_word *w = &L[i]->words[f.w0];
        if (runs_on_lower(w->text) || hyphen_above(g, L, from, i, c)) return false;
        filled++;
        fresh += p.w1 <= p.w0 || fits_above(g, L, from, i, c, w, wrap[c]);
    }
    return filled >= 2 && 2 * fresh >= filled;
}

/* The last line of column c above line i (from line `from` on) ends a sentence (a full stop). */
static bool sentence_above(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i, size_t c)
{
    for (size_t j = i; j-- > from;) {
        pdf_frag p = pdf_column_frag(g, L[j], c);
        if (p.w1 <= p.w0) continue;
        const char *t = L[j]->words[p.w1 - 1].text;
        size_t len = strlen(t);
        return len >= 2 && t[len - 1] == '.';
    }
    return false;
}

/* The bottom of lines [a, b). */
static double lines_bottom(const pdf_line *const *L, size_t a, size_t b)
{
    double y = -1e9;
    for (size_t i = a; i < b; i++) y = fmax(y, L[i]->y1);
    return y;
}

/* PDF-TABLE-CENTRED-GROUPS: a table of two columns set without row spacing
 * whose labels stand vertically centred beside groups of rows (groff tbl's
 * spanned cells: "Goda uppväxtvillkor" in the middle of its three goals). The
 * first line under the header has nothing in the first column; a row starts
 * where the second column starts afresh (not lower-case, not after a hyphen,
 * the word would have fitted after the line above or that line ended a
 * sentence); each label (lines with
 * text in the first column, a new one starting upper-case) is the first cell
 * of the rows from the group's top to the row whose bottom lies as far below
 * the label's middle as the top lies above it (within a line), and those rows
 * leave their first column to it (span0); every row start found before
 * (starts, ns) must be one of these. Sets *out (arena) to the row
 * starts, the first the table's first line (the header goes with the first
 * row, PDF-TABLE-HEADER-BOLD parts it), and *nout; false when the groups do
 * not come out even (every row in one group, every label in its group). */
static bool centred_groups(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const double *wrap,
                           const size_t *starts, size_t ns, bool *span0, size_t **out, size_t *nout)
{
    size_t a = g->first, e = g->last;
    while (a < e && L[a]->bold) a++;
    if (g->ncols != 2 || a + 4 > e) return false;
    pdf_frag t0 = pdf_column_frag(g, L[a], 0), t1 = pdf_column_frag(g, L[a], 1);
    if (t0.w1 > t0.w0 || t1.w1 <= t1.w0) return false;
    size_t *sub = samla_arena_alloc(r->ctx->arena, (e - a + 2) * sizeof *sub);
    bool *head = samla_arena_alloc(r->ctx->arena, (e - a + 2) * sizeof *head);
    if (!sub || !head) return false;
    size_t nsub = 0;
    sub[nsub++] = a;
    for (size_t i = a + 1; i < e; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], 1);
        if (f.w1 <= f.w0) continue;
        const pdf_word *w = &L[i]->words[f.w0];
        if (runs_on_lower(w->text) || hyphen_above(g, L, sub[nsub - 1], i, 1) ||
            !(fits_above(g, L, sub[nsub - 1], i, 1, w, wrap[1]) || sentence_above(g, L, sub[nsub - 1], i, 1)))
            continue;
        sub[nsub++] = i;
    }
    sub[nsub] = e;
    if (nsub < 3) return false;
    memset(head, 0, (nsub + 1) * sizeof *head);
    size_t cur = 0, groups = 0;
    for (size_t i = a; i < e;) {
        pdf_frag f0 = pdf_column_frag(g, L[i], 0);
        if (f0.w1 <= f0.w0) {
            i++;
            continue;
        }
        /* the label: its lines with text in the first column, up to one that starts a new label */
        size_t b1 = i;
        for (size_t j = i + 1; j < e; j++) {
            pdf_frag q = pdf_column_frag(g, L[j], 0);
            if (q.w1 <= q.w0) continue;
            if (!runs_on_lower(L[j]->words[q.w0].text) && !hyphen_above(g, L, i, j, 0)) break;
            b1 = j;
        }
        if (cur >= nsub || i < sub[cur]) return false;
        double mid = (L[i]->y0 + L[b1]->y1) / 2, want = 2 * mid - L[sub[cur]]->y0;
        size_t kb = cur;
        while (kb + 1 < nsub && sub[kb + 1] <= b1) kb++;
        size_t best = kb;
        double off = fabs(lines_bottom(L, sub[kb], sub[kb + 1]) - want);
        for (size_t k = kb + 1; k < nsub; k++) {
            double o = fabs(lines_bottom(L, sub[k], sub[k + 1]) - want);
            if (o < off) best = k, off = o;
        }
        if (off > L[b1]->y1 - L[b1]->y0) return false;
        head[cur] = true;
        groups++;
        cur = best + 1;
        i = b1 + 1;
    }
    if (cur != nsub || groups < 2) return false;
    /* the rows found before are rows here too (the group's top at a row gap) */
    for (size_t q = 1; q < ns; q++) {
        bool found = starts[q] == sub[0];
        for (size_t k = 1; k < nsub && !found; k++) found = starts[q] == sub[k];
        if (!found) return false;
    }
    size_t *st = samla_arena_alloc(r->ctx->arena, (nsub + 1) * sizeof *st);
    if (!st) return false;
    st[0] = g->first;
    for (size_t k = 1; k < nsub; k++) {
        st[k] = sub[k];
        span0[sub[k] - g->first] = !head[k];
    }
    st[nsub] = e;
    *out = st;
    *nout = nsub;
    return true;
}

/* Line i starts a row of a table set without row spacing (Word's borderless
 * layout tables, groff tbl without rulings: the rows are as close as the
 * lines of one cell), PDF-TABLE-TIGHT-ROWS: it has text in the first column,
 * no column's text on it starts lower-case, and in at least one column the
 * line above in the row that starts at `from` ended short of the column's
 * wrap width (`wrap`: up to the next column's start) although this line's
 * first word would have fitted. A line with text in the first column only
 * must also have fitted there against the column's widest line (`widest`):
 * a name wrapped in a narrow column ("Mikael Johansson" / "(s)") fills it. */
static bool tight_row_start(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i,
                            const double *wrap, const double *widest, bool caps, size_t need)
{
    size_t filled = 0, fresh = 0, upper = 0;
    bool first_fits = false;
    for (size_t c = 0; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, L[i], c);
        if (f.w1 <= f.w0) {
            /* an empty first column: a row under a first cell spanning rows
             * (PDF-TABLE-ROWSPAN) when other columns start again on it */
            if (c == 0 && !(spanned_row_start(g, L[i]) && resumes(g, L, from, i))) return false;
            continue;
        }
        filled++;
        const pdf_word *w = &L[i]->words[f.w0];
        if (runs_on_lower(w->text) || hyphen_above(g, L, from, i, c)) return false;
        upper += pdf_starts_upper(w->text);
        fresh += fits_above(g, L, from, i, c, w, wrap[c]);
        if (c == 0) first_fits = fits_above(g, L, from, i, 0, w, widest[0]);
    }
    /* two or more cells that each start with a capital or a digit on one
     * line (PDF-TABLE-UNRULED-ROWS): a label column beside its values, each
     * label as wide as the column (*Förvaringsplats för protokollet* /
     * *Kommunkansliet, kommunhuset i Solvik*); wrapped cell text runs on
     * lower-case in at least one of them */
    if (caps && filled >= 2 && upper == filled) return true;
    if (resumes(g, L, from, i)) return true;
    return fresh >= need && (filled >= 2 || first_fits);
}

/* Line l, with an empty first column below a clear band across the table,
 * starts a row under a first cell that spans rows (PDF-TABLE-ROWSPAN: a goal
 * with two activities beside it): text in two or more other columns, none of
 * it starting lower-case. One column alone may be a paragraph of its cell. */
static bool spanned_row_start(const pdf_region *g, const pdf_line *l)
{
    size_t filled = 0;
    for (size_t c = 1; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, l, c);
        if (f.w1 <= f.w0) continue;
        if (runs_on_lower(l->words[f.w0].text)) return false;
        filled++;
    }
    return filled >= 2;
}

/* Line l has text in every column but the first. */
static bool every_other_filled(const pdf_region *g, const pdf_line *l)
{
    for (size_t c = 1; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, l, c);
        if (f.w1 <= f.w0) return false;
    }
    return true;
}

/* The first line of a page's first row continues the row the page break
 * split: its first column is empty, or its text there starts lower-case. */
static bool split_row_rest(const pdf_region *g, const pdf_line *l)
{
    pdf_frag f0 = pdf_column_frag(g, l, 0);
    /* an empty first column beside a fresh cell in every other column (two
     * or more, none lower-case) is the next row under a first cell spanning
     * rows, which the page break left on the page before
     * (PDF-TABLE-ROWSPAN-PAGE) */
    if (f0.w1 <= f0.w0) return !(spanned_row_start(g, l) && every_other_filled(g, l));
    /* the first cell runs on lower-case: the other cells of the split row
     * may hold paragraphs that start on the new page ("flöden skapar värde |
     * Införa gemensamma … | Antal genomgångna … | Kvalitetsrådet HSVO Ekby",
     * PDF-TABLE-PAGE-BREAK-REST) */
    return runs_on_lower(l->words[f0.w0].text);
}

/* Columns of g with text on line l. */
static size_t filled_columns(const pdf_region *g, const pdf_line *l)
{
    size_t n = 0;
    for (size_t c = 0; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, l, c);
        n += f.w1 > f.w0;
    }
    return n;
}

/* Line h, the first of a table, is a header line of its own
 * (PDF-TABLE-HEADER-LINE): it has text in every column, and the next line
 * starts afresh in every column it has text in (first column included,
 * nothing lower-case, each first word would have fitted after h's text in
 * that column). A header set directly above the data without spacing or
 * bold ("Nr | Insats | Klart" over "1 | Införa ... | Augusti") is then not
 * merged with the first data row. */
static bool header_line(const pdf_region *g, const pdf_line *const *L, size_t h, const double *wrap)
{
    const pdf_line *n = L[h + 1];
    for (size_t c = 0; c < g->ncols; c++) {
        pdf_frag fh = pdf_column_frag(g, L[h], c), fn = pdf_column_frag(g, n, c);
        if (fh.w1 <= fh.w0 || (c == 0 && fn.w1 <= fn.w0)) return false;
        if (fn.w1 <= fn.w0) continue;
        const pdf_word *w = &n->words[fn.w0];
        if (runs_on_lower(w->text) || !fits_above(g, L, h, h + 1, c, w, wrap[c])) return false;
    }
    return true;
}

/* Records where t's last row ends: its page and the space left below it
 * to the page's first footer line under it, or without one to the bottom
 * margin (as deep as the page's top margin, its first line's top). */
static void table_room(const pdf_reader *r, pdf_table *t, const pdf_line *last)
{
    const pdf_page *p = r->page;
    t->page = p ? p->number : 0;
    t->room = 0;
    if (!p || !p->nlines) return;
    double limit = p->height - p->lines[0].y0;
    for (size_t i = 0; i < p->nlines; i++)
        if (p->lines[i].role == PDF_FOOTER && p->lines[i].y0 > last->y1) limit = fmin(limit, p->lines[i].y0);
    t->room = fmax(0, limit - last->y1);
}

/* The open table t may go on with a table of the page being read whose
 * first row is `row` points tall (PDF-TABLE-PAGE-BREAK): on the same page,
 * or on the next one when t's last row left too little room at the bottom of
 * its page for that row (plus 8 em for the space between the body and the
 * footer, which producers set differently). A table that ended higher, or
 * with a page of its own between, was broken off on purpose: what follows is
 * a new table. */
static bool runs_over(const pdf_reader *r, const pdf_table *t, double row)
{
    if (!r->page || !t->page || r->page->number == t->page) return true;
    return r->page->number == t->page + 1 && t->room < row + 8 * r->body_size;
}

static samla_status emit_rows(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                              size_t ns, const bool *span0);

/* Every line of two-column region g is a label of one to three words, starting upper-case and not broken by a
 * hyphen, with text beside it (PDF-TABLE-LABEL-LINES). */
static bool label_lines(const pdf_region *g, const pdf_line *const *L)
{
    for (size_t i = g->first; i < g->last; i++) {
        pdf_frag f0 = pdf_column_frag(g, L[i], 0), f1 = pdf_column_frag(g, L[i], 1);
        if (f0.w1 <= f0.w0 || f1.w1 <= f1.w0 || f0.w1 - f0.w0 > 3) return false;
        const char *last = L[i]->words[f0.w1 - 1].text;
        size_t len = strlen(last);
        if (!pdf_starts_upper(L[i]->words[f0.w0].text) || (len && last[len - 1] == '-')) return false;
    }
    return true;
}

samla_status pdf_emit_table(pdf_reader *r, const pdf_region *g0, const pdf_line *const *L)
{
    samla_arena *a = r->ctx->arena;
    pdf_region cont = *g0;
    const pdf_region *g = g0;
    if (r->open_table && !r->emitted_since_table && subset_columns(r->open_table, g0) &&
        runs_over(r, r->open_table, L[g0->last - 1]->y1 - L[g0->first]->y0)) {
        cont.ncols = r->open_table->ncols;
        memcpy(cont.bounds, r->open_table->bounds, sizeof cont.bounds);
        g = &cont;
    }
    /* row starts: a line with text in column 1 and a clear band above it
     * (below every earlier line of the table) larger than the usual gap
     * between the lines of one column. Lines of different columns may be
     * offset (paragraph spacing in one cell), so the gap is measured per
     * column, never between consecutive lines of the page. */
    double gmin = column_gap(g, L);
    /* no line of any column is a wrapped line (every gap is wider than
     * 0.45 em): the lines are the rows (an attendance list, a voting list) */
    double row_gap = gmin > 0.45 * r->body_size ? gmin - 0.5 : gmin + 0.45 * r->body_size;
    size_t *starts = samla_arena_alloc(a, (g->last - g->first + 1) * sizeof *starts);
    if (!starts) return SAMLA_ERR_NOMEM;
    size_t ns = 0;
    starts[ns++] = g->first;
    if (g->ruled) {
        /* a ruled table OCR saw: its rows are the rulings' */
        for (size_t i = g->first + 1; i < g->last; i++)
            if (ruled_row(g->ruled, L[i]) != ruled_row(g->ruled, L[i - 1])) starts[ns++] = i;
        starts[ns] = g->last;
        return emit_rows(r, g, L, starts, ns, NULL);
    }
    size_t n = g->last - g->first;
    /* per line (indexed from g->first), from the text alone: above[i] the
     * bottom of the lines before it, above_r[i] of their text right of the
     * first column; ask[i] what may be asked of the rules above it */
    double *above = samla_arena_alloc(a, 2 * n * sizeof *above), *above_r = above + n;
    unsigned char *ask = samla_arena_alloc(a, n * sizeof *ask);
    if (!above || !ask) return SAMLA_ERR_NOMEM;
    memset(ask, 0, n * sizeof *ask);
    enum { ASK_GAP = 1, ASK_FULL = 2, ASK_RIGHT = 4, ASK_KEEP = 8 };
    bool render = false;
    size_t first_right = n, last_right = 0;
    double bottom = L[g->first]->y1, bottom_r = L[g->first]->y1;
    for (size_t i = g->first + 1; i < g->last; i++) {
        size_t k = i - g->first;
        above[k] = bottom, above_r[k] = bottom_r;
        pdf_frag f0 = pdf_column_frag(g, L[i], 0);
        bool cell = f0.w1 > f0.w0 || spanned_row_start(g, L[i]);
        double band = L[i]->y0 - bottom;
        /* a first cell running on lower-case under a row gap is no row start
         * (PDF-TABLE-RUNS-ON: the gap is paragraph spacing in another cell)
         * unless a rule says so: a cell spanning rows whose text goes on
         * beside the next row */
        bool runs_on = f0.w1 > f0.w0 && runs_on_lower(L[i]->words[f0.w0].text);
        bool right = L[i]->y0 - bottom_r > gmin + 1 || runs_on;
        if (band > row_gap && cell && !runs_on) ask[k] = ASK_GAP;
        else if (band > gmin + 1 || right) {
            /* a rule across the table needs a band between the lines: none
             * where their boxes overlap (the band asked of the render,
             * [bottom - 0.5, y0 + 0.5], is empty) */
            if (cell && band > -1) ask[k] |= ASK_FULL;
            if (right) ask[k] |= ASK_RIGHT;
            if (right && band > row_gap && cell) ask[k] |= ASK_KEEP;
            if (right) first_right = k < first_right ? k : first_right, last_right = k;
            render = render || (ask[k] & (ASK_FULL | ASK_KEEP));
        }
        bottom = fmax(bottom, L[i]->y1);
        for (size_t c = 1; c < g->ncols; c++) {
            pdf_frag f = pdf_column_frag(g, L[i], c);
            if (f.w1 > f.w0) bottom_r = fmax(bottom_r, frag_bottom(&f));
        }
    }
    /* the page is rendered only when a rule could change the rows (a render
     * costs about as much as reading the page's text): a rule across the
     * table may start a row; a rule across the columns right of the first
     * (PDF-TABLE-ROWSPAN-RULE) counts only where the table then groups rows
     * under two first cells or more (below), or under a row gap; with no rule
     * across the table to ask for, two rows so grouped need a row gap
     * between two such questions */
    for (size_t k = first_right + 1; k < last_right && !render; k++) render = ask[k] & ASK_GAP;
    double rx0 = 1e9, rx1 = -1e9;
    for (size_t i = g->first; i < g->last; i++) rx0 = fmin(rx0, L[i]->x0), rx1 = fmax(rx1, L[i]->x1);
    /* a narrower band with a rule drawn across the table in it: the rows of a
     * ruled table set without row spacing (PDF-TABLE-UNRULED-ROWS; the rule
     * is seen by rendering) */
    pdf_ink *ink = render ? pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), rx0, L[g->first]->y0 - r->body_size,
                                         rx1, L[g->last - 1]->y1 + r->body_size)
                          : NULL;
    /* span0[i - first]: the row starting at line i leaves its first column to
     * the first cell of the row above, which spans it */
    bool *span0 = samla_arena_alloc(a, n * sizeof *span0);
    bool *gap_ok = samla_arena_alloc(a, n * sizeof *gap_ok);
    if (!span0 || !gap_ok) return SAMLA_ERR_NOMEM;
    memset(span0, 0, n * sizeof *span0);
    for (size_t k = 1; k < n; k++) {
        const pdf_line *l = L[g->first + k];
        if (ask[k] & ASK_GAP) starts[ns++] = g->first + k;
        else if ((ask[k] & ASK_FULL) && pdf_ink_hrule(ink, rx0, rx1, above[k] - 0.5, l->y0 + 0.5, 0.5))
            starts[ns++] = g->first + k;
        else if ((ask[k] & ASK_RIGHT) && pdf_ink_hrule(ink, g->bounds[0], rx1, fmin(above_r[k], l->y0) - 0.5,
                                                        fmax(above_r[k], l->y0) + 0.5, 0.6)) {
            /* a rule across the columns right of the first only: a row
             * under a first cell spanning rows, in a ruled table
             * (PDF-TABLE-ROWSPAN-RULE: a goal area beside its goals, each
             * goal a row of its own); the first column's text below the
             * rule is still the spanning cell's */
            span0[k] = true;
            gap_ok[k] = ask[k] & ASK_KEEP;
            starts[ns++] = g->first + k;
        }
    }
    starts[ns] = g->last;
    /* rows under a spanning first cell are taken only where the table groups
     * its rows so under two first cells or more: a single cell ruled into
     * parts (a signature block nested in "Underskrifter") stays one cell */
    size_t groups = 0;
    for (size_t s = 1; s < ns; s++) groups += span0[starts[s] - g->first] && !span0[starts[s - 1] - g->first];
    if (groups == 1) {
        size_t k = 1;
        for (size_t s = 1; s < ns; s++) {
            size_t i = starts[s] - g->first;
            if (!span0[i] || gap_ok[i]) starts[k++] = starts[s];
            span0[i] = false;
        }
        ns = k;
        starts[ns] = g->last;
    }
    /* a label column beside its values, every line a label of one to three words starting upper-case with a value
     * beside it, is one row a line though the values start lower-case (PDF-TABLE-LABEL-LINES: *Tid* | *klockan
     * 18.15–19.49*) */
    if (g->ncols == 2 && ns < g->last - g->first && label_lines(g, L)) {
        ns = 0;
        for (size_t i = g->first; i < g->last; i++) starts[ns++] = i;
        starts[ns] = g->last;
    }
    /* rows set without spacing: a row of the gap rule holding three or more
     * lines with text in the first column, at least two thirds of them lines
     * no cell text runs on into and fewer than half of them reaching within
     * 2 em of the column's right edge (not wrapped prose), is split at those
     * lines */
    double rights[MAX_BOUNDS + 1], widest[MAX_BOUNDS + 1];
    column_rights(r, g, L, false, rights);
    memcpy(widest, rights, sizeof widest);
    double right0 = rights[0];
    /* a cell wraps at its column's width: up to the next column's start
     * (less a narrow gutter), not at its widest line */
    for (size_t c = 0; c + 1 < g->ncols; c++) rights[c] = fmax(rights[c], g->bounds[c] - 0.5 * r->body_size);
    /* two balanced halves of short lines are no longer held to be text
     * columns here: PDF-TEXT-COLUMNS-FLOW has already read as text columns
     * the blocks whose columns flow, so what reaches this point keeps step
     * (an attendance list of two columns, one member a line) */
    size_t nsplit = ns;
    bool *split = samla_arena_alloc(a, ns * sizeof *split);
    if (!split) return SAMLA_ERR_NOMEM;
    bool *caps = samla_arena_alloc(a, ns * sizeof *caps), *all = samla_arena_alloc(a, ns * sizeof *all);
    bool *cand = samla_arena_alloc(a, ns * sizeof *cand);
    if (!caps || !all || !cand) return SAMLA_ERR_NOMEM;
    for (size_t s = 0; s < ns; s++) {
        size_t lines0 = 0, tight = 0, full = 0, resumed = 0;
        /* a row whose cells end at different lines (a column falls silent
         * and starts again) shows where its rows begin: capitals alone then
         * tell nothing (a label over its value in one cell) */
        for (size_t i = starts[s] + 1; i < starts[s + 1]; i++) {
            pdf_frag f0 = pdf_column_frag(g, L[i], 0);
            resumed += (f0.w1 > f0.w0 || spanned_row_start(g, L[i])) && resumes(g, L, starts[s], i);
        }
        caps[s] = !resumed;
        for (size_t i = starts[s]; i < starts[s + 1]; i++) {
            pdf_frag f0 = pdf_column_frag(g, L[i], 0);
            if (f0.w1 <= f0.w0) continue;
            lines0++;
            /* wrapped prose: a line reaching within 2 em of the column's
             * widest line, after which the next line's first word would not
             * have fitted before the next column (a one-word line of a
             * narrow column, "12", "Nr", or names of similar length in a
             * wide column are no prose) */
            if (i + 1 < starts[s + 1] && f0.w1 - f0.w0 >= 2 && L[i]->words[f0.w1 - 1].x1 >= right0 - 2 * L[i]->size) {
                pdf_frag n0 = pdf_column_frag(g, L[i + 1], 0);
                full += n0.w1 > n0.w0 && !fits_above(g, L, i, i + 1, 0, &L[i + 1]->words[n0.w0], rights[0]);
            }
            tight += i > starts[s] && tight_row_start(g, L, starts[s], i, rights, widest, caps[s], 1);
        }
        /* not wrapped prose (most lines filled to the column's right edge);
         * or cells ending at different lines: split where a column starts again */
        all[s] = lines0 >= 3 && 3 * tight >= 2 * (lines0 - 1) && 2 * full < lines0;
        split[s] = all[s] || resumed;
        if (split[s]) nsplit += tight + resumed;
        size_t centred = 0;
        for (size_t i = starts[s] + 1; i < starts[s + 1]; i++)
            centred += centred_label_row(g, L, starts[s], i, rights, false);
        cand[s] = centred > 0;
        nsplit += centred;
    }
    if (nsplit > ns) {
        size_t *more = samla_arena_alloc(a, (nsplit + 1) * sizeof *more);
        if (!more) return SAMLA_ERR_NOMEM;
        size_t k = 0;
        for (size_t s = 0; s < ns; s++) {
            more[k++] = starts[s];
            if (split[s] || cand[s])
                for (size_t i = starts[s] + 1; i < starts[s + 1]; i++) {
                    pdf_frag f0 = pdf_column_frag(g, L[i], 0);
                    if (cand[s] && centred_label_row(g, L, more[k - 1], i, rights, true)) {
                        span0[i - g->first] = true;
                        more[k++] = i;
                    } else if (!split[s])
                        continue;
                    else if (all[s] ? tight_row_start(g, L, starts[s], i, rights, widest, caps[s], 1)
                            : ((f0.w1 > f0.w0 || spanned_row_start(g, L[i])) && resumes(g, L, starts[s], i) &&
                               tight_row_start(g, L, starts[s], i, rights, widest, caps[s], 1)) ||
                                  tight_row_start(g, L, starts[s], i, rights, widest, false, 2))
                        more[k++] = i;
                }
        }
        more[k] = g->last;
        starts = more;
        ns = k;
    }
    /* two columns, labels centred beside groups of rows (PDF-TABLE-CENTRED-GROUPS) */
    {
        size_t *grouped, ngrouped;
        if (centred_groups(r, g, L, rights, starts, ns, span0, &grouped, &ngrouped)) starts = grouped, ns = ngrouped;
    }
    /* a header set in bold directly above plain lines, the table's only bold
     * lines: a row of their own (PDF-TABLE-HEADER-BOLD: groff tbl sets
     * "Strategiskt område | Målsättning" with no space under it; bold labels
     * over their values in every row, "Dokumenttyp" over "Handlingsplan",
     * are cells of label and value, and so may be bold labels over a single
     * line of values, "Datum" over "2023-08-07": left together) */
    size_t hb = starts[0];
    while (hb < starts[1] && L[hb]->bold) hb++;
    bool later_bold = false;
    for (size_t i = hb; i < g->last && !later_bold; i++) later_bold = L[i]->bold;
    if (hb > starts[0] && hb + 2 <= starts[1] && !later_bold && filled_columns(g, L[starts[0]]) >= 2) {
        size_t *more = samla_arena_alloc(a, (ns + 2) * sizeof *more);
        if (!more) return SAMLA_ERR_NOMEM;
        more[0] = starts[0];
        more[1] = hb;
        memcpy(more + 2, starts + 1, ns * sizeof *more);
        starts = more;
        ns++;
    }
    /* a header line set directly above the first data row (no spacing, no
     * bold): a row of its own (PDF-TABLE-HEADER-LINE) */
    if (starts[1] > starts[0] + 1 && header_line(g, L, starts[0], rights)) {
        size_t *more = samla_arena_alloc(a, (ns + 2) * sizeof *more);
        if (!more) return SAMLA_ERR_NOMEM;
        more[0] = starts[0];
        more[1] = starts[0] + 1;
        memcpy(more + 2, starts + 1, ns * sizeof *more);
        starts = more;
        ns++;
    }
    return emit_rows(r, g, L, starts, ns, span0);
}

/* Adds the rows of region g (row s: lines [starts[s], starts[s + 1])) to
 * the open table, or to a new one. A row whose first line is marked in span0
 * (indexed from g->first; NULL: none) leaves its first column's lines to the
 * first cell of the row above. */
static samla_status emit_rows(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const size_t *starts,
                              size_t ns, const bool *span0)
{
    samla_arena *a = r->ctx->arena;
    pdf_table *t = r->open_table;
    size_t first_row = 0;
    if (t && !r->emitted_since_table && same_columns(t, g) &&
        runs_over(r, t, L[starts[1] - 1]->y1 - L[starts[0]]->y0)) {
        /* a repeated header row is dropped; lines after it with an empty first
         * column are the rest of the row the page break split */
        size_t k = starts[0];
        for (size_t q = starts[0] + 1; t->header_row && t->header_key && q <= starts[1]; q++) {
            const char *key = row_key(r, L, starts[0], q);
            if (key && strcmp(key, t->header_key) == 0) {
                k = q;
                break;
            }
        }
        if (k > starts[0]) first_row = 1;
        if (k > starts[0] && k < starts[1] && t->nrows) {
            samla_status st = append_to_last_row(r, t, g, L, k, starts[1]);
            if (st != SAMLA_OK) return st;
        } else if (first_row < ns && t->nrows && split_row_rest(g, L[starts[first_row]])) {
            /* the page's first row has no fresh first cell: the rest of the
             * row the page break split (PDF-TABLE-PAGE-BREAK) */
            samla_status st = append_to_last_row(r, t, g, L, starts[first_row], starts[first_row + 1]);
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
        /* header row: all bold, or short labels in every column above other rows */
        bool bold = true, labels = ns > 1 || g->header_only;
        size_t filled = 0;
        for (size_t i = starts[0]; i < starts[1]; i++) bold = bold && L[i]->bold;
        for (size_t c = 0; c < g->ncols; c++) {
            size_t words = 0;
            for (size_t i = starts[0]; i < starts[1]; i++) {
                pdf_frag f = pdf_column_frag(g, L[i], c);
                words += f.w1 - f.w0;
            }
            filled += words > 0;
            labels = labels && words > 0 && words <= 3;
        }
        t->header_row = (ns > 1 || g->header_only) && (bold || labels) && filled >= 2;
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
    column_rights(r, g, L, true, colright);
    double pitch = region_pitch(r, g, L, starts, ns);
    if (pitch <= 0) {
        /* no cell wraps in this table, so there is no wrapped line to compare
         * with: take a generous single line pitch of its font (1.25 em); one
         * line per paragraph in cells set with paragraph spacing ("Exempelby
         * kommun KS 2024/123" / "Region Exempel RS2024-00456") */
        double size = 0;
        for (size_t i = g->first; i < g->last; i++) size = fmax(size, L[i]->size);
        pitch = 1.25 * size;
    }
    for (size_t s = first_row; s < ns; s++) {
        /* a group row: one cell holding its whole lines (PDF-TABLE-GROUP-ROW) */
        bool span = !(s == 0 && t->nrows == 0 && t->header_row) && pdf_group_row(r, g, L, starts, ns, s);
        bool under = span0 && s > first_row && span0[starts[s] - g->first];
        size_t end0 = s + 1;
        while (span0 && end0 < ns && span0[starts[end0] - g->first]) end0++;
        for (size_t c = 0; c < g->ncols; c++) {
            size_t k = 0, till = c == 0 && !span ? starts[end0] : starts[s + 1];
            for (size_t i = starts[s]; i < till && (!span || c == 0) && !(c == 0 && under); i++) {
                pdf_frag cf = span ? (pdf_frag){L[i], 0, L[i]->nwords} : pdf_column_frag(g, L[i], c);
                if (cf.w1 > cf.w0) f[k++] = cf;
            }
            cells[c] = NULL;
            counts[c] = 0;
            double wrap = span ? colright[g->ncols - 1] : colright[c];
            samla_status st = pdf_emit_frags(r, f, k, true, wrap, pitch, &cells[c], &counts[c]);
            if (st != SAMLA_OK) return st;
        }
        samla_status st = add_row(r, t, cells, counts, span);
        if (st != SAMLA_OK) return st;
    }
    table_room(r, t, L[g->last - 1]);
    return SAMLA_OK;
}
