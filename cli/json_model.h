/* json_model.h: models as JSON text inside the CLI: worker results over a
 * pipe, the SQLite store's model column, JSON Lines output. The tree to and
 * from jansson values is libsamla's (samla/json.h). */
#ifndef SAMLA_CLI_JSON_MODEL_H
#define SAMLA_CLI_JSON_MODEL_H

#include <jansson.h>

#include "samla/json.h"
#include "samla/samla.h"

/* Compact, order-preserving, UTF-8 JSON text of j; malloc'd, caller frees. */
char *json_compact(const json_t *j);

#endif
