/* arena.c: region allocator (chunk list, bump pointer). */
#include "samla/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK (64u * 1024u)
#define ARENA_ALIGN 16u

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} chunk;

typedef struct hook {
    struct hook *next;
    void (*fn)(void *);
    void *p;
} hook;

struct samla_arena {
    chunk *head;
    size_t total;
    hook *hooks; /* samla_arena_on_free, newest first; the nodes live in the chunks */
};

samla_arena *samla_arena_new(void) { return calloc(1, sizeof(samla_arena)); }

void samla_arena_free(samla_arena *a)
{
    if (!a) return;
    for (hook *h = a->hooks; h; h = h->next) h->fn(h->p);
    chunk *c = a->head;
    while (c) {
        chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

void *samla_arena_alloc(samla_arena *a, size_t size)
{
    if (!a) return NULL;
    if (size == 0) size = 1;
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (need < size) return NULL; /* overflow */
    chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        size_t csize = need > ARENA_CHUNK ? need : ARENA_CHUNK;
        chunk *n = malloc(sizeof(chunk) + csize);
        if (!n) return NULL;
        n->size = csize;
        n->used = 0;
        if (c && need > ARENA_CHUNK) {
            /* big block: keep the current chunk as head so its space is used */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
    }
    void *p = c->data + c->used;
    c->used += need;
    a->total += need;
    memset(p, 0, size);
    return p;
}

bool samla_arena_on_free(samla_arena *a, void (*fn)(void *), void *p)
{
    hook *h = samla_arena_alloc(a, sizeof *h);
    if (!h) return false;
    *h = (hook){.next = a->hooks, .fn = fn, .p = p};
    a->hooks = h;
    return true;
}

void *samla_arena_grow(samla_arena *a, void *old, size_t old_n, size_t new_n, size_t elem)
{
    if (elem && new_n > SIZE_MAX / elem) return NULL;
    void *p = samla_arena_alloc(a, new_n * elem);
    if (p && old && old_n) memcpy(p, old, (old_n < new_n ? old_n : new_n) * elem);
    return p;
}

char *samla_arena_strndup(samla_arena *a, const char *s, size_t n)
{
    if (!s) return NULL;
    char *p = samla_arena_alloc(a, n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *samla_arena_strdup(samla_arena *a, const char *s)
{
    return s ? samla_arena_strndup(a, s, strlen(s)) : NULL;
}

char *samla_arena_vprintf(samla_arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) return NULL;
    char *p = samla_arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *samla_arena_printf(samla_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = samla_arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

size_t samla_arena_used(const samla_arena *a) { return a ? a->total : 0; }
