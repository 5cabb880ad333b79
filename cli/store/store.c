/* store.c: opening the archive store, its schema, and writing one document per transaction. */
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fts_swedish.h"
#include "sections.h"

struct store {
    sqlite3 *db;
};

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);\n"
    "CREATE TABLE IF NOT EXISTS documents (\n"
    "  id TEXT PRIMARY KEY,\n"
    "  status TEXT NOT NULL,\n"
    "  outcome TEXT NOT NULL,\n"
    "  error TEXT,\n"
    "  format TEXT, kind TEXT, kind_confidence REAL, title TEXT, organisation TEXT, date TEXT, reference TEXT,\n"
    "  pages INTEGER,\n"
    "  pipeline TEXT NOT NULL,\n"
    "  pipeline_version TEXT NOT NULL,\n"
    "  samla_version TEXT NOT NULL,\n"
    "  model_version INTEGER,\n"
    "  seconds REAL,\n"
    "  max_rss_kb INTEGER,\n"
    "  stored_at TEXT NOT NULL,\n"
    "  messages TEXT,\n"
    "  model TEXT\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS documents_status ON documents(status);\n"
    "CREATE TABLE IF NOT EXISTS paths (\n"
    "  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  path TEXT NOT NULL,\n"
    "  PRIMARY KEY (document_id, path)\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS paths_path ON paths(path);\n"
    "CREATE TABLE IF NOT EXISTS search_items (\n"
    "  rowid INTEGER PRIMARY KEY,\n"
    "  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  section TEXT NOT NULL, ord INTEGER NOT NULL,\n"
    "  number TEXT, kind TEXT, body TEXT, date TEXT, page INTEGER,\n"
    "  title TEXT, text TEXT, persons TEXT, goals TEXT\n"
    ");\n"
    "CREATE INDEX IF NOT EXISTS search_items_doc ON search_items(document_id);\n"
    "CREATE INDEX IF NOT EXISTS search_items_filter ON search_items(section, date);\n"
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, text, persons, content='search_items',\n"
    "  content_rowid='rowid', tokenize='samla_swedish');\n"
    "CREATE TRIGGER IF NOT EXISTS search_items_ai AFTER INSERT ON search_items BEGIN\n"
    "  INSERT INTO search_fts(rowid, title, text, persons) VALUES (new.rowid, new.title, new.text, new.persons);\n"
    "END;\n"
    "CREATE TRIGGER IF NOT EXISTS search_items_ad AFTER DELETE ON search_items BEGIN\n"
    "  INSERT INTO search_fts(search_fts, rowid, title, text, persons)\n"
    "    VALUES ('delete', old.rowid, old.title, old.text, old.persons);\n"
    "END;\n";

static char *dup_errmsg(const char *path, const char *what)
{
    size_t n = strlen(path) + strlen(what) + 8;
    char *s = malloc(n);
    if (s) snprintf(s, n, "%s: %s", path, what);
    return s;
}

static int exec(sqlite3 *db, const char *sql, char **err)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK && err && !*err) *err = strdup(msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    return rc;
}

static int schema_version(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'schema'", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

store *store_open(const char *path, bool create, char **err)
{
    *err = NULL;
    store *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    int rc = sqlite3_open_v2(path, &s->db, flags, NULL);
    if (rc != SQLITE_OK) {
        *err = dup_errmsg(path, s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
        store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    char *e = NULL;
    rc = fts_swedish_register(s->db);
    if (rc != SQLITE_OK) e = strdup("cannot register the samla_swedish tokenizer");
    /* WAL: readers never block the writer; NORMAL sync keeps every committed
     * transaction through a crash of the process (only power loss can lose the last ones) */
    if (rc == SQLITE_OK) rc = exec(s->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;", &e);
    if (rc == SQLITE_OK) {
        int v = schema_version(s->db);
        if (v == -1 && create) {
            char *sections = store_sections_schema();
            rc = exec(s->db, "BEGIN IMMEDIATE", &e);
            if (rc == SQLITE_OK) rc = exec(s->db, schema_sql, &e);
            if (rc == SQLITE_OK && sections) rc = exec(s->db, sections, &e);
            char meta[128];
            snprintf(meta, sizeof meta, "INSERT OR REPLACE INTO meta VALUES ('schema', '%d')", STORE_SCHEMA_VERSION);
            if (rc == SQLITE_OK) rc = exec(s->db, meta, &e);
            rc = exec(s->db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", &e) == SQLITE_OK ? rc : SQLITE_ERROR;
            free(sections);
        } else if (v == -1) {
            e = strdup("not a samla store (no schema version)");
            rc = SQLITE_ERROR;
        } else if (v == 1) {
            /* schema 2 added documents.kind_confidence: a schema-1 store gains the column (NULL) */
            rc = exec(s->db, "BEGIN IMMEDIATE; ALTER TABLE documents ADD COLUMN kind_confidence REAL;"
                             " UPDATE meta SET value = '2' WHERE key = 'schema'; COMMIT;", &e);
            if (rc != SQLITE_OK) exec(s->db, "ROLLBACK", NULL);
        } else if (v != STORE_SCHEMA_VERSION) {
            char m[96];
            snprintf(m, sizeof m, "store schema %d, this samla reads schema %d", v, STORE_SCHEMA_VERSION);
            e = strdup(m);
            rc = SQLITE_ERROR;
        }
    }
    if (rc != SQLITE_OK) {
        *err = dup_errmsg(path, e ? e : sqlite3_errstr(rc));
        free(e);
        store_close(s);
        return NULL;
    }
    free(e);
    return s;
}

void store_close(store *s)
{
    if (!s) return;
    sqlite3_close(s->db);
    free(s);
}

sqlite3 *store_db(store *s) { return s->db; }

bool store_lookup(store *s, const char *id, char **version, char **status)
{
    sqlite3_stmt *st = NULL;
    bool found = false;
    if (version) *version = NULL;
    if (status) *status = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT pipeline_version, status FROM documents WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        found = true;
        if (version) *version = strdup((const char *)sqlite3_column_text(st, 0));
        if (status) *status = strdup((const char *)sqlite3_column_text(st, 1));
    }
    sqlite3_finalize(st);
    return found;
}

static int insert_paths(sqlite3 *db, const char *id, const char *const *paths, size_t n, char **err)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO paths (document_id, path) VALUES (?, ?)", -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, paths[i], -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    if (rc != SQLITE_OK && err && !*err) *err = strdup(sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc;
}

int store_add_paths(store *s, const char *id, const char *const *paths, size_t npaths, char **err)
{
    *err = NULL;
    int rc = exec(s->db, "BEGIN IMMEDIATE", err);
    if (rc == SQLITE_OK) rc = insert_paths(s->db, id, paths, npaths, err);
    exec(s->db, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", err);
    return rc;
}

static void now_iso(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

static int insert_document(sqlite3 *db, const store_doc *d, char **err)
{
    static const char sql[] =
        "INSERT OR REPLACE INTO documents (id, status, outcome, error, format, kind, title, organisation, date, "
        "reference, pages, pipeline, pipeline_version, samla_version, model_version, seconds, max_rss_kb, stored_at, "
        "messages, model, kind_confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        if (!*err) *err = strdup(sqlite3_errmsg(db));
        return rc;
    }
    const samla_node *doc = d->model ? samla_map_get(d->model, "document") : NULL;
    const samla_node *meta = d->model ? samla_map_get(d->model, "samla") : NULL;
    char now[32];
    now_iso(now, sizeof now);
    bind_opt(st, 1, d->id);
    bind_opt(st, 2, d->status);
    bind_opt(st, 3, d->outcome);
    bind_opt(st, 4, d->error);
    bind_opt(st, 5, samla_map_get_str(doc, "format"));
    bind_opt(st, 6, samla_map_get_str(doc, "kind"));
    bind_opt(st, 7, samla_map_get_str(doc, "title"));
    bind_opt(st, 8, samla_map_get_str(doc, "organisation"));
    bind_opt(st, 9, samla_map_get_str(doc, "date"));
    bind_opt(st, 10, samla_map_get_str(doc, "reference"));
    if (d->pages >= 0) sqlite3_bind_int(st, 11, d->pages);
    bind_opt(st, 12, d->pipeline);
    bind_opt(st, 13, d->pipeline_version);
    bind_opt(st, 14, d->samla_version);
    if (meta) sqlite3_bind_int64(st, 15, samla_map_get_int(meta, "version", 0));
    sqlite3_bind_double(st, 16, d->seconds);
    sqlite3_bind_int64(st, 17, d->max_rss_kb);
    bind_opt(st, 18, d->stored_at ? d->stored_at : now);
    bind_opt(st, 19, d->messages && *d->messages ? d->messages : NULL);
    bind_opt(st, 20, d->model_json);
    const samla_node *conf = samla_map_get(doc, "kind_confidence");
    if (conf && (conf->type == SAMLA_NODE_FLOAT || conf->type == SAMLA_NODE_INT))
        sqlite3_bind_double(st, 21, samla_map_get_float(doc, "kind_confidence", 0.0));
    rc = sqlite3_step(st);
    if (rc != SQLITE_DONE && !*err) *err = strdup(sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int store_put(store *s, const store_doc *d, char **err)
{
    *err = NULL;
    int rc = exec(s->db, "BEGIN IMMEDIATE", err);
    if (rc != SQLITE_OK) return rc;
    /* the old row's section and search rows go; its paths stay (INSERT OR
     * REPLACE on documents would cascade them away, so they are re-added) */
    rc = store_sections_delete(s->db, d->id, err);
    sqlite3_stmt *st = NULL;
    size_t nold = 0, cap = 0;
    char **old = NULL;
    if (rc == SQLITE_OK &&
        sqlite3_prepare_v2(s->db, "SELECT path FROM paths WHERE document_id = ?", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            if (nold == cap) {
                cap = cap ? cap * 2 : 8;
                char **n = realloc(old, cap * sizeof *n);
                if (!n) break;
                old = n;
            }
            old[nold++] = strdup((const char *)sqlite3_column_text(st, 0));
        }
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK) rc = exec(s->db, "PRAGMA defer_foreign_keys=ON", err);
    if (rc == SQLITE_OK) rc = insert_document(s->db, d, err);
    if (rc == SQLITE_OK) rc = insert_paths(s->db, d->id, (const char *const *)old, nold, err);
    if (rc == SQLITE_OK) rc = insert_paths(s->db, d->id, d->paths, d->npaths, err);
    if (rc == SQLITE_OK && d->model) rc = store_sections_insert(s->db, d->id, d->model, err);
    for (size_t i = 0; i < nold; i++) free(old[i]);
    free(old);
    if (rc == SQLITE_OK) rc = exec(s->db, "COMMIT", err);
    if (rc != SQLITE_OK) exec(s->db, "ROLLBACK", NULL);
    return rc;
}
