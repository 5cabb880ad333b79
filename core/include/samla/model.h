/* model.h: the shared YAML model as a tree of nodes.
 *
 * Extractors build maps, sequences and scalars in the document's arena; the
 * writers (YAML via libyaml's emitter, JSON via jansson) walk the same tree.
 * Maps keep insertion order; setting an existing key replaces its value.
 * The same tree is what samla_model_load reads back from YAML or JSON (gold
 * files, a strategy's samla output). */
#ifndef SAMLA_MODEL_H
#define SAMLA_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "samla/arena.h"
#include "samla/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum samla_node_type {
    SAMLA_NODE_NULL = 0,
    SAMLA_NODE_STRING,
    SAMLA_NODE_INT,
    SAMLA_NODE_FLOAT,
    SAMLA_NODE_BOOL,
    SAMLA_NODE_MAP,
    SAMLA_NODE_SEQ
} samla_node_type;

typedef struct samla_node samla_node;

typedef struct samla_pair {
    const char *key;
    samla_node *value;
} samla_pair;

struct samla_node {
    samla_node_type type;
    union {
        const char *s;
        long long i;
        double f;
        bool b;
        struct { samla_pair *items; size_t count, cap; } map;
        struct { samla_node **items; size_t count, cap; } seq;
    } u;
};

/* Constructors: nodes and copied strings live in arena a. NULL on OOM. */
samla_node *samla_node_map(samla_arena *a);
samla_node *samla_node_seq(samla_arena *a);
samla_node *samla_node_str(samla_arena *a, const char *s);   /* s NULL gives a null node */
samla_node *samla_node_int(samla_arena *a, long long v);
samla_node *samla_node_float(samla_arena *a, double v);
samla_node *samla_node_bool(samla_arena *a, bool v);
samla_node *samla_node_null(samla_arena *a);

/* Map setters; key is copied. Return the value node (NULL on OOM or if map
 * is not a map). samla_map_set_str with s == NULL sets nothing and returns
 * NULL, so optional fields can be set unconditionally. */
samla_node *samla_map_set(samla_arena *a, samla_node *map, const char *key, samla_node *value);
samla_node *samla_map_set_str(samla_arena *a, samla_node *map, const char *key, const char *s);
samla_node *samla_map_set_int(samla_arena *a, samla_node *map, const char *key, long long v);
samla_node *samla_map_set_float(samla_arena *a, samla_node *map, const char *key, double v);
samla_node *samla_map_set_bool(samla_arena *a, samla_node *map, const char *key, bool v);
/* Returns the value under key, creating an empty map / seq there if absent. */
samla_node *samla_map_ensure_map(samla_arena *a, samla_node *map, const char *key);
samla_node *samla_map_ensure_seq(samla_arena *a, samla_node *map, const char *key);
/* Removes key if present. */
void samla_map_remove(samla_node *map, const char *key);
/* Appends to a sequence; returns value. */
samla_node *samla_seq_append(samla_arena *a, samla_node *seq, samla_node *value);
samla_node *samla_seq_append_str(samla_arena *a, samla_node *seq, const char *s);

/* Lookups (NULL when absent or of another type). */
samla_node *samla_map_get(const samla_node *map, const char *key);
const char *samla_map_get_str(const samla_node *map, const char *key);
/* Integer value, also accepting a numeric string; def when absent. */
long long samla_map_get_int(const samla_node *map, const char *key, long long def);
double samla_map_get_float(const samla_node *map, const char *key, double def);
size_t samla_node_len(const samla_node *n);  /* items of a map/seq, else 0 */
samla_node *samla_seq_at(const samla_node *seq, size_t i);
/* The strings of a sequence (other items skipped) as a NULL-terminated array in arena a (pointers into the
 * nodes' own strings); an empty array when seq is absent or not a sequence. NULL only on out of memory. */
const char **samla_seq_strings(samla_arena *a, const samla_node *seq);
/* Deep copy into arena a. */
samla_node *samla_node_copy(samla_arena *a, const samla_node *n);

/* Writers. Both return SAMLA_OK or SAMLA_ERR_IO / SAMLA_ERR_INTERNAL.
 * YAML: libyaml emitter, unicode on, block style; strings that a YAML 1.1
 * loader would retype (dates, times, yes/no, numbers) are double-quoted. */
samla_status samla_model_write_yaml(const samla_node *root, FILE *out, samla_diag *diag);
samla_status samla_model_write_json(const samla_node *root, FILE *out, samla_diag *diag);
/* Readers: parse a YAML (1 document) or JSON file into a tree in arena a.
 * Scalars become strings unless plain and clearly int/float/bool/null.
 * Input larger than 64 MiB is refused (SAMLA_ERR_LIMIT). */
samla_status samla_model_load_file(samla_arena *a, const char *path, samla_node **out,
                                   samla_diag *diag);
samla_status samla_model_load_yaml(samla_arena *a, const char *text, size_t len,
                                   const char *name, samla_node **out, samla_diag *diag);

/* True if a plain YAML 1.1 scalar with this text would not load as a string. */
bool samla_yaml_needs_quotes(const char *s);

/* Document kinds (document_kind.c): the values `document.kind` may take
 * (docs/model.md), in a fixed order; a NULL-terminated static list. */
const char *const *samla_document_kinds(void);
/* True when kind is one of samla_document_kinds(). */
bool samla_document_kind_known(const char *kind);
/* The model section that holds what a document of this kind is read for (protocol and agenda: "agenda",
 * decision_extract: "decisions", plan: "activities", strategy: "goals"); NULL for "other" and unknown kinds.
 * A static string. */
const char *samla_document_kind_section(const char *kind);

#ifdef __cplusplus
}
#endif
#endif
