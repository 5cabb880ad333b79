/* signatures.c: who signed: the electronic signature page (NAMN / TITEL,
 * ORGANISATION / TID), paper signature lines (a role label, a dotted line,
 * the name under it, sometimes the role under the name), "Protokollet
 * justerat <date> av X, ordförande, och Y, justerare" and "Rätt utdraget
 * betygar" blocks. */
#include <string.h>

#include "protocol.h"

static samla_node *sig(pdoc *d, samla_node *out, const char *name, const char *label, const samla_block *b)
{
    samla_arena *a = d->ctx->arena;
    samla_node *n = samla_node_map(a);
    samla_map_set_str(a, n, "name", name);
    const char *k = label ? role_key(d, label) : NULL;
    samla_map_set_str(a, n, "role", k);
    if (k) samla_map_set_str(a, n, "role_label", samla_text_lower(a, label));
    samla_map_set(a, n, "source", samla_ctx_source(d->ctx, b));
    samla_seq_append(a, out, n);
    return n;
}

static char *iso_time(samla_arena *a, const char *s)
{
    char *date = samla_text_find_date(a, s, NULL);
    if (!date) return NULL;
    char hh[9] = {0}, tz[7] = {0};
    const char *p = strchr(s, ' ');
    if (p && sscanf(p, " %8[0-9:] %6[-+0-9:]", hh, tz) >= 1)
        return samla_arena_printf(a, "%sT%s%s", date, hh, tz);
    return date;
}

samla_status signatures_extract(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    samla_node *out = samla_ctx_section(d->ctx, "signatures");
    if (!out) return SAMLA_ERR_NOMEM;
    if (!d->protocol) return SAMLA_OK;
    samla_node *cur = NULL;
    const char *row_role = NULL;
    int row_key = -1;
    for (size_t i = 0; i < d->n; i++) {
        const pline *l = &d->l[i];
        samla_match m;
        if (samla_re_search(d->st->re[RE_ESIGN], l->text, 0, &m)) {
            const char *k = samla_match_group(a, &m, l->text, 1);
            const char *v = samla_match_group(a, &m, l->text, 2);
            if (strcmp(k, "NAMN") == 0) cur = sig(d, out, v, NULL, l->blk);
            else if (cur && strcmp(k, "TID") == 0) samla_map_set_str(a, cur, "time", iso_time(a, v));
            else if (cur) {
                const char *c = strchr(v, ',');
                const char *lab = c ? samla_arena_strndup(a, v, (size_t)(c - v)) : v;
                if (role_key(d, lab)) {
                    samla_map_set_str(a, cur, "role", role_key(d, lab));
                    samla_map_set_str(a, cur, "role_label", samla_text_lower(a, lab));
                    if (c) samla_map_set_str(a, cur, "organisation", samla_text_trim(a, c + 1));
                } else samla_map_set_str(a, cur, "organisation", v);
            }
            continue;
        }
        if (samla_re_search(d->st->re[RE_ADJUSTED], l->text, 0, &m)) {
            const char *date = samla_text_find_date(a, samla_match_group(a, &m, l->text, 1), NULL);
            char *ppl = samla_match_group(a, &m, l->text, 2);
            samla_node *last = NULL;
            for (char *p = ppl; p && *p;) {
                char *e = strchr(p, ',');
                if (e) *e = 0;
                char *piece = samla_text_trim(a, p);
                p = e ? e + 1 : NULL;
                if (samla_text_starts_with_ci(piece, "och ")) piece += 4;
                piece = strip_end(a, piece, ". ");
                person pp;
                if (role_key(d, piece) && last) {
                    samla_map_set_str(a, last, "role", role_key(d, piece));
                    samla_map_set_str(a, last, "role_label", samla_text_lower(a, piece));
                } else if (person_parse(d, piece, &pp)) {
                    last = sig(d, out, pp.name, NULL, l->blk);
                    samla_map_set_str(a, last, "time", date);
                }
            }
            continue;
        }
        int rk = l->row >= 0 ? l->table * 1000 + l->row : -1;
        if (rk != row_key) { row_key = rk; row_role = NULL; }
        if (l->row >= 0 && l->cell_line == 0 && role_key(d, l->text)) { row_role = l->text; continue; }
        if (!samla_re_search(d->st->re[RE_DOTS], l->text, 0, &m)) continue;
        const char *label = samla_text_trim(a, samla_arena_strndup(a, l->text, m.start[0]));
        if (label && *label) {
            if (role_key(d, label)) row_role = label;
            else if (l->row < 0) label = NULL;
        }
        const char *role = label && *label && role_key(d, label) ? label : row_role;
        /* the name: next line in the same cell, or the next paragraph */
        size_t j = i + 1;
        if (j >= d->n) break;
        const pline *n = &d->l[j];
        if (l->row >= 0 && (n->table != l->table || n->row != l->row || n->col != l->col)) continue;
        person p;
        if (!person_parse(d, n->text, &p)) continue;
        samla_node *s = sig(d, out, p.name, role, n->blk);
        if (!role && p.nroles) {
            samla_map_set_str(a, s, "role", p.roles[0]);
            samla_map_set_str(a, s, "role_label", p.labels[0]);
        }
        if (j + 1 < d->n) {
            const pline *r = &d->l[j + 1];
            bool same = l->row >= 0 ? (r->table == l->table && r->row == l->row && r->col == l->col) : r->row < 0;
            if (same && role_key(d, r->text) && !samla_map_get(s, "role")) {
                samla_map_set_str(a, s, "role", role_key(d, r->text));
                samla_map_set_str(a, s, "role_label", samla_text_lower(a, r->text));
            } else if (same && l->row < 0) {
                size_t e;
                char *date = samla_text_find_date(a, r->text, &e);
                if (date) {
                    samla_map_set_str(a, s, "time", date);
                    const char *pl = samla_text_trim(a, strip_end(a, samla_arena_strndup(a, r->text, strcspn(r->text, "0123456789")), ", "));
                    if (pl && *pl) samla_map_set_str(a, s, "place", pl);
                }
            }
        }
        for (size_t k = 0; k < d->nitems; k++)
            if (i >= d->items[k].start && i < d->items[k].end) samla_map_set_str(a, s, "item", d->items[k].number);
        i = j;
    }
    return SAMLA_OK;
}
