/* dispatch.c: the dispatcher of `samla serve` (see serve.h): a queue of
 * uploaded documents, the worker pool that runs them, and the started
 * pipelines (one per pipeline and output format, loaded and started on first
 * use, then kept: the workers fork from them). Used from the server's one
 * thread, as worker.h requires of a pool. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

/* Weight of the newest document in the moving average of document time. */
#define MEAN_WEIGHT 0.2

/* A started pipeline for one (pipeline, format), or why it could not start. */
typedef struct variant {
    samla_pipeline *p;
    char *error;
} variant;

struct serve_dispatch {
    serve_catalog *cat;
    const serve_options *o;
    serve_job *head, *tail;   /* queued, not yet given to a worker */
    serve_stats stats;
    worker_pool *pool;
    GHashTable *variants;     /* "pipeline\nformat" -> variant */
    GPtrArray *running;       /* serve_job * given to a worker */
};

static void variant_free(gpointer v)
{
    variant *x = v;
    samla_pipeline_free(x->p);
    free(x->error);
    free(x);
}

/* The started pipeline for job, loading and starting it on first use. */
static variant *variant_for(serve_dispatch *d, const serve_job *job)
{
    char *key = g_strdup_printf("%s\n%s", job->pipeline->name, job->format);
    variant *v = g_hash_table_lookup(d->variants, key);
    if (v) {
        g_free(key);
        return v;
    }
    v = calloc(1, sizeof *v);
    if (!v) {
        g_free(key);
        return NULL;
    }
    samla_diag diag;
    samla_diag_init(&diag);
    samla_status st = serve_catalog_open(d->cat, d->o, job->pipeline, job->format, &v->p, NULL, &diag);
    if (st == SAMLA_OK) st = samla_pipeline_start(v->p, &diag);
    if (st != SAMLA_OK) {
        char *first = NULL;
        for (size_t i = 0; i < diag.count && !first; i++)
            if (diag.msgs[i].severity == SAMLA_SEV_ERROR) first = samla_diag_format(&diag.msgs[i]);
        v->error = g_strdup_printf("pipeline %s (format %s) does not start: %s", job->pipeline->name, job->format,
                                   first ? first : samla_status_str(st));
        free(first);
        fprintf(stderr, "samla serve: %s\n", v->error);
        samla_pipeline_free(v->p);
        v->p = NULL;
    }
    samla_diag_clear(&diag);
    g_hash_table_insert(d->variants, key, v);
    return v;
}

static void count(serve_dispatch *d, const worker_result *r, unsigned http_status)
{
    unsigned status = r ? serve_status_of(r) : http_status;
    bool crashed = status >= 500 && status != 503;
    if (r && r->outcome == WORKER_DONE) d->stats.done++;
    else if (crashed) d->stats.crashed++;
    else d->stats.refused++;
    if (r) {
        double m = d->stats.mean_seconds;
        d->stats.mean_seconds = m > 0 ? (1 - MEAN_WEIGHT) * m + MEAN_WEIGHT * r->seconds : r->seconds;
    }
}

static void finish(serve_dispatch *d, serve_job *job, worker_result *r, unsigned http_status, const char *error)
{
    free(job->bytes);
    job->bytes = NULL;
    count(d, r, http_status);
    job->done(job, r, http_status, error);
}

/* Gives job to a worker, or answers it when its pipeline cannot start. */
static void launch(serve_dispatch *d, serve_job *job)
{
    variant *v = variant_for(d, job);
    if (!v || !v->p) {
        finish(d, job, NULL, 500, v ? v->error : "out of memory");
        return;
    }
    worker_job wj = {.bytes = job->bytes, .size = job->size, .name = job->name, .user = job,
                     .pipeline = v->p, .output = true};
    worker_pool_submit(d->pool, &wj); /* a free slot was checked; a failed fork comes back as a result */
    free(job->bytes);                 /* the child has its copy */
    job->bytes = NULL;
    g_ptr_array_add(d->running, job);
}

void serve_dispatch_step(serve_dispatch *d)
{
    while (d->head && worker_pool_can_submit(d->pool)) {
        serve_job *job = d->head;
        d->head = job->next;
        if (!d->head) d->tail = NULL;
        job->next = NULL;
        d->stats.queued--;
        launch(d, job);
    }
    worker_result r;
    while (worker_pool_wait(d->pool, 0, &r) == 1) {
        serve_job *job = r.user;
        g_ptr_array_remove_fast(d->running, job);
        finish(d, job, &r, 0, NULL);
        worker_result_clear(&r);
    }
    d->stats.running = worker_pool_running(d->pool);
}

size_t serve_dispatch_fds(const serve_dispatch *d, struct pollfd *fds, size_t max)
{
    return worker_pool_fds(d->pool, fds, max);
}

const serve_stats *serve_dispatch_stats(const serve_dispatch *d) { return &d->stats; }

serve_dispatch *serve_dispatch_new(serve_catalog *cat, const serve_options *o)
{
    serve_dispatch *d = calloc(1, sizeof *d);
    if (!d) {
        fprintf(stderr, "samla serve: out of memory\n");
        return NULL;
    }
    d->cat = cat;
    d->o = o;
    d->stats.jobs = o->jobs;
    d->pool = worker_pool_new(NULL, o->jobs, &o->lim);
    d->variants = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, variant_free);
    d->running = g_ptr_array_new();
    if (!d->pool) {
        fprintf(stderr, "samla serve: out of memory\n");
        serve_dispatch_free(d);
        return NULL;
    }
    return d;
}

bool serve_dispatch_submit(serve_dispatch *d, serve_job *job)
{
    if (d->stats.stopping) return false;
    job->next = NULL;
    if (d->tail) d->tail->next = job;
    else d->head = job;
    d->tail = job;
    d->stats.queued++;
    return true;
}

void serve_dispatch_stop(serve_dispatch *d)
{
    d->stats.stopping = true;
    while (d->head) {
        serve_job *job = d->head;
        d->head = job->next;
        job->next = NULL;
        finish(d, job, NULL, 503, "the server is shutting down");
    }
    d->tail = NULL;
    d->stats.queued = 0;
}

void serve_dispatch_free(serve_dispatch *d)
{
    if (!d) return;
    serve_dispatch_stop(d);
    worker_pool_free(d->pool); /* kills what still runs */
    for (guint i = 0; i < d->running->len; i++)
        finish(d, g_ptr_array_index(d->running, i), NULL, 503, "the server is shutting down (the document was stopped)");
    g_ptr_array_free(d->running, TRUE);
    g_hash_table_destroy(d->variants);
    free(d);
}
