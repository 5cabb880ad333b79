/* cmd_batch.c: `samla batch`: a pipeline over an archive of documents, each in a
 * forked, limited worker (worker.h), results in an SQLite store (store/store.h),
 * resumable, shardable, with progress. */
#include <errno.h>
#include <getopt.h>
#include <glib.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch_inputs.h"
#include "cli.h"
#include "options.h"
#include "progress.h"
#include "store/store.h"
#include "worker.h"

#define MAX_SETS 64

typedef struct batch_opts {
    const char *db, *jsonl, *shard;
    const char *sets[MAX_SETS];
    size_t nsets;
    unsigned jobs;
    worker_limits lim;
    bool force, retry_failed, quiet;
} batch_opts;

/* Set by SIGINT / SIGTERM: stop starting documents, store what finishes, exit. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void batch_usage(FILE *out)
{
    fprintf(out,
            "Usage: samla batch [OPTIONS] PIPELINE INPUT... --db FILE\n"
            "\n"
            "Runs PIPELINE over an archive: INPUT is a file, a folder (every PDF, DOCX and\n"
            "text file below it, found by content), @MANIFEST (one path a line) or - (paths\n"
            "on standard input). Each distinct document (SHA-256 of its bytes; the same file\n"
            "under several paths is one document) runs in a worker process under the limits\n"
            "below (a worker runs up to --docs-per-worker documents, then a fresh one takes\n"
            "over); a crash, hang or memory blow-up costs only that document, which is\n"
            "stored as failed with its reason. Results go to an SQLite store, one transaction\n"
            "per document, so a killed run resumes where it stopped: documents stored with\n"
            "the same pipeline version are skipped (the version is a hash of the pipeline\n"
            "file, its -O options and the versions of samla and its plugins).\n"
            "\n"
            "Options:\n"
            "  --db FILE          the store (created when missing; docs/archive.md)\n"
            "  -j, --jobs N       documents at a time (default: the number of cores)\n"
            "  --timeout S        wall-time limit per document in seconds (default 600; 0 none)\n"
            "  --max-mem MB       memory limit per document (default 2048; 0 none)\n"
            "  --max-pages N      refuse documents with more pages (default 5000; 0 none)\n"
            "  --docs-per-worker K  documents one worker process runs before it is replaced\n"
            "                     (default 100; 1: a fresh process per document); a worker\n"
            "                     is also replaced above half of --max-mem resident\n"
            "  --shard I/N        run only shard I of N (0 <= I < N), a slice by document id\n"
            "  --jsonl FILE       also write each model as one JSON line (- for stdout)\n"
            "  --force            run documents again even when stored with this version\n"
            "  --retry-failed     run again documents stored as failed\n"
            "  -O, --set P.K=V    set option K of pipeline step P (repeatable)\n"
            "  -q, --quiet        no progress line\n"
            "  -h, --help         show this help\n"
            "\n"
            "Progress goes to stderr: one live line on a terminal, one summary at the end\n"
            "otherwise; every failed document is listed. Exit status: 0 all documents\n"
            "stored, 1 some failed, 2 usage, pipeline or store error.\n");
}

/* Hash of what decides a document's result: samla's release and model
 * version, the pipeline file's bytes, the -O options, each step's plugin and
 * version. */
static char *pipeline_version(const samla_pipeline *p, const batch_opts *o)
{
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    char *head = g_strdup_printf("samla %s model %d\n", samla_version(), samla_model_version());
    g_checksum_update(c, (const guchar *)head, -1);
    g_free(head);
    gchar *text = NULL;
    gsize len = 0;
    if (g_file_get_contents(samla_pipeline_path(p), &text, &len, NULL)) g_checksum_update(c, (const guchar *)text, (gssize)len);
    g_free(text);
    for (size_t i = 0; i < o->nsets; i++) {
        g_checksum_update(c, (const guchar *)"\n-O ", -1);
        g_checksum_update(c, (const guchar *)o->sets[i], -1);
    }
    for (size_t i = 0; i < samla_pipeline_step_count(p); i++) {
        const samla_plugin *pl = samla_pipeline_step_plugin(p, i);
        char *s = g_strdup_printf("\nplugin %s %s", pl->name, pl->version ? pl->version : "0");
        g_checksum_update(c, (const guchar *)s, -1);
        g_free(s);
    }
    char *v = strdup(g_checksum_get_string(c));
    g_checksum_free(c);
    return v;
}

typedef struct batch_run {
    const batch_opts *o;
    samla_pipeline *p;
    store *db;
    char *version;
    FILE *jsonl;
    progress prog;
    GPtrArray *failures; /* "path: reason" lines */
    size_t stored, failed, resumed, duplicates;
    GPtrArray *failed_before; /* inputs skipped because they are stored as failed */
    bool fatal;
} batch_run;

static void record(batch_run *b, const batch_doc *d, worker_result *r)
{
    samla_arena *a = samla_arena_new();
    samla_node *model = NULL;
    bool ok = r->outcome == WORKER_DONE;
    if (ok && worker_result_model(r, a, &model) != SAMLA_OK) {
        ok = false;
        r->outcome = WORKER_CRASHED;
        r->reason = strdup("the worker sent a model that does not parse");
    }
    store_doc sd = {.id = d->id,
                    .paths = (const char *const *)d->paths,
                    .npaths = d->npaths,
                    .status = ok ? "ok" : "failed",
                    .outcome = worker_outcome_name(r->outcome),
                    .error = ok ? NULL : r->reason,
                    .messages = r->messages,
                    .pipeline = samla_pipeline_name(b->p),
                    .pipeline_version = b->version,
                    .samla_version = samla_version(),
                    .pages = r->pages,
                    .seconds = r->seconds,
                    .max_rss_kb = r->max_rss_kb,
                    .model_json = ok ? r->model_json : NULL,
                    .model = ok ? model : NULL};
    char *err = NULL;
    if (store_put(b->db, &sd, &err) != 0) {
        progress_clear(&b->prog);
        fprintf(stderr, "samla: %s: cannot store %s: %s\n", b->o->db, d->paths[0], err ? err : "error");
        b->fatal = true;
    } else if (ok) {
        b->stored++;
    }
    free(err);
    if (!ok) {
        b->failed++;
        g_ptr_array_add(b->failures, g_strdup_printf("%s: %s: %s", d->paths[0], worker_outcome_name(r->outcome),
                                                     r->reason ? r->reason : "failed"));
    }
    if (ok && b->jsonl) {
        fwrite(r->model_json, 1, r->model_len, b->jsonl);
        fputc('\n', b->jsonl);
    }
    progress_step(&b->prog, !ok, r->pages);
    samla_arena_free(a);
}

/* Documents already stored with this version are skipped (their new paths recorded). */
static size_t plan(batch_run *b, batch_inputs *in, batch_doc **todo)
{
    size_t n = 0;
    for (size_t i = 0; i < in->ndocs; i++) {
        batch_doc *d = &in->docs[i];
        b->duplicates += d->npaths - 1;
        char *version = NULL, *status = NULL;
        bool have = store_lookup(b->db, d->id, &version, &status);
        bool same = have && version && strcmp(version, b->version) == 0;
        bool was_failed = status && strcmp(status, "failed") == 0;
        bool skip = same && !b->o->force && !(b->o->retry_failed && was_failed);
        if (skip && was_failed) g_ptr_array_add(b->failed_before, g_strdup(d->paths[0]));
        free(version);
        free(status);
        if (skip) {
            char *err = NULL;
            if (store_add_paths(b->db, d->id, (const char *const *)d->paths, d->npaths, &err) != 0) {
                fprintf(stderr, "samla: %s: %s\n", b->o->db, err ? err : "cannot record paths");
                b->fatal = true;
            }
            free(err);
            b->resumed++;
            continue;
        }
        todo[n++] = d;
    }
    return n;
}

static void run_pool(batch_run *b, batch_doc **todo, size_t n)
{
    worker_pool *pool = worker_pool_new(b->p, b->o->jobs, &b->o->lim);
    if (!pool) {
        fprintf(stderr, "samla: out of memory\n");
        b->fatal = true;
        return;
    }
    size_t next = 0;
    while (!b->fatal && (next < n || worker_pool_running(pool))) {
        while (!interrupted && next < n && worker_pool_can_submit(pool)) {
            batch_doc *d = todo[next++];
            worker_job job = {.path = d->paths[0], .user = d};
            worker_pool_submit(pool, &job);
        }
        if (interrupted && next < n) n = next; /* start nothing more; finish what runs */
        worker_result r;
        if (worker_pool_wait(pool, 200, &r) == 1) {
            record(b, r.user, &r);
            worker_result_clear(&r);
        }
    }
    worker_pool_free(pool);
}

static void summary(batch_run *b, const batch_inputs *in, size_t ran)
{
    progress_clear(&b->prog);
    double t = progress_elapsed(&b->prog);
    size_t done = b->prog.done;
    fprintf(stderr,
            "samla batch: %zu of %zu documents run in %.1f s (%.2f docs/s, %.1f pages/s): %zu stored, %zu failed; "
            "%zu already stored, %zu duplicate paths, %zu unreadable, %zu files skipped (not PDF, DOCX or text)\n",
            done, ran, t, t > 0 ? (double)done / t : 0.0, t > 0 ? (double)b->prog.pages / t : 0.0, b->stored,
            b->failed, b->resumed, b->duplicates, in->nbad, in->skipped);
    if (interrupted) fprintf(stderr, "samla batch: interrupted; run the same command again to resume\n");
    if (b->failed_before->len)
        fprintf(stderr, "samla batch: %u documents were stored as failed by an earlier run (--retry-failed runs them again)\n",
                b->failed_before->len);
    for (guint i = 0; i < b->failed_before->len; i++)
        fprintf(stderr, "samla: %s: failed in an earlier run\n", (char *)g_ptr_array_index(b->failed_before, i));
    for (size_t i = 0; i < in->nbad; i++) fprintf(stderr, "samla: %s: %s\n", in->bad[i].path, in->bad[i].reason);
    for (guint i = 0; i < b->failures->len; i++) fprintf(stderr, "samla: %s\n", (char *)g_ptr_array_index(b->failures, i));
}

static int batch_files(const char *pipeline, char **args, int nargs, batch_opts *o)
{
    samla_runtime *rt = cli_runtime();
    if (!rt) return CLI_USAGE;
    samla_diag d;
    samla_diag_init(&d);
    samla_pipeline *p = NULL;
    samla_status st = samla_pipeline_load(rt, pipeline, &p, &d);
    for (size_t i = 0; st == SAMLA_OK && i < o->nsets; i++) st = samla_pipeline_set_option(p, o->sets[i], &d);
    if (st == SAMLA_OK) st = samla_pipeline_start(p, &d);
    if (st != SAMLA_OK) {
        cli_print_diag(&d, SAMLA_SEV_ERROR);
        if (samla_diag_count(&d, SAMLA_SEV_ERROR) == 0) fprintf(stderr, "samla: %s: %s\n", pipeline, samla_status_str(st));
        samla_diag_clear(&d);
        samla_pipeline_free(p);
        samla_runtime_free(rt);
        return CLI_USAGE;
    }
    samla_diag_clear(&d);

    int rc = CLI_OK;
    batch_inputs in = {0};
    for (int i = 0; i < nargs; i++) {
        char *err = NULL;
        if (!batch_inputs_add(&in, args[i], &err)) {
            fprintf(stderr, "samla: %s\n", err);
            free(err);
            rc = CLI_USAGE;
        }
    }
    unsigned si = 0, sn = 1;
    if (o->shard) batch_parse_shard(o->shard, &si, &sn);
    if (sn > 1) batch_inputs_shard(&in, si, sn);

    batch_run b = {.o = o, .p = p, .failures = g_ptr_array_new_with_free_func(g_free),
                   .failed_before = g_ptr_array_new_with_free_func(g_free)};
    char *err = NULL;
    if (rc == CLI_OK) {
        b.db = store_open(o->db, true, &err);
        if (!b.db) {
            fprintf(stderr, "samla: %s\n", err ? err : o->db);
            rc = CLI_USAGE;
        }
        free(err);
    }
    if (rc == CLI_OK && o->jsonl) {
        b.jsonl = strcmp(o->jsonl, "-") == 0 ? stdout : fopen(o->jsonl, "w");
        if (!b.jsonl) {
            fprintf(stderr, "samla: %s: cannot write: %s\n", o->jsonl, strerror(errno));
            rc = CLI_USAGE;
        }
    }
    if (rc == CLI_OK) {
        b.version = pipeline_version(p, o);
        batch_doc **todo = calloc(in.ndocs + 1, sizeof *todo);
        size_t n = todo ? plan(&b, &in, todo) : 0;
        progress_init(&b.prog, stderr, n);
        if (o->quiet) b.prog.live = false;
        struct sigaction sa = {.sa_handler = on_signal}, old_int, old_term;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &old_int);
        sigaction(SIGTERM, &sa, &old_term);
        if (!b.fatal) run_pool(&b, todo, n);
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGTERM, &old_term, NULL);
        summary(&b, &in, n);
        free(todo);
        if (b.fatal) rc = CLI_USAGE;
        else if (b.failed || in.nbad || b.failed_before->len || interrupted) rc = CLI_FAILED;
    }
    if (b.jsonl && b.jsonl != stdout && fclose(b.jsonl) != 0) {
        fprintf(stderr, "samla: %s: write error\n", o->jsonl);
        if (rc == CLI_OK) rc = CLI_FAILED;
    }
    if (b.jsonl == stdout) fflush(stdout);
    g_ptr_array_free(b.failures, TRUE);
    g_ptr_array_free(b.failed_before, TRUE);
    free(b.version);
    store_close(b.db);
    batch_inputs_free(&in);
    samla_pipeline_free(p);
    samla_runtime_free(rt);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    enum { OPT_DB = 256, OPT_TIMEOUT, OPT_MAXMEM, OPT_MAXPAGES, OPT_SHARD, OPT_JSONL, OPT_FORCE, OPT_RETRY, OPT_DOCS };
    static const struct option longopts[] = {{"db", required_argument, NULL, OPT_DB},
                                             {"jobs", required_argument, NULL, 'j'},
                                             {"timeout", required_argument, NULL, OPT_TIMEOUT},
                                             {"max-mem", required_argument, NULL, OPT_MAXMEM},
                                             {"max-pages", required_argument, NULL, OPT_MAXPAGES},
                                             {"docs-per-worker", required_argument, NULL, OPT_DOCS},
                                             {"shard", required_argument, NULL, OPT_SHARD},
                                             {"jsonl", required_argument, NULL, OPT_JSONL},
                                             {"force", no_argument, NULL, OPT_FORCE},
                                             {"retry-failed", no_argument, NULL, OPT_RETRY},
                                             {"set", required_argument, NULL, 'O'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    batch_opts o = {.lim = {.timeout = 600, .max_mem_mb = 2048, .max_pages = 5000}};
    int c;
    unsigned long n;
    unsigned si, sn;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:O:qh", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DB: o.db = optarg; break;
        case 'j':
            if (!cli_option_whole("batch", "-j", optarg, NULL, 1, 4096, &n)) return CLI_USAGE;
            o.jobs = (unsigned)n;
            break;
        case OPT_TIMEOUT:
            if (!cli_option_number("batch", "--timeout", optarg, "seconds", 0, 1e9, &o.lim.timeout)) return CLI_USAGE;
            break;
        case OPT_MAXMEM:
            if (!cli_option_whole("batch", "--max-mem", optarg, "MB", 0, 10000000, &n)) return CLI_USAGE;
            o.lim.max_mem_mb = (size_t)n;
            break;
        case OPT_MAXPAGES:
            if (!cli_option_whole("batch", "--max-pages", optarg, NULL, 0, 1000000000, &n)) return CLI_USAGE;
            o.lim.max_pages = (int)n;
            break;
        case OPT_DOCS:
            if (!cli_option_whole("batch", "--docs-per-worker", optarg, NULL, 1, 1000000, &n)) return CLI_USAGE;
            o.lim.docs_per_worker = (unsigned)n;
            break;
        case OPT_SHARD:
            if (!batch_parse_shard(optarg, &si, &sn)) {
                fprintf(stderr, "samla batch: --shard wants I/N with 0 <= I < N, not '%s'\n", optarg);
                return CLI_USAGE;
            }
            o.shard = optarg;
            break;
        case OPT_JSONL: o.jsonl = optarg; break;
        case OPT_FORCE: o.force = true; break;
        case OPT_RETRY: o.retry_failed = true; break;
        case 'O':
            if (o.nsets == MAX_SETS) {
                fprintf(stderr, "samla batch: at most %d -O options\n", MAX_SETS);
                return CLI_USAGE;
            }
            o.sets[o.nsets++] = optarg;
            break;
        case 'q': o.quiet = true; break;
        case 'h': batch_usage(stdout); return CLI_OK;
        default: batch_usage(stderr); return CLI_USAGE;
        }
    }
    if (!o.db) {
        fprintf(stderr, "samla batch: --db FILE is required\n");
        batch_usage(stderr);
        return CLI_USAGE;
    }
    if (argc - optind < 2) {
        batch_usage(stderr);
        return CLI_USAGE;
    }
    const char *pipeline = argv[optind++];
    return batch_files(pipeline, argv + optind, argc - optind, &o);
}
