/* gluedcells.c: PDF-TABLE-GLUED-CELLS, a word that runs over a table column's start split there.
 *
 * pdfTeX lets an overfull table cell run on into the next column, and the text
 * layer then holds the end of that cell and the start of the next one as one
 * word (`KommunledningskontoretQ4`): the gap that would have parted them is
 * gone, so no column boundary is found there and the two columns read as one.
 * A word whose glyph run crosses an x where words of other lines start (at
 * least two, within a point), in a run of adjacent lines none of which has a
 * word crossing that x, and where a capital or a digit right after a lower-case
 * letter starts at that x, is two words: the part before it and the rest. The
 * glyph positions come from the text layer (lines.c keeps the one candidate
 * step of each word, pdf_word.cut). A cell's own overfull word crossing that x
 * (set on from its column's start) is no obstacle (PDF-TABLE-GLUED-OVERFULL). */
#include <math.h>
#include <string.h>

#include "pdf.h"

#define GLUED_TOL 1.0    /* pt: the step's glyph starts where the other lines' words do */
#define GLUED_MIN_STARTS 2

/* Lines of page p other than line k with a word starting at x (within GLUED_TOL), counted up to GLUED_MIN_STARTS. */
static size_t starts_at(const pdf_page *p, size_t k, double x)
{
    size_t n = 0;
    for (size_t j = 0; j < p->nlines && n < GLUED_MIN_STARTS; j++)
        for (size_t i = 0; j != k && i < p->lines[j].nwords; i++)
            if (fabs(p->lines[j].words[i].x0 - x) <= GLUED_TOL) {
                n++;
                break;
            }
    return n;
}

/* PDF-TABLE-GLUED-OVERFULL: word i of line k is a cell's overfull word, printed on over the next column (pdfTeX:
 * *Kommunledningskontoret* over *Andel elever*): it opens its cell (the line's first word, or set a gutter of
 * an em after the word before it) where words of at least two other lines start (its column's start). */
static bool overfull_cell_word(const pdf_page *p, size_t k, size_t i)
{
    const pdf_line *l = &p->lines[k];
    const pdf_word *w = &l->words[i];
    if (i > 0 && w->x0 - l->words[i - 1].x1 < w->size) return false;
    return starts_at(p, k, w->x0) >= GLUED_MIN_STARTS;
}

/* Line k has a word starting at x (0), none crossing it (1), or a word crossing it (2); a word glued at x
 * itself does not cross, nor does a cell's overfull word (PDF-TABLE-GLUED-OVERFULL). */
static int line_at(const pdf_page *p, size_t k, double x)
{
    const pdf_line *l = &p->lines[k];
    int r = 1;
    for (size_t i = 0; i < l->nwords; i++) {
        const pdf_word *w = &l->words[i];
        if (fabs(w->x0 - x) <= GLUED_TOL) r = 0;
        else if (w->x0 < x - GLUED_TOL && w->x1 > x + GLUED_TOL && !(w->cut && fabs(w->cut_x0 - x) <= GLUED_TOL) &&
                 !overfull_cell_word(p, k, i))
            return 2;
    }
    return r;
}

/* Words of other lines start at x, in the run of lines around line k that respects it. */
static bool column_start(const pdf_page *p, size_t k, double x)
{
    size_t starts = 0;
    for (size_t j = k; j-- > 0;) {
        int a = line_at(p, j, x);
        if (a == 2) break;
        starts += a == 0;
    }
    for (size_t j = k + 1; j < p->nlines; j++) {
        int a = line_at(p, j, x);
        if (a == 2) break;
        starts += a == 0;
    }
    return starts >= GLUED_MIN_STARTS;
}

samla_status pdf_split_glued(samla_arena *a, pdf_page *p)
{
    for (size_t k = 0; k < p->nlines; k++) {
        pdf_line *l = &p->lines[k];
        for (size_t i = 0; i < l->nwords; i++) {
            const pdf_word *w = &l->words[i];
            if (!w->cut || w->cut_x0 - w->x0 < GLUED_TOL || line_at(p, k, w->cut_x0) == 2 ||
                !column_start(p, k, w->cut_x0))
                continue;
            pdf_word *nw = samla_arena_alloc(a, (l->nwords + 1) * sizeof *nw);
            size_t len = strlen(w->text);
            char *t0 = samla_arena_alloc(a, w->cut + 1u), *t1 = samla_arena_alloc(a, len - w->cut + 1u);
            if (!nw || !t0 || !t1) return SAMLA_ERR_NOMEM;
            memcpy(t0, w->text, w->cut);
            t0[w->cut] = '\0';
            memcpy(t1, w->text + w->cut, len - w->cut + 1u);
            memcpy(nw, l->words, (i + 1) * sizeof *nw);
            memcpy(nw + i + 2, l->words + i + 1, (l->nwords - i - 1) * sizeof *nw);
            nw[i + 1] = nw[i];
            nw[i].text = t0, nw[i].x1 = w->cut_x1, nw[i].cut = 0;
            nw[i + 1].text = t1, nw[i + 1].x0 = w->cut_x0, nw[i + 1].cut = 0, nw[i + 1].first_x1 = 0;
            l->words = nw;
            l->nwords++;
            i++;
        }
    }
    return SAMLA_OK;
}
