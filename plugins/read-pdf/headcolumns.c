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
 * PDF-HEAD-COLUMN-PEERS (pdf_head_column_peers): inside the columns, a bold
 * line of heading text is a heading only where its peers are. pdfTeX's
 * `multicols` sets its space above the columns, so the first bold focus line
 * at the left column's top stands tied under the section heading and reads as
 * its first subsection (PDF-HEAD-FIRST-SUB) while the focus lines after it, at
 * a paragraph's distance, stay bold paragraphs. A one-line bold heading in a
 * column whose peers (the one-line bold lines of heading text of its look in
 * the columns of its section, up to a larger heading, each over text of its
 * own) are all paragraphs, one at least, is a paragraph too.
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

/* Whether the page of v[at] is set in columns (pdf_head_across_levels' test); *mid its middle. */
static bool page_columns(samla_block *const *v, size_t n, size_t at, double *mid)
{
    size_t first = at;
    while (first > 0 && v[first - 1]->page == v[at]->page) first--;
    return page_middle(v, n, v[at]->page, mid) && columns_below(v, n, first, v[at]->page, *mid);
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
                cols = page_columns(v, n, j, &mid);
            }
            if (b->kind != SAMLA_BLOCK_HEADING) continue;
            if (b->style.font_size > h->style.font_size + 0.3 || across[j]) break;
            if (!same_look(b, h)) continue;
            if (!cols || crosses(b, mid)) break;
            if (b->level <= h->level) b->level = h->level + 1 > 9 ? 9 : h->level + 1;
        }
    }
}

/* A one-line bold line of heading text, not italic, in a column of page columns (not across the middle). */
static bool column_line(const samla_block *b, double mid)
{
    return (b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_HEADING) && b->style.bold &&
           !b->style.italic && b->y1 - b->y0 <= 1.6 * b->style.font_size && pdf_heading_text(b->text) &&
           !crosses(b, mid);
}

void pdf_head_column_peers(samla_block **v, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        samla_block *b = v[i];
        double mid;
        if (b->kind != SAMLA_BLOCK_HEADING || !page_columns(v, n, i, &mid) || !column_line(b, mid)) continue;
        if (v[i + 1]->kind == SAMLA_BLOCK_HEADING) continue;
        /* the section: back and forth up to a larger heading */
        size_t from = i, to = i + 1;
        double top = b->style.font_size + 0.3;
        while (from > 0 && !(v[from - 1]->kind == SAMLA_BLOCK_HEADING && v[from - 1]->style.font_size > top)) from--;
        while (to < n && !(v[to]->kind == SAMLA_BLOCK_HEADING && v[to]->style.font_size > top)) to++;
        size_t paragraphs = 0, headings = 0;
        int page = -1; /* the page whose columns were last looked at, once per page (the test walks all blocks) */
        bool cols = false;
        double m = 0;
        for (size_t j = from; j < to && !headings; j++) {
            const samla_block *p = v[j];
            if (j == i || j + 1 >= n || v[j + 1]->kind == SAMLA_BLOCK_HEADING || !same_look(p, b)) continue;
            if (p->page != page) page = p->page, cols = page_columns(v, n, j, &m);
            if (!cols || !column_line(p, m)) continue;
            paragraphs += p->kind == SAMLA_BLOCK_PARAGRAPH;
            headings += p->kind == SAMLA_BLOCK_HEADING;
        }
        if (paragraphs && !headings) {
            b->kind = SAMLA_BLOCK_PARAGRAPH;
            b->level = 0;
        }
    }
}
