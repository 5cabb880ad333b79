/* eval.h: the `samla eval` engine: matcher configuration, one-to-one matching
 * of gold and output items per section, counts and metrics per mode, the
 * threshold syntax and the report tree.
 *
 * Everything the engine allocates lives in an arena the caller passes in and
 * frees (one for the run's configuration and totals, one per document). */
#ifndef SAMLA_EVAL_H
#define SAMLA_EVAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "samla/samla.h"

/* Comparison modes, as GROBID's evaluation. */
typedef enum eval_mode { EVAL_STRICT = 0, EVAL_SOFT, EVAL_FUZZY, EVAL_NMODES } eval_mode;

const char *eval_mode_name(eval_mode m);

/* One scored field of a section. id fields (numbers, codes, dates, kinds)
 * never compare fuzzily: in fuzzy mode they compare as in soft mode. */
typedef struct eval_field {
    const char *name;
    bool id;
} eval_field;

/* A named group of fields ("name+status+party+roles"): an item counts only
 * when every listed field is correct. */
typedef struct eval_group {
    const char *name;
    size_t *fields; /* indexes into the section's fields */
    size_t nfields;
} eval_group;

/* Replaces a field's value by a value looked up in another section of the same
 * model: links' `activity: <id>` becomes the activity's text, `goal: <id>` the
 * goal's code (its title when it has none). */
typedef struct eval_resolve {
    const char *field;   /* field of this section's items */
    const char *section; /* section to look in */
    const char *by;      /* key of that section's items the value names */
    const char *take;    /* key whose value replaces the field's value */
    const char *or_take; /* key used when that item has no `take` (may be NULL) */
} eval_resolve;

/* How one section is matched and scored. Keys and rank are field names that
 * are also in fields. */
typedef struct eval_section {
    const char *name;
    bool record;              /* one map (meeting), not a list of items */
    const char **keys;        /* items are candidates when all keys agree */
    size_t nkeys;
    const char **fallback;    /* keys used when a side lacks a primary key */
    size_t nfallback;
    const char *rank;         /* text field whose similarity orders candidates */
    eval_field *fields;
    size_t nfields;
    eval_group *groups;
    size_t ngroups, capgroups;
    eval_resolve *resolve;
    size_t nresolve;
} eval_section;

typedef struct eval_config {
    eval_section *sections;
    size_t nsections;
    double fuzzy; /* edit-distance ratio threshold of fuzzy mode */
} eval_config;

/* The built-in matcher table (config.c). Lives in arena a (caller frees). */
eval_config *eval_config_default(samla_arena *a);
eval_section *eval_config_section(const eval_config *c, const char *name);
/* Index of field name in s, or (size_t)-1. */
size_t eval_section_field(const eval_section *s, const char *name);
/* Finds or adds the group "f1+f2+...". NULL (msg set, static) when a field is
 * unknown or the syntax is bad. Fields are kept in the order given. */
eval_group *eval_section_group(samla_arena *a, eval_section *s, const char *spec, size_t len,
                               const char **msg);

/* Counts of one statistic in one mode. */
typedef struct eval_counts {
    size_t tp, fp, fn;
} eval_counts;

/* precision, recall, f1; NAN when the denominator is 0. */
double eval_precision(eval_counts c);
double eval_recall(eval_counts c);
double eval_f1(eval_counts c);

/* Counts of one section, summed over documents. Arrays are sized by the
 * section's nfields / capgroups. */
typedef struct eval_section_counts {
    size_t documents;               /* documents in which the section was scored */
    size_t gold_items, out_items;
    eval_counts items[EVAL_NMODES];
    eval_counts *fields;            /* [nfields * EVAL_NMODES] */
    eval_counts *elements;          /* list fields, element level: [nfields * EVAL_NMODES] */
    bool *is_list;                  /* [nfields]: some value was a list */
    eval_counts *groups;            /* [capgroups * EVAL_NMODES] */
} eval_section_counts;

/* Document kinds: gold `document.kind` against the output's, per document
 * (documents whose output lists the `document` section and whose gold has a
 * kind). confusion[g][o] counts gold kind g output as o, indexed by
 * samla_document_kinds(); the last row and column are any other value. */
#define EVAL_KINDS 8
typedef struct eval_kind_counts {
    size_t documents, correct;
    size_t confusion[EVAL_KINDS][EVAL_KINDS];
} eval_kind_counts;

typedef struct eval_counts_set {
    const eval_config *config;
    eval_section_counts *sections; /* [config->nsections] */
    eval_kind_counts kinds;
} eval_counts_set;

/* Zeroed counts for every section of c, in arena a. NULL on OOM. */
eval_counts_set *eval_counts_new(samla_arena *a, const eval_config *c);
/* Adds every count of src to dst (same config). */
void eval_counts_add(eval_counts_set *dst, const eval_counts_set *src);

/* Scores one output model against its gold model, adding to counts. Sections
 * are scored when the output's samla.sections names them and the gold has the
 * key. scratch holds temporary strings (caller frees). */
samla_status eval_document(samla_arena *scratch, const eval_config *c, const samla_node *gold,
                           const samla_node *out, eval_counts_set *counts);

/* links.c: the stem of the strategy a coverage output records
 * (`strategy.source` without folder and extensions), or NULL when it records
 * none. In arena a. */
char *eval_links_strategy_stem(samla_arena *a, const samla_node *out);
/* The stem of the plan a model was made from (`document.source` without
 * folder and extensions), or NULL. In arena a. */
char *eval_links_plan_stem(samla_arena *a, const samla_node *out);
/* Rewrites out's links for scoring against gold: each goal id becomes the
 * code (else title) of its ancestor at gold's `level` (the goal itself when
 * it is at that level or has no such ancestor), found through out's
 * `strategy.goals`; duplicates (activity, goal) that this makes are dropped.
 * Does nothing when out has no strategy record. */
samla_status eval_links_prepare(samla_arena *a, const samla_node *gold, samla_node *out);

/* A threshold: `TARGET[.METRIC][.MODE]=VALUE` (see docs/eval.md). */
typedef enum eval_metric { EVAL_P = 0, EVAL_R, EVAL_F1 } eval_metric;
typedef struct eval_threshold {
    const char *text;     /* as given */
    size_t section;       /* index in config */
    size_t field;         /* (size_t)-1: items or group */
    eval_group *group;    /* NULL unless a group */
    eval_metric metric;
    eval_mode mode;
    double min;
} eval_threshold;

/* Parses spec; adds groups it names to the config. false with *msg (static)
 * on a bad spec. */
bool eval_threshold_parse(samla_arena *a, eval_config *c, const char *spec, eval_threshold *t,
                          const char **msg);
/* The value a threshold looks at; *defined false when nothing was scored
 * (no items either side, or the section never scored). */
double eval_threshold_value(const eval_counts_set *cs, const eval_threshold *t, bool *defined);

/* The report tree: {fuzzy_threshold, sections: {name: {documents, items,
 * fields, elements, groups}}}, each stat {mode: {precision, recall, f1, tp, fp, fn}}.
 * In arena a. */
samla_node *eval_report_tree(samla_arena *a, const eval_counts_set *cs);
/* The readable aligned table; modes: bit (1 << mode) per mode shown. */
void eval_report_table(FILE *out, const eval_counts_set *cs, unsigned modes);

#endif
