/* worker.c: a pool of forked, resource-limited, long-lived children (see worker.h).
 *
 * Protocol over each child's socket (a socketpair, parent end non-blocking):
 *   parent -> child, for every document after the first (which the child
 *     gets through fork): u32 path length, u32 name length (host order), the
 *     path's bytes, the name's bytes. The parent closing its end (or killing
 *     the child) ends an idle child.
 *   child -> parent, one result per document: one line of compact JSON (the
 *     header: status, outcome, reason, pages, messages, rss_kb, last, and the
 *     payload's length as "model": N or "output": N) and, when the document
 *     succeeded, the payload after the newline: the model as compact JSON, or
 *     (a job with output) the writer steps' bytes. Compact JSON never holds a
 *     raw newline, so the parent splits on the first one; the result is whole
 *     when the payload's N bytes are in. "last": true says the child exits
 *     after this result. */
#define _GNU_SOURCE /* pipe2, vasprintf */
#include "worker.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "json_model.h"
#include "page_count.h"

#if defined(__SANITIZE_ADDRESS__)
#define WORKER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WORKER_ASAN 1
#endif
#endif
#ifndef WORKER_ASAN
#define WORKER_ASAN 0
#endif

/* A child whose peak resident set reached this share of a memory limit
 * before dying of a signal is reported as out of memory: under RLIMIT_AS a
 * failed allocation in a library that aborts (GLib's g_malloc, C++ new) ends
 * in SIGABRT, not in a status. */
#define MEMORY_DEATH_SHARE 0.75

typedef struct slot {
    /* the child: alive from its fork until it is reaped */
    pid_t pid;            /* 0 when there is no child */
    int fd;               /* the parent's end of the child's socket, -1 once at EOF or closed */
    bool reusable;        /* the child stays alive after a result not marked last */
    /* the document it runs */
    bool busy;
    char *buf;            /* what the child sent for it */
    size_t len, cap;
    json_t *head;         /* the parsed header, once its line is in */
    size_t payload_off;   /* where the payload starts in buf */
    size_t payload_len;   /* its length, from the header */
    double start;
    worker_outcome killed; /* WORKER_TIMEOUT / WORKER_MEMORY when the parent killed it, else WORKER_DONE */
    char *name;
    void *user;
    char *error;          /* why the child could not be started */
} slot;

struct worker_pool {
    samla_pipeline *pipeline;
    worker_limits lim;
    unsigned n;
    slot *slots;
    pid_t parent;
    long page_size;
};

bool worker_uses_rss_watchdog(void) { return WORKER_ASAN; }

const char *worker_outcome_name(worker_outcome o)
{
    switch (o) {
    case WORKER_DONE: return "ok";
    case WORKER_FAILED: return "failed";
    case WORKER_CRASHED: return "crashed";
    case WORKER_TIMEOUT: return "timeout";
    case WORKER_MEMORY: return "memory";
    case WORKER_PAGES: return "pages";
    case WORKER_ERROR: return "error";
    }
    return "error";
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *xstrdup(const char *s) { return s ? strdup(s) : NULL; }

static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0) s = NULL;
    va_end(ap);
    return s;
}

void worker_result_clear(worker_result *r)
{
    if (!r) return;
    free(r->name);
    free(r->reason);
    free(r->messages);
    free(r->model_json);
    free(r->output);
    memset(r, 0, sizeof *r);
}

samla_status worker_result_model(const worker_result *r, samla_arena *a, samla_node **out)
{
    *out = NULL;
    if (!r->model_json) return SAMLA_ERR_FORMAT;
    json_t *j = json_loadb(r->model_json, r->model_len, 0, NULL);
    if (!j) return SAMLA_ERR_FORMAT;
    *out = samla_node_from_json(a, j);
    json_decref(j);
    return *out ? SAMLA_OK : SAMLA_ERR_NOMEM;
}

worker_pool *worker_pool_new(samla_pipeline *p, unsigned n, const worker_limits *lim)
{
    if (n == 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        n = c > 0 ? (unsigned)c : 1;
    }
    worker_pool *pool = calloc(1, sizeof *pool);
    if (!pool) return NULL;
    pool->slots = calloc(n, sizeof *pool->slots);
    if (!pool->slots) {
        free(pool);
        return NULL;
    }
    for (unsigned i = 0; i < n; i++) pool->slots[i].fd = -1;
    pool->pipeline = p;
    pool->n = n;
    if (lim) pool->lim = *lim;
    pool->parent = getpid();
    pool->page_size = sysconf(_SC_PAGESIZE);
    return pool;
}

/* Forgets the document of s (not its child). */
static void slot_clear_job(slot *s)
{
    free(s->buf);
    free(s->name);
    free(s->error);
    json_decref(s->head);
    s->buf = s->name = s->error = NULL;
    s->head = NULL;
    s->len = s->cap = s->payload_off = s->payload_len = 0;
    s->user = NULL;
    s->busy = false;
    s->killed = WORKER_DONE;
}

/* Ends the child of s (SIGKILL unless it is known to be exiting) and reaps
 * it; ru gets its resource use when not NULL. Returns its wait status. */
static int slot_reap(slot *s, bool kill_it, struct rusage *ru)
{
    int wst = 0;
    if (s->fd >= 0) close(s->fd);
    s->fd = -1;
    if (s->pid > 0) {
        if (kill_it) kill(s->pid, SIGKILL);
        struct rusage dummy;
        while (wait4(s->pid, &wst, 0, ru ? ru : &dummy) < 0 && errno == EINTR) {}
    }
    s->pid = 0;
    s->reusable = false;
    return wst;
}

void worker_pool_free(worker_pool *pool)
{
    if (!pool) return;
    for (unsigned i = 0; i < pool->n; i++) {
        slot_reap(&pool->slots[i], true, NULL);
        slot_clear_job(&pool->slots[i]);
    }
    free(pool->slots);
    free(pool);
}

unsigned worker_pool_size(const worker_pool *pool) { return pool->n; }

unsigned worker_pool_running(const worker_pool *pool)
{
    unsigned k = 0;
    for (unsigned i = 0; i < pool->n; i++) k += pool->slots[i].busy;
    return k;
}

bool worker_pool_can_submit(const worker_pool *pool) { return worker_pool_running(pool) < pool->n; }

static unsigned docs_per_worker(const worker_pool *pool)
{
    return pool->lim.docs_per_worker ? pool->lim.docs_per_worker : WORKER_DOCS_DEFAULT;
}

static size_t recycle_rss_kb(const worker_pool *pool)
{
    size_t mb = pool->lim.recycle_rss_mb         ? pool->lim.recycle_rss_mb
                : pool->lim.max_mem_mb            ? pool->lim.max_mem_mb / 2
                                                  : WORKER_RECYCLE_RSS_MB;
    return mb * 1024;
}

/* A job a long-lived child can take: a path, run by the pool's pipeline. */
static bool job_reusable(const worker_pool *pool, const worker_job *job)
{
    return docs_per_worker(pool) > 1 && pool->pipeline && job->path && !job->bytes &&
           (!job->pipeline || job->pipeline == pool->pipeline);
}

/* ---- the child ---------------------------------------------------------- */

static void write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) _exit(3);
        p += w;
        n -= (size_t)w;
    }
}

/* Reads exactly n bytes; false at EOF or on an error. */
static bool read_all(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        p += r;
        n -= (size_t)r;
    }
    return true;
}

/* Sends one result: the header line, then payload_len bytes of payload. */
static void child_send(int fd, json_t *head, const char *payload, size_t payload_len)
{
    char *h = json_compact(head);
    if (!h) _exit(3);
    write_all(fd, h, strlen(h));
    write_all(fd, "\n", 1);
    if (payload_len) write_all(fd, payload, payload_len);
    free(h);
}

static json_t *child_messages(const samla_diag *d)
{
    json_t *a = json_array();
    for (size_t i = 0; a && i < d->count; i++) {
        char *s = samla_diag_format(&d->msgs[i]);
        if (s) json_array_append_new(a, json_string(s));
        free(s);
    }
    return a;
}

/* The first error of d as "page N: message", else the status's name. */
static char *child_reason(const samla_diag *d, samla_status st)
{
    for (size_t i = 0; i < d->count; i++) {
        const samla_diag_msg *m = &d->msgs[i];
        if (m->severity != SAMLA_SEV_ERROR || !m->message) continue;
        if (m->page > 0) return xprintf("page %d: %s", m->page, m->message);
        return xstrdup(m->message);
    }
    return xstrdup(samla_status_str(st));
}

static void child_limits(const worker_pool *pool)
{
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    if (pool->lim.max_mem_mb && !WORKER_ASAN) {
        rlim_t bytes = (rlim_t)pool->lim.max_mem_mb * 1024 * 1024;
        struct rlimit as = {bytes, bytes};
        setrlimit(RLIMIT_AS, &as);
    }
}

/* Closes the sockets the child inherited (a server's listening socket and its
 * clients' connections), except keep (its own): a child holding a copy would
 * keep a connection the parent has closed open until the child ends. */
static void close_sockets(int keep)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d) return;
    int self = dirfd(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        char *end = NULL;
        long fd = strtol(e->d_name, &end, 10);
        struct stat sb;
        if (!end || *end || end == e->d_name || fd < 3 || fd == self || fd == keep) continue;
        if (fstat((int)fd, &sb) == 0 && S_ISSOCK(sb.st_mode)) close((int)fd);
    }
    closedir(d);
}

/* The peak (VmHWM) and current (VmRSS) resident set of this process, KiB. */
static void child_rss(long *peak, long *now)
{
    *peak = *now = -1;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (!strncmp(line, "VmHWM:", 6)) *peak = strtol(line + 6, NULL, 10);
        else if (!strncmp(line, "VmRSS:", 6)) *now = strtol(line + 6, NULL, 10);
    }
    fclose(f);
}

/* Starts a new peak for VmHWM (Linux >= 4.0; without it the peak is the child's whole life's). */
static void child_rss_reset(void)
{
    int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
    if (fd < 0) return;
    if (write(fd, "5", 1) < 0) { /* the peak then covers the child's life */
    }
    close(fd);
}

/* Closes a result's header: the child's peak resident set for this document
 * and whether it ends after it (also when it stays above its bound, after
 * giving the heap's free memory back). */
static void child_head_end(const worker_pool *pool, json_t *head, bool *last)
{
    long peak, now;
    child_rss(&peak, &now);
    if (now > 0 && (size_t)now > recycle_rss_kb(pool)) {
        malloc_trim(0);
        child_rss(&peak, &now);
        if (now > 0 && (size_t)now > recycle_rss_kb(pool)) *last = true;
    }
    json_object_set_new(head, "rss_kb", json_integer(peak));
    json_object_set_new(head, "last", json_boolean(*last));
}

/* Runs one document and sends its result. *last: in, the child ends after
 * this one anyway; out, it ends (set when the document ran out of memory or
 * left the child above its resident-set bound). Frees all it allocates. */
static void child_run(worker_pool *pool, const worker_job *job, const char *name, int fd, bool *last)
{
    json_t *head = json_object();
    if (!head) _exit(3);
    child_rss_reset();
    samla_pipeline *pipeline = job->pipeline ? job->pipeline : pool->pipeline;
    int max_pages = pool->lim.max_pages;
    struct stat sb;
    if (max_pages > 0) {
        int n = pdf_page_count(job->path, job->bytes, job->size);
        if (n > max_pages) {
            char *why = xprintf("%d pages, more than the limit of %d (--max-pages)", n, max_pages);
            json_object_set_new(head, "status", json_integer(SAMLA_ERR_LIMIT));
            json_object_set_new(head, "outcome", json_string("pages"));
            json_object_set_new(head, "reason", json_string(why ? why : "too many pages"));
            json_object_set_new(head, "pages", json_integer(n));
            child_head_end(pool, head, last);
            child_send(fd, head, NULL, 0);
            free(why);
            json_decref(head);
            return;
        }
    }
    if (job->bytes ? job->size == 0 : (job->path && stat(job->path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0)) {
        json_object_set_new(head, "status", json_integer(SAMLA_ERR_FORMAT));
        json_object_set_new(head, "outcome", json_string("failed"));
        json_object_set_new(head, "reason", json_string("empty file (0 bytes)"));
        json_object_set_new(head, "pages", json_integer(0));
        child_head_end(pool, head, last);
        child_send(fd, head, NULL, 0);
        json_decref(head);
        return;
    }

    samla_diag d;
    samla_diag_init(&d);
    d.file = name;
    samla_arena *a = samla_arena_new();
    samla_node *model = NULL;
    samla_status st = a ? SAMLA_OK : SAMLA_ERR_NOMEM;
    char *written = NULL;
    size_t written_len = 0;
    FILE *out = NULL;
    if (st == SAMLA_OK && job->output && !(out = open_memstream(&written, &written_len))) st = SAMLA_ERR_NOMEM;
    if (st == SAMLA_OK) {
        if (job->bytes || !job->path)
            st = samla_pipeline_run_memory(pipeline, name, job->bytes, job->size, out, &d, a, &model);
        else
            st = samla_pipeline_run(pipeline, job->path, out, &d, a, &model);
    }
    if (out && fclose(out) != 0 && st == SAMLA_OK) st = SAMLA_ERR_NOMEM;
    const char *outcome = st == SAMLA_OK ? "ok" : "failed";
    long long pages = -1;
    samla_node *doc = model ? samla_map_get(model, "document") : NULL;
    if (doc) pages = samla_map_get_int(doc, "pages", -1);
    char *reason = st == SAMLA_OK ? NULL : child_reason(&d, st);
    if (st == SAMLA_OK && max_pages > 0 && pages > max_pages) {
        reason = xprintf("%lld pages, more than the limit of %d (--max-pages)", pages, max_pages);
        outcome = "pages";
        st = SAMLA_ERR_LIMIT;
    }
    if (st == SAMLA_ERR_NOMEM && pool->lim.max_mem_mb) outcome = "memory";
    if (st == SAMLA_ERR_NOMEM) *last = true; /* the heap may be in pieces: a fresh child for the next */
    char *text = NULL;
    size_t text_len = 0;
    if (st == SAMLA_OK && !job->output) {
        json_t *jm = samla_node_to_json(model);
        text = jm ? json_compact(jm) : NULL;
        json_decref(jm);
        if (!text) _exit(3);
        text_len = strlen(text);
    }
    samla_arena_free(a);
    json_object_set_new(head, "status", json_integer(st));
    json_object_set_new(head, "outcome", json_string(outcome));
    if (reason) json_object_set_new(head, "reason", json_string(reason));
    json_object_set_new(head, "pages", json_integer(pages));
    json_object_set_new(head, "messages", child_messages(&d));
    child_head_end(pool, head, last);
    if (st == SAMLA_OK && job->output) {
        json_object_set_new(head, "output", json_integer((json_int_t)written_len));
        child_send(fd, head, written, written_len);
    } else {
        if (text) json_object_set_new(head, "model", json_integer((json_int_t)text_len));
        child_send(fd, head, text, text_len);
    }
    free(text);
    free(written);
    free(reason);
    samla_diag_clear(&d);
    json_decref(head);
}

/* A request from the parent: u32 path length, u32 name length, the path, the
 * name (both without a NUL; any bytes). NULL at EOF: the parent is done with
 * this child. *name_out points into the same allocation; free the path. */
static char *child_next(int fd, char **name_out)
{
    uint32_t len[2];
    if (!read_all(fd, len, sizeof len)) return NULL;
    if (len[0] == 0 || len[0] > 1u << 20 || len[1] > 1u << 20) return NULL;
    char *buf = malloc((size_t)len[0] + len[1] + 2);
    if (!buf || !read_all(fd, buf, len[0]) || !read_all(fd, buf + len[0] + 1, len[1])) {
        free(buf);
        return NULL;
    }
    buf[len[0]] = '\0';
    buf[len[0] + 1 + len[1]] = '\0';
    *name_out = buf + len[0] + 1;
    return buf;
}

/* The child: runs job, then (reusable) every path the parent sends, until
 * it is told nothing more (EOF) or a result says last. */
static void __attribute__((noreturn)) child_main(worker_pool *pool, const worker_job *job, const char *name, int fd,
                                                 bool reusable)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != pool->parent) _exit(1);
    signal(SIGPIPE, SIG_DFL);
    for (unsigned i = 0; i < pool->n; i++)
        if (pool->slots[i].fd >= 0) close(pool->slots[i].fd);
    close_sockets(fd);
    child_limits(pool);

    unsigned limit = reusable ? docs_per_worker(pool) : 1, done = 0;
    bool last = ++done >= limit;
    child_run(pool, job, name, fd, &last);
    while (!last) {
        char *next_name = NULL;
        char *path = child_next(fd, &next_name);
        if (!path) break;
        worker_job next = {.path = path};
        last = ++done >= limit;
        child_run(pool, &next, next_name, fd, &last);
        free(path);
    }
    /* no cleanup: _exit returns every page at once and runs no atexit handler
     * of the parent's (SQLite, stdio buffers) */
    _exit(0);
}

/* ---- the parent --------------------------------------------------------- */

/* Forks a child for s with job as its first document. */
static void slot_spawn(worker_pool *pool, slot *s, const worker_job *job, bool reusable)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
        s->error = xprintf("cannot start a worker: %s", strerror(errno));
        return;
    }
    fflush(NULL); /* nothing buffered is written twice */
    pid_t pid = fork();
    if (pid < 0) {
        s->error = xprintf("cannot start a worker: %s", strerror(errno));
        close(sv[0]);
        close(sv[1]);
        return;
    }
    if (pid == 0) {
        close(sv[0]);
        child_main(pool, job, s->name ? s->name : "(memory)", sv[1], reusable);
    }
    close(sv[1]);
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    s->pid = pid;
    s->fd = sv[0];
    s->reusable = reusable;
}

/* Hands job's path to the idle child of s. False when the child is gone. */
static bool slot_send(slot *s, const worker_job *job)
{
    size_t pl = strlen(job->path), nl = strlen(s->name);
    if (pl == 0 || pl > 1u << 20 || nl > 1u << 20) return false;
    uint32_t len[2] = {(uint32_t)pl, (uint32_t)nl};
    struct iovec iov[3] = {{len, sizeof len}, {(void *)job->path, pl}, {s->name, nl}};
    struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 3};
    size_t want = sizeof len + pl + nl;
    /* a fresh request to an idle child: the socket buffer is empty, so one
     * send takes it whole; anything else means the child is gone */
    ssize_t w;
    while ((w = sendmsg(s->fd, &msg, MSG_NOSIGNAL)) < 0 && errno == EINTR) {}
    return w == (ssize_t)want;
}

int worker_pool_submit(worker_pool *pool, const worker_job *job)
{
    bool reusable = job_reusable(pool, job);
    slot *s = NULL;
    /* an idle child that can take it, else a slot without a child, else any free slot (its child is replaced) */
    for (unsigned i = 0; i < pool->n && !s && reusable; i++)
        if (!pool->slots[i].busy && pool->slots[i].pid > 0 && pool->slots[i].reusable) s = &pool->slots[i];
    for (unsigned i = 0; i < pool->n && !s; i++)
        if (!pool->slots[i].busy && pool->slots[i].pid == 0) s = &pool->slots[i];
    for (unsigned i = 0; i < pool->n && !s; i++)
        if (!pool->slots[i].busy) s = &pool->slots[i];
    if (!s) return -1;
    slot_clear_job(s);
    s->busy = true;
    s->user = job->user;
    s->name = xstrdup(job->name ? job->name : job->path ? job->path : "(memory)");
    s->start = now_s();
    if (s->pid > 0 && !(reusable && s->reusable && s->name && slot_send(s, job))) slot_reap(s, true, NULL);
    if (s->pid == 0) slot_spawn(pool, s, job, reusable);
    return 0;
}

size_t worker_pool_fds(const worker_pool *pool, struct pollfd *fds, size_t max)
{
    size_t k = 0;
    for (unsigned i = 0; i < pool->n && k < max; i++)
        if (pool->slots[i].busy && pool->slots[i].fd >= 0) fds[k++] = (struct pollfd){.fd = pool->slots[i].fd, .events = POLLIN};
    return k;
}

/* Reads what the child has sent; closes fd at EOF. Parses the header once
 * its line is in (a header that does not parse: the child is killed, and
 * the document comes back as crashed). */
static void slot_drain(slot *s)
{
    for (;;) {
        if (s->cap - s->len < 65536) {
            size_t cap = s->cap ? s->cap * 2 : 65536;
            char *nb = realloc(s->buf, cap + 1);
            if (!nb) return; /* try again at the next tick */
            s->buf = nb;
            s->cap = cap;
        }
        ssize_t n = read(s->fd, s->buf + s->len, s->cap - s->len);
        if (n > 0) {
            s->len += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        close(s->fd); /* EOF or error: the child is gone or going */
        s->fd = -1;
        break;
    }
    if (s->head || !s->buf) return;
    char *nl = memchr(s->buf, '\n', s->len);
    if (!nl) return;
    s->head = json_loadb(s->buf, (size_t)(nl - s->buf), 0, NULL);
    json_int_t size = json_integer_value(json_object_get(s->head, "model")) +
                      json_integer_value(json_object_get(s->head, "output"));
    if (!s->head || size < 0) {
        json_decref(s->head);
        s->head = NULL;
        if (s->pid > 0) kill(s->pid, SIGKILL); /* garbled: read on to EOF and report a crash */
        return;
    }
    s->payload_off = (size_t)(nl - s->buf) + 1;
    s->payload_len = (size_t)size;
}

/* The child has sent the whole result of its document. */
static bool slot_complete(const slot *s) { return s->head && s->len >= s->payload_off + s->payload_len; }

static long rss_kb(const worker_pool *pool, pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/statm", (long)pid);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    long size = 0, resident = 0;
    int got = fscanf(f, "%ld %ld", &size, &resident);
    fclose(f);
    return got == 2 ? resident * (pool->page_size / 1024) : -1;
}

/* Deadlines and (under ASan) the resident-set watchdog. */
static void slot_police(worker_pool *pool, slot *s, double now)
{
    if (s->pid <= 0 || s->killed != WORKER_DONE) return;
    if (pool->lim.timeout > 0 && now - s->start > pool->lim.timeout) {
        kill(s->pid, SIGKILL);
        s->killed = WORKER_TIMEOUT;
        return;
    }
    if (WORKER_ASAN && pool->lim.max_mem_mb) {
        long kb = rss_kb(pool, s->pid);
        if (kb > (long)(pool->lim.max_mem_mb * 1024)) {
            kill(s->pid, SIGKILL);
            s->killed = WORKER_MEMORY;
        }
    }
}

/* Copies n bytes at p into a new NUL-terminated string. */
static char *copy_payload(const char *p, size_t n)
{
    char *c = malloc(n + 1);
    if (!c) return NULL;
    memcpy(c, p, n);
    c[n] = '\0';
    return c;
}

/* Fills r from the complete result in s (header and payload). */
static void fill_from_header(worker_result *r, slot *s)
{
    json_t *h = s->head;
    r->status = (samla_status)json_integer_value(json_object_get(h, "status"));
    const char *o = json_string_value(json_object_get(h, "outcome"));
    r->outcome = !o || !strcmp(o, "ok") ? WORKER_DONE
                 : !strcmp(o, "pages")  ? WORKER_PAGES
                 : !strcmp(o, "memory") ? WORKER_MEMORY
                                        : WORKER_FAILED;
    r->reason = xstrdup(json_string_value(json_object_get(h, "reason")));
    r->pages = (int)json_integer_value(json_object_get(h, "pages"));
    json_t *rss = json_object_get(h, "rss_kb");
    if (json_is_integer(rss) && json_integer_value(rss) > 0) r->max_rss_kb = (long)json_integer_value(rss);
    json_t *msgs = json_object_get(h, "messages");
    size_t total = 0, i;
    json_t *m;
    json_array_foreach(msgs, i, m) total += strlen(json_string_value(m) ? json_string_value(m) : "") + 1;
    if (total) {
        r->messages = malloc(total + 1);
        if (r->messages) {
            r->messages[0] = '\0';
            json_array_foreach(msgs, i, m)
            {
                strcat(r->messages, json_string_value(m) ? json_string_value(m) : "");
                strcat(r->messages, "\n");
            }
        }
    }
    if (r->outcome != WORKER_DONE) return;
    const char *payload = s->buf + s->payload_off;
    if (json_is_integer(json_object_get(h, "output"))) {
        r->output_len = s->payload_len;
        r->output = copy_payload(payload, s->payload_len);
        if (!r->output) {
            r->outcome = WORKER_ERROR;
            r->reason = xstrdup("out of memory receiving the output");
        }
    } else if (s->payload_len == 0) {
        r->outcome = WORKER_CRASHED; /* header without its model */
        r->reason = xstrdup("the worker sent no complete result");
    } else {
        r->model_len = s->payload_len;
        r->model_json = copy_payload(payload, s->payload_len);
        if (!r->model_json) {
            r->outcome = WORKER_ERROR;
            r->reason = xstrdup("out of memory receiving the model");
        }
    }
}

/* Why a child that died (or was killed) running the document of s gave no
 * whole result, from its wait status and peak resident set. */
static void fill_from_death(worker_pool *pool, slot *s, int wst, worker_result *r)
{
    if (s->killed == WORKER_TIMEOUT) {
        r->outcome = WORKER_TIMEOUT;
        r->reason = xprintf("timed out after %g s (--timeout)", pool->lim.timeout);
        return;
    }
    if (s->killed == WORKER_MEMORY) {
        r->outcome = WORKER_MEMORY;
        r->reason = xprintf("used more than its memory limit (--max-mem %zu MB)", pool->lim.max_mem_mb);
        return;
    }
    bool near_limit = pool->lim.max_mem_mb &&
                      (double)r->max_rss_kb >= MEMORY_DEATH_SHARE * (double)pool->lim.max_mem_mb * 1024;
    r->outcome = near_limit ? WORKER_MEMORY : WORKER_CRASHED;
    if (WIFSIGNALED(wst)) {
        int sig = WTERMSIG(wst);
        r->reason = near_limit ? xprintf("ran out of memory (--max-mem %zu MB; signal %d, %s)", pool->lim.max_mem_mb,
                                         sig, strsignal(sig))
                               : xprintf("crashed (signal %d, %s)", sig, strsignal(sig));
    } else if (WIFEXITED(wst) && WEXITSTATUS(wst) == 0) {
        r->reason = near_limit ? xprintf("ran out of memory (--max-mem %zu MB)", pool->lim.max_mem_mb)
                               : xstrdup("the worker sent no complete result");
    } else {
        r->reason = near_limit ? xprintf("ran out of memory (--max-mem %zu MB)", pool->lim.max_mem_mb)
                               : xprintf("the worker exited with status %d without a result",
                                         WIFEXITED(wst) ? WEXITSTATUS(wst) : -1);
    }
}

/* The document of s is over: a whole result came, the child's socket closed,
 * or the child never started. Makes its result; keeps the child for the next
 * document unless it said last, was killed or died. */
static void slot_finish(worker_pool *pool, slot *s, worker_result *r)
{
    memset(r, 0, sizeof *r);
    r->user = s->user;
    r->name = s->name;
    s->name = NULL;
    r->pages = -1;
    r->status = SAMLA_OK;
    if (s->error) {
        r->outcome = WORKER_ERROR;
        r->status = SAMLA_ERR_INTERNAL;
        r->reason = s->error;
        s->error = NULL;
        r->seconds = now_s() - s->start;
        slot_clear_job(s);
        return;
    }
    r->seconds = now_s() - s->start;
    r->pid = s->pid;
    if (s->killed == WORKER_DONE && slot_complete(s)) {
        fill_from_header(r, s);
        bool last = json_is_true(json_object_get(s->head, "last")) || !s->reusable || s->fd < 0 ||
                    r->outcome == WORKER_CRASHED;
        if (last) {
            struct rusage ru;
            memset(&ru, 0, sizeof ru);
            /* the child exits right after a last result; one whose result was garbled is killed */
            slot_reap(s, r->outcome == WORKER_CRASHED, &ru);
            if (!r->max_rss_kb) r->max_rss_kb = ru.ru_maxrss;
        }
        if (r->outcome == WORKER_MEMORY) {
            free(r->reason); /* whatever the plugin said, the limit is the cause */
            r->reason = xprintf("out of memory (--max-mem %zu MB)", pool->lim.max_mem_mb);
        }
    } else {
        struct rusage ru;
        memset(&ru, 0, sizeof ru);
        int wst = slot_reap(s, false, &ru);
        r->max_rss_kb = ru.ru_maxrss;
        fill_from_death(pool, s, wst, r);
    }
    if (r->outcome != WORKER_DONE && r->status == SAMLA_OK)
        r->status = r->outcome == WORKER_MEMORY || r->outcome == WORKER_TIMEOUT || r->outcome == WORKER_PAGES
                        ? SAMLA_ERR_LIMIT
                        : SAMLA_ERR_INTERNAL;
    if (!r->reason && r->outcome != WORKER_DONE) r->reason = xstrdup(samla_status_str(r->status));
    slot_clear_job(s);
}

/* The document of s can be finished now. */
static bool slot_over(const slot *s)
{
    return s->busy && (s->error || s->fd < 0 || (s->killed == WORKER_DONE && slot_complete(s)));
}

int worker_pool_wait(worker_pool *pool, int timeout_ms, worker_result *out)
{
    double until = timeout_ms < 0 ? -1 : now_s() + timeout_ms / 1000.0;
    for (;;) {
        double now = now_s();
        for (unsigned i = 0; i < pool->n; i++) {
            slot *s = &pool->slots[i];
            if (!s->busy) continue;
            if (slot_over(s)) {
                slot_finish(pool, s, out);
                return 1;
            }
            slot_police(pool, s, now);
        }
        if (worker_pool_running(pool) == 0) return 0;
        struct pollfd fds[pool->n];
        size_t nfds = worker_pool_fds(pool, fds, pool->n);
        int wait_ms = WORKER_TICK_MS;
        if (until >= 0) {
            double left = (until - now) * 1000;
            if (left < wait_ms) wait_ms = left > 0 ? (int)left : 0;
        }
        int rc = poll(fds, nfds, wait_ms);
        if (rc < 0 && errno != EINTR) return 0;
        for (unsigned i = 0; rc > 0 && i < pool->n; i++) {
            slot *s = &pool->slots[i];
            if (!s->busy || s->fd < 0) continue;
            for (size_t k = 0; k < nfds; k++)
                if (fds[k].fd == s->fd && fds[k].revents) slot_drain(s);
        }
        for (unsigned i = 0; i < pool->n; i++) {
            slot *s = &pool->slots[i];
            if (slot_over(s)) {
                slot_finish(pool, s, out);
                return 1;
            }
        }
        if (until >= 0 && now_s() >= until) return 0;
    }
}
