/* model_yaml.c: the model tree to YAML (libyaml emitter) and back (libyaml parser). */
#include "samla/model.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MODEL_MAX_BYTES (64u * 1024u * 1024u)
#define MODEL_MAX_DEPTH 64

/* ---------- quoting ---------- */

static bool in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0) return true;
    return false;
}

bool samla_yaml_needs_quotes(const char *s)
{
    static const char *const words[] = {
        "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
        "<<", "=", ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN", NULL};
    if (!*s) return true;
    if (in_list(s, words)) return true;
    /* numbers of every YAML 1.1 form, times (sexagesimal), dates: only digits,
     * signs, separators, x/b/o/e markers and hex digits, at least one digit. */
    bool digit = false;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c >= '0' && c <= '9') digit = true;
        else if (!strchr("+-._:xXoObBeEaAcCdDfFtTzZ ", c)) return false;
    }
    return digit;
}

/* ---------- writer ---------- */

typedef struct emit_ctx {
    yaml_emitter_t em;
    samla_diag *diag;
} emit_ctx;

static int emit(emit_ctx *e, yaml_event_t *ev)
{
    if (!yaml_emitter_emit(&e->em, ev)) {
        samla_diag_add(e->diag, SAMLA_SEV_ERROR, 0, "YAML emitter: %s",
                       e->em.problem ? e->em.problem : "error");
        return 0;
    }
    return 1;
}

static int emit_scalar(emit_ctx *e, const char *text, yaml_scalar_style_t style)
{
    yaml_event_t ev;
    if (!yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)text, (int)strlen(text), 1, 1, style))
        return 0;
    return emit(e, &ev);
}

static int emit_node(emit_ctx *e, const samla_node *n)
{
    yaml_event_t ev;
    char buf[64];
    if (!n) return emit_scalar(e, "null", YAML_PLAIN_SCALAR_STYLE);
    switch (n->type) {
    case SAMLA_NODE_NULL: return emit_scalar(e, "null", YAML_PLAIN_SCALAR_STYLE);
    case SAMLA_NODE_BOOL: return emit_scalar(e, n->u.b ? "true" : "false", YAML_PLAIN_SCALAR_STYLE);
    case SAMLA_NODE_INT:
        snprintf(buf, sizeof buf, "%lld", n->u.i);
        return emit_scalar(e, buf, YAML_PLAIN_SCALAR_STYLE);
    case SAMLA_NODE_FLOAT:
        snprintf(buf, sizeof buf, "%.4f", n->u.f);
        return emit_scalar(e, buf, YAML_PLAIN_SCALAR_STYLE);
    case SAMLA_NODE_STRING: {
        const char *s = n->u.s;
        yaml_scalar_style_t st = YAML_ANY_SCALAR_STYLE;
        if (samla_yaml_needs_quotes(s)) st = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
        else if (strchr(s, '\n')) st = YAML_LITERAL_SCALAR_STYLE;
        return emit_scalar(e, s, st);
    }
    case SAMLA_NODE_MAP:
        if (!yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                                 n->u.map.count ? YAML_BLOCK_MAPPING_STYLE : YAML_FLOW_MAPPING_STYLE) ||
            !emit(e, &ev))
            return 0;
        for (size_t i = 0; i < n->u.map.count; i++) {
            if (!emit_scalar(e, n->u.map.items[i].key, YAML_ANY_SCALAR_STYLE)) return 0;
            if (!emit_node(e, n->u.map.items[i].value)) return 0;
        }
        yaml_mapping_end_event_initialize(&ev);
        return emit(e, &ev);
    case SAMLA_NODE_SEQ:
        if (!yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                                  n->u.seq.count ? YAML_BLOCK_SEQUENCE_STYLE : YAML_FLOW_SEQUENCE_STYLE) ||
            !emit(e, &ev))
            return 0;
        for (size_t i = 0; i < n->u.seq.count; i++)
            if (!emit_node(e, n->u.seq.items[i])) return 0;
        yaml_sequence_end_event_initialize(&ev);
        return emit(e, &ev);
    }
    return 0;
}

samla_status samla_model_write_yaml(const samla_node *root, FILE *out, samla_diag *diag)
{
    emit_ctx e = {.diag = diag};
    yaml_event_t ev;
    if (!yaml_emitter_initialize(&e.em)) return SAMLA_ERR_NOMEM;
    yaml_emitter_set_output_file(&e.em, out);
    yaml_emitter_set_unicode(&e.em, 1);
    yaml_emitter_set_width(&e.em, 100);
    yaml_emitter_set_indent(&e.em, 2);
    int ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) && emit(&e, &ev) &&
             yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0) && emit(&e, &ev) &&
             emit_node(&e, root) && yaml_document_end_event_initialize(&ev, 1) && emit(&e, &ev) &&
             yaml_stream_end_event_initialize(&ev) && emit(&e, &ev);
    if (ok) yaml_emitter_flush(&e.em);
    yaml_emitter_delete(&e.em);
    if (!ok) return SAMLA_ERR_INTERNAL;
    return ferror(out) ? SAMLA_ERR_IO : SAMLA_OK;
}

/* ---------- reader ---------- */

typedef struct load_ctx {
    yaml_parser_t p;
    samla_arena *a;
    samla_diag *diag;
    const char *name;
} load_ctx;

static samla_node *resolve_plain(samla_arena *a, const char *s)
{
    static const char *const nulls[] = {"~", "null", "Null", "NULL", "", NULL};
    static const char *const trues[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", NULL};
    static const char *const falses[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", NULL};
    if (in_list(s, nulls)) return samla_node_null(a);
    if (in_list(s, trues)) return samla_node_bool(a, true);
    if (in_list(s, falses)) return samla_node_bool(a, false);
    char *end;
    errno = 0;
    long long i = strtoll(s, &end, 10);
    if (*s && *end == '\0' && errno == 0 && !(s[0] == '0' && s[1])) return samla_node_int(a, i);
    double f = strtod(s, &end);
    if (*s && *end == '\0' && strchr(s, '.') && errno == 0) return samla_node_float(a, f);
    return samla_node_str(a, s);
}

static int load_node(load_ctx *l, yaml_event_t *ev, samla_node **out, int depth);

static int next_event(load_ctx *l, yaml_event_t *ev)
{
    if (!yaml_parser_parse(&l->p, ev)) {
        samla_diag_add_at(l->diag, SAMLA_SEV_ERROR, l->name, (int)l->p.problem_mark.line + 1,
                          "YAML: %s", l->p.problem ? l->p.problem : "parse error");
        return 0;
    }
    return 1;
}

static int load_node(load_ctx *l, yaml_event_t *ev, samla_node **out, int depth)
{
    if (depth > MODEL_MAX_DEPTH) {
        samla_diag_add_at(l->diag, SAMLA_SEV_ERROR, l->name, (int)ev->start_mark.line + 1,
                          "YAML nested too deeply");
        return 0;
    }
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        samla_diag_add_at(l->diag, SAMLA_SEV_ERROR, l->name, (int)ev->start_mark.line + 1,
                          "YAML aliases are not supported");
        return 0;
    case YAML_SCALAR_EVENT: {
        const char *v = (const char *)ev->data.scalar.value;
        *out = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE ? resolve_plain(l->a, v)
                                                                : samla_node_str(l->a, v);
        return *out != NULL;
    }
    case YAML_SEQUENCE_START_EVENT: {
        samla_node *seq = samla_node_seq(l->a);
        for (;;) {
            yaml_event_t e;
            if (!next_event(l, &e)) return 0;
            if (e.type == YAML_SEQUENCE_END_EVENT) {
                yaml_event_delete(&e);
                break;
            }
            samla_node *item = NULL;
            int ok = load_node(l, &e, &item, depth + 1);
            yaml_event_delete(&e);
            if (!ok || !samla_seq_append(l->a, seq, item)) return 0;
        }
        *out = seq;
        return 1;
    }
    case YAML_MAPPING_START_EVENT: {
        samla_node *map = samla_node_map(l->a);
        for (;;) {
            yaml_event_t k;
            if (!next_event(l, &k)) return 0;
            if (k.type == YAML_MAPPING_END_EVENT) {
                yaml_event_delete(&k);
                break;
            }
            if (k.type != YAML_SCALAR_EVENT) {
                samla_diag_add_at(l->diag, SAMLA_SEV_ERROR, l->name, (int)k.start_mark.line + 1,
                                  "YAML mapping keys must be scalars");
                yaml_event_delete(&k);
                return 0;
            }
            char *key = samla_arena_strdup(l->a, (const char *)k.data.scalar.value);
            yaml_event_delete(&k);
            yaml_event_t v;
            if (!next_event(l, &v)) return 0;
            samla_node *val = NULL;
            int ok = load_node(l, &v, &val, depth + 1);
            yaml_event_delete(&v);
            if (!ok || !samla_map_set(l->a, map, key, val)) return 0;
        }
        *out = map;
        return 1;
    }
    default:
        samla_diag_add_at(l->diag, SAMLA_SEV_ERROR, l->name, (int)ev->start_mark.line + 1,
                          "unexpected YAML event");
        return 0;
    }
}

samla_status samla_model_load_yaml(samla_arena *a, const char *text, size_t len, const char *name,
                                   samla_node **out, samla_diag *diag)
{
    load_ctx l = {.a = a, .diag = diag, .name = name};
    *out = NULL;
    if (len > MODEL_MAX_BYTES) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, name, 0, "file larger than %u bytes", MODEL_MAX_BYTES);
        return SAMLA_ERR_LIMIT;
    }
    if (!yaml_parser_initialize(&l.p)) return SAMLA_ERR_NOMEM;
    yaml_parser_set_input_string(&l.p, (const unsigned char *)text, len);
    samla_status st = SAMLA_ERR_FORMAT;
    yaml_event_t ev;
    int done = 0;
    while (!done && next_event(&l, &ev)) {
        switch (ev.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT: break;
        case YAML_STREAM_END_EVENT:
            done = 1;
            if (!*out) *out = samla_node_null(a);
            st = SAMLA_OK;
            break;
        default:
            if (*out) { /* second document: ignore the rest */
                done = 1;
                st = SAMLA_OK;
                break;
            }
            if (!load_node(&l, &ev, out, 0)) done = 1;
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&l.p);
    return st;
}

samla_status samla_model_load_file(samla_arena *a, const char *path, samla_node **out, samla_diag *diag)
{
    FILE *f = fopen(path, "rb");
    *out = NULL;
    if (!f) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0, "cannot open: %s", strerror(errno));
        return SAMLA_ERR_IO;
    }
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    samla_status st = SAMLA_OK;
    while (buf) {
        if (len == cap) {
            if (cap >= MODEL_MAX_BYTES) {
                st = SAMLA_ERR_LIMIT;
                samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0, "file larger than %u bytes", MODEL_MAX_BYTES);
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) break;
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) break;
    }
    if (!buf) st = SAMLA_ERR_NOMEM;
    else if (ferror(f)) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0, "read error");
        st = SAMLA_ERR_IO;
    }
    fclose(f);
    if (st == SAMLA_OK) st = samla_model_load_yaml(a, buf, len, path, out, diag);
    free(buf);
    return st;
}
