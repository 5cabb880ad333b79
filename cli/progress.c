/* progress.c: live progress line on a terminal, nothing on a pipe (see progress.h). */
#include "progress.h"

#include <time.h>
#include <unistd.h>

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_init(progress *p, FILE *out, size_t total)
{
    *p = (progress){.out = out, .live = isatty(fileno(out)) != 0, .total = total, .start = now_s()};
}

double progress_elapsed(const progress *p) { return now_s() - p->start; }

static void draw(progress *p, double now)
{
    double t = now - p->start;
    double dps = t > 0 ? (double)p->done / t : 0, pps = t > 0 ? (double)p->pages / t : 0;
    fprintf(p->out, "\r\033[Ksamla batch: %zu/%zu documents, %.1f docs/s, %.0f pages/s", p->done, p->total, dps, pps);
    if (p->done > 0 && p->done < p->total && dps > 0) {
        long eta = (long)((double)(p->total - p->done) / dps + 0.5);
        if (eta >= 3600) fprintf(p->out, ", ETA %ldh%02ldm", eta / 3600, eta / 60 % 60);
        else fprintf(p->out, ", ETA %ldm%02lds", eta / 60, eta % 60);
    }
    if (p->failed) fprintf(p->out, ", %zu failed", p->failed);
    fflush(p->out);
    p->drawn = true;
    p->last = now;
}

void progress_step(progress *p, bool failed, int pages)
{
    p->done++;
    if (failed) p->failed++;
    if (pages > 0) p->pages += pages;
    if (!p->live) return;
    double now = now_s();
    if (now - p->last >= 0.2 || p->done == p->total) draw(p, now);
}

void progress_clear(progress *p)
{
    if (p->live && p->drawn) {
        fputs("\r\033[K", p->out);
        fflush(p->out);
        p->drawn = false;
    }
}
