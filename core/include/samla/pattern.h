/* pattern.h: a small wrapper over PCRE2 (8-bit, UTF + UCP mode).
 *
 * Extractors keep their patterns in tables or pipeline options and compile
 * them once in init(). */
#ifndef SAMLA_PATTERN_H
#define SAMLA_PATTERN_H

#include <stdbool.h>
#include <stddef.h>
#include "samla/arena.h"
#include "samla/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct samla_re samla_re;

#define SAMLA_RE_CASELESS 1u
#define SAMLA_RE_MULTILINE 2u

#define SAMLA_RE_MAX_GROUPS 16

typedef struct samla_match {
    size_t start[SAMLA_RE_MAX_GROUPS];   /* byte offsets; SIZE_MAX = group unset */
    size_t end[SAMLA_RE_MAX_GROUPS];
    int ngroups;                          /* groups set, incl. group 0 */
} samla_match;

/* Compiles pattern (UTF, UCP, plus flags). On error returns NULL and adds a
 * diagnostic with the offset. Free with samla_re_free. */
samla_re *samla_re_compile(const char *pattern, unsigned flags, samla_diag *diag);
void samla_re_free(samla_re *re);
/* Searches subject from byte offset `from`. True on a match. */
bool samla_re_search(const samla_re *re, const char *subject, size_t from, samla_match *m);
/* Shorthand: true if re matches anywhere in subject. */
bool samla_re_test(const samla_re *re, const char *subject);
/* Group i of a match as an arena string (NULL when unset). */
char *samla_match_group(samla_arena *a, const samla_match *m, const char *subject, int i);
/* Index of a named group, or -1. */
int samla_re_group_index(const samla_re *re, const char *name);

#ifdef __cplusplus
}
#endif
#endif
