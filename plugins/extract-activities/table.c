/* table.c: activity tables.
 *
 * A table is an activity table when a header-row cell names activities
 * ("Aktiviteter 2022", "Åtgärd", "Insats"); other header cells name the area
 * ("Prioriterat område", "Delmål"), indicators and the responsible. Each
 * paragraph (or list item) of an activity cell is one activity. Indicators
 * pair 1:1 with the activities of their row when the counts agree, else all
 * go to every activity of the row; responsible likewise. A merged cell
 * (rowspan: covered cells below) or an empty area/responsible cell below a
 * filled one within the table carries the value above down. */
#include <string.h>

#include "acts.h"

enum { COL_NONE, COL_ACT, COL_IND, COL_RESP, COL_AREA };

/* Paragraph texts of a cell (covered cells: those of the cell that covers them). */
static const samla_cell *origin(const samla_block *b, size_t r, size_t c)
{
    const samla_cell *cell = samla_table_cell(b, r, c);
    while (cell && cell->covered && r > 0) cell = samla_table_cell(b, --r, c);
    return cell;
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
    if (b->nrows < 2 || b->ncols < 2) return false;
    int kind[64] = {0};
    size_t ncols = b->ncols < 64 ? b->ncols : 64;
    int cact = -1;
    const char *period = NULL;
    for (size_t c = 0; c < ncols; c++) {
        const char *h = samla_cell_text(doc, samla_table_cell(b, 0, c));
        const char *soft = samla_text_soft(a, h);
        if (words_prefix(&s->t_activity, soft) && cact < 0) { kind[c] = COL_ACT; cact = (int)c; period = act_period_of(ru, h); }
        else if (words_prefix(&s->t_indicator, soft)) kind[c] = COL_IND;
        else if (words_prefix(&s->t_responsible, soft)) kind[c] = COL_RESP;
        else if (words_prefix(&s->t_area, soft)) kind[c] = COL_AREA;
    }
    if (cact < 0) return false;
    if (!period) period = act_period_here(ru);
    const section *sec = act_section(ru);
    const char *carry_area = NULL, *carry_resp = NULL;
    enum { MAXP = 64 };
    for (size_t r = 1; r < b->nrows; r++) {
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
        if (na == 0) continue;
        const char *area = nar ? joined(ru, area_t, nar, "\n") : NULL;
        if (area) carry_area = area;
        else if (have_area_col) area = carry_area;
        if (!have_area_col && sec) area = sec->title;
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
