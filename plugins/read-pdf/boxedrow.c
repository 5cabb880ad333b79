/* boxedrow.c: a table of one row (PDF-TABLE-BOXED-ROW).
 *
 * A protocol extract often sets its reference line as a ruled table of a
 * single row ("Paragraf 23 | Diarienummer RS 2024-00873" in a box). The
 * column search of regions.c needs two lines or more to see a column, so such
 * a row reads as one paragraph, its cells run together. What makes it a
 * table is drawn: a line standing alone (outside every region found), with a
 * gutter between two runs of words (wider than a word space), a horizontal
 * rule above it and below it across the whole line, and a vertical rule in
 * the gutter over most of the line's height. Each ruled gutter is a column
 * boundary; when no gutter is ruled (a table drawn with its top and bottom
 * rules only, PDF-TABLE-RULED-ROW), each gutter is. The rules are seen by rendering (rulings.c), the only costly step:
 * only lines with a gutter are looked at (the gap after a list marker is none),
 * all of a page's in one render. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "pdf.h"

/* Line i lies in one of the n regions g. */
static bool in_region(const pdf_region *g, size_t n, size_t i)
{
    for (size_t k = 0; k < n; k++)
        if (i >= g[k].first && i < g[k].last) return true;
    return false;
}

/* The band of line i a boxed row's rules would be drawn in: [*x0, *x1] x [*top, *bottom]; false when the line has
 * no gutter (wider than a word space) or no room above or below it. gaps (16) gets the words after a gutter, *ng
 * their number. */
static bool band(const pdf_reader *r, const pdf_line *const *L, size_t n, size_t i, size_t *gaps, size_t *ng,
                 double *x0, double *top, double *x1, double *bottom)
{
    const pdf_line *l = L[i];
    double gutter = pdf_gutter(r);
    *ng = 0;
    bool bullet;
    /* the gap after a list marker is its hanging indent, no gutter (a list item is no table row) */
    size_t first = pdf_marker(r->set, l->words, l->nwords, &bullet) ? 2 : 1;
    for (size_t k = first; k < l->nwords && *ng < 16; k++)
        if (l->words[k].x0 - l->words[k - 1].x1 >= gutter) gaps[(*ng)++] = k;
    if (!*ng) return false;
    double pad = r->body_size;
    *top = i > 0 ? fmax(l->y0 - pad, L[i - 1]->y1) : l->y0 - pad;
    *bottom = i + 1 < n ? fmin(l->y1 + pad, L[i + 1]->y0) : l->y1 + pad;
    *x0 = l->x0 - pad;
    *x1 = l->x1 + pad;
    return *top < l->y0 && *bottom > l->y1;
}

/* The boxed-row region of line i, or false. */
static bool boxed_row(pdf_reader *r, const pdf_line *const *L, size_t n, size_t i, pdf_region *out)
{
    const pdf_line *l = L[i];
    size_t gaps[16], ng;
    double x0, top, x1, bottom;
    if (!band(r, L, n, i, gaps, &ng, &x0, &top, &x1, &bottom)) return false;
    pdf_ink *ink = pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), x0, top, x1, bottom);
    if (!ink) return false;
    if (!pdf_ink_hrule(ink, l->x0, l->x1, top, l->y0, 0.95) || !pdf_ink_hrule(ink, l->x0, l->x1, l->y1, bottom, 0.95))
        return false;
    *out = (pdf_region){.first = i, .last = i + 1, .ncols = 1};
    for (size_t q = 0; q < ng; q++) {
        const pdf_word *a = &l->words[gaps[q] - 1], *b = &l->words[gaps[q]];
        if (pdf_ink_vrule(ink, a->x1 + 0.5, b->x0 - 0.5, l->y0, l->y1, 0.8))
            out->bounds[out->ncols++ - 1] = b->x0 - 0.3;
    }
    /* PDF-TABLE-RULED-ROW: a table that draws only its top and bottom rules
     * (pandoc's LaTeX, booktabs) has no rule in its gutters; between those two
     * rules and nothing else, every gutter parts its cells */
    if (out->ncols == 1 && ng <= 4)
        for (size_t q = 0; q < ng; q++) out->bounds[out->ncols++ - 1] = l->words[gaps[q]].x0 - 0.3;
    return out->ncols >= 2;
}

/* Word w starts with a capital letter, a digit or a section sign. */
static bool capital_start(const pdf_word *w)
{
    gunichar c = g_utf8_get_char(w->text);
    return g_unichar_isupper(c) || g_unichar_isdigit(c) || c == 0xA7;
}

/* PDF-TABLE-GAP-ROW: line i is a borderless table of one row: a plain body
 * line (no bold word, body size or a little smaller, as table text is, not in
 * a two-column section) standing apart (paragraph space above and below), in
 * two runs of one to five words, three or more in all, parted by one wide
 * gutter (3 em or more; every other gap a word space), the second no bare
 * number, each run starting capitalised, the first not a label ending in a
 * colon, the last not running on at a hyphen, the gutter not that of the
 * page's text columns ("Paragraf 23 <gap> Diarienummer RS 2024-00873", Word's
 * borderless layout table of one row). Text only: no render. */
static bool gap_row(const pdf_reader *r, const pdf_line *const *L, size_t n, size_t i, pdf_region *out)
{
    const pdf_line *l = L[i];
    double em = r->body_size, apart = 0.25 * em;
    if (l->sec || l->nwords < 2 || l->nwords > 10 || l->size > em + 0.6 || l->size < 0.8 * em) return false;
    for (size_t k = 0; k < l->nwords; k++)
        if (l->words[k].bold) return false;
    if ((i > 0 && l->y0 - L[i - 1]->y1 < apart) || (i + 1 < n && L[i + 1]->y0 - l->y1 < apart)) return false;
    bool bullet;
    if (pdf_marker(r->set, l->words, l->nwords, &bullet)) return false;
    size_t at = 0;
    for (size_t k = 1; k < l->nwords; k++) {
        double gap = l->words[k].x0 - l->words[k - 1].x1;
        if (gap >= 3 * em) {
            if (at) return false;
            at = k;
        } else if (gap >= pdf_gutter(r))
            return false;
    }
    if (!at || at > 5 || l->nwords - at > 5 || l->nwords < 3) return false;
    /* a bare number after the gap is a page number or a contents entry's page */
    if (l->nwords - at == 1 && strspn(l->words[at].text, "0123456789") == strlen(l->words[at].text)) return false;
    const char *end = l->words[at - 1].text;
    size_t len = strlen(end);
    if (len && end[len - 1] == ':') return false;
    if (!capital_start(&l->words[0]) || !capital_start(&l->words[at])) return false;
    const char *last = l->words[l->nwords - 1].text;
    size_t ll = strlen(last);
    if (ll && last[ll - 1] == '-') return false; /* runs on: a column of text */
    if (r->column_bound > 0 && fabs(l->words[at].x0 - r->column_bound) <= 6) return false;
    *out = (pdf_region){.first = i, .last = i + 1, .ncols = 2};
    out->bounds[0] = l->words[at].x0 - 0.3;
    return true;
}

/* Region b inserted into g (*ng of them) by first line; g itself when out of memory. */
static pdf_region *insert_region(pdf_reader *r, pdf_region *g, size_t *ng, const pdf_region *b)
{
    pdf_region *more = samla_arena_alloc(r->ctx->arena, (*ng + 1) * sizeof *more);
    if (!more) return g;
    size_t at = 0;
    while (at < *ng && g[at].first < b->first) at++;
    memcpy(more, g, at * sizeof *more);
    more[at] = *b;
    memcpy(more + at + 1, g + at, (*ng - at) * sizeof *more);
    (*ng)++;
    return more;
}

pdf_region *pdf_boxed_rows(pdf_reader *r, const pdf_line *const *L, size_t n, pdf_region *g, size_t *ng)
{
    for (size_t i = 0; i < n; i++) {
        pdf_region b;
        if (!in_region(g, *ng, i) && gap_row(r, L, n, i, &b)) g = insert_region(r, g, ng, &b);
    }
    /* one render for all the page's candidate lines (rendering is most of the
     * cost: a band each made the reader 2.5 times slower) */
    double ux0 = INFINITY, uy0 = INFINITY, ux1 = -INFINITY, uy1 = -INFINITY;
    size_t candidates = 0;
    for (size_t i = 0; i < n; i++) {
        size_t gaps[16], ngaps;
        double x0, top, x1, bottom;
        if (in_region(g, *ng, i) || !band(r, L, n, i, gaps, &ngaps, &x0, &top, &x1, &bottom)) continue;
        ux0 = fmin(ux0, x0), uy0 = fmin(uy0, top), ux1 = fmax(ux1, x1), uy1 = fmax(uy1, bottom);
        candidates++;
    }
    if (!candidates) return g;
    if (candidates > 1) pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), ux0, uy0, ux1, uy1);
    for (size_t i = 0; i < n; i++) {
        pdf_region b;
        if (in_region(g, *ng, i) || !boxed_row(r, L, n, i, &b)) continue;
        g = insert_region(r, g, ng, &b);
    }
    return g;
}
