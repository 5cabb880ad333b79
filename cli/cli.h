/* cli.h: the samla command-line tool's shared pieces (subcommand table, runtime setup). */
#ifndef SAMLA_CLI_H
#define SAMLA_CLI_H

#include <stdio.h>
#include "samla/samla.h"

/* Exit statuses of every subcommand. */
enum { CLI_OK = 0, CLI_FAILED = 1, CLI_USAGE = 2 };

typedef struct cli_command {
    const char *name;
    const char *summary;
    int (*main)(int argc, char **argv);
} cli_command;

/* Runtime with plugins loaded from the folders beside the binary, the install
 * prefix and the environment. Prints problems with plugins as warnings.
 * NULL (after printing) on failure. Free with samla_runtime_free. */
samla_runtime *cli_runtime(void);
/* Folder of the running binary; static storage is avoided: caller frees. */
char *cli_exe_dir(void);
/* Prints every message of d to stderr, prefixed "samla: ". min = lowest severity shown. */
void cli_print_diag(const samla_diag *d, samla_severity min);
/* Prints the first error of d (or fallback) as one line "samla: FILE: cause". */
void cli_print_failure(const char *file, const samla_diag *d, samla_status st);

int cmd_run(int argc, char **argv);
int cmd_dump(int argc, char **argv);
int cmd_plugins(int argc, char **argv);
int cmd_pipelines(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_coverage(int argc, char **argv);
int cmd_batch(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
