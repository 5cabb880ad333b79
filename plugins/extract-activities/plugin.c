/* plugin.c: extract-activities, the activities of a plan.
 *
 * Two shapes are recognised, both by words from data/plan-words.yaml and the
 * document model's structure, never by position:
 *  - activity tables, found by their header row (a column of activities,
 *    optional columns of areas, indicators and responsible); see table.c;
 *  - bulleted lists after a label heading or bold line ("Aktiviteter",
 *    "Arbetsområden", "Planerade insatser"), with indicator lists
 *    ("Indikatorer", "Uppföljning") and an "Ansvarig: …" line; see lists.c;
 *  - numbered items (a numbered list item or a hand-numbered paragraph "1. …")
 *    followed by their own labelled field lines ("Ansvarig: …", "Tidplan: …",
 *    "Uppföljning: …") under any heading; see lists.c.
 * Plan metadata (document.type, adopted, decided_by, valid, reference) comes
 * from a document-information table or labelled lines (docinfo.c).
 *  - under a heading naming activities ("Aktiviteter per delmål", "Insatser
 *    2025"; PL-ACTIVITY-CONTAINER), every list in its section and
 *    sub-sections, each under the nearest heading or bold line above it (the
 *    delmål it serves), also without an "Aktiviteter" label; see lists.c.
 * A paragraph typed with a bullet glyph ("• …", "✓ …") is read as a list item.
 * An activity marked with a goal code ("A1: …", "[1.2] …", "… (A1)";
 * PL-ACTIVITY-CODE-MARK) has the mark taken off its text; the code is its
 * area and goal.
 * Each activity: id (act-1 … in reading order), area, text, indicators,
 * responsible, section {number, title}, period, goal (a goal code the area
 * starts with, e.g. "A1"), source. */
#include <stddef.h>
#include <string.h>

#include "acts.h"

typedef struct config {
    long max_title;
    bool warn_empty;
} config;

static const samla_option options[] = {
    {"max_title", SAMLA_OPT_INT, "200", offsetof(config, max_title),
     "bold paragraphs up to this many bytes count as title lines (labels)"},
    {"warn_empty", SAMLA_OPT_BOOL, "true", offsetof(config, warn_empty),
     "warn when a document gives no activity (off in pipelines that run it on any document)"},
    SAMLA_OPTIONS_END};

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
    s->warn_empty = c->warn_empty;
    const char *ac = "activities", *di = "document_info"; /* sections of plan-words.yaml */
    const samla_data_item items[] = {
        SAMLA_DATA_PHRASES(ac, "table_activity", &s->t_activity),
        SAMLA_DATA_PHRASES(ac, "table_indicator", &s->t_indicator),
        SAMLA_DATA_PHRASES(ac, "table_responsible", &s->t_responsible),
        SAMLA_DATA_PHRASES(ac, "table_area", &s->t_area),
        SAMLA_DATA_PHRASES(ac, "table_number", &s->t_number),
        SAMLA_DATA_PHRASES(ac, "list_label", &s->list_label),
        SAMLA_DATA_PHRASES(ac, "indicator_label", &s->indicator_label),
        SAMLA_DATA_PHRASES(ac, "responsible_label", &s->responsible_label),
        SAMLA_DATA_PHRASES(ac, "field_label", &s->field_label),
        SAMLA_DATA_PHRASES(ac, "container", &s->container),
        SAMLA_DATA_PHRASES(di, "type", &s->di_type),
        SAMLA_DATA_PHRASES(di, "adopted", &s->di_adopted),
        SAMLA_DATA_PHRASES(di, "decided_by", &s->di_decided),
        SAMLA_DATA_PHRASES(di, "valid", &s->di_valid),
        SAMLA_DATA_PHRASES(di, "reference", &s->di_reference),
        SAMLA_DATA_PATTERN(ac, "year", &s->re_year),
        SAMLA_DATA_PATTERN(ac, "goal_code", &s->re_goal),
        SAMLA_DATA_PATTERN(ac, "heading_number", &s->re_number),
        SAMLA_DATA_PATTERN(ac, "item_number", &s->re_item),
        SAMLA_DATA_PATTERN(ac, "code_mark_prefix", &s->re_mark_pre),
        SAMLA_DATA_PATTERN(ac, "code_mark_suffix", &s->re_mark_suf),
        SAMLA_DATA_PATTERN(ac, "bullet_glyph", &s->re_glyph)};
    samla_status st = samla_data_load(rt, a, "plan-words.yaml", items, sizeof items / sizeof items[0], diag);
    if (st != SAMLA_OK) { fini(s); return st; }
    *out = s;
    return SAMLA_OK;
}

const char *act_heading_title(run *r, const samla_block *b)
{
    samla_match m;
    if (b->kind != SAMLA_BLOCK_HEADING || b->numbering || !b->text || !samla_re_search(r->s->re_number, b->text, 0, &m))
        return b->text;
    return samla_match_group(r->ctx->arena, &m, b->text, 2);
}

const section *act_section(const run *r) { return r->depth > 0 ? &r->stack[r->depth - 1] : NULL; }

const char *act_period_of(run *r, const char *text)
{
    samla_match m;
    if (!text || !samla_re_search(r->s->re_year, text, 0, &m)) return NULL;
    char *y1 = samla_match_group(r->ctx->arena, &m, text, 1);
    char *y2 = samla_match_group(r->ctx->arena, &m, text, 2);
    if (!y2) {
        /* "2025-01-01 – 2025-12-31", "från 2025-01-01 till 2025-12-31": a second year further on */
        samla_match m2;
        if (samla_re_search(r->s->re_year, text, m.end[0], &m2))
            y2 = samla_match_group(r->ctx->arena, &m2, text, 1);
    }
    if (!y2 || strcmp(y1, y2) == 0) return y1;
    return samla_arena_printf(r->ctx->arena, "%s\xe2\x80\x93%s", y1, y2);
}

const char *act_period_here(run *r)
{
    for (int i = r->depth - 1; i >= 0; i--) {
        const char *soft = samla_text_soft(r->ctx->arena, r->stack[i].title);
        if (samla_phrases_prefix(&r->s->list_label, soft) || samla_phrases_prefix(&r->s->t_activity, soft)) {
            const char *p = act_period_of(r, r->stack[i].title);
            if (p) return p;
        }
    }
    return r->doc_period;
}

samla_node *act_emit(run *r, const samla_block *src, const char *area, const char *text,
                     samla_node *indicators, const char *responsible, const char *period)
{
    samla_arena *a = r->ctx->arena;
    const char *code = act_code_mark(r, &text);
    if (code) area = code;
    samla_node *m = samla_node_map(a);
    if (!m) return NULL;
    samla_map_set_str(a, m, "id", samla_arena_printf(a, "act-%d", ++r->next_id));
    samla_map_set(a, m, "area", samla_node_str(a, area && *area ? area : NULL));
    samla_map_set_str(a, m, "text", text);
    samla_map_set(a, m, "indicators", indicators ? indicators : samla_node_seq(a));
    samla_map_set(a, m, "responsible", samla_node_str(a, responsible && *responsible ? responsible : NULL));
    const section *sec = act_section(r);
    if (sec) {
        samla_node *s = samla_node_map(a);
        samla_map_set_str(a, s, "number", sec->number);
        samla_map_set_str(a, s, "title", sec->title);
        samla_map_set(a, m, "section", s);
    } else {
        samla_map_set(a, m, "section", samla_node_null(a));
    }
    samla_map_set(a, m, "period", samla_node_str(a, period));
    samla_match gm;
    if (area && samla_re_search(r->s->re_goal, area, 0, &gm))
        samla_map_set_str(a, m, "goal", samla_match_group(a, &gm, area, 1));
    samla_map_set(a, m, "source", samla_ctx_source(r->ctx, src));
    return samla_seq_append(a, r->seq, m);
}

const char *act_code_mark(run *r, const char **text)
{
    samla_match m;
    const char *t = *text;
    if (!t) return NULL;
    if (samla_re_search(r->s->re_mark_pre, t, 0, &m)) {
        *text = samla_match_group(r->ctx->arena, &m, t, 2);
        return samla_match_group(r->ctx->arena, &m, t, 1);
    }
    if (samla_re_search(r->s->re_mark_suf, t, 0, &m)) {
        *text = samla_match_group(r->ctx->arena, &m, t, 1);
        return samla_match_group(r->ctx->arena, &m, t, 2);
    }
    return NULL;
}

/* A paragraph typed with a bullet glyph as a level-1 list item without the glyph (a copy), else b. */
static const samla_block *glyph_item(run *r, const samla_block *b)
{
    samla_match m;
    if (b->kind != SAMLA_BLOCK_PARAGRAPH || !b->text || !samla_re_search(r->s->re_glyph, b->text, 0, &m)) return b;
    samla_block *c = samla_arena_alloc(r->ctx->arena, sizeof *c);
    if (!c) return b;
    *c = *b;
    c->kind = SAMLA_BLOCK_LIST_ITEM;
    c->level = 1;
    c->text = samla_match_group(r->ctx->arena, &m, b->text, 1);
    return c;
}

static bool is_toc_line(const samla_block *b)
{
    if (b->style.name && (samla_text_starts_with_ci(b->style.name, "toc") ||
                          samla_text_starts_with_ci(b->style.name, "contents")))
        return true;
    return b->text && strstr(b->text, "....") != NULL;
}

static void push_heading(run *r, const samla_block *b)
{
    int level = b->level > 0 ? b->level : 1;
    while (r->depth > 0 && r->stack[r->depth - 1].level >= level) r->depth--;
    if (r->depth >= (int)(sizeof r->stack / sizeof r->stack[0])) return;
    section *s = &r->stack[r->depth++];
    s->b = b;
    s->level = level;
    s->number = NULL;
    s->title = b->text;
    s->area = b->text;
    samla_match m;
    if (samla_re_search(r->s->re_number, b->text, 0, &m)) {
        s->number = samla_match_group(r->ctx->arena, &m, b->text, 1);
        s->title = samla_match_group(r->ctx->arena, &m, b->text, 2);
        /* a number typed before the title under an unnumbered heading naming activities ("Insatser 2025"
           > "1.2 Fler …") is the goal's code, part of the area as written; under a numbered one ("2
           Aktiviteter" > "2.1.1 …") or elsewhere it is the section's number (PL-ACTIVITY-AREA-CODE, as
           PL-GOAL-CODES for goals) */
        bool inside = r->container_level &&
                      (r->container_line ? level >= r->container_level : level > r->container_level);
        bool code = inside && !r->container_numbered;
        if (!code) s->area = s->title;
    } else if (b->numbering) {
        s->number = samla_text_trim_end(r->ctx->arena, b->numbering);
    }
}

/* A heading of follow-up (the indicator labels: "Uppföljning") ends a container opened by a line. */
static bool follow_up(run *r, const samla_block *b)
{
    return samla_phrases_only(&r->s->indicator_label, samla_text_soft(r->ctx->arena, act_heading_title(r, b)));
}

/* PL-ACTIVITY-CONTAINER-LINE: a short bold line naming activities ("Insatser 2027", "Planerade aktiviteter")
 * that is no heading but stands right over one (a PDF whose headings are bold body text, so spacing made
 * the focus areas headings and not this line) opens the container as a heading would: the headings under
 * it, at the level of the first, are the areas of the lists in them. A shallower heading or a follow-up
 * heading ends it. */
static void container_line(run *r, size_t i, const samla_block *b)
{
    if (r->container_level || !b->style.bold || (long)strlen(b->text) > r->s->max_title) return;
    if (!samla_phrases_prefix(&r->s->container, samla_text_soft(r->ctx->arena, b->text))) return;
    /* bold lines between the two (a focus area's line over its delmål headings) are headings the reader took
       for bold body text: the line still stands over the first heading (PL-ACTIVITY-CONTAINER-LINE-BOLD) */
    size_t j = i + 1;
    while (j < r->ctx->doc.nblocks && j < i + 4 && r->ctx->doc.blocks[j]->kind == SAMLA_BLOCK_PARAGRAPH &&
           r->ctx->doc.blocks[j]->style.bold && r->ctx->doc.blocks[j]->text &&
           (long)strlen(r->ctx->doc.blocks[j]->text) <= r->s->max_title)
        j++;
    const samla_block *next = j < r->ctx->doc.nblocks ? r->ctx->doc.blocks[j] : NULL;
    /* no heading at all (every heading of the document read as bold body text): bold lines then a list make the
       same shape, the bold lines the areas of the lists under them (PL-ACTIVITY-CONTAINER-LINE-FLAT) */
    bool flat = next && j > i + 1 && next->text &&
                (next->kind == SAMLA_BLOCK_LIST_ITEM || (next->kind == SAMLA_BLOCK_PARAGRAPH && glyph_item(r, next) != next));
    if (!next || (next->kind != SAMLA_BLOCK_HEADING && !flat) || !next->text) return;
    samla_match nm;
    r->container_level = flat ? 1 : next->level > 0 ? next->level : 1;
    r->container_line = true;
    /* numbered as the line is: an unnumbered line over "1.1 …" headings makes their numbers goal codes, as an
       unnumbered container heading does (PL-ACTIVITY-AREA-CODE) */
    r->container_numbered = samla_re_search(r->s->re_number, b->text, 0, &nm);
}

/* PL-ACTIVITY-CONTAINER-FLAT-LEVEL: a heading naming activities with no text of its own, right over a bold line
 * of its own size (pdfTeX's and groff's headings all bold body text: the reader made the focus area or delmål
 * under it a bold line), holds the headings of its look that follow at its own level, as it holds deeper ones
 * (PL-ACTIVITY-CONTAINER-FLAT): nothing on the page tells their levels apart. */
static bool bare_container(const samla_ctx *ctx, size_t i, const samla_block *c)
{
    for (size_t k = i + 1; k < ctx->doc.nblocks; k++) {
        const samla_block *n = ctx->doc.blocks[k];
        if (n->kind == SAMLA_BLOCK_HEADER || n->kind == SAMLA_BLOCK_FOOTER || n->kind == SAMLA_BLOCK_FOOTNOTE) continue;
        return (n->kind == SAMLA_BLOCK_PARAGRAPH || n->kind == SAMLA_BLOCK_HEADING) && n->style.bold && c->style.bold &&
               n->style.font_size > 0 && n->style.font_size == c->style.font_size;
    }
    return false;
}

static samla_status process(void *p, samla_ctx *ctx)
{
    run r = {.s = p, .ctx = ctx};
    r.seq = samla_ctx_section(ctx, "activities");
    if (!r.seq) return SAMLA_ERR_NOMEM;
    samla_status st = act_docinfo(&r);
    if (st != SAMLA_OK) return st;
    lists *l = act_lists_new(&r);
    if (!l) return SAMLA_ERR_NOMEM;
    r.bare = true;
    for (size_t i = 0; i < ctx->doc.nblocks && r.bare; i++) {
        const samla_block *b = ctx->doc.blocks[i];
        if (b->kind == SAMLA_BLOCK_LIST_ITEM || (b->kind == SAMLA_BLOCK_PARAGRAPH && glyph_item(&r, b) != b))
            r.bare = false;
    }
    for (size_t i = 0; i < ctx->doc.nblocks; i++) {
        const samla_block *b = ctx->doc.blocks[i];
        if (b->kind == SAMLA_BLOCK_PARAGRAPH && !b->style.bold) b = glyph_item(&r, b);
        if ((b->kind == SAMLA_BLOCK_HEADING || b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_LIST_ITEM) &&
            b->text && strspn(b->text, " \t\n") < strlen(b->text) && r.cont_open) {
            /* body text between two tables: the second does not continue the first, unless it is one short
               line on the next page (a running header the reader did not recognise) */
            bool header_like = b->page > r.cont_page && strlen(b->text) <= 120 && r.cont_gap_page == 0;
            samla_match gm;
            /* PL-ACTIVITY-SPAN-AREA: a sub-goal row spanning the table ("Delmål 1.1 Titel") that a PDF reader
               set apart as a paragraph splits the table: the rows after it continue it under that area */
            if (b->kind == SAMLA_BLOCK_PARAGRAPH && strlen(b->text) <= 200 && !r.cont_group &&
                samla_re_search(r.s->re_goal, b->text, 0, &gm) && gm.start[0] == 0 && gm.start[1] > 0)
                r.cont_group = b->text;
            else if (header_like) r.cont_gap_page = b->page;
            else r.cont_open = false;
        }
        bool body = b->kind == SAMLA_BLOCK_HEADING || b->kind == SAMLA_BLOCK_PARAGRAPH ||
                    b->kind == SAMLA_BLOCK_LIST_ITEM || b->kind == SAMLA_BLOCK_TABLE;
        bool after_title = b->kind == SAMLA_BLOCK_HEADING || (b->kind == SAMLA_BLOCK_PARAGRAPH && b->style.bold) ||
                           (r.bare_run && act_lists_bare_shape(l, b));
        switch (b->kind) {
        case SAMLA_BLOCK_HEADING: {
            if (!b->text || is_toc_line(b)) break;
            int level = b->level > 0 ? b->level : 1;
            act_lists_heading(l);   /* before the container closes: a numbered item above is still its activity */
            if (r.container_level && !r.container_line && r.container_flat < 0)
                r.container_flat = b->style.font_size > 0 && b->style.font_size == r.container_size &&
                                   (level > r.container_level ||
                                    (level == r.container_level && r.container_bare && !follow_up(&r, b)));
            if (r.container_level && (r.container_line ? level < r.container_level || follow_up(&r, b)
                                      : r.container_flat > 0 ? follow_up(&r, b) || b->style.font_size > r.container_size
                                                             : level <= r.container_level))
                r.container_level = 0;
            /* a heading naming activities inside an open container (an "Aktiviteter" label over a delmål's
               list that a PDF reader made a heading) is a label there, not a container of its own
               (PL-ACTIVITY-CONTAINER-NESTED) */
            if (!r.container_level &&
                samla_phrases_prefix(&r.s->container, samla_text_soft(ctx->arena, act_heading_title(&r, b)))) {
                samla_match nm;
                r.container_level = level;
                r.container_line = false;
                r.container_size = b->style.font_size;
                r.container_flat = -1;
                r.container_bare = bare_container(ctx, i, b);
                r.container_numbered = b->numbering || samla_re_search(r.s->re_number, b->text, 0, &nm);
            }
            if (act_lists_block(l, b, true)) break;
            act_lists_flush(l);
            push_heading(&r, b);
            break;
        }
        case SAMLA_BLOCK_PARAGRAPH:
            if (!b->text || is_toc_line(b)) break;
            /* a bold follow-up line (Uppföljning) ends a container a line opened, as a follow-up heading does */
            if (r.container_level && r.container_line && b->style.bold && follow_up(&r, b)) r.container_level = 0;
            container_line(&r, i, b);
            act_lists_block(l, b, b->style.bold && (long)strlen(b->text) <= r.s->max_title);
            break;
        case SAMLA_BLOCK_LIST_ITEM:
            if (b->text) act_lists_block(l, b, false);
            break;
        case SAMLA_BLOCK_TABLE: {
            act_lists_table(l);
            /* a table right under a label heading ("Aktiviteter 2026") stands in that section */
            const section *own = act_lists_own(l);
            if (own) {
                while (r.depth > 0 && r.stack[r.depth - 1].level >= own->level) r.depth--;
                if (r.depth < (int)(sizeof r.stack / sizeof r.stack[0])) r.stack[r.depth++] = *own;
            }
            act_lists_flush(l);
            if (r.cont_open && r.cont_gap_page && r.cont_gap_page != b->page) r.cont_open = false;
            r.cont_open = act_table(&r, b);
            r.cont_group = NULL;
            r.cont_gap_page = 0;
            r.cont_page = b->page;
            if (b->nrows > 0 && b->ncols > 0) {
                /* the page of the table's last row */
                const samla_cell *last = samla_table_cell(b, b->nrows - 1, 0);
                if (last && last->nblocks && last->blocks[0]->page > r.cont_page) r.cont_page = last->blocks[0]->page;
            }
            break;
        }
        default: break;
        }
        if (body) r.bare_run = after_title;
    }
    act_lists_flush(l);
    if (r.s->warn_empty && r.seq->u.seq.count == 0)
        samla_ctx_warn(ctx, 0, "plan with no activities found (no activity table, no list under an 'Aktiviteter' label "
                               "or a heading naming activities, no numbered item with its own field lines)");
    return SAMLA_OK;
}

static const char *const needs[] = {"content", NULL};
static const char *const provides[] = {"activities", "document", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "extract-activities",
    .version = "1.0.0",
    .description = "activities of a plan (activity tables and labelled lists) with indicators, responsible, period",
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
