/* civic.c: the model index shared by write-oparl and write-popolo (see civic.h).
 *
 * Persons are every distinct name (as written) in attendees, in votes (`by`, voting-list
 * `members`, a conflict's `substitute`) and in signatures, in that order of first mention;
 * parties every distinct party abbreviation they carry. Identifiers are
 * "<base><document id>/<kind>/<n>" with n counted from 1 in model order, so the same document
 * gives the same identifiers in both exports and in every run. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "civic.h"

const samla_option civic_options[] = {
    {"base", SAMLA_OPT_STRING, "urn:samla:", offsetof(civic_config, base),
     "prefix of every id (e.g. the URL of your OParl server; default a URN)"},
    {"timezone", SAMLA_OPT_STRING, "Europe/Stockholm", offsetof(civic_config, timezone),
     "time zone of the meeting's start and end times (Europe/Helsinki for Finland)"},
    SAMLA_OPTIONS_END};

samla_status civic_init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    (void)rt;
    const civic_config *c = cfg;
    GTimeZone *tz = g_time_zone_new_identifier(c->timezone);
    if (!tz) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "timezone '%s' is not a known time zone", c->timezone);
        return SAMLA_ERR_CONFIG;
    }
    g_time_zone_unref(tz);
    *state = (void *)cfg; /* the core owns the config until fini */
    return SAMLA_OK;
}

const char *civic_id(const civic *c, const char *kind, size_t n)
{
    return samla_arena_printf(c->ctx->arena, "%s%s/%zu", c->base, kind, n);
}

const civic_person *civic_person_named(const civic *c, const char *name)
{
    for (size_t i = 0; name && i < c->npersons; i++)
        if (strcmp(c->persons[i].name, name) == 0) return &c->persons[i];
    return NULL;
}

const civic_party *civic_party_of(const civic *c, const char *abbr)
{
    for (size_t i = 0; abbr && i < c->nparties; i++)
        if (strcmp(c->parties[i].abbr, abbr) == 0) return &c->parties[i];
    return NULL;
}

static samla_status add_party(civic *c, const char *abbr, const char *name)
{
    if (!abbr || !*abbr || civic_party_of(c, abbr)) return SAMLA_OK;
    civic_party *p = samla_arena_grow(c->ctx->arena, c->parties, c->nparties, c->nparties + 1, sizeof *p);
    if (!p) return SAMLA_ERR_NOMEM;
    c->parties = p;
    p[c->nparties] = (civic_party){abbr, name && *name ? name : abbr, NULL};
    c->nparties++;
    p[c->nparties - 1].id = civic_id(c, "organization", c->nparties + 1); /* 1 is the body */
    return SAMLA_OK;
}

/* Adds the person named in entry (a map with `name`, maybe `party`), once per name. */
static samla_status add_person(civic *c, const samla_node *entry, const samla_node *attendee)
{
    const char *name = samla_map_get_str(entry, "name");
    if (!name || !*name) return SAMLA_OK;
    const char *party = samla_map_get_str(entry, "party");
    samla_status st = add_party(c, party, samla_map_get_str(entry, "party_name"));
    if (st != SAMLA_OK) return st;
    civic_person *known = (civic_person *)civic_person_named(c, name);
    if (known) {
        if (!known->party) known->party = party;
        if (!known->attendee) known->attendee = attendee;
        return SAMLA_OK;
    }
    civic_person *p = samla_arena_grow(c->ctx->arena, c->persons, c->npersons, c->npersons + 1, sizeof *p);
    if (!p) return SAMLA_ERR_NOMEM;
    c->persons = p;
    p[c->npersons] = (civic_person){name, civic_id(c, "person", c->npersons + 1), party, attendee};
    c->npersons++;
    return SAMLA_OK;
}

static samla_status add_people(civic *c, const samla_node *seq)
{
    for (size_t i = 0; i < samla_node_len(seq); i++) {
        samla_status st = add_person(c, samla_seq_at(seq, i), NULL);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}

samla_status civic_index(civic *c, samla_ctx *ctx, const char *base_option)
{
    memset(c, 0, sizeof *c);
    c->ctx = ctx;
    const samla_node *m = ctx->model;
    c->document = samla_map_get(m, "document");
    const char *docid = samla_map_get_str(c->document, "id");
    c->base = samla_arena_printf(ctx->arena, "%s%s/", base_option ? base_option : "", docid ? docid : "document");
    c->meeting = samla_map_get(m, "meeting");
    c->agenda = samla_map_get(m, "agenda");
    c->decisions = samla_map_get(m, "decisions");
    c->votes = samla_map_get(m, "votes");
    c->attendees = samla_map_get(m, "attendees");
    c->signatures = samla_map_get(m, "signatures");
    if (samla_map_get_str(c->meeting, "body")) c->body_id = civic_id(c, "organization", 1);
    samla_status st = SAMLA_OK;
    for (size_t i = 0; st == SAMLA_OK && i < samla_node_len(c->attendees); i++) {
        const samla_node *a = samla_seq_at(c->attendees, i);
        st = add_person(c, a, a);
    }
    for (size_t i = 0; st == SAMLA_OK && i < samla_node_len(c->votes); i++) {
        const samla_node *v = samla_seq_at(c->votes, i);
        st = add_people(c, samla_map_get(v, "by"));
        if (st == SAMLA_OK) st = add_people(c, samla_map_get(v, "members"));
        const char *sub = samla_map_get_str(v, "substitute");
        if (st == SAMLA_OK && sub) {
            samla_node *n = samla_node_map(ctx->arena);
            if (!n || !samla_map_set_str(ctx->arena, n, "name", sub)) return SAMLA_ERR_NOMEM;
            st = add_person(c, n, NULL);
        }
    }
    if (st == SAMLA_OK) st = add_people(c, c->signatures);
    return st;
}

void civic_set_str(json_t *obj, const char *key, const char *s)
{
    if (s && *s) json_object_set_new(obj, key, json_string(s));
}

json_t *civic_str_array(const samla_node *seq)
{
    json_t *a = NULL;
    for (size_t i = 0; i < samla_node_len(seq); i++) {
        const samla_node *n = samla_seq_at(seq, i);
        if (!n || n->type != SAMLA_NODE_STRING || !n->u.s || !*n->u.s) continue;
        if (!a) a = json_array();
        json_array_append_new(a, json_string(n->u.s));
    }
    return a;
}

samla_status civic_write(samla_ctx *ctx, json_t *root)
{
    if (!root) return SAMLA_ERR_NOMEM;
    int rc = json_dumpf(root, ctx->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (rc != 0 || fputc('\n', ctx->out) == EOF) {
        samla_ctx_error(ctx, 0, "cannot write the export");
        return SAMLA_ERR_IO;
    }
    return SAMLA_OK;
}

const char *civic_datetime(const civic *c, const char *date, const char *time, const char *tz)
{
    int y, mo, d, h, mi;
    char rest;
    if (!date || !time || sscanf(date, "%4d-%2d-%2d%c", &y, &mo, &d, &rest) != 3 ||
        sscanf(time, "%2d:%2d%c", &h, &mi, &rest) != 2)
        return NULL;
    GTimeZone *zone = g_time_zone_new_identifier(tz);
    if (!zone) return NULL;
    GDateTime *dt = g_date_time_new(zone, y, mo, d, h, mi, 0);
    g_time_zone_unref(zone);
    if (!dt) return NULL;
    char *s = g_date_time_format(dt, "%Y-%m-%dT%H:%M:%S%:z");
    g_date_time_unref(dt);
    const char *out = s ? samla_arena_strdup(c->ctx->arena, s) : NULL;
    g_free(s);
    return out;
}
