/* config.c: the built-in matcher table of `samla eval` (which keys match the
 * items of each section, which fields are scored, the named field groups). */
#include <string.h>

#include "eval.h"

/* The table, in a compact static form; eval_config_default copies it into an
 * arena so that thresholds can add groups. A field name ending in '#' is an id
 * field (never fuzzy). */
typedef struct section_def {
    const char *name;
    bool record;
    const char *keys[3];
    const char *fallback[2];
    const char *rank;
    const char *fields[12];
    const char *groups[3];
    eval_resolve resolve[2];
} section_def;

static const section_def table[] = {
    {.name = "document",
     .record = true,
     .fields = {"kind#", "title", "organisation", "date#", "reference#", "type", "adopted#", "decided_by",
                "valid"},
     .groups = {"title+date+organisation"}},
    {.name = "meeting",
     .record = true,
     .fields = {"body", "date#", "start#", "end#", "place", "reference#", "items#"},
     .groups = {"date+start+end+place"}},
    {.name = "agenda",
     .keys = {"number"},
     .fields = {"number#", "title", "kind#", "presenters", "reference#"},
     .groups = {"number+title"}},
    {.name = "decisions",
     .keys = {"item"},
     .fallback = {"body"}, /* a cover-page decision has no item number */
     .rank = "text",
     .fields = {"item#", "body", "status#", "text", "clauses", "as_proposed#", "recipients"},
     .groups = {"item+status+clauses"}},
    {.name = "votes",
     .keys = {"item", "kind"},
     .rank = "text",
     .fields = {"item#", "kind#", "text", "by", "for#", "against#", "abstain#", "result#", "substitute",
                "members"},
     .groups = {"item+kind"}},
    {.name = "attendees",
     .keys = {"name"},
     .fields = {"name", "party#", "party_name", "organisation", "roles", "status#", "group",
                "substitutes_for", "name_order#", "remote#"},
     .groups = {"name+status+party+roles"}},
    {.name = "signatures",
     .keys = {"name"},
     .fields = {"name", "role", "organisation", "time#"},
     .groups = {"name+role"}},
    {.name = "goals",
     .keys = {"code"},
     .fallback = {"title"},
     .fields = {"code#", "kind#", "title", "text", "parent#"},
     .groups = {"code+kind+title+parent"},
     .resolve = {{"parent", "goals", "id", "code", "title"}}},
    {.name = "activities",
     .keys = {"text"},
     .fields = {"text", "area", "indicators", "responsible", "section", "period"},
     .groups = {"text"}},
    {.name = "links",
     .keys = {"activity", "goal"},
     .fields = {"activity", "goal#", "method#"},
     .groups = {"activity+goal"},
     .resolve = {{"activity", "activities", "id", "text", NULL}, {"goal", "goals", "id", "code", "title"}}},
};

const char *eval_mode_name(eval_mode m)
{
    static const char *const names[EVAL_NMODES] = {"strict", "soft", "fuzzy"};
    return (unsigned)m < EVAL_NMODES ? names[m] : "?";
}

static size_t count_strs(const char *const *v, size_t max)
{
    size_t n = 0;
    while (n < max && v[n]) n++;
    return n;
}

static const char **copy_strs(samla_arena *a, const char *const *v, size_t n)
{
    const char **out = samla_arena_alloc(a, (n ? n : 1) * sizeof *out);
    for (size_t i = 0; out && i < n; i++) out[i] = v[i];
    return out;
}

eval_config *eval_config_default(samla_arena *a)
{
    size_t n = sizeof table / sizeof table[0];
    eval_config *c = samla_arena_alloc(a, sizeof *c);
    if (!c) return NULL;
    c->fuzzy = 0.8;
    c->sections = samla_arena_alloc(a, n * sizeof *c->sections);
    if (!c->sections) return NULL;
    c->nsections = n;
    for (size_t i = 0; i < n; i++) {
        const section_def *d = &table[i];
        eval_section *s = &c->sections[i];
        s->name = d->name;
        s->record = d->record;
        s->nkeys = count_strs(d->keys, 3);
        s->keys = copy_strs(a, d->keys, s->nkeys);
        s->nfallback = count_strs(d->fallback, 2);
        s->fallback = copy_strs(a, d->fallback, s->nfallback);
        s->rank = d->rank;
        s->nfields = count_strs(d->fields, 12);
        s->fields = samla_arena_alloc(a, s->nfields * sizeof *s->fields);
        if (!s->keys || !s->fallback || !s->fields) return NULL;
        for (size_t f = 0; f < s->nfields; f++) {
            size_t len = strlen(d->fields[f]);
            s->fields[f].id = len > 0 && d->fields[f][len - 1] == '#';
            s->fields[f].name = s->fields[f].id ? samla_arena_strndup(a, d->fields[f], len - 1) : d->fields[f];
            if (!s->fields[f].name) return NULL;
        }
        s->nresolve = d->resolve[1].field ? 2 : d->resolve[0].field ? 1 : 0;
        s->resolve = samla_arena_alloc(a, 2 * sizeof *s->resolve);
        if (!s->resolve) return NULL;
        memcpy(s->resolve, d->resolve, sizeof d->resolve);
        /* room for the table's groups and the ones thresholds add */
        s->capgroups = 16;
        s->groups = samla_arena_alloc(a, s->capgroups * sizeof *s->groups);
        if (!s->groups) return NULL;
        for (size_t g = 0; g < 3 && d->groups[g]; g++) {
            const char *msg = NULL;
            if (!eval_section_group(a, s, d->groups[g], strlen(d->groups[g]), &msg)) return NULL;
        }
    }
    return c;
}

eval_section *eval_config_section(const eval_config *c, const char *name)
{
    for (size_t i = 0; i < c->nsections; i++)
        if (strcmp(c->sections[i].name, name) == 0) return &c->sections[i];
    return NULL;
}

size_t eval_section_field(const eval_section *s, const char *name)
{
    for (size_t i = 0; i < s->nfields; i++)
        if (strcmp(s->fields[i].name, name) == 0) return i;
    return (size_t)-1;
}

static size_t field_n(const eval_section *s, const char *name, size_t len)
{
    for (size_t i = 0; i < s->nfields; i++)
        if (strlen(s->fields[i].name) == len && memcmp(s->fields[i].name, name, len) == 0) return i;
    return (size_t)-1;
}

eval_group *eval_section_group(samla_arena *a, eval_section *s, const char *spec, size_t len,
                               const char **msg)
{
    for (size_t g = 0; g < s->ngroups; g++)
        if (strlen(s->groups[g].name) == len && memcmp(s->groups[g].name, spec, len) == 0)
            return &s->groups[g];
    if (s->ngroups == s->capgroups) {
        *msg = "too many field groups";
        return NULL;
    }
    size_t n = 1;
    for (size_t i = 0; i < len; i++) n += spec[i] == '+';
    eval_group *g = &s->groups[s->ngroups];
    g->fields = samla_arena_alloc(a, n * sizeof *g->fields);
    g->name = samla_arena_strndup(a, spec, len);
    if (!g->fields || !g->name) {
        *msg = "out of memory";
        return NULL;
    }
    g->nfields = 0;
    const char *p = spec, *end = spec + len;
    while (p <= end) {
        const char *q = memchr(p, '+', (size_t)(end - p));
        if (!q) q = end;
        size_t f = field_n(s, p, (size_t)(q - p));
        if (f == (size_t)-1) {
            *msg = q == p ? "empty field name in group" : "unknown field in group";
            return NULL;
        }
        g->fields[g->nfields++] = f;
        p = q + 1;
    }
    s->ngroups++;
    return g;
}
