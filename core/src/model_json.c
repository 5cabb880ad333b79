/* model_json.c: the model tree to and from jansson values (samla/json.h), and
 * written as JSON text (samla_model_write_json). */
#include "samla/json.h"

#include <math.h>

json_t *samla_node_to_json(const samla_node *n)
{
    if (!n) return json_null();
    switch (n->type) {
    case SAMLA_NODE_NULL: return json_null();
    case SAMLA_NODE_STRING: return json_string(n->u.s ? n->u.s : "");
    case SAMLA_NODE_INT: return json_integer(n->u.i);
    case SAMLA_NODE_FLOAT: return isfinite(n->u.f) ? json_real(n->u.f) : json_null();
    case SAMLA_NODE_BOOL: return json_boolean(n->u.b);
    case SAMLA_NODE_MAP: {
        json_t *o = json_object();
        for (size_t i = 0; o && i < n->u.map.count; i++) {
            json_t *v = samla_node_to_json(n->u.map.items[i].value);
            if (!v || json_object_set_new(o, n->u.map.items[i].key, v) != 0) {
                json_decref(o);
                return NULL;
            }
        }
        return o;
    }
    case SAMLA_NODE_SEQ: {
        json_t *a = json_array();
        for (size_t i = 0; a && i < n->u.seq.count; i++) {
            json_t *v = samla_node_to_json(n->u.seq.items[i]);
            if (!v || json_array_append_new(a, v) != 0) {
                json_decref(a);
                return NULL;
            }
        }
        return a;
    }
    }
    return json_null();
}

samla_node *samla_node_from_json(samla_arena *a, const json_t *j)
{
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        samla_node *m = samla_node_map(a);
        const char *k;
        json_t *v;
        json_object_foreach((json_t *)j, k, v)
        {
            samla_node *c = samla_node_from_json(a, v);
            if (!m || !c || !samla_map_set(a, m, k, c)) return NULL;
        }
        return m;
    }
    case JSON_ARRAY: {
        samla_node *s = samla_node_seq(a);
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v)
        {
            samla_node *c = samla_node_from_json(a, v);
            if (!s || !c || !samla_seq_append(a, s, c)) return NULL;
        }
        return s;
    }
    case JSON_STRING: return samla_node_str(a, json_string_value(j));
    case JSON_INTEGER: return samla_node_int(a, json_integer_value(j));
    case JSON_REAL: return samla_node_float(a, json_real_value(j));
    case JSON_TRUE: return samla_node_bool(a, true);
    case JSON_FALSE: return samla_node_bool(a, false);
    case JSON_NULL: return samla_node_null(a);
    }
    return NULL;
}

samla_status samla_model_write_json(const samla_node *root, FILE *out, samla_diag *diag)
{
    json_t *j = samla_node_to_json(root);
    if (!j) return SAMLA_ERR_NOMEM;
    int rc = json_dumpf(j, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(j);
    if (rc != 0) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "cannot write JSON");
        return SAMLA_ERR_IO;
    }
    fputc('\n', out);
    return ferror(out) ? SAMLA_ERR_IO : SAMLA_OK;
}
