/* tree.h: the goal tree being built for one document, with merging.
 *
 * Goals are added in reading order. A goal that restates one already seen
 * (same code; else same kind, same parent and a near-equal folded title) is
 * merged into it: the richer (longer) text wins, the first source stays.
 * The text gathered after a restatement is kept apart (`restated`) and
 * replaces the first statement's text only when longer, so a strategy that
 * states every goal twice (summary, then full text; or the whole strategy
 * repeated) gives each goal its text once.
 * Ids: the document's code when it has one, else generated from the kind,
 * the parent and the position: V1 (vision), O1 (overall goal), FA1 (focus
 * area), <parent>.G1 (sub-goal), <parent>.P1 (priority). */
#ifndef GOALS_TREE_H
#define GOALS_TREE_H

#include <stdbool.h>
#include "samla/samla.h"

typedef enum goal_kind { GK_VISION, GK_OVERALL, GK_FOCUS, GK_SUBGOAL, GK_PRIORITY } goal_kind;

typedef struct goal {
    goal_kind kind;
    const char *code;    /* NULL when the document gives none */
    const char *title;
    char *text;          /* NULL when none */
    char *restated;      /* text gathered since the goal was last restated, NULL when none */
    bool again;          /* restated: appends go to `restated` */
    int parent;          /* index in the tree, -1 for none */
    const char *id;
    const samla_block *src;
} goal;

typedef struct tree {
    samla_arena *a;
    goal *g;
    size_t n, cap;
} tree;

/* Adds or merges; returns the goal's index, -1 on out of memory. */
int tree_add(tree *t, goal_kind kind, const char *code, const char *title, int parent, const samla_block *src);
/* Appends a paragraph or list item to a goal's text: a newline between parts when
 * newline is set or the text so far ends a sentence, else a space (a paragraph
 * broken by a page). */
void tree_append_text(tree *t, int i, const char *text, bool newline);
/* Index of the focus area with this code, or -1. */
int tree_find_code(const tree *t, const char *code);
/* Writes the goals into the model's `goals` section. */
samla_status tree_write(tree *t, samla_ctx *ctx);

#endif
