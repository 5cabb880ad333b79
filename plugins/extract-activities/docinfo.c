/* docinfo.c: plan metadata into `document`.
 *
 * From a document-information table - label and value in one cell
 * ("Dokumenttyp" / "Handlingsplan"), a row of labels over a row of values,
 * or a label cell with its value to the right - and from short labelled
 * lines ("Diarienummer KS 2024/0611", "Gäller från 2025-01-01 till …").
 * Keys: type, adopted (an ISO date when the value holds one, else the text),
 * decided_by, valid, reference. Keys another plugin already set are kept. */
#include <string.h>

#include "acts.h"

enum { K_TYPE, K_ADOPTED, K_DECIDED, K_VALID, K_REF, K_N };
static const char *const key_names[K_N] = {"type", "adopted", "decided_by", "valid", "reference"};

typedef struct info {
    const char *v[K_N];
} info;

/* Which label text starts with; *nwords gets the label's word count. */
static int label_key(const run *r, const char *soft, size_t *nwords)
{
    const samla_phrases *ws[K_N] = {&r->s->di_type, &r->s->di_adopted, &r->s->di_decided, &r->s->di_valid,
                            &r->s->di_reference};
    int best = -1;
    size_t bestn = 0;
    for (int k = 0; k < K_N; k++) {
        size_t n = samla_phrases_prefix(ws[k], soft);
        if (n > bestn) { bestn = n; best = k; }
    }
    *nwords = bestn;
    return best;
}

static void set(info *in, int k, const char *v)
{
    if (k >= 0 && v && *v && !in->v[k]) in->v[k] = v;
}

static const char *first_text(run *r, const samla_cell *c, size_t from)
{
    const char *s = NULL;
    for (size_t k = from; c && k < c->nblocks; k++) {
        if (!c->blocks[k]->text || !*c->blocks[k]->text) continue;
        s = s ? samla_arena_printf(r->ctx->arena, "%s %s", s, c->blocks[k]->text) : c->blocks[k]->text;
    }
    return s;
}

/* "Dnr Ks 2022/670" in a block: label + rest on one line. */
static void labelled_line(run *r, info *in, const char *text)
{
    size_t n;
    const char *soft = samla_text_soft(r->ctx->arena, text);
    int k = label_key(r, soft, &n);
    if (k < 0) return;
    char *rest = samla_text_trim_end(r->ctx->arena, samla_phrases_rest(r->ctx->arena, text, n));
    if (rest && *rest) set(in, k, rest);
}

static void table_info(run *r, info *in, const samla_block *b)
{
    samla_doc *doc = &r->ctx->doc;
    samla_arena *a = r->ctx->arena;
    for (size_t row = 0; row < b->nrows; row++) {
        /* a row of labels over a row of values: most of its cells are one-line labels */
        size_t nlabels = 0, nfilled = 0, nheader = 0;
        for (size_t c = 0; c < b->ncols; c++) {
            const samla_cell *cell = samla_table_cell(b, row, c);
            size_t n;
            if (cell->covered) continue;
            const char *t = samla_cell_text(doc, cell);
            if (!*t) continue;
            nfilled++;
            if (cell->header) nheader++;
            if (cell->nblocks == 1 && label_key(r, samla_text_soft(a, t), &n) >= 0) nlabels++;
        }
        bool all_labels = (nfilled > 0 && nheader == nfilled) || (nlabels >= 2 && nlabels * 2 >= nfilled);
        for (size_t c = 0; c < b->ncols; c++) {
            const samla_cell *cell = samla_table_cell(b, row, c);
            if (cell->covered || !cell->nblocks || !cell->blocks[0]->text) continue;
            const char *t0 = cell->blocks[0]->text;
            size_t n;
            int k = label_key(r, samla_text_soft(a, t0), &n);
            if (k < 0) {
                for (size_t i = 1; i < cell->nblocks; i++)
                    if (cell->blocks[i]->text) labelled_line(r, in, cell->blocks[i]->text);
                continue;
            }
            char *rest = samla_text_trim_end(a, samla_phrases_rest(a, t0, n));
            if (rest && *rest) { set(in, k, rest); continue; }
            if (cell->nblocks > 1) { set(in, k, samla_text_trim_end(a, first_text(r, cell, 1))); continue; }
            const samla_cell *v = NULL;
            if (all_labels && row + 1 < b->nrows) v = samla_table_cell(b, row + 1, c);
            else if (c + 1 < b->ncols) v = samla_table_cell(b, row, c + 1);
            if (v && !v->covered) {
                const char *vt = first_text(r, v, 0);
                size_t vn;
                if (vt && label_key(r, samla_text_soft(a, vt), &vn) < 0) set(in, k, samla_text_trim_end(a, vt));
            }
        }
    }
}

samla_status act_docinfo(run *r)
{
    info in = {{0}};
    samla_arena *a = r->ctx->arena;
    for (size_t i = 0; i < r->ctx->doc.nblocks; i++) {
        const samla_block *b = r->ctx->doc.blocks[i];
        if (b->kind == SAMLA_BLOCK_TABLE) {
            /* an activity table is no information table */
            bool acts = false;
            for (size_t c = 0; c < b->ncols && !acts; c++)
                acts = samla_phrases_prefix(&r->s->t_activity, samla_text_soft(a, samla_cell_text(&r->ctx->doc,
                                                                   samla_table_cell(b, 0, c)))) > 0;
            if (!acts) table_info(r, &in, b);
        }
    }
    for (size_t i = 0; i < r->ctx->doc.nblocks; i++) {
        const samla_block *b = r->ctx->doc.blocks[i];
        if ((b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_HEADING) && b->text && strlen(b->text) <= 100)
            labelled_line(r, &in, b->text);
    }
    samla_node *d = samla_ctx_section(r->ctx, "document");
    if (!d) return SAMLA_ERR_NOMEM;
    if (!in.v[K_ADOPTED] && in.v[K_DECIDED]) {
        /* "Antagen av kommunstyrelsen 2025-01-28, § 9": the date is the adoption date */
        size_t end = 0;
        char *iso = samla_text_find_date(a, in.v[K_DECIDED], &end);
        if (iso) {
            in.v[K_ADOPTED] = iso;
            const char *who = in.v[K_DECIDED];
            size_t start = end;
            /* cut the decider before the date: back up over the date's characters */
            while (start > 0 && who[start - 1] != ' ') start--;
            while (start > 0 && (who[start - 1] == ' ' || who[start - 1] == ',')) start--;
            if (start > 0) in.v[K_DECIDED] = samla_text_trim_end(a, samla_arena_strndup(a, who, start));
        }
    }
    if (in.v[K_ADOPTED]) {
        char *iso = samla_text_find_date(a, in.v[K_ADOPTED], NULL);
        if (iso) in.v[K_ADOPTED] = iso;
    }
    for (int k = 0; k < K_N; k++)
        if (in.v[k] && !samla_map_get_str(d, key_names[k])) samla_map_set_str(a, d, key_names[k], in.v[k]);
    const char *valid = samla_map_get_str(d, "valid");
    r->doc_period = act_period_of(r, valid);
    if (!r->doc_period) r->doc_period = act_period_of(r, samla_map_get_str(d, "title"));
    return SAMLA_OK;
}
