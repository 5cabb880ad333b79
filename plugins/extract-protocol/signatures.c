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

char *sig_time(samla_arena *a, const char *s)
{
    char *date = samla_text_find_date(a, s, NULL);
    if (!date) return NULL;
    char hh[9] = {0}, tz[7] = {0};
    const char *p = strchr(s, ' ');
    int h, mi;
    /* P-SIG-ELECTRONIC-FI: "15.5.2024 kl. 09.14" */
    const char *kl = strstr(s, " kl");
    if (kl && sscanf(kl + 3 + (kl[3] == '.'), " %d%*[.:]%d", &h, &mi) == 2 && h >= 0 && h < 24 && mi >= 0 && mi < 60)
        return samla_arena_printf(a, "%sT%02d:%02d", date, h, mi);
    if (p && sscanf(p, " %8[0-9:] %6[-+0-9:]", hh, tz) >= 1)
        return samla_arena_printf(a, "%sT%s%s", date, hh, tz);
    return date;
}

enum { SIG_MAX = 8 };

/* Words of s (split on spaces). */
static size_t words_of(samla_arena *a, const char *s, const char ***out)
{
    size_t n = 0;
    *out = NULL;
    for (const char *p = s; *p;) {
        while (*p == ' ') p++;
        if (!*p) break;
        size_t len = strcspn(p, " ");
        *out = samla_arena_grow(a, *out, n, n + 1, sizeof **out);
        if (!*out) return 0;
        (*out)[n++] = samla_arena_strndup(a, p, len);
        p += len;
    }
    return n;
}

/* A name already seen in the attendance lists that s starts with (its word
 * count), 0 if none. */
static size_t known_name(pdoc *d, const char **w, size_t nw)
{
    const samla_node *att = samla_ctx_section(d->ctx, "attendees");
    size_t best = 0;
    for (size_t i = 0; att && i < samla_node_len(att); i++) {
        const char *nm = samla_map_get_str(samla_seq_at(att, i), "name");
        if (!nm) continue;
        const char **nwds;
        size_t c = words_of(d->ctx->arena, nm, &nwds);
        if (c <= best || c > nw) continue;
        size_t t = 0;
        while (t < c && strcmp(nwds[t], w[t]) == 0) t++;
        if (t == c) best = c;
    }
    return best;
}

/* Whether x is where the names of signature line l may stand: the same
 * table cell, or outside tables. */
static bool same_place(const pline *l, const pline *x)
{
    if (l->row >= 0) return x->table == l->table && x->row == l->row && x->col == l->col;
    return x->row < 0;
}

/* The k persons written after k dotted signature lines: "Anna Ek", "Anna Ek
 * ordförande", "Anna Ek (s)", or k names one after the other ("Anna Ek Per
 * Ås", split on names from the attendance lists, else into equal parts).
 * Returns how many were read, 0 when s is not only names. */
static size_t sig_names(pdoc *d, const char *s, size_t k, person *out)
{
    samla_arena *a = d->ctx->arena;
    if (!s || !*s || k == 0) return 0;
    if (k > SIG_MAX) k = SIG_MAX;
    /* a contents page's column heads ("Ärenden Sida" under a rule of underscores) are not a name: a name
     * does not end in a page word (P-ITEM-RUNNING-HEADER's run_pages) */
    const char *sp = strrchr(s, ' ');
    if (sp && ptable_exact(d, &d->st->run_pages, sp + 1)) return 0;
    if (k == 1 || strchr(s, ',') || strchr(s, '(')) {
        if (!person_parse(d, s, &out[0]) || out[0].title || out[0].items) return 0;
        return 1;
    }
    const char **w;
    size_t nw = words_of(a, s, &w), pos = 0, n = 0;
    while (pos < nw && n < k) {
        size_t c = known_name(d, w + pos, nw - pos);
        if (!c) {
            if ((nw - pos) % (k - n)) return 0;
            c = (nw - pos) / (k - n);
        }
        const char *piece = "";
        for (size_t t = 0; t < c; t++) piece = samla_arena_printf(a, "%s%s%s", piece, t ? " " : "", w[pos + t]);
        if (!person_parse(d, piece, &out[n]) || out[n].title || out[n].organisation) return 0;
        pos += c;
        n++;
    }
    return pos == nw ? n : 0;
}

/* The first line of table cell (row, col) of the table of line i, or 0. */
static size_t cell_line_at(const pdoc *d, size_t i, int row, int col)
{
    int t = d->l[i].table;
    size_t j = i;
    while (j > 0 && d->l[j - 1].table == t) j--;
    for (; j < d->n && d->l[j].table == t; j++)
        if (d->l[j].row == row && d->l[j].col == col && d->l[j].cell_line == 0) return j;
    return 0;
}

/* P-SIG-NO-LINE: a signer of that name is listed already. */
static bool signed_already(const samla_node *out, const char *name)
{
    for (size_t i = 0; i < samla_node_len(out); i++) {
        const char *n = samla_map_get_str(samla_seq_at(out, i), "name");
        if (n && strcmp(n, name) == 0) return true;
    }
    return false;
}

/* P-SIG-ROLE-ROW: the roles of a line made of role words only ("Sekreterare Ordförande Justerare", a
 * signature table the reader gave as lines: roles, dotted lines, names), in order, into *out; returns how many
 * (0 when a word is no role). */
static size_t role_row(pdoc *d, const char *s, const char ***out)
{
    const char **w;
    size_t nw = words_of(d->ctx->arena, s, &w);
    if (nw < 2 || nw > SIG_MAX) return 0;
    for (size_t i = 0; i < nw; i++)
        if (!role_key(d, w[i])) return 0;
    *out = w;
    return nw;
}

/* P-SIG-RULES-ONE-CELL: no cell of the row of line i starts in the k - 1 columns right of its own (the cell
 * spans them). */
static bool spans(const pdoc *d, size_t i, int k)
{
    const pline *l = &d->l[i];
    size_t j = i;
    while (j > 0 && d->l[j - 1].table == l->table) j--;
    for (; j < d->n && d->l[j].table == l->table; j++)
        if (d->l[j].row == l->row && d->l[j].col > l->col && d->l[j].col < l->col + k) return false;
    return true;
}

/* P-SIG-ROLE-ROW-CELLS: the texts of the row of line i (a first cell) when each of its cells is one line
 * naming a role, 2 to SIG_MAX of them, into *out; returns how many (0 otherwise). */
static size_t role_cells(pdoc *d, size_t i, const char ***out)
{
    const pline *l = &d->l[i];
    const char **w = samla_arena_alloc(d->ctx->arena, SIG_MAX * sizeof *w);
    size_t n = 0;
    if (!w) return 0;
    for (size_t j = i; j < d->n && d->l[j].table == l->table && d->l[j].row == l->row; j++) {
        if (d->l[j].cell_line != 0 || n == SIG_MAX || !role_key(d, d->l[j].text)) return 0;
        w[n++] = d->l[j].text;
    }
    if (n < 2) return 0;
    *out = w;
    return n;
}

samla_status signatures_extract(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    samla_node *out = samla_ctx_section(d->ctx, "signatures");
    if (!out) return SAMLA_ERR_NOMEM;
    if (!d->protocol) return SAMLA_OK;
    samla_node *cur = NULL;
    const char *row_role = NULL, *para_role = NULL;
    const char **para_roles = NULL;   /* P-SIG-ROLE-ROW: "Sekreterare Ordförande Justerare", one role a signer */
    size_t npara_roles = 0, sig_part = 0;
    int row_key = -1;
    for (size_t i = 0; i < d->n; i++) {
        const pline *l = &d->l[i];
        samla_match m;
        if (samla_re_search(d->st->re[RE_ESIGN], l->text, 0, &m)) {
            const char *k = samla_match_group(a, &m, l->text, 1);
            const char *v = samla_match_group(a, &m, l->text, 2);
            if (strcmp(k, "NAMN") == 0) cur = sig(d, out, v, NULL, l->blk);
            else if (cur && strcmp(k, "TID") == 0) samla_map_set_str(a, cur, "time", sig_time(a, v));
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
        /* P-SIG-ELECTRONIC-WRAPPED: a stamp whose date the page set on the next line ("Signerat av: A, sekreterare"
         * / "Datum: 2024-10-13 13:08", or "… Datum:" / "2024-10-13 13:29") is read as one */
        const char *stext = l->text;
        bool wrapped = false;
        if (!samla_re_test(d->st->re[RE_SIGNED], stext) && i + 1 < d->n && l->row < 0 && d->l[i + 1].row < 0 &&
            ptable_prefix(d, &d->st->sig_stamp, stext, true, NULL) &&
            !ptable_prefix(d, &d->st->sig_stamp, d->l[i + 1].text, true, NULL)) {
            stext = samla_arena_printf(a, "%s %s", l->text, d->l[i + 1].text);
            wrapped = samla_re_test(d->st->re[RE_SIGNED], stext);
            if (!wrapped) stext = l->text;
        }
        if (samla_re_search(d->st->re[RE_SIGNED], stext, 0, &m)) {
            person pp;
            const char *who = samla_match_group(a, &m, stext, 1);
            const char *when = samla_match_group(a, &m, stext, 2);
            if (wrapped) i++;
            if (person_parse(d, who, &pp)) {
                samla_node *s = sig(d, out, pp.name, NULL, l->blk);
                if (pp.nroles) {
                    samla_map_set_str(a, s, "role", pp.roles[0]);
                    samla_map_set_str(a, s, "role_label", pp.labels[0]);
                }
                char *iso = sig_time(a, when);
                if (iso) for (char *q = iso; *q; q++) if (*q == '.') *q = ':';
                samla_map_set_str(a, s, "time", iso);
            }
            continue;
        }
        /* a front-matter or extract row "Justerat | 2024-12-16, A (S) och B (M)" */
        if (l->row >= 0 && l->col == 0 && l->cell_line == 0 &&
            (ptable_exact(d, &d->st->meeting_labels, l->text) ? strcmp(ptable_exact(d, &d->st->meeting_labels, l->text), "adjustment") == 0 : false) &&
            i + 1 < d->n && d->l[i + 1].table == l->table && d->l[i + 1].row == l->row) {
            const char *v = d->l[i + 1].text;
            const char **names, **parties;
            size_t nn = person_mentions(d, v, &names, &parties);
            const char *date = samla_text_find_date(a, v, NULL);
            for (size_t q = 0; q < nn; q++) {
                samla_node *s = sig(d, out, names[q], NULL, l->blk);
                samla_map_set_str(a, s, "time", date);
            }
            if (nn) { i++; continue; }
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
        if (l->row >= 0 && l->cell_line == 0 && role_key(d, l->text)) {
            row_role = l->text;
            /* P-SIG-ROLE-ROW-CELLS: a table row of role cells only ("Sekreterare | Ordförande | Justerare") over
             * a dotted line and a line of names that stand outside the table names its signers as a role
             * line does */
            if (l->col == 0) npara_roles = role_cells(d, i, &para_roles);
            continue;
        }
        /* a role label on a paragraph of its own above the dotted line ("Vid protokollet") */
        /* P-SIG-NO-LINE: the signature part past the last item (a signature heading or formula ends it) */
        if (l->row < 0 && d->nitems && i > d->items[d->nitems - 1].start && line_terminates(d, l)) sig_part = i;
        if (l->row < 0 && !samla_re_test(d->st->re[RE_DOTS], l->text)) {
            person sp;
            if (sig_part && i > sig_part && i <= sig_part + 12 && strchr(l->text, ',') && !line_terminates(d, l) &&
                person_parse(d, l->text, &sp) && sp.nroles && !sp.title && !sp.organisation && !sp.items &&
                !signed_already(out, sp.name)) {
                /* "Vid protokollet" / "Anna Ek, sekreterare" / "Justeras" / "Per Ås, ordförande": the signers by name
                 * and role where the page's signature lines were not read (a tagged PDF's leader-only lines) */
                samla_node *s = sig(d, out, sp.name, NULL, l->blk);
                samla_map_set_str(a, s, "role", sp.roles[0]);
                samla_map_set_str(a, s, "role_label", sp.labels[0]);
            }
            para_role = role_key(d, strip_end(a, l->text, ": ")) ? strip_end(a, l->text, ": ") : NULL;
            npara_roles = para_role ? 0 : role_row(d, l->text, &para_roles);
            continue;
        }
        if (!samla_re_search(d->st->re[RE_DOTS], l->text, 0, &m)) continue;
        /* a contents line's leader is not a signature line */
        if (samla_re_test(d->st->re[RE_TOC], l->text)) continue;
        if (l->row < 0 && !row_role) row_role = para_role;
        /* signatures in columns: the role in the cell above the dotted
         * cell (Sekreterare | Ordförande | Justerare), the name below */
        size_t above = l->row > 0 ? cell_line_at(d, i, l->row - 1, l->col) : 0;
        const char *col_role = above && role_key(d, d->l[above].text) ? d->l[above].text : NULL;
        const char *label = samla_text_trim(a, samla_arena_strndup(a, l->text, m.start[0]));
        person before;
        if (label && *label && l->row < 0 && !role_key(d, label) && strchr(label, ',') &&
            person_parse(d, label, &before) && before.nroles && !before.title && !before.organisation) {
            /* P-SIG-NAME-BEFORE-LINE: "Mona Rostami, ordförande ……": a signer written with the role beside the
             * name, the dotted line after it (a tagged PDF joins the next signer's line to the name above it) */
            samla_node *s = sig(d, out, before.name, NULL, l->blk);
            samla_map_set_str(a, s, "role", before.roles[0]);
            samla_map_set_str(a, s, "role_label", before.labels[0]);
        }
        if (label && *label) {
            if (role_key(d, label)) row_role = label;
            else if (l->row < 0) label = NULL;
        }
        const char *role = label && *label && role_key(d, label) ? label : col_role ? col_role : row_role;
        /* one name per dotted line: "Justerande ……… ……… Anna Ek Per Ås" */
        size_t k = 0, after = 0;
        for (size_t off = 0; samla_re_search(d->st->re[RE_DOTS], l->text, off, &m); off = m.end[0]) {
            k++;
            after = m.end[0];
        }
        /* P-SIG-ROLE-ROW: the role row above names how many sign; a reader may have joined their dotted
         * lines into one run */
        const char **roles = l->row < 0 && !row_role && npara_roles > 1 ? para_roles : NULL;
        if (roles && !l->text[after] && k < npara_roles) k = npara_roles;
        /* the names: after the dots on the same line; else, after more bare
         * dotted lines (one per signer), the next lines of the same cell or
         * the next paragraphs, maybe past one line that is not a name
         * ("Paragrafer §§ 12–19") */
        const pline *nl = l;
        size_t j = i;
        person p[SIG_MAX];
        const char *colroles[SIG_MAX];   /* P-SIG-RULES-ONE-CELL: the role over each name */
        size_t ncolroles = 0;
        size_t np = sig_names(d, samla_text_trim(a, l->text + after), k, p);
        if (!np) {
            for (j = i + 1; j < d->n && k < SIG_MAX && same_place(l, &d->l[j]); j++) {
                const char *x = d->l[j].text;
                if (!samla_re_search(d->st->re[RE_DOTS], x, 0, &m) || m.start[0] != 0 || x[m.end[0]]) break;
                k++;
            }
            bool skipped = false;
            for (; j < d->n && np < k && same_place(l, &d->l[j]); j++) {
                const pline *x = &d->l[j];
                if (samla_re_test(d->st->re[RE_DOTS], x->text)) break;
                size_t got = 0;
                for (size_t c = k - np; c > 0 && !got; c--) got = sig_names(d, x->text, c, p + np);
                if (got) { np += got; nl = x; continue; }
                if (skipped || np) break;
                skipped = true;
            }
            /* P-SIG-RULES-ONE-CELL: a dotted cell holding k runs, one a column (rules each wider than its
             * column overlap, and the reader joined them into one cell over the columns): the names are the
             * cells of the row below, from the cell's column on, each under the role of the cell above */
            if (!np && l->row >= 0 && l->cell_line == 0 && !l->text[after] && k > 1 && k <= SIG_MAX &&
                spans(d, i, (int)k)) {
                size_t got = 0;
                for (size_t q = 0; q < k; q++) {
                    size_t below = cell_line_at(d, i, l->row + 1, l->col + (int)q);
                    size_t up = l->row > 0 ? cell_line_at(d, i, l->row - 1, l->col + (int)q) : 0;
                    if (!below || !up || !role_key(d, d->l[up].text) || !sig_names(d, d->l[below].text, 1, p + got)) break;
                    colroles[got++] = d->l[up].text;
                }
                if (got == k) np = got, ncolroles = got, nl = &d->l[cell_line_at(d, i, l->row + 1, l->col)];
            }
            /* the name in the cell below; past one empty cell (P-SIG-PAPER: a reader that put the dotted
             * line into the role's cell leaves the dotted row empty) */
            for (int r = l->row + 1; !np && l->row >= 0 && r <= l->row + 2 &&
                             (l->cell_line == 0 || (l->cell_line == 1 && role_key(d, d->l[i - 1].text))); r++) {
                size_t below = cell_line_at(d, i, r, l->col);
                if (below && (np = sig_names(d, d->l[below].text, 1, p)) != 0) nl = &d->l[below];
                /* the cell below repeats the role over the name ("Sekreterare" / "Anna Ek") */
                else if (below && role_key(d, d->l[below].text) && below + 1 < d->n &&
                         d->l[below + 1].table == l->table && d->l[below + 1].row == r && d->l[below + 1].col == l->col &&
                         (np = sig_names(d, d->l[below + 1].text, 1, p)) != 0)
                    nl = &d->l[below + 1];
                if (below) break;
            }
            if (!np) continue;
            j = (size_t)(nl - d->l);
            if (nl->row != l->row) j = i;   /* the next cells of the dotted row still hold signatures */
        }
        samla_node *s = NULL;
        for (size_t q = 0; q < np; q++) {
            /* a role written beside the name ("Anna Ek, ordförande") wins over
             * the label above a group of signature lines ("Justeras") */
            s = sig(d, out, p[q].name, p[q].nroles ? NULL : ncolroles == np ? colroles[q] : roles && np == npara_roles ? roles[q] : role,
                    nl->blk);
            if (p[q].nroles) {
                samla_map_set_str(a, s, "role", p[q].roles[0]);
                samla_map_set_str(a, s, "role_label", p[q].labels[0]);
            }
            for (size_t t = 0; t < d->nitems; t++)
                if (i >= d->items[t].start && i < d->items[t].end) samla_map_set_str(a, s, "item", d->items[t].number);
        }
        if (np == 1 && j + 1 < d->n) {
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
        i = j;
    }
    return SAMLA_OK;
}
