/* json.h: the model tree (samla_node) to and from jansson values.
 *
 * For code that builds or reads JSON around a model: the civic writers
 * (OParl, Popolo), the CLI's worker pipe, archive store and exports. It
 * needs jansson's headers (libjansson-dev), so samla.h does not include it:
 * include "samla/json.h" where you use jansson anyway. */
#ifndef SAMLA_JSON_H
#define SAMLA_JSON_H

#include <jansson.h>

#include "samla/arena.h"
#include "samla/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/* n as a new jansson value: the caller owns the reference (json_decref).
 * Map order is kept; a NULL node, and a float JSON cannot hold (NaN,
 * infinity), become null. NULL on out of memory. */
json_t *samla_node_to_json(const samla_node *n);
/* j as a model tree whose nodes and copied strings live in arena a.
 * NULL on out of memory. */
samla_node *samla_node_from_json(samla_arena *a, const json_t *j);

#ifdef __cplusplus
}
#endif
#endif
