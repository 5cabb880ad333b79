/* old_minor.c: a plugin whose descriptor is shorter than today's (an older build):
 * the loader reads only struct_size bytes and must still load it. */
#include <stddef.h>
#include "samla/samla.h"

static samla_status process(void *state, samla_ctx *ctx)
{
    (void)state;
    (void)ctx;
    return SAMLA_OK;
}

static const samla_plugin descriptor = {
    .abi_major = SAMLA_ABI_MAJOR,
    .abi_minor = 0,
    .struct_size = (uint32_t)(offsetof(samla_plugin, fini) + sizeof(void (*)(void *))),
    .name = "old-minor",
    .version = "0.9",
    .stage = SAMLA_STAGE_EXTRACTOR,
    .process = process,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
