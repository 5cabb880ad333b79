/* tables.c: where the rows of a table region start.
 *
 * Table rows start at a vertical gap larger than the line spacing inside the
 * table where the first column has text, or at a narrower band with a rule
 * drawn across it; rows set without spacing are split where a column that had
 * ended starts again, or where cells start afresh (PDF-TABLE-TIGHT-ROWS,
 * PDF-TABLE-UNRULED-ROWS). A rule across the columns right of the first
 * starts a row under a first cell spanning rows (PDF-TABLE-ROWSPAN-RULE), and
 * so does a row gap right of a first cell whose text runs on through it
 * (PDF-TABLE-ROWSPAN-WRAP); under a first cell set vertically centred beside
 * its rows, a line where the other columns start afresh starts one
 * (PDF-TABLE-CENTRED-LABEL, -GROUPS), the cell belongs to the rows it centres
 * on (PDF-TABLE-ROWSPAN-CENTRED), and a one-line cell centred between two rows
 * parts them (PDF-TABLE-CENTRED-LINE);
 * bold header lines over plain ones are a row (PDF-TABLE-HEADER-BOLD); a
 * one-line group row under a wrapped cell is a row (PDF-TABLE-GROUP-ROW-TIGHT); a
 * spanning line is a row of its own (PDF-TABLE-SPAN-CELL). The
 * regions come from regions.c; the rows' cells are filled by tablecells.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"
#include "tables.h"

/* The row of ruled table u that line l lies in. */
static size_t ruled_row(const pdf_ruled *u, const pdf_line *l)
{
    double mid = (l->y0 + l->y1) / 2;
    size_t row = 0;
    while (row + 1 < u->nrows && mid > u->rows[row]) row++;
    return row;
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
            if (prev > -1e9) gmin = fmin(gmin, pdf_frag_top(&f) - prev);
            prev = frag_bottom(&f);
        }
    }
    return gmin < 1e9 ? gmin : 0;
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

/* The last word of the last line of column c above line i (from line `from` on), NULL when none has text. */
static const char *last_word_above(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i, size_t c)
{
    for (size_t j = i; j-- > from;) {
        pdf_frag p = pdf_column_frag(g, L[j], c);
        if (p.w1 > p.w0) return L[j]->words[p.w1 - 1].text;
    }
    return NULL;
}

/* The last line of column c above line i in the row that starts at `from`
 * ends with a hyphen: a word broken at the line end, which line i finishes. */
static bool hyphen_above(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i, size_t c)
{
    const char *t = last_word_above(g, L, from, i, c);
    size_t len = t ? strlen(t) : 0;
    return len >= 2 && (t[len - 1] == '-' || (len >= 3 && strcmp(t + len - 2, "\xc2\xad") == 0));
}

static bool spanned_row_start(const pdf_region *g, const pdf_line *l);

/* PDF-TABLE-CENTRED-CODE-WRAP: word t is a code that ends a label's first line, *Målområde 1.* over *Trygg och
 * säker vård*: a label so coded goes on into the next line however it starts (its title has not begun). A code is
 * a number with dots or a colon (*1.*, *2.3:*), or one letter and a mark (*A.*, *b)*). */
static bool code_end(const char *t)
{
    if (!t || !*t) return false;
    size_t n = strlen(t);
    if (n == 2 && ((t[0] >= 'A' && t[0] <= 'Z') || (t[0] >= 'a' && t[0] <= 'z')) && (t[1] == '.' || t[1] == ':' || t[1] == ')'))
        return true;
    bool digit = false;
    for (const char *c = t; *c; c++) {
        if (*c >= '0' && *c <= '9') digit = true;
        else if (*c != '.' && *c != ':') return false;
    }
    return digit;
}

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
    const char *t = last_word_above(g, L, from, i, c);
    size_t len = t ? strlen(t) : 0;
    return len >= 2 && t[len - 1] == '.';
}

/* The bottom of lines [a, b). */
static double lines_bottom(const pdf_line *const *L, size_t a, size_t b)
{
    double y = -1e9;
    for (size_t i = a; i < b; i++) y = fmax(y, L[i]->y1);
    return y;
}

static size_t filled_columns(const pdf_region *g, const pdf_line *l);

/* t starts with a section number of two parts or more ("2.3 ..."). */
static bool top_section_number(const char *t)
{
    if (!(*t >= '0' && *t <= '9')) return false;
    while (*t >= '0' && *t <= '9') t++;
    return *t == '.' && t[1] >= '0' && t[1] <= '9';
}

/* PDF-TABLE-CODE-SERIES: word `cur` is the code after `prev` in one series: a section number of two parts or
 * more whose last part is one more, the rest the same ("3.1" then "3.2", "2.1.4." then "2.1.5."), or a letter
 * one on closed by the same mark ("a)" then "b)"). A coded goal table lists one goal a row, so a line starting
 * with the next code starts the next row, however full the line above ran. */
static bool next_code(const char *prev, const char *cur)
{
    if (!prev || !cur) return false;
    /* PDF-TABLE-CODE-SERIES-NEXT: the first code of a later series of two parts ("3.1" after "1.2": the next focus
     * area's first delmål, a focus area without delmål skipped between) */
    unsigned pa, pb, ca, cb;
    char pe, ce;
    if (sscanf(prev, "%u.%u%c", &pa, &pb, &pe) == 2 && sscanf(cur, "%u.%u%c", &ca, &cb, &ce) == 2 && cb == 1 &&
        ca > pa && ca <= pa + 3)
        return true;
    if (top_section_number(prev)) {
        const char *a = prev, *b = cur;
        for (;;) {
            char *ea, *eb;
            unsigned long x = strtoul(a, &ea, 10), y = strtoul(b, &eb, 10);
            if (ea == a || eb == b || !(*a >= '0' && *a <= '9') || !(*b >= '0' && *b <= '9')) return false;
            bool lasta = !(*ea == '.' && ea[1] >= '0' && ea[1] <= '9');
            bool lastb = !(*eb == '.' && eb[1] >= '0' && eb[1] <= '9');
            if (lasta != lastb) return false;
            if (lasta) return y == x + 1 && strcmp(ea, eb) == 0 && (*ea == '\0' || strcmp(ea, ".") == 0);
            if (x != y) return false;
            a = ea + 1, b = eb + 1;
        }
    }
    bool la = (prev[0] >= 'a' && prev[0] < 'z') || (prev[0] >= 'A' && prev[0] < 'Z');
    return la && cur[0] == prev[0] + 1 && (prev[1] == ')' || prev[1] == '.') && prev[2] == '\0' &&
           cur[1] == prev[1] && cur[2] == '\0';
}

/* The cell text of fragment f (of line l) starts with the next code of the series cell text p (of line pl)
 * started with (next_code); or both start with one label word, the same, each followed by its code, and the codes
 * make the series (PDF-TABLE-CODE-LABEL: *Mål 3.1 …* then *Mål 3.2 …*, a labelled code series starting rows as the
 * bare *3.1* / *3.2* do). */
static bool next_cell_code(const pdf_line *pl, pdf_frag p, const pdf_line *l, pdf_frag f)
{
    if (p.w1 <= p.w0 || f.w1 <= f.w0) return false;
    const char *a = pl->words[p.w0].text, *b = l->words[f.w0].text;
    if (next_code(a, b)) return true;
    if (p.w1 - p.w0 < 2 || f.w1 - f.w0 < 2 || strcmp(a, b) != 0 || !pdf_starts_upper(a)) return false;
    for (const char *c = a; *c; c++)
        if ((*c >= '0' && *c <= '9') || *c == '.' || *c == ')') return false;
    return next_code(pl->words[p.w0 + 1].text, l->words[f.w0 + 1].text);
}

/* Every row start found before (starts[1..ns)) is one of the group rows sub[0..nsub). */
static bool keeps_starts(const size_t *starts, size_t ns, const size_t *sub, size_t nsub)
{
    for (size_t q = 1; q < ns; q++) {
        bool found = false;
        for (size_t k = 0; k < nsub && !found; k++) found = starts[q] == sub[k];
        if (!found) return false;
    }
    return true;
}

/* PDF-TABLE-ITEM-COLUMN: column c of region g holds, from line a on, four lines or more, every one starting
 * upper-case or with a digit, none after a line ending in a hyphen: a column of items one a line (a summary table's
 * delmål beside their focus area, *Invånarna är delaktiga …* over *Brukarnas erfarenheter …*), no wrapped prose,
 * which runs on lower-case somewhere. Its lines start rows though the line above ran as far as the column's widest
 * (the last column shows no wrap edge of its own). */
static bool item_column(const pdf_region *g, const pdf_line *const *L, size_t a, size_t c)
{
    size_t n = 0;
    for (size_t i = a; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], c);
        if (f.w1 <= f.w0) continue;
        const char *t = L[i]->words[f.w0].text;
        if (!pdf_starts_upper(t) && !(*t >= '0' && *t <= '9')) return false;
        if (n && hyphen_above(g, L, a, i, c)) return false;
        n++;
    }
    return n >= 4;
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
 * starts, the first the table's first line (bold header lines above the
 * first group a row of their own, PDF-TABLE-CENTRED-HEADER), and *nout; false when the groups do
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
    bool items = item_column(g, L, a, 1); /* PDF-TABLE-ITEM-COLUMN */
    for (size_t i = a + 1; i < e; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], 1);
        if (f.w1 <= f.w0) continue;
        const pdf_word *w = &L[i]->words[f.w0];
        /* the next code of the series the row above started with starts a row (PDF-TABLE-CODE-SERIES) */
        pdf_frag up = pdf_column_frag(g, L[sub[nsub - 1]], 1);
        bool coded = next_cell_code(L[sub[nsub - 1]], up, L[i], f);
        if (!coded && !items &&
            (runs_on_lower(w->text) || hyphen_above(g, L, sub[nsub - 1], i, 1) ||
             !(fits_above(g, L, sub[nsub - 1], i, 1, w, wrap[1]) || sentence_above(g, L, sub[nsub - 1], i, 1))))
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
            if (!runs_on_lower(L[j]->words[q.w0].text) && !hyphen_above(g, L, i, j, 0) &&
                !(L[j]->y0 - L[b1]->y1 < 0.5 * L[j]->size && code_end(last_word_above(g, L, i, j, 0))))
                break;
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
    if (!keeps_starts(starts, ns, sub, nsub)) return false;
    size_t *st = samla_arena_alloc(r->ctx->arena, (nsub + 2) * sizeof *st);
    if (!st) return false;
    /* PDF-TABLE-CENTRED-HEADER: the bold lines over the body are the header row, however short the first group row
     * under them (one line of the second column, its label centred lower down) */
    size_t h = a > g->first;
    st[0] = g->first;
    if (h) st[1] = a, span0[a - g->first] = false;
    for (size_t k = 1; k < nsub; k++) {
        st[k + h] = sub[k];
        span0[sub[k] - g->first] = !head[k];
    }
    st[nsub + h] = e;
    *out = st;
    *nout = nsub + h;
    return true;
}

/* PDF-TABLE-TOP-GROUPS: a table of two columns set without row spacing whose
 * first column names groups of rows at their top and is empty beside the
 * group's other rows (pandoc's pipe table in pdfTeX's longtable: a goal area
 * beside its goals, the area written once). The body is the table from the
 * row start `b` on (under a header parted by a row gap), no line of it more
 * than row_gap below the line above. A label (lines with text in the first
 * column, a new one starting upper-case on a line whose second column starts
 * too) starts a group and a row; below it, a line with nothing in the first
 * column whose second column starts afresh (not lower-case, not after a
 * hyphen, the first word would have fitted after the line above, the
 * column was silent on the line above beside a taller label, or both lines
 * start with a section number, "2.2" over "2.3") starts a row under
 * the label, which spans it (span0). Two groups or more, one with two rows
 * or more in two groups or more, under a header row; every row start
 * found before must be one of these. Sets *out
 * (arena) and *nout like centred_groups. */
static bool top_groups(pdf_reader *r, const pdf_region *g, const pdf_line *const *L, const double *wrap,
                       double row_gap, const size_t *starts, size_t ns, bool *span0, size_t **out, size_t *nout)
{
    if (g->ncols != 2 || ns < 2) return false;
    size_t b = starts[0], e = g->last;
    /* a header row over the body, parted from it by a row gap, text in both columns */
    if (!(L[starts[1]]->y0 - L[starts[1] - 1]->y1 > row_gap) || filled_columns(g, L[starts[0]]) != 2) return false;
    b = starts[1];
    if (b + 3 > e) return false;
    for (size_t i = b + 1; i < e; i++)
        if (L[i]->y0 - L[i - 1]->y1 > row_gap) return false;
    pdf_frag t0 = pdf_column_frag(g, L[b], 0), t1 = pdf_column_frag(g, L[b], 1);
    if (t0.w1 <= t0.w0 || t1.w1 <= t1.w0) return false;
    size_t *sub = samla_arena_alloc(r->ctx->arena, (e - g->first + 2) * sizeof *sub);
    bool *under = samla_arena_alloc(r->ctx->arena, (e - g->first + 2) * sizeof *under);
    if (!sub || !under) return false;
    size_t nsub = 0, groups = 0, multi = 0, top = b;
    bool items = item_column(g, L, b, 1); /* PDF-TABLE-ITEM-COLUMN */
    if (b > g->first) under[nsub] = false, sub[nsub++] = g->first;
    for (size_t i = b; i < e; i++) {
        pdf_frag f0 = pdf_column_frag(g, L[i], 0), f1 = pdf_column_frag(g, L[i], 1);
        bool has0 = f0.w1 > f0.w0, has1 = f1.w1 > f1.w0;
        if (has0) {
            if (i == b || (!runs_on_lower(L[i]->words[f0.w0].text) && !hyphen_above(g, L, top, i, 0))) {
                /* a new label: it starts its group's first row beside the first value */
                if (!has1 || runs_on_lower(L[i]->words[f1.w0].text)) return false;
                under[nsub] = false, sub[nsub++] = i;
                top = i;
                groups++;
                multi += top > b && nsub >= 2 && under[nsub - 2];
            }
            continue;
        }
        if (!has1) continue;
        const pdf_word *w = &L[i]->words[f1.w0];
        if (runs_on_lower(w->text) || hyphen_above(g, L, sub[nsub - 1], i, 1)) continue;
        bool numbered = false;
        if (top_section_number(w->text)) {
            pdf_frag p = pdf_column_frag(g, L[sub[nsub - 1]], 1);
            numbered = p.w1 > p.w0 && top_section_number(L[sub[nsub - 1]]->words[p.w0].text);
        }
        /* the column silent on the line above: its cell had ended beside a taller label */
        pdf_frag up = pdf_column_frag(g, L[i - 1], 1);
        bool silent = i > sub[nsub - 1] && up.w1 <= up.w0;
        if (!numbered && !silent && !items && !fits_above(g, L, sub[nsub - 1], i, 1, w, wrap[1])) continue;
        under[nsub] = true, sub[nsub++] = i;
    }
    multi += nsub >= 1 && under[nsub - 1];
    if (groups < 2 || multi < 2 || !keeps_starts(starts, ns, sub, nsub)) return false;
    size_t *st = samla_arena_alloc(r->ctx->arena, (nsub + 1) * sizeof *st);
    if (!st) return false;
    for (size_t k = 0; k < nsub; k++) {
        st[k] = sub[k];
        span0[sub[k] - g->first] = under[k];
    }
    st[nsub] = e;
    *out = st;
    *nout = nsub;
    return true;
}

/* PDF-TABLE-FULL-ABOVE: every line of [from, i) has text in every column: no cell has ended above line i
 * (a column falling silent), so, as in a table where no column falls silent, every line so far may be a row
 * of its own (*Datum* | *2025-01-21* / *Tid* | *09.00*) and capitals tell where the next one starts, though
 * a cell further down runs on over several lines beside a silent column. */
static bool full_above(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i)
{
    if (g->ncols != 2) return false;
    for (size_t k = from; k < i; k++)
        for (size_t c = 0; c < g->ncols; c++) {
            pdf_frag f = pdf_column_frag(g, L[k], c);
            if (f.w1 <= f.w0) return false;
        }
    return i > from;
}

/* PDF-TABLE-NAME-LINES: the first column's text on line l (fragment f) is two to four words, each starting
 * upper-case (a name, *Söderberg Roger*): a line of names filled to the column's edge over another is a list
 * of names in a narrow column, no wrapped prose (Swedish prose runs on lower-case). */
static bool capital_words(const pdf_line *l, pdf_frag f)
{
    if (f.w1 - f.w0 < 2 || f.w1 - f.w0 > 4) return false;
    for (size_t w = f.w0; w < f.w1; w++)
        if (!pdf_starts_upper(l->words[w].text)) return false;
    return true;
}

/* PDF-TABLE-NAME-COLUMN: every line of the table below its first (a header) that has text in the first column
 * has there two to four words each starting upper-case, five lines or more: a column of names, one a line. */
static bool name_column(const pdf_region *g, const pdf_line *const *L)
{
    size_t n = 0;
    for (size_t i = g->first + 1; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], 0);
        if (f.w1 <= f.w0) continue;
        if (!capital_words(L[i], f)) return false;
        n++;
    }
    return n >= 5;
}

/* PDF-TABLE-CODE-COLUMN: column c (not the first) holds on each of its lines below the table's first (a header),
 * three or more, one lower-case word of one to three letters and nothing else (party letters *s*, *sd*, *mp* in an
 * attendance table set without row spacing): a code, no wrapped cell text running on, so its lower case tells
 * nothing of where rows start. */
static bool code_column(const pdf_region *g, const pdf_line *const *L, size_t c)
{
    size_t n = 0;
    if (c == 0) return false;
    for (size_t i = g->first + 1; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], c);
        if (f.w1 <= f.w0) continue;
        if (f.w1 - f.w0 != 1) return false;
        const char *t = L[i]->words[f.w0].text;
        size_t len = 0;
        for (; t[len]; len++)
            if (t[len] < 'a' || t[len] > 'z') return false;
        if (len > 3) return false;
        n++;
    }
    return n >= 3;
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
/* PDF-TABLE-MARK-CELL: a cell of one mark, x or a dash (a presence or a vote ticked in its column), starts no
 * run-on text although "x" is lower-case, and stands with the capitals of a fresh line. */
static bool mark_cell(const pdf_line *l, pdf_frag f)
{
    if (f.w1 - f.w0 != 1) return false;
    const char *t = l->words[f.w0].text;
    return !strcmp(t, "x") || !strcmp(t, "X") || !strcmp(t, "-") || !strcmp(t, "\u2013") || !strcmp(t, "\u2014");
}

/* PDF-TABLE-FULL-LINES-ALL: every line of the table, three or more, has text in every one of its three or more
 * columns, the first column's starting upper-case or with a digit: no cell wraps (a wrapped cell leaves the other
 * columns of its second line empty), so every line is a row, though the columns are set so close (pdfTeX's
 * tabular, each column as wide as its widest cell) that no line's first word would have fitted on the line above. */
static bool all_full_lines(const pdf_region *g, const pdf_line *const *L)
{
    if (g->ncols < 3 || g->last < g->first + 3) return false;
    for (size_t k = g->first; k < g->last; k++) {
        if (filled_columns(g, L[k]) != g->ncols) return false;
        pdf_frag f0 = pdf_column_frag(g, L[k], 0);
        if (!pdf_starts_upper(L[k]->words[f0.w0].text)) return false;
    }
    return true;
}

/* What the tight-row test asks of region g as a whole, found once per region (tight_traits_of), not again at
 * each of its lines. */
typedef struct tight_traits {
    unsigned codes; /* PDF-TABLE-CODE-COLUMN: bit c set when column c (1..31) is a column of codes */
    bool names;     /* PDF-TABLE-NAME-COLUMN: the first column is names, one a line */
    bool full;      /* PDF-TABLE-FULL-LINES-ALL: every line fills every column */
} tight_traits;

static tight_traits tight_traits_of(const pdf_region *g, const pdf_line *const *L)
{
    tight_traits tr = {0, name_column(g, L), all_full_lines(g, L)};
    for (size_t c = 1; c < g->ncols && c < 32; c++)
        if (code_column(g, L, c)) tr.codes |= 1u << c;
    return tr;
}

/* PDF-TABLE-ROWSPAN-FRESH: line i, its first column empty, has text in every other column (two or more), none of it
 * running on (spanned_row_start), and in one of them at least the line above ended short of the column's wrap width
 * (`wrap`) though this line's first word would have fitted: a row under a first cell spanning it (pdfTeX's
 * longtable leaves the cell under a merged *1.1* empty: *Kartlägga kompetensbehovet …* | *Kommunledningskontoret*
 * right under *för undersköterskeelever* | *fritidsförvaltningen*), though no column fell silent above. */
static bool rowspan_fresh(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i, const double *wrap)
{
    if (g->ncols < 3 || i <= from || filled_columns(g, L[i]) != g->ncols - 1) return false;
    for (size_t c = 1; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, L[i], c), p = pdf_column_frag(g, L[i - 1], c);
        if (p.w1 > p.w0 && fits_above(g, L, from, i, c, &L[i]->words[f.w0], wrap[c])) return true;
    }
    return false;
}

static bool tight_row_start(const pdf_region *g, const pdf_line *const *L, const tight_traits *tr, size_t from,
                            size_t i, const double *wrap, const double *widest, bool caps, size_t need)
{
    size_t filled = 0, fresh = 0, upper = 0;
    bool first_fits = false;
    /* PDF-TABLE-FULL-LINES: in a table of three columns or more, a line with text in every column, the first
     * upper-case, right under another such line, is a row of its own although a later column starts lower-case
     * (a signature table *Ulla Ek | ordförande | 28.5.2025* over *Jan Berg | protokollförare | …*): wrapped cell
     * text leaves some column of its line empty */
    bool full_lines = false;
    if (g->ncols >= 3 && i > from && filled_columns(g, L[i]) == g->ncols && filled_columns(g, L[i - 1]) == g->ncols) {
        pdf_frag f0 = pdf_column_frag(g, L[i], 0), p0 = pdf_column_frag(g, L[i - 1], 0);
        full_lines = pdf_starts_upper(L[i]->words[f0.w0].text) && pdf_starts_upper(L[i - 1]->words[p0.w0].text);
        if (full_lines && tr->full) return true;
    }
    for (size_t c = 0; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, L[i], c);
        if (f.w1 <= f.w0) {
            /* an empty first column: a row under a first cell spanning rows
             * (PDF-TABLE-ROWSPAN) when other columns start again on it */
            if (c == 0 && !(spanned_row_start(g, L[i]) && (resumes(g, L, from, i) || rowspan_fresh(g, L, from, i, wrap))))
                return false;
            continue;
        }
        filled++;
        const pdf_word *w = &L[i]->words[f.w0];
        bool code = c > 0 && c < 32 && runs_on_lower(w->text) && (tr->codes & (1u << c));
        bool mark = c > 0 && mark_cell(L[i], f);
        if ((runs_on_lower(w->text) && !code && !mark && !(full_lines && c > 0)) || hyphen_above(g, L, from, i, c))
            return false;
        upper += pdf_starts_upper(w->text) || code || mark;
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
    /* PDF-TABLE-NAME-COLUMN: in a column of names, a name with every other cell on its line starting afresh
     * (upper-case, a digit or a code) starts a row though another column falls silent and starts again */
    if (filled >= 2 && upper == filled && tr->names) return true;
    return fresh >= need && (filled >= 2 || first_fits);
}

/* PDF-TABLE-LABEL-VALUE-ROWS: a table of three columns or more set without row spacing whose every cell is a label
 * line over its value (groff: *Dokumenttyp* over *Handlingsplan*, *Dokumentansvarig* over *MAS*, the value set on
 * a line of its own though it would have fitted after the label): its first line fills every column, each cell
 * starting upper-case, and so does every line where a column starts again after falling silent (the rows found by
 * PDF-TABLE-UNRULED-ROWS, one at least). Lines under the row's labels start fresh where the label ended, so a
 * line filling half the columns or fewer starts no row by the capitals or by fitting after the line above. */
static bool label_value_rows(const pdf_region *g, const pdf_line *const *L, const size_t *starts, size_t ns)
{
    if (g->ncols < 3 || filled_columns(g, L[g->first]) != g->ncols) return false;
    for (size_t c = 0; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, L[g->first], c);
        if (!pdf_starts_upper(L[g->first]->words[f.w0].text)) return false;
    }
    size_t found = 0;
    for (size_t s = 0; s < ns; s++)
        for (size_t i = starts[s] + 1; i < starts[s + 1]; i++) {
            pdf_frag f0 = pdf_column_frag(g, L[i], 0);
            if (!((f0.w1 > f0.w0 || spanned_row_start(g, L[i])) && resumes(g, L, starts[s], i))) continue;
            if (filled_columns(g, L[i]) != g->ncols) return false;
            found++;
        }
    return found > 0;
}

/* PDF-TABLE-GROUP-ROW-TIGHT: line i of a table set without row spacing (split where columns start again) is a
 * group row of its own (a plan's delmål over its activities, pdfTeX's longtable: *Suicidpreventivt arbete bedrivs
 * i samverkan* right under the wrapped *… psykisk* / *hälsa* of the row above): text in the first column only,
 * starting upper-case, whose first word would have fitted on the line above (against the column's widest line,
 * `widest`, so the line above did not wrap into it), and the next line has text in every column, each starting
 * upper-case or with a digit: a fresh row right under it. */
static bool group_row_start(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i, size_t end,
                            const double *widest)
{
    if (i + 1 >= end || g->ncols < 3 || filled_columns(g, L[i]) != 1) return false;
    pdf_frag f0 = pdf_column_frag(g, L[i], 0);
    if (f0.w1 <= f0.w0 || !pdf_starts_upper(L[i]->words[f0.w0].text) || hyphen_above(g, L, from, i, 0) ||
        !fits_above(g, L, from, i, 0, &L[i]->words[f0.w0], widest[0]))
        return false;
    /* PDF-TABLE-GROUP-ROW-WRAP: the group row may wrap in the narrow first column, one or two more lines there alone,
     * running on lower-case (*Den enskilde har en samordnad* / *individuell plan vid behov*) */
    size_t j = i + 1;
    while (j < end && j < i + 3 && filled_columns(g, L[j]) == 1) {
        pdf_frag q = pdf_column_frag(g, L[j], 0);
        if (q.w1 <= q.w0 || !runs_on_lower(L[j]->words[q.w0].text)) return false;
        j++;
    }
    if (j >= end) return false;
    for (size_t c = 0; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, L[j], c);
        if (f.w1 <= f.w0 || runs_on_lower(L[j]->words[f.w0].text)) return false;
    }
    return true;
}

/* Line l's text in the first column runs on lower-case from the line above (a wrapped cell's second line). */
static bool runs_on0(const pdf_region *g, const pdf_line *l)
{
    pdf_frag f0 = pdf_column_frag(g, l, 0);
    return f0.w1 > f0.w0 && runs_on_lower(l->words[f0.w0].text);
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

/* PDF-TABLE-ROWSPAN-WRAP: line i starts a row under a first cell spanning rows whose text wraps past the next
 * row's top (a plan's *Delmål 4 Bättre matvanor hos äldre med hemtjänst eller särskilt boende* beside its first
 * activity and on beside the second). The cells of a row all start at its top and the next row starts under the
 * tallest, so a first cell still running where the other columns start afresh spans them: the other columns
 * start afresh on line i (spanned_row_start) after a clear band wider than a row gap (`row_gap`) under their text
 * above (`above_r`), while the first column's text runs through the band, its lines set in step (no row gap in
 * it), and any text it has on line i runs on (lower-case). Only the text tells, so a table without rules reads
 * so too. */
static bool rowspan_wrap_start(const pdf_region *g, const pdf_line *const *L, size_t i, double above_r,
                               double row_gap)
{
    if (i <= g->first || !spanned_row_start(g, L[i]) || L[i]->y0 - above_r <= row_gap) return false;
    pdf_frag f0 = pdf_column_frag(g, L[i], 0);
    if (f0.w1 > f0.w0 && !runs_on_lower(L[i]->words[f0.w0].text)) return false;
    for (size_t j = i; j-- > g->first;) {
        pdf_frag q = pdf_column_frag(g, L[j], 0);
        if (q.w1 <= q.w0) continue;
        /* the nearest line of the first column above: inside the band, and no row gap between it and line i */
        return frag_bottom(&q) > above_r + 0.25 * L[j]->size && L[i]->y0 - frag_bottom(&q) <= row_gap;
    }
    return false;
}

/* PDF-TABLE-ROWSPAN-WRAP, rows found by other rules (a table set without row spacing): row start i leaves its
 * first column to the first cell of the row above when the other columns start afresh on it while the first
 * column's text on it runs on lower-case from the line right above, in step (no paragraph spacing between). */
static bool rowspan_wrap_row(const pdf_region *g, const pdf_line *const *L, size_t i)
{
    if (i <= g->first || !spanned_row_start(g, L[i])) return false;
    pdf_frag f0 = pdf_column_frag(g, L[i], 0), p0 = pdf_column_frag(g, L[i - 1], 0);
    if (f0.w1 <= f0.w0 || p0.w1 <= p0.w0 || !runs_on_lower(L[i]->words[f0.w0].text)) return false;
    return pdf_frag_top(&f0) - frag_bottom(&p0) < 0.5 * L[i]->size;
}

/* PDF-TABLE-CENTRED-LINE: line i starts a row under a one-line cell spanning two rows, set vertically centred
 * between them (groff tbl's `^` cell: *Rehabenheten* halfway between its two activities): the line above holds
 * that cell alone, in a column c right of the first, off the lines' pitch (less than a line below the line before
 * it and above line i), column c silent on both those lines, and line i starts afresh in two columns or more
 * besides c (none lower-case), one of them with text on the line before the centred one. Returns c, 0 when line
 * i starts no such row. */
static size_t centred_line_start(const pdf_region *g, const pdf_line *const *L, size_t i)
{
    if (i < g->first + 2 || g->ncols < 3 || g->ncols > 16 || filled_columns(g, L[i - 1]) != 1) return 0;
    const pdf_line *a = L[i - 2], *m = L[i - 1], *b = L[i];
    double pitch = 0.9 * fmax(a->size, b->size);
    if (m->y0 - a->y0 >= pitch || b->y0 - m->y0 >= pitch) return 0;
    size_t c = 1;
    while (c < g->ncols) {
        pdf_frag f = pdf_column_frag(g, m, c);
        if (f.w1 > f.w0) break;
        c++;
    }
    if (c >= g->ncols) return 0;
    pdf_frag fa = pdf_column_frag(g, a, c), fb = pdf_column_frag(g, b, c);
    if (fa.w1 > fa.w0 || fb.w1 > fb.w0) return 0;
    size_t fresh = 0, above = 0;
    for (size_t k = 1; k < g->ncols; k++) {
        pdf_frag f = pdf_column_frag(g, b, k), p = pdf_column_frag(g, a, k);
        if (k == c || f.w1 <= f.w0) continue;
        if (runs_on_lower(b->words[f.w0].text)) return 0;
        fresh++;
        above += p.w1 > p.w0;
    }
    return fresh >= 2 && above ? c : 0;
}

/* The first line of row s (lines [starts[s], starts[s + 1])) with text in the first column, or starts[s + 1]. */
static size_t first_line0(const pdf_region *g, const pdf_line *const *L, const size_t *starts, size_t s)
{
    size_t i = starts[s];
    while (i < starts[s + 1]) {
        pdf_frag f = pdf_column_frag(g, L[i], 0);
        if (f.w1 > f.w0) break;
        i++;
    }
    return i;
}

/* PDF-TABLE-ROWSPAN-CENTRED: a first cell spanning rows set vertically centred beside them (groff tbl's `^`
 * cells: *Delmål 1 Minskad ofrivillig ensamhet bland äldre* halfway down its three activities) starts lower than
 * its row's top, by more than a line (then the table's other first cells may start at their row's top), and the
 * rows above it it spans have nothing in the first column. Row s's
 * first cell so set, spanning the rows up to e (span0: the rows after s it runs on into), is moved up to the row
 * p among those empty rows above it that centres it best, within a line, and the rows p + 1 to s leave their
 * first column to it. The table's first row (a header) is never one of them. The first column's counterpart of
 * PDF-TABLE-CENTRED-SPAN (tablecells.c), on the rows that span0 groups. */
static void rowspan_centred(const pdf_region *g, const pdf_line *const *L, const size_t *starts, size_t ns,
                            bool *span0)
{
    /* a table that sets one first cell so centres them all: a cell may then start at its row's top */
    bool centres = false;
    for (size_t s = 2; s < ns && !centres; s++) {
        size_t i = first_line0(g, L, starts, s);
        centres = !span0[starts[s] - g->first] && i < starts[s + 1] &&
                  L[i]->y0 - L[starts[s]]->y0 >= 1.1 * L[i]->size;
    }
    for (size_t s = 2; s < ns && centres; s++) {
        size_t i = first_line0(g, L, starts, s);
        if (span0[starts[s] - g->first] || i >= starts[s + 1]) continue;
        size_t e = s + 1;
        while (e < ns && span0[starts[e] - g->first]) e++;
        double top = 1e9, bottom = -1e9;
        for (size_t j = starts[s]; j < starts[e]; j++) {
            pdf_frag f = pdf_column_frag(g, L[j], 0);
            if (f.w1 > f.w0) top = fmin(top, pdf_frag_top(&f)), bottom = fmax(bottom, frag_bottom(&f));
        }
        double mid = (top + bottom) / 2, end = lines_bottom(L, starts[s], starts[e]);
        size_t best = s;
        double off = fabs((L[starts[s]]->y0 + end) / 2 - mid);
        for (size_t p = s - 1; p >= 1 && !span0[starts[p] - g->first] && first_line0(g, L, starts, p) == starts[p + 1];
             p--) {
            double o = fabs((L[starts[p]]->y0 + end) / 2 - mid);
            if (o < off) off = o, best = p;
        }
        if (best == s || off > L[i]->size) continue;
        for (size_t p = best + 1; p <= s; p++) span0[starts[p] - g->first] = true;
    }
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
bool pdf_split_row_rest(const pdf_region *g, const pdf_line *l)
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

/* PDF-TABLE-HEADER-RULE: a table of two lines, the second not bold, text in
 * every column of both (two columns or more), is a header over one row of
 * values when a rule runs across the table between them (Word's grid:
 * "Sammanträde | Datum | Paragraf" over "Regionfullmäktige | 2024-12-10 |
 * § 187", set plain), else labels over their values in one row each cell
 * ("Datum" over "2023-08-07"). A table of two lines gives no usual line gap
 * to tell a row gap by, so the rule is asked; only such a table's area is
 * rendered (text-only precondition). */
static bool header_rule(pdf_reader *r, const pdf_region *g, const pdf_line *const *L)
{
    if (g->last != g->first + 2 || g->ncols < 2) return false;
    const pdf_line *h = L[g->first], *v = L[g->first + 1];
    if (v->bold || filled_columns(g, h) != g->ncols || filled_columns(g, v) != g->ncols) return false;
    if (v->y0 - h->y1 < -1) return false;
    double x0 = fmin(h->x0, v->x0), x1 = fmax(h->x1, v->x1);
    pdf_ink *ink = pdf_ink_area(r, samla_doc_current_page(&r->ctx->doc), x0, h->y0, x1, v->y1);
    return pdf_ink_hrule(ink, x0, x1, fmin(h->y1, v->y0) - 0.5, fmax(h->y1, v->y0) + 0.5, 0.5);
}

/* PDF-TABLE-CENTRED-CELL: line i starts a row beside a cell spanning rows,
 * set vertically centred, in a column right of the first (groff tbl's `^`
 * cell: *Hälsocentralen Ekby och* / *kommunens hemsjukvård* in the middle
 * of the two rows it spans, its text running on over the line where the
 * second row starts). The first column starts afresh on line i (upper-case,
 * silent on the line above, with text higher up in the row that starts at
 * `from`), every other column has text on it, one column runs on
 * (lower-case or after a hyphen) with a cell that began below the row's top
 * line (below a bold header not yet parted from it), and each of the others
 * starts afresh (the column was silent on the line above, or the word would
 * have fitted after that line, `wrap`): two or more of them, one in a table
 * of three columns. Returns the spanning column, 0 when line i starts no
 * such row. */
static size_t centred_cell_row(const pdf_region *g, const pdf_line *const *L, size_t from, size_t i,
                               const double *wrap)
{
    while (from < i && L[from]->bold) from++;
    if (g->ncols < 3 || g->ncols > 16 || i < from + 2) return 0;
    pdf_frag f0 = pdf_column_frag(g, L[i], 0), p0 = pdf_column_frag(g, L[i - 1], 0);
    if (f0.w1 <= f0.w0 || p0.w1 > p0.w0 || !pdf_starts_upper(L[i]->words[f0.w0].text)) return 0;
    bool higher = false;
    for (size_t j = from; j + 1 < i && !higher; j++) {
        pdf_frag q = pdf_column_frag(g, L[j], 0);
        higher = q.w1 > q.w0;
    }
    if (!higher) return 0;
    size_t span = 0, fresh = 0;
    for (size_t c = 1; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, L[i], c), p = pdf_column_frag(g, L[i - 1], c);
        if (f.w1 <= f.w0) return 0;
        const pdf_word *w = &L[i]->words[f.w0];
        if (runs_on_lower(w->text) || hyphen_above(g, L, from, i, c)) {
            pdf_frag t = pdf_column_frag(g, L[from], c);
            if (span || t.w1 > t.w0 || p.w1 <= p.w0) return 0;
            span = c;
            continue;
        }
        if (p.w1 > p.w0 && !fits_above(g, L, from, i, c, w, wrap[c])) return 0;
        fresh++;
    }
    return span && fresh >= (g->ncols > 3 ? 2u : 1u) ? span : 0;
}

/* PDF-TABLE-FRESH-LINE: line l starts a cell in every column but at most one, each upper-case or a digit, in a
 * table of three columns or more: a row of its own, not the next line of wrapped prose in the first column (pdfTeX
 * sets each column as wide as its widest cell, so a voting list's names all reach its right edge: *Ingrid Sjövall
 * | S | | Ja* over *Tomas Ahlgren | M | | Nej*). */
static bool fresh_line(const pdf_region *g, const pdf_line *l)
{
    if (g->ncols < 3) return false;
    size_t filled = 0;
    for (size_t c = 0; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, l, c);
        if (f.w1 <= f.w0) continue;
        const char *t = l->words[f.w0].text;
        if (!(c > 0 && mark_cell(l, f)) && !pdf_starts_upper(t) && !(*t >= '0' && *t <= '9')) return false;
        filled++;
    }
    return filled + 1 >= g->ncols;
}

/* PDF-TABLE-LABEL-CAPS: two-column region g's first column is a column of
 * short labels: every line with text in it holds one to three words, starts
 * upper-case or runs on (lower-case, after a hyphen), and three lines or
 * more start a label (*Datum*, *Tid*, *Beslutande*, *Övriga* /
 * *närvarande*). Capitals there start rows even where a value column falls
 * silent and starts again (a label of two lines beside a value of one). */
static bool short_label_column(const pdf_region *g, const pdf_line *const *L)
{
    if (g->ncols != 2) return false;
    size_t labels = 0;
    for (size_t i = g->first; i < g->last; i++) {
        pdf_frag f = pdf_column_frag(g, L[i], 0);
        if (f.w1 <= f.w0) continue;
        if (f.w1 - f.w0 > 3) return false;
        const char *t = L[i]->words[f.w0].text;
        if (pdf_starts_upper(t)) labels++;
        else if (!runs_on_lower(t) && !(i > g->first && hyphen_above(g, L, g->first, i, 0))) return false;
    }
    return labels >= 3;
}

/* Line l holds text in a column of g after the first. */
static bool text_beside_first(const pdf_region *g, const pdf_line *l)
{
    for (size_t c = 1; c < g->ncols; c++) {
        pdf_frag f = pdf_column_frag(g, l, c);
        if (f.w1 > f.w0) return true;
    }
    return false;
}

/* PDF-TABLE-FIRST-ONLY-ROW: a row whose lines hold text in the first column only, two lines or more, one of them
 * a word crossing the next column's start (a cell spanning the row, which pandoc's longtable sets in the narrow
 * first column a word a line, the words too long for it running over the next column: *Delmål* / *3.2* /
 * *Huvudmännen* / …), ends where a line starts a first cell afresh (not lower-case: no wrapped word) with text in
 * a later column beside it (*–* | *Inga aktiviteter planeras …*): a column the cell above spans holds no text of
 * its own in that row. Without the crossing word a row may set its other cells lower, centred beside a first cell
 * of two lines (a scanned protocol's *Skogsvallen väderberoende* / *1.5-15.10* beside its times). Lines [a, i) of
 * g fill no column but the first. */
static bool first_only(const pdf_region *g, const pdf_line *const *L, size_t a, size_t i)
{
    if (g->ncols < 2) return false;
    for (size_t k = a; k < i; k++)
        if (text_beside_first(g, L[k])) return false;
    return true;
}

/* Line l starts its first cell afresh (its first word not lower-case) and holds text in a later column. */
static bool fresh_beside(const pdf_region *g, const pdf_line *l)
{
    pdf_frag f0 = pdf_column_frag(g, l, 0);
    return f0.w1 > f0.w0 && !runs_on_lower(l->words[f0.w0].text) && text_beside_first(g, l);
}

samla_status pdf_emit_table(pdf_reader *r, const pdf_region *g0, const pdf_line *const *L)
{
    samla_arena *a = r->ctx->arena;
    pdf_region cont = *g0;
    const pdf_region *g = g0;
    bool continued = false;   /* g goes on with the table open from the page before */
    if (r->open_table && !r->emitted_since_table && subset_columns(r->open_table, g0) &&
        pdf_table_runs_over(r, r->open_table, L[g0->last - 1]->y1 - L[g0->first]->y0)) {
        continued = true;
        /* a page that finds every column keeps its own bounds: a browser lays a table out again on each page
         * (PDF-TABLE-PAGE-COLUMNS: *Psykisk* 3.6 pt left of where the column started on the page before) */
        if (g0->ncols != r->open_table->ncols) {
            cont.ncols = r->open_table->ncols;
            memcpy(cont.bounds, r->open_table->bounds, sizeof cont.bounds);
            /* a column where this page's lines put it, where the page does not find them all: a word a little
             * left of the old start would fall in the column before (PDF-TABLE-CONTINUED-BOUNDS, WeasyPrint) */
            for (size_t k = 0; k + 1 < cont.ncols; k++)
                for (size_t c = 0; c + 1 < g0->ncols; c++)
                    if (fabs(cont.bounds[k] - g0->bounds[c]) <= 6) cont.bounds[k] = g0->bounds[c];
            g = &cont;
        }
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
        return pdf_emit_rows(r, g, L, starts, ns, NULL, NULL);
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
    /* carry[i - first], bit c: the row starting at line i leaves column c to the cell above, which spans it
     * (PDF-TABLE-CENTRED-CELL) */
    unsigned short *carry = samla_arena_alloc(a, n * sizeof *carry);
    if (!carry) return SAMLA_ERR_NOMEM;
    memset(carry, 0, n * sizeof *carry);
    bool *gap_ok = samla_arena_alloc(a, n * sizeof *gap_ok), *wrapped = samla_arena_alloc(a, n * sizeof *wrapped);
    if (!span0 || !gap_ok || !wrapped) return SAMLA_ERR_NOMEM;
    memset(span0, 0, n * sizeof *span0);
    memset(wrapped, 0, n * sizeof *wrapped);
    for (size_t k = 1; k < n; k++) {
        const pdf_line *l = L[g->first + k];
        size_t cl = centred_line_start(g, L, g->first + k);
        if (ask[k] & ASK_GAP) starts[ns++] = g->first + k;
        else if (cl) {
            /* a one-line cell centred between two rows (PDF-TABLE-CENTRED-LINE) spans them */
            carry[k] |= (unsigned short)(1u << cl);
            starts[ns++] = g->first + k;
        }
        else if ((ask[k] & ASK_FULL) && pdf_ink_hrule(ink, rx0, rx1, above[k] - 0.5, l->y0 + 0.5, 0.5) &&
                 !(g->ncols == 2 && runs_on0(g, l) &&
                   !pdf_ink_hrule(ink, rx0, g->bounds[0], above[k] - 0.5, l->y0 + 0.5, 0.5)))
            /* PDF-TABLE-ROWSPAN-RULE-FIRST: in a table of two columns, where the first column's text runs on
               lower-case, the rule must cross the first column too to end its cell: a rule under the second column
               alone, however wide (Word's 35 | 65 summary table), starts a row under a first cell that spans it
               (below). Wider tables leave such a row to PDF-TABLE-ROWSPAN-WRAP (rowspan_wrap_row), which needs two
               other columns starting afresh */
            starts[ns++] = g->first + k;
        else if ((ask[k] & ASK_RIGHT) && rowspan_wrap_start(g, L, g->first + k, above_r[k], row_gap)) {
            /* the text says the first cell spans rows (PDF-TABLE-ROWSPAN-WRAP): no rule needed */
            span0[k] = wrapped[k] = true;
            starts[ns++] = g->first + k;
        }
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
    for (size_t s = 1; s < ns; s++) {
        size_t i = starts[s] - g->first, p = starts[s - 1] - g->first;
        groups += span0[i] && !wrapped[i] && !(span0[p] && !wrapped[p]);
    }
    if (groups == 1) {
        /* (a first cell whose text runs through the rows, PDF-TABLE-ROWSPAN-WRAP, needs no second group) */
        size_t k = 1;
        for (size_t s = 1; s < ns; s++) {
            size_t i = starts[s] - g->first;
            if (!span0[i] || gap_ok[i] || wrapped[i]) starts[k++] = starts[s];
            if (!wrapped[i]) span0[i] = false;
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
    pdf_column_rights(r, g, L, false, rights);
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
    bool *cand = samla_arena_alloc(a, ns * sizeof *cand), *cell = samla_arena_alloc(a, ns * sizeof *cell);
    if (!caps || !all || !cand || !cell) return SAMLA_ERR_NOMEM;
    bool label_caps = short_label_column(g, L);
    tight_traits traits = tight_traits_of(g, L);
    for (size_t s = 0; s < ns; s++) {
        size_t lines0 = 0, tight = 0, full = 0, resumed = 0;
        /* a row whose cells end at different lines (a column falls silent
         * and starts again) shows where its rows begin: capitals alone then
         * tell nothing (a label over its value in one cell) */
        for (size_t i = starts[s] + 1; i < starts[s + 1]; i++) {
            pdf_frag f0 = pdf_column_frag(g, L[i], 0);
            resumed += (f0.w1 > f0.w0 || spanned_row_start(g, L[i])) && resumes(g, L, starts[s], i);
        }
        caps[s] = !resumed || label_caps;
        for (size_t i = starts[s]; i < starts[s + 1]; i++) {
            pdf_frag f0 = pdf_column_frag(g, L[i], 0);
            if (f0.w1 <= f0.w0) continue;
            lines0++;
            /* wrapped prose: a line reaching within 2 em of the column's
             * widest line, after which the next line's first word would not
             * have fitted before the next column (a one-word line of a
             * narrow column, "12", "Nr", or names of similar length in a
             * wide column are no prose) */
            if (i + 1 < starts[s + 1] && f0.w1 - f0.w0 >= 2 && L[i]->words[f0.w1 - 1].x1 >= right0 - 2 * L[i]->size &&
                !fresh_line(g, L[i + 1])) {
                pdf_frag n0 = pdf_column_frag(g, L[i + 1], 0);
                full += n0.w1 > n0.w0 && !fits_above(g, L, i, i + 1, 0, &L[i + 1]->words[n0.w0], rights[0]) &&
                        !(capital_words(L[i], f0) && capital_words(L[i + 1], n0));
            }
            bool ci = caps[s] || full_above(g, L, starts[s], i); /* capitals tell at line i */
            tight += i > starts[s] && tight_row_start(g, L, &traits, starts[s], i, rights, widest, ci, 1);
        }
        /* not wrapped prose (most lines filled to the column's right edge);
         * or cells ending at different lines: split where a column starts again */
        /* PDF-TABLE-FRESH-LINE: two lines of a table going on from the page before, the second a line of fresh
         * cells, are two rows (the rows above them on the page before were) */
        bool two = lines0 == 2 && continued && starts[s] + 1 < starts[s + 1] && fresh_line(g, L[starts[s] + 1]);
        all[s] = (lines0 >= 3 || two) && 3 * tight >= 2 * (lines0 - 1) && 2 * full < lines0;
        split[s] = all[s] || resumed;
        if (split[s]) nsplit += tight + resumed;
        size_t centred = 0;
        for (size_t i = starts[s] + 1; i < starts[s + 1]; i++)
            centred += centred_label_row(g, L, starts[s], i, rights, false);
        cand[s] = centred > 0;
        nsplit += centred;
        size_t cells = 0;
        for (size_t i = starts[s] + 1; i < starts[s + 1]; i++) cells += centred_cell_row(g, L, starts[s], i, rights) > 0;
        cell[s] = cells > 0;
        nsplit += cells;
    }
    if (nsplit > ns) {
        /* room for a row a line: the row starts found with the row's own top may be more than counted */
        size_t *more = samla_arena_alloc(a, (nsplit + n + 1) * sizeof *more);
        if (!more) return SAMLA_ERR_NOMEM;
        size_t k = 0;
        bool label_rows = label_value_rows(g, L, starts, ns);
        for (size_t s = 0; s < ns; s++) {
            more[k++] = starts[s];
            if (split[s] || cand[s] || cell[s])
                for (size_t i = starts[s] + 1; i < starts[s + 1]; i++) {
                    pdf_frag f0 = pdf_column_frag(g, L[i], 0);
                    bool ci = caps[s] || full_above(g, L, starts[s], i);
                    size_t sc = 0;
                    if (cand[s] && centred_label_row(g, L, more[k - 1], i, rights, true)) {
                        span0[i - g->first] = true;
                        more[k++] = i;
                    } else if (cell[s] && (sc = centred_cell_row(g, L, more[k - 1], i, rights)) > 0) {
                        carry[i - g->first] |= (unsigned short)(1u << sc);
                        more[k++] = i;
                    } else if (!split[s])
                        continue;
                    else {
                        /* a line under label/value rows filling half the columns or fewer starts no row by
                         * capitals or fit (PDF-TABLE-LABEL-VALUE-ROWS); a group row still does */
                        bool lv = label_rows && 2 * filled_columns(g, L[i]) <= g->ncols && !resumes(g, L, starts[s], i);
                        if (all[s] ? !lv && tight_row_start(g, L, &traits, starts[s], i, rights, widest, ci, 1)
                                   : (!lv && (((f0.w1 > f0.w0 || spanned_row_start(g, L[i])) && resumes(g, L, starts[s], i) &&
                                               tight_row_start(g, L, &traits, starts[s], i, rights, widest, ci, 1)) ||
                                              tight_row_start(g, L, &traits, starts[s], i, rights, widest, false, 2))) ||
                                         group_row_start(g, L, more[k - 1], i, starts[s + 1], widest))
                            more[k++] = i;
                    }
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
        /* labels at the top of their groups (PDF-TABLE-TOP-GROUPS) */
        else if (top_groups(r, g, L, rights, row_gap, starts, ns, span0, &grouped, &ngrouped))
            starts = grouped, ns = ngrouped;
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
     * bold): a row of its own (PDF-TABLE-HEADER-LINE); a bold one over one
     * line of values, a rule between them (PDF-TABLE-HEADER-RULE) */
    if (starts[1] > starts[0] + 1 &&
        (header_line(g, L, starts[0], rights) || (ns == 1 && header_rule(r, g, L)))) {
        size_t *more = samla_arena_alloc(a, (ns + 2) * sizeof *more);
        if (!more) return SAMLA_ERR_NOMEM;
        more[0] = starts[0];
        more[1] = starts[0] + 1;
        memcpy(more + 2, starts + 1, ns * sizeof *more);
        starts = more;
        ns++;
    }
    /* a spanning line with text in the first column starts a row, and the line after its cell's lines starts the
     * next (PDF-TABLE-SPAN-CELL): a group row set without row spacing is no part of the rows around it, nor of
     * the header above it; the lines its cell goes on in start no row */
    {
        double edge = 1e9, right = -1e9;
        for (size_t i = g->first; i < g->last; i++) edge = fmin(edge, L[i]->x0), right = fmax(right, L[i]->x1);
        bool *st = samla_arena_alloc(a, (n + 1) * sizeof *st);
        if (!st) return SAMLA_ERR_NOMEM;
        memset(st, 0, (n + 1) * sizeof *st);
        for (size_t s = 0; s < ns; s++) st[starts[s] - g->first] = true;
        bool changed = false;
        for (size_t i = g->first; i < g->last;) {
            size_t c0, m = pdf_span_lines(r, g, L, i, g->last, edge, right, &c0);
            if (!m || L[i]->words[0].x0 > edge + 2) {
                i++;
                continue;
            }
            changed = changed || !st[i - g->first] || (i + m < g->last && !st[i + m - g->first]);
            st[i - g->first] = true;
            for (size_t j = i + 1; j < i + m; j++) changed = changed || st[j - g->first], st[j - g->first] = false;
            if (i + m < g->last) st[i + m - g->first] = true;
            i += m;
        }
        if (changed) {
            size_t *more = samla_arena_alloc(a, (n + 1) * sizeof *more);
            if (!more) return SAMLA_ERR_NOMEM;
            ns = 0;
            for (size_t k = 0; k < n; k++)
                if (st[k] || k == 0) more[ns++] = g->first + k;
            more[ns] = g->last;
            starts = more;
        }
    }
    /* a row whose lines so far fill the first column only ends at a line that starts a fresh first cell and text in
     * a later column beside it (PDF-TABLE-FIRST-ONLY-ROW) */
    {
        size_t *more = samla_arena_alloc(a, (n + 1) * sizeof *more), m = 0;
        if (!more) return SAMLA_ERR_NOMEM;
        for (size_t s = 0; s < ns; s++) {
            more[m++] = starts[s];
            for (size_t i = starts[s] + 1; i < starts[s + 1]; i++) {
                if (i < more[m - 1] + 2) continue;
                if (!first_only(g, L, more[m - 1], i)) break;
                if (!fresh_beside(g, L[i])) continue;
                /* the first cell spans the column beside it: a word of it crosses that column's start */
                bool spans = false;
                for (size_t k = more[m - 1]; k < i && !spans; k++) spans = pdf_line_crosses(L[k], g->bounds[0]);
                if (spans) more[m++] = i;
                break;
            }
        }
        if (m != ns) {
            more[m] = g->last;
            starts = more;
            ns = m;
        }
    }
    /* rows under a first cell whose text runs on into them (PDF-TABLE-ROWSPAN-WRAP) */
    for (size_t q = 1; q < ns; q++)
        if (rowspan_wrap_row(g, L, starts[q])) span0[starts[q] - g->first] = true;
    rowspan_centred(g, L, starts, ns, span0);
    return pdf_emit_rows(r, g, L, starts, ns, span0, carry);
}
