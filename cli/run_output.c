/* run_output.c: the files `samla run -o DIR` writes: names, temporary files,
 * cleanup on signals and after a killed run (see run_output.h). */
#include "run_output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "samla/samla.h"

#define TMP_PREFIX ".samla-"
#define TMP_SUFFIX ".tmp"

struct run_output {
    char *dir;
    char *format;
    bool quiet;
    GHashTable *used;  /* output names (basename) given out in this run -> input */
    char *path;        /* final path of the open file */
    struct sigaction old[3];
};

/* The temporary file being written, for the signal handler: a fixed buffer
 * (nothing to allocate in a handler) and a flag set once the name is valid. */
static char live_tmp[4096];
static volatile sig_atomic_t live;
static const int caught[3] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
    if (live) unlink(live_tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Removes DIR/.samla-PID-XXXXXX.tmp files whose process is gone. */
static void clean_stale(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        long pid = 0;
        char rand[8];
        int len = 0;
        if (sscanf(e->d_name, TMP_PREFIX "%ld-%6[A-Za-z0-9]" TMP_SUFFIX "%n", &pid, rand, &len) != 2) continue;
        if ((size_t)len != strlen(e->d_name) || pid <= 0 || pid == (long)getpid()) continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue; /* alive, or not ours to judge */
        char *p = g_build_filename(dir, e->d_name, NULL);
        unlink(p);
        g_free(p);
    }
    closedir(d);
}

run_output *run_output_new(const char *dir, const char *format, bool quiet)
{
    if (g_mkdir_with_parents(dir, 0777) != 0) {
        char *name = samla_path_display(dir);
        fprintf(stderr, "samla: %s: cannot create folder: %s\n", name, strerror(errno));
        free(name);
        return NULL;
    }
    run_output *o = calloc(1, sizeof *o);
    if (!o) return NULL;
    o->dir = strdup(dir);
    o->format = strdup(format);
    o->quiet = quiet;
    o->used = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    clean_stale(dir);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < 3; i++) sigaction(caught[i], &sa, &o->old[i]);
    return o;
}

/* <base><suffix>.<format>[.json]: the JSON-based exports keep .json last, so other tools know the file. */
static char *output_name(const char *base, const char *format, int n)
{
    bool json_based = strcmp(format, "yaml") != 0 && strcmp(format, "json") != 0;
    char suffix[16] = "";
    if (n > 1) snprintf(suffix, sizeof suffix, "~%d", n);
    return g_strdup_printf("%s%s.%s%s", base, suffix, format, json_based ? ".json" : "");
}

FILE *run_output_open(run_output *o, const char *input)
{
    char *base = g_path_get_basename(input);
    char *plain = output_name(base, o->format, 1);
    char *name = g_strdup(plain);
    for (int n = 2; g_hash_table_contains(o->used, name); n++) {
        g_free(name);
        name = output_name(base, o->format, n);
    }
    g_free(base);
    const char *first = strcmp(plain, name) != 0 ? g_hash_table_lookup(o->used, plain) : NULL;
    if (first && !o->quiet) {
        char *in = samla_path_display(input), *was = samla_path_display(first);
        char *p1 = samla_path_display(plain), *to = samla_path_display(name);
        fprintf(stderr, "samla: %s: note: %s is taken by %s in this run: writing %s\n", in, p1, was, to);
        free(in);
        free(was);
        free(p1);
        free(to);
    }
    g_free(plain);
    g_hash_table_insert(o->used, name, g_strdup(input)); /* the table owns name */
    o->path = g_build_filename(o->dir, name, NULL);

    /* the signals are held from the file's creation until the handler knows its name: a SIGTERM in between
     * would leave the file behind */
    sigset_t hold, was;
    sigemptyset(&hold);
    for (int i = 0; i < 3; i++) sigaddset(&hold, caught[i]);
    sigprocmask(SIG_BLOCK, &hold, &was);
    int n = snprintf(live_tmp, sizeof live_tmp, "%s/" TMP_PREFIX "%ld-XXXXXX" TMP_SUFFIX, o->dir, (long)getpid());
    int fd = -1;
    if (n > 0 && (size_t)n < sizeof live_tmp) fd = g_mkstemp_full(live_tmp, O_WRONLY | O_CLOEXEC, 0666);
    else errno = ENAMETOOLONG;
    int mkstemp_errno = errno;
    if (fd >= 0) live = 1;
    sigprocmask(SIG_SETMASK, &was, NULL);
    errno = mkstemp_errno;
    FILE *f = NULL;
    if (fd >= 0) {
        f = fdopen(fd, "wb");
        if (!f) {
            int err = errno;
            close(fd);
            unlink(live_tmp);
            live = 0;
            errno = err;
        }
    }
    if (!f) {
        char *shown = samla_path_display(o->path);
        fprintf(stderr, "samla: %s: cannot write: %s\n", shown, strerror(errno));
        free(shown);
        g_free(o->path);
        o->path = NULL;
    }
    return f;
}

bool run_output_commit(run_output *o, FILE *f, bool ok)
{
    int err = 0;
    if (fflush(f) != 0) err = errno;
    if (fclose(f) != 0 && !err) err = errno;
    bool done = false;
    if (ok && !err) {
        if (rename(live_tmp, o->path) == 0) done = true;
        else err = errno;
    }
    if (!done) unlink(live_tmp);
    live = 0;
    if (ok && !done) {
        char *shown = samla_path_display(o->path);
        fprintf(stderr, "samla: %s: cannot write: %s\n", shown, strerror(err));
        free(shown);
    }
    g_free(o->path);
    o->path = NULL;
    return !ok || done;
}

void run_output_free(run_output *o)
{
    if (!o) return;
    for (int i = 0; i < 3; i++) sigaction(caught[i], &o->old[i], NULL);
    g_hash_table_destroy(o->used);
    free(o->dir);
    free(o->format);
    free(o);
}
