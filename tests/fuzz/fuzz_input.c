/* fuzz_input.c: libFuzzer target: arbitrary bytes through one pipeline (format detection,
 * a reader, the extractors, the model writer). Built once per reader with FUZZ_PIPELINE
 * naming tests/fuzz/pipelines/fuzz-read-{pdf,docx,text}.yaml (targets fuzz_read_pdf, ...),
 * and as fuzz_input over the `dump` pipeline. With -DSAMLA_FUZZ=ON (clang) the library and
 * every plugin are instrumented too; docs/fuzzing.md says how to build and run them.
 * Without libFuzzer (SAMLA_FUZZ off) it is linked with replay_main.c into a replay program
 * that runs the files given on the command line: a regression test over tests/fuzz/cases. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samla/samla.h"

#ifndef FUZZ_PIPELINE
#define FUZZ_PIPELINE "dump"
#endif

typedef struct fuzz_env {
    samla_runtime *rt;
    samla_pipeline *p;
    FILE *devnull;
} fuzz_env;

static fuzz_env env; /* test harness only: libFuzzer gives no context pointer */

/* Loads the plugins and the pipeline once (before fuzzing starts, so the plugins'
 * coverage counters are registered up front). False after printing why. */
static bool env_init(void)
{
    if (env.p) return true;
    const char *build = getenv("SAMLA_BUILD");
    env.rt = samla_runtime_new(build ? build : "build");
    samla_diag d;
    samla_diag_init(&d);
    samla_runtime_load_plugins(env.rt, &d);
    if (samla_pipeline_load(env.rt, FUZZ_PIPELINE, &env.p, &d) != SAMLA_OK ||
        samla_pipeline_start(env.p, &d) != SAMLA_OK) {
        for (size_t i = 0; i < d.count; i++) fprintf(stderr, "fuzz: %s\n", d.msgs[i].message);
        samla_diag_clear(&d);
        return false;
    }
    samla_diag_clear(&d);
    env.devnull = fopen("/dev/null", "w");
    return env.devnull != NULL;
}

static void env_free(void)
{
    samla_pipeline_free(env.p);
    samla_runtime_free(env.rt);
    if (env.devnull) fclose(env.devnull);
    memset(&env, 0, sizeof env);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    if (!env_init()) abort(); /* a harness that cannot load its pipeline must not look green */
    atexit(env_free);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    samla_diag d;
    samla_diag_init(&d);
    samla_pipeline_run_memory(env.p, "fuzz-input", data, size, env.devnull, &d, NULL, NULL);
    samla_diag_clear(&d);
    return 0;
}
