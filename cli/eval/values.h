/* values.h: one field's value of one item as a list of strings, and its
 * comparison under a mode (used by the matcher, match.c). */
#ifndef SAMLA_EVAL_VALUES_H
#define SAMLA_EVAL_VALUES_H

#include "eval.h"

typedef struct eval_value {
    bool present;      /* the key is in the item (even with a null value) */
    bool list;         /* the value is a sequence */
    size_t n;          /* non-empty strings */
    const char **raw;  /* as written (strict) */
    const char **soft; /* samla_text_soft forms */
} eval_value;

/* Fills v from node n (NULL: key absent). Scalars give one string, lists one
 * per element (maps in lists give their name, text or title). Null and empty
 * strings give none. Strings live in arena a. false on OOM. */
bool eval_value_from(samla_arena *a, const samla_node *n, eval_value *v);
/* Replaces the single string of v by s (v->n must be 1). false on OOM. */
bool eval_value_set1(samla_arena *a, eval_value *v, const char *s);
/* Two strings agree under mode m (id: fuzzy compares as soft). */
bool eval_str_agree(const char *raw_a, const char *soft_a, const char *raw_b, const char *soft_b,
                    eval_mode m, bool id, double threshold);
/* Elements of g and o paired one-to-one under m. */
size_t eval_value_common(const eval_value *g, const eval_value *o, eval_mode m, bool id,
                         double threshold);
/* Same set of strings under m (two empty values agree). */
bool eval_value_agree(const eval_value *g, const eval_value *o, eval_mode m, bool id, double threshold);
/* Edit-distance ratio of the first strings' soft forms (0 when one is empty). */
double eval_value_similarity(const eval_value *g, const eval_value *o);

#endif
