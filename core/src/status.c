/* status.c: status names and the diagnostics list. */
#include "samla/status.h"
#include "samla/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *samla_status_str(samla_status st)
{
    switch (st) {
    case SAMLA_OK: return "ok";
    case SAMLA_ERR_IO: return "cannot read file";
    case SAMLA_ERR_FORMAT: return "damaged or unsupported file";
    case SAMLA_ERR_ENCRYPTED: return "encrypted";
    case SAMLA_ERR_NO_TEXT: return "no text layer";
    case SAMLA_ERR_LIMIT: return "size limit exceeded";
    case SAMLA_ERR_CONFIG: return "configuration error";
    case SAMLA_ERR_ABI: return "plugin ABI mismatch";
    case SAMLA_ERR_NOMEM: return "out of memory";
    case SAMLA_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

void samla_diag_init(samla_diag *d) { memset(d, 0, sizeof *d); }

void samla_diag_clear(samla_diag *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->msgs[i].file);
        free(d->msgs[i].plugin);
        free(d->msgs[i].message);
    }
    free(d->msgs);
    d->msgs = NULL;
    d->count = d->cap = 0;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void diag_push(samla_diag *d, samla_severity sev, const char *file, int page, int line,
                      const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
static void diag_push(samla_diag *d, samla_severity sev, const char *file, int page, int line,
                      const char *fmt, va_list ap)
{
    if (!d) return;
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        samla_diag_msg *m = realloc(d->msgs, cap * sizeof *m);
        if (!m) return; /* messages are best effort under OOM */
        d->msgs = m;
        d->cap = cap;
    }
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    samla_diag_msg *m = &d->msgs[d->count++];
    m->severity = sev;
    m->file = dup_or_null(file);
    m->page = page;
    m->line = line;
    m->plugin = dup_or_null(d->plugin);
    m->message = strdup(buf);
}

void samla_diag_addv(samla_diag *d, samla_severity sev, int page, const char *fmt, va_list ap)
{
    if (d) diag_push(d, sev, d->file, page, 0, fmt, ap);
}

void samla_diag_add(samla_diag *d, samla_severity sev, int page, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    samla_diag_addv(d, sev, page, fmt, ap);
    va_end(ap);
}

void samla_diag_add_at(samla_diag *d, samla_severity sev, const char *file, int line,
                       const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (d) diag_push(d, sev, file, 0, line, fmt, ap);
    va_end(ap);
}

size_t samla_diag_count(const samla_diag *d, samla_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; d && i < d->count; i++)
        if (d->msgs[i].severity >= sev) n++;
    return n;
}

char *samla_diag_format(const samla_diag_msg *m)
{
    char where[512] = "";
    size_t off = 0;
    if (m->file) {
        char *name = samla_path_display(m->file); /* a non-UTF-8 name escaped, never raw bytes */
        off += (size_t)snprintf(where + off, sizeof where - off, "%s", name ? name : "?");
        free(name);
        if (off >= sizeof where) off = sizeof where - 1;
    }
    if (m->line > 0 && off < sizeof where)
        off += (size_t)snprintf(where + off, sizeof where - off, ":%d", m->line);
    if (m->page > 0 && off < sizeof where)
        off += (size_t)snprintf(where + off, sizeof where - off, "%spage %d", off ? ": " : "", m->page);
    const char *sev = m->severity == SAMLA_SEV_WARNING ? "warning: "
                      : m->severity == SAMLA_SEV_INFO  ? "note: "
                                                       : "";
    size_t n = strlen(where) + strlen(m->message) + 64;
    char *out = malloc(n);
    if (!out) return NULL;
    snprintf(out, n, "%s%s%s%s", where, where[0] ? ": " : "", sev, m->message);
    return out;
}
