/* misbehave.c: test-only plugin "misbehave-fixture" (extractor) that makes a
 * worker fail on purpose, so the worker pool's isolation can be tested: a
 * document whose bytes contain the marker SAMLA-FIXTURE-CRASH aborts,
 * SAMLA-FIXTURE-HANG never returns, SAMLA-FIXTURE-EAT allocates and touches
 * memory until an allocation fails (at most 2 GiB). Any other document passes
 * untouched. Built into build/tests/fixture-plugins, never installed. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "samla/samla.h"

static int has(const samla_ctx *ctx, const char *marker)
{
    size_t n = strlen(marker);
    const unsigned char *b = ctx->doc.bytes;
    for (size_t i = 0; b && i + n <= ctx->doc.size; i++)
        if (memcmp(b + i, marker, n) == 0) return 1;
    return 0;
}

static samla_status process(void *state, samla_ctx *ctx)
{
    (void)state;
    if (has(ctx, "SAMLA-FIXTURE-CRASH")) abort();
    if (has(ctx, "SAMLA-FIXTURE-HANG"))
        for (;;) sleep(1);
    if (has(ctx, "SAMLA-FIXTURE-EAT")) {
        enum { CHUNK = 16 << 20, MAX_CHUNKS = 128 };
        void *chunks[MAX_CHUNKS];
        size_t k = 0;
        for (; k < MAX_CHUNKS; k++) {
            chunks[k] = malloc(CHUNK);
            if (!chunks[k]) break;
            memset(chunks[k], (int)k + 1, CHUNK);
        }
        for (size_t i = 0; i < k; i++) free(chunks[i]);
        if (k < MAX_CHUNKS) samla_ctx_error(ctx, 0, "allocation failed after %zu MiB", k * (CHUNK >> 20));
        else samla_ctx_error(ctx, 0, "allocated %zu MiB without hitting a limit", k * (CHUNK >> 20));
        return k < MAX_CHUNKS ? SAMLA_ERR_NOMEM : SAMLA_ERR_INTERNAL;
    }
    return SAMLA_OK;
}

static const char *const needs[] = {"content", NULL};
static const char *const provides[] = {NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "misbehave-fixture",
    .version = "1.0.0",
    .description = "test only: crashes, hangs or eats memory on marked documents (worker tests)",
    .stage = SAMLA_STAGE_EXTRACTOR,
    .needs = needs,
    .provides = provides,
    .process = process,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
