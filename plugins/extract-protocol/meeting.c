/* meeting.c: the meeting section from a protocol's front matter: label/value
 * table rows and "Label: value" lines (labels in data/protocol-labels.yaml),
 * the title block (body), the registry line; also decides whether the
 * document is a protocol at all (a non-protocol gets an empty meeting). */
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

/* Label and value of line i: a table row's first cell + the next cells'
 * first line, or "Label: value" in one line. */
static const char *kv(pdoc *d, size_t i, const char **value)
{
    const pline *l = &d->l[i];
    if (l->row >= 0) {
        if (l->cell_line != 0) return NULL;
        const char *rest;
        const char *k = ptable_prefix(d, &d->st->meeting_labels, l->text, true, &rest);
        if (!k) return NULL;
        if (*rest) { *value = rest; return k; }
        for (size_t j = i + 1; j < d->n && d->l[j].table == l->table && d->l[j].row == l->row; j++)
            if (d->l[j].col > l->col) {
                if (!ptable_exact(d, &d->st->meeting_labels, d->l[j].text)) { *value = d->l[j].text; return k; }
                break;
            }
        /* a header row of labels ("Sammanträde | Datum | Paragraf") over a row
         * of values: the value is the cell below */
        bool header = l->col > 0 && ptable_exact(d, &d->st->meeting_labels, l->text);
        for (size_t j = i + 1; !header && j < d->n && d->l[j].table == l->table && d->l[j].row == l->row; j++)
            if (d->l[j].col > l->col) header = ptable_exact(d, &d->st->meeting_labels, d->l[j].text) != NULL;
        if (!header || !ptable_exact(d, &d->st->meeting_labels, l->text)) return NULL;
        for (size_t j = i + 1; j < d->n && d->l[j].table == l->table && d->l[j].row <= l->row + 1; j++)
            if (d->l[j].row == l->row + 1 && d->l[j].col == l->col && d->l[j].cell_line == 0) {
                *value = d->l[j].text;
                return k;
            }
        return NULL;
    }
    if (strlen(l->text) > 200) return NULL;
    const char *rest;
    const char *k = ptable_prefix(d, &d->st->meeting_labels, l->text, true, &rest);
    if (!k || !*rest) return NULL;
    /* "Label value" without a colon only when the value starts with a digit, or (P-FRONT-LABEL-VALUE read
     * as one line: a reader joined a one-row label/value table) when a place-and-time or date-and-time label's
     * value holds a date or a time ("Sammanträdesplats och tid Församlingshemmet, 2023-01-09 kl. 18.00") */
    size_t ll = (size_t)(rest - l->text);
    if (!strchr(l->text, ':') || strchr(l->text, ':') > l->text + ll) {
        bool dated = (strcmp(k, "place_time") == 0 || strcmp(k, "date_time") == 0) &&
                     (samla_text_find_date(d->ctx->arena, rest, NULL) || samla_text_find_time(d->ctx->arena, rest, NULL));
        if (!(rest[0] >= '0' && rest[0] <= '9') && !dated) return NULL;
    }
    *value = rest;
    return k;
}

/* P-FRONT-STACKED-LABELS: a front-page cell holding only labels, one under
 * the other ("Organ Sammanträdestid Sammanträdesplats Ärenden" once a reader
 * joined its lines), beside a cell with one value a line, as many as there
 * are labels: the k-th label names the k-th value (with fewer values, the
 * labels left over get none). Fills keys/values (at most max) and returns
 * the count of pairs, 0 when line i is not such a cell. */
static size_t stacked(pdoc *d, size_t i, const char **keys, const char **values, size_t max)
{
    const pline *l = &d->l[i];
    if (l->row < 0 || l->cell_line != 0) return 0;
    size_t n = 0;
    for (const char *p = l->text; p && *p;) {
        const char *rest = NULL;
        const char *k = ptable_prefix(d, &d->st->meeting_labels, p, true, &rest);
        if (!k || n == max || rest == p) return 0;
        keys[n++] = k;
        p = rest;
    }
    if (n < 2) return 0;
    size_t nv = 0;
    for (size_t j = i + 1; j < d->n && d->l[j].table == l->table && d->l[j].row == l->row; j++) {
        if (d->l[j].col == l->col) return 0;   /* the label cell goes on: not stacked labels */
        if (d->l[j].col != l->col + 1) break;
        if (nv == n) return 0;
        values[nv++] = d->l[j].text;
    }
    if (!nv) return 0;
    /* fewer values than labels: a reader joined the last lines ("Stadshuset … e-möte 1–9§"); an items
     * range ending the last value is the value of an unpaired items label */
    samla_match m;
    for (size_t k = nv; k < n && nv < n; k++)
        if (strcmp(keys[k], "items") == 0 && samla_re_search(d->st->re[RE_ITEMS_TAIL], values[nv - 1], 0, &m)) {
            samla_arena *a = d->ctx->arena;
            const char *items = samla_match_group(a, &m, values[nv - 1], 1);
            values[nv - 1] = samla_text_trim(a, samla_arena_strndup(a, values[nv - 1], (size_t)m.start[0]));
            keys[nv] = keys[k];
            values[nv++] = items;
            break;
        }
    return nv;
}

/* The place in a place-and-time value: its comma-separated parts without the date and time ("Kommunhuset,
 * Sessionssalen, måndagen den 4 mars 2024 kl. 18.30" -> "Kommunhuset, Sessionssalen"). A part with a
 * number that is no date or time is part of the place ("Stadshuset, sal 2", "Kommunhuset, rum 214"); a
 * part where a date or time begins keeps what stands before it ("Rådhuset 2024-03-04"), and a weekday,
 * "den" or a "kl" left without its time end no part (P-FRONT-PLACE-PARTS). */
static const char *place_part(pdoc *d, const char *s)
{
    samla_arena *a = d->ctx->arena;
    char *out = NULL;
    char *c = samla_arena_strdup(a, s);
    for (char *p = c; p && *p;) {
        char *e = strchr(p, ',');
        if (e) *e = 0;
        char *t = samla_text_trim(a, p);
        size_t ds = 0, ts = 0;
        if (t && samla_text_find_date_at(a, t, &ds, NULL)) t[ds] = 0;
        if (t && samla_text_find_time_at(a, t, &ts, NULL)) t[ts] = 0;
        samla_match m;
        if (t && samla_re_search(d->st->re[RE_PLACE_TAIL], t, 0, &m)) t[m.start[0]] = 0;
        t = samla_text_trim(a, t);
        if (t && *t) out = out ? samla_arena_printf(a, "%s, %s", out, t) : t;
        p = e ? e + 1 : NULL;
    }
    return out;
}

/* Date and start/end times in s (P-FRONT-TIME-SPAN); a time after an adjournment (pattern `adjourn`) is a
 * pause, not the end. */
static void date_times(const pdoc *d, samla_arena *a, samla_node *m, const char *s, bool set_date)
{
    size_t end = 0, e2 = 0;
    char *date = samla_text_find_date(a, s, &end);
    if (set_date && date && !samla_map_get(m, "date")) samla_map_set_str(a, m, "date", date);
    samla_match am;
    const char *stop = samla_re_search(d->st->re[RE_ADJOURN], s, 0, &am) ? s + am.start[0] : NULL;
    const char *from = date ? s + end : s;
    char *t1, *t2;
    size_t ts = 0;
    if (!samla_text_find_time_span(a, from, &t1, &t2, &ts, &e2)) return;
    if (stop && from + ts > stop) return;
    samla_map_set_str(a, m, "start", t1);
    if (!t2) {
        /* "kl. 18.00, avslutat kl. 21.10": a second time further on */
        size_t e3 = 0;
        t2 = samla_text_find_time(a, from + e2, &e3);
        if (t2 && stop && from + e2 + e3 > stop) t2 = NULL;
    }
    if (t2) samla_map_set_str(a, m, "end", t2);
}

bool protocol_detect(pdoc *d);
bool protocol_detect(pdoc *d)
{
    samla_doc *doc = &d->ctx->doc;
    for (size_t i = 0; i < doc->nblocks && i < 40; i++)
        if (doc->blocks[i]->kind == SAMLA_BLOCK_HEADER && samla_re_test(d->st->re[RE_PROTOCOL_WORD], doc->blocks[i]->text))
            return d->protocol = true;
    for (size_t i = 0; i < d->n && i < 40; i++) {
        if (i < 6 && d->l[i].row < 0 && samla_re_test(d->st->re[RE_PROTOCOL_WORD], d->l[i].text) &&
            strlen(d->l[i].text) < 80)
            return d->protocol = true;
        /* "Protokoll | 5/2022": the top-left cell of a front-page table names the document */
        if (i < 6 && d->l[i].row == 0 && d->l[i].col == 0 && d->l[i].cell_line == 0 && strlen(d->l[i].text) < 40) {
            samla_match m;
            if (samla_re_search(d->st->re[RE_PROTOCOL_WORD], d->l[i].text, 0, &m) && m.start[0] == 0)
                return d->protocol = true;
        }
        const char *v;
        const char *k = kv(d, i, &v);
        if (k && (strcmp(k, "date_time") == 0 || strcmp(k, "place_time") == 0))
            return d->protocol = true;
        const char *ks[8], *vs[8];
        size_t ns = stacked(d, i, ks, vs, 8);
        for (size_t j = 0; j < ns; j++)
            if (strcmp(ks[j], "date_time") == 0 || strcmp(ks[j], "place_time") == 0) return d->protocol = true;
    }
    return false;
}

static const char *find_body(pdoc *d, const samla_block **src)
{
    samla_arena *a = d->ctx->arena;
    for (size_t i = 0; i < d->n && i < 8; i++) {
        const pline *l = &d->l[i];
        if (l->row >= 0) continue;
        const char *v;
        if (kv(d, i, &v)) continue;
        samla_match m;
        if (samla_re_search(d->st->re[RE_PROTOCOL_WORD], l->text, 0, &m) && m.start[0] == 0) {
            const char *rest = samla_text_trim(a, l->text + m.end[0]);
            *src = l->blk;
            if (rest && *rest) return rest;
            for (size_t j = i + 1; j < d->n && j < i + 4; j++) {
                const pline *n = &d->l[j];
                if (n->row >= 0 || kv(d, j, &v) || strlen(n->text) > 80 || ptable_exact(d, &d->st->attendance, n->text))
                    continue;
                const char *dg = strpbrk(n->text, "0123456789");
                if (dg && !strchr(n->text, ':') && dg > n->text && samla_text_find_date(a, dg, NULL)) {
                    /* "Miljö- och hälsoskyddsnämnden 2025-02-10" */
                    const char *b = samla_text_trim(a, samla_arena_strndup(a, n->text, (size_t)(dg - n->text)));
                    if (b && *b) return b;
                }
                /* "Bildningsnämnden 3/2023": the body and the meeting's number in the year */
                samla_match mn;
                if (samla_re_search(d->st->re[RE_MEETING_NO], n->text, 0, &mn))
                    return samla_match_group(a, &mn, n->text, 1);
                if (strpbrk(n->text, "0123456789:")) continue;
                return n->text;
            }
            return NULL;
        }
        /* "Utdrag ur protokoll": the document's kind, not the body */
        if (samla_re_test(d->st->re[RE_PROTOCOL_WORD], l->text)) continue;
        if ((l->title || l->kind == SAMLA_BLOCK_HEADING) && !strpbrk(l->text, "0123456789§") &&
            !ptable_exact(d, &d->st->attendance, l->text)) {   /* "Beslutande" opens the attendance list */
            *src = l->blk;
            return l->text;
        }
        return NULL;
    }
    return NULL;
}

/* Sets the meeting field that label key k names from its value v (the
 * first value wins where a front page and a later page both give one). */
static void meeting_field(pdoc *d, samla_node *m, const char *k, const char *v)
{
    samla_arena *a = d->ctx->arena;
    if (strcmp(k, "place_time") == 0) {
        samla_map_set_str(a, m, "place", place_part(d, v));
        date_times(d, a, m, v, true);
    } else if (strcmp(k, "date_time") == 0) {
        /* the front page's times win over a contents page's "15.09.2022 kl. 18:00" */
        if (!samla_map_get(m, "start")) date_times(d, a, m, v, true);
        else if (!samla_map_get(m, "date")) samla_map_set_str(a, m, "date", samla_text_find_date(a, v, NULL));
    } else if (strcmp(k, "date") == 0) {
        /* the line that gives the date may give the times too ("… den 4 mars 2025 kl. 13.00–15.00") */
        if (!samla_map_get(m, "date")) {
            samla_map_set_str(a, m, "date", samla_text_find_date(a, v, NULL));
            if (!samla_map_get(m, "start")) date_times(d, a, m, v, false);
        }
    } else if (strcmp(k, "time") == 0) {
        /* "Tid: tisdag 9.5.2023 kl. 18.00–20.15": the time line gives the date too */
        if (!samla_map_get(m, "date")) samla_map_set_str(a, m, "date", samla_text_find_date(a, v, NULL));
        if (!samla_map_get(m, "start")) date_times(d, a, m, v, false);
    } else if (strcmp(k, "place") == 0) {
        if (!samla_map_get(m, "place")) samla_map_set_str(a, m, "place", v);
    } else if (strcmp(k, "items") == 0) {
        if (!samla_map_get(m, "items")) samla_map_set_str(a, m, "items", v);
    } else if (strcmp(k, "body") == 0) {
        if (!samla_map_get(m, "body")) samla_map_set_str(a, m, "body", v);
    } else if (strcmp(k, "posted") == 0 || strcmp(k, "taken_down") == 0) {
        samla_map_set_str(a, m, k, samla_text_find_date(a, v, NULL));
    } else if (strcmp(k, "archive") == 0) {
        samla_map_set_str(a, m, "archive_place", v);
    } else if (strcmp(k, "adjustment") == 0) {
        char *dt = samla_text_find_date(a, v, NULL);
        size_t e;
        const char *tm = dt ? samla_text_find_time(a, v, &e) : NULL;
        if (dt) samla_map_set_str(a, m, "adjusted", tm ? samla_arena_printf(a, "%sT%s", dt, tm) : dt);
        const char **nms, **pts;
        /* "Justerat | 2024-12-16, A (S) och B (M)" names the adjusters, no place */
        if (!person_mentions(d, v, &nms, &pts)) samla_map_set_str(a, m, "adjustment_place", place_part(d, v));
    }
}

samla_status meeting_extract(pdoc *d)
{
    if (!d->protocol) return SAMLA_OK;
    samla_arena *a = d->ctx->arena;
    samla_node *m = samla_ctx_section(d->ctx, "meeting");
    if (!m) return SAMLA_ERR_NOMEM;
    const samla_block *src = NULL;
    const char *body = find_body(d, &src);
    if (body) samla_map_set_str(a, m, "body", body);
    const char *ended = NULL;   /* P-FRONT-END-LINE: "Sammanträdet avslutades kl. 21.10" */
    for (size_t i = 0; i < d->n; i++) {
        samla_match me;
        if (!ended && samla_re_search(d->st->re[RE_MEETING_END], d->l[i].text, 0, &me))
            ended = samla_text_find_time(a, samla_arena_printf(a, "kl %s", samla_match_group(a, &me, d->l[i].text, 1)), NULL);
        if (item_at(d, i) && d->l[i].row < 0) continue;
        const char *ks[8], *vs[8];
        size_t ns = stacked(d, i, ks, vs, 8);
        if (ns) {
            if (!src) src = d->l[i].blk;
            for (size_t j = 0; j < ns; j++) meeting_field(d, m, ks[j], vs[j]);
            continue;
        }
        const char *v = NULL;
        const char *k = kv(d, i, &v);
        if (!k) {
            samla_match mm;
            if (i < 12 && d->l[i].row < 0 && !samla_map_get(m, "reference") &&
                samla_re_search(d->st->re[RE_REF_TOP], d->l[i].text, 0, &mm))
                samla_map_set_str(a, m, "reference", d->l[i].text);
            if (d->l[i].row >= 0 && !samla_map_get(m, "items") && samla_text_starts_with_ci(d->l[i].text, "Paragrafer") &&
                samla_re_search(d->st->re[RE_ITEMS_RANGE], d->l[i].text, 0, &mm))
                samla_map_set_str(a, m, "items", samla_match_group(a, &mm, d->l[i].text, 1));
            continue;
        }
        if (!src) src = d->l[i].blk;
        meeting_field(d, m, k, v);
    }
    /* the front page's end wins; the end line only fills in where it gave a start and no end */
    if (ended && samla_map_get(m, "start") && !samla_map_get(m, "end")) samla_map_set_str(a, m, "end", ended);
    if (src) samla_map_set(a, m, "source", samla_ctx_source(d->ctx, src));
    return SAMLA_OK;
}
