/* run_output.h: the files `samla run -o DIR` writes.
 *
 * One file per input, DIR/<input file name>.<ext> (ext: yaml, json, oparl.json,
 * popolo.json). When two inputs of one run have the same file name (a/x.pdf and
 * b/x.pdf), the first keeps the name and the later ones get <name>~2.<ext>,
 * <name>~3.<ext>, ... (a name any input of the run already uses is never
 * reused); a note on stderr says which input went where. A file of an earlier
 * run with the same name is replaced, so running again gives the same folder.
 *
 * Each file is written to a temporary file created with O_EXCL in DIR
 * (.samla-PID-XXXXXX.tmp) and renamed into place when the input succeeded, so
 * DIR never holds a partial model. The temporary file is removed on every exit
 * path: on failure, and on SIGINT, SIGTERM and SIGHUP (the handler removes it
 * and re-raises the signal). After SIGKILL or a power cut, the next run in DIR
 * removes the temporary files whose process no longer exists. */
#ifndef SAMLA_CLI_RUN_OUTPUT_H
#define SAMLA_CLI_RUN_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct run_output run_output;

/* Creates DIR if needed, removes stale temporary files in it and installs the
 * signal handlers. NULL after printing one error line. Free with run_output_free. */
run_output *run_output_new(const char *dir, const char *format, bool quiet);
/* Picks the output name for input and opens its temporary file. NULL after
 * printing one error line naming the file. Only one file is open at a time. */
FILE *run_output_open(run_output *o, const char *input);
/* Closes f; when ok, renames it into place, else removes it. Returns false
 * (after printing one error line) when ok but the file could not be written. */
bool run_output_commit(run_output *o, FILE *f, bool ok);
/* Restores the signal handlers and frees o (NULL is fine). */
void run_output_free(run_output *o);

#endif
