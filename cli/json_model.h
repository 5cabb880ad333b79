/* json_model.h: the samla model tree (samla_node) to and from jansson values,
 * used where models travel as JSON inside the CLI: worker results over a pipe,
 * the SQLite store's model column, JSON Lines output. */
#ifndef SAMLA_CLI_JSON_MODEL_H
#define SAMLA_CLI_JSON_MODEL_H

#include <jansson.h>

#include "samla/samla.h"

/* New reference (caller json_decref's); NULL on out of memory. Map order kept. */
json_t *json_from_node(const samla_node *n);
/* Tree in arena a (strings copied); NULL on out of memory. */
samla_node *json_to_node(samla_arena *a, const json_t *j);
/* Compact, order-preserving, UTF-8 JSON text of j; malloc'd, caller frees. */
char *json_compact(const json_t *j);

#endif
