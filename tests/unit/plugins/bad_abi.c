/* bad_abi.c: a test plugin built for a future ABI major; the loader must refuse it. */
#include "samla/samla.h"

static samla_status process(void *state, samla_ctx *ctx)
{
    (void)state;
    (void)ctx;
    return SAMLA_OK;
}

static const samla_plugin descriptor = {
    .abi_major = SAMLA_ABI_MAJOR + 1,
    .abi_minor = 0,
    .struct_size = sizeof(samla_plugin),
    .name = "bad-abi",
    .version = "0",
    .stage = SAMLA_STAGE_EXTRACTOR,
    .process = process,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
