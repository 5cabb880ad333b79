/* popolo.c: the writer plugin write-popolo: a protocol's model as Popolo JSON.
 *
 * One object with the Popolo collections: `persons`, `organizations` (the deciding body, the
 * parties), `memberships` (each attendee in the body, on behalf of a party), `events` (the meeting;
 * its agenda items as events whose parent is the meeting; reservations and conflicts of interest,
 * which Popolo has no class for, as events under their agenda item), `motions` (the decisions and
 * proposals, and the motions moved) and `vote_events` (the votes, with counts and the voting
 * list). Field by field: docs/exports.md. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <glib.h>

#include "civic.h"

typedef civic_config config;

typedef struct out {
    const civic *c;
    const config *cfg;
    json_t *persons, *organizations, *memberships, *events, *motions, *vote_events;
    size_t nmotions, nvote_events, nevents;
} out;

/* The agenda item event id of item number, or NULL. */
static const char *item_event(const out *o, const char *number)
{
    for (size_t i = 0; number && i < samla_node_len(o->c->agenda); i++)
        if (g_strcmp0(samla_map_get_str(samla_seq_at(o->c->agenda, i), "number"), number) == 0)
            return civic_id(o->c, "event", i + 2); /* 1 is the meeting */
    return NULL;
}

static const char *person_id(const out *o, const samla_node *entry)
{
    const civic_person *p = civic_person_named(o->c, samla_map_get_str(entry, "name"));
    return p ? p->id : NULL;
}

static void add_source(json_t *obj, const samla_node *entry)
{
    const samla_node *src = samla_map_get(entry, "source");
    json_t *s = src ? samla_node_to_json(src) : NULL;
    if (s) json_object_set_new(obj, "samla_source", s);
}

static void meeting_and_items(out *o)
{
    const civic *c = o->c;
    const samla_node *m = c->meeting;
    const char *id = civic_id(c, "event", 1), *date = samla_map_get_str(m, "date");
    json_t *ev = json_object();
    json_object_set_new(ev, "id", json_string(id));
    const char *body = samla_map_get_str(m, "body");
    char *name = g_strjoin(" ", body ? body : "", date ? date : "", NULL);
    civic_set_str(ev, "name", g_strstrip(name));
    g_free(name);
    json_object_set_new(ev, "classification", json_string("meeting"));
    const char *start = civic_datetime(c, date, samla_map_get_str(m, "start"), o->cfg->timezone);
    civic_set_str(ev, "start_date", start ? start : date);
    civic_set_str(ev, "end_date", civic_datetime(c, date, samla_map_get_str(m, "end"), o->cfg->timezone));
    civic_set_str(ev, "location", samla_map_get_str(m, "place"));
    civic_set_str(ev, "organization_id", c->body_id);
    json_t *att = json_array();
    for (size_t i = 0; i < c->npersons; i++) {
        const samla_node *a = c->persons[i].attendee;
        if (!a) continue;
        json_t *e = json_pack("{s:s}", "person_id", c->persons[i].id);
        civic_set_str(e, "role", samla_map_get_str(a, "group"));
        civic_set_str(e, "note", samla_map_get_str(a, "status"));
        json_array_append_new(att, e);
    }
    json_object_set_new(ev, "attendees", att);
    json_array_append_new(o->events, ev);
    for (size_t i = 0; i < samla_node_len(c->agenda); i++) {
        const samla_node *it = samla_seq_at(c->agenda, i);
        json_t *ai = json_object();
        json_object_set_new(ai, "id", json_string(civic_id(c, "event", i + 2)));
        civic_set_str(ai, "name", samla_map_get_str(it, "title"));
        json_object_set_new(ai, "classification", json_string("agenda item"));
        civic_set_str(ai, "identifier", samla_map_get_str(it, "number"));
        civic_set_str(ai, "start_date", date);
        json_object_set_new(ai, "parent_id", json_string(id));
        civic_set_str(ai, "organization_id", c->body_id);
        add_source(ai, it);
        json_array_append_new(o->events, ai);
    }
    o->nevents = 1 + samla_node_len(c->agenda);
}

/* A decision or proposal: a motion of the body with its result. */
static void decision(out *o, const samla_node *d)
{
    json_t *mo = json_object();
    json_object_set_new(mo, "id", json_string(civic_id(o->c, "motion", ++o->nmotions)));
    civic_set_str(mo, "organization_id", o->c->body_id);
    civic_set_str(mo, "legislative_session_id", item_event(o, samla_map_get_str(d, "item")));
    civic_set_str(mo, "text", samla_map_get_str(d, "text"));
    const char *status = samla_map_get_str(d, "status");
    json_object_set_new(mo, "classification", json_string(g_strcmp0(status, "decided") == 0 ? "decision" : "proposal"));
    civic_set_str(mo, "date", samla_map_get_str(o->c->meeting, "date"));
    if (g_strcmp0(status, "decided") == 0) json_object_set_new(mo, "result", json_string("pass"));
    civic_set_str(mo, "requirement", samla_map_get_str(d, "body"));
    json_t *clauses = civic_str_array(samla_map_get(d, "clauses"));
    if (clauses) json_object_set_new(mo, "samla_clauses", clauses);
    add_source(mo, d);
    json_array_append_new(o->motions, mo);
}

static json_t *person_ids(const out *o, const samla_node *by)
{
    json_t *a = json_array();
    for (size_t i = 0; i < samla_node_len(by); i++) {
        const char *id = person_id(o, samla_seq_at(by, i));
        if (id) json_array_append_new(a, json_string(id));
    }
    return a;
}

static void vote(out *o, const samla_node *v)
{
    const civic *c = o->c;
    const char *kind = samla_map_get_str(v, "kind"), *item = samla_map_get_str(v, "item");
    const samla_node *by = samla_map_get(v, "by");
    if (g_strcmp0(kind, "motion") == 0) {
        json_t *mo = json_object();
        json_object_set_new(mo, "id", json_string(civic_id(c, "motion", ++o->nmotions)));
        civic_set_str(mo, "organization_id", c->body_id);
        civic_set_str(mo, "legislative_session_id", item_event(o, item));
        civic_set_str(mo, "text", samla_map_get_str(v, "motion"));
        json_object_set_new(mo, "classification", json_string("motion"));
        civic_set_str(mo, "date", samla_map_get_str(c->meeting, "date"));
        civic_set_str(mo, "creator_id", person_id(o, samla_seq_at(by, 0)));
        json_object_set_new(mo, "samla_movers", person_ids(o, by));
        add_source(mo, v);
        json_array_append_new(o->motions, mo);
    } else if (g_strcmp0(kind, "vote") == 0) {
        json_t *ve = json_object();
        json_object_set_new(ve, "id", json_string(civic_id(c, "vote_event", ++o->nvote_events)));
        civic_set_str(ve, "organization_id", c->body_id);
        civic_set_str(ve, "legislative_session_id", item_event(o, item));
        civic_set_str(ve, "start_date", samla_map_get_str(c->meeting, "date"));
        civic_set_str(ve, "result", samla_map_get_str(v, "text"));
        json_t *counts = json_array();
        static const char *const opts[][2] = {{"for", "yes"}, {"against", "no"}, {"abstain", "abstain"}};
        for (size_t k = 0; k < 3; k++) {
            const samla_node *n = samla_map_get(v, opts[k][0]);
            if (n && n->type == SAMLA_NODE_INT)
                json_array_append_new(counts, json_pack("{s:s, s:I}", "option", opts[k][1], "value", (json_int_t)n->u.i));
        }
        json_object_set_new(ve, "counts", counts);
        json_t *votes = json_array();
        const samla_node *members = samla_map_get(v, "members");
        for (size_t k = 0; k < samla_node_len(members); k++) {
            const samla_node *mb = samla_seq_at(members, k);
            const char *pid = person_id(o, mb), *opt = samla_map_get_str(mb, "vote");
            if (!pid || !opt) continue;
            json_t *vo = json_pack("{s:s, s:s, s:s}", "vote_event_id", civic_id(c, "vote_event", o->nvote_events),
                                   "voter_id", pid, "option", opt);
            const civic_party *party = civic_party_of(c, samla_map_get_str(mb, "party"));
            if (party) json_object_set_new(vo, "group_id", json_string(party->id));
            json_array_append_new(votes, vo);
        }
        json_object_set_new(ve, "votes", votes);
        add_source(ve, v);
        json_array_append_new(o->vote_events, ve);
    } else { /* reservation, conflict_of_interest, propositions, note, statement: no Popolo class; an event under the item */
        json_t *ev = json_object();
        json_object_set_new(ev, "id", json_string(civic_id(c, "event", ++o->nevents)));
        civic_set_str(ev, "name", samla_map_get_str(v, "text"));
        const char *cls = g_strcmp0(kind, "reservation") == 0 ? "reservation"
                          : g_strcmp0(kind, "conflict_of_interest") == 0 ? "conflict of interest"
                          : g_strcmp0(kind, "propositions") == 0 ? "order of propositions"
                          : g_strcmp0(kind, "note") == 0 ? "protocol note" : "special statement";
        json_object_set_new(ev, "classification", json_string(cls));
        civic_set_str(ev, "parent_id", item_event(o, item));
        civic_set_str(ev, "start_date", samla_map_get_str(c->meeting, "date"));
        json_t *att = json_array();
        for (size_t k = 0; k < samla_node_len(by); k++) {
            const samla_node *b = samla_seq_at(by, k);
            const char *pid = person_id(o, b);
            if (pid) json_array_append_new(att, json_pack("{s:s, s:s}", "person_id", pid, "role", kind));
            else if (samla_map_get_str(b, "group"))
                json_array_append_new(att, json_pack("{s:s, s:s}", "role", kind, "note", samla_map_get_str(b, "group")));
        }
        const civic_person *sub = civic_person_named(c, samla_map_get_str(v, "substitute"));
        if (sub) json_array_append_new(att, json_pack("{s:s, s:s}", "person_id", sub->id, "role", "substitute"));
        json_object_set_new(ev, "attendees", att);
        add_source(ev, v);
        json_array_append_new(o->events, ev);
    }
}

static void people(out *o)
{
    const civic *c = o->c;
    if (c->body_id) {
        json_t *b = json_pack("{s:s, s:s, s:s}", "id", c->body_id, "name", samla_map_get_str(c->meeting, "body"),
                              "classification", "body");
        json_array_append_new(o->organizations, b);
    }
    for (size_t i = 0; i < c->nparties; i++)
        json_array_append_new(o->organizations,
                              json_pack("{s:s, s:s, s:s, s:[{s:s, s:s}]}", "id", c->parties[i].id, "name",
                                        c->parties[i].name, "classification", "party", "other_names", "name",
                                        c->parties[i].abbr, "note", "abbreviation"));
    for (size_t i = 0; i < c->npersons; i++) {
        const civic_person *p = &c->persons[i];
        json_t *po = json_pack("{s:s, s:s}", "id", p->id, "name", p->name);
        if (p->attendee) {
            civic_set_str(po, "summary", samla_map_get_str(p->attendee, "title"));
            civic_set_str(po, "samla_organisation", samla_map_get_str(p->attendee, "organisation"));
        }
        json_array_append_new(o->persons, po);
        if (!p->attendee || !c->body_id) continue;
        json_t *ms = json_pack("{s:s, s:s, s:s}", "id", civic_id(c, "membership", i + 1), "person_id", p->id,
                               "organization_id", c->body_id);
        const samla_node *labels = samla_map_get(p->attendee, "role_labels");
        const samla_node *first = samla_seq_at(labels, 0);
        civic_set_str(ms, "role", first && first->type == SAMLA_NODE_STRING ? first->u.s : NULL);
        civic_set_str(ms, "label", samla_map_get_str(p->attendee, "group"));
        const civic_party *party = civic_party_of(c, p->party);
        if (party) json_object_set_new(ms, "on_behalf_of_id", json_string(party->id));
        json_t *roles = civic_str_array(samla_map_get(p->attendee, "roles"));
        if (roles) json_object_set_new(ms, "samla_roles", roles);
        json_array_append_new(o->memberships, ms);
    }
}

static samla_status process(void *state, samla_ctx *ctx)
{
    civic c;
    samla_status st = civic_index(&c, ctx, ((const config *)state)->base);
    if (st != SAMLA_OK) return st;
    if (samla_node_len(c.meeting) == 0 && samla_node_len(c.agenda) == 0)
        samla_ctx_warn(ctx, 0, "no meeting and no agenda: the Popolo export holds no meeting");
    out o = {&c, state, json_array(), json_array(), json_array(), json_array(), json_array(), json_array(), 0, 0, 0};
    people(&o);
    meeting_and_items(&o);
    for (size_t i = 0; i < samla_node_len(c.decisions); i++) decision(&o, samla_seq_at(c.decisions, i));
    for (size_t i = 0; i < samla_node_len(c.votes); i++) vote(&o, samla_seq_at(c.votes, i));
    json_t *root = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "persons", o.persons, "organizations", o.organizations,
                             "memberships", o.memberships, "events", o.events, "motions", o.motions, "vote_events",
                             o.vote_events);
    return civic_write(ctx, root);
}

static const char *const formats[] = {"popolo", NULL};
static const char *const needs[] = {"meeting", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "write-popolo",
    .version = "1.0.0",
    .description = "writes a protocol as Popolo JSON (persons, organizations, memberships, events, motions, vote events)",
    .stage = SAMLA_STAGE_WRITER,
    .accepts = formats,
    .needs = needs,
    .options = civic_options,
    .config_size = sizeof(config),
    .init = civic_init,
    .process = process,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
