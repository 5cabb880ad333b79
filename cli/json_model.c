/* json_model.c: models as compact JSON text in the CLI (see json_model.h). */
#include "json_model.h"

char *json_compact(const json_t *j)
{
    return json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
}
