/* link.h: shared state of the link-strategy plugin (see link_strategy.c).
 *
 * The state lives from init to fini. Its arena owns the deep copy of the
 * strategy model, the goal records and their term vectors; GLib tables in it
 * are destroyed by link_state_free. */
#ifndef LINK_LINK_H
#define LINK_LINK_H

#include <glib.h>
#include <stdbool.h>
#include "lex.h"
#include "samla/samla.h"

typedef struct link_config {
    const char *strategy;           /* path: strategy document or samla YAML/JSON */
    const char *strategy_pipeline;  /* pipeline for a strategy document */
    double threshold;               /* lowest lexical score kept */
    double relative;                /* keep lexical links >= relative * best */
    long top_k;                     /* most lexical links per activity */
    const char *synonyms;           /* synonym lexicon (YAML) */
    const char *wordlist;           /* word list for compound splitting */
    const char *const *levels;      /* goal kinds that are link targets */
    long min_part;                  /* least letters of a compound part */
    bool proper_nouns;              /* drop capitalised words the goals never use as common words */
    bool plan_words;                /* drop the words of the plan's title and organisation */
    double area_weight;             /* query weight of the activity's area */
    double indicator_weight;        /* query weight of the activity's indicators */
    double heading_weight;          /* query weight of its section and nearest heading (further: 0.6 x) */
    double named_area_bonus;        /* lexical score share added under a focus area the plan names (PL-LINK-NAMED-AREA) */
} link_config;

/* One weighted stem of a goal document. */
typedef struct goal_term {
    const char *stem;      /* interned by the lex engine */
    const char *surface;
    double tf, w;          /* summed weight; tf-idf weight */
} goal_term;

typedef struct lgoal {
    const char *id, *code, *kind, *title, *text, *parent_id;
    const char *code_key;  /* link_code_key of code ("A.1" -> "A1"), or NULL */
    int parent;            /* index into goals, -1 for none */
    bool target;           /* a link target (levels) */
    const char *title_key; /* normalised title for heading matches */
    goal_term *terms;
    size_t nterms;
    GHashTable *index;     /* stem -> position + 1 in terms */
    double norm;
} lgoal;

typedef struct link_state {
    const link_config *cfg;
    samla_runtime *rt;
    lex_engine *lx;
    samla_arena *arena;
    const char *const *labels;  /* heading label words ("fokusområde", ...) from the stop word file */
    size_t nlabels;
    const char *const *org_units; /* endings of organisation names ("förvaltningen", "nämnden"), lowercased */
    size_t norg_units;
    bool loaded;
    samla_status load_status;
    const char *source;    /* the strategy's document.source (else the option), for the output's record */
    const char *title;     /* the strategy's document.title, or NULL */
    lgoal *goals;
    size_t ngoals, ntargets;
    GHashTable *df;        /* stem -> number of target documents holding it */
} link_state;

/* Loads the strategy (nested run or samla YAML/JSON), copies it into the
 * state's arena and builds the goal records and vectors. Errors go to ctx. */
samla_status link_load_strategy(link_state *st, samla_ctx *ctx);
void link_state_free(link_state *st);

/* The output's `strategy` record: {source, title, goals: [{id, code, kind,
 * title, parent}]}, in arena a. NULL on OOM. */
samla_node *link_strategy_record(const link_state *st, samla_arena *a);

/* Normalised form of a heading or title for matching: soft form with leading
 * numbering, codes and label words removed. Arena-owned. */
char *link_title_key(const link_state *st, samla_arena *a, const char *s);

/* The stems of the plan's title and organisation (document section of ctx's
 * model), to leave out of every activity's query; a GHashTable the caller
 * destroys, NULL when plan_words is off. */
GHashTable *link_plan_words(link_state *st, samla_ctx *ctx);

/* A goal code an activity cites that the strategy does not have, with the
 * activities citing it (one warning per code and plan). In ctx's arena. */
typedef struct link_missing {
    const char *code;
    const char *acts;      /* "act-3 \"Ordna …\", act-7 \"…\"" (the first few) */
    size_t n;              /* activities citing it */
    int page;              /* page of the first, 0 when unknown */
    struct link_missing *next;
} link_missing;

/* Links one activity (map) of ctx's model; appends to links. Stems in drop
 * (may be NULL) are not query terms. A cited code the strategy lacks is added
 * to *missing (ctx's arena). */
samla_status link_activity(link_state *st, samla_ctx *ctx, const samla_node *act, samla_node *links,
                           GHashTable *drop, link_missing **missing, const bool *named);
/* PL-LINK-NAMED-AREA: per goal, true when the plan's running text names the goal's focus area by its full title
 * ("bygger främst på strategins områden Ett hälsosamt åldrande och …"); NULL when it names none (or on OOM). */
bool *link_named_areas(const link_state *st, samla_ctx *ctx);

/* codes.c. The normalised key of a goal code as written ("Delmål A.1" ->
 * "A1", "[1.2]" -> "1.2"), or NULL when s is no code. In arena a. */
char *link_code_key(const link_state *st, samla_arena *a, const char *s);
/* True when s is a goal code alone ("A1", "1.2", "Delmål 1.2"; a lone "B"
 * or "2" only after a label word). */
bool link_is_code(const link_state *st, samla_arena *a, const char *s);
/* The goal whose code is code (as written, else by key), or -1. */
int link_goal_by_code(const link_state *st, samla_arena *a, const char *code);
/* The goal codes an activity cites by its own fields: every code of an area
 * that is a list of codes alone ("A1, B2"), else its `goal` field (the code
 * extract-activities took off its text or area). Up to nmax into out (arena
 * strings); returns how many. */
size_t link_cited_codes(const link_state *st, samla_arena *a, const samla_node *act, const char **out, size_t nmax);

#endif
