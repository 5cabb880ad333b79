/* attendees.c: attendance lists. Status headings (Närvarande, Frånvarande),
 * group headings (the body's name, Beslutande ledamöter, Tjänstgörande
 * ersättare, Övriga tjänstepersoner, Adjungerade, ...), front-page label
 * rows (Beslutande, Övriga närvarande, Utses att justera), two-column
 * tables (a header row names each column's group) and one person per line
 * or several "Name (p)" per line. A person named twice is one entry with
 * the roles merged. */
#include <string.h>

#include "protocol.h"

typedef struct att {
    pdoc *d;
    samla_node *seq;
    const char **adj_names, **adj_parties;
    size_t nadj;
    const samla_block *adj_src;
} att;

static samla_node *find(att *t, const char *name)
{
    for (size_t i = 0; i < samla_node_len(t->seq); i++) {
        samla_node *n = samla_seq_at(t->seq, i);
        if (strcmp(samla_map_get_str(n, "name"), name) == 0) return n;
    }
    return NULL;
}

/* The entry of a person named in the other name order ("Malin Lindström" for
 * "Lindström Malin", P-NAME-SURNAME-FIRST): the last word moved to the front or
 * the first to the end. NULL if none. */
static samla_node *find_swapped(att *t, const char *name)
{
    samla_arena *a = t->d->ctx->arena;
    const char *first = strchr(name, ' '), *last = strrchr(name, ' ');
    if (!first) return NULL;
    samla_node *n = find(t, samla_arena_printf(a, "%s %.*s", last + 1, (int)(last - name), name));
    if (!n) n = find(t, samla_arena_printf(a, "%s %.*s", first + 1, (int)(first - name), name));
    return n;
}

static void add_roles(samla_arena *a, samla_node *n, const person *p)
{
    samla_node *r = samla_map_ensure_seq(a, n, "roles");
    samla_node *lb = samla_map_ensure_seq(a, n, "role_labels");
    for (size_t i = 0; i < p->nroles; i++) {
        bool have = false;
        for (size_t k = 0; k < samla_node_len(r); k++)
            if (strcmp(samla_seq_at(r, k)->u.s, p->roles[i]) == 0) have = true;
        if (have) continue;
        samla_seq_append_str(a, r, p->roles[i]);
        samla_seq_append_str(a, lb, p->labels[i]);
    }
}

static void add_person(att *t, person *p, const char *status, const char *group, const samla_block *b)
{
    pdoc *d = t->d;
    samla_arena *a = d->ctx->arena;
    if (!p->nroles && group) {
        char *g = samla_arena_strdup(a, group);
        char *paren = strstr(g, " (");
        if (paren) *paren = 0;
        person_role(d, p, g);
    }
    samla_node *n = find(t, p->name);
    if (n) { add_roles(a, n, p); return; }
    n = samla_node_map(a);
    samla_map_set_str(a, n, "name", p->name);
    samla_map_set_str(a, n, "party", p->party);
    if (p->party) samla_map_set_str(a, n, "party_name", ptable_exact(d, &d->st->party_name, p->party));
    samla_map_set_str(a, n, "organisation", p->organisation);
    samla_map_set_str(a, n, "title", p->title);
    samla_map_set(a, n, "roles", samla_node_seq(a));
    samla_map_set(a, n, "role_labels", samla_node_seq(a));
    add_roles(a, n, p);
    samla_map_set_str(a, n, "status", status);
    samla_map_set_str(a, n, "group", group);
    if (p->remote) samla_map_set(a, n, "remote", samla_node_bool(a, true));
    samla_map_set_str(a, n, "substitutes_for", p->substitutes_for);
    samla_map_set_str(a, n, "items", p->items);
    samla_map_set(a, n, "source", samla_ctx_source(d->ctx, b));
    samla_seq_append(a, t->seq, n);
}

/* Where a second entry starts in a line that joins two without a
 * separator, as PDF cells do ("Ewa Granath, kanslichef, sekreterare Thomas
 * Brandt, kommundirektör"): a name right after a lower-case word or a number
 * that ends a descriptor list, or after the bracketed party that ends one
 * ("Ulla Ek, M, ersättare för Per Berg (M) Bo Lind, MP, …"). 0 if none. */
static size_t joined_entry(const pdoc *d, const char *s)
{
    if (!person_name_len(d, s) || !strchr(s, ',')) return 0;
    const char *first_comma = strchr(s, ',');
    for (const char *p = first_comma + 1; *p; p++) {
        if (p[0] != ' ' || !p[1]) continue;
        const unsigned char c = (unsigned char)p[-1];
        bool lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ')' ||
                     (c >= 0x80 && c <= 0xBF && p - s >= 2 && (unsigned char)p[-2] == 0xC3);
        if (!lower) continue;
        /* "ersättare för Anna Ek": the name belongs to the entry */
        const char *w = p;
        while (w > s && w[-1] != ' ' && w[-1] != ',') w--;
        size_t wl = (size_t)(p - w);
        if ((wl == 4 && strncmp(w, "för", 4) == 0) || (wl == 8 && strncmp(w, "ersätter", 8) == 0) ||
            (wl == 2 && strncmp(w, "av", 2) == 0) || (wl == 3 && strncmp(w, "och", 3) == 0))
            continue;
        if (person_name_len(d, p + 1)) return (size_t)(p - s);
    }
    return 0;
}

static bool add_line(att *t, const char *s, const char *status, const char *group, const samla_block *b);

/* The first check-box mark after a space inside s (the start of a second
 * entry on the line), or NULL. */
static const char *checkbox_inside(const pdoc *d, const char *s)
{
    const char *low = samla_text_lower(d->ctx->arena, s), *best = NULL;
    if (!low || strlen(low) != strlen(s)) return NULL;   /* offsets must agree */
    for (size_t i = 0; i < d->st->checkbox.n; i++) {
        const char *mark = d->st->checkbox.label[i];
        for (const char *p = strstr(low, mark); p; p = strstr(p + 1, mark))
            if (p > low && p[-1] == ' ' && (!best || p < best)) { best = p; break; }
    }
    return best ? s + (best - low) : NULL;
}

/* The comma parts of s (at most 64) and which of them are a name of their own
 * (a name alone, with a bracket after it or an item range): returns how many
 * are. */
static size_t comma_names(const pdoc *d, const char *s, const char **part, bool *isname, size_t *np_out)
{
    samla_arena *a = d->ctx->arena;
    char *c = samla_arena_strdup(a, s);
    size_t np = 0, names = 0;
    for (char *q = c; q && *q && np < 64;) {
        char *e = strchr(q, ',');
        if (e) *e = 0;
        part[np++] = samla_text_trim(a, q);
        q = e ? e + 1 : NULL;
    }
    for (size_t i = 0; i < np; i++) {
        size_t nl = part[i] ? person_name_len(d, part[i]) : 0;
        const char *rest = part[i] + nl;
        isname[i] = nl && (!*rest || (*rest == ' ' && samla_re_test(d->st->re[RE_ITEMS_RANGE], rest)) ||
                           (rest[0] == ' ' && rest[1] == '(' && rest[strlen(rest) - 1] == ')')) &&
                    !role_key(d, part[i]);
        if (isname[i]) names++;
    }
    *np_out = np;
    return names;
}

/* "Kerstin Vall, stadsdirektör, Lennart Öst, kanslichef, Maja Rosén,
 * sekreterare": running text of entries without parties, a new entry at each
 * comma part that is a name of its own. False when s names fewer than two. */
static bool split_names(att *t, const char *s, const char *status, const char *group, const samla_block *b)
{
    pdoc *d = t->d;
    samla_arena *a = d->ctx->arena;
    if (!strchr(s, ',')) return false;
    const char *part[64];
    bool isname[64] = {0};
    size_t np = 0, names = comma_names(d, s, part, isname, &np);
    if (names < 2 || !isname[0]) return false;
    for (size_t i = 0; i < np;) {
        size_t j = i + 1;
        while (j < np && !isname[j]) j++;
        char *seg = NULL;
        for (size_t k = i; k < j; k++) seg = seg ? samla_arena_printf(a, "%s, %s", seg, part[k]) : samla_arena_strdup(a, part[k]);
        add_line(t, seg, status, group, b);
        i = j;
    }
    return true;
}

/* One line of a list: one person, or several "Name (p)" separated by commas. */
static bool add_line(att *t, const char *s, const char *status, const char *group, const samla_block *b)
{
    pdoc *d = t->d;
    samla_arena *a = d->ctx->arena;
    /* a check-box list: "[X] Lindholm Anders, ordförande" attends, "[ ] Sjöberg Mikael" does not */
    const char *after = NULL;
    const char *box = ptable_prefix(d, &d->st->checkbox, s, true, &after);
    if (box && after && *after) {
        status = box;
        s = after;
        /* two columns of boxes read as one line: "[X] Haverinen Emilia, distans [X] Harald Amanda" */
        const char *next = checkbox_inside(d, s);
        if (next) {
            bool ok = add_line(t, samla_text_trim(a, samla_arena_strndup(a, s, (size_t)(next - s))), status, group, b);
            return add_line(t, next, status, group, b) || ok;
        }
    }
    size_t cut = joined_entry(d, s);
    if (cut) {
        bool ok = add_line(t, samla_arena_strndup(a, s, cut), status, group, b);
        return add_line(t, s + cut + 1, status, group, b) || ok;
    }
    const char **names, **parties;
    size_t n = person_mentions(d, s, &names, &parties);
    /* the party as a comma part ("A, S, ordförande, B, M, ersättare för C (M)"): the bracketed
     * mentions are not the entries when more comma parts are names of their own (P-ATT-PARTY) */
    const char *part[64];
    bool isname[64] = {0};
    size_t np = 0;
    if ((n < 2 || (strchr(s, ',') && comma_names(d, s, part, isname, &np) > n)) && !strchr(s, ';') &&
        split_names(t, s, status, group, b))
        return true;
    if (n >= 2) {
        const char *pos = s;
        for (size_t i = 0; i < n; i++) {
            const char *from = strstr(pos, names[i]);
            if (!from) continue;
            /* "X (S) för Y (S)", "X (S), tjg. ersättare för Y (S)", "X (S) ersätter Y (S)": Y is the
             * member X replaces, not an entry (P-ATT-SERVES-FOR) */
            size_t k = i + 1;
            const char *to = NULL;
            for (; k < n; k++) {
                to = strstr(from + 1, names[k]);
                if (!to || !samla_re_test(d->st->re[RE_SERVES_GAP], samla_arena_strndup(a, from, (size_t)(to - from))))
                    break;
            }
            if (k >= n) to = NULL;
            pos = to ? to : from + 1;
            char *seg = to ? samla_arena_strndup(a, from, (size_t)(to - from)) : samla_arena_strdup(a, from);
            person p;
            if (person_parse(d, strip_end(a, seg, ", "), &p)) add_person(t, &p, status, group, b);
            i = k - 1;
        }
        return true;
    }
    person p;
    if (!person_parse(d, s, &p)) return false;
    add_person(t, &p, status, group, b);
    return true;
}

static void adjusters(att *t, const char *s, const samla_block *b)
{
    pdoc *d = t->d;
    const char **names, **parties;
    size_t n = person_mentions(d, s, &names, &parties);
    samla_arena *a = d->ctx->arena;
    if (!n) {
        /* names without a party: "Sara Nyström", "Anna Ek och Per Lund" */
        char *c = samla_arena_strdup(a, s);
        for (char *q = c; q && *q;) {
            char *e = strstr(q, " och ");
            char *comma = strchr(q, ',');
            if (comma && (!e || comma < e)) { *comma = 0; e = comma + 1; }
            else if (e) { *e = 0; e += 5; }
            person p;
            if (person_parse(d, samla_text_trim(a, q), &p)) {
                names = samla_arena_grow(a, names, n, n + 1, sizeof *names);
                parties = samla_arena_grow(a, parties, n, n + 1, sizeof *parties);
                if (!names || !parties) return;
                names[n] = p.name;
                parties[n++] = p.party;
            }
            q = e;
        }
    }
    for (size_t i = 0; i < n; i++) {
        t->adj_names = samla_arena_grow(a, t->adj_names, t->nadj, t->nadj + 1, sizeof *t->adj_names);
        t->adj_parties = samla_arena_grow(a, t->adj_parties, t->nadj, t->nadj + 1, sizeof *t->adj_parties);
        if (!t->adj_names || !t->adj_parties) return;
        t->adj_names[t->nadj] = names[i];
        t->adj_parties[t->nadj++] = parties[i];
    }
    t->adj_src = b;
}

/* What a presence cell says: "Närvarande", "Frånvarande", "Närvarande §§
 * 21–23" (items), "Närvarande, ej tjänstgörande" (a substitute attending
 * without serving), "Tjänstgör för Anna Berg (M) §§ 24–25" (serving for that
 * member), or the name of the substitute serving for the row's member. */
typedef struct presence {
    const char *status, *items, *serves_for, *serves_party;
    bool not_serving, serving, remote;
    bool has_sub;
    person sub;
} presence;

static void presence_cell(pdoc *d, const char *v, presence *pr)
{
    samla_arena *a = d->ctx->arena;
    samla_match m;
    char *r = samla_arena_strdup(a, v);
    if (samla_re_search(d->st->re[RE_ITEMS_RANGE], r, 0, &m)) {
        pr->items = samla_match_group(a, &m, r, 1);
        r = samla_text_trim(a, samla_arena_printf(a, "%.*s %s", (int)m.start[0], r, r + m.end[0]));
    }
    if (samla_re_search(d->st->re[RE_SERVES_FOR], r, 0, &m)) {
        pr->serves_for = samla_match_group(a, &m, r, 1);
        const char *pw = samla_match_group(a, &m, r, 2);
        pr->serves_party = pw ? ptable_exact(d, &d->st->parties, pw) : NULL;
        pr->serving = true;
        pr->status = "present";
        return;
    }
    bool known = false;
    char *c = samla_arena_strdup(a, r);
    for (char *q = c; q && *q;) {
        char *e = strchr(q, ',');
        if (e) *e++ = 0;
        const char *part = samla_text_trim(a, q);
        const char *k = ptable_exact(d, &d->st->presence, part);
        if (!k && ptable_exact(d, &d->st->remote, part)) {
            /* "Distans", "Närvarande, distans": present, from elsewhere (P-ATT-TABLE-REMOTE) */
            known = true;
            pr->remote = true;
            pr->status = "present";
        } else if (k) {
            known = true;
            if (strcmp(k, "not_serving") == 0) pr->not_serving = true;
            else if (strcmp(k, "serving") == 0) pr->serving = true;
            else pr->status = k;
        }
        q = e;
    }
    if (!known && *r && person_parse(d, r, &pr->sub)) {
        pr->has_sub = true;
        pr->status = "absent";
    }
}

/* A table with one person a row and a column per fact: the header row is a
 * group label or a name-column label followed by column labels (Ledamöter |
 * Parti | Närvarande/Ersättare | §§, Namn | Parti | Roll | Närvaro). The
 * presence cell is read by presence_cell. Returns the index of the table's
 * last line, or i when the table is not one. */
static size_t member_table(att *t, size_t i)
{
    pdoc *d = t->d;
    samla_arena *a = d->ctx->arena;
    const pline *l = &d->l[i];
    if (l->row != 0 || l->col != 0 || l->cell_line != 0) return i;
    const char *g = ptable_exact(d, &d->st->attendance, l->text);
    const char *nk0 = ptable_exact(d, &d->st->name_columns, l->text);
    bool named = nk0 != NULL;
    /* "Ordinarie medlem | …": the first column's persons are members (P-ATT-TABLE-PERSONAL-SUBSTITUTE) */
    bool members = nk0 && strcmp(nk0, "member") == 0;
    if ((!g || strcmp(g, "group") != 0) && !named) return i;
    const char *kind[16] = {0};
    const char *head[16] = {0};
    size_t j = i + 1, nk = 0;
    int subcol = -1;   /* a second person column: the row's member's personal substitute */
    for (; j < d->n && d->l[j].table == l->table && d->l[j].row == 0; j++)
        if (d->l[j].col > 0 && d->l[j].col < 16 && (kind[d->l[j].col] = ptable_exact(d, &d->st->att_columns, d->l[j].text))) {
            head[d->l[j].col] = d->l[j].text;
            if (strcmp(kind[d->l[j].col], "personal_substitute") == 0 && subcol < 0) subcol = d->l[j].col;
            nk++;
        }
    if (!nk) return i;
    /* P-SIG-TABLE-NOT-ATTENDANCE: a header of signature columns only, one of them a time or a signature
     * ("Namn | Uppdrag | Signerat"), is the signature table (esign.c), no list of attendees */
    bool all_sig = true, signed_col = false;
    for (size_t h = i; h < j; h++) {
        const char *sk = ptable_exact(d, &d->st->sig_columns, d->l[h].text);
        if (!sk) all_sig = false;
        else if (strcmp(sk, "time") == 0 || strcmp(sk, "signature") == 0) signed_col = true;
    }
    if (all_sig && signed_col) return i;
    const char *group = g && strcmp(g, "group") == 0 ? strip_end(a, l->text, ": ") : NULL;
    while (j < d->n && d->l[j].table == l->table) {
        int row = d->l[j].row;
        const samla_block *b = d->l[j].blk;
        const char *cell[16] = {0};
        for (; j < d->n && d->l[j].table == l->table && d->l[j].row == row; j++) {
            int c = d->l[j].col;
            if (c < 0 || c >= 16) continue;
            cell[c] = cell[c] ? samla_arena_printf(a, "%s %s", cell[c], d->l[j].text) : d->l[j].text;
        }
        person p;
        if (!cell[0] || !person_parse(d, cell[0], &p)) continue;
        presence pr = {.status = "present"}, spr = {.status = "present"};
        const char *sub_head = NULL, *role = NULL, *replaces = NULL;
        for (int c = 1; c < 16; c++) {
            if (!kind[c] || !cell[c]) continue;
            const char *v = samla_text_trim(a, cell[c]);
            if (!v || !*v) continue;
            if (subcol > 0 && c > subcol && strcmp(kind[c], "presence") == 0) {
                presence_cell(d, v, &spr);   /* the personal substitute's own presence mark */
                continue;
            }
            if (strcmp(kind[c], "party") == 0 && !p.party) {
                const char *pk = ptable_exact(d, &d->st->parties, v);
                p.party = pk ? pk : samla_text_lower(a, v);
            } else if (strcmp(kind[c], "items") == 0) {
                p.items = v;
            } else if (strcmp(kind[c], "role") == 0) {
                role = v;
            } else if (strcmp(kind[c], "organisation") == 0) {
                p.organisation = v;
            } else if (strcmp(kind[c], "replaces") == 0) {
                replaces = v;
            } else if (strcmp(kind[c], "presence") == 0) {
                presence_cell(d, v, &pr);
                if (pr.has_sub) sub_head = head[c];
            }
        }
        if (pr.items && !p.items) p.items = pr.items;
        if (pr.remote) p.remote = true;
        if (replaces && !pr.serves_for && !pr.not_serving) {
            /* a column naming the member the row's substitute replaces,
             * "Ersätter | Agneta Falk" (P-ATT-TABLE-REPLACES) */
            person m;
            if (person_parse(d, replaces, &m)) {
                pr.serves_for = m.name;
                pr.serves_party = m.party;
            }
        }
        if (pr.serves_for) {
            /* the row is the substitute: "Ersättare | Tjänstgör för Anna Berg (M)" */
            p.substitutes_for = pr.serves_for;
            person_role(d, &p, "tjänstgörande ersättare");
        } else if (pr.not_serving) {
            person_role(d, &p, "ej tjänstgörande ersättare");
        } else if (pr.serving && role && role_key(d, role) && strcmp(role_key(d, role), "substitute") == 0) {
            /* "Ersättare | Tjänstgörande": a substitute marked serving, no member named */
            person_role(d, &p, "tjänstgörande ersättare");
        } else if (role) {
            for (char *q = samla_arena_strdup(a, role); q && *q;) {
                char *e = strchr(q, ',');
                if (e) *e++ = 0;
                person_role(d, &p, samla_text_trim(a, q));
                q = e;
            }
        }
        if (members && !p.nroles) person_role(d, &p, "ledamot");
        if (pr.has_sub) {
            pr.sub.substitutes_for = p.name;
            pr.sub.items = p.items;
            person_role(d, &pr.sub, "tjänstgörande ersättare");
            p.items = NULL;
        }
        add_person(t, &p, pr.status, group, b);
        if (pr.has_sub) add_person(t, &pr.sub, "present", sub_head, b);
        person s;
        if (subcol > 0 && cell[subcol] && person_parse(d, samla_text_trim(a, cell[subcol]), &s)) {
            /* P-ATT-TABLE-PERSONAL-SUBSTITUTE: "Ordinarie medlem | … | Närv. | Personlig ersättare | Närv.": the
             * substitute shares the member's row (and organisation); present for an absent member, they serve in
             * the member's place, present beside a present member they attend without serving */
            if (!s.organisation) s.organisation = p.organisation;
            bool here = strcmp(spr.status, "present") == 0;
            if (here && strcmp(pr.status, "absent") == 0) {
                s.substitutes_for = p.name;
                person_role(d, &s, "tjänstgörande ersättare");
            } else {
                person_role(d, &s, here ? "ej tjänstgörande ersättare" : "ersättare");
            }
            add_person(t, &s, here ? "present" : "absent", NULL, b);
        }
    }
    return j - 1;
}

/* One line of a column read as a running list (column_table): a label sets
 * the group or status that the lines after it take; false when the line is
 * neither a label nor an entry. */
static bool column_line(att *t, const pline *x, const char **group, const char **status)
{
    pdoc *d = t->d;
    samla_arena *a = d->ctx->arena;
    const char *rest = NULL;
    const char *k = ptable_prefix(d, &d->st->attendance, x->text, false, &rest);
    if (k && (!rest || !*rest)) {
        if (strcmp(k, "group") == 0) { *group = strip_end(a, x->text, ": "); *status = "present"; }
        else if (strcmp(k, "adjusters") != 0) *status = k;
        return true;
    }
    if (k && strcmp(k, "adjusters") == 0) { adjusters(t, rest, x->blk); return true; }
    if (k) {
        const char *st2 = strcmp(k, "absent") == 0 ? "absent" : "present";
        return add_line(t, rest, st2, strcmp(k, "group") == 0 ? strip_end(a, samla_arena_strndup(a, x->text, (size_t)(rest - x->text)), ": ") : NULL, x->blk);
    }
    /* a "Label: value" line is no entry; a colon after the name is ("B (S), 2:e vice ordförande") */
    const char *colon = strchr(x->text, ':');
    size_t nl = colon ? person_name_len(d, x->text) : 0;
    if (colon && (!nl || colon < x->text + nl)) return false;
    return add_line(t, x->text, *status, *group, x->blk);
}

/* A bare attendance label (a whole cell line, not the adjusters' label) in
 * the second column of table lines (i, end] below the first row: a label of
 * its own in the value column, which a label/value table never has
 * (P-ATT-COLUMN-RUN). */
static bool label_in_second_column(const att *t, size_t i, size_t end)
{
    pdoc *d = t->d;
    for (size_t j = i + 1; j <= end; j++) {
        const pline *x = &d->l[j];
        if (x->col != 1 || x->row <= d->l[i].row || x->cell_line != 0) continue;
        const char *k = ptable_exact(d, &d->st->attendance, strip_end(d->ctx->arena, x->text, ": "));
        if (k && strcmp(k, "adjusters") != 0) return true;
    }
    return false;
}

/* The second column of table lines [i, end] starts with a line that is no
 * attendance label (a person the first column's last label heads). */
static bool second_opens_bare(const att *t, size_t i, size_t end)
{
    pdoc *d = t->d;
    for (size_t j = i; j <= end; j++)
        if (d->l[j].col == 1)
            return !ptable_exact(d, &d->st->attendance, strip_end(d->ctx->arena, d->l[j].text, ": "));
    return false;
}

/* Two text columns that a PDF reader took for a table (a front page with
 * "Beslutande" left and "Övriga närvarande" right): the first cell opens an
 * attendance list and no row is a label/value pair, or the second column
 * holds a label of its own (a reader that made a row of every line pair:
 * P-ATT-COLUMN-RUN). The cells are read column by column as the running
 * list they are. Returns the index of the table's last line, or i when the
 * table is not one. */
static size_t column_table(att *t, size_t i)
{
    pdoc *d = t->d;
    samla_arena *a = d->ctx->arena;
    const pline *l = &d->l[i];
    if (l->row != 0 || l->col != 0 || l->cell_line != 0 || l->blk->ncols != 2) return i;
    const char *g = ptable_exact(d, &d->st->attendance, l->text);
    if (!g || strcmp(g, "adjusters") == 0) return i;
    size_t end = i;
    bool more = false;
    while (end + 1 < d->n && d->l[end + 1].table == l->table) {
        end++;
        if (d->l[end].cell_line > 0) more = true;
    }
    /* one line a cell: a label/value table, unless the value column holds a label of its own, or the first row
     * is two labels ("Ledamöter | Övriga deltagare": two columns, each headed by its label, P-ATT-COLUMN-RUN) */
    bool run = label_in_second_column(t, i, end);
    for (size_t j = i + 1; j <= end && !run && d->l[j].row == l->row; j++)
        if (d->l[j].col == 1 && d->l[j].cell_line == 0) {
            const char *k2 = ptable_exact(d, &d->st->attendance, strip_end(a, d->l[j].text, ": "));
            run = k2 && strcmp(k2, "adjusters") != 0;
        }
    if (!more && !run) return i;
    /* a label/value table whose values run over several lines ("Närvarande | A // B", "Frånvarande | C"):
     * a later row opens with a label of its own beside a value */
    for (size_t j = i + 1; j <= end && !run; j++)
        if (d->l[j].col == 0 && d->l[j].cell_line == 0 && d->l[j].row > l->row &&
            ptable_exact(d, &d->st->attendance, strip_end(a, d->l[j].text, ": ")) && j + 1 <= end &&
            d->l[j + 1].row == d->l[j].row && d->l[j + 1].col == 1)
            return i;
    const char *group = NULL, *status = "present";
    size_t last = end;
    for (int c = 0; c < 2; c++) {
        for (size_t j = i; j <= end; j++)
            if (d->l[j].col == c) column_line(t, &d->l[j], &group, &status);
        /* rows with the first cell alone after the table are the end of the first column
         * (lines.c reads them as paragraphs after it): read them before the second */
        size_t j = end + 1;
        for (; c == 0 && j < d->n && d->l[j].blk == l->blk && d->l[j].row < 0 && !item_at(d, j); j++) {
            if (!column_line(t, &d->l[j], &group, &status)) break;
            last = j;
        }
        /* a label that ends the first column (its persons head the second, whose first cell is no label),
         * with no person after it on its own: it opens the second column's list */
        if (c == 0 && j == last + 1 && j < d->n && d->l[j].row < 0 && !item_at(d, j) && second_opens_bare(t, i, end) &&
            (j + 1 >= d->n || item_at(d, j + 1) || !person_name_len(d, d->l[j + 1].text))) {
            const char *k = ptable_exact(d, &d->st->attendance, strip_end(a, d->l[j].text, ": "));
            if (k && strcmp(k, "adjusters") != 0 && column_line(t, &d->l[j], &group, &status)) last = j;
        }
    }
    return last;
}

/* Word k (0 first, -1 last) of a name, or NULL. */
static const char *name_word(samla_arena *a, const char *name, int k)
{
    const char *sp = k == 0 ? strchr(name, ' ') : strrchr(name, ' ');
    if (!sp) return NULL;
    return k == 0 ? samla_arena_strndup(a, name, (size_t)(sp - name)) : samla_arena_strdup(a, sp + 1);
}

/* Names written surname first ("Lindholm Anders"): kept as written, with
 * name_order: surname_first, given_name and family_name. A name is read so
 * when its last word is a given name (data/given-names.yaml) and its first is
 * not; when most names that tell their order are surname first, the two-word
 * names that do not tell it (neither or both words given names) are read so
 * too. */
static void name_order(att *t)
{
    pdoc *d = t->d;
    samla_arena *a = d->ctx->arena;
    size_t n = samla_node_len(t->seq), sf = 0, gf = 0;
    signed char *order = samla_arena_alloc(a, n + 1);
    if (!order) return;
    for (size_t i = 0; i < n; i++) {
        const char *name = samla_map_get_str(samla_seq_at(t->seq, i), "name");
        const char *first = name_word(a, name, 0), *last = name_word(a, name, -1);
        bool fg = first && ptable_exact(d, &d->st->given_names, first);
        bool lg = last && ptable_exact(d, &d->st->given_names, last);
        order[i] = lg && !fg ? 1 : fg && !lg ? -1 : 0;
        if (order[i] > 0) sf++;
        if (order[i] < 0) gf++;
    }
    for (size_t i = 0; i < n; i++) {
        samla_node *e = samla_seq_at(t->seq, i);
        const char *name = samla_map_get_str(e, "name");
        bool two = strchr(name, ' ') && strchr(name, ' ') == strrchr(name, ' ');
        if (!(order[i] > 0 || (order[i] == 0 && two && sf > gf))) continue;
        const char *sp = strrchr(name, ' ');
        samla_map_set_str(a, e, "name_order", "surname_first");
        samla_map_set_str(a, e, "given_name", sp + 1);
        samla_map_set_str(a, e, "family_name", samla_arena_strndup(a, name, (size_t)(sp - name)));
    }
}

samla_status attendees_extract(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    att t = {.d = d, .seq = samla_ctx_section(d->ctx, "attendees")};
    if (!t.seq) return SAMLA_ERR_NOMEM;
    if (!d->protocol) return SAMLA_OK;
    persons_local_parties(d);
    const char *status = "present", *group = NULL;
    bool region = false;
    const char *colgroup[16] = {0};
    int table = -1;
    for (size_t i = 0; i < d->n; i++) {
        const pline *l = &d->l[i];
        if (item_at(d, i)) { region = false; continue; }
        const char *rest = NULL;
        const char *k = l->cell_line == 0 && l->col <= 0 ? ptable_prefix(d, &d->st->attendance, l->text, l->row >= 0, &rest) : NULL;
        if (l->row >= 0) {
            if (l->table != table) { table = l->table; memset(colgroup, 0, sizeof colgroup); }
            size_t last = member_table(&t, i);
            if (last == i) last = column_table(&t, i);
            if (last != i) { i = last; region = false; continue; }
            /* a header row of group names ("Ledamöter | Ersättare") */
            if (l->row == 0 && i + 1 < d->n && d->l[i + 1].table == l->table && d->l[i + 1].row == 0 &&
                ptable_exact(d, &d->st->attendance, l->text) && ptable_exact(d, &d->st->attendance, d->l[i + 1].text)) {
                region = true;
                for (size_t j = i; j < d->n && d->l[j].table == l->table && d->l[j].row == 0; j++)
                    if (d->l[j].col < 16) colgroup[d->l[j].col] = d->l[j].text;
                while (i + 1 < d->n && d->l[i + 1].table == l->table && d->l[i + 1].row == 0) i++;
                continue;
            }
            if (k && l->col == 0) {
                const char *lbl = samla_arena_strndup(a, l->text, rest && rest > l->text ? (size_t)(rest - l->text) : strlen(l->text));
                lbl = strip_end(a, samla_text_trim(a, lbl), ": ");
                size_t j = i + (rest && *rest ? 0 : 1);
                for (; j < d->n && d->l[j].table == l->table && d->l[j].row == l->row; j++) {
                    const char *txt = j == i ? rest : d->l[j].text;
                    if (strcmp(k, "adjusters") == 0) adjusters(&t, txt, l->blk);
                    else add_line(&t, txt, strcmp(k, "absent") == 0 ? "absent" : "present", lbl, l->blk);
                }
                i = j - 1;
                continue;
            }
            const samla_cell *cell = samla_table_cell(l->blk, (size_t)l->row, (size_t)l->col);
            if (region && l->row == 0 && l->col < 16 && (cell && (cell->header || l->row == 0)) && ptable_exact(d, &d->st->attendance, l->text)) {
                colgroup[l->col] = l->text;
                continue;
            }
            if (region) add_line(&t, l->text, status, l->col < 16 && colgroup[l->col] ? colgroup[l->col] : group, l->blk);
            continue;
        }
        if (k && strcmp(k, "adjusters") == 0 && rest && *rest) { adjusters(&t, rest, l->blk); continue; }
        /* "Ej tjänstgörande ersättare: A (s), B (c)", "Övriga närvarande: A, titel; B, titel" */
        if (k && rest && *rest && rest > l->text && strchr(l->text, ':') && strchr(l->text, ':') < rest) {
            const char *lbl = strip_end(a, samla_text_trim(a, samla_arena_strndup(a, l->text, (size_t)(rest - l->text))), ": ");
            const char *st2 = strcmp(k, "absent") == 0 ? "absent" : "present";
            const char *grp = lbl;   /* "Frånvarande: A (S)" is a list of its own too */
            char *c = samla_arena_strdup(a, rest);
            for (char *q = c; q && *q;) {
                char *e = strchr(q, ';');
                if (e) *e++ = 0;
                add_line(&t, samla_text_trim(a, q), st2, grp, l->blk);
                q = e;
            }
            /* a labelled line inside a list ("Övriga närvarande" / "Ersättare: A, B"
             * / "Helena Sandberg, miljöchef") leaves the list open */
            continue;
        }
        const char *exact = ptable_exact(d, &d->st->attendance, l->text);
        if (exact && strcmp(exact, "adjusters") != 0) {
            region = true;
            if (strcmp(exact, "group") == 0) { group = strip_end(a, l->text, ": "); status = "present"; }
            else status = exact;
            continue;
        }
        if (!region) continue;
        if (line_terminates(d, l)) { region = false; continue; }
        if (line_is_heading(l) && !person_name_len(d, l->text)) { group = l->text; status = "present"; continue; }
        if (add_line(&t, l->text, status, group, l->blk)) continue;
        if (strlen(l->text) < 60 && !strchr(l->text, ':')) { group = l->text; status = "present"; continue; }
        region = false;
    }
    for (size_t i = 0; i < t.nadj; i++) {
        person p = {.name = t.adj_names[i], .party = t.adj_parties[i]};
        person_role(d, &p, "justerare");
        samla_node *n = find(&t, p.name);
        if (!n) n = find_swapped(&t, p.name);   /* the list writes the surname first */
        if (n) add_roles(a, n, &p);
        else add_person(&t, &p, "present", NULL, t.adj_src);
    }
    /* substitutes: serving (tjänstgörande, for the member they replace) or
     * not (present, but neither deciding nor counted among the members) */
    for (size_t i = 0; i < samla_node_len(t.seq); i++) {
        samla_node *n = samla_seq_at(t.seq, i);
        const samla_node *r = samla_map_get(n, "roles");
        bool serving = false, sub = false;
        for (size_t k = 0; k < samla_node_len(r); k++) {
            const char *v = samla_seq_at(r, k)->u.s;
            if (strcmp(v, "serving_substitute") == 0) serving = true;
            else if (strcmp(v, "substitute") == 0) sub = true;
        }
        if (serving || sub) samla_map_set(a, n, "serving", samla_node_bool(a, serving));
    }
    name_order(&t);
    return SAMLA_OK;
}

/* The attendee the signature block names (in either name order), or NULL. */
static samla_node *signer_entry(att *t, const char *name)
{
    samla_node *n = name ? find(t, name) : NULL;
    return n || !name ? n : find_swapped(t, name);
}

/* What the signatures tell about the attendees (after signatures_extract).
 * P-ATT-SIGNED-ADJUSTER: an attendee whose signature gives the role word
 * justerare after the name (*Protokollet justerat … av X, ordförande, och Y,
 * justerare*) has the role adjuster, as when the front page names the
 * adjusters; a signature block's caption (*Elektronisk protokolljustering*)
 * is not that word and gives no attendee role.
 * P-ATT-ONE-SECRETARY: a protocol has one secretary. When the signatures name
 * the secretary and that person is an attendee, every other attendee whose
 * secretary role came from a word after the name is an official with that
 * job title (kommunsekreterare, nämndsekreterare): the role goes, the word
 * stays as the title. */
samla_status attendees_signers(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    att t = {.d = d, .seq = samla_ctx_section(d->ctx, "attendees")};
    const samla_node *sig = samla_ctx_section(d->ctx, "signatures");
    if (!t.seq || !sig) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < samla_node_len(sig); i++) {
        const samla_node *s = samla_seq_at(sig, i);
        const char *role = samla_map_get_str(s, "role");
        const char *word = samla_map_get_str(s, "role_label");
        /* the role word after the name ("…, justerare"), not a block caption ("Elektronisk protokolljustering") */
        bool named = role && strcmp(role, "adjuster") == 0 && word && role_key(d, word) &&
                     strcmp(role_key(d, word), "adjuster") == 0;
        samla_node *n = named ? signer_entry(&t, samla_map_get_str(s, "name")) : NULL;
        if (!n) continue;
        person p = {.name = samla_map_get_str(n, "name")};
        person_role(d, &p, word); /* the role as the signature writes it */
        add_roles(a, n, &p);
    }
    samla_node *secretary = NULL;
    for (size_t i = 0; i < samla_node_len(sig); i++) {
        const samla_node *s = samla_seq_at(sig, i);
        const char *role = samla_map_get_str(s, "role");
        if (!role || strcmp(role, "secretary") != 0) continue;
        samla_node *n = signer_entry(&t, samla_map_get_str(s, "name"));
        if (secretary && n != secretary) return SAMLA_OK;   /* two signing secretaries: leave all */
        secretary = n;
    }
    if (!secretary) return SAMLA_OK;
    for (size_t i = 0; i < samla_node_len(t.seq); i++) {
        samla_node *n = samla_seq_at(t.seq, i);
        if (n == secretary) continue;
        const samla_node *r = samla_map_get(n, "roles"), *lb = samla_map_get(n, "role_labels");
        size_t nr = samla_node_len(r), at = nr;
        for (size_t k = 0; k < nr; k++)
            if (strcmp(samla_seq_at(r, k)->u.s, "secretary") == 0) at = k;
        if (at == nr) continue;
        samla_node *nroles = samla_node_seq(a), *nlabels = samla_node_seq(a);
        if (!nroles || !nlabels) return SAMLA_ERR_NOMEM;
        const char *word = at < samla_node_len(lb) ? samla_seq_at(lb, at)->u.s : NULL;
        for (size_t k = 0; k < nr; k++) {
            if (k == at) continue;
            samla_seq_append(a, nroles, samla_seq_at(r, k));
            if (k < samla_node_len(lb)) samla_seq_append(a, nlabels, samla_seq_at(lb, k));
        }
        samla_map_set(a, n, "roles", nroles);
        samla_map_set(a, n, "role_labels", nlabels);
        if (word && !samla_map_get_str(n, "title")) samla_map_set_str(a, n, "title", word);
    }
    return SAMLA_OK;
}
