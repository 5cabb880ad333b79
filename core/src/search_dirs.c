/* search_dirs.c: the folders a runtime searches for plugins, pipelines and data.
 *
 * In order (the first plugin of a name wins):
 *   1. $SAMLA_PLUGIN_PATH, $SAMLA_PIPELINE_PATH, $SAMLA_DATA_PATH: the user's explicit choice;
 *   2. beside the running binary: EXE_DIR/plugins, EXE_DIR/pipelines, EXE_DIR/data (a build tree);
 *   3. the install prefix the binary sits in: EXE_DIR is PREFIX/<bindir>;
 *   4. the install prefix libsamla sits in (found with dladdr): its folder is PREFIX/<libdir>, so a
 *      program embedding libsamla finds the plugins installed with it;
 *   5. the prefix configured at build time (CMAKE_INSTALL_FULL_*), as a last resort.
 * Steps 3 and 4 use the install layout relative to the prefix (GNUInstallDirs: <bindir>, <libdir>,
 * <datadir>, passed by core/CMakeLists.txt), so a prefix that was moved, or a package staged with
 * DESTDIR and unpacked elsewhere, still finds its own files. Plugins live in <libdir>/samla/plugins,
 * pipelines and data in <datadir>/samla/{pipelines,data}. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* dladdr */
#endif
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "runtime_internal.h"

#ifndef SAMLA_INSTALL_BINDIR
#define SAMLA_INSTALL_BINDIR "bin"
#endif
#ifndef SAMLA_INSTALL_LIBDIR
#define SAMLA_INSTALL_LIBDIR "lib"
#endif
#ifndef SAMLA_INSTALL_DATADIR
#define SAMLA_INSTALL_DATADIR "share"
#endif
#ifndef SAMLA_INSTALL_FULL_LIBDIR
#define SAMLA_INSTALL_FULL_LIBDIR "/usr/local/lib"
#endif
#ifndef SAMLA_INSTALL_FULL_DATADIR
#define SAMLA_INSTALL_FULL_DATADIR "/usr/local/share"
#endif

/* Adds dir (a copy) to the NULL-terminated list unless it is already there. */
static char **list_add(char **l, const char *dir)
{
    size_t n = 0;
    for (; l && l[n]; n++)
        if (strcmp(l[n], dir) == 0) return l;
    char **nl = realloc(l, (n + 2) * sizeof *nl);
    if (!nl) return l;
    nl[n] = strdup(dir);
    nl[n + 1] = NULL;
    return nl;
}

char **samla_split_dirs(char **list, const char *colon_list)
{
    if (!colon_list) return list;
    char **parts = g_strsplit(colon_list, ":", -1);
    for (char **p = parts; *p; p++)
        if (**p) list = list_add(list, *p);
    g_strfreev(parts);
    return list;
}

static char **add_dir(char **l, const char *base, const char *sub)
{
    char *path = g_build_filename(base, sub, NULL);
    l = list_add(l, path);
    g_free(path);
    return l;
}

/* The prefix dir is installed in, when dir ends in "/" + rel (a relative install dir such as
 * "lib/x86_64-linux-gnu"); g_free'd string or NULL. */
static char *prefix_of(const char *dir, const char *rel)
{
    if (!dir || g_path_is_absolute(rel)) return NULL;
    char *canon = g_canonicalize_filename(dir, "/");
    size_t ld = strlen(canon), lr = strlen(rel);
    char *prefix = NULL;
    if (ld > lr && strcmp(canon + ld - lr, rel) == 0 && canon[ld - lr - 1] == '/')
        prefix = ld - lr - 1 == 0 ? g_strdup("/") : g_strndup(canon, ld - lr - 1);
    g_free(canon);
    return prefix;
}

/* Adds the plugin, pipeline and data folders of an install prefix. */
static void add_prefix(samla_runtime *rt, const char *prefix)
{
    if (!prefix) return;
    char *lib = g_build_filename(prefix, SAMLA_INSTALL_LIBDIR, NULL);
    char *share = g_build_filename(prefix, SAMLA_INSTALL_DATADIR, NULL);
    rt->plugin_dirs = add_dir(rt->plugin_dirs, lib, "samla/plugins");
    rt->pipeline_dirs = add_dir(rt->pipeline_dirs, share, "samla/pipelines");
    rt->data_dirs = add_dir(rt->data_dirs, share, "samla/data");
    g_free(lib);
    g_free(share);
}

/* Folder of the libsamla file this code runs from; g_free'd string or NULL. */
static char *library_dir(void)
{
    Dl_info info;
    void *self = (void *)(uintptr_t)&samla_runtime_new;
    if (!dladdr(self, &info) || !info.dli_fname || !*info.dli_fname) return NULL;
    char *real = realpath(info.dli_fname, NULL);
    char *dir = g_path_get_dirname(real ? real : info.dli_fname);
    free(real);
    return dir;
}

void samla_search_dirs_init(samla_runtime *rt, const char *exe_dir)
{
    rt->plugin_dirs = samla_split_dirs(rt->plugin_dirs, getenv("SAMLA_PLUGIN_PATH"));
    rt->pipeline_dirs = samla_split_dirs(rt->pipeline_dirs, getenv("SAMLA_PIPELINE_PATH"));
    rt->data_dirs = samla_split_dirs(rt->data_dirs, getenv("SAMLA_DATA_PATH"));
    if (exe_dir) {
        rt->plugin_dirs = add_dir(rt->plugin_dirs, exe_dir, "plugins");
        rt->pipeline_dirs = add_dir(rt->pipeline_dirs, exe_dir, "pipelines");
        rt->data_dirs = add_dir(rt->data_dirs, exe_dir, "data");
        char *prefix = prefix_of(exe_dir, SAMLA_INSTALL_BINDIR);
        add_prefix(rt, prefix);
        g_free(prefix);
    }
    char *libdir = library_dir();
    char *prefix = prefix_of(libdir, SAMLA_INSTALL_LIBDIR);
    add_prefix(rt, prefix);
    g_free(prefix);
    g_free(libdir);
    rt->plugin_dirs = add_dir(rt->plugin_dirs, SAMLA_INSTALL_FULL_LIBDIR, "samla/plugins");
    rt->pipeline_dirs = add_dir(rt->pipeline_dirs, SAMLA_INSTALL_FULL_DATADIR, "samla/pipelines");
    rt->data_dirs = add_dir(rt->data_dirs, SAMLA_INSTALL_FULL_DATADIR, "samla/data");
}
