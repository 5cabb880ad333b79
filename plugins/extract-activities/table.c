/* table.c: activity tables.
 *
 * A table is an activity table when a header-row cell names activities
 * ("Aktiviteter 2022", "Åtgärd", "Insats"); other header cells name the area
 * ("Prioriterat område", "Delmål"), indicators and the responsible. Each
 * paragraph (or list item) of an activity cell is one activity. Indicators
 * pair 1:1 with the activities of their row when the counts agree, else all
 * go to every activity of the row; responsible likewise. A merged cell
 * (rowspan: covered cells below) or an empty area/responsible cell below a
 * filled one within the table carries the value above down.
 *
 * PL-ACTIVITY-GROUP-ROW: a row of one cell spanning the whole table
 * ("Delmål 2.1 Fler invånare är fysiskt aktiva" over the activity rows that
 * serve it) is no activity: it names the area of the rows below it, up to the
 * next such row. A PDF without rules may lose the span: PL-ACTIVITY-GROUP-ROW-BARE. */
#include <string.h>

#include "acts.h"

enum { COL_NONE, COL_ACT, COL_IND, COL_RESP, COL_AREA, COL_NR };

/* True when position (r, c) is covered by a cell to its left in the same row (a horizontal span). */
static bool covered_from_left(const samla_block *b, size_t r, size_t c)
{
    for (size_t k = c; k-- > 0;) {
        const samla_cell *left = samla_table_cell(b, r, k);
        if (left && !left->covered) return k + (size_t)(left->colspan > 1 ? left->colspan : 1) > c;
    }
    return false;
}

/* The cell whose text position (r, c) shows: itself, or for a position covered from above the
 * cell of the vertical span; NULL for a position covered from the left or from a header row. */
static const samla_cell *origin(const samla_block *b, size_t r, size_t c)
{
    const samla_cell *cell = samla_table_cell(b, r, c);
    if (cell && cell->covered && covered_from_left(b, r, c)) return NULL;
    while (cell && cell->covered && r > 0) cell = samla_table_cell(b, --r, c);
    return cell && cell->header ? NULL : cell;
}

/* A group row: its first cell spans every column (or the other cells are covered by it). */
static bool group_row(const samla_block *b, size_t r)
{
    const samla_cell *first = samla_table_cell(b, r, 0);
    if (!first || first->covered || first->header) return false;
    /* the columns right of the span may be covered from above (a header cell a reader stretched down) */
    for (size_t c = (size_t)(first->colspan > 0 ? first->colspan : 1); c < b->ncols; c++) {
        const samla_cell *cell = samla_table_cell(b, r, c);
        if (!cell || !cell->covered) return false;
    }
    return first->colspan > 1 || b->ncols == 1;
}

/* True when row r has text in its first cell only (the others empty, not covered from above). */
static bool first_cell_only(samla_doc *doc, const samla_block *b, size_t r)
{
    const char *t0 = samla_cell_text(doc, samla_table_cell(b, r, 0));
    if (!t0 || !*t0) return false;
    for (size_t c = 1; c < b->ncols; c++) {
        const samla_cell *cell = samla_table_cell(b, r, c);
        if (!cell || cell->covered) return false;
        const char *t = samla_cell_text(doc, cell);
        if (t && t[strspn(t, " \t\n")]) return false;
    }
    return true;
}

static size_t cell_texts(run *ru, const samla_cell *cell, const char **out, size_t max)
{
    size_t n = 0;
    for (size_t k = 0; cell && k < cell->nblocks && n < max; k++) {
        const samla_block *cb = cell->blocks[k];
        if (cb->kind == SAMLA_BLOCK_TABLE || !cb->text) continue;
        char *t = samla_text_clean(ru->ctx->arena, cb->text);
        if (t && *t) out[n++] = t;
    }
    return n;
}

/* How many item numbers a number cell holds ("5", "5 6", "5\n6"); 0 when it holds anything else. */
static size_t numbers_in(const char *t)
{
    size_t n = 0;
    for (const char *p = t; p && *p;) {
        while (*p == ' ' || *p == '\n' || *p == '\t' || *p == ',' || *p == '.') p++;
        if (!*p) break;
        if (*p < '0' || *p > '9') return 0;
        while (*p >= '0' && *p <= '9') p++;
        n++;
    }
    return n;
}

static bool upper_start(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (*u >= 'A' && *u <= 'Z') || (u[0] == 0xC3 && u[1] >= 0x80 && u[1] <= 0x9E);
}

/* Splits one paragraph into its sentences (". " before a capital); returns the count, 0 when more than max. */
static size_t sentences(run *ru, const char *t, const char **out, size_t max)
{
    size_t n = 0;
    const char *from = t;
    for (const char *p = t; *p; p++) {
        if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' && upper_start(p + 2)) {
            if (n + 1 >= max) return 0;
            out[n++] = samla_arena_strndup(ru->ctx->arena, from, (size_t)(p + 1 - from));
            from = p + 2;
        }
    }
    if (n >= max) return 0;
    out[n++] = from;
    return n;
}

/* A paragraph that is only a number ("9"): an item number that slid into the activity cell. */
static bool only_number(const char *t) { return numbers_in(t) == 1 && strspn(t, "0123456789 .") == strlen(t); }

static const char *joined(run *ru, const char **t, size_t n, const char *sep)
{
    if (n == 0) return NULL;
    const char *s = t[0];
    for (size_t i = 1; i < n; i++) s = samla_arena_printf(ru->ctx->arena, "%s%s%s", s, sep, t[i]);
    return s;
}

bool act_table(run *ru, const samla_block *b)
{
    const state *s = ru->s;
    samla_arena *a = ru->ctx->arena;
    samla_doc *doc = &ru->ctx->doc;
    if (b->nrows < 1 || b->ncols < 2) return false;
    int kind[64] = {0};
    size_t ncols = b->ncols < 64 ? b->ncols : 64;
    int cact = -1;
    const char *period = NULL;
    for (size_t c = 0; c < ncols; c++) {
        const char *h = samla_cell_text(doc, samla_table_cell(b, 0, c));
        const char *soft = samla_text_soft(a, h);
        if (samla_phrases_prefix(&s->t_activity, soft) && cact < 0) { kind[c] = COL_ACT; cact = (int)c; period = act_period_of(ru, h); }
        else if (samla_phrases_prefix(&s->t_indicator, soft)) kind[c] = COL_IND;
        else if (samla_phrases_prefix(&s->t_responsible, soft)) kind[c] = COL_RESP;
        else if (samla_phrases_prefix(&s->t_area, soft)) kind[c] = COL_AREA;
        else if (samla_phrases_only(&s->t_number, soft)) kind[c] = COL_NR;
    }
    size_t first = 1;
    if (cact < 0) {
        /* no header row: the activity table above goes on here (a page break, no repeated header) */
        if (!ru->cont_open || b->ncols > ru->cont_ncols || b->ncols + 1 < ru->cont_ncols) return false;
        /* a PDF may join a narrow first column (Nr) with the next: the columns line up from the right */
        size_t shift = ru->cont_ncols - b->ncols;
        for (size_t c = 0; c < ncols; c++) {
            kind[c] = ru->cont_kind[c + shift];
            if (kind[c] == COL_ACT && cact < 0) cact = (int)c;
        }
        if (cact < 0) return false;
        period = ru->cont_period;
        first = 0;
    }
    if (!period) period = act_period_here(ru);
    ru->cont_ncols = b->ncols;
    memcpy(ru->cont_kind, kind, sizeof ru->cont_kind);
    ru->cont_period = period;
    const section *sec = act_section(ru);
    const char *carry_area = NULL, *carry_resp = NULL, *group_area = first == 0 ? ru->cont_group : NULL;
    enum { MAXP = 64 };
    /* PL-ACTIVITY-GROUP-ROW-BARE: a table led by the activity column, with no area column, whose first row
       under the header has text in its first cell only (a group row whose span a PDF without rules lost:
       the cells to its right read as empty ones; no activity row can open a table with nothing to carry
       down) is grouped: every such row in it is a group row */
    bool bare_groups = first == 1 && cact == 0 && b->ncols > 1 && b->nrows > 2 && first_cell_only(doc, b, 1);
    for (size_t c = 0; c < ncols && bare_groups; c++)
        if (kind[c] == COL_AREA) bare_groups = false;
    for (size_t r = first; r < b->nrows; r++) {
        samla_match gm;
        /* PL-ACTIVITY-GROUP-ROW-CODED: a row with text in its first cell only that starts with a goal label and
           code ("Delmål 1.1 Titel" set in the narrow Nr column by a producer without column spans) is a group row */
        bool coded_group = first_cell_only(doc, b, r) &&
                           samla_re_search(s->re_goal, samla_cell_text(doc, samla_table_cell(b, r, 0)), 0, &gm) &&
                           gm.start[0] == 0 && gm.start[1] > 0;
        if (b->ncols > 1 && (group_row(b, r) || coded_group || (bare_groups && first_cell_only(doc, b, r)))) {
            const char *gt[MAXP];
            size_t ng = cell_texts(ru, samla_table_cell(b, r, 0), gt, MAXP);
            group_area = ng ? joined(ru, gt, ng, " ") : NULL;
            carry_area = NULL;
            continue;
        }
        const samla_cell *acell = samla_table_cell(b, r, (size_t)cact);
        if (!acell || acell->covered || acell->header) continue;
        const char *acts[MAXP], *inds[MAXP], *resp[MAXP], *area_t[MAXP];
        size_t na = cell_texts(ru, acell, acts, MAXP), ni = 0, nr = 0, nar = 0;
        bool have_area_col = false, have_resp_col = false;
        for (size_t c = 0; c < ncols; c++) {
            if (kind[c] == COL_IND) ni += cell_texts(ru, origin(b, r, c), inds + ni, MAXP - ni);
            else if (kind[c] == COL_RESP && !have_resp_col) { have_resp_col = true; nr = cell_texts(ru, origin(b, r, c), resp, MAXP); }
            else if (kind[c] == COL_AREA && !have_area_col) { have_area_col = true; nar = cell_texts(ru, origin(b, r, c), area_t, MAXP); }
        }
        /* an item number alone in the activity cell is no activity */
        size_t keep = 0;
        for (size_t i = 0; i < na; i++)
            if (!only_number(acts[i])) acts[keep++] = acts[i];
        na = keep;
        /* a number cell holding several numbers ("5 6") over one paragraph of as many sentences: one
           activity per sentence (two activities split by a line break, which the reader makes a space) */
        for (size_t c = 0; c < ncols && na == 1; c++) {
            if (kind[c] != COL_NR) continue;
            size_t k = numbers_in(samla_cell_text(doc, samla_table_cell(b, r, c)));
            const char *parts[MAXP];
            if (k > 1 && sentences(ru, acts[0], parts, MAXP) == k) {
                for (size_t i = 0; i < k; i++) acts[i] = parts[i];
                na = k;
            }
        }
        if (na == 0) continue;
        const char *area = nar ? joined(ru, area_t, nar, "\n") : NULL;
        if (area) carry_area = area;
        else if (have_area_col) area = carry_area;
        if (!area && group_area) area = group_area;
        if (!have_area_col && !group_area && sec) area = sec->area;
        if (nr) carry_resp = NULL;
        const char *resp_all = nr ? joined(ru, resp, nr, "; ") : carry_resp;
        if (nr) carry_resp = resp_all;
        for (size_t i = 0; i < na; i++) {
            samla_node *ind = samla_node_seq(a);
            if (!ind) return false;
            if (ni == na) samla_seq_append_str(a, ind, inds[i]);
            else
                for (size_t k = 0; k < ni; k++) samla_seq_append_str(a, ind, inds[k]);
            const char *rs = (nr == na && na > 1) ? resp[i] : resp_all;
            if (!act_emit(ru, b, area, acts[i], ind, rs, period)) return false;
        }
    }
    return true;
}
