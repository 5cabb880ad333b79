/* goals.c: extract-goals, the goal tree of a strategy (or the goals a plan restates).
 *
 * Walks the document model's blocks in reading order and recognises, by the
 * words of data/plan-words.yaml and the document's structure:
 *  - a vision (heading "Målbild") and an overall goal ("Övergripande mål",
 *    title after the colon or in the next paragraph); following paragraphs
 *    and list items are their text;
 *  - a focus-area container heading ("Fokusområden 2021–2023"): the headings
 *    or bold lines one step below it are focus areas, deeper ones (by heading
 *    number, else by heading level) are sub-goals; "Fokusområde A – Titel"
 *    anywhere is a focus area; uncoded headings of one level right under it
 *    are focus areas, or sub-goals when they state what shall hold (a finite
 *    verb: PL-GOAL-FLAT-HEADINGS);
 *  - coded lines: "A. Titel" / "A Titel" (focus area A), "A1 Titel" (sub-goal
 *    A1, parent A); an "Inriktning" label's paragraphs are the goal's text;
 *  - lists after a "Mål:" label (sub-goals) or a sentence about "prioriterade
 *    områden" (priorities; deeper list levels become the priority's text);
 *  - summary tables with a focus-area column and a sub-goal column, where one
 *    cell may hold several coded goals ("A1. … A2. …") or one bullet per goal;
 *  - a bulleted list of focus areas with their sub-goals one level down, after
 *    a sentence about "prioriterade områden" or right under the container
 *    heading (PL-GOAL-NESTED-LIST);
 *  - a list right under a focus area's bold title line, or of coded items
 *    ("A1 …", "Delmål 1.1 …") anywhere in a focus area: its sub-goals
 *    (PL-GOAL-LIST-UNDER-FOCUS).
 * Everything stated twice is merged (tree.c). */
#include <stdbool.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "samla/samla.h"
#include "tree.h"

typedef struct config {
    long max_title;   /* longest bold paragraph (bytes) taken as a title line */
} config;

static const samla_option options[] = {
    {"max_title", SAMLA_OPT_INT, "200", offsetof(config, max_title),
     "bold paragraphs up to this many bytes count as title lines (focus areas, labels)"},
    SAMLA_OPTIONS_END};

typedef struct state {
    samla_arena *arena;
    long max_title;
    samla_phrases vision, overall, container, focus_prefix, subgoal_prefix, subgoal_label, priority_intro, text_label;
    samla_phrases table_focus, table_subgoal, focus_exclude, subgoal_coded, statement_verb, section_after;
    samla_phrases f_responsible, f_indicator, f_other;   /* activity field labels (activities.*) */
    samla_re *re_subcode, *re_focuscode, *re_split, *re_number, *re_prefixcode, *re_item;
} state;

static void fini(void *p)
{
    state *s = p;
    if (s) samla_arena_free(s->arena); /* the state and its patterns (samla_data_load) live in it */
}

static samla_status init(samla_runtime *rt, const void *cfg, void **out, samla_diag *diag)
{
    const config *c = cfg;
    samla_arena *a = samla_arena_new();
    state *s = a ? samla_arena_alloc(a, sizeof *s) : NULL;
    if (!s) {
        samla_arena_free(a);
        return SAMLA_ERR_NOMEM;
    }
    s->arena = a;
    s->max_title = c->max_title;
    const char *g = "goals", *ac = "activities"; /* sections of plan-words.yaml */
    const samla_data_item items[] = {
        SAMLA_DATA_PHRASES(g, "vision", &s->vision),
        SAMLA_DATA_PHRASES(g, "overall", &s->overall),
        SAMLA_DATA_PHRASES(g, "focus_container", &s->container),
        SAMLA_DATA_PHRASES(g, "focus_prefix", &s->focus_prefix),
        SAMLA_DATA_PHRASES(g, "subgoal_prefix", &s->subgoal_prefix),
        SAMLA_DATA_PHRASES(g, "subgoal_label", &s->subgoal_label),
        SAMLA_DATA_PHRASES(g, "priority_intro", &s->priority_intro),
        SAMLA_DATA_PHRASES(g, "text_label", &s->text_label),
        SAMLA_DATA_PHRASES(g, "table_focus", &s->table_focus),
        SAMLA_DATA_PHRASES(g, "table_subgoal", &s->table_subgoal),
        SAMLA_DATA_PHRASES(g, "focus_code_exclude", &s->focus_exclude),
        SAMLA_DATA_PHRASES(g, "subgoal_coded_prefix", &s->subgoal_coded),
        SAMLA_DATA_PHRASES(g, "statement_verb", &s->statement_verb),
        SAMLA_DATA_PHRASES(g, "section_after", &s->section_after),
        SAMLA_DATA_PHRASES(ac, "responsible_label", &s->f_responsible),
        SAMLA_DATA_PHRASES(ac, "indicator_label", &s->f_indicator),
        SAMLA_DATA_PHRASES(ac, "field_label", &s->f_other),
        SAMLA_DATA_PATTERN(ac, "item_number", &s->re_item),
        SAMLA_DATA_PATTERN(g, "subgoal_code", &s->re_subcode),
        SAMLA_DATA_PATTERN(g, "focus_code", &s->re_focuscode),
        SAMLA_DATA_PATTERN(g, "code_split", &s->re_split),
        SAMLA_DATA_PATTERN(g, "heading_number", &s->re_number),
        SAMLA_DATA_PATTERN(g, "prefix_code", &s->re_prefixcode)};
    samla_status st = samla_data_load(rt, a, "plan-words.yaml", items, sizeof items / sizeof items[0], diag);
    if (st != SAMLA_OK) { fini(s); return st; }
    *out = s;
    return SAMLA_OK;
}

/* ---- one document ---- */

typedef enum list_mode { LM_NONE, LM_SUBGOALS, LM_PRIORITIES, LM_NESTED } list_mode;

typedef struct walk {
    const state *s;
    samla_ctx *ctx;
    tree t;
    int container_level;      /* heading level of the focus-area container, 0 = none */
    bool text_cells;          /* PL-GOAL-TABLE-TEXT-CELL: the goal column also holds the focus area's text */
    int container_depth;      /* its number depth ("2" = 1), 0 when unnumbered */
    const char *container_number; /* its number ("2"), NULL when unnumbered */
    int focus;                /* current focus area, -1 */
    int focus_level;          /* heading level of the current focus area (99 = bold line) */
    const samla_block *focus_block; /* the block that stated it, NULL */
    int target;               /* goal that takes following paragraphs as text, -1 */
    int target_level;         /* heading level of that goal's heading (99 = bold line) */
    int last_item;            /* last priority / sub-goal from a list, -1 */
    bool fresh_focus;         /* a focus area's bold title line and no paragraph since */
    bool want_title;          /* the overall goal's title is the next paragraph */
    bool had_container;       /* a focus-area container was seen */
    bool container_line;      /* the container is a bold line, not a heading (PL-GOAL-CONTAINER-LINE) */
    int numbered_focus;       /* focus areas with a typed number under that container: 1 yes, 0 no, -1 none yet */
    const samla_block *container_block; /* the container's heading or bold line, NULL */
    bool flat;                /* its focus areas and delmål are headings of one level (PL-GOAL-FLAT-HEADINGS) */
    bool flat_lines;          /* its focus areas and delmål are bold lines of one look (PL-GOAL-FLAT-LINES) */
    bool table_focus;         /* its focus areas came from a summary table (PL-GOAL-TABLE-SECTION-AFTER) */
    const samla_block *last_heading; /* the last heading no rule took, NULL */
    int last_level;
    list_mode lm;
    bool label_heading;       /* the last heading is a sub-goal label alone, "2 Delmål" (PL-GOAL-LIST-LABELLED) */
} walk;

static bool is_toc_line(const samla_block *b)
{
    if (b->style.name && (samla_text_starts_with_ci(b->style.name, "toc") ||
                          samla_text_starts_with_ci(b->style.name, "contents")))
        return true;
    return b->text && strstr(b->text, "....") != NULL;
}

/* Number depth of "2.1.1" (3); 0 for NULL. */
static int depth_of(const char *num)
{
    if (!num) return 0;
    int d = 1;
    for (; *num; num++)
        if (*num == '.' && num[1]) d++;
    return d;
}

/* True when number continues section number sec one level or more down ("2.1" or "2.1.3" under "2"; a trailing
 * dot on either ignored). */
static bool continues(const char *sec, const char *number)
{
    if (!sec || !number) return false;
    size_t n = strlen(sec);
    while (n && sec[n - 1] == '.') n--;
    return n && strncmp(sec, number, n) == 0 && number[n] == '.' && number[n + 1] >= '0' && number[n + 1] <= '9';
}

/* Splits "2.1 Titel" into number and title. */
static const char *split_number(walk *w, const char *text, char **number)
{
    samla_match m;
    *number = NULL;
    if (samla_re_search(w->s->re_number, text, 0, &m)) {
        *number = samla_match_group(w->ctx->arena, &m, text, 1);
        return samla_match_group(w->ctx->arena, &m, text, 2);
    }
    return text;
}

static bool excluded_letter(const walk *w, const char *text, const samla_match *m)
{
    /* "I Exempels län": a one-letter word followed by a plain space is no code */
    char *letter = samla_match_group(w->ctx->arena, m, text, 1);
    size_t after = m->end[1];
    if (!letter || text[after] != ' ') return false;
    for (size_t i = 0; i < w->s->focus_exclude.n; i++)
        if (strcmp(w->s->focus_exclude.soft[i], samla_text_soft(w->ctx->arena, letter)) == 0) {
            /* a dash after the space still makes it a code ("I – Titel") */
            const char *p = text + after + 1;
            return !(strncmp(p, "-", 1) == 0 || strncmp(p, "\xe2\x80\x93", 3) == 0);
        }
    return false;
}

static int add_focus(walk *w, const char *code, const char *title, const samla_block *b, int level)
{
    int i = tree_add(&w->t, GK_FOCUS, code, samla_text_trim_end(w->ctx->arena, title), -1, b);
    if (w->container_line && w->numbered_focus < 0) w->numbered_focus = code != NULL;
    w->focus = i;
    w->focus_level = level;
    w->focus_block = b;
    w->target = i;
    w->target_level = level;
    w->lm = LM_NONE;
    w->last_item = -1;
    w->fresh_focus = level == 99;
    return i;
}

/* The focus area a sub-goal's code names ("B" for "B2", "2" for "2.1"), or -1 when there is none (yet). */
static int coded_parent(const walk *w, const char *code)
{
    if (!code) return -1;
    const char *dot = strrchr(code, '.');
    size_t l = 0;
    if (dot) l = (size_t)(dot - code);
    else
        while (code[l] && (code[l] < '0' || code[l] > '9')) l++;
    if (l == 0) return -1;
    int p = tree_find_code(&w->t, samla_arena_strndup(w->ctx->arena, code, l));
    return p >= 0 && w->t.g[p].kind == GK_FOCUS ? p : -1;
}

static int add_sub(walk *w, const char *code, const char *title, const samla_block *b, int level)
{
    int parent = w->focus;
    int p = coded_parent(w, code);
    if (p >= 0) parent = p;
    int i = tree_add(&w->t, GK_SUBGOAL, code, samla_text_trim_end(w->ctx->arena, title), parent, b);
    w->target = i;
    w->target_level = level;
    return i;
}

/* Tries a coded title: "A1 …" (sub-goal) or, inside focus context, "A. …" (focus area). */
static bool coded_line(walk *w, const char *text, const samla_block *b, int level)
{
    samla_match m;
    samla_arena *a = w->ctx->arena;
    if (samla_re_search(w->s->re_subcode, text, 0, &m) && (w->container_level || w->focus >= 0)) {
        add_sub(w, samla_match_group(a, &m, text, 1), samla_match_group(a, &m, text, 2), b, level);
        w->lm = LM_NONE;
        return true;
    }
    if (w->container_level && samla_re_search(w->s->re_focuscode, text, 0, &m) && !excluded_letter(w, text, &m)) {
        add_focus(w, samla_match_group(a, &m, text, 1), samla_match_group(a, &m, text, 2), b, level);
        return true;
    }
    return false;
}

/* PL-GOAL-CODE-SERIES: text is coded as the focus area after one already found ("B Titel" after "A. …"): a
 * heading the reader set at the container's level (groff's headings: bold body text, levels from spacing) that
 * continues the series is still a focus area inside the container. */
static bool next_focus_code(const walk *w, const char *text)
{
    samla_match m;
    if (!samla_re_search(w->s->re_focuscode, text, 0, &m) || excluded_letter(w, text, &m)) return false;
    char *letter = samla_match_group(w->ctx->arena, &m, text, 1);
    if (!letter || letter[0] <= 'A' || letter[0] > 'Z' || letter[1]) return false;
    char prev[2] = {(char)(letter[0] - 1), '\0'};
    int p = tree_find_code(&w->t, prev);
    return p >= 0 && w->t.g[p].kind == GK_FOCUS;
}

/* The next body block after block i (running headers and footers skipped), NULL at the end. */
static const samla_block *next_body(const samla_doc *doc, size_t i)
{
    for (size_t k = i + 1; k < doc->nblocks; k++) {
        const samla_block *n = doc->blocks[k];
        if (n->kind == SAMLA_BLOCK_HEADER || n->kind == SAMLA_BLOCK_FOOTER || n->kind == SAMLA_BLOCK_FOOTNOTE) continue;
        return n;
    }
    return NULL;
}

/* PL-GOAL-CONTAINER-LABELLED-SIBLING: heading b, at the container's level or above, is one more focus area when
 * the container already holds one and b is followed, before any other heading and within three body blocks, by a
 * bold label naming delmål (*Mål*, *Målsättningar*: goals.subgoal_label) as the focus areas before it were.
 * groff sets every heading bold at the body size and tells levels from the space above, which a list before
 * the heading changes: the second focus area comes out a level up and would close the container. */
static bool labelled_sibling(const walk *w, const samla_block *b)
{
    if (w->focus < 0 || !w->container_level) return false;
    const samla_doc *doc = &w->ctx->doc;
    size_t i = b->index;
    for (int k = 0; k < 3; k++) {
        const samla_block *n = next_body(doc, i);
        if (!n || n->kind == SAMLA_BLOCK_HEADING) return false;
        if (n->kind == SAMLA_BLOCK_PARAGRAPH && n->style.bold && n->text &&
            samla_phrases_only(&w->s->subgoal_label, samla_text_soft(w->ctx->arena, n->text)))
            return true;
        i = n->index;
    }
    return false;
}

/* PL-GOAL-BOLD-UNDER-HEADING: inside the container, a bold line set smaller than the heading of the current focus
 * area (a larger bold heading above, the delmål bold at the body size below it: pdfTeX's and groff's lowest
 * heading level) is one of its delmål, not the next focus area; the heading hierarchy tells them apart where the
 * wording (a noun phrase either way) does not. */
static bool bold_below_heading(const walk *w, const samla_block *b)
{
    const samla_block *f = w->focus_block;
    if (w->focus < 0 || !f || f->kind != SAMLA_BLOCK_HEADING || w->focus_level == 99) return false;
    if (w->container_level && w->focus_level <= w->container_level) return false;
    return f->style.font_size > 0 && b->style.font_size > 0 && f->style.font_size > b->style.font_size + 0.5;
}

/* PL-GOAL-FLAT-FIRST-SUB: heading b, right under the container heading c and one level below it, is the
 * first of the container's flat focus areas and delmål when it has c's look (size and weight) and the next
 * heading of that look after it is back at c's level. A reader that cannot tell the levels of one look apart
 * (groff's .SH, every level bold at the body size) makes only the heading directly under another a level deeper
 * (PDF-HEAD-SHAPE); its siblings come out at the container's level. */
static bool flat_first_sub(const walk *w, const samla_block *b, int level)
{
    const samla_block *c = w->container_block;
    const samla_doc *doc = &w->ctx->doc;
    if (!c || c->kind != SAMLA_BLOCK_HEADING || level != w->container_level + 1) return false;
    if (next_body(doc, c->index) != b || c->style.bold != b->style.bold) return false;
    if (c->style.font_size <= 0 || c->style.font_size - b->style.font_size > 0.3 ||
        b->style.font_size - c->style.font_size > 0.3)
        return false;
    for (size_t k = b->index + 1; k < doc->nblocks; k++) {
        const samla_block *n = doc->blocks[k];
        if (n->kind != SAMLA_BLOCK_HEADING) continue;
        if (n->style.bold != b->style.bold || fabs(n->style.font_size - b->style.font_size) > 0.3) continue;
        return n->level == w->container_level;
    }
    return false;
}

/* A heading or a short bold paragraph. level: heading level, 99 for a bold paragraph. */
static void title_line(walk *w, const samla_block *b, int level)
{
    samla_arena *a = w->ctx->arena;
    char *number = NULL;
    const char *text = split_number(w, b->text, &number);
    const char *typed = number;
    if (!number && b->numbering) number = b->numbering;
    const char *soft = samla_text_soft(a, text);
    bool heading = b->kind == SAMLA_BLOCK_HEADING && level != 99;
    size_t n;

    if (w->want_title) {                                        /* "Övergripande mål" + title line */
        w->want_title = false;
        w->target = tree_add(&w->t, GK_OVERALL, NULL, samla_text_trim_end(a, text), -1, b);
        return;
    }
    if (samla_phrases_only(&w->s->text_label, soft)) return;            /* "Inriktning": text follows */
    /* PL-GOAL-FLAT-HEADINGS: an unnumbered heading right under the container at its level or above (groff and
       WeasyPrint set every heading bold at the body size, one level) holds the container's focus areas and
       delmål at that level, until a heading of the section after (goals.section_after) */
    bool flat_here = false;
    if (heading && w->container_level && !number && level <= w->container_level) {
        if (w->container_block && next_body(&w->ctx->doc, w->container_block->index) == b)
            w->flat = true, w->container_level = level;
        flat_here = w->flat && level == w->container_level && !samla_phrases_only(&w->s->section_after, soft);
    } else if (heading && w->container_level && !number && !w->flat && flat_first_sub(w, b, level)) {
        w->flat = true;
        flat_here = !samla_phrases_only(&w->s->section_after, soft);
    }
    /* PL-GOAL-FLAT-LINES: the same under a bold-line container (pdfTeX and groff set every heading bold at the
       body size with nothing to tell the levels apart): an uncoded bold line right under it holds the focus
       areas and delmål as bold lines, until a line of the section after, which ends the container */
    if (!heading && level == 99 && w->container_line && w->container_level && !number && !typed) {
        if (w->container_block && next_body(&w->ctx->doc, w->container_block->index) == b &&
            !next_focus_code(w, text) && !samla_re_test(w->s->re_focuscode, text) &&
            !samla_re_test(w->s->re_subcode, text))
            w->flat_lines = true;
        if (w->flat_lines && samla_phrases_only(&w->s->section_after, soft)) w->container_level = 0, w->focus = -1;
        else flat_here = w->flat_lines && !samla_phrases_only(&w->s->subgoal_label, soft);
    }
    /* PL-GOAL-TABLE-SECTION-AFTER: after a summary table of the container's focus areas, a bold line of the
       section after (*Uppföljning*: groff set the heading as a bold line) ends the container; it is no focus area
       beside the table's. PL-GOAL-FLAT-SECTION-AFTER: the same after flat headings (PL-GOAL-FLAT-HEADINGS): groff's
       heading at a page's top may be read as a bold line */
    if (!heading && level == 99 && w->container_level && (w->table_focus || w->flat) && !typed &&
        samla_phrases_only(&w->s->section_after, soft))
        w->container_level = 0, w->focus = -1;
    if (heading && w->container_level && level <= w->container_level && number &&
        depth_of(number) <= w->container_depth)
        w->container_level = 0, w->focus = -1;
    else if (heading && w->container_level && level <= w->container_level && !number && !flat_here &&
             !next_focus_code(w, text) && !labelled_sibling(w, b))
        w->container_level = 0, w->focus = -1;
    if (heading && w->focus >= 0 && !w->container_level && level <= w->focus_level) w->focus = -1;
    if (heading && w->target >= 0 && level <= w->target_level) w->target = -1;

    if (heading) w->label_heading = false;
    if (samla_phrases_only(&w->s->subgoal_label, soft)) { w->lm = LM_SUBGOALS; w->label_heading = heading; return; }
    w->lm = LM_NONE;
    if (samla_phrases_only(&w->s->vision, soft)) {
        w->target = tree_add(&w->t, GK_VISION, NULL, samla_text_trim_end(a, text), -1, b);
        w->target_level = level;
        return;
    }
    if ((n = samla_phrases_prefix(&w->s->overall, soft)) > 0) {
        char *rest = samla_phrases_rest(a, text, n);
        if (rest && *rest) {
            w->target = tree_add(&w->t, GK_OVERALL, NULL, samla_text_trim_end(a, rest), -1, b);
        } else {
            w->target = -1;
            w->want_title = true;
        }
        w->target_level = level;
        return;
    }
    if ((heading || (!w->container_level && w->focus < 0)) && samla_phrases_only(&w->s->container, soft)) {
        /* a bold "Fokusområden" line is the container too, at the level of the last heading (a PDF whose
           headings are all bold at the body size, where spacing did not make it a heading:
           PL-GOAL-CONTAINER-LINE); numbered headings at that level stay inside it (PL-GOAL-CODES) */
        w->had_container = true;
        w->container_level = heading ? level : w->last_heading ? w->last_level : 1;
        w->container_line = !heading;
        w->container_block = b;
        w->flat = false;
        w->flat_lines = false;
        w->table_focus = false;
        w->numbered_focus = -1;
        w->container_depth = depth_of(number);
        w->container_number = number;
        w->focus = -1;
        w->target = -1;
        return;
    }
    if ((n = samla_phrases_prefix(&w->s->subgoal_coded, soft)) > 0) {
        /* "Mål 1.1 Titel": a goal label with a code (a digit in it) and a title */
        char *rest = samla_phrases_rest(a, text, n);
        samla_match m;
        if (rest && *rest && samla_re_search(w->s->re_prefixcode, rest, 0, &m)) {
            char *code = samla_match_group(a, &m, rest, 1);
            if (code && strpbrk(code, "0123456789")) {
                add_sub(w, code, samla_match_group(a, &m, rest, 2), b, level);
                w->lm = LM_NONE;
                return;
            }
        }
    }
    if ((n = samla_phrases_prefix(&w->s->subgoal_prefix, soft)) > 0 && w->focus >= 0) {
        char *rest = samla_phrases_rest(a, text, n);
        if (rest && *rest) {
            samla_match m;
            if (samla_re_search(w->s->re_prefixcode, rest, 0, &m))
                add_sub(w, samla_match_group(a, &m, rest, 1), samla_match_group(a, &m, rest, 2), b, level);
            else
                add_sub(w, NULL, rest, b, level);
            return;
        }
    }
    if ((n = samla_phrases_prefix(&w->s->focus_prefix, soft)) > 0) {
        char *rest = samla_phrases_rest(a, text, n);
        if (rest && *rest) {
            samla_match m;
            if (samla_re_search(w->s->re_prefixcode, rest, 0, &m) && !excluded_letter(w, rest, &m))
                add_focus(w, samla_match_group(a, &m, rest, 1), samla_match_group(a, &m, rest, 2), b, level);
            else
                add_focus(w, NULL, rest, b, level);
            if (!w->container_level && heading) w->focus_level = level;
            return;
        }
    }
    if (coded_line(w, text, b, level)) return;
    if (flat_here) {
        /* one level: a heading that states what shall hold (a finite verb, goals.statement_verb) under a
           focus area is its delmål; one that names a field is the next focus area */
        if (w->focus >= 0 && samla_phrases_contains(&w->s->statement_verb, soft)) add_sub(w, NULL, text, b, level);
        else add_focus(w, NULL, text, b, level);
        return;
    }
    /* under a bold-line container whose focus areas have codes, a bold line without one is the next
       section ("Uppföljning"), as a heading would have been */
    if (w->container_line && w->container_level && level == 99 && !typed && w->numbered_focus == 1)
        w->container_level = 0, w->focus = -1;
    if (!w->container_level) {
        if (heading) w->last_heading = b, w->last_level = level;
        return;
    }
    /* inside the container: focus areas one step below it, sub-goals deeper */
    /* PL-GOAL-CODE-OUTSIDE-SECTION: under a numbered container ("2 Strategiska områden", the number Word's
       multilevel heading list gave it or typed), a number is the section's own only when it continues the
       container's ("2.1", "2.1.1"); a typed "1" or "1.2" that does not is the goal's code */
    bool section_no = number && w->container_depth && continues(w->container_number, number);
    bool deeper;
    if (number && section_no) deeper = depth_of(number) > w->container_depth + 1;
    else if (number && level == 99 && typed) deeper = depth_of(number) > 1;
    else if (level == 99) deeper = !typed && bold_below_heading(w, b);
    else deeper = w->focus >= 0 && level > w->focus_level;
    /* a number typed before the title of a goal inside an unnumbered container is its code ("1 Trygg
       vård", "1.2 Krisberedskapen …"; PL-GOAL-CODES); under a numbered container ("2 Fokusområden",
       "2.1.1 …") it is the section's number when it continues the container's */
    const char *code = typed && !(w->container_depth && section_no) ? samla_text_trim_end(a, typed) : NULL;
    if (deeper && w->focus >= 0) add_sub(w, code && strchr(code, '.') ? code : NULL, text, b, level);
    else add_focus(w, code && !strchr(code, '.') ? code : NULL, text, b, level);
}

/* A sub-goal's code and title from one line: "A1 Titel", "Delmål 1.1 Titel", "Mål 2.3: Titel",
 * "1.1 Titel"; *code NULL when the line has none (then *title is the whole line). */
static void sub_parts(walk *w, const char *text, const char **code, const char **title)
{
    samla_arena *a = w->ctx->arena;
    samla_match m;
    *code = NULL;
    *title = text;
    if (samla_re_search(w->s->re_subcode, text, 0, &m)) {
        *code = samla_match_group(a, &m, text, 1);
        *title = samla_match_group(a, &m, text, 2);
        return;
    }
    const char *soft = samla_text_soft(a, text);
    size_t n = samla_phrases_prefix(&w->s->subgoal_prefix, soft);
    if (!n) n = samla_phrases_prefix(&w->s->subgoal_coded, soft);
    const char *rest = n ? samla_phrases_rest(a, text, n) : text;
    if (rest && *rest && samla_re_search(w->s->re_prefixcode, rest, 0, &m)) {
        char *c = samla_match_group(a, &m, rest, 1);
        if (c && strpbrk(c, "0123456789") && (n || strchr(c, '.'))) {
            *code = c;
            *title = samla_match_group(a, &m, rest, 2);
            return;
        }
    }
    if (n && rest && *rest) *title = rest;
}

/* A focus area's code and title from one line: "A. Titel", "Fokusområde 2: Titel", "2 Titel". */
static void focus_parts(walk *w, const char *text, const char **code, const char **title)
{
    samla_arena *a = w->ctx->arena;
    samla_match m;
    *code = NULL;
    *title = text;
    size_t n = samla_phrases_prefix(&w->s->focus_prefix, samla_text_soft(a, text));
    const char *rest = n ? samla_phrases_rest(a, text, n) : text;
    if (!rest || !*rest) return;
    if ((samla_re_search(w->s->re_focuscode, rest, 0, &m) || samla_re_search(w->s->re_prefixcode, rest, 0, &m)) &&
        !excluded_letter(w, rest, &m)) {
        char *c = samla_match_group(a, &m, rest, 1);
        if (c && !strchr(c, '.')) {
            *code = c;
            *title = samla_match_group(a, &m, rest, 2);
            return;
        }
    }
    *title = rest;
}

static int add_sub_line(walk *w, const samla_block *b)
{
    const char *code, *title;
    sub_parts(w, b->text, &code, &title);
    int parent = w->focus;
    int i = code ? add_sub(w, code, title, b, 99)
                 : tree_add(&w->t, GK_SUBGOAL, NULL, samla_text_trim_end(w->ctx->arena, title), parent, b);
    w->target = i;
    return i;
}

static void list_item(walk *w, const samla_block *b)
{
    /* PL-GOAL-LIST-LABELLED: a numbered list under a heading that is a sub-goal label alone ("2 Delmål", an
       introduction between them), in a document with no focus area: each item is a sub-goal with its number
       as the code and no parent ("1. Minskad ofrivillig ensamhet bland äldre") */
    if (w->label_heading && w->focus < 0 && !w->container_level && b->level <= 1) {
        char *num = NULL;
        const char *title = split_number(w, b->text, &num);
        if (!num && b->numbering) num = samla_text_trim_end(w->ctx->arena, b->numbering);
        size_t nd = num ? strspn(num, "0123456789") : 0;
        if (nd > 0 && nd <= 2 && (!num[nd] || ((num[nd] == '.' || num[nd] == ')') && !num[nd + 1])) && title && *title) {
            w->target = tree_add(&w->t, GK_SUBGOAL, samla_arena_strndup(w->ctx->arena, num, nd),
                                 samla_text_trim_end(w->ctx->arena, title), -1, b);
            w->target_level = 99;
            return;
        }
    }
    if (w->lm == LM_NONE && w->container_level && w->focus < 0 && b->level <= 1)
        w->lm = LM_NESTED;       /* a list right under the container heading: focus areas, sub-goals below */
    if (w->lm == LM_NESTED) {
        if (b->level <= 1) {
            const char *code, *title;
            focus_parts(w, b->text, &code, &title);
            add_focus(w, code, title, b, 99);
            w->lm = LM_NESTED;
        } else if (w->focus >= 0 && b->level == 2) {
            w->last_item = add_sub_line(w, b);
        } else {
            tree_append_text(&w->t, w->target, b->text, true);
        }
        return;
    }
    if (w->lm == LM_NONE && w->focus >= 0 && b->level <= 1) {
        const char *code, *title;
        sub_parts(w, b->text, &code, &title);
        if (code || (w->fresh_focus && w->container_level)) w->lm = LM_SUBGOALS;
    }
    if (w->lm == LM_SUBGOALS && b->level <= 1 && w->focus >= 0) {
        int target = w->target, level = w->target_level;
        w->last_item = add_sub_line(w, b);
        w->target = target;
        w->target_level = level;
        return;
    }
    samla_arena *a = w->ctx->arena;
    if (w->lm == LM_PRIORITIES && w->focus >= 0) {
        if (b->level <= 1)
            w->last_item = tree_add(&w->t, GK_PRIORITY, NULL, samla_text_trim_end(a, b->text), w->focus, b);
        else
            tree_append_text(&w->t, w->last_item, b->text, true);
        return;
    }
    if (w->lm != LM_NONE) return;
    tree_append_text(&w->t, w->target, b->text, true);
}

static void paragraph(walk *w, const samla_block *b)
{
    samla_arena *a = w->ctx->arena;
    const char *soft = samla_text_soft(a, b->text);
    if (!soft || !*soft) return;
    if (w->want_title) {
        w->want_title = false;
        w->target = tree_add(&w->t, GK_OVERALL, NULL, samla_text_trim_end(a, b->text), -1, b);
        return;
    }
    if (samla_phrases_only(&w->s->subgoal_label, soft)) { w->lm = LM_SUBGOALS; return; }
    if (samla_phrases_only(&w->s->text_label, soft)) return;
    w->fresh_focus = false;
    if (w->focus < 0 && w->container_level && samla_phrases_contains(&w->s->priority_intro, soft)) {
        /* "Prioriterade områden under perioden är:" over a list of focus areas with their sub-goals */
        w->lm = LM_NESTED;
        return;
    }
    if (w->focus < 0 && w->had_container && w->last_heading && samla_phrases_contains(&w->s->priority_intro, soft)) {
        /* a focus area whose heading slipped to the container's level ("Fokusområdet omfattar
           följande prioriterade områden" under it says what it is) */
        char *number = NULL;
        const char *title = split_number(w, w->last_heading->text, &number);
        add_focus(w, NULL, title, w->last_heading, w->last_level);
        w->last_heading = NULL;
    }
    if (w->focus >= 0 && samla_phrases_contains(&w->s->priority_intro, soft)) {
        w->lm = LM_PRIORITIES;
        w->target = w->focus;
        return;
    }
    if (w->lm != LM_NONE) {
        w->lm = LM_NONE;
        if (w->focus >= 0 && w->target != w->focus && w->last_item >= 0) w->target = w->focus;
    }
    tree_append_text(&w->t, w->target, b->text, false);
}

/* True when t holds a letter (a cell of only "–" or "-" holds no goal). */
static bool has_letter(const char *t)
{
    if (!t) return false;
    /* ASCII letters and the Latin letters of U+00C0–U+024F (lead bytes C3–C9); not "•" or "–" */
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= 0xC3 && *p <= 0xC9)) return true;
    return false;
}

/* The sub-goals in paragraph t of a summary table's sub-goal cell, under the current focus area. */
static void sub_para(walk *w, const samla_block *b, const char *t)
{
    samla_arena *a = w->ctx->arena;
    samla_match m;
    if (!t || !*t) return;
    /* split at each code: "A1. … A2. …" */
    size_t starts[64], ns = 0, from = 0;
    bool stop = false;   /* the first code has a stop after it ("A1.") */
    while (ns < 64 && samla_re_search(w->s->re_split, t, from, &m)) {
        /* a later code of the cell has the first one's letter ("A2" after "A1"): "E4" in a title does not split */
        if (ns == 0) stop = t[m.end[1]] == '.' || t[m.end[1]] == ')' || t[m.end[1]] == ':';
        if (ns == 0 || t[m.start[1]] == t[starts[0]]) starts[ns++] = m.start[1];
        from = m.end[0];
    }
    /* a code without a stop splits only when the paragraph starts with a code */
    if (ns > 0 && !stop && has_letter(samla_arena_strndup(a, t, starts[0]))) ns = 0;
    if (ns == 0) {
        /* "1.1 Titel", "Delmål 1.1 Titel" or an uncoded title; a cell with no word ("–", "•") holds none */
        if (!has_letter(t)) return;
        const char *code, *title;
        sub_parts(w, t, &code, &title);
        if (code) add_sub(w, code, title, b, 99);
        else tree_add(&w->t, GK_SUBGOAL, NULL, samla_text_trim_end(a, title), w->focus, b);
        return;
    }
    for (size_t i = 0; i < ns; i++) {
        size_t end = i + 1 < ns ? starts[i + 1] : strlen(t);
        char *part = samla_text_clean(a, samla_arena_strndup(a, t + starts[i], end - starts[i]));
        const char *code, *title;
        if (!part) continue;
        sub_parts(w, part, &code, &title);
        if (code) add_sub(w, code, title, b, 99);
    }
}

/* PL-GOAL-TABLE-TEXT-CELL: a cell that opens with the focus area's own text and lists its delmål below a label
 * line ("Delmål") or as coded paragraphs ("1.1 …"). Its paragraphs (a PDF reader's cell gives them as the lines of
 * one text) before the label or the first coded paragraph are the focus area's text, the label is no goal, the
 * rest are read as sub-goal paragraphs. False when the cell is not one. */
static bool text_cell(walk *w, const samla_block *b, const samla_cell *sc)
{
    samla_arena *a = w->ctx->arena;
    if (w->focus < 0) return false;
    const char *p[128];
    size_t n = 0;
    for (size_t k = 0; k < sc->nblocks && n < 128; k++) {
        const char *t = sc->blocks[k]->text;
        if (!t) continue;
        char *c = samla_arena_strdup(a, t);
        for (char *q = c; q && n < 128;) {
            char *e = strchr(q, '\n');
            if (e) *e++ = 0;
            const char *x = samla_text_trim(a, q);
            if (x && *x) p[n++] = x;
            q = e;
        }
    }
    if (n == 1 && w->text_cells) {
        /* one paragraph (a PDF reader joined the cell's lines): the text runs up to the first code ("… skolor.
         * Delmål 1.1 Varje … 1.2 …") */
        samla_match m;
        if (!samla_re_search(w->s->re_split, p[0], 0, &m) || m.start[1] == 0) return false;
        const char *intro = samla_text_trim(a, samla_arena_strndup(a, p[0], m.start[1]));
        if (!intro || !has_letter(intro)) return false;
        tree_append_text(&w->t, w->focus, intro, false);
        /* the label before the first code ("Delmål 1.1") is no part of it: the codes after it then split */
        const char *rest = p[0] + m.start[1];
        while (*rest && !(*rest >= '0' && *rest <= '9')) rest++;
        sub_para(w, b, *rest ? rest : p[0] + m.start[1]);
        return true;
    }
    if (n < 2) return false;
    size_t label = n, coded = n;
    for (size_t k = 0; k < n; k++) {
        const char *soft = samla_text_soft(a, samla_text_trim_end(a, p[k]));
        if (soft && (samla_phrases_only(&w->s->subgoal_label, soft) || samla_phrases_only(&w->s->table_subgoal, soft))) {
            label = k;
            break;
        }
        const char *code, *title;
        sub_parts(w, p[k], &code, &title);
        if (code) { coded = k; break; }
    }
    size_t stop = label < coded ? label : coded;
    if (stop == 0 || stop >= n) return false;
    for (size_t k = 0; k < stop; k++) tree_append_text(&w->t, w->focus, p[k], false);
    for (size_t k = label < coded ? label + 1 : coded; k < n; k++) sub_para(w, b, p[k]);
    return true;
}

/* The sub-goals of one cell of a summary table's sub-goal column, under the current focus area. */
static void sub_cell(walk *w, const samla_block *b, const samla_cell *sc)
{
    if (!sc || sc->covered) return;
    if (text_cell(w, b, sc)) return;
    for (size_t k = 0; k < sc->nblocks; k++) sub_para(w, b, sc->blocks[k]->text);
}

/* Summary table: a focus-area column and a sub-goal column. */
static void table(walk *w, const samla_block *b)
{
    samla_arena *a = w->ctx->arena;
    samla_doc *doc = &w->ctx->doc;
    if (b->nrows < 2) return;
    int cf = -1, cs = -1;
    for (size_t c = 0; c < b->ncols; c++) {
        const char *soft = samla_text_soft(a, samla_cell_text(doc, samla_table_cell(b, 0, c)));
        if (cf < 0 && samla_phrases_prefix(&w->s->table_focus, soft)) cf = (int)c;
        else if (cs < 0 && samla_phrases_prefix(&w->s->table_subgoal, soft)) cs = (int)c;
    }
    /* PL-GOAL-TABLE-TEXT-CELL: "Fokusområde | Inriktning och delmål": a header naming the text and the goals */
    for (size_t c = 0; cf >= 0 && cs < 0 && c < b->ncols; c++) {
        const char *soft = samla_text_soft(a, samla_cell_text(doc, samla_table_cell(b, 0, c)));
        if ((int)c != cf && soft && samla_phrases_contains(&w->s->table_subgoal, soft)) { cs = (int)c; w->text_cells = true; }
    }
    if (cf < 0 || cs < 0) {
        /* PL-GOAL-SPAN-ROW: an activity table grouped under sub-goal rows that span every column ("Delmål 1.1
         * Titel" over the rows Nr | Aktivitet | Ansvarig | …): each such row with a sub-goal label and a code is a
         * sub-goal of the focus area above the table */
        if (w->focus < 0 || b->ncols < 2) return;
        for (size_t r = 1; r < b->nrows; r++) {
            const samla_cell *c = samla_table_cell(b, r, 0);
            if (!c || c->covered || c->colspan != (int)b->ncols || !c->nblocks) continue;
            const char *t = samla_text_clean(a, samla_cell_text(doc, c));
            if (!t || !samla_phrases_prefix(&w->s->subgoal_prefix, samla_text_soft(a, t))) continue;
            const char *code, *title;
            sub_parts(w, t, &code, &title);
            if (code) add_sub(w, code, title, b, 99);
        }
        w->target = -1;
        return;
    }
    int saved_container = w->container_level;
    if (!w->container_level) w->container_level = 99;   /* codes count as focus context here */
    /* the sub-goal column and the columns right of it with an empty header: a PDF reader may set the
       bullets of a cell's delmål apart as a column of their own ("•" | "1.1 Titel"; PL-GOAL-TABLE-CELLS) */
    size_t cs_end = (size_t)cs + 1;
    while (cs_end < b->ncols && !has_letter(samla_cell_text(doc, samla_table_cell(b, 0, cs_end)))) cs_end++;
    for (size_t r = 1; r < b->nrows; r++) {
        const samla_cell *fc = samla_table_cell(b, r, (size_t)cf);
        const char *ft = fc && !fc->covered && fc->nblocks ? samla_text_clean(a, samla_cell_text(doc, fc)) : NULL;
        if (ft && !*ft) ft = NULL;
        if (!ft && w->focus < 0) continue;
        /* PL-GOAL-TABLE-ROW-BROKEN: a row broken over a page (its number and first lines at the foot of one page,
         * the rest under the repeated header on the next) comes as a row whose focus cell is only the number and a
         * row whose focus cell is the uncoded name: one focus area, the goal cells read as one */
        const char *nt = NULL;
        if (ft && w->text_cells && r + 1 < b->nrows && strspn(ft, "0123456789") == strlen(ft)) {
            const samla_cell *nc = samla_table_cell(b, r + 1, (size_t)cf);
            nt = nc && !nc->covered && nc->nblocks ? samla_text_clean(a, samla_cell_text(doc, nc)) : NULL;
            const char *c2, *t2;
            if (nt && *nt) focus_parts(w, nt, &c2, &t2);
            if (!nt || !*nt || c2 || !has_letter(nt)) nt = NULL;
        }
        /* a merged (or empty) focus cell: the row's sub-goals belong to the focus area above */
        if (ft) {
            const char *code, *title;
            focus_parts(w, nt ? samla_arena_printf(a, "%s %s", ft, nt) : ft, &code, &title);
            add_focus(w, code, title, b, 99);
            w->table_focus = true;
        }
        if (nt) {
            const samla_cell *c0 = samla_table_cell(b, r, (size_t)cs), *c1 = samla_table_cell(b, r + 1, (size_t)cs);
            size_t n0 = c0 && !c0->covered ? c0->nblocks : 0, n1 = c1 && !c1->covered ? c1->nblocks : 0;
            samla_block **bl = samla_arena_alloc(a, (n0 + n1 + 1) * sizeof *bl);
            if (!bl) return;
            for (size_t k = 0; k < n0; k++) bl[k] = c0->blocks[k];
            for (size_t k = 0; k < n1; k++) bl[n0 + k] = c1->blocks[k];
            samla_cell joined = {.blocks = bl, .nblocks = n0 + n1, .colspan = 1, .rowspan = 1};
            sub_cell(w, b, &joined);
            r++;
            continue;
        }
        for (size_t c = (size_t)cs; c < cs_end; c++) sub_cell(w, b, samla_table_cell(b, r, c));
    }
    w->container_level = saved_container;
    w->text_cells = false;
    w->focus = -1;
    w->target = -1;
}

/* A plain paragraph that is only "Målbild", "Övergripande mål" or "Inriktning" (plain text without headings). */
static bool label_only(const state *s, samla_ctx *ctx, const char *text)
{
    const char *soft = samla_text_soft(ctx->arena, text);
    return samla_phrases_only(&s->vision, soft) || samla_phrases_only(&s->overall, soft) || samla_phrases_only(&s->text_label, soft);
}

/* A labelled activity field line ("Ansvarig: …", "Tidplan: …", "Uppföljning: …"). */
static bool field_line(const state *s, samla_ctx *ctx, const samla_block *b)
{
    const samla_phrases *const lists[] = {&s->f_responsible, &s->f_indicator, &s->f_other};
    return b && (b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_LIST_ITEM) &&
           samla_phrases_field(ctx->arena, lists, 3, b->text);
}

/* Block i belongs to an activity of a plan, not to a goal's text: a field line, a numbered item
   whose next line (after a wrapped continuation) is a field line, or that continuation. */
static bool activity_block(const state *s, samla_ctx *ctx, size_t i)
{
    const samla_block *b = ctx->doc.blocks[i];
    if (field_line(s, ctx, b)) return true;
    const samla_block *n = next_body(&ctx->doc, i);
    bool wrapped = n && n->kind == SAMLA_BLOCK_PARAGRAPH && samla_text_lower_start(n->text);
    if (wrapped) n = next_body(&ctx->doc, (size_t)n->index);
    if (!field_line(s, ctx, n)) return false;
    samla_match m;
    if (b->kind == SAMLA_BLOCK_LIST_ITEM)
        return b->level <= 1 && b->numbering && strpbrk(b->numbering, "0123456789");
    if (b->kind == SAMLA_BLOCK_PARAGRAPH && b->style.bold && !wrapped && (long)strlen(b->text) <= s->max_title)
        return true;   /* a bold activity line with its own field lines ("Status: Genomförd") */
    return b->kind == SAMLA_BLOCK_PARAGRAPH &&
           (samla_re_search(s->re_item, b->text, 0, &m) || samla_text_lower_start(b->text));
}

static samla_status process(void *p, samla_ctx *ctx)
{
    const state *s = p;
    walk w = {.s = s, .ctx = ctx, .t = {.a = ctx->arena}, .focus = -1, .target = -1, .last_item = -1,
              .focus_level = 99, .target_level = 99};
    for (size_t i = 0; i < ctx->doc.nblocks; i++) {
        const samla_block *b = ctx->doc.blocks[i];
        if (!b->text && b->kind != SAMLA_BLOCK_TABLE) continue;
        if ((b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_LIST_ITEM) && activity_block(s, ctx, i)) continue;
        switch (b->kind) {
        case SAMLA_BLOCK_HEADING:
            if (!is_toc_line(b)) title_line(&w, b, b->level > 0 ? b->level : 1);
            break;
        case SAMLA_BLOCK_PARAGRAPH:
            if (is_toc_line(b)) break;
            if ((b->style.bold && (long)strlen(b->text) <= s->max_title) || label_only(s, ctx, b->text))
                title_line(&w, b, 99);
            else
                paragraph(&w, b);
            break;
        case SAMLA_BLOCK_LIST_ITEM: list_item(&w, b); break;
        case SAMLA_BLOCK_TABLE: table(&w, b); break;
        default: break;
        }
    }
    /* a coded delmål read before the focus area its code names (a PDF column read out of order: "Mål
       3.1" under "Fokusområde 2"): the code decides its parent (PL-GOAL-CODE-PARENT) */
    for (size_t i = 0; i < w.t.n; i++) {
        int pc = w.t.g[i].kind == GK_SUBGOAL ? coded_parent(&w, w.t.g[i].code) : -1;
        if (pc >= 0) w.t.g[i].parent = pc;
    }
    return tree_write(&w.t, ctx);
}

static const char *const needs[] = {"content", NULL};
static const char *const provides[] = {"goals", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "extract-goals",
    .version = "1.0.0",
    .description = "goal tree of a strategy or plan: vision, overall goal, focus areas, sub-goals, priorities",
    .stage = SAMLA_STAGE_EXTRACTOR,
    .needs = needs,
    .provides = provides,
    .options = options,
    .config_size = sizeof(config),
    .init = init,
    .process = process,
    .fini = fini,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
