/* progress.h: the progress of a long run on stderr. On a terminal one live
 * line, redrawn at most five times a second (done/total, documents and pages
 * per second, ETA, failures so far); on a pipe or file nothing until the end,
 * then one summary line, no control characters. */
#ifndef SAMLA_CLI_PROGRESS_H
#define SAMLA_CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct progress {
    FILE *out;
    bool live;           /* out is a terminal */
    size_t total, done, failed;
    long long pages;
    double start, last;
    bool drawn;
} progress;

void progress_init(progress *p, FILE *out, size_t total);
/* One document finished (pages: its page count, <= 0 when unknown). */
void progress_step(progress *p, bool failed, int pages);
/* Clears the live line (before printing anything else on out). */
void progress_clear(progress *p);
/* Seconds since progress_init. */
double progress_elapsed(const progress *p);

#endif
