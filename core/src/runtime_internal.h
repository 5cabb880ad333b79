/* runtime_internal.h: structures shared by runtime.c, pipeline.c and run.c. Not installed. */
#ifndef SAMLA_RUNTIME_INTERNAL_H
#define SAMLA_RUNTIME_INTERNAL_H

#include <yaml.h>

#include "samla/runtime.h"

typedef struct loaded_plugin {
    void *handle;             /* dlopen handle */
    char *path;
    samla_plugin desc;        /* copy, zero-extended to the current struct size */
} loaded_plugin;

struct samla_runtime {
    char **plugin_dirs;       /* NULL-terminated, malloc'd */
    char **pipeline_dirs;
    char **data_dirs;
    loaded_plugin *plugins;
    size_t nplugins, cap;
};

/* A step's `when:` conditions (step_when.c): bit i of kinds is samla_document_kinds()[i], of formats
 * pdf, docx, text; 0 means no condition on it. */
typedef struct step_when {
    bool set;
    unsigned kinds, formats;
    int line;                 /* line of `when` in the pipeline file */
} step_when;

typedef struct pipeline_step {
    const samla_plugin *plugin;
    void *config;             /* config_size bytes, malloc'd */
    void *state;              /* from init */
    bool started;
    int line;                 /* line in the pipeline file */
    samla_arena *opt_arena;   /* strings of parsed options */
    step_when when;
} pipeline_step;

struct samla_pipeline {
    samla_runtime *rt;
    char *path, *dir, *name, *description;
    pipeline_step *steps;
    size_t nsteps;
    bool started;
};

/* format.c: "pdf", "docx" or "text" from the input's bytes, or NULL with
 * *why (static text) saying what the file is instead ("empty file (0
 * bytes)", "HTML document", "PNG image"); *empty tells an input without
 * content (zero bytes, only white space) from one in another format. */
const char *samla_detect_format(const unsigned char *b, size_t n, const char **why, bool *empty);

/* step_when.c: parses a step's `when:` mapping into *out (errors with file and line). */
samla_status samla_step_when_parse(yaml_document_t *doc, yaml_node_t *node, const char *file, step_when *out,
                                   samla_diag *diag);
/* step_when.c: true when every condition of w holds for ctx's document (format, document.kind). */
bool samla_step_when_holds(const step_when *w, const samla_ctx *ctx);

/* options.c */
samla_status samla_options_defaults(const samla_plugin *pl, void *config, samla_arena *a,
                                    const char *base_dir, samla_diag *diag);
samla_status samla_option_set(const samla_plugin *pl, void *config, samla_arena *a,
                              const char *base_dir, const char *key, const char *const *values,
                              size_t nvalues, bool is_list, const char *file, int line,
                              samla_diag *diag);
/* search_dirs.c: appends colon_list's folders to list (NULL-terminated, malloc'd), skipping
 * duplicates; returns the list. */
char **samla_split_dirs(char **list, const char *colon_list);
/* search_dirs.c: fills rt's plugin, pipeline and data folders (environment, beside exe_dir,
 * the install prefixes of the binary and of libsamla, the configured prefix). */
void samla_search_dirs_init(samla_runtime *rt, const char *exe_dir);
#endif
