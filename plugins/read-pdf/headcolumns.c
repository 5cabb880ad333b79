/* headcolumns.c: PDF-HEAD-ACROSS-COLUMNS, a heading set across a two-column
 * section over the headings of its look inside the columns (part of the
 * heading pass of headings.c; conventions in docs/conventions.md, Reader
 * conventions, "Headings").
 *
 * A browser (or any layout that sets headings by weight alone) may give a
 * section's title and its subsections one look: *Framtida öppettider …* and
 * *Ärendebeskrivning* both bold at the body size. Where the section's body
 * is set in two columns, the page still tells them apart: the title runs
 * across the gutter above the columns, the subsections stand inside them.
 * A one-line bold line of heading text on a page whose blocks after it lie
 * in two columns (two text blocks or more wholly right of the page's middle),
 * running across the middle, right over a heading of its look that lies in
 * the left column, is a heading (pdf_head_across_columns, before levels);
 * after levels, the headings of its look that follow inside the columns, on
 * pages set in columns, are a level under it (pdf_head_across_levels), up to
 * the next heading of its look across the middle or a larger heading.
 *
 * Nothing is allocated. */
#include <math.h>

#include "pdf.h"

static bool same_look(const samla_block *a, const samla_block *b)
{
    return a->style.bold == b->style.bold && !a->style.italic && !b->style.italic &&
           fabs(a->style.font_size - b->style.font_size) < 0.3;
}

static bool text_block(const samla_block *b)
{
    return b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_LIST_ITEM || b->kind == SAMLA_BLOCK_HEADING;
}

/* The middle of page `page` by the extent of its blocks in v[0..n); false when it has none. */
static bool page_middle(samla_block *const *v, size_t n, int page, double *mid)
{
    double x0 = 1e9, x1 = -1e9;
    for (size_t i = 0; i < n; i++)
        if (v[i]->page == page && v[i]->x1 > v[i]->x0) x0 = fmin(x0, v[i]->x0), x1 = fmax(x1, v[i]->x1);
    if (x1 <= x0) return false;
    *mid = (x0 + x1) / 2;
    return true;
}

/* Blocks v[from..n) of page `page` show two columns: two text blocks or more wholly right of mid. */
static bool columns_below(samla_block *const *v, size_t n, size_t from, int page, double mid)
{
    size_t right = 0;
    for (size_t j = from; j < n && v[j]->page == page; j++) right += text_block(v[j]) && v[j]->x0 > mid;
    return right >= 2;
}

static bool crosses(const samla_block *b, double mid)
{
    double em = b->style.font_size > 0 ? b->style.font_size : 10;
    return b->x0 < mid - em && b->x1 > mid + em;
}

void pdf_head_across_columns(samla_block **v, size_t n, bool *across)
{
    for (size_t i = 0; i + 1 < n; i++) {
        samla_block *b = v[i];
        const samla_block *next = v[i + 1];
        double size = b->style.font_size, mid;
        if ((b->kind != SAMLA_BLOCK_PARAGRAPH && b->kind != SAMLA_BLOCK_HEADING) || !b->style.bold || b->style.italic)
            continue;
        if (b->y1 - b->y0 > 1.6 * size || !pdf_heading_text(b->text)) continue;
        if (next->page != b->page || next->kind != SAMLA_BLOCK_HEADING || !same_look(next, b)) continue;
        if (!page_middle(v, n, b->page, &mid) || !crosses(b, mid) || next->x1 > mid) continue;
        if (next->y0 < b->y1 || !columns_below(v, n, i + 1, b->page, mid)) continue;
        b->kind = SAMLA_BLOCK_HEADING;
        across[i] = true;
    }
}

void pdf_head_across_levels(samla_block **v, size_t n, const bool *across)
{
    for (size_t i = 0; i < n; i++) {
        if (!across[i]) continue;
        const samla_block *h = v[i];
        int page = -1;
        double mid = 0;
        bool cols = false;
        for (size_t j = i + 1; j < n; j++) {
            samla_block *b = v[j];
            if (b->page != page) {
                page = b->page;
                size_t first = j;
                while (first > 0 && v[first - 1]->page == page) first--;
                cols = page_middle(v, n, page, &mid) && columns_below(v, n, first, page, mid);
            }
            if (b->kind != SAMLA_BLOCK_HEADING) continue;
            if (b->style.font_size > h->style.font_size + 0.3 || across[j]) break;
            if (!same_look(b, h)) continue;
            if (!cols || crosses(b, mid)) break;
            if (b->level <= h->level) b->level = h->level + 1 > 9 ? 9 : h->level + 1;
        }
    }
}
