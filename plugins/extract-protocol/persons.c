/* persons.c: reading one person entry as Swedish attendance lists write it:
 * "Anna Berg (s) Exempels kommun, ordförande", "Ewa Granath, kanslichef,
 * sekreterare", "Kent Åslund (S), tjänstgörande ersättare för Leif Sjödin
 * (S)", "Lisa Hjort, socialchef, § 15" -> name, party, organisation, title,
 * roles (fixed vocabulary + label as written), §-range, substitutes_for. */
#include <string.h>

#include "protocol.h"

static bool is_org_prefix(const pdoc *d, const char *w)
{
    for (size_t i = 0; i < d->st->norg_prefix; i++)
        if (strcmp(samla_text_lower(d->ctx->arena, w), d->st->org_prefix[i]) == 0) return true;
    return false;
}

static bool is_org_suffix(const pdoc *d, const char *w)
{
    for (size_t i = 0; i < d->st->norg_suffix; i++)
        if (strcmp(w, d->st->org_suffix[i]) == 0) return true;
    return false;
}

/* First word (lowercase letters) at p, for the suffix check. */
static const char *next_word(samla_arena *a, const char *p)
{
    while (*p == ' ') p++;
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != ',' && p[n] != '.' && p[n] != ')') n++;
    return samla_arena_strndup(a, p, n);
}

/* Skips a title word before a name ("Ordföranden ", "Controller "). */
static size_t skip_prefix(const pdoc *d, const char *s)
{
    const char *rest;
    if (ptable_prefix(d, &d->st->prefixes, s, true, &rest) && rest > s && rest[-1] == ' ') return (size_t)(rest - s);
    return 0;
}

size_t person_name_len(const pdoc *d, const char *s)
{
    const samla_re *re = d->st->re[RE_WORD];
    samla_match m;
    size_t off = 0, end = 0;
    int words = 0;
    while (words < 4 && samla_re_search(re, s, off, &m)) {
        const char *w = samla_arena_strndup(d->ctx->arena, s + m.start[2], m.end[2] - m.start[2]);
        if (is_org_prefix(d, w) || is_org_suffix(d, next_word(d->ctx->arena, s + m.end[2]))) break;
        off = end = m.end[2];
        words++;
    }
    return words >= 2 ? end : 0;
}

const char *role_key(const pdoc *d, const char *label)
{
    return ptable_exact(d, &d->st->roles, label);
}

void person_role(const pdoc *d, person *p, const char *label)
{
    const char *k = role_key(d, label);
    if (!k) return;
    for (size_t i = 0; i < p->nroles; i++)
        if (strcmp(p->roles[i], k) == 0) return;
    samla_arena *a = d->ctx->arena;
    p->roles = samla_arena_grow(a, p->roles, p->nroles, p->nroles + 1, sizeof *p->roles);
    p->labels = samla_arena_grow(a, p->labels, p->nroles, p->nroles + 1, sizeof *p->labels);
    if (!p->roles || !p->labels) { p->nroles = 0; return; }
    p->roles[p->nroles] = k;
    p->labels[p->nroles++] = samla_text_lower(a, samla_text_trim(a, label));
}

/* Removes [start,end) from s. */
static char *cut(samla_arena *a, const char *s, size_t start, size_t end)
{
    return samla_arena_printf(a, "%.*s %s", (int)start, s, s + end);
}

bool person_parse(const pdoc *d, const char *s, person *p)
{
    samla_arena *a = d->ctx->arena;
    *p = (person){0};
    s += skip_prefix(d, s);
    size_t n = person_name_len(d, s);
    if (!n) return false;
    p->name = samla_arena_strndup(a, s, n);
    const char *rest = s + n;
    while (*rest == ' ') rest++;
    if (*rest == '(') {
        const char *e = strchr(rest, ')');
        const char *known = e ? ptable_exact(d, &d->st->parties, samla_arena_strndup(a, rest + 1, (size_t)(e - rest - 1))) : NULL;
        if (known) {   /* "(S)", "(socialdemokraterna)" */
            p->party = known;
            rest = e + 1;
        } else if (e && (unsigned char)rest[1] >= 'a' && (unsigned char)rest[1] <= 'z' &&
                   (role_key(d, samla_arena_strndup(a, rest + 1, (size_t)(e - rest - 1))) || e - rest > 6)) {
            /* "Birgitta Sundin (ordförande)", "(kassör)": roles and titles in brackets read as descriptors */
            rest = samla_arena_printf(a, ", %.*s%s", (int)(e - rest - 1), rest + 1, e + 1);
        } else if (e && e - rest <= 6) {
            p->party = samla_text_lower(a, samla_arena_strndup(a, rest + 1, (size_t)(e - rest - 1)));
            /* "(-)": no party (an independent member) */
            if (!p->party || !*p->party || strcmp(p->party, "-") == 0 || strcmp(p->party, "–") == 0) p->party = NULL;
            rest = e + 1;
        }
    }
    bool comma_first = false;
    while (*rest == ' ') rest++;
    if (*rest == ',') comma_first = true;
    samla_match m;
    char *r = samla_arena_strdup(a, rest);
    if (samla_re_search(d->st->re[RE_SUBST], r, 0, &m)) {
        p->substitutes_for = samla_match_group(a, &m, r, 2);
        p->subst_party = samla_text_lower(a, samla_match_group(a, &m, r, 3));
        person_role(d, p, samla_match_group(a, &m, r, 1));
        /* whoever serves for a named member serves, however the word reads ("ersättare för Y") */
        if (p->nroles && strcmp(p->roles[p->nroles - 1], "substitute") == 0) p->roles[p->nroles - 1] = "serving_substitute";
        r = cut(a, r, m.start[0], m.end[0]);
    }
    /* running text "Dragan Petrović (S) för Hanna Sund (S)": the member replaced */
    if (!p->substitutes_for && strncmp(r, "för ", 5) == 0 && person_name_len(d, r + 5)) {
        size_t nl = person_name_len(d, r + 5);
        p->substitutes_for = samla_arena_strndup(a, r + 5, nl);
        const char *q = r + 5 + nl;
        while (*q == ' ') q++;
        if (*q == '(' && strchr(q, ')') && strchr(q, ')') - q <= 6) q = strchr(q, ')') + 1;
        r = samla_arena_strdup(a, q);
    }
    if (samla_re_search(d->st->re[RE_ITEMS_RANGE], r, 0, &m)) {
        p->items = samla_match_group(a, &m, r, 1);
        r = cut(a, r, m.start[0], m.end[0]);
    }
    /* descriptors: split on ',' and ' tillika ' */
    int k = 0;
    for (char *part = r; part && *part; k++) {
        char *comma = strchr(part, ',');
        if (comma) *comma = 0;
        char *piece = samla_text_trim(a, part);
        part = comma ? comma + 1 : NULL;
        for (char *q = piece; q && *q;) {
            char *t = strstr(q, " tillika ");
            if (t) *t = 0;
            char *desc = samla_text_trim(a, q);
            q = t ? t + 9 : NULL;
            if (!desc || !*desc || strcmp(desc, "och") == 0) continue;
            /* "viceordförande (distans)": how someone attended, in brackets after a descriptor */
            char *br = strrchr(desc, '(');
            if (br && br > desc && desc[strlen(desc) - 1] == ')' &&
                ptable_exact(d, &d->st->remote, samla_arena_strndup(a, br + 1, strlen(br) - 2))) {
                p->remote = true;
                desc = samla_text_trim(a, samla_arena_strndup(a, desc, (size_t)(br - desc)));
                if (!desc || !*desc) continue;
            }
            /* "stadsdirektör och föredragande": a title and a role joined by "och" */
            char *och = strstr(desc, " och ");
            if (och && och > desc && role_key(d, och + 5)) {
                person_role(d, p, och + 5);
                desc = samla_text_trim(a, samla_arena_strndup(a, desc, (size_t)(och - desc)));
                if (!desc || !*desc) continue;
            }
            if (role_key(d, desc)) { person_role(d, p, desc); continue; }
            if (ptable_exact(d, &d->st->remote, desc)) { p->remote = true; continue; }
            /* a party written as a descriptor: "Per-Anders Lund, C, ordförande" */
            const char *pk = p->party ? NULL : ptable_exact(d, &d->st->parties, desc);
            if (pk) { p->party = pk; continue; }
            /* P-ATT-PARTY-LOCAL: "Mona Lind, lpo" where the document writes "(LPo)" after a name elsewhere */
            if (!p->party && strlen(desc) <= 4)
                for (size_t li = 0; li < d->nlocal; li++)
                    if (strcmp(samla_text_lower(a, desc), d->local_parties[li]) == 0) { p->party = d->local_parties[li]; break; }
            if (p->party && strcmp(samla_text_lower(a, desc), p->party) == 0) continue;
            const char *first = next_word(a, desc);
            const char *last = strrchr(desc, ' ');
            last = last ? last + 1 : desc;
            bool upper = (unsigned char)desc[0] >= 'A' && ((unsigned char)desc[0] <= 'Z' || (unsigned char)desc[0] >= 0xC3);
            if (!p->organisation && (is_org_prefix(d, first) || is_org_suffix(d, last) ||
                                     (k == 0 && !comma_first && upper))) {
                p->organisation = desc;
                continue;
            }
            p->title = p->title ? samla_arena_printf(a, "%s, %s", p->title, desc) : desc;
        }
    }
    return true;
}

/* P-ATT-PARTY-LOCAL: a local party (Lokalpartiet, a municipality's own list) is in no national list, so its
 * abbreviation is known only from the document: one written in brackets after a name ("Mona Lind (LPo)",
 * "tjänstgör för Per Ek (lpo)"), at most four letters and no party, role or remark of data/, is a party of this
 * document, and reads as one where the document gives it as a comma part ("Mona Lind, lpo"). */
void persons_local_parties(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    d->local_parties = NULL;
    d->nlocal = 0;
    for (size_t i = 0; i < d->n; i++) {
        const char **names, **parties;
        size_t n = person_mentions(d, d->l[i].text, &names, &parties);
        for (size_t k = 0; k < n; k++) {
            const char *pw = parties[k];
            if (!pw || strlen(pw) < 2 || strlen(pw) > 4 || ptable_exact(d, &d->st->parties, pw) || role_key(d, pw) ||
                ptable_exact(d, &d->st->remote, pw))
                continue;
            bool seen = false;
            for (size_t q = 0; q < d->nlocal && !seen; q++) seen = strcmp(d->local_parties[q], pw) == 0;
            if (seen) continue;
            const char **nv = samla_arena_grow(a, d->local_parties, d->nlocal, d->nlocal + 1, sizeof *nv);
            if (!nv) return;
            d->local_parties = nv;
            d->local_parties[d->nlocal++] = samla_text_lower(a, pw);
        }
    }
}

size_t person_mentions(const pdoc *d, const char *s, const char ***names, const char ***parties)
{
    samla_arena *a = d->ctx->arena;
    size_t n = 0, off = 0;
    samla_match m;
    *names = NULL;
    *parties = NULL;
    while (samla_re_search(d->st->re[RE_PERSON_PARTY], s, off, &m)) {
        const char *nm = samla_match_group(a, &m, s, 1);
        nm += skip_prefix(d, nm);
        const char *pw = samla_match_group(a, &m, s, 2);
        const char *known = ptable_exact(d, &d->st->parties, pw);
        /* a bracket holding more than an abbreviation is a party only when it names one */
        if (person_name_len(d, nm) == 0 || (!known && strlen(pw) > 4)) { off = m.end[0]; continue; }
        *names = samla_arena_grow(a, *names, n, n + 1, sizeof **names);
        *parties = samla_arena_grow(a, *parties, n, n + 1, sizeof **parties);
        if (!*names || !*parties) return 0;
        (*names)[n] = nm;
        (*parties)[n++] = known ? known : strcmp(pw, "-") == 0 || strcmp(pw, "–") == 0 ? NULL : samla_text_lower(a, pw);
        off = m.end[0];
    }
    return n;
}
