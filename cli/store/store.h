/* store.h: the SQLite archive store of `samla batch`, `search`, `export` and `merge`.
 *
 * One file per archive (or per shard), WAL journal. `documents` has one row
 * per distinct input (id = SHA-256 of its bytes) with its status, error,
 * versions, timings and the whole model as JSON; `paths` every path it was
 * seen under; one table per model section (meeting, agenda, decisions, votes,
 * attendees, signatures, goals, activities, links) with the model's keys as
 * columns; `search_items` + the FTS5 table `search_fts` (tokenizer
 * samla_swedish) over agenda titles, decisions, votes, goals and activities.
 * The schema is documented in docs/archive.md.
 *
 * Every document is written in one transaction (store_put), so a kill at any
 * moment leaves only whole documents. Errors come back as an SQLite code and
 * a message in *err (malloc'd, caller frees); nothing prints. */
#ifndef SAMLA_CLI_STORE_H
#define SAMLA_CLI_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "samla/samla.h"

typedef struct store store;

/* Schema version written to meta.schema; a store with another one is refused. */
#define STORE_SCHEMA_VERSION 2

/* Opens (create: creates when missing, with the schema) the store at path.
 * NULL with *err set on failure. Close with store_close. */
store *store_open(const char *path, bool create, char **err);
void store_close(store *s);
/* The connection (tokenizer registered), for queries of search/export/merge. */
struct sqlite3 *store_db(store *s);

/* What is stored about id: returns true when a row exists and sets
 * *version / *status (malloc'd, caller frees; may be NULL to skip). */
bool store_lookup(store *s, const char *id, char **version, char **status);
/* Adds the paths (a no-op for those already known) of a stored document. */
int store_add_paths(store *s, const char *id, const char *const *paths, size_t npaths, char **err);

/* One document to write. model is NULL for a failed one. */
typedef struct store_doc {
    const char *id;
    const char *const *paths;
    size_t npaths;
    const char *status;           /* "ok" or "failed" */
    const char *outcome;          /* worker_outcome_name(): ok, failed, crashed, timeout, memory, pages, error */
    const char *error;            /* one line, NULL when ok */
    const char *messages;         /* diagnostics, one per line, or NULL */
    const char *pipeline;         /* pipeline name */
    const char *pipeline_version; /* hash of pipeline file, options, plugin versions */
    const char *samla_version;
    int pages;                    /* -1 unknown */
    double seconds;
    long max_rss_kb;
    const char *stored_at;        /* ISO time; NULL = now */
    const char *model_json;       /* compact JSON, NULL when failed */
    const samla_node *model;      /* the same model as a tree, NULL when failed */
} store_doc;

/* Writes d in one transaction, replacing an earlier row of the same id (its
 * section and search rows), keeping every path seen before. */
int store_put(store *s, const store_doc *d, char **err);

#endif
