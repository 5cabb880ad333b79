/* serve.h: `samla serve`, the HTTP service: its options, what it can run
 * (catalog), the dispatcher that owns the worker pool, and the HTTP front
 * (libmicrohttpd).
 *
 * One thread does everything, in one poll loop (cmd_serve.c): libmicrohttpd
 * runs in its external mode (its epoll descriptor in the loop, MHD_run when
 * ready), the worker pool's pipes and a signalfd for SIGINT/SIGTERM sit in
 * the same poll. A finished upload becomes a serve_job queued to the
 * dispatcher and its connection is suspended; the dispatcher gives jobs to
 * workers as slots free up and calls each job's done callback with the
 * result, which fills the answer and resumes the connection. With no other
 * thread in the process, fork() for each worker is safe: no lock (malloc's,
 * a sanitizer allocator's, stdio's, a library's) can be held by a thread
 * that does not exist in the child. */
#ifndef SAMLA_CLI_SERVE_H
#define SAMLA_CLI_SERVE_H

#include <stdbool.h>
#include <poll.h>
#include <stddef.h>

#include "pipeline_list.h"
#include "samla/samla.h"
#include "worker.h"

#define SERVE_MAX_SETS 64

typedef struct serve_options {
    const char *listen;       /* "ADDR:PORT", "[ADDR6]:PORT" or ":PORT" */
    unsigned jobs;            /* documents run at a time (workers) */
    unsigned queue;           /* admitted requests beyond jobs (uploading or waiting) */
    size_t max_body;          /* bytes of one request body */
    unsigned max_connections; /* open connections */
    unsigned idle_timeout;    /* seconds a connection may stay silent */
    double grace;             /* seconds running documents get to finish at shutdown */
    worker_limits lim;        /* per document: time, memory, pages */
    const char *sets[SERVE_MAX_SETS]; /* -O P.KEY=VALUE, applied where step P exists */
    size_t nsets;
    bool quiet;               /* no access log */
} serve_options;

/* ---- catalog.c: what this server can run ---------------------------------- */

typedef struct serve_catalog {
    samla_runtime *rt;        /* owned */
    pipeline_list pipelines;
    char **formats;           /* output formats of the writer plugins, NULL-terminated */
    bool *writes;             /* [pipeline * nformats + format]: the pipeline loads with that writer */
    char *plugins_json;       /* GET /plugins body */
    char *pipelines_json;     /* GET /pipelines body */
} serve_catalog;

/* Loads the runtime, its plugins and pipelines and checks each -O against
 * them. On failure prints one line per problem to stderr and returns false
 * (cat cleared). Free with serve_catalog_clear. */
bool serve_catalog_load(serve_catalog *cat, const serve_options *o);
void serve_catalog_clear(serve_catalog *cat);
bool serve_catalog_has_format(const serve_catalog *cat, const char *format);
/* True when pipeline pi (one of cat's) can write format. */
bool serve_catalog_writes(const serve_catalog *cat, const pipeline_info *pi, const char *format);
/* Loads pipeline pi with the writer for format and every -O of o whose
 * plugin is one of its steps (not started). applied (may be NULL; o->nsets
 * entries) marks the -O used. The caller frees *out with samla_pipeline_free. */
samla_status serve_catalog_open(const serve_catalog *cat, const serve_options *o, const pipeline_info *pi,
                                const char *format, samla_pipeline **out, bool *applied, samla_diag *diag);
/* MIME type of an output format: application/yaml for yaml, application/json
 * for the others (json and the JSON-based exports). Static storage. */
const char *serve_format_mime(const char *format);

/* ---- dispatch.c: the queue of documents and the worker pool ------------------ */

typedef struct serve_job serve_job;
/* Called once per job, from serve_dispatch_step or _free: r is the worker's
 * result (NULL when the job never ran; then http_status and error say why).
 * The callback may take r's strings (setting them to NULL); the dispatcher
 * clears r after. */
typedef void (*serve_job_done)(serve_job *job, worker_result *r, unsigned http_status, const char *error);

struct serve_job {
    const pipeline_info *pipeline;
    const char *format;
    const char *name;         /* document name (document.source) */
    unsigned char *bytes;     /* malloc'd; the dispatcher takes and frees them once a worker has them */
    size_t size;
    serve_job_done done;
    void *user;
    serve_job *next;          /* the dispatcher's queue */
};

typedef struct serve_stats {
    unsigned jobs, queued, running;
    unsigned long done, refused, crashed; /* results: ok, refused by the document's fault or a limit, server-side failure */
    double mean_seconds;      /* moving average of a document's time */
    bool stopping;
} serve_stats;

typedef struct serve_dispatch serve_dispatch;

/* A dispatcher running cat's pipelines under o's limits. NULL (after
 * printing) on failure. Free with serve_dispatch_free. */
serve_dispatch *serve_dispatch_new(serve_catalog *cat, const serve_options *o);
/* Queues job. False when stopping: the job is not taken (its bytes stay the
 * caller's) and done is not called. */
bool serve_dispatch_submit(serve_dispatch *d, serve_job *job);
/* Gives queued jobs to free workers (loading a pipeline on its first use)
 * and hands every finished result to its job's done. Never blocks long. */
void serve_dispatch_step(serve_dispatch *d);
/* The running workers' pipes, for the poll loop; returns how many (at most max). */
size_t serve_dispatch_fds(const serve_dispatch *d, struct pollfd *fds, size_t max);
const serve_stats *serve_dispatch_stats(const serve_dispatch *d);
/* Stops taking jobs and answers the queued ones 503; running ones go on. */
void serve_dispatch_stop(serve_dispatch *d);
/* Kills what still runs (answered 503) and frees d. */
void serve_dispatch_free(serve_dispatch *d);

/* ---- http.c: the libmicrohttpd front ---------------------------------------- */

typedef struct serve_http serve_http;

/* Binds o->listen (libmicrohttpd in external epoll mode: nothing runs until
 * serve_http_run). NULL (after printing) on failure. */
serve_http *serve_http_start(const serve_catalog *cat, serve_dispatch *d, const serve_options *o);
/* The bound address as a URL ("http://127.0.0.1:8970/"); owned by h. */
const char *serve_http_url(const serve_http *h);
/* The descriptor to poll (POLLIN) and the longest wait before serve_http_run
 * must be called (ms, -1: none). */
int serve_http_fd(const serve_http *h);
int serve_http_timeout_ms(const serve_http *h);
/* Does what is ready: accepts, reads, answers, sends. Never blocks. */
void serve_http_run(serve_http *h);
/* Stops accepting connections. */
void serve_http_quiesce(serve_http *h);
/* Requests of any kind in progress. */
unsigned serve_http_open(const serve_http *h);
/* The HTTP status of a worker's result: 200 done; 422 the document was
 * refused (damaged, encrypted, unsupported, pages, time, memory); 500 the
 * worker crashed or samla failed. */
unsigned serve_status_of(const worker_result *r);
/* Stops the daemon (every suspended connection must have been resumed:
 * serve_dispatch_free first) and frees h. */
void serve_http_stop(serve_http *h);

/* ---- negotiate.c: choosing the output format --------------------------------- */

/* The output format for a request: the ?format= value when given (NULL if no
 * writer has it), else the best of the Accept header's media types that a
 * writer produces (yaml for application/yaml, text/yaml, application/x-yaml;
 * json for application/json), else def when Accept is absent or allows any
 * type; NULL when Accept allows none (406). Returns a string of cat. */
const char *serve_pick_format(const serve_catalog *cat, const char *query_format, const char *accept, const char *def);

#endif
