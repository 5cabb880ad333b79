/* worker.h: running documents in forked, resource-limited, long-lived child processes.
 *
 * A worker pool runs a started pipeline over documents in fork()ed children,
 * at most N at a time. The runtime and the pipeline are loaded and started
 * once, in the parent, before any fork: a child inherits them (copy-on-write)
 * and only runs samla_pipeline_run (a path) or samla_pipeline_run_memory
 * (bytes: an HTTP upload, a database blob).
 *
 * A child is forked with its first document and, when that is a path run by
 * the pool's own pipeline, stays alive after it: the parent sends it the next
 * path over its socket (a socketpair; framing in worker.c), so the fork, the
 * copy-on-write faults of the started pipelines and the cold caches are paid
 * once per child, not once per document. A child is replaced (it exits after
 * sending a result marked last, and the next document forks a fresh one):
 *   - after lim.docs_per_worker documents (0: WORKER_DOCS_DEFAULT; 1: one
 *     document per child, as a job with bytes, its own pipeline or output is
 *     always run);
 *   - when its resident set after a document passes lim.recycle_rss_mb (0:
 *     half of max_mem_mb, or WORKER_RECYCLE_RSS_MB without a memory limit),
 *     so that what one document leaks cannot add up;
 *   - after a document that ran out of memory.
 * A child that is killed (timeout, memory watchdog) or dies takes only the
 * document it was running; the next one gets a fresh child.
 *
 * Each child runs under limits (worker_limits), each checked per document:
 *   - wall time: the parent kills the child (SIGKILL) when the deadline of
 *     the document it runs passes;
 *   - memory: setrlimit(RLIMIT_AS) in the child. AddressSanitizer reserves
 *     terabytes of address space for its shadow, so in a sanitizer build
 *     (detected at compile time) RLIMIT_AS is not set and the parent instead
 *     watches the child's resident set (/proc/PID/statm, every poll tick, at
 *     most WORKER_TICK_MS apart) and kills it when it passes the limit;
 *   - pages: a PDF is opened (poppler) and its pages counted before it is
 *     read; any document whose model reports more pages is refused after.
 * For each document the child sends back one JSON header (status, reason,
 * page count, messages, its peak resident set) and the model. A crash
 * (signal), a hang (timeout), a memory blow-up or a child that dies without
 * a whole result costs only that document: it comes back as a worker_result
 * with an outcome and a one-line reason, and the pool goes on.
 *
 * Children die with the parent (PR_SET_DEATHSIG), write no core files and
 * never touch the parent's other descriptors (a SQLite store): they end with
 * _exit. They close the sockets they inherit (an HTTP server's), so that a
 * connection the parent closes is closed.
 *
 * Threads: a pool is used from one thread only (the one that created it),
 * and that thread forks. Other threads may run (an HTTP server's), as long
 * as the pipeline itself is only used from the pool's thread; the child
 * only runs the pipeline and the JSON encoder.
 *
 * Typical loop (samla batch):
 *     worker_pool *pool = worker_pool_new(pipeline, n, &limits);
 *     while (more || worker_pool_running(pool)) {
 *         while (more && worker_pool_can_submit(pool)) worker_pool_submit(pool, &job);
 *         worker_result r;
 *         if (worker_pool_wait(pool, 200, &r) == 1) { ...store r...; worker_result_clear(&r); }
 *     }
 *     worker_pool_free(pool);
 * An event-driven program (an HTTP server) polls worker_pool_fds() with its
 * own descriptors and calls worker_pool_wait(pool, 0, &r) when one is
 * readable or every WORKER_TICK_MS (deadlines and the RSS watchdog are
 * checked in worker_pool_wait). */
#ifndef SAMLA_CLI_WORKER_H
#define SAMLA_CLI_WORKER_H

#include <poll.h>
#include <stdbool.h>
#include <stddef.h>

#include "samla/samla.h"

/* Longest wait between two checks of deadlines and memory in worker_pool_wait. */
#define WORKER_TICK_MS 50
/* Documents one child runs before it is replaced, unless limits say otherwise. */
#define WORKER_DOCS_DEFAULT 100
/* Resident set (MiB) after which a child is replaced when there is no memory limit. */
#define WORKER_RECYCLE_RSS_MB 512

typedef struct worker_limits {
    double timeout;     /* wall-clock seconds per document; 0 = none */
    size_t max_mem_mb;  /* address space (resident set under ASan) in MiB; 0 = none */
    int max_pages;      /* pages per document; 0 = none */
    unsigned docs_per_worker; /* documents a child runs before it is replaced; 0 = WORKER_DOCS_DEFAULT */
    size_t recycle_rss_mb;    /* a child above this resident set after a document is replaced; 0 = default (see above) */
} worker_limits;

typedef enum worker_outcome {
    WORKER_DONE = 0, /* the pipeline succeeded: model_json is set */
    WORKER_FAILED,   /* the pipeline refused the document (damaged, encrypted, ...): status, reason */
    WORKER_CRASHED,  /* the child died of a signal, or exited without sending a result */
    WORKER_TIMEOUT,  /* killed at its deadline */
    WORKER_MEMORY,   /* ran out of its memory limit */
    WORKER_PAGES,    /* more pages than max_pages */
    WORKER_ERROR     /* the child could not be started (fork, pipe) */
} worker_outcome;

/* Short English name of an outcome: "ok", "failed", "crashed", "timeout",
 * "memory", "pages", "error". Static storage. */
const char *worker_outcome_name(worker_outcome o);

/* One document to run. Either path (bytes == NULL: the child reads the file)
 * or bytes/size (the child gets them through a fresh fork, never a running
 * child; they are not copied, so they only need to live until
 * worker_pool_submit returns). name stands for
 * the document in messages and `document.source` (default: path, or
 * "(memory)"). user comes back unchanged in the result.
 * pipeline, when set, is run instead of the pool's (loaded and started in
 * the pool's thread, e.g. the same steps with another writer); output asks
 * the child for what the pipeline's writer steps write (result.output,
 * byte for byte what `samla run` prints) in place of the model as JSON.
 * Only a path job run by the pool's own pipeline (pipeline NULL or the
 * pool's) goes to a child that stays alive; any other gets a fresh child. */
typedef struct worker_job {
    const char *path;
    const void *bytes;
    size_t size;
    const char *name;
    void *user;
    samla_pipeline *pipeline;
    bool output;
} worker_job;

/* What came back. Strings are malloc'd and owned by the result: free with
 * worker_result_clear. */
typedef struct worker_result {
    void *user;             /* from the job */
    char *name;             /* the job's name */
    worker_outcome outcome;
    samla_status status;    /* pipeline status (SAMLA_OK when DONE; SAMLA_ERR_* when FAILED) */
    char *reason;           /* one line without the file name ("encrypted PDF", "timed out after 30 s"); NULL when DONE */
    char *messages;         /* the document's diagnostics, one formatted line each ("file: page 3: ..."), or NULL */
    char *model_json;       /* the model as compact JSON (DONE, job without output), model_len bytes, NUL-terminated */
    size_t model_len;
    char *output;           /* the writer steps' bytes (DONE, job with output), output_len bytes, NUL-terminated */
    size_t output_len;
    int pages;              /* document.pages, or the counted pages when refused for max_pages; -1 unknown */
    double seconds;         /* wall time from submission to result */
    long pid;               /* the child that ran it (0: none started) */
    long max_rss_kb;        /* the child's peak resident set while it ran this document, KiB (its whole life's
                               when it died: getrusage) */
} worker_result;

void worker_result_clear(worker_result *r);
/* Parses r->model_json into a samla_node tree in arena a. SAMLA_ERR_FORMAT when
 * there is no model or it does not parse. */
samla_status worker_result_model(const worker_result *r, samla_arena *a, samla_node **out);

typedef struct worker_pool worker_pool;

/* A pool of at most n children running pipeline p (loaded and
 * started; not owned, must outlive the pool; may be NULL when every job names
 * its own) under lim (copied). n == 0 means the number of online CPUs. NULL
 * on out of memory. */
worker_pool *worker_pool_new(samla_pipeline *p, unsigned n, const worker_limits *lim);
/* Kills (SIGKILL) and reaps every child (running or idle), frees pending results and the pool. */
void worker_pool_free(worker_pool *pool);
unsigned worker_pool_size(const worker_pool *pool);
/* Children running (or results not yet collected). */
unsigned worker_pool_running(const worker_pool *pool);
bool worker_pool_can_submit(const worker_pool *pool);
/* Starts job in a free slot. Returns 0, or -1 when no slot is free. A child
 * that cannot be started still takes the slot and comes back from
 * worker_pool_wait as WORKER_ERROR, so every accepted job yields exactly one
 * result. */
int worker_pool_submit(worker_pool *pool, const worker_job *job);
/* Waits up to timeout_ms (0: just check, -1: until a result) for one
 * document to finish, enforcing deadlines and memory on the way. Returns 1
 * and fills *out (the caller clears it), or 0 when nothing finished in time
 * or nothing runs. */
int worker_pool_wait(worker_pool *pool, int timeout_ms, worker_result *out);
/* Fills fds (up to max) with the read ends of the running children's pipes
 * (events POLLIN) for an external poll loop; returns how many. */
size_t worker_pool_fds(const worker_pool *pool, struct pollfd *fds, size_t max);

/* True when built with AddressSanitizer (memory limit = resident-set watchdog). */
bool worker_uses_rss_watchdog(void);

#endif
