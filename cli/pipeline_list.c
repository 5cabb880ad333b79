/* pipeline_list.c: the pipeline files found in a runtime's pipeline folders (see pipeline_list.h). */
#include "pipeline_list.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The *.yaml file names of dir, sorted; NULL-terminated, g_strfreev. */
static char **yaml_files(const char *dir)
{
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d) return NULL;
    GPtrArray *names = g_ptr_array_new();
    const char *e;
    while ((e = g_dir_read_name(d)))
        if (g_str_has_suffix(e, ".yaml") && strlen(e) > 5) g_ptr_array_add(names, g_strdup(e));
    g_dir_close(d);
    qsort(names->pdata, names->len, sizeof(char *), by_name);
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(names, FALSE);
}

/* Adds the pipeline file dir/file under its file name's stem (what `samla run NAME` takes). */
static void add(samla_runtime *rt, GArray *items, const char *dir, const char *file)
{
    char *name = g_strndup(file, strlen(file) - 5);
    pipeline_list seen = {(pipeline_info *)(void *)items->data, items->len};
    if (pipeline_list_find(&seen, name)) {
        g_free(name);
        return;
    }
    char *path = g_build_filename(dir, file, NULL);
    samla_diag dg;
    samla_diag_init(&dg);
    samla_pipeline *p = NULL;
    if (samla_pipeline_load(rt, path, &p, &dg) == SAMLA_OK) {
        const char *desc = samla_pipeline_description(p);
        size_t n = samla_pipeline_step_count(p);
        pipeline_info info = {strdup(name), strdup(desc ? desc : ""), strdup(path), calloc(n + 1, sizeof(char *))};
        for (size_t i = 0; info.steps && i < n; i++) info.steps[i] = strdup(samla_pipeline_step_plugin(p, i)->name);
        g_array_append_val(items, info);
    }
    samla_diag_clear(&dg);
    samla_pipeline_free(p);
    g_free(path);
    g_free(name);
}

size_t pipeline_list_load(samla_runtime *rt, pipeline_list *out)
{
    GArray *items = g_array_new(FALSE, TRUE, sizeof(pipeline_info));
    for (const char *const *dir = samla_runtime_pipeline_dirs(rt); *dir; dir++) {
        char **files = yaml_files(*dir);
        for (char **f = files; f && *f; f++) add(rt, items, *dir, *f);
        g_strfreev(files);
    }
    out->count = items->len;
    out->items = (pipeline_info *)(void *)g_array_free(items, FALSE);
    return out->count;
}

const pipeline_info *pipeline_list_find(const pipeline_list *l, const char *name)
{
    for (size_t i = 0; name && i < l->count; i++)
        if (strcmp(l->items[i].name, name) == 0) return &l->items[i];
    return NULL;
}

void pipeline_list_clear(pipeline_list *l)
{
    for (size_t i = 0; i < l->count; i++) {
        pipeline_info *p = &l->items[i];
        free(p->name);
        free(p->description);
        free(p->path);
        for (char **s = p->steps; s && *s; s++) free(*s);
        free(p->steps);
    }
    g_free(l->items);
    l->items = NULL;
    l->count = 0;
}
