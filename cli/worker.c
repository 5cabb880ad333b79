/* worker.c: a pool of forked, resource-limited children, one document each (see worker.h).
 *
 * Protocol over the pipe: the child writes one line of compact JSON (the
 * header: status, outcome, reason, pages, messages) and, when the document
 * succeeded, the payload after the newline: the model as compact JSON, or
 * (a job with output) the writer steps' bytes, whose length the header gives
 * ("output": N). Compact JSON never holds a raw newline, so the parent splits
 * on the first one and keeps the payload as it came. */
#define _GNU_SOURCE /* pipe2, vasprintf */
#include "worker.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
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
    bool busy;
    pid_t pid;            /* 0 when the child was never started */
    int fd;               /* read end, -1 once at EOF */
    char *buf;
    size_t len, cap;
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

static void slot_reset(slot *s)
{
    if (s->fd >= 0) close(s->fd);
    free(s->buf);
    free(s->name);
    free(s->error);
    memset(s, 0, sizeof *s);
    s->fd = -1;
}

void worker_pool_free(worker_pool *pool)
{
    if (!pool) return;
    for (unsigned i = 0; i < pool->n; i++) {
        slot *s = &pool->slots[i];
        if (s->busy && s->pid > 0) {
            kill(s->pid, SIGKILL);
            while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR) {}
        }
        slot_reset(s);
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

/* ---- the child ---------------------------------------------------------- */

static void write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) _exit(3);
        p += w;
        n -= (size_t)w;
    }
}

static void child_send(int fd, json_t *head, const char *model)
{
    char *h = json_compact(head);
    if (!h) _exit(3);
    write_all(fd, h, strlen(h));
    write_all(fd, "\n", 1);
    if (model) write_all(fd, model, strlen(model));
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
 * clients' connections): a child holding a copy would keep a connection the
 * parent has closed open until the child ends. */
static void close_sockets(void)
{
    DIR *d = opendir("/proc/self/fd");
    if (!d) return;
    int self = dirfd(d);
    struct dirent *e;
    while ((e = readdir(d))) {
        char *end = NULL;
        long fd = strtol(e->d_name, &end, 10);
        struct stat sb;
        if (!end || *end || end == e->d_name || fd < 3 || fd == self) continue;
        if (fstat((int)fd, &sb) == 0 && S_ISSOCK(sb.st_mode)) close((int)fd);
    }
    closedir(d);
}

static void __attribute__((noreturn)) child_main(worker_pool *pool, const worker_job *job, const char *name, int wfd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != pool->parent) _exit(1);
    signal(SIGPIPE, SIG_DFL);
    for (unsigned i = 0; i < pool->n; i++)
        if (pool->slots[i].fd >= 0) close(pool->slots[i].fd);
    close_sockets();
    child_limits(pool);

    json_t *head = json_object();
    if (!head) _exit(3);
    samla_pipeline *pipeline = job->pipeline ? job->pipeline : pool->pipeline;
    int max_pages = pool->lim.max_pages;
    if (max_pages > 0) {
        int n = pdf_page_count(job->path, job->bytes, job->size);
        if (n > max_pages) {
            char *why = xprintf("%d pages, more than the limit of %d (--max-pages)", n, max_pages);
            json_object_set_new(head, "status", json_integer(SAMLA_ERR_LIMIT));
            json_object_set_new(head, "outcome", json_string("pages"));
            json_object_set_new(head, "reason", json_string(why ? why : "too many pages"));
            json_object_set_new(head, "pages", json_integer(n));
            child_send(wfd, head, NULL);
            _exit(0);
        }
    }

    struct stat sb;
    if (job->bytes ? job->size == 0 : (job->path && stat(job->path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0)) {
        json_object_set_new(head, "status", json_integer(SAMLA_ERR_FORMAT));
        json_object_set_new(head, "outcome", json_string("failed"));
        json_object_set_new(head, "reason", json_string("empty file (0 bytes)"));
        json_object_set_new(head, "pages", json_integer(0));
        child_send(wfd, head, NULL);
        _exit(0);
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
    json_object_set_new(head, "status", json_integer(st));
    json_object_set_new(head, "outcome", json_string(outcome));
    if (reason) json_object_set_new(head, "reason", json_string(reason));
    json_object_set_new(head, "pages", json_integer(pages));
    json_object_set_new(head, "messages", child_messages(&d));
    char *text = NULL;
    if (st == SAMLA_OK && job->output) {
        json_object_set_new(head, "output", json_integer((json_int_t)written_len));
        child_send(wfd, head, NULL);
        write_all(wfd, written ? written : "", written_len);
    } else {
        if (st == SAMLA_OK) {
            json_t *jm = samla_node_to_json(model);
            text = jm ? json_compact(jm) : NULL;
            json_decref(jm);
            if (!text) _exit(3);
        }
        child_send(wfd, head, text);
    }
    /* no cleanup: _exit returns every page at once and runs no atexit handler
     * of the parent's (SQLite, stdio buffers) */
    _exit(0);
}

/* ---- the parent --------------------------------------------------------- */

int worker_pool_submit(worker_pool *pool, const worker_job *job)
{
    slot *s = NULL;
    for (unsigned i = 0; i < pool->n && !s; i++)
        if (!pool->slots[i].busy) s = &pool->slots[i];
    if (!s) return -1;
    slot_reset(s);
    s->busy = true;
    s->user = job->user;
    s->name = xstrdup(job->name ? job->name : job->path ? job->path : "(memory)");
    s->start = now_s();
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) {
        s->error = xprintf("cannot start a worker: %s", strerror(errno));
        return 0;
    }
    fflush(NULL); /* nothing buffered is written twice */
    pid_t pid = fork();
    if (pid < 0) {
        s->error = xprintf("cannot start a worker: %s", strerror(errno));
        close(p[0]);
        close(p[1]);
        return 0;
    }
    if (pid == 0) {
        close(p[0]);
        child_main(pool, job, s->name ? s->name : "(memory)", p[1]);
    }
    close(p[1]);
    fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
    s->pid = pid;
    s->fd = p[0];
    return 0;
}

size_t worker_pool_fds(const worker_pool *pool, struct pollfd *fds, size_t max)
{
    size_t k = 0;
    for (unsigned i = 0; i < pool->n && k < max; i++)
        if (pool->slots[i].busy && pool->slots[i].fd >= 0) fds[k++] = (struct pollfd){.fd = pool->slots[i].fd, .events = POLLIN};
    return k;
}

/* Reads what the child has written; closes fd at EOF. */
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
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
        close(s->fd); /* EOF or error: the child is gone or going */
        s->fd = -1;
        return;
    }
}

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

static void fill_from_header(worker_result *r, slot *s)
{
    char *nl = s->buf ? memchr(s->buf, '\n', s->len) : NULL;
    json_t *h = nl ? json_loadb(s->buf, (size_t)(nl - s->buf), 0, NULL) : NULL;
    if (!h) {
        r->outcome = WORKER_CRASHED;
        return;
    }
    r->status = (samla_status)json_integer_value(json_object_get(h, "status"));
    const char *o = json_string_value(json_object_get(h, "outcome"));
    r->outcome = !o || !strcmp(o, "ok") ? WORKER_DONE
                 : !strcmp(o, "pages")  ? WORKER_PAGES
                 : !strcmp(o, "memory") ? WORKER_MEMORY
                                        : WORKER_FAILED;
    r->reason = xstrdup(json_string_value(json_object_get(h, "reason")));
    r->pages = (int)json_integer_value(json_object_get(h, "pages"));
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
    json_t *output = json_object_get(h, "output");
    bool has_output = json_is_integer(output);
    json_int_t output_len = json_integer_value(output);
    json_decref(h);
    if (r->outcome == WORKER_DONE && has_output) {
        size_t off = (size_t)(nl - s->buf) + 1;
        if (output_len < 0 || s->len - off != (size_t)output_len) {
            r->outcome = WORKER_CRASHED; /* header without all of its output */
            return;
        }
        r->output_len = (size_t)output_len;
        r->output = malloc(r->output_len + 1);
        if (!r->output) {
            r->outcome = WORKER_ERROR;
            r->reason = xstrdup("out of memory receiving the output");
            return;
        }
        memcpy(r->output, s->buf + off, r->output_len);
        r->output[r->output_len] = '\0';
    } else if (r->outcome == WORKER_DONE) {
        size_t off = (size_t)(nl - s->buf) + 1;
        if (off >= s->len) {
            r->outcome = WORKER_CRASHED; /* header without its model */
            return;
        }
        r->model_len = s->len - off;
        r->model_json = malloc(r->model_len + 1);
        if (!r->model_json) {
            r->outcome = WORKER_ERROR;
            r->reason = xstrdup("out of memory receiving the model");
            return;
        }
        memcpy(r->model_json, s->buf + off, r->model_len);
        r->model_json[r->model_len] = '\0';
    }
}

/* The child at s has closed its pipe (or never started): reap it and make its result. */
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
        s->busy = false;
        return;
    }
    int wst = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(s->pid, &wst, 0, &ru) < 0 && errno == EINTR) {}
    r->seconds = now_s() - s->start;
    r->max_rss_kb = ru.ru_maxrss;
    bool clean = WIFEXITED(wst) && WEXITSTATUS(wst) == 0;
    if (s->killed == WORKER_TIMEOUT) {
        r->outcome = WORKER_TIMEOUT;
        r->reason = xprintf("timed out after %g s (--timeout)", pool->lim.timeout);
    } else if (s->killed == WORKER_MEMORY) {
        r->outcome = WORKER_MEMORY;
        r->reason = xprintf("used more than its memory limit (--max-mem %zu MB)", pool->lim.max_mem_mb);
    } else if (clean) {
        fill_from_header(r, s);
        if (r->outcome == WORKER_CRASHED) r->reason = xstrdup("the worker sent no complete result");
        if (r->outcome == WORKER_MEMORY) {
            free(r->reason); /* whatever the plugin said, the limit is the cause */
            r->reason = xprintf("out of memory (--max-mem %zu MB)", pool->lim.max_mem_mb);
        }
    } else {
        bool near_limit = pool->lim.max_mem_mb &&
                          (double)r->max_rss_kb >= MEMORY_DEATH_SHARE * (double)pool->lim.max_mem_mb * 1024;
        if (WIFSIGNALED(wst)) {
            int sig = WTERMSIG(wst);
            r->outcome = near_limit ? WORKER_MEMORY : WORKER_CRASHED;
            r->reason = near_limit ? xprintf("ran out of memory (--max-mem %zu MB; signal %d, %s)",
                                             pool->lim.max_mem_mb, sig, strsignal(sig))
                                   : xprintf("crashed (signal %d, %s)", sig, strsignal(sig));
        } else {
            r->outcome = near_limit ? WORKER_MEMORY : WORKER_CRASHED;
            r->reason = near_limit ? xprintf("ran out of memory (--max-mem %zu MB)", pool->lim.max_mem_mb)
                                   : xprintf("the worker exited with status %d without a result",
                                             WIFEXITED(wst) ? WEXITSTATUS(wst) : -1);
        }
    }
    if (r->outcome != WORKER_DONE && r->status == SAMLA_OK)
        r->status = r->outcome == WORKER_MEMORY || r->outcome == WORKER_TIMEOUT || r->outcome == WORKER_PAGES
                        ? SAMLA_ERR_LIMIT
                        : SAMLA_ERR_INTERNAL;
    if (!r->reason && r->outcome != WORKER_DONE) r->reason = xstrdup(samla_status_str(r->status));
    free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
    s->pid = 0;
    s->busy = false;
}

int worker_pool_wait(worker_pool *pool, int timeout_ms, worker_result *out)
{
    double until = timeout_ms < 0 ? -1 : now_s() + timeout_ms / 1000.0;
    for (;;) {
        double now = now_s();
        for (unsigned i = 0; i < pool->n; i++) {
            slot *s = &pool->slots[i];
            if (!s->busy) continue;
            if (s->error || s->fd < 0) {
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
            if (s->busy && s->fd < 0) {
                slot_finish(pool, s, out);
                return 1;
            }
        }
        if (until >= 0 && now_s() >= until) return 0;
    }
}
