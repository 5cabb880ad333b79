/* test_worker.c: the worker pool (cli/worker.c): a good document comes back
 * with its model; a crash, a hang, a memory blow-up and too many pages each
 * cost only their own document and come back with their reason; bytes given
 * in memory run like a file; a job can name its own pipeline and get the
 * writer's bytes instead of the model. A child runs several documents and is
 * replaced after docs_per_worker of them, after a crash, after running out of
 * memory and above its resident-set bound. Uses the test-only
 * misbehave-fixture plugin. */
#define _GNU_SOURCE /* open_memstream */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "samla/samla.h"
#include "worker.h"

static char *write_tmp(const char *dir, const char *name, const char *text)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    fputs(text, f);
    fclose(f);
    return p;
}

#define PROTOCOL "Kommunstyrelsen\nProtokoll\nSammanträdesdatum 2024-03-18\n\n§ 12 Val av justerare\n\nBeslut\nKommunstyrelsen beslutar\natt utse Anna Ek att justera protokollet.\n"

int main(void)
{
    const char *build = getenv("SAMLA_BUILD"), *src = getenv("SAMLA_SOURCE");
    if (!build || !src) return 77;
    samla_runtime *rt = samla_runtime_new(build);
    samla_diag d;
    samla_diag_init(&d);
    samla_runtime_load_plugins(rt, &d);
    char plug[4096], pipe[4096], pdf[4096];
    snprintf(plug, sizeof plug, "%s/tests/fixture-plugins/misbehave-fixture.so", build);
    snprintf(pipe, sizeof pipe, "%s/tests/data/worker/misbehave.yaml", src);
    snprintf(pdf, sizeof pdf, "%s/corpus/pdf/protokoll-kf-solvik-2024-03-18.pdf", src);
    CHECK(samla_runtime_load_plugin_file(rt, plug, &d) == SAMLA_OK);
    samla_pipeline *p = NULL;
    CHECK(samla_pipeline_load(rt, pipe, &p, &d) == SAMLA_OK);
    CHECK(p && samla_pipeline_start(p, &d) == SAMLA_OK);
    for (size_t i = 0; i < d.count; i++) fprintf(stderr, "diag: %s\n", d.msgs[i].message);
    samla_diag_clear(&d);
    if (!p) return 1;

    char tmpl[] = "/tmp/samla-worker-XXXXXX";
    char *dir = mkdtemp(tmpl);
    char *good = write_tmp(dir, "good.txt", PROTOCOL);
    char *crash = write_tmp(dir, "crash.txt", "SAMLA-FIXTURE-CRASH\n" PROTOCOL);
    char *hang = write_tmp(dir, "hang.txt", "SAMLA-FIXTURE-HANG\n" PROTOCOL);
    char *eat = write_tmp(dir, "eat.txt", "SAMLA-FIXTURE-EAT\n" PROTOCOL);
    char *empty = write_tmp(dir, "empty.txt", "");

    /* ASan's shadow and allocator make a child's resident set larger (about 66 MiB at start with the plugins of
     * 2026-12-05): the limit stays well above it, so a crash is not taken for memory */
    worker_limits lim = {.timeout = 4, .max_mem_mb = worker_uses_rss_watchdog() ? 160 : 128, .max_pages = 5};
    worker_pool *pool = worker_pool_new(p, 2, &lim);
    CHECK(worker_pool_size(pool) == 2);
    const char *names[] = {"good", "crash", "hang", "eat", "pdf", "memory", "empty", "random", NULL};
    worker_job jobs[] = {{.path = good, .user = (void *)names[0]},
                         {.path = crash, .user = (void *)names[1]},
                         {.path = hang, .user = (void *)names[2]},
                         {.path = eat, .user = (void *)names[3]},
                         {.path = pdf, .user = (void *)names[4]},
                         {.bytes = PROTOCOL, .size = strlen(PROTOCOL), .name = "upload.txt", .user = (void *)names[5]},
                         {.path = empty, .user = (void *)names[6]},
                         {.bytes = "\x01\x00\xff\xfe binary", .size = 12, .name = "random.bin", .user = (void *)names[7]}};
    size_t njobs = sizeof jobs / sizeof *jobs, next = 0, got = 0;
    int seen[8] = {0};
    while (got < njobs) {
        while (next < njobs && worker_pool_can_submit(pool)) CHECK(worker_pool_submit(pool, &jobs[next++]) == 0);
        CHECK(worker_pool_running(pool) <= 2);
        worker_result r;
        if (worker_pool_wait(pool, 1000, &r) != 1) continue;
        got++;
        const char *who = r.user;
        size_t k = 0;
        while (names[k] && strcmp(names[k], who)) k++;
        seen[k]++;
        fprintf(stderr, "%s: %s (%s) %.2fs rss %ld KiB\n", who, worker_outcome_name(r.outcome),
                r.reason ? r.reason : "-", r.seconds, r.max_rss_kb);
        if (!strcmp(who, "good") || !strcmp(who, "memory")) {
            CHECK(r.outcome == WORKER_DONE);
            CHECK(r.reason == NULL);
            samla_arena *a = samla_arena_new();
            samla_node *m = NULL;
            CHECK(worker_result_model(&r, a, &m) == SAMLA_OK);
            samla_node *agenda = samla_map_get(m, "agenda");
            CHECK(samla_node_len(agenda) == 1);
            CHECK_STR(samla_map_get_str(samla_seq_at(agenda, 0), "number"), "12");
            CHECK_STR(samla_map_get_str(samla_map_get(m, "document"), "source"),
                      !strcmp(who, "good") ? good : "upload.txt");
            samla_arena_free(a);
        } else if (!strcmp(who, "crash")) {
            CHECK(r.outcome == WORKER_CRASHED);
            CHECK(r.reason && strstr(r.reason, "signal 6"));
        } else if (!strcmp(who, "hang")) {
            CHECK(r.outcome == WORKER_TIMEOUT);
            CHECK(r.reason && strstr(r.reason, "timed out after 4 s"));
            CHECK(r.seconds >= 4 && r.seconds < 8);
        } else if (!strcmp(who, "eat")) {
            CHECK(r.outcome == WORKER_MEMORY);
            CHECK(r.model_json == NULL);
            CHECK(r.reason && strstr(r.reason, "(--max-mem "));
        } else if (!strcmp(who, "pdf")) {
            CHECK(r.outcome == WORKER_PAGES);
            CHECK(r.pages == 8);
            CHECK(r.reason && strstr(r.reason, "8 pages, more than the limit of 5"));
        } else if (!strcmp(who, "empty")) {
            CHECK(r.outcome == WORKER_FAILED);
            CHECK(r.status != SAMLA_OK);
            CHECK_STR(r.reason, "empty file (0 bytes)");
        } else if (!strcmp(who, "random")) {
            CHECK(r.outcome == WORKER_FAILED);
            CHECK(r.status == SAMLA_ERR_FORMAT);
            CHECK(r.reason && strstr(r.reason, "unsupported format"));
        }
        CHECK(r.outcome == WORKER_DONE ? r.model_json != NULL : r.model_json == NULL);
        worker_result_clear(&r);
    }
    for (size_t k = 0; k < njobs; k++) CHECK(seen[k] == 1);
    CHECK(worker_pool_running(pool) == 0);
    worker_result r;
    CHECK(worker_pool_wait(pool, 0, &r) == 0);

    /* freeing a pool kills what still runs */
    CHECK(worker_pool_submit(pool, &jobs[2]) == 0);
    worker_pool_free(pool);

    /* a pool without a pipeline of its own; the job names one and asks for the
     * writer's bytes: exactly what samla_pipeline_run writes */
    pool = worker_pool_new(NULL, 1, &lim);
    worker_job out_job = {.bytes = PROTOCOL, .size = strlen(PROTOCOL), .name = "upload.txt", .pipeline = p, .output = true};
    CHECK(worker_pool_submit(pool, &out_job) == 0);
    CHECK(worker_pool_wait(pool, 10000, &r) == 1);
    CHECK(r.outcome == WORKER_DONE && r.model_json == NULL && r.output != NULL);
    char *want = NULL;
    size_t want_len = 0;
    FILE *mem = open_memstream(&want, &want_len);
    samla_diag_init(&d);
    CHECK(samla_pipeline_run_memory(p, "upload.txt", PROTOCOL, strlen(PROTOCOL), mem, &d, NULL, NULL) == SAMLA_OK);
    samla_diag_clear(&d);
    fclose(mem);
    CHECK(r.output_len == want_len && r.output && memcmp(r.output, want, want_len) == 0);
    CHECK(r.output && strstr(r.output, "number: \"12\"") && strstr(r.output, "source: upload.txt"));
    free(want);
    worker_result_clear(&r);
    worker_pool_free(pool);

    /* long-lived children: one slot, four documents a child; a crash and a memory blow-up end theirs */
    lim.docs_per_worker = 4;
    lim.recycle_rss_mb = 4096; /* not this bound (an ASan child starts near 70 MiB) */
    pool = worker_pool_new(p, 1, &lim);
    const char *seq[] = {good, good, crash, good, good, good, good, good, eat, good};
    const worker_outcome want_outcome[] = {WORKER_DONE, WORKER_DONE, WORKER_CRASHED, WORKER_DONE, WORKER_DONE,
                                           WORKER_DONE, WORKER_DONE, WORKER_DONE, WORKER_MEMORY, WORKER_DONE};
    /* which child ran each: A A A(crash) B B B B(4th) C C(memory) D */
    const int want_child[] = {0, 0, 0, 1, 1, 1, 1, 2, 2, 3};
    long pids[10] = {0};
    for (size_t i = 0; i < 10; i++) {
        worker_job job = {.path = seq[i]};
        CHECK(worker_pool_submit(pool, &job) == 0);
        CHECK(worker_pool_wait(pool, 10000, &r) == 1);
        CHECK(r.outcome == want_outcome[i]);
        pids[i] = r.pid;
        if (r.outcome == WORKER_DONE) {
            samla_arena *a = samla_arena_new();
            samla_node *m = NULL;
            CHECK(worker_result_model(&r, a, &m) == SAMLA_OK);
            CHECK_STR(samla_map_get_str(samla_seq_at(samla_map_get(m, "agenda"), 0), "number"), "12");
            CHECK_STR(samla_map_get_str(samla_map_get(m, "document"), "source"), good);
            CHECK(r.max_rss_kb > 0);
            samla_arena_free(a);
        }
        worker_result_clear(&r);
    }
    for (size_t i = 0; i < 10; i++)
        for (size_t j = 0; j < 10; j++) CHECK((pids[i] == pids[j]) == (want_child[i] == want_child[j]));
    /* a hang: killed at its deadline, the next document gets a fresh child */
    worker_job hang_job = {.path = hang}, good_job = {.path = good};
    worker_pool_free(pool);
    lim.timeout = 1;
    pool = worker_pool_new(p, 1, &lim);
    CHECK(worker_pool_submit(pool, &good_job) == 0 && worker_pool_wait(pool, 10000, &r) == 1);
    long before = r.pid;
    worker_result_clear(&r);
    CHECK(worker_pool_submit(pool, &hang_job) == 0 && worker_pool_wait(pool, 10000, &r) == 1);
    CHECK(r.outcome == WORKER_TIMEOUT && r.pid == before);
    worker_result_clear(&r);
    CHECK(worker_pool_submit(pool, &good_job) == 0 && worker_pool_wait(pool, 10000, &r) == 1);
    CHECK(r.outcome == WORKER_DONE && r.pid != before);
    worker_result_clear(&r);
    worker_pool_free(pool);
    /* above the resident-set bound after a document: replaced */
    lim.recycle_rss_mb = 1;
    pool = worker_pool_new(p, 1, &lim);
    CHECK(worker_pool_submit(pool, &good_job) == 0 && worker_pool_wait(pool, 10000, &r) == 1);
    before = r.pid;
    worker_result_clear(&r);
    CHECK(worker_pool_submit(pool, &good_job) == 0 && worker_pool_wait(pool, 10000, &r) == 1);
    CHECK(r.outcome == WORKER_DONE && r.pid != before);
    worker_result_clear(&r);
    worker_pool_free(pool);

    const char *files[] = {good, crash, hang, eat, empty};
    for (size_t i = 0; i < 5; i++) {
        unlink(files[i]);
        free((void *)files[i]);
    }
    rmdir(dir);
    samla_pipeline_free(p);
    samla_runtime_free(rt);
    return CHECK_DONE();
}
