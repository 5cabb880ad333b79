/* headlook.c: a bold line weighed against the other lines of its look in the
 * document, where its own spacing cannot tell (part of the heading pass of
 * headings.c, run right after PDF-HEAD-SPACING; conventions in
 * docs/conventions.md, Reader conventions, "Headings"):
 *
 *  - PDF-HEAD-LABEL-RUN: the first of a run of bold labels (each over its own
 *    text, at a paragraph's distance above and below) set off from the text
 *    above by an empty line or more is a label like the others: the space is
 *    the run's (a block or column set that starts there), not a heading's.
 *    ms's `.2C` or a typed empty line over *Beslutande* / names / *Ersättare*
 *    / names. Not when a heading of its look elsewhere stands as far under
 *    its text (then it is one of the document's headings).
 *  - PDF-HEAD-UNDER-TABLE-LOOK: under a table, a bold line of the look of the
 *    document's headings that follow ordinary text, standing at least as far
 *    under the table as those headings stand under their text (plus what the
 *    document's tables keep under them beyond a paragraph gap, where a plain
 *    paragraph under a table shows it) and as close over its own text as
 *    they are, is one of those headings: ms's `.SH` under a `tbl` table in a
 *    document where no plain paragraph follows a table. A table continued
 *    from an earlier page stands above the line at its last row on the
 *    line's page.
 *  - PDF-HEAD-SPACED-LOOK: a one-line bold line over plain text, set at
 *    least a third of its size further under the text above than over the
 *    text below, whose space below is that of the document's headings of its
 *    look after text (their median, within a tenth of its size; two of them
 *    at least) and whose space above falls short of their least by no more
 *    than a tenth of its size, is one of them: TeX balancing two columns
 *    shrinks the glue over a heading at a column's foot (pdfTeX's
 *    *Förslag till beslut* 20.6 pt under its text where its peers stand 21.0
 *    to 22.8 pt, 1.8 paragraph gaps being 20.9).
 *
 * Nothing is allocated but a scratch array of spaces (malloc'd, freed). */
#include <math.h>
#include <stdlib.h>

#include "pdf.h"

static bool text_kind(const samla_block *b) { return b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_LIST_ITEM; }

static bool same_look(const samla_block *a, const samla_block *b)
{
    return a->style.bold == b->style.bold && !a->style.italic && !b->style.italic &&
           fabs(a->style.font_size - b->style.font_size) < 0.3;
}

/* The bottom of table t's last row on page page (a table continued from an earlier page ends there); false when
 * none of its rows is on that page. */
static bool table_foot(const samla_block *t, int page, double *y1)
{
    if (t->page == page) {
        *y1 = t->y1;
        return true;
    }
    bool any = false;
    for (size_t c = 0; t->cells && c < t->nrows * t->ncols; c++)
        for (size_t k = 0; k < t->cells[c].nblocks; k++) {
            const samla_block *b = t->cells[c].blocks[k];
            if (b->page != page || (any && b->y1 <= *y1)) continue;
            *y1 = b->y1;
            any = true;
        }
    return any;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The median of v[0..k) (sorted in place); 0 when k is 0. */
static double median(double *v, size_t k)
{
    if (!k) return 0;
    qsort(v, k, sizeof *v, cmp_double);
    return v[k / 2];
}

/* A bold heading after ordinary text on its page: its space above (and, when text follows, below). */
static bool after_text(samla_block *const *v, size_t n, size_t j, double *above, double *below)
{
    const samla_block *h = v[j];
    if (j == 0 || h->kind != SAMLA_BLOCK_HEADING || !h->style.bold) return false;
    const samla_block *prev = v[j - 1];
    if (prev->page != h->page || !text_kind(prev)) return false;
    *above = h->y0 - prev->y1;
    *below = -1e9;
    if (j + 1 < n && v[j + 1]->page == h->page && text_kind(v[j + 1])) *below = v[j + 1]->y0 - h->y1;
    return *above >= 0;
}

void pdf_head_label_runs(pdf_reader *r, samla_block **v, size_t n, double pg)
{
    if (pg <= 0) return;
    for (size_t i = 1; i + 1 < n; i++) {
        samla_block *b = v[i];
        double size = b->style.font_size, above, below;
        if (!b->style.bold || b->style.italic || size > r->body_size + 0.3) continue;
        if (!after_text(v, n, i, &above, &below) || v[i + 1]->style.bold) continue;
        /* an empty line or more over it; at a paragraph's distance over its text, as a label is */
        if (above - pg < size || fabs(below - pg) > 0.15 * size) continue;
        /* a heading of its look elsewhere as far under its text: one of the document's headings */
        bool peer = false;
        for (size_t j = 0; j < n && !peer; j++) {
            double a, bl;
            peer = j != i && same_look(v[j], b) && after_text(v, n, j, &a, &bl) && fabs(a - above) <= 0.25 * size;
        }
        if (peer) continue;
        /* the next bold line of its look in the same run of text: a label at a paragraph's distance both ways */
        size_t texts = 0;
        bool label = false;
        for (size_t k = i + 1; k + 1 < n; k++) {
            const samla_block *t = v[k], *up = v[k - 1], *down = v[k + 1];
            if (t->page != b->page || !text_kind(t)) break;
            double gap = t->y0 - up->y1;
            if (gap < -1 || gap > pg + 0.15 * size) break;
            if (!t->style.bold) {
                texts++;
                continue;
            }
            if (t->kind != SAMLA_BLOCK_PARAGRAPH || !same_look(t, b) || !pdf_heading_text(t->text)) break;
            label = texts > 0 && down->page == t->page && text_kind(down) && !down->style.bold &&
                    fabs(down->y0 - t->y1 - pg) <= 0.15 * size;
            break;
        }
        if (!label) continue;
        b->kind = SAMLA_BLOCK_PARAGRAPH;
        b->level = 0;
    }
}

void pdf_head_under_table_look(pdf_reader *r, samla_block **v, size_t n, double pg)
{
    if (pg <= 0) return;
    /* what the document's tables keep under them beyond a paragraph gap, where a plain paragraph shows it */
    double tg = pdf_table_gap((const samla_block *const *)v, n);
    double table_extra = tg > pg ? tg - pg : 0;
    double *aboves = malloc((n ? n : 1) * sizeof *aboves), *belows = malloc((n ? n : 1) * sizeof *belows);
    if (!aboves || !belows) {
        free(aboves);
        free(belows);
        return;
    }
    for (size_t i = 1; i + 1 < n; i++) {
        samla_block *b = v[i];
        const samla_block *prev = v[i - 1], *next = v[i + 1];
        double size = b->style.font_size, foot;
        if (b->kind != SAMLA_BLOCK_PARAGRAPH || !b->style.bold || b->style.italic) continue;
        if (size < fmin(r->body_size - 0.3, 0.94 * r->body_size) || b->y1 - b->y0 > 2.8 * size) continue;
        if (prev->kind != SAMLA_BLOCK_TABLE || !table_foot(prev, b->page, &foot) || !pdf_heading_text(b->text)) continue;
        if (next->page != b->page || !text_kind(next)) continue;
        double above = b->y0 - foot, below = next->y0 - b->y1;
        if (below < -1 || below > pg + 0.1 * size || below >= above - 0.35 * size) continue;
        size_t na = 0, nb = 0;
        for (size_t j = 0; j < n; j++) {
            double a, bl;
            if (j == i || !same_look(v[j], b) || !after_text(v, n, j, &a, &bl)) continue;
            aboves[na++] = a;
            if (bl > -1e8) belows[nb++] = bl;
        }
        if (!na) continue;
        if (above < median(aboves, na) + table_extra - 0.1 * size) continue;
        if (nb && fabs(below - median(belows, nb)) > 0.15 * size) continue;
        b->kind = SAMLA_BLOCK_HEADING;
    }
    free(aboves);
    free(belows);
}

void pdf_head_spaced_look(pdf_reader *r, samla_block **v, size_t n, double pg)
{
    if (pg <= 0) return;
    double *belows = malloc((n ? n : 1) * sizeof *belows);
    if (!belows) return;
    for (size_t i = 1; i + 1 < n; i++) {
        samla_block *b = v[i];
        const samla_block *prev = v[i - 1], *next = v[i + 1];
        double size = b->style.font_size;
        if (b->kind != SAMLA_BLOCK_PARAGRAPH || !b->style.bold || b->style.italic || !pdf_heading_text(b->text)) continue;
        if (size < fmin(r->body_size - 0.3, 0.94 * r->body_size) || b->y1 - b->y0 > 1.5 * size) continue;
        if (prev->page != b->page || !text_kind(prev) || next->page != b->page || !text_kind(next) || next->style.bold)
            continue;
        double above = b->y0 - prev->y1, below = next->y0 - b->y1;
        if (below < 0 || above < below + 0.35 * size) continue;
        size_t nb = 0;
        double least = 1e9;
        for (size_t j = 0; j < n; j++) {
            double a, bl;
            if (j == i || !same_look(v[j], b) || !after_text(v, n, j, &a, &bl) || bl < -1e8) continue;
            belows[nb++] = bl;
            least = fmin(least, a);
        }
        if (nb < 2 || above < least - 0.1 * size || fabs(below - median(belows, nb)) > 0.1 * size) continue;
        b->kind = SAMLA_BLOCK_HEADING;
    }
    free(belows);
}
