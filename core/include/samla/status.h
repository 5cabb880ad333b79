/* status.h: status codes and diagnostics.
 *
 * Every fallible function in libsamla and every plugin callback returns a
 * samla_status. Human-readable detail goes into a samla_diag list (file,
 * page, message) that the caller prints; the library never prints and never
 * exits. */
#ifndef SAMLA_STATUS_H
#define SAMLA_STATUS_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum samla_status {
    SAMLA_OK = 0,
    SAMLA_ERR_IO,          /* file cannot be opened or read */
    SAMLA_ERR_FORMAT,      /* damaged or unsupported input */
    SAMLA_ERR_ENCRYPTED,   /* password-protected input */
    SAMLA_ERR_NO_TEXT,     /* no text layer (scanned pages) */
    SAMLA_ERR_LIMIT,       /* a size or decompression cap was hit */
    SAMLA_ERR_CONFIG,      /* bad pipeline, option or plugin */
    SAMLA_ERR_ABI,         /* plugin built for another ABI */
    SAMLA_ERR_NOMEM,       /* allocation failed */
    SAMLA_ERR_INTERNAL     /* a bug: should not happen */
} samla_status;

/* Short English name of a status ("damaged file", "encrypted", ...). Static. */
const char *samla_status_str(samla_status st);

typedef enum samla_severity {
    SAMLA_SEV_INFO = 0,
    SAMLA_SEV_WARNING,
    SAMLA_SEV_ERROR
} samla_severity;

typedef struct samla_diag_msg {
    samla_severity severity;
    char *file;     /* may be NULL */
    int page;       /* 0 = not about one page */
    int line;       /* 0 = not about one line (pipeline files) */
    char *plugin;   /* may be NULL */
    char *message;
} samla_diag_msg;

/* A growable list of messages. Owns its strings. Not thread-safe; one per
 * document or per pipeline load. */
typedef struct samla_diag {
    samla_diag_msg *msgs;
    size_t count, cap;
    const char *file;    /* default file for new messages (not owned) */
    const char *plugin;  /* default plugin for new messages (not owned) */
} samla_diag;

void samla_diag_init(samla_diag *d);
/* Frees every message; the struct can be reused after samla_diag_init. */
void samla_diag_clear(samla_diag *d);
/* Appends a message; file and plugin default to d->file / d->plugin. */
void samla_diag_add(samla_diag *d, samla_severity sev, int page, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void samla_diag_addv(samla_diag *d, samla_severity sev, int page, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
/* Like samla_diag_add with an explicit file and line (pipeline errors). */
void samla_diag_add_at(samla_diag *d, samla_severity sev, const char *file, int line,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Number of messages at or above sev. */
size_t samla_diag_count(const samla_diag *d, samla_severity sev);
/* Formats one message as "file:line: message" / "file: page 3: message". Caller frees. */
char *samla_diag_format(const samla_diag_msg *m);

#ifdef __cplusplus
}
#endif
#endif
