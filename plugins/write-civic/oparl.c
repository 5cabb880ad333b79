/* oparl.c: the writer plugin write-oparl: a protocol's model as OParl 1.1 objects.
 *
 * The output is an OParl object list ({data, pagination, links}) holding the Meeting (with its
 * Location, results-protocol File and AgendaItems embedded, as OParl 1.1 allows), the
 * Organizations (the deciding body, the parties) and the Persons (with their Memberships of the
 * body embedded). OParl has no class for decisions and votes: an AgendaItem carries its decided
 * text as `resolutionText` and its decision status as `result`, and every decision and vote entry
 * of the model, unchanged, under the extension properties `samla:decision` and `samla:vote`.
 * Field by field: docs/exports.md. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <glib.h>

#include "civic.h"

#define OPARL "https://schema.oparl.org/1.1/"

typedef civic_config config;

static json_t *object(const char *id, const char *type)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "type", json_string(type));
    return o;
}

/* Entries of seq (decisions or votes) whose `item` is number (NULL: entries without an item). */
static json_t *entries_of_item(const samla_node *seq, const char *number)
{
    json_t *a = NULL;
    for (size_t i = 0; i < samla_node_len(seq); i++) {
        const samla_node *e = samla_seq_at(seq, i);
        const char *item = samla_map_get_str(e, "item");
        if (number ? !item || strcmp(item, number) != 0 : item != NULL) continue;
        if (!a) a = json_array();
        json_array_append_new(a, samla_node_to_json(e));
    }
    return a;
}

/* The decided texts of an item, one paragraph each (resolutionText), and its status (result). */
static void resolution(const civic *c, json_t *ai, const char *number)
{
    GString *text = g_string_new(NULL);
    const char *result = NULL;
    for (size_t i = 0; i < samla_node_len(c->decisions); i++) {
        const samla_node *d = samla_seq_at(c->decisions, i);
        const char *item = samla_map_get_str(d, "item");
        if (!item || strcmp(item, number) != 0) continue;
        const char *status = samla_map_get_str(d, "status");
        if (!result || (status && strcmp(status, "decided") == 0)) result = status;
        if (!status || strcmp(status, "decided") != 0) continue;
        const char *t = samla_map_get_str(d, "text");
        if (!t) continue;
        if (text->len) g_string_append(text, "\n\n");
        g_string_append(text, t);
    }
    civic_set_str(ai, "result", result);
    civic_set_str(ai, "resolutionText", text->str);
    g_string_free(text, TRUE);
}

static json_t *agenda_items(const civic *c, const char *meeting_id)
{
    json_t *items = json_array();
    for (size_t i = 0; i < samla_node_len(c->agenda); i++) {
        const samla_node *it = samla_seq_at(c->agenda, i);
        const char *number = samla_map_get_str(it, "number");
        json_t *ai = object(civic_id(c, "agendaitem", i + 1), OPARL "AgendaItem");
        json_object_set_new(ai, "meeting", json_string(meeting_id));
        civic_set_str(ai, "number", number);
        json_object_set_new(ai, "order", json_integer((json_int_t)i + 1));
        civic_set_str(ai, "name", samla_map_get_str(it, "title"));
        const char *kind = samla_map_get_str(it, "kind");
        if (kind) json_object_set_new(ai, "keyword", json_pack("[s]", kind));
        if (number) {
            resolution(c, ai, number);
            json_t *d = entries_of_item(c->decisions, number), *v = entries_of_item(c->votes, number);
            if (d) json_object_set_new(ai, "samla:decision", d);
            if (v) json_object_set_new(ai, "samla:vote", v);
        }
        json_array_append_new(items, ai);
    }
    return items;
}

static json_t *meeting(const civic *c, const config *cfg)
{
    const samla_node *m = c->meeting;
    const char *id = civic_id(c, "meeting", 1);
    json_t *o = object(id, OPARL "Meeting");
    const char *body = samla_map_get_str(m, "body"), *date = samla_map_get_str(m, "date");
    char *name = g_strjoin(" ", body ? body : "", date ? date : "", NULL);
    civic_set_str(o, "name", g_strstrip(name));
    g_free(name);
    json_object_set_new(o, "meetingState", json_string("durchgeführt"));
    civic_set_str(o, "start", civic_datetime(c, date, samla_map_get_str(m, "start"), cfg->timezone));
    civic_set_str(o, "end", civic_datetime(c, date, samla_map_get_str(m, "end"), cfg->timezone));
    const char *place = samla_map_get_str(m, "place");
    if (place) {
        json_t *loc = object(civic_id(c, "location", 1), OPARL "Location");
        json_object_set_new(loc, "description", json_string(place));
        json_object_set_new(o, "location", loc);
    }
    if (c->body_id) json_object_set_new(o, "organization", json_pack("[s]", c->body_id));
    json_t *participants = json_array();
    for (size_t i = 0; i < c->npersons; i++) {
        const char *status = samla_map_get_str(c->persons[i].attendee, "status");
        if (status && strcmp(status, "present") == 0) json_array_append_new(participants, json_string(c->persons[i].id));
    }
    json_object_set_new(o, "participant", participants);
    json_t *file = object(civic_id(c, "file", 1), OPARL "File");
    const char *source = samla_map_get_str(c->document, "source");
    if (source) {
        char *base = g_path_get_basename(source);
        json_object_set_new(file, "fileName", json_string(base));
        g_free(base);
    }
    civic_set_str(file, "name", samla_map_get_str(c->document, "title"));
    const char *format = samla_map_get_str(c->document, "format");
    if (format && strcmp(format, "pdf") == 0) json_object_set_new(file, "mimeType", json_string("application/pdf"));
    else if (format && strcmp(format, "docx") == 0)
        json_object_set_new(file, "mimeType",
                            json_string("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    const char *adjusted = samla_map_get_str(m, "adjusted");
    if (adjusted && strlen(adjusted) >= 10) json_object_set_new(file, "date", json_stringn(adjusted, 10));
    json_object_set_new(o, "resultsProtocol", file);
    json_object_set_new(o, "agendaItem", agenda_items(c, id));
    json_t *loose = entries_of_item(c->decisions, NULL);
    if (loose) json_object_set_new(o, "samla:decision", loose);
    loose = entries_of_item(c->votes, NULL);
    if (loose) json_object_set_new(o, "samla:vote", loose);
    return o;
}

static bool votes(const samla_node *attendee)
{
    const samla_node *roles = samla_map_get(attendee, "roles");
    const samla_node *serving = samla_map_get(attendee, "serving");
    if (serving && serving->type == SAMLA_NODE_BOOL) return serving->u.b;
    for (size_t i = 0; i < samla_node_len(roles); i++) {
        const samla_node *r = samla_seq_at(roles, i);
        if (r && r->type == SAMLA_NODE_STRING &&
            (strcmp(r->u.s, "member") == 0 || strstr(r->u.s, "chair") || strcmp(r->u.s, "serving_substitute") == 0))
            return true;
    }
    return false;
}

static json_t *person(const civic *c, size_t i)
{
    const civic_person *p = &c->persons[i];
    json_t *o = object(p->id, OPARL "Person");
    json_object_set_new(o, "name", json_string(p->name));
    const char *title = samla_map_get_str(p->attendee, "title");
    if (title) json_object_set_new(o, "status", json_pack("[s]", title));
    if (p->attendee && c->body_id) {
        json_t *ms = object(civic_id(c, "membership", i + 1), OPARL "Membership");
        json_object_set_new(ms, "person", json_string(p->id));
        json_object_set_new(ms, "organization", json_string(c->body_id));
        const samla_node *labels = samla_map_get(p->attendee, "role_labels");
        GString *role = g_string_new(NULL);
        for (size_t k = 0; k < samla_node_len(labels); k++) {
            const samla_node *l = samla_seq_at(labels, k);
            if (l && l->type == SAMLA_NODE_STRING) g_string_append_printf(role, "%s%s", role->len ? ", " : "", l->u.s);
        }
        civic_set_str(ms, "role", role->str);
        g_string_free(role, TRUE);
        json_object_set_new(ms, "votingRight", json_boolean(votes(p->attendee)));
        const civic_party *party = civic_party_of(c, p->party);
        if (party) json_object_set_new(ms, "onBehalfOf", json_string(party->id));
        json_object_set_new(o, "membership", json_pack("[o]", ms));
    }
    return o;
}

static samla_status process(void *state, samla_ctx *ctx)
{
    const config *cfg = state;
    civic c;
    samla_status st = civic_index(&c, ctx, cfg->base);
    if (st != SAMLA_OK) return st;
    if (samla_node_len(c.meeting) == 0 && samla_node_len(c.agenda) == 0)
        samla_ctx_warn(ctx, 0, "no meeting and no agenda: the OParl export holds no Meeting content");
    json_t *data = json_array();
    json_array_append_new(data, meeting(&c, cfg));
    if (c.body_id) {
        json_t *body = object(c.body_id, OPARL "Organization");
        json_object_set_new(body, "name", json_string(samla_map_get_str(c.meeting, "body")));
        json_object_set_new(body, "organizationType", json_string("Gremium"));
        json_array_append_new(data, body);
    }
    for (size_t i = 0; i < c.nparties; i++) {
        json_t *o = object(c.parties[i].id, OPARL "Organization");
        json_object_set_new(o, "name", json_string(c.parties[i].name));
        json_object_set_new(o, "shortName", json_string(c.parties[i].abbr));
        json_object_set_new(o, "organizationType", json_string("Partei"));
        json_array_append_new(data, o);
    }
    for (size_t i = 0; i < c.npersons; i++) json_array_append_new(data, person(&c, i));
    size_t n = json_array_size(data);
    json_t *root = json_pack("{s:o, s:{s:I, s:I, s:i, s:i}, s:{}}", "data", data, "pagination", "totalElements",
                             (json_int_t)n, "elementsPerPage", (json_int_t)n, "currentPage", 1, "totalPages", 1,
                             "links");
    return civic_write(ctx, root);
}

static const char *const formats[] = {"oparl", NULL};
static const char *const needs[] = {"meeting", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "write-oparl",
    .version = "1.0.0",
    .description = "writes a protocol as OParl 1.1 JSON (Meeting, AgendaItem, Organization, Person, Membership)",
    .stage = SAMLA_STAGE_WRITER,
    .accepts = formats,
    .needs = needs,
    .options = civic_options,
    .config_size = sizeof(config),
    .init = civic_init,
    .process = process,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
