/* batch_inputs.h: what `samla batch` reads: files, folders (recursive, by
 * content), @manifests and stdin, grouped into distinct documents by the
 * SHA-256 of their bytes, and sliced into shards. */
#ifndef SAMLA_CLI_BATCH_INPUTS_H
#define SAMLA_CLI_BATCH_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

/* One distinct document: its id and every path it was given under, in input order. */
typedef struct batch_doc {
    char id[65];
    char **paths;
    size_t npaths;
    long long size;
} batch_doc;

/* A path that could not be read (missing, unreadable, not a file). */
typedef struct batch_bad {
    char *path;
    char *reason;
} batch_bad;

typedef struct batch_inputs {
    batch_doc *docs;
    size_t ndocs, cap;
    batch_bad *bad;
    size_t nbad, badcap;
    size_t npaths;          /* paths taken */
    size_t skipped;         /* files in folders that are neither PDF, DOCX nor text */
    void *index;            /* id -> doc (GHashTable) */
} batch_inputs;

/* Adds one command-line argument: "-" (paths on stdin, one a line),
 * "@FILE" (paths in FILE, one a line), a folder (every PDF, DOCX and text
 * file below it, by content, hidden entries skipped, in sorted order) or a
 * file (taken whatever it holds: a bad file is a failed document, not a
 * skipped one). Returns false with *err (malloc'd) only for a usage error:
 * an unreadable manifest. Unreadable paths go to bad. */
bool batch_inputs_add(batch_inputs *in, const char *arg, char **err);
/* Keeps the documents of shard i of n (0 <= i < n): those whose id, read as
 * a number from its first 8 hex digits, is i modulo n. */
void batch_inputs_shard(batch_inputs *in, unsigned i, unsigned n);
void batch_inputs_free(batch_inputs *in);

/* "I/N" into i and n; false when malformed or i >= n. */
bool batch_parse_shard(const char *s, unsigned *i, unsigned *n);

#endif
