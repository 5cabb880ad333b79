/* pipeline_list.h: the pipeline files this installation can run (`samla pipelines`, `samla serve`). */
#ifndef SAMLA_CLI_PIPELINE_LIST_H
#define SAMLA_CLI_PIPELINE_LIST_H

#include <stddef.h>

#include "samla/samla.h"

typedef struct pipeline_info {
    char *name;        /* the file name without .yaml: what `samla run NAME` takes ("protocol") */
    char *description; /* may be empty */
    char *path;        /* the file */
    char **steps;      /* plugin names in order, NULL-terminated */
} pipeline_info;

typedef struct pipeline_list {
    pipeline_info *items;
    size_t count;
} pipeline_list;

/* Every *.yaml in rt's pipeline folders that loads as a pipeline, in folder
 * order then file name order. A name found twice is kept once (the first: the
 * one `samla run NAME` finds). Files that do not load are skipped. Returns
 * the number found; the strings are malloc'd and owned by out: free with
 * pipeline_list_clear. */
size_t pipeline_list_load(samla_runtime *rt, pipeline_list *out);
/* The pipeline called name, or NULL. */
const pipeline_info *pipeline_list_find(const pipeline_list *l, const char *name);
void pipeline_list_clear(pipeline_list *l);

#endif
