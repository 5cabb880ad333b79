/* runtime.c: plugin discovery and loading (dlopen); the search folders are set up in search_dirs.c. */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "runtime_internal.h"

static void list_free(char **l)
{
    for (size_t i = 0; l && l[i]; i++) free(l[i]);
    free(l);
}

samla_runtime *samla_runtime_new(const char *exe_dir)
{
    samla_runtime *rt = calloc(1, sizeof *rt);
    if (!rt) return NULL;
    samla_search_dirs_init(rt, exe_dir);
    return rt;
}

void samla_runtime_free(samla_runtime *rt)
{
    if (!rt) return;
    for (size_t i = 0; i < rt->nplugins; i++) {
        free(rt->plugins[i].path);
        if (rt->plugins[i].handle) dlclose(rt->plugins[i].handle);
    }
    free(rt->plugins);
    list_free(rt->plugin_dirs);
    list_free(rt->pipeline_dirs);
    list_free(rt->data_dirs);
    free(rt);
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t ls = strlen(s), lf = strlen(suf);
    return ls >= lf && strcmp(s + ls - lf, suf) == 0;
}

samla_status samla_runtime_load_plugin_file(samla_runtime *rt, const char *path, samla_diag *diag)
{
    /* One thread per document in libraries plugins bring in (Tesseract's
     * OpenMP, read when libgomp loads with the plugin): samla runs documents
     * side by side (batch workers), and OpenMP's spinning threads made OCR
     * 3.5 times slower on a shared 2-core machine. A value the user set wins. */
    setenv("OMP_THREAD_LIMIT", "1", 0);
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0, "cannot load plugin: %s", dlerror());
        return SAMLA_ERR_CONFIG;
    }
    samla_plugin_entry_fn entry;
    void *sym = dlsym(h, SAMLA_PLUGIN_ENTRY_NAME);
    memcpy(&entry, &sym, sizeof entry);
    if (!sym) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0,
                          "not a samla plugin: no entry symbol '%s'", SAMLA_PLUGIN_ENTRY_NAME);
        dlclose(h);
        return SAMLA_ERR_CONFIG;
    }
    const samla_plugin *d = entry();
    if (!d) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0, "plugin entry returned no descriptor");
        dlclose(h);
        return SAMLA_ERR_CONFIG;
    }
    if (d->abi_major != SAMLA_ABI_MAJOR || d->abi_minor > SAMLA_ABI_MINOR) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0,
                          "plugin '%s' was built for samla plugin ABI %u.%u; this samla has ABI %d.%d",
                          d->abi_major == SAMLA_ABI_MAJOR && d->struct_size >= 24 && d->name ? d->name : "?",
                          d->abi_major, d->abi_minor, SAMLA_ABI_MAJOR, SAMLA_ABI_MINOR);
        dlclose(h);
        return SAMLA_ERR_ABI;
    }
    if (d->struct_size < offsetof(samla_plugin, fini) + sizeof(void (*)(void *)) || !d->name ||
        !d->process || (unsigned)d->stage > SAMLA_STAGE_WRITER) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0,
                          "plugin descriptor is incomplete (needs name, stage and process)");
        dlclose(h);
        return SAMLA_ERR_ABI;
    }
    if (samla_runtime_find_plugin(rt, d->name)) {
        samla_diag_add_at(diag, SAMLA_SEV_WARNING, path, 0,
                          "plugin '%s' already loaded from another folder; this copy is ignored", d->name);
        dlclose(h);
        return SAMLA_OK;
    }
    if (rt->nplugins == rt->cap) {
        size_t cap = rt->cap ? rt->cap * 2 : 16;
        loaded_plugin *p = realloc(rt->plugins, cap * sizeof *p);
        if (!p) {
            dlclose(h);
            return SAMLA_ERR_NOMEM;
        }
        rt->plugins = p;
        rt->cap = cap;
    }
    loaded_plugin *lp = &rt->plugins[rt->nplugins];
    memset(lp, 0, sizeof *lp);
    size_t n = d->struct_size < sizeof(samla_plugin) ? d->struct_size : sizeof(samla_plugin);
    memcpy(&lp->desc, d, n); /* fields a newer core added stay zero */
    lp->handle = h;
    lp->path = strdup(path);
    rt->nplugins++;
    return SAMLA_OK;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

samla_status samla_runtime_load_plugins(samla_runtime *rt, samla_diag *diag)
{
    samla_status worst = SAMLA_OK;
    for (size_t i = 0; rt->plugin_dirs && rt->plugin_dirs[i]; i++) {
        DIR *d = opendir(rt->plugin_dirs[i]);
        if (!d) continue;
        char **names = NULL;
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (!has_suffix(e->d_name, ".so")) continue;
            char **nn = realloc(names, (n + 1) * sizeof *nn);
            if (!nn) break;
            names = nn;
            names[n++] = strdup(e->d_name);
        }
        closedir(d);
        if (names) qsort(names, n, sizeof *names, cmp_str);
        for (size_t k = 0; k < n; k++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", rt->plugin_dirs[i], names[k]);
            samla_status st = samla_runtime_load_plugin_file(rt, path, diag);
            if (st != SAMLA_OK) worst = st;
            free(names[k]);
        }
        free(names);
    }
    return worst;
}

size_t samla_runtime_plugin_count(const samla_runtime *rt) { return rt->nplugins; }

const samla_plugin *samla_runtime_plugin_at(const samla_runtime *rt, size_t i)
{
    return i < rt->nplugins ? &rt->plugins[i].desc : NULL;
}

const char *samla_runtime_plugin_path(const samla_runtime *rt, size_t i)
{
    return i < rt->nplugins ? rt->plugins[i].path : NULL;
}

const samla_plugin *samla_runtime_find_plugin(const samla_runtime *rt, const char *name)
{
    for (size_t i = 0; i < rt->nplugins; i++)
        if (strcmp(rt->plugins[i].desc.name, name) == 0) return &rt->plugins[i].desc;
    return NULL;
}

const samla_plugin *samla_runtime_find_writer(const samla_runtime *rt, const char *format)
{
    for (size_t i = 0; i < rt->nplugins; i++) {
        const samla_plugin *p = &rt->plugins[i].desc;
        if (p->stage != SAMLA_STAGE_WRITER || !p->accepts) continue;
        for (const char *const *a = p->accepts; *a; a++)
            if (strcmp(*a, format) == 0) return p;
    }
    return NULL;
}

static bool is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

char *samla_runtime_find_pipeline(const samla_runtime *rt, const char *name)
{
    if (!strchr(name, '/')) {
        for (size_t i = 0; rt->pipeline_dirs && rt->pipeline_dirs[i]; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s%s", rt->pipeline_dirs[i], name,
                     has_suffix(name, ".yaml") ? "" : ".yaml");
            if (is_file(path)) return strdup(path);
        }
    }
    return is_file(name) ? strdup(name) : NULL;
}

static const char *const no_dirs[] = {NULL};

const char *const *samla_runtime_pipeline_dirs(const samla_runtime *rt)
{
    return rt->pipeline_dirs ? (const char *const *)rt->pipeline_dirs : no_dirs;
}

const char *const *samla_runtime_plugin_dirs(const samla_runtime *rt)
{
    return rt->plugin_dirs ? (const char *const *)rt->plugin_dirs : no_dirs;
}

char *samla_runtime_find_data(const samla_runtime *rt, const char *name)
{
    for (size_t i = 0; rt->data_dirs && rt->data_dirs[i]; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", rt->data_dirs[i], name);
        if (is_file(path)) return strdup(path);
    }
    return NULL;
}

samla_status samla_runtime_load_data(const samla_runtime *rt, samla_arena *a, const char *name,
                                     samla_node **out, samla_diag *diag)
{
    *out = NULL;
    char *path = samla_runtime_find_data(rt, name);
    if (!path) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "data file '%s' not found in the data folders", name);
        return SAMLA_ERR_CONFIG;
    }
    samla_status st = samla_model_load_file(a, path, out, diag);
    free(path);
    return st;
}
