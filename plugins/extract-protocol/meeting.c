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
        /* P-FRONT-LABEL-OVER-VALUE: a cell line that is a whole label over a line of the same cell that is
         * none ("Sammanträdesdatum" over "2025-09-22" once a reader joined a header row and its values, or
         * the rows of a label-over-value layout, into one row): that line is the value */
        const char *k0 = ptable_exact(d, &d->st->meeting_labels, l->text);
        if (k0 && i + 1 < d->n && d->l[i + 1].table == l->table && d->l[i + 1].row == l->row &&
            d->l[i + 1].col == l->col && d->l[i + 1].cell_line == l->cell_line + 1) {
            const char *rest;
            const char *nx = d->l[i + 1].text;
            if (!ptable_prefix(d, &d->st->meeting_labels, nx, false, &rest) && !ptable_prefix(d, &d->st->attendance, nx, false, &rest)) {
                *value = nx;
                return k0;
            }
        }
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

/* One label of a stacked label cell at p: a meeting label, or the adjusters' label of the attendance
 * labels ("Justerare", whose value the attendance reads), which keeps its place in the stack and names
 * no meeting field. NULL when p starts with neither. */
static const char *stack_label(pdoc *d, const char *p, const char **rest)
{
    const char *k = ptable_prefix(d, &d->st->meeting_labels, p, true, rest);
    if (k) return k;
    k = ptable_prefix(d, &d->st->attendance, p, true, rest);
    return k && strcmp(k, "adjusters") == 0 ? k : NULL;
}

/* Offset in v where the value of the label after key k begins when a reader joined the two values of
 * consecutive rows into one line (P-FRONT-STACKED-JOINED), 0 when its form does not say: a date, time or
 * date-and-time value ends after the date and the time span it opens with ("kl. 18.00 – 20.19 Stadshuset"),
 * and an adjusters' value begins with a person and a bracketed party ("Kommunhuset, Biblioteket Anna
 * Nilsson (S)": from the first given name, one word earlier when the name is written surname first). */
static size_t joined_at(pdoc *d, const char *k, const char *next, const char *v)
{
    samla_arena *a = d->ctx->arena;
    if (strcmp(k, "date") == 0 || strcmp(k, "time") == 0 || strcmp(k, "date_time") == 0) {
        size_t ds = 0, de = 0, e = 0;
        /* the date opens the value ("tisdagen den 5 mars 2024"): no digit before it */
        if (samla_text_find_date_at(a, v, &ds, &de) && strcspn(v, "0123456789") >= ds) e = de;
        char *t1, *t2;
        size_t ts = 0, te = 0;
        if (samla_text_find_time_span(a, v + e, &t1, &t2, &ts, &te) && strspn(v + e, " ,") >= ts) e += te;
        return e && v[e] && v[strspn(v + e, " ,") + e] ? e : 0;
    }
    if (strcmp(next, "adjusters") != 0) return 0;
    samla_match m;
    if (!samla_re_search(d->st->re[RE_PERSON_PARTY], v, 0, &m) || m.start[1] == 0) return 0;
    size_t starts[8], nw = 0;
    bool given[8];
    for (size_t o = (size_t)m.start[1]; o < (size_t)m.end[1] && nw < 8;) {
        size_t len = strcspn(v + o, " ");
        if (o + len > (size_t)m.end[1]) len = (size_t)m.end[1] - o;
        starts[nw] = o;
        given[nw++] = ptable_exact(d, &d->st->given_names, samla_arena_strndup(a, v + o, len)) != NULL;
        o += len;
        o += strspn(v + o, " ");
    }
    for (size_t w = 0; w < nw; w++)
        if (given[w]) {
            size_t at = w + 1 == nw && w > 0 ? starts[w - 1] : starts[w];
            return at;
        }
    return nw >= 2 ? starts[nw - 2] : 0;
}

/* P-FRONT-STACKED-JOINED: fewer values than stacked labels because a reader joined values of consecutive
 * rows into one line: each value whose form says where the next label's value begins (joined_at) is split
 * there, while values are missing. */
static void split_joined(pdoc *d, const char **keys, size_t n, const char **values, size_t *nv)
{
    samla_arena *a = d->ctx->arena;
    for (size_t k = 0; k + 1 < n && k < *nv && *nv < n; k++) {
        size_t at = joined_at(d, keys[k], keys[k + 1], values[k]);
        if (!at) continue;
        const char *head = samla_text_trim(a, samla_arena_strndup(a, values[k], at));
        const char *tail = samla_text_trim(a, values[k] + at);
        if (!head || !*head || !tail || !*tail) continue;
        while (*tail == ',') tail = samla_text_trim(a, tail + 1);
        for (size_t j = *nv; j > k + 1; j--) values[j] = values[j - 1];
        values[k] = strip_end(a, head, " ,");
        values[k + 1] = tail;
        (*nv)++;
    }
}

/* P-FRONT-STACKED-LABELS: a front-page cell holding only labels, one under
 * the other ("Organ Sammanträdestid Sammanträdesplats Ärenden" once a reader
 * joined its lines, or "Datum / Tid för sammanträdet" on lines of their own
 * once it joined the rows of a label/value table), beside a cell with one
 * value a line, as many as there are labels: the k-th label names the k-th
 * value (with fewer values, the labels left over get none). Fills keys/values
 * (at most max) and returns the count of pairs, 0 when line i is not such a
 * cell. */
static size_t stacked(pdoc *d, size_t i, const char **keys, const char **values, size_t max)
{
    const pline *l = &d->l[i];
    if (l->row < 0 || l->cell_line != 0) return 0;
    size_t n = 0;
    size_t j = i;
    for (; j < d->n && d->l[j].table == l->table && d->l[j].row == l->row && d->l[j].col == l->col; j++)
        for (const char *p = d->l[j].text; p && *p;) {
            const char *rest = NULL;
            const char *k = stack_label(d, p, &rest);
            if (!k || n == max || rest == p) return 0;
            keys[n++] = k;
            p = rest;
        }
    if (n < 2) return 0;
    size_t nv = 0;
    for (; j < d->n && d->l[j].table == l->table && d->l[j].row == l->row; j++) {
        if (d->l[j].col != l->col + 1) break;
        if (nv == n) return 0;
        values[nv++] = d->l[j].text;
    }
    if (!nv) return 0;
    split_joined(d, keys, n, values, &nv);
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
    unsigned trio = 0;   /* P-FRONT-LABEL-TRIO: date, time and place labels seen (bits 1, 2, 4) */
    for (size_t i = 0; i < d->n && i < 40; i++) {
        /* P-FRONT-DOCTYPE: a short line naming the document, or a title or heading that opens with the word
         * however long it runs ("Protokoll fört vid styrelsemöte för Föreningen Vänner till …") */
        samla_match pm;
        if (i < 6 && d->l[i].row < 0 && samla_re_search(d->st->re[RE_PROTOCOL_WORD], d->l[i].text, 0, &pm) &&
            (strlen(d->l[i].text) < 80 ||
             ((d->l[i].title || d->l[i].kind == SAMLA_BLOCK_HEADING) && pm.start[0] == 0 && strlen(d->l[i].text) < 200)))
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
        /* P-FRONT-LABEL-TRIO: the meeting's date, time and place each under a label of its own
         * ("Sammanträdesdatum: …", "Klockslag: …", "Sammanträdesplats: …") among the first lines front a
         * meeting as one place-and-time label does, when no running header names the protocol on page 1 */
        if (k) {
            unsigned bit = strcmp(k, "date") == 0 ? 1u : strcmp(k, "time") == 0 ? 2u : strcmp(k, "place") == 0 ? 4u : 0u;
            if ((trio |= bit) == 7u) return d->protocol = true;
        }
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
                if (n->row >= 0 || kv(d, j, &v)) continue;
                /* P-FRONT-BODY-DASH: "Kollektivtrafiknämnden – gemensam nämnd för Region A och B kommun": the
                 * body before a spaced dash, what it is after it */
                const char *dash = strstr(n->text, " – ");
                if (!dash) dash = strstr(n->text, " — ");
                if (dash && dash > n->text && (size_t)(dash - n->text) < 60 &&
                    !memchr(n->text, ':', (size_t)(dash - n->text)) && !strpbrk(samla_arena_strndup(a, n->text, (size_t)(dash - n->text)), "0123456789"))
                    return samla_text_trim(a, samla_arena_strndup(a, n->text, (size_t)(dash - n->text)));
                if (strlen(n->text) > 80 || ptable_exact(d, &d->st->attendance, n->text))
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
