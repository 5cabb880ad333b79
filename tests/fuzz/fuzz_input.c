/* fuzz_input.c: libFuzzer target: arbitrary bytes through the `dump` pipeline (format
 * detection, every reader, the model writer). Build with -DSAMLA_FUZZ=ON and clang:
 *   CC=clang cmake -S . -B build-fuzz -DSAMLA_FUZZ=ON && cmake --build build-fuzz
 *   SAMLA_BUILD=build-fuzz build-fuzz/tests/fuzz_input corpus/seeds -max_total_time=60
 * Without libFuzzer (SAMLA_FUZZ off) the same file builds as a replay program that runs
 * the files given on the command line: a regression test over tests/fuzz/cases. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samla/samla.h"

typedef struct fuzz_env {
    samla_runtime *rt;
    samla_pipeline *p;
} fuzz_env;

static fuzz_env *env_get(void)
{
    static fuzz_env env; /* test harness only: libFuzzer gives no context pointer */
    if (env.p) return &env;
    const char *build = getenv("SAMLA_BUILD");
    env.rt = samla_runtime_new(build ? build : "build");
    samla_diag d;
    samla_diag_init(&d);
    samla_runtime_load_plugins(env.rt, &d);
    if (samla_pipeline_load(env.rt, "dump", &env.p, &d) != SAMLA_OK || samla_pipeline_start(env.p, &d) != SAMLA_OK) {
        for (size_t i = 0; i < d.count; i++) fprintf(stderr, "fuzz: %s\n", d.msgs[i].message);
        samla_diag_clear(&d);
        return NULL;
    }
    samla_diag_clear(&d);
    return &env;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_env *e = env_get();
    if (!e) return 0;
    samla_diag d;
    samla_diag_init(&d);
    FILE *out = fopen("/dev/null", "w");
    samla_pipeline_run_memory(e->p, "fuzz-input", data, size, out, &d, NULL, NULL);
    if (out) fclose(out);
    samla_diag_clear(&d);
    return 0;
}

#ifndef SAMLA_LIBFUZZER
int main(int argc, char **argv)
{
    int n = 0;
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) continue;
        fseek(f, 0, SEEK_END);
        long len = ftell(f);
        fseek(f, 0, SEEK_SET);
        unsigned char *buf = malloc(len > 0 ? (size_t)len : 1);
        size_t got = buf ? fread(buf, 1, (size_t)(len > 0 ? len : 0), f) : 0;
        fclose(f);
        LLVMFuzzerTestOneInput(buf, got);
        free(buf);
        n++;
    }
    fuzz_env *e = env_get();
    if (e) {
        samla_pipeline_free(e->p);
        samla_runtime_free(e->rt);
    }
    printf("replayed %d inputs\n", n);
    return n == argc - 1 ? 0 : 1;
}
#endif
