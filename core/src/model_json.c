/* model_json.c: the model tree to JSON with jansson. */
#include "samla/model.h"

#include <jansson.h>

static json_t *to_json(const samla_node *n)
{
    if (!n) return json_null();
    switch (n->type) {
    case SAMLA_NODE_NULL: return json_null();
    case SAMLA_NODE_STRING: return json_string(n->u.s);
    case SAMLA_NODE_INT: return json_integer(n->u.i);
    case SAMLA_NODE_FLOAT: return json_real(n->u.f);
    case SAMLA_NODE_BOOL: return json_boolean(n->u.b);
    case SAMLA_NODE_MAP: {
        json_t *o = json_object();
        for (size_t i = 0; o && i < n->u.map.count; i++)
            json_object_set_new(o, n->u.map.items[i].key, to_json(n->u.map.items[i].value));
        return o;
    }
    case SAMLA_NODE_SEQ: {
        json_t *a = json_array();
        for (size_t i = 0; a && i < n->u.seq.count; i++) json_array_append_new(a, to_json(n->u.seq.items[i]));
        return a;
    }
    }
    return json_null();
}

samla_status samla_model_write_json(const samla_node *root, FILE *out, samla_diag *diag)
{
    json_t *j = to_json(root);
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
