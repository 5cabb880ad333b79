/* votes.c: motions (yrkanden), votes (votering: counts and the voting list),
 * reservations and conflicts of interest (jäv), per item. See docs/model.md
 * for the shape: one entry per event with `type`. */
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

static long count_word(const char *w)
{
    static const char *const words[] = {"noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
                                        "elva", "tolv", "ett"};
    if (!w) return -1;
    if (w[0] >= '0' && w[0] <= '9') return strtol(w, NULL, 10);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strcmp(w, words[i]) == 0) return i == 13 ? 1 : (long)i;
    return -1;
}

static samla_node *names_node(pdoc *d, const char *s)
{
    samla_arena *a = d->ctx->arena;
    const char **names, **parties;
    size_t n = person_mentions(d, s, &names, &parties);
    samla_node *seq = samla_node_seq(a);
    for (size_t i = 0; i < n; i++) {
        samla_node *p = samla_node_map(a);
        samla_map_set_str(a, p, "name", names[i]);
        samla_map_set_str(a, p, "party", parties[i]);
        samla_seq_append(a, seq, p);
    }
    if (!n) {
        /* groups: "Sverigedemokraternas ledamöter", "V och MP" as written */
        char *c = samla_arena_strdup(a, s);
        for (char *p = c; p && *p;) {
            char *o = strstr(p, " och ");
            char *cm = strchr(p, ',');
            char *e = o && (!cm || o < cm) ? o : cm;
            size_t skip = e == o ? 5 : 1;
            if (e) *e = 0;
            const char *t = samla_text_trim(a, p);
            if (t && *t) {
                samla_node *g = samla_node_map(a);
                /* P-VOTE-BY-NAME: a part that is a whole name without a party ("Grankvist Leif", as Finland-Swedish
                 * protocols name members) is a person; "Sverigedemokraternas ledamöter" stays a group */
                samla_map_set_str(a, g, person_name_len(d, t) == strlen(t) ? "name" : "group", t);
                samla_seq_append(a, seq, g);
            }
            p = e ? e + skip : NULL;
        }
    }
    return seq;
}

static samla_node *entry(pdoc *d, const char *type, const pitem *it, const pline *l)
{
    samla_arena *a = d->ctx->arena;
    samla_node *n = samla_node_map(a);
    samla_map_set_str(a, n, "kind", type);
    if (it) samla_map_set_str(a, n, "item", it->number);
    (void)l;
    return n;
}

/* Adds line l to the propositions entry *slot of item it: the first line opens the entry (appended
 * to out, its source the line's block), later lines are joined to its text. The entry lives in the
 * context's arena. */
static void add_proposition_line(pdoc *d, const pitem *it, const pline *l, samla_node *out, samla_node **slot)
{
    samla_arena *a = d->ctx->arena;
    if (!*slot) {
        *slot = entry(d, "propositions", it, l);
        samla_map_set_str(a, *slot, "text", l->text);
        samla_map_set(a, *slot, "source", samla_ctx_source(d->ctx, l->blk));
        samla_seq_append(a, out, *slot);
    } else {
        samla_map_set_str(a, *slot, "text", samla_arena_printf(a, "%s %s", samla_map_get_str(*slot, "text"), l->text));
    }
}

/* Column kinds of a voting list header: 'n' name, 's' serving substitute,
 * 'p' party (P-VOTE-LIST-PARTY), 'y' yes, 'o' no, 'a' abstain (data/protocol-labels.yaml vote_columns);
 * false when a header cell is none of them (as when a reader merged columns:
 * "Ja Nej Avstår" in one cell). */
static bool vote_columns(pdoc *d, const samla_block *b, char *kind)
{
    bool name = false, vote = false;
    for (size_t c = 0; c < b->ncols; c++) {
        const char *h = samla_cell_text(&d->ctx->doc, samla_table_cell(b, 0, c));
        const char *k = h ? ptable_exact(d, &d->st->vote_columns, samla_text_trim(d->ctx->arena, h)) : NULL;
        kind[c] = !k ? 0 : strcmp(k, "name") == 0 ? 'n' : strcmp(k, "substitute") == 0 ? 's' : strcmp(k, "party") == 0 ? 'p'
                  : strcmp(k, "replaces") == 0 ? 'r' : strcmp(k, "ballot") == 0 ? 'b'
                  : strcmp(k, "yes") == 0 ? 'y' : strcmp(k, "no") == 0 ? 'o' : 'a';
        if (!kind[c]) return false;
        if (kind[c] == 'n') name = true;
        else if (kind[c] != 's' && kind[c] != 'p' && kind[c] != 'r') vote = true;
    }
    return name && vote && kind[0] == 'n';
}

/* A voting list table: header cells "Namn | Ja | Nej | Avstår" (repeated),
 * perhaps with a "Tjänstgörande ersättare" column: a name there voted in the
 * member's place (substitutes_for the member), or a "Parti" column: the
 * party of the name before it (P-VOTE-LIST-PARTY, "Namn | Parti | Ja | Nej |
 * Avstår"). Columns are read by their header, never by position. */
static void voting_table(pdoc *d, const samla_block *b, samla_node *vote)
{
    samla_arena *a = d->ctx->arena;
    if (b->ncols == 0 || b->ncols > 64) return;
    char kind[64];
    if (!vote_columns(d, b, kind)) return;
    samla_node *members = samla_node_seq(a);
    for (size_t r = 1; r < b->nrows; r++)
        for (size_t c = 0; c < b->ncols; c++) {
            if (kind[c] != 'n') continue;
            const char *name = samla_cell_text(&d->ctx->doc, samla_table_cell(b, r, c));
            if (!name || !*name || samla_text_starts_with_ci(name, "Summa")) continue;
            person p, sub;
            if (!person_parse(d, name, &p)) continue;
            const char *val = NULL;
            bool has_sub = false;
            const char *replaced = NULL;
            for (size_t k = c + 1; k < b->ncols && kind[k] != 'n'; k++) {
                const char *x = samla_cell_text(&d->ctx->doc, samla_table_cell(b, r, k));
                if (!x || !*x) continue;
                if (kind[k] == 's') has_sub = person_parse(d, x, &sub);
                else if (kind[k] == 'r') {
                    /* the row's voter serves for the member named here (P-VOTE-LIST-REPLACES) */
                    person rp;
                    if (person_parse(d, x, &rp)) replaced = rp.name;
                } else if (kind[k] == 'b') {
                    /* the vote written out in one column (P-VOTE-LIST-BALLOT) */
                    const char *bv = ptable_exact(d, &d->st->vote_values, samla_text_trim(a, x));
                    if (bv) val = bv;
                }
                else if (kind[k] == 'p') {
                    /* the party as the name's own bracket would give it */
                    person pp;
                    if (!p.party && person_parse(d, samla_arena_printf(a, "%s (%s)", p.name, samla_text_trim(a, x)), &pp))
                        p.party = pp.party;
                } else val = kind[k] == 'y' ? "yes" : kind[k] == 'o' ? "no" : "abstain";
            }
            samla_node *m = samla_node_map(a);
            samla_map_set_str(a, m, "name", has_sub ? sub.name : p.name);
            samla_map_set_str(a, m, "party", has_sub ? sub.party : p.party);
            samla_map_set_str(a, m, "vote", val);
            if (has_sub) samla_map_set_str(a, m, "substitutes_for", p.name);
            else if (replaced) samla_map_set_str(a, m, "substitutes_for", replaced);
            samla_seq_append(a, members, m);
        }
    if (samla_node_len(members)) samla_map_set(a, vote, "members", members);
}

/* Persons named "Name (p)" in s as [{name, party}], or NULL when none. */
static samla_node *mentioned(pdoc *d, const char *s)
{
    samla_arena *a = d->ctx->arena;
    const char **names, **parties;
    size_t n = person_mentions(d, s, &names, &parties);
    if (!n) {
        person p;
        if (!person_parse(d, s, &p)) return NULL;
        samla_node *seq = samla_node_seq(a), *e = samla_node_map(a);
        samla_map_set_str(a, e, "name", p.name);
        samla_map_set_str(a, e, "party", p.party);
        samla_seq_append(a, seq, e);
        return seq;
    }
    samla_node *seq = samla_node_seq(a);
    for (size_t i = 0; i < n; i++) {
        samla_node *e = samla_node_map(a);
        samla_map_set_str(a, e, "name", names[i]);
        samla_map_set_str(a, e, "party", parties[i]);
        samla_seq_append(a, seq, e);
    }
    return seq;
}

/* A protokollsanteckning (kind note) or särskilt yttrande (kind statement):
 * who gave it (the persons before the verb) and the text as written. */
static void remark(pdoc *d, samla_node *out, const char *kind, const pitem *it, const pline *l, const char *who,
                   const char *text)
{
    samla_arena *a = d->ctx->arena;
    samla_node *r = entry(d, kind, it, l);
    samla_node *by = who ? mentioned(d, who) : NULL;
    if (!by && who && strlen(who) < 60 && who != text) by = names_node(d, who);   /* "Miljöpartiets ledamöter" */
    if (by) samla_map_set(a, r, "by", by);
    samla_map_set_str(a, r, "text", text);
    samla_map_set(a, r, "source", samla_ctx_source(d->ctx, l->blk));
    samla_seq_append(a, out, r);
}

/* Drops a voting list whose tallies disagree with the counts in the text. */
static void check_members(samla_node *vote)
{
    const samla_node *mem = samla_map_get(vote, "members");
    if (!mem) return;
    long long tally[3] = {0, 0, 0};
    for (size_t i = 0; i < samla_node_len(mem); i++) {
        const char *v = samla_map_get_str(samla_seq_at(mem, i), "vote");
        if (!v) continue;
        tally[strcmp(v, "yes") == 0 ? 0 : strcmp(v, "no") == 0 ? 1 : 2]++;
    }
    static const char *const keys[] = {"for", "against", "abstain"};
    for (size_t k = 0; k < 3; k++) {
        long long want = samla_map_get_int(vote, keys[k], -1);
        if (want >= 0 && want != tally[k]) { samla_map_remove(vote, "members"); return; }
    }
}

samla_status votes_extract(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    samla_node *out = samla_ctx_section(d->ctx, "votes");
    for (size_t k = 0; k < d->nitems; k++) {
        pitem *it = &d->items[k];
        sect s = SECT_NONE;
        samla_node *vote = NULL;
        int last_table = -1;
        const pline *last_jav = NULL;   /* a jäv sentence: its paragraph may name the substitute */
        samla_node *props = NULL;       /* the order of propositions under its heading */
        samla_node *item_props = NULL;  /* the item's propositions entry, under a heading or not */
        bool in_props = false, remark_done = false;
        for (size_t i = it->body; i < it->end; i++) {
            const pline *l = &d->l[i];
            sect ns = line_section(d, l);
            if (ns != SECT_NONE) {
                s = ns;
                in_props = ns == SECT_PROCEDURE && ptable_exact(d, &d->st->propositions, l->text);
                props = NULL;
                remark_done = false;
                continue;
            }
            if (in_props && l->row < 0) {
                add_proposition_line(d, it, l, out, &props);
            }
            /* P-PROPOSITION-ORDER: the chair's proposition sentence anywhere in the item (one entry per item) */
            if (!in_props && l->row < 0 && samla_re_test(d->st->re[RE_PROPOSITION], l->text)) {
                add_proposition_line(d, it, l, out, &item_props);
            }
            if (in_props && !item_props) item_props = props;
            /* under a Protokollsanteckning / Särskilt yttrande heading: its first paragraph (one per heading) */
            if ((s == SECT_NOTE || s == SECT_STATEMENT) && l->row < 0 && !remark_done) {
                samla_match rm;
                const samla_re *re = d->st->re[s == SECT_NOTE ? RE_NOTE : RE_STATEMENT];
                const char *who = samla_re_search(re, l->text, 0, &rm) ? samla_match_group(a, &rm, l->text, 1) : l->text;
                remark(d, out, s == SECT_NOTE ? "note" : "statement", it, l, who, l->text);
                remark_done = true;
                continue;
            }
            if (l->row >= 0) {
                if (l->table != last_table && l->row == 0 && l->blk->ncols >= 4 &&
                    ptable_exact(d, &d->st->vote_columns, l->text)) {
                    if (!vote) { vote = entry(d, "vote", it, l); samla_map_set(a, vote, "source", samla_ctx_source(d->ctx, l->blk)); samla_seq_append(a, out, vote); }
                    voting_table(d, l->blk, vote);
                }
                last_table = l->table;
                continue;
            }
            const char **sv;
            size_t ns2 = sentences(a, l->text, &sv);
            for (size_t q = 0; q < ns2; q++) {
                const char *t = sv[q];
                samla_match m;
                /* "Med 7 röster mot 3": only counts make a result ("med sina röster mot förslaget" is none) */
                if ((samla_re_search(d->st->re[RE_VOTE_RESULT], t, 0, &m) ||
                     samla_re_search(d->st->re[RE_VOTE_COUNTS], t, 0, &m) ||
                     samla_re_search(d->st->re[RE_VOTE_TALLY], t, 0, &m)) &&
                    count_word(samla_text_lower(a, samla_match_group(a, &m, t, 1))) >= 0 &&
                    count_word(samla_text_lower(a, samla_match_group(a, &m, t, 2))) >= 0) {
                    if (!vote) { vote = entry(d, "vote", it, l); samla_map_set(a, vote, "source", samla_ctx_source(d->ctx, l->blk)); samla_seq_append(a, out, vote); }
                    samla_map_set_int(a, vote, "for", count_word(samla_text_lower(a, samla_match_group(a, &m, t, 1))));
                    samla_map_set_int(a, vote, "against", count_word(samla_text_lower(a, samla_match_group(a, &m, t, 2))));
                    const char *ab = samla_match_group(a, &m, t, 3);
                    samla_match am;
                    /* "3 ja-röster, 2 nej-röster och 2 ledamöter avstår från att rösta" */
                    if (!ab && samla_re_search(d->st->re[RE_ABSTAIN], t, m.end[0], &am))
                        ab = samla_match_group(a, &am, t, 1);
                    if (ab) samla_map_set_int(a, vote, "abstain", count_word(samla_text_lower(a, ab)));
                    samla_map_set_str(a, vote, "text", t);
                } else if (vote && samla_re_search(d->st->re[RE_ABSTAIN], t, 0, &m)) {
                    samla_map_set_int(a, vote, "abstain", count_word(samla_text_lower(a, samla_match_group(a, &m, t, 1))));
                } else if (s != SECT_NOTE && samla_re_search(d->st->re[RE_NOTE], t, 0, &m)) {
                    remark(d, out, "note", it, l, samla_match_group(a, &m, t, 1), t);
                } else if (s != SECT_STATEMENT && samla_re_search(d->st->re[RE_STATEMENT], t, 0, &m)) {
                    remark(d, out, "statement", it, l, samla_match_group(a, &m, t, 1), t);
                } else if (samla_re_search(d->st->re[RE_RESERVE], t, 0, &m) ||
                           samla_re_search(d->st->re[RE_DISSENT], t, 0, &m)) {
                    samla_node *r = entry(d, "reservation", it, l);
                    samla_map_set(a, r, "by", names_node(d, samla_match_group(a, &m, t, 1)));
                    samla_map_set_str(a, r, "text", t);
                    samla_map_set(a, r, "source", samla_ctx_source(d->ctx, l->blk));
                    samla_seq_append(a, out, r);
                } else if (samla_re_search(d->st->re[RE_JAV], t, 0, &m)) {
                    samla_node *r = entry(d, "conflict_of_interest", it, l);
                    last_jav = l;
                    samla_map_set(a, r, "by", names_node(d, samla_match_group(a, &m, t, 1)));
                    samla_map_set_str(a, r, "text", t);
                    samla_map_set(a, r, "source", samla_ctx_source(d->ctx, l->blk));
                    samla_seq_append(a, out, r);
                } else if ((s == SECT_CONFLICT || last_jav == l) && samla_re_search(d->st->re[RE_JAV_SUB], t, 0, &m)) {
                    size_t nn = samla_node_len(out);
                    samla_node *last = nn ? samla_seq_at(out, nn - 1) : NULL;
                    if (last && strcmp(samla_map_get_str(last, "kind"), "conflict_of_interest") == 0)
                        samla_map_set_str(a, last, "substitute", samla_match_group(a, &m, t, 1));
                } else if (samla_re_search(d->st->re[RE_MOTION_FI], t, 0, &m)) {
                    /* "föreslog X, understödd av Y, att …": both move it */
                    samla_node *by = names_node(d, samla_match_group(a, &m, t, 1));
                    if (!samla_node_len(by) || !samla_map_get(samla_seq_at(by, 0), "name")) continue;
                    const char *sec = samla_match_group(a, &m, t, 2);
                    samla_node *more = sec ? names_node(d, sec) : NULL;
                    for (size_t q2 = 0; q2 < samla_node_len(more); q2++)
                        if (samla_map_get(samla_seq_at(more, q2), "name")) samla_seq_append(a, by, samla_seq_at(more, q2));
                    samla_node *r = entry(d, "motion", it, l);
                    samla_map_set(a, r, "by", by);
                    samla_map_set_str(a, r, "motion", strip_end(a, samla_match_group(a, &m, t, 3), ". "));
                    samla_map_set(a, r, "source", samla_ctx_source(d->ctx, l->blk));
                    samla_seq_append(a, out, r);
                } else if ((s == SECT_MOTIONS || s == SECT_PROCEDURE || s == SECT_NONE || s == SECT_DECISION) &&
                           samla_re_search(d->st->re[RE_MOTION], t, 0, &m)) {
                    samla_node *by = names_node(d, samla_match_group(a, &m, t, 1));
                    if (!samla_node_len(by) || !samla_map_get(samla_seq_at(by, 0), "name")) continue;
                    /* "X (M) yrkar, med instämmande av Y (M), att ...": Y moves it too */
                    const char *mv = samla_match_group(a, &m, t, 2);
                    if (mv && samla_text_starts_with_ci(mv, "med instämmande av ")) {
                        const char *e = strstr(mv, ", att ");
                        samla_node *more = names_node(d, e ? samla_arena_strndup(a, mv, (size_t)(e - mv)) : mv);
                        for (size_t q2 = 0; q2 < samla_node_len(more); q2++)
                            if (samla_map_get(samla_seq_at(more, q2), "name")) samla_seq_append(a, by, samla_seq_at(more, q2));
                        if (e) mv = e + 2;
                    }
                    samla_node *r = entry(d, "motion", it, l);
                    samla_map_set(a, r, "by", by);
                    samla_map_set_str(a, r, "motion", strip_end(a, mv, ". "));
                    samla_map_set(a, r, "source", samla_ctx_source(d->ctx, l->blk));
                    samla_seq_append(a, out, r);
                }
            }
        }
    }
    for (size_t i = 0; i < samla_node_len(out); i++) check_members(samla_seq_at(out, i));
    return SAMLA_OK;
}
