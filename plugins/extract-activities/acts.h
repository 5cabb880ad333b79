/* acts.h: shared state of extract-activities (plugin.c, table.c, lists.c, docinfo.c). */
#ifndef ACTS_H
#define ACTS_H

#include <stdbool.h>
#include "samla/samla.h"

typedef struct state {
    samla_arena *arena;
    long max_title;
    bool warn_empty;
    samla_phrases t_activity, t_indicator, t_responsible, t_area, t_number;
    samla_phrases list_label, indicator_label, responsible_label, field_label, container;
    samla_phrases di_type, di_adopted, di_decided, di_valid, di_reference;
    samla_re *re_year, *re_goal, *re_number, *re_item, *re_mark_pre, *re_mark_suf, *re_glyph;
} state;

/* The heading a block stands under. */
typedef struct section {
    const samla_block *b;
    int level;
    const char *number;   /* "2.1.1" or NULL */
    const char *title;    /* heading text without its number */
    const char *area;     /* the heading as the area of activities under it: its title, or the heading as
                             written when its typed number is a goal code (PL-ACTIVITY-AREA-CODE) */
} section;

typedef struct run {
    const state *s;
    samla_ctx *ctx;
    samla_node *seq;         /* the activities section */
    int next_id;
    section stack[10];
    int depth;
    int container_level;     /* level of the heading naming activities the blocks stand under, 0 none */
    bool container_numbered; /* that heading has a number ("2 Aktiviteter") */
    double container_size;   /* font size of the heading that opened it (0 unknown) */
    int container_flat;      /* -1 not yet known, 1 when its first sub-heading is set as it is (a PDF whose headings
                                are all bold body text, levels from spacing): PL-ACTIVITY-CONTAINER-FLAT */
    bool container_bare;     /* that heading stands right over a bold line of its size: PL-ACTIVITY-CONTAINER-FLAT-LEVEL */
    bool container_line;     /* opened by a bold line over headings, container_level is then the level of
                                the headings under it (PL-ACTIVITY-CONTAINER-LINE) */
    bool bare;               /* the document has no list item and no paragraph typed with a bullet glyph: its
                                lists lost their glyphs (a PDF whose font lacks them), PL-ACTIVITY-BARE-LINES */
    bool bare_run;           /* the blocks since the last heading or title line are such bare lines */
    const char *doc_period;  /* from document.valid or the title, or NULL */
    /* the activity table just read, for a table that continues it on the next page without a header row */
    bool cont_open;          /* no body text since that table (but a running header atop the next page) */
    int cont_page;           /* page the table ended on */
    int cont_gap_page;       /* page of the text blocks since, 0 none, -1 on several pages or too long */
    size_t cont_ncols;
    int cont_kind[64];
    const char *cont_period;
    const char *cont_group;  /* a goal line between the table and its continuation (PL-ACTIVITY-SPAN-AREA), or NULL */
} run;

/* One activity: fills the common keys and appends it; returns the map (NULL on OOM). */
samla_node *act_emit(run *r, const samla_block *src, const char *area, const char *text,
                     samla_node *indicators, const char *responsible, const char *period);
/* Period from a text holding years ("Aktiviteter 2022" -> "2022", "2024 - 2025" -> "2024–2025"), or NULL. */
const char *act_period_of(run *r, const char *text);
/* Period for a block under the current headings: a heading naming activities with a year, else the document's. */
const char *act_period_here(run *r);
/* A goal-code mark on an activity's text ("A1: Text", "[1.2] Text", "Text (A1)"): returns the code(s)
 * and points *text at the text without the mark; NULL (and *text untouched) when there is none. */
const char *act_code_mark(run *r, const char **text);
/* A heading's title without the section number typed before it ("1 Aktiviteter 2023" -> "Aktiviteter 2023"),
 * as a DOCX heading's automatic numbering stands apart from its text (PL-ACTIVITY-NUMBERED-LABEL); other
 * blocks' text unchanged. Arena-owned or b->text. */
const char *act_heading_title(run *r, const samla_block *b);
/* Top of the heading stack or NULL. */
const section *act_section(const run *r);

/* table.c: activities of one table; false when the table is no activity table. */
bool act_table(run *r, const samla_block *b);
/* lists.c: label-introduced lists. act_lists_block returns true when it consumed the block. */
typedef struct lists lists;
/* A list reader for one document, in the document's arena (r->ctx->arena); NULL on OOM. */
lists *act_lists_new(run *r);
bool act_lists_block(lists *l, const samla_block *b, bool title_line);
void act_lists_flush(lists *l);
/* A plain paragraph shaped like a list item that lost its glyph (PL-ACTIVITY-BARE-LINES). */
bool act_lists_bare_shape(lists *l, const samla_block *b);
/* A table follows: bare lines right above it are its header cells read as lines, not activities. */
void act_lists_table(lists *l);
/* A heading starts: the bold line remembered as the area of the lists below it is forgotten, and a
 * numbered item waiting for field lines is emitted (no field line follows a heading). */
void act_lists_heading(lists *l);
/* The label heading that opened a group with no list activities yet and is a section of its own
 * ("Aktiviteter 2026" above an activity table), or NULL. */
const section *act_lists_own(const lists *l);
/* docinfo.c: document.type/adopted/decided_by/valid/reference. */
samla_status act_docinfo(run *r);

#endif
