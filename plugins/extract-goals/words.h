/* words.h: phrase lists from data/plan-words.yaml, matched on folded text.
 *
 * Shared by extract-goals and extract-activities (compiled into both). A
 * phrase matches a text when the text's soft form (samla_text_soft: case
 * folded, punctuation dropped) starts with the phrase as whole words. */
#ifndef PLAN_WORDS_H
#define PLAN_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include "samla/samla.h"

typedef struct words {
    const char **soft;   /* folded phrases, longest first */
    size_t n;
} words;

/* Loads map[key] (a sequence of strings) into w; an absent key gives an empty list.
 * Strings live in arena a. */
samla_status words_load(samla_arena *a, const samla_node *map, const char *key, words *w, samla_diag *diag);
/* Number of words of the phrase that starts soft (0 when none does). */
size_t words_prefix(const words *w, const char *soft);
/* True when soft is exactly one of the phrases (a trailing year range allowed). */
bool words_only(const words *w, const char *soft);
/* True when one of the phrases occurs in soft as whole words. */
bool words_contains(const words *w, const char *soft);
/* The original text after its first nwords words and any following separators
 * (spaces, ':', '-', '–', '—', '.'); arena copy, "" when nothing is left. */
char *words_rest(samla_arena *a, const char *text, size_t nwords);
/* A compiled pattern from map.patterns[key] (error diagnostic when absent or bad). */
samla_re *words_pattern(const samla_node *map, const char *key, samla_diag *diag);
/* A labelled field line ("Ansvarig: …", "Tidplan: …"): the text starts with a phrase of one of
 * the n lists, followed by a colon. */
bool words_field(samla_arena *a, const words *const *lists, size_t n, const char *text);
/* True when text starts with a lower-case letter (a line wrapped from the block before). */
bool words_lower_start(const char *text);
/* Copy of s with trailing spaces and a trailing '.' or ':' removed. */
char *words_trim_end(samla_arena *a, const char *s);

#endif
