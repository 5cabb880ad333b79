/* http.c: the HTTP front of `samla serve` on libmicrohttpd (see serve.h and
 * docs/serve.md): routing, admission (503 + Retry-After when full), the
 * document upload (raw body or multipart/form-data), suspending the
 * connection while the dispatcher runs the document, and the answer (the
 * writer's bytes, or an error as JSON).
 *
 * libmicrohttpd runs in its external mode: serve_http_run does what is ready,
 * from the server's one poll loop, which also runs the dispatcher; job_done
 * (called from there) fills a request's answer and resumes its connection. */
#define _GNU_SOURCE
#include <glib.h>
#include <jansson.h>
#include <math.h>
#include <microhttpd.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "serve.h"

/* Format of a document's answer when neither ?format= nor Accept chooses one. */
#define DEFAULT_FORMAT "json"
/* Longest document name (?name= or the multipart file name), bytes. */
#define NAME_MAX_BYTES 1024
/* Name of a document posted without one. */
#define DEFAULT_NAME "upload"
/* Buffer of libmicrohttpd's multipart parser. */
#define POST_BUFFER 65536

struct serve_http {
    struct MHD_Daemon *daemon;
    const serve_catalog *cat;
    serve_dispatch *disp;
    const serve_options *o;
    char *url;
    MHD_socket quiesced;          /* the listening socket after quiesce, closed at stop */
    unsigned admitted;            /* document requests admitted and not yet finished */
    unsigned open;                /* requests of any kind in progress */
    double started;
};

typedef enum req_state { REQ_BODY, REQ_WAITING, REQ_ANSWERED } req_state;

typedef struct request {
    serve_http *h;
    struct MHD_Connection *conn;
    char *method, *path;
    double start;
    req_state state;
    bool admitted;
    /* the upload */
    unsigned char *body;
    size_t len, cap;
    size_t discarded;             /* bytes past max_body, read and dropped */
    struct MHD_PostProcessor *pp; /* multipart/form-data */
    char *part;                   /* the multipart field taken as the document */
    bool part_closed;             /* a later part began: the file is complete */
    bool malformed;               /* the multipart parser gave up */
    char *name;
    serve_job job;
    /* the answer */
    unsigned status;
    char *out;
    size_t out_len;
    const char *mime;
    int pages;
    double seconds;
    unsigned retry_after;
} request;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- answers -------------------------------------------------------------- */

static enum MHD_Result send_body(request *q, unsigned status, char *body, size_t len, const char *mime)
{
    q->status = status;
    struct MHD_Response *r = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, mime);
    if (q->retry_after) {
        char v[16];
        snprintf(v, sizeof v, "%u", q->retry_after);
        MHD_add_response_header(r, MHD_HTTP_HEADER_RETRY_AFTER, v);
    }
    if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, strncmp(q->path, "/run", 4) == 0 ? "POST" : "GET, HEAD");
    if (status == 200 && q->job.pipeline) {
        char v[32];
        MHD_add_response_header(r, "X-Samla-Pipeline", q->job.pipeline->name);
        MHD_add_response_header(r, "X-Samla-Format", q->job.format);
        snprintf(v, sizeof v, "%d", q->pages);
        if (q->pages >= 0) MHD_add_response_header(r, "X-Samla-Pages", v);
        snprintf(v, sizeof v, "%.3f", q->seconds);
        MHD_add_response_header(r, "X-Samla-Seconds", v);
    }
    enum MHD_Result ret = MHD_queue_response(q->conn, status, r);
    MHD_destroy_response(r);
    return ret;
}

static char *json_text(json_t *j, size_t *len)
{
    char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(j);
    if (!s) s = strdup("{}");
    size_t n = s ? strlen(s) : 0;
    char *t = s ? realloc(s, n + 2) : NULL;
    if (t) {
        t[n++] = '\n';
        t[n] = '\0';
        s = t;
    }
    *len = s ? n : 0;
    return s;
}

/* {"error": "FILE: cause", "status": N, "file": FILE, "cause": ..., extra...} */
static json_t *error_object(unsigned status, const char *file, const char *cause)
{
    char *line = file ? g_strdup_printf("%s: %s", file, cause) : g_strdup(cause);
    json_t *o = json_object();
    json_object_set_new(o, "error", json_string(line));
    json_object_set_new(o, "status", json_integer(status));
    if (file) json_object_set_new(o, "file", json_string(file));
    json_object_set_new(o, "cause", json_string(cause));
    g_free(line);
    return o;
}

static enum MHD_Result send_error(request *q, unsigned status, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static enum MHD_Result send_error(request *q, unsigned status, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *cause = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    size_t len;
    char *body = json_text(error_object(status, file, cause), &len);
    g_free(cause);
    return send_body(q, status, body, len, "application/json");
}

static enum MHD_Result send_json(request *q, json_t *j)
{
    size_t len;
    char *body = json_text(j, &len);
    return send_body(q, 200, body, len, "application/json");
}

static enum MHD_Result send_static(request *q, const char *text)
{
    size_t n = strlen(text);
    char *body = malloc(n + 2);
    if (!body) return MHD_NO;
    memcpy(body, text, n);
    body[n++] = '\n';
    body[n] = '\0';
    return send_body(q, 200, body, n, "application/json");
}

/* Seconds a refused client should wait: the documents ahead of it at the
 * recent mean time per document, spread over the workers; 1 to 300. */
static unsigned retry_after(serve_http *h)
{
    const serve_stats *s = serve_dispatch_stats(h->disp);
    double mean = s->mean_seconds > 0 ? s->mean_seconds : 1;
    double wait = mean * (double)(s->queued + s->running + 1) / (double)(s->jobs ? s->jobs : 1);
    unsigned v = (unsigned)ceil(wait);
    return v < 1 ? 1 : v > 300 ? 300 : v;
}

/* ---- the dispatcher's side ----------------------------------------------------- */

unsigned serve_status_of(const worker_result *r)
{
    switch (r->outcome) {
    case WORKER_DONE: return 200;
    case WORKER_FAILED:
        return r->status == SAMLA_ERR_INTERNAL || r->status == SAMLA_ERR_CONFIG || r->status == SAMLA_ERR_ABI
                   ? 500
                   : 422;
    case WORKER_PAGES:
    case WORKER_MEMORY:
    case WORKER_TIMEOUT: return 422;
    case WORKER_CRASHED:
    case WORKER_ERROR: return 500;
    }
    return 500;
}

static json_t *message_list(const char *messages)
{
    json_t *a = json_array();
    char **lines = g_strsplit(messages ? messages : "", "\n", -1);
    for (char **l = lines; *l; l++)
        if (**l) json_array_append_new(a, json_string(*l));
    g_strfreev(lines);
    return a;
}

/* From the dispatcher: the document is done (or will never run). */
static void job_done(serve_job *job, worker_result *r, unsigned http_status, const char *error)
{
    request *q = job->user;
    unsigned status = r ? serve_status_of(r) : http_status;
    char *out = NULL;
    size_t len = 0;
    const char *mime = "application/json";
    if (r && status == 200 && r->output) {
        out = r->output;
        len = r->output_len;
        r->output = NULL;
        mime = serve_format_mime(job->format);
    } else {
        json_t *o = error_object(status, job->name, r ? (r->reason ? r->reason : "failed") : error);
        if (r) {
            json_object_set_new(o, "outcome", json_string(worker_outcome_name(r->outcome)));
            if (r->pages >= 0) json_object_set_new(o, "pages", json_integer(r->pages));
            json_object_set_new(o, "messages", message_list(r->messages));
        }
        out = json_text(o, &len);
    }
    q->status = status;
    q->out = out;
    q->out_len = len;
    q->mime = mime;
    q->pages = r ? r->pages : -1;
    q->seconds = r ? r->seconds : 0;
    if (status == 503) q->retry_after = 1;
    q->state = REQ_ANSWERED;
    MHD_resume_connection(q->conn);
}

/* ---- GET ------------------------------------------------------------------------ */

static enum MHD_Result get_health(request *q)
{
    serve_http *h = q->h;
    serve_stats s = *serve_dispatch_stats(h->disp);
    json_t *j = json_object();
    json_object_set_new(j, "status", json_string(s.stopping ? "stopping" : "ok"));
    json_object_set_new(j, "version", json_string(samla_version()));
    json_object_set_new(j, "model", json_integer(samla_model_version()));
    json_object_set_new(j, "uptime_seconds", json_integer((json_int_t)(now_s() - h->started)));
    json_object_set_new(j, "workers", json_integer(s.jobs));
    json_object_set_new(j, "running", json_integer(s.running));
    json_object_set_new(j, "queued", json_integer(s.queued));
    json_object_set_new(j, "admitted", json_integer(h->admitted));
    json_object_set_new(j, "capacity", json_integer(h->o->jobs + h->o->queue));
    json_object_set_new(j, "documents", json_pack("{s:I, s:I, s:I}", "ok", (json_int_t)s.done, "refused",
                                                  (json_int_t)s.refused, "failed", (json_int_t)s.crashed));
    json_object_set_new(j, "limits",
                        json_pack("{s:I, s:f, s:I, s:i}", "max_body_bytes", (json_int_t)h->o->max_body, "timeout_seconds",
                                  h->o->lim.timeout, "max_mem_mb", (json_int_t)h->o->lim.max_mem_mb, "max_pages",
                                  h->o->lim.max_pages));
    return send_json(q, j);
}

static enum MHD_Result get_index(request *q)
{
    json_t *j = json_pack("{s:s, s:s, s:[s, s, s, s]}", "service", "samla", "version", samla_version(), "endpoints",
                          "POST /run/PIPELINE", "GET /pipelines", "GET /plugins", "GET /health");
    return send_json(q, j);
}

/* ---- POST /run ------------------------------------------------------------------- */

static bool body_append(request *q, const char *data, size_t size)
{
    size_t max = q->h->o->max_body;
    if (q->discarded || q->len + size > max) {
        q->discarded += size;
        return q->discarded <= max; /* read and drop up to the limit again, then hang up */
    }
    if (q->len + size > q->cap) {
        size_t cap = q->cap ? q->cap : 65536;
        while (cap < q->len + size) cap *= 2;
        if (cap > max) cap = max;
        unsigned char *nb = realloc(q->body, cap);
        if (!nb) return false;
        q->body = nb;
        q->cap = cap;
    }
    memcpy(q->body + q->len, data, size);
    q->len += size;
    return true;
}

/* libmicrohttpd's multipart parser: keep the first file part (a part with a
 * file name, or the field "file"), whole. */
static enum MHD_Result post_part(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                 const char *content_type, const char *transfer_encoding, const char *data,
                                 uint64_t off, size_t size)
{
    (void)kind;
    (void)content_type;
    (void)transfer_encoding;
    request *q = cls;
    if (!key) return MHD_YES;
    if (!q->part) {
        if (!filename && strcmp(key, "file") != 0) return MHD_YES;
        q->part = strdup(key);
        if (filename && !q->name) q->name = strdup(filename);
    } else if (q->part_closed || strcmp(key, q->part) != 0 || off != q->len + q->discarded) {
        q->part_closed = true; /* another part: the file is complete */
        return MHD_YES;
    }
    return size == 0 || body_append(q, data, size) ? MHD_YES : MHD_NO;
}

static bool name_ok(const char *s)
{
    if (strlen(s) > NAME_MAX_BYTES || !g_utf8_validate(s, -1, NULL)) return false;
    for (const char *p = s; *p; p = g_utf8_next_char(p))
        if (g_unichar_iscntrl(g_utf8_get_char(p))) return false;
    return *s != '\0';
}

/* First call of a POST /run: which pipeline, format and name; size and admission. */
static enum MHD_Result run_begin(request *q, const char *path)
{
    serve_http *h = q->h;
    struct MHD_Connection *c = q->conn;
    const char *name = path[4] == '/' ? path + 5 : MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "pipeline");
    if (!name || !*name)
        return send_error(q, 400, NULL, "no pipeline named: POST /run/PIPELINE (GET /pipelines lists them)");
    const pipeline_info *pi = pipeline_list_find(&h->cat->pipelines, name);
    if (!pi) return send_error(q, 404, NULL, "no pipeline '%s' (GET /pipelines lists them)", name);
    const char *qformat = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "format");
    const char *accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT);
    const char *format = serve_pick_format(h->cat, qformat, accept, DEFAULT_FORMAT);
    if (!format) {
        char *all = g_strjoinv(", ", h->cat->formats);
        enum MHD_Result r = qformat ? send_error(q, 400, NULL, "unknown format '%s' (formats: %s)", qformat, all)
                                    : send_error(q, 406, NULL, "Accept allows none of the formats (%s); use ?format=", all);
        g_free(all);
        return r;
    }
    if (!serve_catalog_writes(h->cat, pi, format))
        return send_error(q, 400, NULL, "pipeline %s cannot write format %s (GET /pipelines lists its formats)", pi->name,
                          format);
    const char *qname = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "name");
    if (qname && !name_ok(qname))
        return send_error(q, 400, NULL, "bad ?name=: at most %d bytes of UTF-8 without control characters",
                          NAME_MAX_BYTES);
    const char *length = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if (length) {
        char *end = NULL;
        unsigned long long n = strtoull(length, &end, 10);
        if (end && *end == '\0' && n > h->o->max_body)
            return send_error(q, 413, qname, "the body is %llu bytes, more than the limit of %zu (--max-body)", n,
                              h->o->max_body);
    }
    if (h->admitted >= h->o->jobs + h->o->queue) {
        q->retry_after = retry_after(h);
        return send_error(q, 503, NULL,
                          "busy: %u documents in progress, the most this server takes (--jobs %u, --queue %u); "
                          "retry after %u s",
                          h->admitted, h->o->jobs, h->o->queue, q->retry_after);
    }
    const char *ctype = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
    if (ctype && g_ascii_strncasecmp(ctype, MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA,
                                     strlen(MHD_HTTP_POST_ENCODING_MULTIPART_FORMDATA)) == 0) {
        q->pp = MHD_create_post_processor(c, POST_BUFFER, post_part, q);
        if (!q->pp) return send_error(q, 400, NULL, "malformed multipart/form-data (no boundary?)");
    }
    q->name = qname ? strdup(qname) : NULL;
    q->job.pipeline = pi;
    q->job.format = format;
    q->admitted = true;
    h->admitted++;
    return MHD_YES;
}

/* The whole body is in: hand the document to the dispatcher. */
static enum MHD_Result run_submit(request *q)
{
    serve_http *h = q->h;
    if (q->pp) {
        bool ok = MHD_destroy_post_processor(q->pp) == MHD_YES;
        q->pp = NULL;
        if (!q->part && !q->malformed) return send_error(q, 400, q->name, "no file in the multipart/form-data body (a part with a file name, or the field 'file')");
        if ((q->malformed || !ok) && !q->discarded)
            return send_error(q, 400, q->name, "malformed multipart/form-data body");
    }
    if (!q->name) q->name = strdup(DEFAULT_NAME);
    if (!name_ok(q->name)) return send_error(q, 400, NULL, "bad file name: at most %d bytes of UTF-8 without control characters", NAME_MAX_BYTES);
    if (q->discarded)
        return send_error(q, 413, q->name, "the document is more than the limit of %zu bytes (--max-body)", h->o->max_body);
    if (q->len == 0)
        return send_error(q, 400, q->name, "no document: POST its bytes as the body (or multipart/form-data with a file)");
    q->job.name = q->name;
    q->job.bytes = q->body;
    q->job.size = q->len;
    q->job.done = job_done;
    q->job.user = q;
    q->body = NULL;
    q->len = q->cap = 0;
    q->state = REQ_WAITING;
    MHD_suspend_connection(q->conn);
    if (!serve_dispatch_submit(h->disp, &q->job)) {
        free(q->job.bytes);
        q->job.bytes = NULL;
        size_t len;
        char *out = json_text(error_object(503, q->name, "the server is shutting down"), &len);
        q->status = 503;
        q->out = out;
        q->out_len = len;
        q->mime = "application/json";
        q->retry_after = 1;
        q->state = REQ_ANSWERED;
        MHD_resume_connection(q->conn);
    }
    return MHD_YES;
}

static enum MHD_Result run_answer(request *q)
{
    char *out = q->out;
    q->out = NULL;
    return send_body(q, q->status, out, q->out_len, q->mime);
}

/* ---- libmicrohttpd callbacks ------------------------------------------------------- */

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_size, void **con_cls)
{
    (void)version;
    serve_http *h = cls;
    request *q = *con_cls;
    if (!q) {
        q = calloc(1, sizeof *q);
        if (!q) return MHD_NO;
        q->h = h;
        q->conn = c;
        q->method = strdup(method);
        q->path = strdup(url);
        q->start = now_s();
        q->pages = -1;
        *con_cls = q;
        h->open++;
        if (!q->method || !q->path) return MHD_NO;
        bool get = !strcmp(method, MHD_HTTP_METHOD_GET) || !strcmp(method, MHD_HTTP_METHOD_HEAD);
        bool run = !strcmp(url, "/run") || !strncmp(url, "/run/", 5);
        if (run && strcmp(method, MHD_HTTP_METHOD_POST) != 0)
            return send_error(q, 405, NULL, "%s %s: documents are POSTed", method, url);
        if (run) return run_begin(q, url);
        bool known = !strcmp(url, "/") || !strcmp(url, "/health") || !strcmp(url, "/plugins") || !strcmp(url, "/pipelines");
        if (!known) return send_error(q, 404, NULL, "no such endpoint: %s (GET / lists them)", url);
        if (!get) return send_error(q, 405, NULL, "%s %s: only GET and HEAD", method, url);
        if (!strcmp(url, "/health")) return get_health(q);
        if (!strcmp(url, "/plugins")) return send_static(q, h->cat->plugins_json);
        if (!strcmp(url, "/pipelines")) return send_static(q, h->cat->pipelines_json);
        return get_index(q);
    }
    if (q->state == REQ_ANSWERED) return run_answer(q);
    if (q->state != REQ_BODY) return MHD_YES;
    if (*upload_size) {
        size_t n = *upload_size;
        *upload_size = 0;
        if (!q->pp) return body_append(q, upload_data, n) ? MHD_YES : MHD_NO;
        if (!q->malformed && MHD_post_process(q->pp, upload_data, n) != MHD_YES) {
            if (q->discarded > q->h->o->max_body) return MHD_NO; /* far past the limit: hang up */
            q->malformed = true;                                 /* read the rest, then say 400 */
        }
        return MHD_YES;
    }
    return run_submit(q);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)c;
    serve_http *h = cls;
    request *q = *con_cls;
    if (!q) return;
    *con_cls = NULL;
    if (!h->o->quiet) {
        const char *how = toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" : " (connection closed before the answer)";
        if (q->job.pipeline)
            fprintf(stderr, "samla serve: %s %s %u %.3f s %s%s\n", q->method ? q->method : "-", q->path ? q->path : "-",
                    q->status, now_s() - q->start, q->name ? q->name : "-", how);
        else
            fprintf(stderr, "samla serve: %s %s %u%s\n", q->method ? q->method : "-", q->path ? q->path : "-", q->status,
                    how);
    }
    if (q->pp) MHD_destroy_post_processor(q->pp);
    if (q->admitted) h->admitted--;
    h->open--;
    free(q->job.bytes);
    free(q->body);
    free(q->part);
    free(q->name);
    free(q->out);
    free(q->method);
    free(q->path);
    free(q);
}

static void on_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char *msg = g_strdup_vprintf(fmt, ap);
    g_strchomp(msg);
    fprintf(stderr, "samla serve: %s\n", msg);
    g_free(msg);
}

/* ---- start and stop ------------------------------------------------------------------ */

/* "ADDR:PORT", "[ADDR6]:PORT", ":PORT" or "PORT" into a socket address (no DNS
 * beyond what getaddrinfo does for "localhost"-style names). */
static struct addrinfo *resolve(const char *listen, char **err)
{
    char *host = NULL, *port = NULL;
    const char *colon = strrchr(listen, ':');
    if (listen[0] == '[') {
        const char *close = strchr(listen, ']');
        if (close && close[1] == ':') {
            host = g_strndup(listen + 1, (gsize)(close - listen - 1));
            port = g_strdup(close + 2);
        }
    } else if (colon) {
        host = g_strndup(listen, (gsize)(colon - listen));
        port = g_strdup(colon + 1);
    } else {
        host = g_strdup("");
        port = g_strdup(listen);
    }
    char *end = NULL;
    long pn = port ? strtol(port, &end, 10) : -1;
    if (!host || !port || !*port || !end || *end || pn < 0 || pn > 65535 || (strchr(host, ':') && listen[0] != '[')) {
        *err = g_strdup_printf("--listen wants ADDR:PORT, [ADDR6]:PORT or :PORT, not '%s'", listen);
        g_free(host);
        g_free(port);
        return NULL;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV}, *res = NULL;
    int rc = getaddrinfo(*host ? host : "127.0.0.1", port, &hints, &res);
    if (rc != 0) *err = g_strdup_printf("--listen %s: %s", listen, gai_strerror(rc));
    g_free(host);
    g_free(port);
    return rc == 0 ? res : NULL;
}

serve_http *serve_http_start(const serve_catalog *cat, serve_dispatch *d, const serve_options *o)
{
    char *err = NULL;
    struct addrinfo *ai = resolve(o->listen, &err);
    if (!ai) {
        fprintf(stderr, "samla serve: %s\n", err);
        g_free(err);
        return NULL;
    }
    serve_http *h = calloc(1, sizeof *h);
    if (!h) {
        freeaddrinfo(ai);
        return NULL;
    }
    h->cat = cat;
    h->disp = d;
    h->o = o;
    h->quiesced = MHD_INVALID_SOCKET;
    h->started = now_s();
    unsigned flags = MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
    if (ai->ai_family == AF_INET6) flags |= MHD_USE_IPv6;
    h->daemon = MHD_start_daemon(flags, 0, NULL, NULL, on_request, h,
                                 MHD_OPTION_EXTERNAL_LOGGER, on_log, h,
                                 MHD_OPTION_SOCK_ADDR, ai->ai_addr,
                                 MHD_OPTION_CONNECTION_LIMIT, (unsigned)o->max_connections,
                                 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)o->idle_timeout,
                                 MHD_OPTION_NOTIFY_COMPLETED, on_completed, h,
                                 MHD_OPTION_END);
    if (!h->daemon) {
        fprintf(stderr, "samla serve: cannot listen on %s (address in use, or not this machine's?)\n", o->listen);
        freeaddrinfo(ai);
        free(h);
        return NULL;
    }
    char host[NI_MAXHOST] = "?";
    getnameinfo(ai->ai_addr, ai->ai_addrlen, host, sizeof host, NULL, 0, NI_NUMERICHOST);
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->daemon, MHD_DAEMON_INFO_BIND_PORT);
    unsigned port = info ? info->port : 0;
    h->url = ai->ai_family == AF_INET6 ? g_strdup_printf("http://[%s]:%u/", host, port)
                                       : g_strdup_printf("http://%s:%u/", host, port);
    freeaddrinfo(ai);
    return h;
}

const char *serve_http_url(const serve_http *h) { return h->url; }

void serve_http_quiesce(serve_http *h)
{
    if (h->quiesced == MHD_INVALID_SOCKET) h->quiesced = MHD_quiesce_daemon(h->daemon);
}

unsigned serve_http_open(const serve_http *h) { return h->open; }

int serve_http_fd(const serve_http *h)
{
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->daemon, MHD_DAEMON_INFO_EPOLL_FD);
    return info ? info->epoll_fd : -1;
}

int serve_http_timeout_ms(const serve_http *h)
{
    MHD_UNSIGNED_LONG_LONG ms = 0;
    if (MHD_get_timeout(h->daemon, &ms) != MHD_YES) return -1;
    return ms > 60000 ? 60000 : (int)ms;
}

void serve_http_run(serve_http *h) { MHD_run(h->daemon); }

void serve_http_stop(serve_http *h)
{
    if (!h) return;
    MHD_stop_daemon(h->daemon);
    if (h->quiesced != MHD_INVALID_SOCKET) close(h->quiesced);
    g_free(h->url);
    free(h);
}
