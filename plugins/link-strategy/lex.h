/* lex.h: the lexical engine of link-strategy: Swedish tokens, stop words,
 * Snowball stems, compound splitting and the synonym lexicon.
 *
 * One lex_engine lives from the plugin's init to its fini and owns every
 * string it hands out (its own arena) plus its GLib tables and the stemmer.
 * Nothing here prints or exits; problems go to a samla_diag. */
#ifndef LINK_LEX_H
#define LINK_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include "samla/samla.h"

/* One weighted term of a text: `stem` is interned (pointer-comparable within
 * one engine), `surface` the word as it stood (lowercased); both owned by the
 * engine's arena or the arena given to lex_terms_add. */
typedef struct lex_term {
    const char *stem;
    const char *surface;
    double weight;
} lex_term;

/* A growable list of terms in some arena. */
typedef struct lex_terms {
    lex_term *items;
    size_t n, cap;
} lex_terms;

typedef struct lex_engine lex_engine;

/* New engine (own arena, Swedish stemmer). NULL + diagnostic on failure.
 * Free with lex_free. */
lex_engine *lex_new(samla_diag *diag);
void lex_free(lex_engine *lx);

/* Compound parts keep at least min_part code points (the last part's stem
 * too); with proper_nouns, a word capitalised inside a sentence that the goal
 * vocabulary never uses as a common word is dropped (Stockholm, Rinkeby).
 * Defaults: 4, true. */
void lex_set_options(lex_engine *lx, long min_part, bool proper_nouns);

/* Stop words from a loaded data file: a sequence, or a map with key
 * `stopwords` holding one. Returns the number of words added. */
size_t lex_load_stopwords(lex_engine *lx, const samla_node *data);
/* The word list for compound splitting (ISO-8859-1 or UTF-8, one word a
 * line). false when the file cannot be read (the engine keeps working with
 * the goal vocabulary alone). */
bool lex_load_wordlist(lex_engine *lx, const char *path);
/* Adds every word of text to the known words (the goal tree's vocabulary);
 * words not capitalised inside a sentence also become common words. */
void lex_add_vocabulary(lex_engine *lx, const char *text);
/* Synonym lexicon: a map term -> list of equivalent terms (or a map with key
 * `synonyms` holding one). Returns the number of groups. */
size_t lex_load_synonyms(lex_engine *lx, const samla_node *data);

/* Tokenises text (lowercase, stop words out, stems, compound parts) and
 * appends its terms with weight w to out; the list grows in arena a.
 * Compound parts get w/2. With expand, synonyms of phrases found in text are
 * appended too (weight w/2, surface "word≈equivalent"). false on OOM. */
bool lex_terms_add(lex_engine *lx, samla_arena *a, lex_terms *out, const char *text, double w, bool expand);

/* The interned stem of one word (lowercased), or NULL when it is a stop
 * word or too short. Owned by the engine. */
const char *lex_stem_word(lex_engine *lx, const char *word);

#endif
