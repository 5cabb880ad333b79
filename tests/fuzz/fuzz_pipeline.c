/* fuzz_pipeline.c: libFuzzer target for the pipeline loader: arbitrary bytes as a
 * pipeline file (YAML parsing, step and option checks, -O style overrides, the
 * writer swap, every step's init). The loader reads files, so each input is
 * written to one temporary file first. docs/fuzzing.md says how to run it; without
 * libFuzzer it is linked with replay_main.c into a replay program over the files named
 * on the command line. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samla/samla.h"

static samla_runtime *rt;
static char path[64]; /* the temporary pipeline file */

static void fini(void)
{
    if (path[0]) unlink(path);
    samla_runtime_free(rt);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *build = getenv("SAMLA_BUILD");
    rt = samla_runtime_new(build ? build : "build");
    samla_diag d;
    samla_diag_init(&d);
    samla_status st = rt ? samla_runtime_load_plugins(rt, &d) : SAMLA_ERR_NOMEM;
    samla_diag_clear(&d);
    snprintf(path, sizeof path, "/tmp/samla-fuzz-pipeline-XXXXXX.yaml");
    int fd = mkstemps(path, 5);
    if (st != SAMLA_OK || fd < 0) {
        fprintf(stderr, "fuzz: cannot load the plugins or create %s\n", path);
        abort();
    }
    close(fd);
    atexit(fini);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    size_t put = fwrite(data, 1, size, f);
    if (fclose(f) != 0 || put != size) return 0;
    samla_diag d;
    samla_diag_init(&d);
    samla_pipeline *p = NULL;
    if (samla_pipeline_load(rt, path, &p, &d) == SAMLA_OK) {
        /* the overrides the CLI applies, then every step's init */
        samla_status st = samla_pipeline_set_output_format(p, "json", &d);
        if (st == SAMLA_OK) samla_pipeline_set_option(p, "write-json.content=true", &d);
        if (st == SAMLA_OK) samla_pipeline_start(p, &d);
    }
    samla_pipeline_free(p);
    samla_diag_clear(&d);
    return 0;
}
