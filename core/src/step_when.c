/* step_when.c: step conditions. A pipeline step may carry `when:`, a mapping of conditions that must all
 * hold for the step to run on a document:
 *   when: {kind: [protocol, decision_extract]}   document.kind is one of these (docs/model.md)
 *   when: {format: [pdf, docx]}                  the input's format is one of these
 * Parsed and checked with the pipeline (unknown keys and values are a pipeline error with file and line),
 * evaluated by the runner before the step. */
#include <string.h>

#include "runtime_internal.h"
#include "samla/context.h"

static const char *const formats[] = {"pdf", "docx", "text", NULL};

static int line_of(const yaml_node_t *n) { return n ? (int)n->start_mark.line + 1 : 0; }

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static int index_in(const char *const *list, const char *s)
{
    for (int i = 0; s && list[i]; i++)
        if (strcmp(list[i], s) == 0) return i;
    return -1;
}

/* "a, b, c" of list into buf. */
static const char *joined(const char *const *list, char *buf, size_t n)
{
    buf[0] = '\0';
    for (size_t i = 0; list[i]; i++) {
        size_t len = strlen(buf);
        snprintf(buf + len, n - len, "%s%s", i ? ", " : "", list[i]);
    }
    return buf;
}

/* A value or a list of values, each one of allowed: sets their bits in *mask. */
static samla_status parse_set(yaml_document_t *doc, yaml_node_t *v, const char *key, const char *const *allowed,
                              const char *what, unsigned *mask, const char *file, samla_diag *diag)
{
    char names[256];
    yaml_node_item_t one = 0;
    yaml_node_item_t *start = NULL, *top = NULL;
    if (v->type == YAML_SCALAR_NODE) {
        start = &one, top = &one + 1;
    } else if (v->type == YAML_SEQUENCE_NODE) {
        start = v->data.sequence.items.start, top = v->data.sequence.items.top;
    } else {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, file, line_of(v), "'when: %s' must be a %s or a list of them", key,
                          what);
        return SAMLA_ERR_CONFIG;
    }
    for (yaml_node_item_t *it = start; it < top; it++) {
        yaml_node_t *n = v->type == YAML_SCALAR_NODE ? v : yaml_document_get_node(doc, *it);
        int i = index_in(allowed, scalar(n));
        if (i < 0) {
            samla_diag_add_at(diag, SAMLA_SEV_ERROR, file, line_of(n), "'when: %s': unknown %s '%s' (%s)", key, what,
                              scalar(n) ? scalar(n) : "(not a word)", joined(allowed, names, sizeof names));
            return SAMLA_ERR_CONFIG;
        }
        *mask |= 1u << i;
    }
    if (!*mask) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, file, line_of(v), "'when: %s' names no %s", key, what);
        return SAMLA_ERR_CONFIG;
    }
    return SAMLA_OK;
}

samla_status samla_step_when_parse(yaml_document_t *doc, yaml_node_t *node, const char *file, step_when *out,
                                   samla_diag *diag)
{
    memset(out, 0, sizeof *out);
    out->line = line_of(node);
    if (node->type != YAML_MAPPING_NODE) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, file, line_of(node),
                          "'when' must be a mapping of conditions (kind, format)");
        return SAMLA_ERR_CONFIG;
    }
    for (yaml_node_pair_t *pr = node->data.mapping.pairs.start; pr < node->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(doc, pr->key);
        yaml_node_t *v = yaml_document_get_node(doc, pr->value);
        const char *key = scalar(k);
        samla_status st;
        if (key && strcmp(key, "kind") == 0 && !out->kinds)
            st = parse_set(doc, v, key, samla_document_kinds(), "document kind", &out->kinds, file, diag);
        else if (key && strcmp(key, "format") == 0 && !out->formats)
            st = parse_set(doc, v, key, formats, "format", &out->formats, file, diag);
        else {
            samla_diag_add_at(diag, SAMLA_SEV_ERROR, file, line_of(k),
                              "unknown or repeated condition '%s' in 'when' (a step may be conditioned on kind, format)",
                              key ? key : "?");
            return SAMLA_ERR_CONFIG;
        }
        if (st != SAMLA_OK) return st;
    }
    if (!out->kinds && !out->formats) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, file, line_of(node), "'when' holds no condition (kind, format)");
        return SAMLA_ERR_CONFIG;
    }
    out->set = true;
    return SAMLA_OK;
}

bool samla_step_when_holds(const step_when *w, const samla_ctx *ctx)
{
    if (!w->set) return true;
    if (w->formats) {
        int i = index_in(formats, ctx->doc.format);
        if (i < 0 || !(w->formats & (1u << i))) return false;
    }
    if (w->kinds) {
        const char *kind = samla_map_get_str(samla_map_get(ctx->model, "document"), "kind");
        int i = index_in(samla_document_kinds(), kind);
        if (i < 0 || !(w->kinds & (1u << i))) return false;
    }
    return true;
}
