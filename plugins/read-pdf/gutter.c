/* gutter.c: two-column pages read column by column (PDF-LINE-GUTTER and its PDF-LINE-GUTTER-* rules).
 *
 * lines.c groups a page's words into lines across the whole width; where two
 * columns run out of step over a gutter, the lines built so mix both columns.
 * pdf_find_gutter finds the gutter band from that first grouping, and
 * pdf_gutter_lines builds each two-column section's lines column by column
 * (the page's col_lines). The conventions are in docs/conventions.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* PDF-LINE-GUTTER: two text columns whose lines are out of step.
 *
 * A page set in two columns puts the lines of the right column at heights of
 * their own (a heading in one column shifts everything below it), so a right
 * line often overlaps a left line by more than half its height and the two
 * would be built into one line across the gutter: half a sentence of each
 * column, mixed sizes, headings glued to body text. The gutter is the x the
 * most lines of the first grouping have a wide gap over (at least max(6 pt,
 * 0.7 em), in the middle half of the text's width), narrowed to the part of
 * it every one of those gaps covers. A section is a vertical run of the page
 * where no word enters that band; it is read as two columns, each building
 * its own lines, when each side holds at least three lines and 30% of the
 * section's width, and at least two right lines (and a third of the left/right
 * pairs that overlap vertically) are out of step with the left line they
 * overlap: tops, bottoms and centres all apart by more than a fifth of a line.
 * Lines in step across a gap are left whole (a table row, `Plats och tid:`
 * over its tab, two columns set in step: tables.c reads those).
 * PDF-LINE-GUTTER-SIZES: a left/right pair of lines that overlap so but
 * differ in size by more than a fifth counts as out of step too (a title in
 * one column beside the other's text: one line would mix them).
 * PDF-LINE-GUTTER-CONTENTS: a contents line's page number set off at its end
 * is no table's gap (a contents in one column is still one column of text). */

#define GUTTER_MIN_LINES 5
/* PDF-LINE-GUTTER-FEW-GAPS: four lines parting over the gutter are enough (a short right column) */
#define GUTTER_MIN_GAPS 4

/* Lines a and b overlap vertically by half a line, so that one line would be built of both, but stand out of
 * step. Sets *pair when they overlap so. */
static bool out_of_step(const pdf_line *a, const pdf_line *b, bool *pair)
{
    double h = fmin(a->y1 - a->y0, b->y1 - b->y0);
    *pair = fmin(a->y1, b->y1) - fmax(a->y0, b->y0) >= 0.5 * h;
    if (!*pair) return false;
    double t = 0.15 * h;
    return fabs(a->y0 - b->y0) > t && fabs(a->y1 - b->y1) > t && fabs((a->y0 + a->y1) - (b->y0 + b->y1)) / 2 > t;
}

/* The end (exclusive, at most nb) of the whole numbers x >= 0 with x <= v, or x < v when strict. */
static size_t upto(double v, size_t nb, bool strict)
{
    if (!(v >= 0)) return 0;
    if (v >= (double)nb) return nb;
    return strict ? (size_t)ceil(v) : (size_t)floor(v) + 1;
}

/* PDF-LINE-GUTTER-LEFT-EDGE: the left side of the gutter is where the left column's lines end, and a justified
 * column's lines end together: the band starts at the rightmost end of a line (or of a line's words before the
 * right column, which starts at b) that two more such ends come within half an em of, where that is right of
 * a, the gaps' ends. pdfTeX sets its columns less than 0.7 em apart, so only ragged lines' gaps count as gaps
 * and their ends lie far left of the gutter; the words of the justified lines would then block the band. */
static double left_edge(const pdf_line *L, size_t n, double a, double b, double size)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) m += L[i].nwords;
    double *e = malloc((m ? m : 1) * sizeof *e);
    if (!e) return a;
    size_t ne = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < L[i].nwords; k++) {
            double x = L[i].words[k].x1;
            if (x > a && x <= b - 0.25 * size && (k + 1 == L[i].nwords || L[i].words[k + 1].x0 >= b - 0.5))
                e[ne++] = x;
        }
    qsort(e, ne, sizeof *e, cmp_double);
    double edge = a;
    for (size_t j = ne; j-- > 2;)
        if (e[j] - e[j - 2] <= 0.5 * size) {
            edge = e[j];
            break;
        }
    free(e);
    return edge;
}

/* PDF-LINE-GUTTER-LINE-START: the right column's edge is where its lines start, and a column of list items starts
 * its items' markers an indent in from that edge while its headings stand at the edge (pdfTeX's `multicol` and
 * WeasyPrint's CSS columns: *Goda levnadsvanor* over *• Andelen invånare …*). The starts after gaps found the band's
 * right side at the markers, and the heading, starting inside the band, ran across the gutter and cut the columns
 * into sections too short to be read as columns. A line of the first grouping (lines L, n) that starts inside the
 * band [a, b] half a gutter gap (gmin) or more right of its left side and at most two ems (a list's indent) left
 * of its right side — its first word, or a word after one that ends left of the band (the left column's) — and
 * runs on past the band by an em is the right column's: the band ends at the leftmost such start. A line centred
 * on the page cannot start so far right and reach past the band; a box standing further left in a band that a
 * ragged left column leaves wide (a page footer's *Utdragsbestyrkande* 4 em left of the right column) is no
 * column's start. */
static double line_start(const pdf_line *L, size_t n, double a, double b, double gmin, double size)
{
    double edge = b;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < L[i].nwords; k++) {
            double q = L[i].words[k].x0;
            if (q < a + 0.5 * gmin || q < b - 2 * size || q >= edge) continue;
            if (k && L[i].words[k - 1].x1 > a + 0.5) continue;
            if (L[i].x1 >= b + size) edge = q;
        }
    return edge;
}

/* PDF-LINE-GUTTER-SIZE-SEAM: where a left column's word runs into the right column (a title too wide for its CSS
 * column, which WeasyPrint lets overflow over the next column's text), the first grouping builds one line of both
 * with no gap between them; the line still parts over the gutter where its size changes: word a, starting left
 * of x and running past it, is followed by word b starting right of x whose size is a fifth apart from a's
 * (PDF-LINE-GUTTER-SIZES). Such a seam counts with the gaps toward PDF-LINE-GUTTER-FEW-GAPS's four when one gap at
 * least is a real one (the band's left side is still found at the gaps). */
static bool size_seam(const pdf_word *a, const pdf_word *b, double x)
{
    if (a->x0 >= x || a->x1 <= x || b->x0 < x || a->size <= 0 || b->size <= 0) return false;
    return fmax(a->size, b->size) > 1.2 * fmin(a->size, b->size);
}

/* The gutter band [*g0, *g1] of a page from its first grouping (lines L, n); false when none. */
bool pdf_find_gutter(const pdf_line *L, size_t n, double *g0, double *g1, double *em)
{
    double tx0 = 1e9, tx1 = -1e9, size = 0;
    for (size_t i = 0; i < n; i++) tx0 = fmin(tx0, L[i].x0), tx1 = fmax(tx1, L[i].x1);
    if (n < 2 * GUTTER_MIN_LINES || tx1 - tx0 < 72 || tx1 - tx0 > 20000) return false;
    /* the median line height stands for the em */
    double *hs = malloc(n * sizeof *hs);
    if (!hs) return false;
    for (size_t i = 0; i < n; i++) hs[i] = L[i].y1 - L[i].y0;
    qsort(hs, n, sizeof *hs, cmp_double);
    size = hs[n / 2];
    free(hs);
    double gmin = fmax(6, 0.7 * size);
    size_t nb = (size_t)(tx1 - tx0) + 2;
    /* S[x]: the gaps over x less the words across it, summed from steps (+1 where a range starts, -1 after) */
    int *S = calloc(nb + 1, sizeof *S);
    if (!S) return false;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 1; k < L[i].nwords; k++) {
            double a = L[i].words[k - 1].x1, b = L[i].words[k].x0;
            if (b - a < gmin) continue;
            /* the whole x from ceil(a - tx0) with x <= b - tx0 */
            size_t lo = (size_t)ceil(a - tx0), hi = upto(b - tx0, nb, false);
            if (lo < hi) S[lo]++, S[hi]--;
        }
    /* less the words across x: the gutter is where lines part, not where some part and others run on */
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < L[i].nwords; k++) {
            size_t lo = (size_t)ceil(L[i].words[k].x0 - tx0), hi = upto(L[i].words[k].x1 - tx0, nb, true);
            if (lo < hi) S[lo]--, S[hi]++;
        }
    for (size_t x = 1; x < nb; x++) S[x] += S[x - 1];
    size_t lo = (size_t)(0.25 * (tx1 - tx0)), hi = (size_t)(0.75 * (tx1 - tx0)), best = lo;
    for (size_t x = lo; x <= hi && x < nb; x++)
        if (S[x] > S[best]) best = x;
    free(S);
    if (best >= nb) return false;
    /* the part of the gaps over best that all of them cover (but PDF-LINE-GUTTER-RIGHT-EDGE) */
    double xb = tx0 + (double)best, a = -1e9, b;
    size_t gaps = 0, seams = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 1; k < L[i].nwords; k++) {
            double p = L[i].words[k - 1].x1, q = L[i].words[k].x0;
            seams += size_seam(&L[i].words[k - 1], &L[i].words[k], xb);
            if (q - p < gmin || p > xb || q < xb) continue;
            a = fmax(a, p);
            gaps++;
        }
    if (gaps && gaps + seams >= GUTTER_MIN_GAPS && gaps < GUTTER_MIN_GAPS) gaps += seams; /* PDF-LINE-GUTTER-SIZE-SEAM */
    if (gaps < GUTTER_MIN_GAPS) return false;
    /* PDF-LINE-GUTTER-RIGHT-EDGE: the right side of the gutter is where the right column's lines start, and they
     * start together (flush left): the band ends at the leftmost start of a word after a gap over best that
     * another such start comes within half an em of. A start alone left of that edge is no column's (a page
     * footer's second box, *Ordförande* | *Justerare*, set across the columns' gutter); with no two starts
     * together, the leftmost start. */
    double *qs = malloc(gaps * sizeof *qs);
    if (!qs) return false;
    size_t nq = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 1; k < L[i].nwords; k++) {
            double p = L[i].words[k - 1].x1, q = L[i].words[k].x0;
            if (q - p >= gmin && p <= xb && q >= xb) qs[nq++] = q;
        }
    qsort(qs, nq, sizeof *qs, cmp_double);
    b = qs[0];
    for (size_t i = 0; i + 1 < nq; i++)
        if (qs[i + 1] - qs[i] <= 0.5 * size) {
            b = qs[i];
            break;
        }
    free(qs);
    a = left_edge(L, n, a, b, size);
    b = line_start(L, n, a, b, gmin, size);
    if (b - a < 0.5 * gmin) return false;
    *g0 = a, *g1 = b, *em = size;
    return true;
}

static int cmp_range(const void *pa, const void *pb)
{
    const double *p = pa, *q = pb;
    return p[0] < q[0] ? -1 : p[0] > q[0];
}

/* Where the lines [0, n) of a column usually end: the rightmost end another line's end comes within half an em
 * of (prose wraps at the column's edge; a line running past it, a table wider than the column, stands alone),
 * the rightmost end when no two lines end together. */
static double usual_right(const pdf_line *L, size_t n, double size)
{
    double best = -1e9, widest = -1e9;
    for (size_t i = 0; i < n; i++) {
        widest = fmax(widest, L[i].x1);
        if (L[i].x1 <= best) continue;
        for (size_t k = 0; k < n; k++)
            if (k != i && fabs(L[k].x1 - L[i].x1) <= 0.5 * size) {
                best = L[i].x1;
                break;
            }
    }
    return best > -1e8 ? best : widest;
}

/* PDF-LINE-GUTTER-JUSTIFIED: line l of a column whose lines usually end at right is a justified line of prose,
 * whose word spaces the justification stretched past a table's gap: it ends at the column's edge (within a tenth
 * of an em), it has three words or more, and its spaces are all one width (within 2%, a tenth of a point), as
 * justification stretches every space of a line alike. A table row's gaps are its columns' (one per column,
 * each its own width). pdfTeX's narrow columns stretch *123§ Fastställande av* or *Föredragandens förslag:
 * Kommunstyrelsen* to two or three ems a space. */
/* PDF-LINE-GUTTER-JUSTIFIED-ITEM (session 18): a list item's marker (one glyph that is no letter or digit: *•*, *◦*, *–*) is
 * set off by the list's label width, not by a stretched space: the spaces are those after it, two words or more
 * (pdfTeX's `multicol` justifies a bulleted delmål *•  Informationsöverföringen      mellan* to the column's edge). */
static bool marker_word(const char *t)
{
    return t && *t && g_utf8_validate(t, -1, NULL) && g_utf8_strlen(t, -1) == 1 && !g_unichar_isalnum(g_utf8_get_char(t));
}

static bool justified_line(const pdf_line *l, double right, double size)
{
    size_t from = l->nwords >= 3 && marker_word(l->words[0].text) ? 1 : 0;
    if (l->nwords - from < (from ? 2 : 3) || fabs(l->x1 - right) > 0.1 * size) return false;
    double lo = 1e9, hi = -1e9;
    for (size_t j = from + 1; j < l->nwords; j++) {
        double g = l->words[j].x0 - l->words[j - 1].x1;
        lo = fmin(lo, g), hi = fmax(hi, g);
    }
    return lo > 0 && hi - lo <= 0.02 * hi + 0.1;
}

/* Lines [0, n) read as one column of text: at most a quarter of them have a gap of gmin between two words
 * (a table's half holds columns; the stretched spaces of a justified line are none: PDF-LINE-GUTTER-JUSTIFIED), and
 * at most half start more than 3 em in from the column's left edge
 * (a table's second column, lines where its first is empty). */
static bool one_column(const pdf_line *L, size_t n, double gmin, double size)
{
    size_t gaps = 0, inset = 0;
    double edge = 1e9, right = usual_right(L, n, size);
    for (size_t i = 0; i < n; i++) edge = fmin(edge, L[i].x0);
    for (size_t i = 0; i < n; i++) {
        bool gap = false;
        if (justified_line(&L[i], right, size)) { /* PDF-LINE-GUTTER-JUSTIFIED: prose, no table's gaps */
            inset += L[i].x0 > edge + 3 * size;
            continue;
        }
        for (size_t j = 1; j < L[i].nwords && !gap; j++) gap = L[i].words[j].x0 - L[i].words[j - 1].x1 >= gmin;
        /* a contents line: its page number set off at the end */
        if (gap && L[i].nwords >= 2 && L[i].words[L[i].nwords - 1].x0 - L[i].words[L[i].nwords - 2].x1 >= gmin) {
            const char *t = L[i].words[L[i].nwords - 1].text;
            bool number = *t != '\0';
            for (; *t && number; t++) number = g_ascii_isdigit(*t);
            bool other = false;
            for (size_t j = 1; j + 1 < L[i].nwords && !other; j++)
                other = L[i].words[j].x0 - L[i].words[j - 1].x1 >= gmin;
            gap = !number || other;
        }
        gaps += gap;
        inset += L[i].x0 > edge + 3 * size;
    }
    return 4 * gaps <= n && 2 * inset <= n;
}

/* PDF-LINE-GUTTER-RUNS-ON: the column of words [a, b) (sorted by centre; split at x) that ends lower runs on
 * past the other's end, as a page's column filled to its foot before the other does (the flow of a page set
 * in two columns, the other column short at its end): two lines or more of it lie below the other's last
 * line, the first of them no farther below the lines above than the column's lines stand apart where both
 * columns run (a section of balanced columns ends level, or a line below, and what follows it stands a
 * paragraph apart). Then everything below the other column's end is this column's, down to the section's
 * end, and the section is not cut there: a table or paragraph of the column is never split by the cut. */
static bool runs_on(const pdf_word *w, size_t a, size_t b, double x, const double *top, const double *bottom,
                    double next, double size)
{
    if (next - fmax(bottom[0], bottom[1]) <= 2 * size) return false;
    int s = bottom[1] > bottom[0];
    double end = bottom[1 - s], from = fmax(top[0], top[1]);
    /* the bottoms of the column's lines, by the words' centres (words are sorted by centre) */
    double widest = 0, last = -1e9, below_gap = -1;
    size_t below = 0;
    for (size_t i = a; i < b; i++) {
        if ((w[i].x1 > x) != s || (w[i].y0 + w[i].y1) / 2 < from) continue;
        if (w[i].y0 > last) { /* a new line */
            double gap = last > -1e8 ? w[i].y0 - last : 0;
            if ((w[i].y0 + w[i].y1) / 2 > end) {
                if (!below) below_gap = gap;
                below++;
            } else
                widest = fmax(widest, gap);
        }
        last = fmax(last, w[i].y1);
    }
    return below >= 2 && below_gap <= widest + 0.5;
}

/* PDF-LINE-GUTTER-BALANCED: balanced columns end level, or the longer one a line lower; the cut at the shorter
 * column's end (hi, by the words' centres) leaves that line out when the columns' line pitch is wider than the
 * line is tall. The first line of the longer column (words [a, b) sorted by centre, split at x) below hi is
 * still the column's when it follows the line above at the pitch that line kept to the one before it and
 * that line stands level with the other column's last (a label set at a column's foot, its list at the head
 * of the next: *Ersättare*); a column already a line longer has its extra line, and what follows the columns
 * is no more of it, whatever its pitch. Returns the cut, moved below that line when it is. */
static double balanced_end(const pdf_word *w, size_t a, size_t b, double x, const double *bottom, double hi)
{
    int s = bottom[1] > bottom[0];
    double tops[3] = {NAN, NAN, NAN}, last = -1e9, centre = 0; /* the two lines above the cut, the one below */
    double sizes[2] = {0, 0}; /* the sizes of the line above the cut and of the one below (their first words) */
    for (size_t i = a; i < b; i++) {
        if ((w[i].x1 > x) != s) continue;
        double c = (w[i].y0 + w[i].y1) / 2;
        if (w[i].y0 > last) { /* a new line */
            if (c > hi) {
                tops[2] = w[i].y0, centre = c, sizes[1] = w[i].size;
                break;
            }
            tops[0] = tops[1], tops[1] = w[i].y0, sizes[0] = w[i].size;
        }
        last = fmax(last, w[i].y1);
    }
    if (isnan(tops[0]) || isnan(tops[2])) return hi;
    /* the top of the other column's last line: the longer column's line above the cut stands level with it
     * (the extra line is still to come), not a line lower (it is that line) */
    double other = -1e9;
    for (size_t i = a; i < b; i++)
        if ((w[i].x1 > x) != s) other = fmax(other, w[i].y0);
    double pitch = tops[1] - tops[0], next = tops[2] - tops[1];
    /* PDF-LINE-GUTTER-BALANCED-SIZE: the extra line is set in the column's size (within a tenth): a heading
     * under the columns at the pitch by chance (pdfTeX's *§ 1 Val av justerare*, 14 pt under a list of 11 pt
     * whose label *Ersättare* ends the left column) is what follows them */
    if (fabs(sizes[1] - sizes[0]) > 0.1 * sizes[0]) return hi;
    return pitch > 0 && fabs(next - pitch) <= 0.05 * pitch && tops[1] - other <= 0.5 * pitch ? centre + 0.01 : hi;
}

/* Builds the lines of a section [*a, *b) of words (sorted by centre) as two columns split at x, into out (room
 * for *b - *a lines) when they are out of step; returns the lines made, 0 when the section is not two such
 * columns (its words are then back in their order). The section is first cut to the height both columns
 * share (a line more either way): what stands above or below one column alone is read as before (a heading
 * under an attendance list set in two columns). tmp has room for the words. */
static size_t section_columns(pdf_word *w, size_t *a, size_t *b, double x, double size, double next, bool even,
                              pdf_word *tmp,
                              pdf_line *out)
{
    double top[2] = {1e9, 1e9}, bottom[2] = {-1e9, -1e9};
    for (size_t i = *a; i < *b; i++) {
        int s = w[i].x0 >= x;
        top[s] = fmin(top[s], w[i].y0), bottom[s] = fmax(bottom[s], w[i].y1);
    }
    double lo = fmax(top[0], top[1]) - size, hi = fmin(bottom[0], bottom[1]) + size;
    hi = balanced_end(w, *a, *b, x, bottom, hi);
    if (runs_on(w, *a, *b, x, top, bottom, next, size)) hi = fmax(bottom[0], bottom[1]) + size;
    while (*a < *b && (w[*a].y0 + w[*a].y1) / 2 < lo) (*a)++;
    while (*b > *a && (w[*b - 1].y0 + w[*b - 1].y1) / 2 > hi) (*b)--;
    size_t n = *b - *a, nl = 0, nr = 0;
    double lx0 = 1e9, lx1 = -1e9, rx0 = 1e9, rx1 = -1e9;
    for (size_t i = *a; i < *b; i++)
        if (w[i].x0 < x) lx0 = fmin(lx0, w[i].x0), lx1 = fmax(lx1, w[i].x1), nl++;
    for (size_t i = *a; i < *b; i++)
        if (w[i].x0 >= x) rx0 = fmin(rx0, w[i].x0), rx1 = fmax(rx1, w[i].x1), tmp[nl + nr++] = w[i];
    size_t k = 0;
    for (size_t i = *a; i < *b; i++)
        if (w[i].x0 < x) tmp[k++] = w[i];
    double width = fmax(lx1, rx1) - fmin(lx0, rx0);
    if (nl < GUTTER_MIN_LINES || nr < GUTTER_MIN_LINES || lx1 - lx0 < 0.3 * width || rx1 - rx0 < 0.3 * width)
        return 0;
    memcpy(&w[*a], tmp, n * sizeof *w);
    size_t left = pdf_build_lines(&w[*a], nl, out);
    size_t right = pdf_build_lines(&w[*a + nl], nr, out + left);
    size_t pairs = 0, apart = 0, across = 0, j = 0;
    for (size_t i = left; i < left + right; i++) {
        while (j < left && out[j].y1 < out[i].y0) j++;
        for (size_t q = j; q < left && out[q].y0 < out[i].y1; q++) {
            bool pair;
            bool step = out_of_step(&out[q], &out[i], &pair);
            /* a line built of both would mix sizes (a title beside the other column's text) */
            apart += step || (pair && fmax(out[q].size, out[i].size) > 1.2 * fmin(out[q].size, out[i].size));
            pairs += pair;
            across += !pair && fmin(out[q].y1, out[i].y1) - fmax(out[q].y0, out[i].y0) >=
                                   0.2 * fmin(out[q].y1 - out[q].y0, out[i].y1 - out[i].y0);
        }
    }
    /* each side one column of text: few lines with a gutter inside (a table's halves hold columns) */
    double gmin = fmax(6, 0.7 * size);
    bool lone = one_column(out, left, gmin, size), rone = one_column(out + left, right, gmin, size);
    bool enough = left >= GUTTER_MIN_LINES && right >= GUTTER_MIN_LINES && 5 * apart >= 2 * pairs;
    /* PDF-LINE-GUTTER-ACROSS: lines of one side set across two of the other's (a left/right pair overlapping by a
     * fifth of a line or more but less than half: pdfTeX's multicol, WeasyPrint's columns, where a heading or a
     * list's spacing shifts one column by part of a line) are out of step too: three such pairs or more, and
     * with the pairs out of step two fifths of all that overlap */
    /* PDF-LINE-GUTTER-ACROSS-SHORT: two such pairs where a side holds fewer than eight lines (pdfTeX's multicol
     * attendance lists of five lines a side, the right one set half a line lower) */
    size_t need_across = left < 8 || right < 8 ? 2 : 3;
    bool interleaved = left >= GUTTER_MIN_LINES && right >= GUTTER_MIN_LINES && across >= need_across &&
                       5 * (apart + across) >= 2 * (pairs + across);
    if (lone && rone && ((enough && apart >= 2) || interleaved)) return left + right;
    /* PDF-LINE-GUTTER-EVEN: a page's two columns of text, as wide as each other (within 8%, each measured to
     * where its lines usually end: a table wider than its column runs past that edge) with a gutter of 1.5 em
     * or more, need only two pairs out of step: set on one line pitch, the columns of a page stand in step
     * wherever their paragraphs happen to, while a table's two columns start every row together;
     * PDF-LINE-GUTTER-EVEN-TABLE: one side may hold a table (groff's front page: a label/value table in the left
     * column beside the first items in the right) */
    double ue = usual_right(out, left, size) - lx0, re = usual_right(out + left, right, size) - rx0;
    if (even && (lone || rone) && left >= GUTTER_MIN_LINES && right >= GUTTER_MIN_LINES && apart >= 2 &&
        fabs(ue - re) <= 0.08 * fmax(ue, re) && rx0 - lx1 >= 1.5 * size)
        return left + right;
    /* PDF-LINE-GUTTER-TABLE: a table in one column beside text in the other (the table read in its column,
     * PDF-COLUMN-TABLES) when more lines stand out of step (a table's own columns start their rows together)
     * and the two sides are a page's columns: as wide as each other (within 8%), a gutter of 1.5 em or more
     * between them (a table's last column beside the others is narrower or wider, and closer) */
    double lw = lx1 - lx0, rw = rx1 - rx0;
    if ((lone || rone) && enough && apart >= 4 && fabs(lw - rw) <= 0.08 * fmax(lw, rw) && rx0 - lx1 >= 1.5 * size)
        return left + right;
    qsort(&w[*a], n, sizeof *w, pdf_cmp_word_y);
    return 0;
}

/* PDF-LINE-GUTTER-OVERHANG-SIZE: a word of the left column that starts left of the band may run into the right
 * column's start by up to an em when it is a fifth larger than every word of the right column its box meets (a
 * title overflowing its CSS column, painted over the next column's first line: PDF-LINE-GUTTER-SIZE-SEAM); one
 * word of that column at least it meets. */
static bool overhang_over(const pdf_word *w, size_t n, size_t e, double g1, double size)
{
    const pdf_word *o = &w[e];
    if (o->x0 >= g1 - 2 * size || o->x1 > g1 + size || o->size <= 0) return false;
    size_t met = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == e || w[i].x0 < g1 - 0.5 || w[i].x0 >= o->x1) continue;
        if (fmin(o->y1, w[i].y1) <= fmax(o->y0, w[i].y0)) continue;
        if (o->size <= 1.2 * w[i].size) return false;
        met++;
    }
    return met > 0;
}

/* PDF-LINE-GUTTER-OVERHANG: word e of words w (n, sorted by centre) runs into the gutter band [g0, g1] from the
 * left column and stops a word space (0.3 em) short of the right column's start: a word too long for its column
 * (a title set wider than the column, *hembygdsförening*; a word a CSS column lets overflow into its gap) leaves
 * the gutter to the columns. PDF-LINE-GUTTER-OVERHANG-ALONE: only when it ends its column's line: the next word
 * on its line (half a line's overlap) starts at the right column's start or past it. A line whose next word
 * starts in the band runs across the gutter (groff's centred page footer *Strandholms kommun*) and blocks it. */
static bool overhang(const pdf_word *w, size_t n, size_t e, double g0, double g1, double size)
{
    const pdf_word *o = &w[e];
    double h = o->y1 - o->y0, next = 1e9;
    if (o->x1 > g1 - 0.3 * size && !overhang_over(w, n, e, g1, size)) return false;
    /* PDF-LINE-GUTTER-OVERHANG-RUN: a word that starts inside the band is a ragged left line's last word when the
     * words before it on its line, each a word space (0.6 em at most) from the next, reach back past the band's
     * left side (*Per-Olof Håkansson (SD), vice ordförande* in a left column whose other lines end short) */
    for (const pdf_word *at = o; at->x0 >= g0;) {
        const pdf_word *prev = NULL;
        for (size_t i = 0; i < n; i++) {
            if (w[i].x1 > at->x0 + 0.01 || at->x0 - w[i].x1 > 0.6 * size) continue;
            double hh = fmin(h, w[i].y1 - w[i].y0);
            if (fmin(o->y1, w[i].y1) - fmax(o->y0, w[i].y0) >= 0.5 * hh && (!prev || w[i].x1 > prev->x1)) prev = &w[i];
        }
        if (!prev) return false;
        at = prev;
    }
    for (size_t i = 0; i < n; i++) {
        if (i == e || w[i].x0 < o->x1 - 0.01) continue;
        double hh = fmin(h, w[i].y1 - w[i].y0);
        if (fmin(o->y1, w[i].y1) - fmax(o->y0, w[i].y0) >= 0.5 * hh) next = fmin(next, w[i].x0);
    }
    return next >= g1 - 0.5;
}

/* The lines of words w (sorted by centre) with two-column sections built column by column (PDF-LINE-GUTTER)
 * into lines (room for n), gutter band [g0, g1], em size; returns how many, 0 when no section was found
 * (w is then in its order again). */
size_t pdf_gutter_lines(pdf_word *w, size_t n, double g0, double g1, double size, pdf_line *lines)
{
    /* y ranges of the words that enter the band, merged */
    double(*block)[2] = malloc((n ? n : 1) * sizeof *block);
    pdf_word *tmp = malloc((n ? n : 1) * sizeof *tmp);
    pdf_line *sl = malloc((n ? n : 1) * sizeof *sl);
    size_t nb = 0, made = 0, done = 0, q = 0, i = 0;
    unsigned sec = 0;
    if (!block || !tmp || !sl) n = 0;
    /* PDF-LINE-GUTTER-BAND: a word blocks the band where it reaches into its middle half: a ragged line of
     * the left column may end a few points into the band (the band is narrowed to the gaps of the lines
     * that stand beside the other column) without running across the gutter; a line across the page covers
     * the band but for a word space */
    double inset = fmax(0.5, (g1 - g0) / 4);
    for (size_t e = 0; e < n; e++)
        if (w[e].x0 < g1 - inset && w[e].x1 > g0 + inset && !overhang(w, n, e, g0, g1, size))
            block[nb][0] = w[e].y0, block[nb++][1] = w[e].y1;
    if (nb) qsort(block, nb, sizeof *block, cmp_range);
    size_t m = 0;
    for (size_t e = 0; e < nb; e++) {
        if (m && block[e][0] <= block[m - 1][1]) block[m - 1][1] = fmax(block[m - 1][1], block[e][1]);
        else block[m][0] = block[e][0], block[m++][1] = block[e][1];
    }
    nb = m;
    /* the words (by centre) between two blocked ranges form a section; the rest is grouped as before */
    double mid = (g0 + g1) / 2;
    /* a part above, not read as columns, left text in the right column since the last line across the band
     * (PDF-LINE-GUTTER-EVEN holds only where both columns start) */
    bool stray = false;
    while (i < n) {
        while (q < nb && block[q][1] < (w[i].y0 + w[i].y1) / 2) q++;
        if (q < nb && block[q][0] <= (w[i].y0 + w[i].y1) / 2) {
            stray = stray && !(w[i].x0 <= g0 + 0.5 && w[i].x1 >= g1 - 0.5);
            i++;
            continue;
        }
        size_t from = i;
        while (i < n && (q >= nb || (w[i].y0 + w[i].y1) / 2 < block[q][0])) i++;
        size_t to = i;
        size_t k = section_columns(w, &from, &to, mid, size, to < n ? w[to].y0 : 1e9, !stray, tmp, sl);
        if (!k) {
            for (size_t e = from; e < to && !stray; e++) stray = w[e].x0 >= mid;
            continue;
        }
        stray = false;
        made += pdf_build_lines(&w[done], from - done, lines + made);
        /* the two columns' lines merged top to bottom: the page's lines stay in order of height (furniture);
         * the layout reads the left column first */
        sec++;
        size_t left = 0;
        while (left < k && sl[left].x0 < mid) left++;
        for (size_t e = 0, l = 0, r = left; e < k; e++) {
            bool take_left = l < left && (r == k || sl[l].y0 + sl[l].y1 <= sl[r].y0 + sl[r].y1);
            pdf_line *src = take_left ? &sl[l++] : &sl[r++];
            src->sec = sec;
            src->col = take_left ? 1 : 2;
            lines[made + e] = *src;
        }
        made += k;
        done = to;
    }
    if (sec) made += pdf_build_lines(&w[done], n - done, lines + made);
    free(block);
    free(tmp);
    free(sl);
    return sec ? made : 0;
}

