/* batch_inputs.c: expanding batch inputs and grouping them by content hash (see batch_inputs.h). */
#include "batch_inputs.h"

#include <dirent.h>
#include <errno.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SNIFF_BYTES 8192
#define ZIP_TAIL_BYTES 65536

static void add_bad(batch_inputs *in, const char *path, const char *reason)
{
    if (in->nbad == in->badcap) {
        size_t cap = in->badcap ? in->badcap * 2 : 16;
        batch_bad *n = realloc(in->bad, cap * sizeof *n);
        if (!n) return;
        in->bad = n;
        in->badcap = cap;
    }
    in->bad[in->nbad].path = strdup(path);
    in->bad[in->nbad].reason = strdup(reason);
    in->nbad++;
}

/* SHA-256 of a file, streamed. false (errno set) when it cannot be read. */
static bool hash_file(const char *path, char out[65], long long *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
    unsigned char buf[65536];
    size_t n;
    long long total = 0;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        g_checksum_update(c, buf, n);
        total += (long long)n;
    }
    bool ok = !ferror(f);
    int e = errno;
    fclose(f);
    if (ok) g_strlcpy(out, g_checksum_get_string(c), 65);
    g_checksum_free(c);
    *size = total;
    errno = e;
    return ok;
}

static void add_file(batch_inputs *in, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        add_bad(in, path, strerror(errno));
        return;
    }
    if (!S_ISREG(st.st_mode)) {
        add_bad(in, path, "not a regular file");
        return;
    }
    char id[65];
    long long size = 0;
    if (!hash_file(path, id, &size)) {
        add_bad(in, path, strerror(errno));
        return;
    }
    if (!in->index) in->index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    in->npaths++;
    gpointer pos;
    batch_doc *d;
    if (g_hash_table_lookup_extended(in->index, id, NULL, &pos)) {
        d = &in->docs[GPOINTER_TO_SIZE(pos)];
        for (size_t i = 0; i < d->npaths; i++)
            if (strcmp(d->paths[i], path) == 0) return; /* the same path twice */
    } else {
        if (in->ndocs == in->cap) {
            size_t cap = in->cap ? in->cap * 2 : 64;
            batch_doc *n = realloc(in->docs, cap * sizeof *n);
            if (!n) return;
            in->docs = n;
            in->cap = cap;
        }
        d = &in->docs[in->ndocs];
        memset(d, 0, sizeof *d);
        memcpy(d->id, id, sizeof d->id);
        d->size = size;
        g_hash_table_insert(in->index, g_strdup(id), GSIZE_TO_POINTER(in->ndocs));
        in->ndocs++;
    }
    char **np = realloc(d->paths, (d->npaths + 1) * sizeof *np);
    if (!np) return;
    d->paths = np;
    d->paths[d->npaths++] = strdup(path);
}

/* PDF, DOCX or text by content (for files found in folders). */
static bool looks_like_document(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return true; /* let it fail loudly as a document */
    unsigned char buf[SNIFF_BYTES];
    size_t n = fread(buf, 1, sizeof buf, f);
    bool yes = false;
    for (size_t i = 0; i + 5 <= n && i < 1024 && !yes; i++) yes = memcmp(buf + i, "%PDF-", 5) == 0;
    if (!yes && n >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0) {
        /* a zip: a DOCX names word/document.xml in its central directory, at the end */
        static const char part[] = "word/document.xml";
        unsigned char *tail = malloc(ZIP_TAIL_BYTES);
        if (tail && fseek(f, 0, SEEK_END) == 0) {
            long end = ftell(f);
            long from = end > ZIP_TAIL_BYTES ? end - ZIP_TAIL_BYTES : 0;
            if (fseek(f, from, SEEK_SET) == 0) {
                size_t m = fread(tail, 1, ZIP_TAIL_BYTES, f);
                for (size_t i = 0; i + sizeof part - 1 <= m && !yes; i++)
                    yes = memcmp(tail + i, part, sizeof part - 1) == 0;
            }
        }
        free(tail);
    } else if (!yes && n > 0 && !memchr(buf, 0, n)) {
        const char *end = NULL;
        /* text: valid UTF-8, but for a sequence cut at the end of the sniffed bytes */
        yes = g_utf8_validate((const char *)buf, (gssize)n, &end) || (end && (size_t)((const unsigned char *)end - buf) + 4 >= n);
    }
    fclose(f);
    return yes;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void add_folder(batch_inputs *in, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        add_bad(in, dir, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue; /* ., .., and hidden entries (.git, .DS_Store) */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (!nn) break;
            names = nn;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char *p = g_build_filename(dir, names[i], NULL);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) add_folder(in, p); /* symlinked folders are not followed */
        else if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
            if (looks_like_document(p)) add_file(in, p);
            else in->skipped++;
        }
        g_free(p);
        free(names[i]);
    }
    free(names);
}

static void add_path(batch_inputs *in, const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) add_folder(in, path);
    else add_file(in, path);
}

static bool add_list(batch_inputs *in, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        if (len > 0) add_path(in, line);
    }
    free(line);
    return !ferror(f);
}

bool batch_inputs_add(batch_inputs *in, const char *arg, char **err)
{
    *err = NULL;
    if (strcmp(arg, "-") == 0) return add_list(in, stdin) || (*err = strdup("-: cannot read standard input"), false);
    if (arg[0] == '@') {
        FILE *f = fopen(arg + 1, "r");
        if (!f) {
            *err = g_strdup_printf("%s: cannot open manifest: %s", arg + 1, strerror(errno));
            return false;
        }
        bool ok = add_list(in, f);
        fclose(f);
        if (!ok) *err = g_strdup_printf("%s: cannot read manifest", arg + 1);
        return ok;
    }
    add_path(in, arg);
    return true;
}

void batch_inputs_shard(batch_inputs *in, unsigned i, unsigned n)
{
    size_t k = 0;
    for (size_t j = 0; j < in->ndocs; j++) {
        char head[9];
        memcpy(head, in->docs[j].id, 8);
        head[8] = '\0';
        unsigned long v = strtoul(head, NULL, 16);
        if (v % n == i) in->docs[k++] = in->docs[j];
        else {
            for (size_t p = 0; p < in->docs[j].npaths; p++) free(in->docs[j].paths[p]);
            free(in->docs[j].paths);
        }
    }
    in->ndocs = k;
    if (in->index) g_hash_table_remove_all(in->index); /* positions changed; no more adds after a shard */
}

void batch_inputs_free(batch_inputs *in)
{
    for (size_t j = 0; j < in->ndocs; j++) {
        for (size_t p = 0; p < in->docs[j].npaths; p++) free(in->docs[j].paths[p]);
        free(in->docs[j].paths);
    }
    free(in->docs);
    for (size_t j = 0; j < in->nbad; j++) {
        free(in->bad[j].path);
        free(in->bad[j].reason);
    }
    free(in->bad);
    if (in->index) g_hash_table_destroy(in->index);
    memset(in, 0, sizeof *in);
}

bool batch_parse_shard(const char *s, unsigned *i, unsigned *n)
{
    char *end = NULL;
    errno = 0;
    unsigned long a = strtoul(s, &end, 10);
    if (end == s || *end != '/' || errno) return false;
    const char *s2 = end + 1;
    unsigned long b = strtoul(s2, &end, 10);
    if (end == s2 || *end || errno || b == 0 || a >= b || b > 1000000) return false;
    *i = (unsigned)a;
    *n = (unsigned)b;
    return true;
}
