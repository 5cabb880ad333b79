/* cmd_search.c: `samla search`: full-text search (FTS5, Swedish stems) and
 * filtered lookups over the agenda items, decisions, votes, goals and
 * activities of a batch store. */
#include <getopt.h>
#include <glib.h>
#include <jansson.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "store/store.h"

typedef struct search_opts {
    const char *db, *body, *year, *section, *kind, *person, *goal, *doc_kind, *format;
    long limit;
} search_opts;

static void search_usage(FILE *out)
{
    fprintf(out,
            "Usage: samla search --db FILE [OPTIONS] [QUERY]\n"
            "\n"
            "Searches the agenda titles, decisions, votes (motions, reservations, conflicts of\n"
            "interest), goals and activities that `samla batch` stored. QUERY words match\n"
            "any inflection of the same Swedish stem (beslut, beslutet, besluten); word* is a\n"
            "prefix, \"two words\" a phrase, OR and NOT combine. Without QUERY the filters\n"
            "alone list items. Each hit prints date, body, item, section, page and document,\n"
            "then the item's title and the matching text.\n"
            "\n"
            "Options:\n"
            "  --db FILE          the store\n"
            "  --section S        agenda, decisions, votes, goals or activities\n"
            "  --kind K           the item's kind: a vote's (motion, vote, reservation,\n"
            "                     conflict_of_interest), an agenda item's, a decision's\n"
            "                     status (decided, proposed), a goal's (subgoal, ...)\n"
            "  --body B           the deciding body (case-insensitive; %% is a wildcard)\n"
            "  --year Y           meeting (or document) year\n"
            "  --person NAME      items naming the person (motions, reservations, presenters)\n"
            "  --goal CODE        activities linked to the goal (its code or id), and the goal\n"
            "  --doc-kind K       documents of this kind (protocol, plan, strategy, ...)\n"
            "  --limit N          at most N hits (default 100; 0 = all)\n"
            "  --format F         text (default) or json\n"
            "  -h, --help         show this help\n"
            "\n"
            "Examples:\n"
            "  samla search --db a.db --section decisions --body Kommunfullmäktige --year 2024\n"
            "  samla search --db a.db --section votes --kind reservation --person 'Per Holm'\n"
            "  samla search --db a.db --section activities --goal A2\n"
            "  samla search --db a.db 'folkhälsa*' --section decisions\n"
            "\n"
            "Exit status: 0 hits found, 1 none, 2 usage or store error.\n");
}

static const char *section_name(const char *s)
{
    static const char *const map[][2] = {{"agenda", "agenda"},         {"item", "agenda"},
                                         {"items", "agenda"},          {"decision", "decisions"},
                                         {"decisions", "decisions"},   {"vote", "votes"},
                                         {"votes", "votes"},           {"goal", "goals"},
                                         {"goals", "goals"},           {"activity", "activities"},
                                         {"activities", "activities"}, {NULL, NULL}};
    for (size_t i = 0; map[i][0]; i++)
        if (strcmp(map[i][0], s) == 0) return map[i][1];
    return NULL;
}

/* A user's query as an FTS5 expression: each word a quoted string (so codes,
 * dashes and colons never read as syntax), a trailing * kept as a prefix,
 * AND / OR / NOT kept as operators, "phrases" kept. */
static void append_query(GString *q, const char *text)
{
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        if (!*p) break;
        const char *start = p;
        bool phrase = *p == '"';
        if (phrase) {
            p++;
            start = p;
            while (*p && *p != '"') p++;
        } else {
            while (*p && *p != ' ' && *p != '\t' && *p != '\n') p++;
        }
        size_t n = (size_t)(p - start);
        if (phrase && *p == '"') p++;
        if (!phrase && ((n == 2 && !strncmp(start, "OR", 2)) || (n == 3 && !strncmp(start, "AND", 3)) ||
                        (n == 3 && !strncmp(start, "NOT", 3)))) {
            g_string_append_printf(q, " %.*s ", (int)n, start);
            continue;
        }
        bool prefix = !phrase && n > 1 && start[n - 1] == '*';
        if (prefix) n--;
        g_string_append(q, " \"");
        for (size_t i = 0; i < n; i++) {
            if (start[i] == '"') g_string_append_c(q, '"');
            g_string_append_c(q, start[i]);
        }
        g_string_append(q, prefix ? "\"*" : "\"");
    }
}

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

static void print_flat(const char *s, size_t max)
{
    size_t n = 0;
    for (const char *p = s; *p && n < max; p++, n++) fputc(*p == '\n' || *p == '\t' ? ' ' : *p, stdout);
    if (strlen(s) > max) {
        while ((s[n] & 0xC0) == 0x80) fputc(s[n++], stdout); /* finish a UTF-8 sequence */
        fputs("…", stdout);
    }
}

static void print_text_hit(sqlite3_stmt *st, bool matched)
{
    const char *date = col(st, 2), *body = col(st, 3), *section = col(st, 4), *number = col(st, 5), *kind = col(st, 6);
    printf("%s  %s", date ? date : "-", body ? body : "-");
    if (number) printf("  %s%s", strcmp(section, "agenda") && strcmp(section, "decisions") && strcmp(section, "votes") ? "" : "§ ", number);
    printf("  %s%s%s", section, kind ? "/" : "", kind ? kind : "");
    if (sqlite3_column_type(st, 7) != SQLITE_NULL) printf("  p. %d", sqlite3_column_int(st, 7));
    printf("  %s\n", col(st, 1) ? col(st, 1) : col(st, 0));
    const char *title = col(st, 8), *text = col(st, 9), *persons = col(st, 10), *snip = matched ? col(st, 12) : NULL;
    if (title && (!text || strcmp(title, text))) {
        fputs("    ", stdout);
        print_flat(title, 160);
        fputc('\n', stdout);
    }
    if (persons && strcmp(section, "votes") == 0 && (!text || strcmp(persons, text))) printf("    by: %s\n", persons);
    if (snip || text) {
        fputs("    ", stdout);
        print_flat(snip ? snip : text, 400);
        fputc('\n', stdout);
    }
}

static json_t *json_hit(sqlite3_stmt *st, bool matched)
{
    static const char *const keys[] = {"id", "path", "date", "body", "section", "item", "kind", "page", "title", "text",
                                       "persons", "goals", "snippet"};
    json_t *o = json_object();
    for (int i = 0; i < 13; i++) {
        if (i == 12 && !matched) break;
        if (sqlite3_column_type(st, i) == SQLITE_NULL) continue;
        if (i == 7) json_object_set_new(o, keys[i], json_integer(sqlite3_column_int(st, i)));
        else if (i == 11) {
            json_t *a = json_array();
            gchar **parts = g_strsplit(col(st, i), " ", -1);
            for (gchar **p = parts; *p; p++)
                if (**p) json_array_append_new(a, json_string(*p));
            g_strfreev(parts);
            json_object_set_new(o, keys[i], a);
        } else json_object_set_new(o, keys[i], json_string(col(st, i)));
    }
    return o;
}

static int run_search(sqlite3 *db, const search_opts *o, const char *query)
{
    GString *match = g_string_new(NULL);
    if (query) append_query(match, query);
    if (o->person) {
        if (match->len) g_string_append(match, " AND");
        g_string_append(match, " persons : \"");
        for (const char *p = o->person; *p; p++) {
            if (*p == '"') g_string_append_c(match, '"');
            g_string_append_c(match, *p);
        }
        g_string_append_c(match, '"');
    }
    bool matched = match->len > 0;
    GString *sql = g_string_new(
        "SELECT s.document_id, (SELECT min(path) FROM paths p WHERE p.document_id = s.document_id), s.date, s.body, "
        "s.section, s.number, s.kind, s.page, s.title, s.text, s.persons, s.goals");
    if (matched) g_string_append(sql, ", snippet(search_fts, 1, '[', ']', '…', 24) FROM search_fts f JOIN search_items s "
                                      "ON s.rowid = f.rowid WHERE search_fts MATCH ?1");
    else g_string_append(sql, " FROM search_items s WHERE 1");
    if (o->section) g_string_append(sql, " AND s.section = ?2");
    if (o->kind) g_string_append(sql, " AND s.kind = ?3");
    if (o->body) g_string_append(sql, " AND s.body LIKE ?4");
    if (o->year) g_string_append(sql, " AND substr(s.date, 1, 4) = ?5");
    if (o->goal) g_string_append(sql, " AND s.goals LIKE '% ' || ?6 || ' %'");
    if (o->doc_kind) g_string_append(sql, " AND s.document_id IN (SELECT id FROM documents WHERE kind = ?7)");
    g_string_append(sql, matched ? " ORDER BY rank" : " ORDER BY s.date, 2, s.section, s.ord");
    if (o->limit > 0) g_string_append(sql, " LIMIT ?8");
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql->str, -1, &st, NULL);
    g_string_free(sql, TRUE);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "samla: %s: %s\n", o->db, sqlite3_errmsg(db));
        g_string_free(match, TRUE);
        return CLI_USAGE;
    }
    if (matched) sqlite3_bind_text(st, 1, match->str, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, o->section, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, o->kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, o->body, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, o->year, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, o->goal, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, o->doc_kind, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, o->limit);
    bool json = strcmp(o->format, "json") == 0;
    json_t *arr = json ? json_array() : NULL;
    size_t hits = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (json) json_array_append_new(arr, json_hit(st, matched));
        else {
            if (hits) fputc('\n', stdout);
            print_text_hit(st, matched);
        }
        hits++;
    }
    int out = hits ? CLI_OK : CLI_FAILED;
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "samla: %s: search failed: %s\n", o->db, sqlite3_errmsg(db));
        out = CLI_USAGE;
    }
    if (json) {
        char *s = json_dumps(arr, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        if (s) puts(s);
        free(s);
        json_decref(arr);
    }
    sqlite3_finalize(st);
    g_string_free(match, TRUE);
    if (fflush(stdout) != 0) out = CLI_USAGE;
    return out;
}

int cmd_search(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_BODY, OPT_YEAR, OPT_SECTION, OPT_KIND, OPT_PERSON, OPT_GOAL, OPT_DOCKIND, OPT_LIMIT, OPT_FORMAT };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"body", required_argument, NULL, OPT_BODY},
                                             {"year", required_argument, NULL, OPT_YEAR},
                                             {"section", required_argument, NULL, OPT_SECTION},
                                             {"kind", required_argument, NULL, OPT_KIND},
                                             {"person", required_argument, NULL, OPT_PERSON},
                                             {"goal", required_argument, NULL, OPT_GOAL},
                                             {"doc-kind", required_argument, NULL, OPT_DOCKIND},
                                             {"limit", required_argument, NULL, OPT_LIMIT},
                                             {"format", required_argument, NULL, OPT_FORMAT},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    search_opts o = {.format = "text", .limit = 100};
    int c;
    unsigned long n;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: o.db = optarg; break;
        case OPT_BODY: o.body = optarg; break;
        case OPT_YEAR:
            if (strlen(optarg) != 4 || strspn(optarg, "0123456789") != 4) {
                fprintf(stderr, "samla search: --year wants a year (2024), not '%s'\n", optarg);
                return CLI_USAGE;
            }
            o.year = optarg;
            break;
        case OPT_SECTION:
            o.section = section_name(optarg);
            if (!o.section) {
                fprintf(stderr, "samla search: unknown section '%s' (agenda, decisions, votes, goals, activities)\n", optarg);
                return CLI_USAGE;
            }
            break;
        case OPT_KIND: o.kind = optarg; break;
        case OPT_PERSON: o.person = optarg; break;
        case OPT_GOAL: o.goal = optarg; break;
        case OPT_DOCKIND: o.doc_kind = optarg; break;
        case OPT_LIMIT:
            if (!cli_option_whole("search", "--limit", optarg, NULL, 0, 1000000000, &n)) return CLI_USAGE;
            o.limit = (long)n;
            break;
        case 'f':
        case OPT_FORMAT:
            if (strcmp(optarg, "text") && strcmp(optarg, "json")) {
                fprintf(stderr, "samla search: unknown format '%s' (text or json)\n", optarg);
                return CLI_USAGE;
            }
            o.format = optarg;
            break;
        case 'h': search_usage(stdout); return CLI_OK;
        default: search_usage(stderr); return CLI_USAGE;
        }
    }
    if (!o.db) {
        fprintf(stderr, "samla search: --db FILE is required\n");
        return CLI_USAGE;
    }
    if (argc - optind > 1) {
        fprintf(stderr, "samla search: one QUERY (quote it when it has several words)\n");
        return CLI_USAGE;
    }
    const char *query = optind < argc ? argv[optind] : NULL;
    if (query && !*query) query = NULL;
    if (!query && !o.body && !o.year && !o.section && !o.kind && !o.person && !o.goal && !o.doc_kind) {
        fprintf(stderr, "samla search: give a QUERY or a filter (see --help)\n");
        return CLI_USAGE;
    }
    char *err = NULL;
    store *s = store_open(o.db, false, &err);
    if (!s) {
        fprintf(stderr, "samla: %s\n", err ? err : o.db);
        free(err);
        return CLI_USAGE;
    }
    int rc = run_search(store_db(s), &o, query);
    store_close(s);
    return rc;
}
