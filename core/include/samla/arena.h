/* arena.h: region allocator.
 *
 * All memory of one document (its content blocks, its model, strings made by
 * plugins) comes from one arena that is freed in one call when the document
 * is done. Allocation failure returns NULL; nothing aborts. */
#ifndef SAMLA_ARENA_H
#define SAMLA_ARENA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct samla_arena samla_arena;

/* New empty arena. Free with samla_arena_free. NULL on out of memory. */
samla_arena *samla_arena_new(void);
/* Frees the arena and everything allocated from it, after calling the
 * samla_arena_on_free hooks (last registered first). NULL is fine. */
void samla_arena_free(samla_arena *a);
/* Zeroed memory, aligned for any type, owned by the arena. */
void *samla_arena_alloc(samla_arena *a, size_t size);
/* Grows an arena array: returns a new block of new_n elements with the old
 * contents copied (the old block stays until the arena is freed). */
void *samla_arena_grow(samla_arena *a, void *old, size_t old_n, size_t new_n, size_t elem);
/* Copies of strings, owned by the arena. NULL in gives NULL out. */
char *samla_arena_strdup(samla_arena *a, const char *s);
char *samla_arena_strndup(samla_arena *a, const char *s, size_t n);
char *samla_arena_printf(samla_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *samla_arena_vprintf(samla_arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hands p to the arena: fn(p) is called when a is freed, so an object made
 * elsewhere (a compiled pattern) can live exactly as long as the arena.
 * False on out of memory: then nothing is registered and the caller still
 * owns p. */
bool samla_arena_on_free(samla_arena *a, void (*fn)(void *), void *p);
/* Bytes handed out so far (for limits and benchmarks). */
size_t samla_arena_used(const samla_arena *a);

#ifdef __cplusplus
}
#endif
#endif
