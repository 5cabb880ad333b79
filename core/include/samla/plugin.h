/* plugin.h: the plugin ABI.
 *
 * A plugin is a shared object exporting one function, SAMLA_PLUGIN_ENTRY,
 * that returns a pointer to a static const samla_plugin descriptor. The
 * descriptor starts with the ABI major/minor and its own size: the loader
 * refuses another major, and reads only the fields that fit in struct_size,
 * so plugins built against an older minor keep loading when the struct grows
 * (new fields go at the end).
 *
 * Options: a plugin declares a table of samla_option (name, type, default,
 * offset into its config struct). The core allocates config_size bytes,
 * applies the defaults, parses the pipeline's options into it and refuses
 * unknown keys and bad values with file and line before any document is
 * read. init() receives the runtime (to find data files), the filled config
 * (owned by the core, valid until fini) and may allocate per-run state that
 * fini frees; a plugin without init gets its config as state (options and
 * nothing to set up). process() runs once per document and must not keep
 * pointers into the document's arena after it returns. */
#ifndef SAMLA_PLUGIN_H
#define SAMLA_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include "samla/context.h"
#include "samla/status.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SAMLA_ABI_MAJOR 1
#define SAMLA_ABI_MINOR 0

typedef enum samla_stage {
    SAMLA_STAGE_READER = 0,
    SAMLA_STAGE_EXTRACTOR,
    SAMLA_STAGE_NORMALISER,
    SAMLA_STAGE_LINKER,
    SAMLA_STAGE_WRITER
} samla_stage;

/* "reader", "extractor", ... ; NULL for an unknown value. */
const char *samla_stage_name(samla_stage s);

typedef enum samla_opt_type {
    SAMLA_OPT_STRING = 0,  /* const char * (arena/pipeline owned) */
    SAMLA_OPT_PATH,        /* const char *, resolved against the pipeline file's folder */
    SAMLA_OPT_INT,         /* long */
    SAMLA_OPT_DOUBLE,      /* double */
    SAMLA_OPT_BOOL,        /* bool: true/false */
    SAMLA_OPT_STRLIST      /* const char *const * NULL-terminated; YAML sequence or one string */
} samla_opt_type;

typedef struct samla_option {
    const char *name;
    samla_opt_type type;
    const char *def;       /* default as text, or NULL for none */
    size_t offset;         /* offsetof(config struct, field) */
    const char *help;      /* one line for `samla plugins -v` */
} samla_option;

#define SAMLA_OPTIONS_END { NULL, SAMLA_OPT_STRING, NULL, 0, NULL }

/* Sentinel-terminated string lists are used for accepts/needs/provides.
 * Model section names: "content" (the document model, made by readers),
 * "document", "meeting", "agenda", "decisions", "votes", "attendees",
 * "signatures", "goals", "activities", "links". */
typedef struct samla_plugin {
    /* ---- ABI 1.0: never reorder ---- */
    uint16_t abi_major;
    uint16_t abi_minor;
    uint32_t struct_size;         /* sizeof(samla_plugin) at build time */
    const char *name;             /* "read-pdf": unique, also the file name */
    const char *version;          /* "1.0.0" */
    const char *description;      /* one line */
    samla_stage stage;
    const char *const *accepts;   /* readers: formats ("pdf", "docx", "text");
                                     writers: output format produced ("yaml");
                                     others: NULL = any */
    const char *const *needs;     /* model sections read */
    const char *const *provides;  /* model sections written */
    const samla_option *options;  /* may be NULL */
    size_t config_size;           /* bytes of the config struct; 0 if no options */
    samla_status (*init)(samla_runtime *rt, const void *config, void **state,
                         samla_diag *diag);            /* may be NULL: state = the config */
    samla_status (*process)(void *state, samla_ctx *ctx);                       /* required */
    void (*fini)(void *state);                                                  /* may be NULL */
} samla_plugin;

#define SAMLA_PLUGIN_ENTRY_NAME "samla_plugin_entry"

/* Every plugin defines exactly this function. */
#define SAMLA_PLUGIN_ENTRY samla_plugin_entry
#if defined(__GNUC__)
#define SAMLA_EXPORT __attribute__((visibility("default")))
#else
#define SAMLA_EXPORT
#endif

/* Convenience for the descriptor's first three fields. */
#define SAMLA_PLUGIN_HEADER \
    .abi_major = SAMLA_ABI_MAJOR, .abi_minor = SAMLA_ABI_MINOR, \
    .struct_size = (uint32_t)sizeof(samla_plugin)

typedef const samla_plugin *(*samla_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif
#endif
