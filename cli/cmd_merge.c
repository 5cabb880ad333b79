/* cmd_merge.c: `samla merge OUT.db SHARD.db...`: combines batch stores (the
 * shards of a scaled-out run) into one, one row per document id, idempotently. */
#include <getopt.h>
#include <glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json_model.h"
#include "store/store.h"

static void merge_usage(FILE *out)
{
    fprintf(out,
            "Usage: samla merge OUT.db SHARD.db...\n"
            "\n"
            "Merges the stores that `samla batch --shard I/N` wrote (or any batch stores) into\n"
            "OUT.db (created when missing). Each document is one row whatever the number of\n"
            "stores it is in: a document OUT.db already holds with the same pipeline version\n"
            "keeps its row and gains the paths the shard saw; otherwise the shard's row (model,\n"
            "sections, search index, status, timings) replaces it. Merging the same shard\n"
            "twice changes nothing.\n"
            "\n"
            "Exit status: 0 merged, 1 some shard could not be read, 2 usage or OUT.db error.\n");
}

static const char *col(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

static GPtrArray *shard_paths(sqlite3 *db, const char *id)
{
    GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT path FROM paths WHERE document_id = ? ORDER BY path", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) g_ptr_array_add(a, g_strdup(col(st, 0)));
    }
    sqlite3_finalize(st);
    return a;
}

/* Merges every document of shard into out; counts into *copied / *kept. */
static int merge_one(store *out, const char *shard_path, size_t *copied, size_t *kept)
{
    char *err = NULL;
    store *sh = store_open(shard_path, false, &err);
    if (!sh) {
        fprintf(stderr, "samla: %s\n", err ? err : shard_path);
        free(err);
        return CLI_FAILED;
    }
    sqlite3_stmt *st = NULL;
    int rc = CLI_OK;
    if (sqlite3_prepare_v2(store_db(sh),
                           "SELECT id, status, outcome, error, messages, pipeline, pipeline_version, samla_version, "
                           "pages, seconds, max_rss_kb, stored_at, model FROM documents ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "samla: %s: %s\n", shard_path, sqlite3_errmsg(store_db(sh)));
        store_close(sh);
        return CLI_FAILED;
    }
    while (rc == CLI_OK && sqlite3_step(st) == SQLITE_ROW) {
        const char *id = col(st, 0), *version = col(st, 6);
        GPtrArray *paths = shard_paths(store_db(sh), id);
        char *have = NULL;
        bool same = store_lookup(out, id, &have, NULL) && have && version && strcmp(have, version) == 0;
        free(have);
        if (same) {
            if (store_add_paths(out, id, (const char *const *)paths->pdata, paths->len, &err) != 0) rc = CLI_USAGE;
            else (*kept)++;
        } else {
            samla_arena *a = samla_arena_new();
            const char *model_json = col(st, 12);
            json_t *j = model_json ? json_loads(model_json, 0, NULL) : NULL;
            samla_node *model = j && a ? samla_node_from_json(a, j) : NULL;
            json_decref(j);
            store_doc d = {.id = id,
                           .paths = (const char *const *)paths->pdata,
                           .npaths = paths->len,
                           .status = col(st, 1),
                           .outcome = col(st, 2),
                           .error = col(st, 3),
                           .messages = col(st, 4),
                           .pipeline = col(st, 5),
                           .pipeline_version = version,
                           .samla_version = col(st, 7),
                           .pages = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 8),
                           .seconds = sqlite3_column_double(st, 9),
                           .max_rss_kb = (long)sqlite3_column_int64(st, 10),
                           .stored_at = col(st, 11),
                           .model_json = model ? model_json : NULL,
                           .model = model};
            if (model_json && !model) {
                fprintf(stderr, "samla: %s: document %s: stored model does not parse; skipped\n", shard_path, id);
                rc = CLI_FAILED;
            } else if (store_put(out, &d, &err) != 0) {
                rc = CLI_USAGE;
            } else {
                (*copied)++;
            }
            samla_arena_free(a);
        }
        if (rc == CLI_USAGE) fprintf(stderr, "samla: cannot merge %s from %s: %s\n", id, shard_path, err ? err : "error");
        free(err);
        err = NULL;
        g_ptr_array_free(paths, TRUE);
    }
    sqlite3_finalize(st);
    store_close(sh);
    return rc;
}

int cmd_merge(int argc, char **argv)
{
    static const struct option longopts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (c == 'h') {
            merge_usage(stdout);
            return CLI_OK;
        }
        merge_usage(stderr);
        return CLI_USAGE;
    }
    if (argc - optind < 2) {
        merge_usage(stderr);
        return CLI_USAGE;
    }
    char *err = NULL;
    store *out = store_open(argv[optind], true, &err);
    if (!out) {
        fprintf(stderr, "samla: %s\n", err ? err : argv[optind]);
        free(err);
        return CLI_USAGE;
    }
    int rc = CLI_OK;
    size_t copied = 0, kept = 0;
    for (int i = optind + 1; i < argc && rc != CLI_USAGE; i++) {
        int r = merge_one(out, argv[i], &copied, &kept);
        if (r > rc) rc = r;
    }
    fprintf(stderr, "samla merge: %zu documents copied, %zu already there (paths added)\n", copied, kept);
    store_close(out);
    return rc;
}
