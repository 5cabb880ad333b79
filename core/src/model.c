/* model.c: the shared model's node tree (maps keep insertion order). */
#include "samla/model.h"

#include <stdlib.h>
#include <string.h>

static samla_node *node_new(samla_arena *a, samla_node_type t)
{
    samla_node *n = samla_arena_alloc(a, sizeof *n);
    if (n) n->type = t;
    return n;
}

samla_node *samla_node_map(samla_arena *a) { return node_new(a, SAMLA_NODE_MAP); }
samla_node *samla_node_seq(samla_arena *a) { return node_new(a, SAMLA_NODE_SEQ); }
samla_node *samla_node_null(samla_arena *a) { return node_new(a, SAMLA_NODE_NULL); }

samla_node *samla_node_str(samla_arena *a, const char *s)
{
    if (!s) return samla_node_null(a);
    samla_node *n = node_new(a, SAMLA_NODE_STRING);
    if (n && !(n->u.s = samla_arena_strdup(a, s))) return NULL;
    return n;
}

samla_node *samla_node_int(samla_arena *a, long long v)
{
    samla_node *n = node_new(a, SAMLA_NODE_INT);
    if (n) n->u.i = v;
    return n;
}

samla_node *samla_node_float(samla_arena *a, double v)
{
    samla_node *n = node_new(a, SAMLA_NODE_FLOAT);
    if (n) n->u.f = v;
    return n;
}

samla_node *samla_node_bool(samla_arena *a, bool v)
{
    samla_node *n = node_new(a, SAMLA_NODE_BOOL);
    if (n) n->u.b = v;
    return n;
}

samla_node *samla_map_set(samla_arena *a, samla_node *map, const char *key, samla_node *value)
{
    if (!map || map->type != SAMLA_NODE_MAP || !key || !value) return NULL;
    for (size_t i = 0; i < map->u.map.count; i++)
        if (strcmp(map->u.map.items[i].key, key) == 0) {
            map->u.map.items[i].value = value;
            return value;
        }
    if (map->u.map.count == map->u.map.cap) {
        size_t cap = map->u.map.cap ? map->u.map.cap * 2 : 8;
        samla_pair *p = samla_arena_grow(a, map->u.map.items, map->u.map.count, cap, sizeof *p);
        if (!p) return NULL;
        map->u.map.items = p;
        map->u.map.cap = cap;
    }
    const char *k = samla_arena_strdup(a, key);
    if (!k) return NULL;
    map->u.map.items[map->u.map.count].key = k;
    map->u.map.items[map->u.map.count].value = value;
    map->u.map.count++;
    return value;
}

samla_node *samla_map_set_str(samla_arena *a, samla_node *map, const char *key, const char *s)
{
    if (!s) return NULL;
    return samla_map_set(a, map, key, samla_node_str(a, s));
}

samla_node *samla_map_set_int(samla_arena *a, samla_node *map, const char *key, long long v)
{
    return samla_map_set(a, map, key, samla_node_int(a, v));
}

samla_node *samla_map_set_float(samla_arena *a, samla_node *map, const char *key, double v)
{
    return samla_map_set(a, map, key, samla_node_float(a, v));
}

samla_node *samla_map_set_bool(samla_arena *a, samla_node *map, const char *key, bool v)
{
    return samla_map_set(a, map, key, samla_node_bool(a, v));
}

samla_node *samla_map_ensure_map(samla_arena *a, samla_node *map, const char *key)
{
    samla_node *n = samla_map_get(map, key);
    if (n && n->type == SAMLA_NODE_MAP) return n;
    return samla_map_set(a, map, key, samla_node_map(a));
}

samla_node *samla_map_ensure_seq(samla_arena *a, samla_node *map, const char *key)
{
    samla_node *n = samla_map_get(map, key);
    if (n && n->type == SAMLA_NODE_SEQ) return n;
    return samla_map_set(a, map, key, samla_node_seq(a));
}

void samla_map_remove(samla_node *map, const char *key)
{
    if (!map || map->type != SAMLA_NODE_MAP) return;
    for (size_t i = 0; i < map->u.map.count; i++)
        if (strcmp(map->u.map.items[i].key, key) == 0) {
            memmove(&map->u.map.items[i], &map->u.map.items[i + 1],
                    (map->u.map.count - i - 1) * sizeof(samla_pair));
            map->u.map.count--;
            return;
        }
}

samla_node *samla_seq_append(samla_arena *a, samla_node *seq, samla_node *value)
{
    if (!seq || seq->type != SAMLA_NODE_SEQ || !value) return NULL;
    if (seq->u.seq.count == seq->u.seq.cap) {
        size_t cap = seq->u.seq.cap ? seq->u.seq.cap * 2 : 8;
        samla_node **p = samla_arena_grow(a, seq->u.seq.items, seq->u.seq.count, cap, sizeof *p);
        if (!p) return NULL;
        seq->u.seq.items = p;
        seq->u.seq.cap = cap;
    }
    seq->u.seq.items[seq->u.seq.count++] = value;
    return value;
}

samla_node *samla_seq_append_str(samla_arena *a, samla_node *seq, const char *s)
{
    return samla_seq_append(a, seq, samla_node_str(a, s));
}

samla_node *samla_map_get(const samla_node *map, const char *key)
{
    if (!map || map->type != SAMLA_NODE_MAP || !key) return NULL;
    for (size_t i = 0; i < map->u.map.count; i++)
        if (strcmp(map->u.map.items[i].key, key) == 0) return map->u.map.items[i].value;
    return NULL;
}

const char *samla_map_get_str(const samla_node *map, const char *key)
{
    samla_node *n = samla_map_get(map, key);
    return n && n->type == SAMLA_NODE_STRING ? n->u.s : NULL;
}

long long samla_map_get_int(const samla_node *map, const char *key, long long def)
{
    samla_node *n = samla_map_get(map, key);
    if (!n) return def;
    if (n->type == SAMLA_NODE_INT) return n->u.i;
    if (n->type == SAMLA_NODE_FLOAT) return (long long)n->u.f;
    if (n->type == SAMLA_NODE_STRING) {
        char *end;
        long long v = strtoll(n->u.s, &end, 10);
        if (end != n->u.s && *end == '\0') return v;
    }
    return def;
}

double samla_map_get_float(const samla_node *map, const char *key, double def)
{
    samla_node *n = samla_map_get(map, key);
    if (!n) return def;
    if (n->type == SAMLA_NODE_FLOAT) return n->u.f;
    if (n->type == SAMLA_NODE_INT) return (double)n->u.i;
    if (n->type == SAMLA_NODE_STRING) {
        char *end;
        double v = strtod(n->u.s, &end);
        if (end != n->u.s && *end == '\0') return v;
    }
    return def;
}

size_t samla_node_len(const samla_node *n)
{
    if (!n) return 0;
    if (n->type == SAMLA_NODE_MAP) return n->u.map.count;
    if (n->type == SAMLA_NODE_SEQ) return n->u.seq.count;
    return 0;
}

samla_node *samla_seq_at(const samla_node *seq, size_t i)
{
    if (!seq || seq->type != SAMLA_NODE_SEQ || i >= seq->u.seq.count) return NULL;
    return seq->u.seq.items[i];
}

const char **samla_seq_strings(samla_arena *a, const samla_node *seq)
{
    size_t n = seq && seq->type == SAMLA_NODE_SEQ ? seq->u.seq.count : 0;
    const char **out = samla_arena_alloc(a, (n + 1) * sizeof *out);
    if (!out) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const samla_node *s = seq->u.seq.items[i];
        if (s && s->type == SAMLA_NODE_STRING) out[k++] = s->u.s;
    }
    out[k] = NULL;
    return out;
}

samla_node *samla_node_copy(samla_arena *a, const samla_node *n)
{
    if (!n) return NULL;
    switch (n->type) {
    case SAMLA_NODE_NULL: return samla_node_null(a);
    case SAMLA_NODE_STRING: return samla_node_str(a, n->u.s);
    case SAMLA_NODE_INT: return samla_node_int(a, n->u.i);
    case SAMLA_NODE_FLOAT: return samla_node_float(a, n->u.f);
    case SAMLA_NODE_BOOL: return samla_node_bool(a, n->u.b);
    case SAMLA_NODE_MAP: {
        samla_node *m = samla_node_map(a);
        for (size_t i = 0; m && i < n->u.map.count; i++)
            if (!samla_map_set(a, m, n->u.map.items[i].key, samla_node_copy(a, n->u.map.items[i].value)))
                return NULL;
        return m;
    }
    case SAMLA_NODE_SEQ: {
        samla_node *s = samla_node_seq(a);
        for (size_t i = 0; s && i < n->u.seq.count; i++)
            if (!samla_seq_append(a, s, samla_node_copy(a, n->u.seq.items[i]))) return NULL;
        return s;
    }
    }
    return NULL;
}
