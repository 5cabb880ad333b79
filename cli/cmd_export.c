/* cmd_export.c: `samla export`: the models of a batch store written back out as
 * YAML or JSON (one file each, or a stream: YAML documents / JSON Lines). */
#include <errno.h>
#include <getopt.h>
#include <glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "json_model.h"
#include "store/store.h"

static void export_usage(FILE *out)
{
    fprintf(out,
            "Usage: samla export --db FILE [OPTIONS] [DOCUMENT...]\n"
            "\n"
            "Writes the models stored by `samla batch` back out, exactly as `samla run` wrote\n"
            "them. DOCUMENT is a document id (or a unique prefix of one) or a path it was\n"
            "seen under; without one, every document stored as ok, in path order. To standard\n"
            "output: YAML (one YAML document each, a stream when there are several) or, with\n"
            "-f json, JSON (JSON Lines, one model a line, when there are several). With -o DIR:\n"
            "DIR/<file name>.yaml|.json per document (its first path's name; the id is added\n"
            "when two documents share a name).\n"
            "\n"
            "Options:\n"
            "  --db FILE             the store\n"
            "  -f, --format FORMAT   yaml (default) or json\n"
            "  -o, --output DIR      one file per document in DIR\n"
            "  -h, --help            show this help\n"
            "\n"
            "Exit status: 0 done, 1 some DOCUMENT not found, 2 usage or store error.\n");
}

typedef struct export_row {
    char *id, *path, *model;
} export_row;

static void rows_add(GArray *rows, sqlite3_stmt *st)
{
    export_row r = {strdup((const char *)sqlite3_column_text(st, 0)),
                    strdup(sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : ""),
                    strdup((const char *)sqlite3_column_text(st, 2))};
    g_array_append_val(rows, r);
}

#define SELECT_ROWS                                                                                           \
    "SELECT d.id, (SELECT min(path) FROM paths p WHERE p.document_id = d.id) AS first, d.model FROM documents d " \
    "WHERE d.status = 'ok' AND d.model IS NOT NULL "

/* Rows for one DOCUMENT argument: an id prefix or a path. */
static size_t select_one(sqlite3 *db, const char *key, GArray *rows)
{
    sqlite3_stmt *st = NULL;
    size_t n = 0;
    if (sqlite3_prepare_v2(db,
                           SELECT_ROWS "AND (d.id >= ?1 AND d.id < ?1 || 'g' OR d.id IN (SELECT document_id FROM paths "
                                       "WHERE path = ?1)) ORDER BY first, d.id",
                           -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
        rows_add(rows, st);
        n++;
    }
    sqlite3_finalize(st);
    return n;
}

static void select_all(sqlite3 *db, GArray *rows)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, SELECT_ROWS "ORDER BY first, d.id", -1, &st, NULL) != SQLITE_OK) return;
    while (sqlite3_step(st) == SQLITE_ROW) rows_add(rows, st);
    sqlite3_finalize(st);
}

/* Writes one model to out; jsonl: compact on one line. */
static samla_status write_model(const export_row *r, const char *format, bool jsonl, FILE *out)
{
    if (jsonl) {
        fputs(r->model, out);
        fputc('\n', out);
        return ferror(out) ? SAMLA_ERR_IO : SAMLA_OK;
    }
    json_t *j = json_loads(r->model, 0, NULL);
    if (!j) return SAMLA_ERR_FORMAT;
    samla_arena *a = samla_arena_new();
    samla_node *n = a ? samla_node_from_json(a, j) : NULL;
    json_decref(j);
    samla_diag d;
    samla_diag_init(&d);
    samla_status st = !n                          ? SAMLA_ERR_NOMEM
                      : strcmp(format, "json") == 0 ? samla_model_write_json(n, out, &d)
                                                    : samla_model_write_yaml(n, out, &d);
    samla_diag_clear(&d);
    samla_arena_free(a);
    return st;
}

static const char *base_name(const export_row *r)
{
    const char *base = strrchr(r->path, '/');
    base = base ? base + 1 : r->path;
    return *base ? base : r->id;
}

static int write_files(GArray *rows, const char *dir, const char *format)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "samla: %s: cannot create folder: %s\n", dir, strerror(errno));
        return CLI_USAGE;
    }
    /* how many documents would get each file name */
    GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal);
    for (guint i = 0; i < rows->len; i++) {
        const char *b = base_name(&g_array_index(rows, export_row, i));
        g_hash_table_insert(names, (gpointer)b, GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(names, b)) + 1));
    }
    int rc = CLI_OK;
    for (guint i = 0; i < rows->len; i++) {
        export_row *r = &g_array_index(rows, export_row, i);
        const char *base = base_name(r);
        char *name = GPOINTER_TO_UINT(g_hash_table_lookup(names, base)) > 1
                         ? g_strdup_printf("%s.%.12s.%s", base, r->id, format) /* two documents, one name */
                         : g_strdup_printf("%s.%s", base, format);
        char *path = g_build_filename(dir, name, NULL);
        char *tmp = g_strdup_printf("%s.tmp%ld", path, (long)getpid());
        FILE *f = fopen(tmp, "wb");
        samla_status st = f ? write_model(r, format, false, f) : SAMLA_ERR_IO;
        if (f && fclose(f) != 0) st = SAMLA_ERR_IO;
        if (st != SAMLA_OK || rename(tmp, path) != 0) {
            fprintf(stderr, "samla: %s: cannot write: %s\n", path, st == SAMLA_OK ? strerror(errno) : samla_status_str(st));
            unlink(tmp);
            rc = CLI_FAILED;
        }
        g_free(tmp);
        g_free(path);
        g_free(name);
    }
    g_hash_table_destroy(names);
    return rc;
}

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {{"db", required_argument, NULL, 'd'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *dbpath = NULL, *format = "yaml", *outdir = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "f:o:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': dbpath = optarg; break;
        case 'f':
            if (strcmp(optarg, "yaml") && strcmp(optarg, "json")) {
                fprintf(stderr, "samla export: unknown format '%s' (yaml or json)\n", optarg);
                return CLI_USAGE;
            }
            format = optarg;
            break;
        case 'o': outdir = optarg; break;
        case 'h': export_usage(stdout); return CLI_OK;
        default: export_usage(stderr); return CLI_USAGE;
        }
    }
    if (!dbpath) {
        fprintf(stderr, "samla export: --db FILE is required\n");
        return CLI_USAGE;
    }
    char *err = NULL;
    store *s = store_open(dbpath, false, &err);
    if (!s) {
        fprintf(stderr, "samla: %s\n", err ? err : dbpath);
        free(err);
        return CLI_USAGE;
    }
    int rc = CLI_OK;
    GArray *rows = g_array_new(FALSE, TRUE, sizeof(export_row));
    if (optind == argc) select_all(store_db(s), rows);
    for (int i = optind; i < argc; i++)
        if (select_one(store_db(s), argv[i], rows) == 0) {
            fprintf(stderr, "samla: %s: no document stored as ok under this id or path\n", argv[i]);
            rc = CLI_FAILED;
        }
    if (outdir) {
        int w = write_files(rows, outdir, format);
        if (w != CLI_OK) rc = w;
    } else {
        bool jsonl = strcmp(format, "json") == 0 && rows->len > 1;
        for (guint i = 0; i < rows->len; i++) {
            samla_status st = write_model(&g_array_index(rows, export_row, i), format, jsonl, stdout);
            if (st != SAMLA_OK) {
                fprintf(stderr, "samla: %s: %s\n", g_array_index(rows, export_row, i).path, samla_status_str(st));
                rc = CLI_FAILED;
            }
        }
        if (fflush(stdout) != 0) rc = CLI_FAILED;
    }
    for (guint i = 0; i < rows->len; i++) {
        export_row *r = &g_array_index(rows, export_row, i);
        free(r->id);
        free(r->path);
        free(r->model);
    }
    g_array_free(rows, TRUE);
    store_close(s);
    return rc;
}
