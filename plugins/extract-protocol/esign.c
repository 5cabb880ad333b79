/* esign.c: electronic signature blocks (P-SIG-ELECTRONIC) and certifications
 * of the copy (P-SIG-CERTIFY).
 *
 * A block opens at a heading of protocol-conventions.yaml signature_headings
 * ("Elektroniska underskrifter", "Elektronisk protokolljustering") and holds
 * names over roles, in columns that a reader gives as table cells or as one
 * joined paragraph ("Johanna Norrbygård Tua Backman"). The signing service's
 * stamp at the page foot lists each signer with a date ("Tua Backman,
 * 21.09.2022") and ends with its stamp line ("Dokumentet har undertecknats
 * elektroniskt"); its names split the joined lines, give the date, and give
 * the spelling when the block's text lost a ligature ("Kristna" for
 * "Kristina"). A role word under a name is its role; else the heading's role
 * (signature_heading_roles: a protokolljustering's signers are adjusters).
 * "Intygar: Name, title" is a signature without a meeting role. */
#include <string.h>

#include "protocol.h"

typedef struct stamp {
    const char *name, *date;
} stamp;

enum { STAMP_MAX = 16, BLOCK_LINES = 12 };

/* The stamp entries ("Name, [title] d.m.yyyy") of the page holding line
 * from, read from there on up to and including the stamp line. */
static size_t stamps(pdoc *d, size_t from, stamp *out)
{
    samla_arena *a = d->ctx->arena;
    size_t n = 0;
    int page = d->l[from].blk->page;
    for (size_t j = from; j < d->n && d->l[j].blk->page == page; j++) {
        const char *t = d->l[j].text;
        if (ptable_prefix(d, &d->st->sig_stamp, t, true, NULL)) break;
        size_t nl = person_name_len(d, t);
        if (!nl || t[nl] != ',' || n == STAMP_MAX) continue;
        char *date = samla_text_find_date(a, t + nl, NULL);
        if (!date) continue;
        const char *name = samla_arena_strndup(a, t, nl);
        bool seen = false;
        for (size_t k = 0; k < n; k++) if (strcmp(out[k].name, name) == 0) seen = true;
        if (!seen) out[n++] = (stamp){name, date};
    }
    return n;
}

/* Bytes of s that stamp name nm covers at its start (exactly or with lost
 * ligatures), 0 if it does not start s; the next character must end a word. */
static size_t stamp_at(const pdoc *d, const char *nm, const char *s)
{
    long n = ptable_lig_prefix(d, samla_text_lower(d->ctx->arena, nm), samla_text_lower(d->ctx->arena, s));
    if (n <= 0 || (s[n] && s[n] != ' ' && s[n] != ',')) return 0;
    return (size_t)n;
}

static void add_sig(pdoc *d, samla_node *out, const char *name, const char *role_label, const char *date,
                    const samla_block *b)
{
    samla_arena *a = d->ctx->arena;
    for (size_t i = 0; i < samla_node_len(out); i++)
        if (strcmp(samla_map_get_str(samla_seq_at(out, i), "name"), name) == 0) return;
    samla_node *n = samla_node_map(a);
    samla_map_set_str(a, n, "name", name);
    const char *k = role_label ? role_key(d, role_label) : NULL;
    if (!k && role_label) k = ptable_exact(d, &d->st->sig_roles, role_label);
    samla_map_set_str(a, n, "role", k);
    if (k) samla_map_set_str(a, n, "role_label", samla_text_lower(a, role_label));
    samla_map_set_str(a, n, "time", date);
    samla_map_set(a, n, "source", samla_ctx_source(d->ctx, b));
    samla_seq_append(a, out, n);
}

/* Reads the names (and role words) of one line of a block: stamp names
 * where they stand, else names of two capitalised words; a lower-case word
 * after a name is its role. */
static void block_line(pdoc *d, samla_node *out, const char *s, const char *heading, const stamp *st, size_t nst,
                       const samla_block *b)
{
    samla_arena *a = d->ctx->arena;
    const char *name = NULL, *date = NULL, *role = NULL;
    for (const char *p = s; *p;) {
        while (*p == ' ') p++;
        if (!*p) break;
        size_t took = 0;
        for (size_t k = 0; k < nst && !took; k++)
            if ((took = stamp_at(d, st[k].name, p)) != 0) {
                if (name) add_sig(d, out, name, role ? role : heading, date, b);
                name = st[k].name;
                date = st[k].date;
                role = NULL;
            }
        if (!took) {
            size_t nl = person_name_len(d, p);
            if (nl) {
                /* without a stamp: a name is two words, as signature blocks write given name and surname */
                const char *sp = strchr(p, ' ');
                if (sp && (size_t)(sp - p) < nl) {
                    const char *sp2 = strchr(sp + 1, ' ');
                    if (sp2 && (size_t)(sp2 - p) < nl) nl = (size_t)(sp2 - p);
                }
                if (name) add_sig(d, out, name, role ? role : heading, date, b);
                name = samla_arena_strndup(a, p, nl);
                date = NULL;
                role = NULL;
                took = nl;
            } else {
                took = strcspn(p, " ");
                const char *w = samla_arena_strndup(a, p, took);
                if (name && role_key(d, w)) role = w;
                else if (!name) return;   /* not a line of names */
            }
        }
        p += took;
    }
    if (name) add_sig(d, out, name, role ? role : heading, date, b);
}

/* P-SIG-TABLE: a table whose header cells are all signature columns
 * (Funktion | Namn | Datum, Roll | Namnförtydligande | Underskrift), with a
 * name column: one signer a row, the role from the role column, the time from
 * the time column. Returns the index of the table's last line, or i when the
 * table is not one. */
static size_t sig_table(pdoc *d, samla_node *out, size_t i)
{
    samla_arena *a = d->ctx->arena;
    const pline *l = &d->l[i];
    enum { COLS = 8 };
    const char *kind[COLS] = {0};
    bool name = false;
    size_t j = i;
    for (; j < d->n && d->l[j].table == l->table && d->l[j].row == 0; j++) {
        const pline *x = &d->l[j];
        if (x->col < 0 || x->col >= COLS || x->cell_line > 0) return i;
        if (!(kind[x->col] = ptable_exact(d, &d->st->sig_columns, x->text))) return i;
        if (strcmp(kind[x->col], "name") == 0) name = true;
    }
    if (!name || j >= d->n || d->l[j].table != l->table) return i;
    while (j < d->n && d->l[j].table == l->table) {
        int row = d->l[j].row;
        const char *cell[COLS] = {0};
        const samla_block *b = d->l[j].blk;
        for (; j < d->n && d->l[j].table == l->table && d->l[j].row == row; j++) {
            const pline *x = &d->l[j];
            if (x->col < 0 || x->col >= COLS) continue;
            cell[x->col] = cell[x->col] ? samla_arena_printf(a, "%s %s", cell[x->col], x->text) : x->text;
        }
        const char *who = NULL, *role = NULL, *date = NULL;
        for (int c = 0; c < COLS; c++) {
            if (!kind[c] || !cell[c]) continue;
            if (strcmp(kind[c], "name") == 0) who = cell[c];
            else if (strcmp(kind[c], "role") == 0 && role_key(d, cell[c])) role = cell[c];
            else if (strcmp(kind[c], "time") == 0) date = sig_time(a, cell[c]);   /* P-SIG-TABLE-TIME */
        }
        person p;
        if (!who || !person_parse(d, who, &p)) continue;
        if (!role && p.nroles) role = p.labels[0];
        /* a signer another reading listed already (by name alone) gets the row's role and time */
        samla_node *seen = NULL;
        for (size_t k = 0; k < samla_node_len(out) && !seen; k++)
            if (strcmp(samla_map_get_str(samla_seq_at(out, k), "name"), p.name) == 0) seen = samla_seq_at(out, k);
        if (!seen) { add_sig(d, out, p.name, role, date, b); continue; }
        if (role && !samla_map_get_str(seen, "role")) {
            samla_map_set_str(a, seen, "role", role_key(d, role));
            samla_map_set_str(a, seen, "role_label", samla_text_lower(a, role));
        }
        if (date && !samla_map_get_str(seen, "time")) samla_map_set_str(a, seen, "time", date);
    }
    return j - 1;
}

samla_status esign_extract(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    samla_node *out = samla_ctx_section(d->ctx, "signatures");
    if (!out) return SAMLA_ERR_NOMEM;
    if (!d->protocol) return SAMLA_OK;
    for (size_t i = 0; i < d->n; i++) {
        const pline *l = &d->l[i];
        const char *rest = NULL;
        /* "Intygar: Camilla Högdahl-Pasanen, kanslist" */
        if (l->row < 0 && ptable_prefix(d, &d->st->certify, l->text, false, &rest) && rest && *rest) {
            person p;
            if (person_parse(d, rest, &p)) add_sig(d, out, p.name, NULL, NULL, l->blk);
            continue;
        }
        if (l->row == 0 && l->col == 0 && l->cell_line == 0) {
            size_t e = sig_table(d, out, i);
            if (e != i) { i = e; continue; }
        }
        if (l->cell_line > 0 || l->col > 0 || !ptable_exact(d, &d->st->sig_headings, l->text)) continue;
        /* in a table only as a row of its own ("Elektronisk protokolljustering | "), never a label with a value
         * ("Justering | Kommunkontoret, 2023-03-09") */
        if (l->row >= 0 && i + 1 < d->n && d->l[i + 1].table == l->table && d->l[i + 1].row == l->row) continue;
        /* a signature table right under the heading */
        if (i + 1 < d->n && d->l[i + 1].row == 0 && d->l[i + 1].col == 0 && d->l[i + 1].cell_line == 0) {
            size_t e = sig_table(d, out, i + 1);
            if (e != i + 1) { i = e; continue; }
        }
        stamp st[STAMP_MAX];
        size_t nst = stamps(d, i, st);
        const char *heading = ptable_exact(d, &d->st->sig_roles, l->text) ? l->text : NULL;
        size_t j = i + 1;
        for (size_t seen = 0; j < d->n && seen < BLOCK_LINES; j++, seen++) {
            const pline *x = &d->l[j];
            if (x->blk->page != l->blk->page || ptable_exact(d, &d->st->sig_headings, x->text) ||
                (x->kind == SAMLA_BLOCK_HEADING && x->row < 0))
                break;
            /* a table row holding the next heading ("Elektronisk protokolljustering | ") switches the role */
            if (x->row >= 0 && x->col == 0 && ptable_exact(d, &d->st->sig_headings, x->text)) break;
            if (x->row < 0 && !person_name_len(d, x->text)) break;
            /* a cell's lines are one entry ("Emilia Haverinen" over "ordförande") */
            const char *text = x->text;
            while (x->row >= 0 && j + 1 < d->n && d->l[j + 1].table == x->table && d->l[j + 1].row == x->row &&
                   d->l[j + 1].col == x->col)
                text = samla_arena_printf(a, "%s %s", text, d->l[++j].text);
            block_line(d, out, text, heading, st, nst, x->blk);
        }
        i = j - 1;
    }
    return SAMLA_OK;
}
