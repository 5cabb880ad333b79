/* text.h: UTF-8 text utilities shared by readers, extractors and eval.
 *
 * Everything returns arena-owned strings (NULL in gives NULL out). GLib does
 * the Unicode work (validation, NFC, case folding). */
#ifndef SAMLA_TEXT_H
#define SAMLA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include "samla/arena.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Valid UTF-8, NFC, soft hyphens removed, ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ) expanded,
 * control characters and runs of white space (incl. NBSP) collapsed to one
 * space, trimmed. Invalid UTF-8 bytes become U+FFFD. */
char *samla_text_clean(samla_arena *a, const char *s);
/* As samla_text_clean but keeps newlines (collapses runs of spaces only). */
char *samla_text_clean_lines(samla_arena *a, const char *s);
/* Soft form for matching: clean, case-folded, punctuation removed, spaces
 * collapsed ("Anna-Lena  Danielsson (S)" -> "anna lena danielsson s"). */
char *samla_text_soft(samla_arena *a, const char *s);
/* Lowercase (case-folded, NFC). */
char *samla_text_lower(samla_arena *a, const char *s);
/* samla_text_lower without allocating, for the common case: folds the n bytes of s into out (room for
 * n + 1 bytes, NUL-terminated) when every character is ASCII or a Latin-1 letter whose fold is one
 * Latin-1 letter (Swedish and Finnish text); the result is then byte for byte samla_text_lower's.
 * False (out undefined) when s holds any other character: fold it with samla_text_lower. */
bool samla_text_lower_latin1(const char *s, size_t n, char *out);
/* Trimmed copy (ASCII and Unicode space), interior untouched. */
char *samla_text_trim(samla_arena *a, const char *s);
/* Edit-distance ratio 1 - lev(a,b)/max(len) over code points, in [0,1]. */
double samla_text_similarity(const char *a, const char *b);
/* Number of code points. */
size_t samla_text_len(const char *s);
/* True when s starts with prefix, ignoring case. */
bool samla_text_starts_with_ci(const char *s, const char *prefix);
/* True when s starts with a lower-case letter (a line wrapped from the block before). */
bool samla_text_lower_start(const char *s);
/* Copy of s without trailing spaces, '.' or ':' ("2.1. " -> "2.1"). */
char *samla_text_trim_end(samla_arena *a, const char *s);

/* A file name for messages and the model: the name itself when it is valid UTF-8,
 * else each invalid byte and each backslash written as \xNN ("bad\xFF.pdf").
 * malloc'd, unlike the arena functions above: caller frees. NULL in, NULL out. */
char *samla_path_display(const char *path);

/* Swedish and ISO date forms to "YYYY-MM-DD": 2024-05-03, 20240503,
 * 3 maj 2024, den 21 oktober 2021, onsdagen den 22 november 2023, 2024.05.03,
 * 3/5 2024. Finds the first date in s. NULL when none. *end (optional) gets
 * the offset just past the match. */
char *samla_text_find_date(samla_arena *a, const char *s, size_t *end);
/* The same, with *start (optional) the offset where the date begins. */
char *samla_text_find_date_at(samla_arena *a, const char *s, size_t *start, size_t *end);
/* Times: "09.30", "9:30", "kl. 13" -> "09:30" / "13:00". First time in s. */
char *samla_text_find_time(samla_arena *a, const char *s, size_t *end);
/* The same, with *start (optional) the offset where the time ("kl" or its first digit) begins. */
char *samla_text_find_time_at(samla_arena *a, const char *s, size_t *start, size_t *end);
/* The first time span in s, as a meeting's front page writes it: "kl 17:00-20:40", "kl. 13.00–16.30",
 * "13:00 - 15:45", "kl 9-12", "18.30–ca 21.00", "kl 14 till 16"; in "kl. 08.30–12.00, 13.00–15.15" the end is
 * the last span's. *start and *end get "HH:MM" strings in a (*end NULL when only a start time is written);
 * *start_off (optional) the offset where the span begins ("kl" or the first digit), *end_off (optional) the
 * offset after the last time read. False (both NULL) when s has no time. */
bool samla_text_find_time_span(samla_arena *a, const char *s, char **start, char **end, size_t *start_off,
                               size_t *end_off);

#ifdef __cplusplus
}
#endif
#endif
