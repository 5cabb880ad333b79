/* phrases.h: phrase lists read from data files and matched on folded text.
 *
 * A phrase list is a YAML sequence of strings in a data file (data/plan-words.yaml's "goals" and
 * "activities" maps, for example). Phrases are folded with samla_text_soft when loaded; a phrase
 * matches a text when the text's soft form (case folded, punctuation dropped) starts with, equals
 * or contains the phrase as whole words. Plugins that share word lists load them through these
 * functions instead of compiling another plugin's copy. */
#ifndef SAMLA_PHRASES_H
#define SAMLA_PHRASES_H

#include <stdbool.h>
#include <stddef.h>

#include "samla/arena.h"
#include "samla/model.h"
#include "samla/pattern.h"
#include "samla/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct samla_phrases {
    const char **soft;   /* folded phrases, longest first */
    size_t n;
} samla_phrases;

/* Loads map[key] (a sequence of strings) into p; an absent key gives an empty list. The folded
 * strings live in arena a. file names the data file in the diagnostic when map[key] is no list. */
samla_status samla_phrases_load(samla_arena *a, const samla_node *map, const char *key, const char *file,
                                samla_phrases *p, samla_diag *diag);
/* Number of words of the phrase that starts soft (0 when none does). */
size_t samla_phrases_prefix(const samla_phrases *p, const char *soft);
/* True when soft is exactly one of the phrases (a trailing year or year range allowed). */
bool samla_phrases_only(const samla_phrases *p, const char *soft);
/* True when one of the phrases occurs in soft as whole words. */
bool samla_phrases_contains(const samla_phrases *p, const char *soft);
/* A labelled field line ("Ansvarig: …", "Tidplan: …"): the text before its first colon is,
 * folded, exactly a phrase of one of the n lists. Scratch strings go to arena a. */
bool samla_phrases_field(samla_arena *a, const samla_phrases *const *lists, size_t n, const char *text);
/* The original text after its first nwords words and any following separators (spaces, ':', '-',
 * '–', '—', '.', ','); a copy in arena a, "" when nothing is left, NULL on OOM. */
char *samla_phrases_rest(samla_arena *a, const char *text, size_t nwords);
/* Named fragments: a pattern may name a piece of regex kept once in map.fragments as "{NAME}" (an
 * upper-case name of two or more letters, digits or '_'; "{1,3}" and "\p{Lu}" are left alone). A
 * string fragment is spliced in as written (its own {NAME}s expanded, 8 levels at most); a list
 * fragment becomes a group of its words taken literally ([Paragraf, Ärende] -> "(?:Paragraf|Ärende)").
 * Case-insensitive matching is written in the pattern: "(?i)" or "(?i:...)".
 *
 * map.patterns[key] with its fragments expanded, a copy in arena a; NULL with one error diagnostic
 * naming file and key when it is absent, not a string or names an unknown fragment. */
char *samla_data_pattern_text(samla_arena *a, const samla_node *map, const char *key, const char *file,
                              samla_diag *diag);
/* map.patterns[key] expanded and compiled (free with samla_re_free); NULL with one error diagnostic
 * naming file and key (and PCRE2's reason and offset) when it cannot be. */
samla_re *samla_data_pattern(const samla_node *map, const char *key, const char *file, samla_diag *diag);

/* One word list or pattern a plugin takes from a data file: the file's map `section` (a top-level
 * key; NULL: the file's top level), there section[key] as a phrase list into *phrases, or
 * section.patterns[key] compiled into *re. Write them with the two macros below. */
typedef struct samla_data_item {
    const char *section;
    const char *key;
    samla_phrases *phrases;
    samla_re **re;
} samla_data_item;
#define SAMLA_DATA_PHRASES(section, key, out) {(section), (key), (out), NULL}
#define SAMLA_DATA_PATTERN(section, key, out) {(section), (key), NULL, (out)}

typedef struct samla_runtime samla_runtime;

/* A plugin's init in one call: finds and loads data file `file` ("plan-words.yaml") through rt's
 * data folders and fills the n items from it. The file's tree and the phrase lists live in arena
 * a; the patterns are owned by arena a too (samla_arena_on_free: freed with it, never with
 * samla_re_free), so a plugin keeping its state in a only frees a. A missing file, a missing
 * section and every bad item get their own error diagnostic naming the file; returns the first
 * failure's status (SAMLA_ERR_CONFIG for bad data), SAMLA_OK when all loaded. */
samla_status samla_data_load(const samla_runtime *rt, samla_arena *a, const char *file, const samla_data_item *items,
                             size_t n, samla_diag *diag);
/* The same from a data file's tree already loaded (root, from samla_runtime_load_data into arena a),
 * for a plugin that also reads other tables of that file. */
samla_status samla_data_fill(const samla_node *root, samla_arena *a, const char *file, const samla_data_item *items,
                             size_t n, samla_diag *diag);

#ifdef __cplusplus
}
#endif

#endif
