/* runtime.h: loading plugins and pipelines and running them over documents.
 *
 * A samla_runtime holds the search paths and the plugins found; a
 * samla_pipeline is a checked list of steps with parsed options. Neither
 * uses global state: several runtimes can live in one process and a forked
 * worker can use its parent's. */
#ifndef SAMLA_RUNTIME_H
#define SAMLA_RUNTIME_H

#include <stdbool.h>
#include <stdio.h>
#include "samla/model.h"
#include "samla/plugin.h"
#include "samla/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct samla_pipeline samla_pipeline;

/* Folders searched, in order: $SAMLA_PLUGIN_PATH / $SAMLA_PIPELINE_PATH /
 * $SAMLA_DATA_PATH (colon-separated); if exe_dir (folder of the running
 * binary; may be NULL) is given, plugins/, pipelines/, data/ beside it (a
 * build tree) and the install prefix it sits in (PREFIX/bin); the install
 * prefix libsamla itself sits in (PREFIX/<libdir>), so an embedding program
 * needs no exe_dir; last the prefix configured at build time. Plugins are
 * in <libdir>/samla/plugins, pipelines and data in <datadir>/samla/.
 * Free with samla_runtime_free. */
samla_runtime *samla_runtime_new(const char *exe_dir);
void samla_runtime_free(samla_runtime *rt);

/* Loads every *.so in the plugin folders. Bad plugins (no entry symbol,
 * other ABI, duplicate name) are skipped with a diagnostic each. */
samla_status samla_runtime_load_plugins(samla_runtime *rt, samla_diag *diag);
/* Loads one plugin file (for tests and --plugin). */
samla_status samla_runtime_load_plugin_file(samla_runtime *rt, const char *path, samla_diag *diag);
/* The loaded plugins and the files they came from, by index or name; owned
 * by rt (valid until samla_runtime_free). NULL past the end or when absent. */
size_t samla_runtime_plugin_count(const samla_runtime *rt);
const samla_plugin *samla_runtime_plugin_at(const samla_runtime *rt, size_t i);
const char *samla_runtime_plugin_path(const samla_runtime *rt, size_t i);
const samla_plugin *samla_runtime_find_plugin(const samla_runtime *rt, const char *name);
/* First writer plugin producing format ("yaml", "json"), or NULL; owned by rt. */
const samla_plugin *samla_runtime_find_writer(const samla_runtime *rt, const char *format);

/* Resolves a pipeline name ("protocol") to a file: pipelines/NAME.yaml in the
 * pipeline folders, else name as a path. Returns a malloc'd path (caller
 * frees) or NULL. */
char *samla_runtime_find_pipeline(const samla_runtime *rt, const char *name);
/* Pipeline and plugin folders searched, NULL-terminated (owned by rt). */
const char *const *samla_runtime_pipeline_dirs(const samla_runtime *rt);
const char *const *samla_runtime_plugin_dirs(const samla_runtime *rt);
/* Finds a data file by name; a malloc'd path (caller frees) or NULL. */
char *samla_runtime_find_data(const samla_runtime *rt, const char *name);
/* Finds and loads a data file (YAML): *out and every node under it live in
 * arena a. Error diagnostic when missing or malformed. */
samla_status samla_runtime_load_data(const samla_runtime *rt, samla_arena *a, const char *name,
                                     samla_node **out, samla_diag *diag);

/* Parses and checks a pipeline file: every step's plugin exists, options are
 * known and well-typed, readers come first, each step's needs are provided
 * by an earlier step. Errors name the file and line. On SAMLA_OK the caller
 * owns *out: free with samla_pipeline_free (after the runtime's last use of
 * it, before samla_runtime_free). */
samla_status samla_pipeline_load(samla_runtime *rt, const char *name_or_path,
                                 samla_pipeline **out, samla_diag *diag);
void samla_pipeline_free(samla_pipeline *p);
/* The pipeline's name and description (owned by p). */
const char *samla_pipeline_name(const samla_pipeline *p);
const char *samla_pipeline_description(const samla_pipeline *p);
/* The pipeline file that was loaded (owned by p). */
const char *samla_pipeline_path(const samla_pipeline *p);
/* Steps in order (for provenance and version hashes); owned by the runtime;
 * NULL past the end. */
size_t samla_pipeline_step_count(const samla_pipeline *p);
const samla_plugin *samla_pipeline_step_plugin(const samla_pipeline *p, size_t i);
/* Sets an option of a step from "plugin.key=value" (CLI -O); checked like
 * the file's options. */
samla_status samla_pipeline_set_option(samla_pipeline *p, const char *assignment, samla_diag *diag);
/* Replaces the pipeline's writer steps by the writer for format (or adds one). */
samla_status samla_pipeline_set_output_format(samla_pipeline *p, const char *format, samla_diag *diag);
/* Calls every step's init. Must be called once before samla_pipeline_run. */
samla_status samla_pipeline_start(samla_pipeline *p, samla_diag *diag);

/* Runs the pipeline over one file, writing through the writer steps to out
 * (may be NULL: no writer output). If model_out is non-NULL the model root is
 * deep-copied into model_arena. Diagnostics go to diag; errors return
 * non-OK and leave no partial output in out. */
samla_status samla_pipeline_run(samla_pipeline *p, const char *path, FILE *out,
                                samla_diag *diag, samla_arena *model_arena,
                                samla_node **model_out);

/* Same as samla_pipeline_run over bytes already in memory (a database blob,
 * a fuzzer input); name stands for the path in messages and `document.source`.
 * The bytes are copied; the caller keeps ownership. */
samla_status samla_pipeline_run_memory(samla_pipeline *p, const char *name, const void *bytes, size_t size,
                                       FILE *out, samla_diag *diag, samla_arena *model_arena,
                                       samla_node **model_out);

/* samla release ("0.1.0") and model version (1). */
const char *samla_version(void);
int samla_model_version(void);

#ifdef __cplusplus
}
#endif
#endif
