/* sections.c: model sections as SQLite rows, and the search index rows.
 *
 * Each section table has document_id, ord (position in the section), one
 * column per documented key of an item (scalars as they are; lists and maps
 * as JSON text), source_page / source_block / source_plugin, and `data`: the
 * whole item as JSON, so keys a future plugin adds are never lost. */
#include "sections.h"

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_model.h"

static const char *const meeting_cols[] = {"body", "date", "start", "end", "place", "reference", "items", "adjusted",
                                           "adjustment_place", "posted", "taken_down", "archive_place", NULL};
static const char *const agenda_cols[] = {"number", "title", "kind", "reference", "presenters", "blocks", "text", NULL};
static const char *const decision_cols[] = {"item", "body", "status", "proposed_by", "text", "clauses", "recipients",
                                            "immediate_adjustment", NULL};
static const char *const vote_cols[] = {"kind", "item", "by", "motion", "text", "for", "against", "abstain", "members",
                                        "substitute", NULL};
static const char *const attendee_cols[] = {"name", "party", "party_name", "organisation", "title", "roles",
                                            "role_labels", "status", "serving", "substitutes_for", "items", "group",
                                            "possible_duplicate_of", NULL};
static const char *const signature_cols[] = {"name", "role", "role_label", "organisation", "time", "place", "item",
                                             "possible_duplicate_of", NULL};
static const char *const goal_cols[] = {"id", "code", "kind", "title", "text", "parent", NULL};
static const char *const activity_cols[] = {"id", "area", "text", "indicators", "responsible", "section", "period", "goal",
                                            NULL};
static const char *const link_cols[] = {"activity", "goal", "score", "method", "evidence", NULL};

static const store_section sections[] = {{"meeting", meeting_cols},     {"agenda", agenda_cols},
                                         {"decisions", decision_cols},  {"votes", vote_cols},
                                         {"attendees", attendee_cols},  {"signatures", signature_cols},
                                         {"goals", goal_cols},          {"activities", activity_cols},
                                         {"links", link_cols},          {NULL, NULL}};

const store_section *store_sections(void) { return sections; }

char *store_sections_schema(void)
{
    GString *g = g_string_new(NULL);
    for (const store_section *s = sections; s->name; s++) {
        g_string_append_printf(g, "CREATE TABLE IF NOT EXISTS \"%s\" (\n  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n  ord INTEGER NOT NULL", s->name);
        for (const char *const *c = s->columns; *c; c++) g_string_append_printf(g, ",\n  \"%s\"", *c);
        g_string_append_printf(g, ",\n  source_page INTEGER,\n  source_block INTEGER,\n  source_plugin TEXT,\n  data TEXT NOT NULL,\n"
                                  "  PRIMARY KEY (document_id, ord)\n);\n");
    }
    char *out = strdup(g->str);
    g_string_free(g, TRUE);
    return out;
}

static void set_err(sqlite3 *db, char **err)
{
    if (err && !*err) *err = strdup(sqlite3_errmsg(db));
}

/* Binds a model value: strings, numbers and booleans as they are, lists and maps as JSON text. */
static void bind_node(sqlite3_stmt *st, int i, const samla_node *n)
{
    if (!n) {
        sqlite3_bind_null(st, i);
        return;
    }
    switch (n->type) {
    case SAMLA_NODE_NULL: sqlite3_bind_null(st, i); break;
    case SAMLA_NODE_STRING: sqlite3_bind_text(st, i, n->u.s, -1, SQLITE_TRANSIENT); break;
    case SAMLA_NODE_INT: sqlite3_bind_int64(st, i, n->u.i); break;
    case SAMLA_NODE_FLOAT: sqlite3_bind_double(st, i, n->u.f); break;
    case SAMLA_NODE_BOOL: sqlite3_bind_int(st, i, n->u.b); break;
    case SAMLA_NODE_MAP:
    case SAMLA_NODE_SEQ: {
        json_t *j = samla_node_to_json(n);
        char *s = j ? json_compact(j) : NULL;
        json_decref(j);
        if (s) sqlite3_bind_text(st, i, s, -1, free);
        else sqlite3_bind_null(st, i);
        break;
    }
    }
}

static int insert_item(sqlite3 *db, sqlite3_stmt *st, const store_section *sec, const char *id, int ord,
                       const samla_node *item, char **err)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    int k = 1;
    sqlite3_bind_text(st, k++, id, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, k++, ord);
    for (const char *const *c = sec->columns; *c; c++) bind_node(st, k++, samla_map_get(item, *c));
    const samla_node *src = samla_map_get(item, "source");
    long long page = samla_map_get_int(src, "page", 0), block = samla_map_get_int(src, "block", -1);
    if (page > 0) sqlite3_bind_int64(st, k, page);
    k++;
    if (block >= 0) sqlite3_bind_int64(st, k, block);
    k++;
    bind_node(st, k++, samla_map_get(src, "plugin"));
    bind_node(st, k++, item);
    int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        set_err(db, err);
        return rc;
    }
    return SQLITE_OK;
}

/* ---- search rows -------------------------------------------------------- */

typedef struct search_row {
    const char *section, *number, *kind, *body, *date, *title, *text;
    long long page;
    int ord;
    GString *persons, *goals;
} search_row;

static int insert_search(sqlite3 *db, const char *id, const search_row *r, char **err)
{
    static const char sql[] = "INSERT INTO search_items (document_id, section, ord, number, kind, body, date, page, "
                              "title, text, persons, goals) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
    if (!r->text && !r->title) return SQLITE_OK;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        set_err(db, err);
        return rc;
    }
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, r->section, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, r->ord);
    sqlite3_bind_text(st, 4, r->number, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, r->kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, r->body, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, r->date, -1, SQLITE_STATIC);
    if (r->page > 0) sqlite3_bind_int64(st, 8, r->page);
    sqlite3_bind_text(st, 9, r->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, r->text ? r->text : r->title, -1, SQLITE_STATIC);
    if (r->persons && r->persons->len) sqlite3_bind_text(st, 11, r->persons->str, -1, SQLITE_STATIC);
    if (r->goals && r->goals->len) sqlite3_bind_text(st, 12, r->goals->str, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) set_err(db, err);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Names of a `by` / `members` list: "Anna Ek (s); Per Holm (sd); Sverigedemokraternas ledamöter". */
static void add_persons(GString *g, const samla_node *list)
{
    for (size_t i = 0; i < samla_node_len(list); i++) {
        const samla_node *p = samla_seq_at(list, i);
        const char *name = samla_map_get_str(p, "name");
        if (!name) name = samla_map_get_str(p, "group");
        if (!name && p && p->type == SAMLA_NODE_STRING) name = p->u.s;
        if (!name) continue;
        if (g->len) g_string_append(g, "; ");
        g_string_append(g, name);
        const char *party = samla_map_get_str(p, "party");
        if (party) g_string_append_printf(g, " (%s)", party);
    }
}

static const char *agenda_title(const samla_node *model, const char *number)
{
    const samla_node *agenda = samla_map_get(model, "agenda");
    for (size_t i = 0; number && i < samla_node_len(agenda); i++) {
        const samla_node *a = samla_seq_at(agenda, i);
        const char *n = samla_map_get_str(a, "number");
        if (n && strcmp(n, number) == 0) return samla_map_get_str(a, "title");
    }
    return NULL;
}

/* Goal ids an activity serves: its own `goal` and every link from it. */
static void add_goals(GString *g, const samla_node *model, const samla_node *act)
{
    const char *own = samla_map_get_str(act, "goal"), *aid = samla_map_get_str(act, "id");
    if (own) g_string_append_printf(g, " %s ", own);
    const samla_node *links = samla_map_get(model, "links");
    for (size_t i = 0; aid && i < samla_node_len(links); i++) {
        const samla_node *l = samla_seq_at(links, i);
        const char *a = samla_map_get_str(l, "activity"), *goal = samla_map_get_str(l, "goal");
        if (a && goal && strcmp(a, aid) == 0) g_string_append_printf(g, "%s%s ", g->len ? "" : " ", goal);
    }
}

static int search_rows(sqlite3 *db, const char *id, const samla_node *model, char **err)
{
    const samla_node *doc = samla_map_get(model, "document"), *meeting = samla_map_get(model, "meeting");
    const char *mbody = samla_map_get_str(meeting, "body");
    const char *date = samla_map_get_str(meeting, "date");
    if (!date) date = samla_map_get_str(doc, "date");
    if (!mbody) mbody = samla_map_get_str(doc, "organisation");
    static const char *const searched[] = {"agenda", "decisions", "votes", "goals", "activities", NULL};
    int rc = SQLITE_OK;
    for (size_t s = 0; searched[s] && rc == SQLITE_OK; s++) {
        const samla_node *items = samla_map_get(model, searched[s]);
        for (size_t i = 0; i < samla_node_len(items) && rc == SQLITE_OK; i++) {
            const samla_node *it = samla_seq_at(items, i);
            search_row r = {.section = searched[s], .ord = (int)i, .body = mbody, .date = date};
            r.page = samla_map_get_int(samla_map_get(it, "source"), "page", 0);
            r.persons = g_string_new(NULL);
            r.goals = g_string_new(NULL);
            r.kind = samla_map_get_str(it, "kind");
            if (s == 0) { /* agenda: the item's title */
                r.number = samla_map_get_str(it, "number");
                r.title = samla_map_get_str(it, "title");
                add_persons(r.persons, samla_map_get(it, "presenters"));
            } else if (s == 1) { /* decisions */
                r.number = samla_map_get_str(it, "item");
                r.kind = samla_map_get_str(it, "status");
                if (samla_map_get_str(it, "body")) r.body = samla_map_get_str(it, "body");
                r.title = agenda_title(model, r.number);
                r.text = samla_map_get_str(it, "text");
            } else if (s == 2) { /* votes: motions, votes, reservations, conflicts of interest */
                r.number = samla_map_get_str(it, "item");
                r.title = agenda_title(model, r.number);
                r.text = samla_map_get_str(it, "motion");
                if (!r.text) r.text = samla_map_get_str(it, "text");
                add_persons(r.persons, samla_map_get(it, "by"));
                if (!r.text && r.persons->len) r.text = r.persons->str;
            } else if (s == 3) { /* goals */
                r.number = samla_map_get_str(it, "code");
                if (!r.number) r.number = samla_map_get_str(it, "id");
                r.title = samla_map_get_str(it, "title");
                r.text = samla_map_get_str(it, "text");
                const char *gid = samla_map_get_str(it, "id");
                if (gid) g_string_append_printf(r.goals, " %s ", gid);
                if (r.number && (!gid || strcmp(gid, r.number) != 0)) g_string_append_printf(r.goals, "%s ", r.number);
            } else { /* activities */
                r.number = samla_map_get_str(it, "id");
                r.title = samla_map_get_str(it, "area");
                r.text = samla_map_get_str(it, "text");
                add_goals(r.goals, model, it);
            }
            rc = insert_search(db, id, &r, err);
            g_string_free(r.persons, TRUE);
            g_string_free(r.goals, TRUE);
        }
    }
    return rc;
}

int store_sections_insert(sqlite3 *db, const char *id, const samla_node *model, char **err)
{
    int rc = SQLITE_OK;
    for (const store_section *sec = sections; sec->name && rc == SQLITE_OK; sec++) {
        const samla_node *v = samla_map_get(model, sec->name);
        if (!v) continue;
        if (v->type == SAMLA_NODE_MAP && samla_node_len(v) == 0) continue; /* an empty meeting */
        GString *sql = g_string_new(NULL);
        g_string_append_printf(sql, "INSERT INTO \"%s\" (document_id, ord", sec->name);
        size_t ncols = 2;
        for (const char *const *c = sec->columns; *c; c++, ncols++) g_string_append_printf(sql, ", \"%s\"", *c);
        g_string_append(sql, ", source_page, source_block, source_plugin, data) VALUES (?");
        for (size_t k = 1; k < ncols + 4; k++) g_string_append(sql, ", ?");
        g_string_append(sql, ")");
        sqlite3_stmt *st = NULL;
        rc = sqlite3_prepare_v2(db, sql->str, -1, &st, NULL);
        g_string_free(sql, TRUE);
        if (rc != SQLITE_OK) {
            set_err(db, err);
            break;
        }
        if (v->type == SAMLA_NODE_MAP) rc = insert_item(db, st, sec, id, 0, v, err);
        for (size_t i = 0; v->type == SAMLA_NODE_SEQ && i < samla_node_len(v) && rc == SQLITE_OK; i++)
            rc = insert_item(db, st, sec, id, (int)i, samla_seq_at(v, i), err);
        sqlite3_finalize(st);
    }
    if (rc == SQLITE_OK) rc = search_rows(db, id, model, err);
    return rc;
}

int store_sections_delete(sqlite3 *db, const char *id, char **err)
{
    int rc = SQLITE_OK;
    for (const store_section *sec = sections; sec->name && rc == SQLITE_OK; sec++) {
        char sql[128];
        snprintf(sql, sizeof sql, "DELETE FROM \"%s\" WHERE document_id = ?", sec->name);
        sqlite3_stmt *st = NULL;
        rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
            rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        }
        if (rc != SQLITE_OK) set_err(db, err);
        sqlite3_finalize(st);
    }
    sqlite3_stmt *st = NULL;
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, "DELETE FROM search_items WHERE document_id = ?", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    if (rc != SQLITE_OK) set_err(db, err);
    sqlite3_finalize(st);
    return rc;
}
