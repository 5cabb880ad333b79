/* lists.c: activities as bulleted lists under a label.
 *
 * A heading or bold line naming activities ("Aktiviteter", "Arbetsområden",
 * "Planerade insatser") opens a group: the level-1 list items that follow,
 * up to the next heading or label, are activities (deeper items join the
 * activity above them as extra lines). A label naming indicators
 * ("Indikatorer", "Uppföljning") collects the indicators of the group; they
 * pair 1:1 with its activities when the counts agree, else every activity
 * gets all. A paragraph "Ansvarig: …" in the same section names the
 * responsible of the group. The area is the heading the group stands under
 * (a label heading at or above that heading's level is itself the area).
 *
 * Outside such a group, a numbered item (list item numbered "1.", or a
 * paragraph "1. …") followed by labelled field lines ("Ansvarig: …",
 * "Tidplan: …", "Uppföljning: …", nested bullets or plain lines) is one
 * activity with its own responsible and indicators, under whatever heading it
 * stands (a plan listing activities under each goal: "Mål 1.1 …"). A line that
 * starts in lower case right after the item continues it (a PDF line wrap).
 *
 * Under a heading naming activities (run.container_level,
 * PL-ACTIVITY-CONTAINER) a list needs no label: its level-1 items are the
 * activities of the nearest bold line or heading above them (a plan listing
 * bullets under each delmål), and so are numbered items without field lines
 * and paragraphs marked with a goal code ("A1: …"). Paragraphs marked with a
 * goal code ("Text (A1)", "A1 – Text") are activities under a label too
 * (PL-ACTIVITY-CODE-PARAGRAPH). */
#include <string.h>

#include "acts.h"

enum { MAXG = 128 };

typedef enum mode { M_NONE, M_ACT, M_IND } mode;

struct lists {
    run *r;
    mode m;
    int label_level;                  /* heading level of the label, 99 for a bold line */
    const samla_block *src[MAXG];
    const char *text[MAXG];
    const char *iresp[MAXG];          /* an item's own "Ansvarig: …" sub-item, or NULL */
    const char *iind[MAXG];           /* an item's own "Uppföljning: …" sub-item, or NULL */
    const char *ind[MAXG];
    size_t na, ni;
    const char *responsible;
    const char *area;
    const section *sec;
    section own;                      /* a label heading that is its own section */
    /* a numbered item with field lines */
    const samla_block *fsrc;
    const char *ftext, *fresp;
    const char *find[16];
    size_t nfind, nfields;
    bool fbold;                       /* the item is a bold line (no lower-case continuation) */
    /* numbered items emitted without field lines just before the current one: an "Ansvarig:" line
       after the run names their responsible too (PL-ACTIVITY-LIST-RESPONSIBLE) */
    samla_node *pending[MAXG];
    size_t npending;
    const char *bold_area;            /* the last bold title line since the last heading, or NULL */
    const samla_block *bold_src;      /* that line's block */
    const samla_block *prev;          /* the block act_lists_block saw last (NULL after a table) */
    const char *bold_above;           /* the heading starting now stands right under this bold line, or NULL */
};

static void field_flush(lists *l);

void act_lists_heading(lists *l)
{
    l->bold_above = l->bold_src && l->prev == l->bold_src ? l->bold_area : NULL;
    field_flush(l);     /* a numbered item above stood under the bold line above it, not under this heading
                           (PL-ACTIVITY-NUMBERED-AREA) */
    l->bold_area = NULL;
    l->bold_src = NULL;
    l->npending = 0;
}

/* The area of a list under a heading naming activities: the bold line above it, else the heading. */
static const char *container_area(const lists *l)
{
    const section *top = act_section(l->r);
    return l->bold_area ? l->bold_area : top ? top->area : NULL;
}

static void field_flush(lists *l)
{
    run *r = l->r;
    samla_arena *a = r->ctx->arena;
    if (l->fsrc && l->nfields) {
        samla_node *ind = samla_node_seq(a);
        for (size_t k = 0; ind && k < l->nfind; k++) samla_seq_append_str(a, ind, l->find[k]);
        const section *top = act_section(r);
        /* under a heading naming activities the item's area is the bold line above it, as for one without
           field lines (PL-ACTIVITY-CONTAINER, PL-ACTIVITY-NUMBERED-AREA) */
        const char *area = r->container_level ? container_area(l) : top ? top->area : NULL;
        act_emit(r, l->fsrc, area, l->ftext, ind, l->fresp, act_period_here(r));
        l->npending = 0;
    } else if (l->fsrc && !l->fbold && r->container_level) {
        /* a numbered item without field lines under a heading naming activities */
        samla_node *m = act_emit(r, l->fsrc, container_area(l), l->ftext, samla_node_seq(a), NULL, act_period_here(r));
        if (m && l->npending < MAXG) l->pending[l->npending++] = m;
    }
    l->fsrc = NULL;
    l->fbold = false;
    l->ftext = l->fresp = NULL;
    l->nfind = l->nfields = 0;
}

/* A labelled field line: which label list it starts with (1 responsible, 2 indicator, 3 other), 0 none. */
static int field_kind(lists *l, const samla_block *b)
{
    const state *s = l->r->s;
    samla_arena *a = l->r->ctx->arena;
    const samla_phrases *const resp[] = {&s->responsible_label}, *const ind[] = {&s->indicator_label},
                       *const other[] = {&s->field_label};
    if (samla_phrases_field(a, resp, 1, b->text)) return 1;
    if (samla_phrases_field(a, ind, 1, b->text)) return 2;
    if (samla_phrases_field(a, other, 1, b->text)) return 3;
    return 0;
}

/* Consumes b when it belongs to a numbered activity with field lines. */
static bool field_block(lists *l, const samla_block *b)
{
    samla_arena *a = l->r->ctx->arena;
    int k = field_kind(l, b);
    if (k && l->fsrc) {
        const char *value = samla_text_trim_end(a, samla_text_clean(a, strchr(b->text, ':') + 1));
        if (value && *value) {
            if (k == 1 && !l->nfields && !l->fresp)
                /* the list's responsible: one line after a run of numbered items without lines of their own */
                for (size_t i = 0; i < l->npending; i++) samla_map_set_str(a, l->pending[i], "responsible", value);
            if (k == 1) l->fresp = l->fresp ? samla_arena_printf(a, "%s; %s", l->fresp, value) : value;
            else if (k == 2 && l->nfind < 16) l->find[l->nfind++] = value;
        }
        l->nfields++;
        return true;
    }
    samla_match m;
    bool numbered = (b->kind == SAMLA_BLOCK_LIST_ITEM && b->level <= 1 && b->numbering &&
                     strpbrk(b->numbering, "0123456789")) ||
                    (b->kind == SAMLA_BLOCK_PARAGRAPH && samla_re_search(l->r->s->re_item, b->text, 0, &m));
    if (numbered) {
        field_flush(l);
        l->fsrc = b;
        l->ftext = b->kind == SAMLA_BLOCK_PARAGRAPH ? samla_match_group(a, &m, b->text, 1) : b->text;
        return true;
    }
    if (l->fsrc && !l->nfields && !l->fbold && b->kind == SAMLA_BLOCK_PARAGRAPH && samla_text_lower_start(b->text)) {
        l->ftext = samla_arena_printf(a, "%s %s", l->ftext, b->text);
        return true;
    }
    field_flush(l);
    l->npending = 0;
    return false;
}

lists *act_lists_new(run *r)
{
    lists *l = samla_arena_alloc(r->ctx->arena, sizeof *l); /* zeroed */
    if (!l) return NULL;
    l->r = r;
    return l;
}

const section *act_lists_own(const lists *l)
{
    return l->m == M_ACT && l->na == 0 && l->sec == &l->own ? &l->own : NULL;
}

void act_lists_flush(lists *l)
{
    field_flush(l);
    run *r = l->r;
    samla_arena *a = r->ctx->arena;
    if (l->na) {
        const char *period = act_period_here(r);
        int saved = r->depth;
        section saved_top = saved > 0 ? r->stack[saved - 1] : (section){0};
        if (l->sec == &l->own && r->depth < 10) r->stack[r->depth++] = l->own;
        for (size_t i = 0; i < l->na; i++) {
            samla_node *ind = samla_node_seq(a);
            if (!ind) break;
            if (l->iind[i]) samla_seq_append_str(a, ind, l->iind[i]);
            if (l->ni == l->na) samla_seq_append_str(a, ind, l->ind[i]);
            else
                for (size_t k = 0; k < l->ni; k++) samla_seq_append_str(a, ind, l->ind[k]);
            act_emit(r, l->src[i], l->area, l->text[i], ind, l->iresp[i] ? l->iresp[i] : l->responsible, period);
        }
        r->depth = saved;
        if (saved > 0) r->stack[saved - 1] = saved_top;
    }
    l->na = l->ni = 0;
    l->m = M_NONE;
    l->responsible = NULL;
}

/* A label line: returns its mode or M_NONE. */
static mode label_of(lists *l, const samla_block *b)
{
    const char *soft = samla_text_soft(l->r->ctx->arena, act_heading_title(l->r, b));
    if (samla_phrases_only(&l->r->s->list_label, soft)) return M_ACT;
    /* a phrase of several words may open a longer heading ("Planering för insatser och …") */
    if (samla_phrases_prefix(&l->r->s->list_label, soft) > 1) return M_ACT;
    if (samla_phrases_only(&l->r->s->indicator_label, soft)) return M_IND;
    return M_NONE;
}

/* PL-ACTIVITY-BARE-LINES: in a document whose lists lost their glyphs (run.bare), a plain paragraph that
 * reads like a list item (act_lists_bare_shape: short, starting upper-case, no sentence or field end, no
 * "Ansvarig: …" field line) in a run of such lines right under a title line or heading. Under a label or a
 * heading naming activities such lines are the items. */
bool act_lists_bare_shape(lists *l, const samla_block *b)
{
    if (b->kind != SAMLA_BLOCK_PARAGRAPH || b->style.bold || !b->text) return false;
    size_t n = strlen(b->text);
    if (n < 3 || n > 160 || samla_text_lower_start(b->text) || strchr(".:;!?,", b->text[n - 1])) return false;
    return field_kind(l, b) == 0;
}

/* Such a line in a run of them right under a title line or heading (not the rest of a table read as lines). */
static bool bare_line(lists *l, const samla_block *b)
{
    return l->r->bare && l->r->bare_run && act_lists_bare_shape(l, b);
}

void act_lists_table(lists *l)
{
    l->prev = NULL;
    while (l->r->bare && l->m == M_ACT && l->na > 0 && act_lists_bare_shape(l, l->src[l->na - 1])) l->na--;
}

/* A paragraph marked with a goal code ("A1: Text", "Text (A1)"). */
static bool code_marked(lists *l, const samla_block *b)
{
    const char *t = b->text;
    return !b->style.bold && act_code_mark(l->r, &t) != NULL;
}

/* A block that opens a list without a label: a bulleted level-1 item, or a code-marked paragraph
 * (numbered items go through field_block, which keeps their own field lines). */
static bool implicit_item(lists *l, const samla_block *b)
{
    if (b->kind == SAMLA_BLOCK_LIST_ITEM)
        return b->level <= 1 && !(b->numbering && strpbrk(b->numbering, "0123456789"));
    return b->kind == SAMLA_BLOCK_PARAGRAPH && (code_marked(l, b) || bare_line(l, b));
}

static bool block(lists *l, const samla_block *b, bool title_line);

bool act_lists_block(lists *l, const samla_block *b, bool title_line)
{
    bool used = block(l, b, title_line);
    l->prev = b;
    return used;
}

static bool block(lists *l, const samla_block *b, bool title_line)
{
    run *r = l->r;
    samla_arena *a = r->ctx->arena;
    if (title_line) {
        mode m = label_of(l, b);
        bool heading = b->kind == SAMLA_BLOCK_HEADING;
        int level = heading ? (b->level > 0 ? b->level : 1) : 99;
        const section *top = act_section(r);
        if (m == M_NONE) {
            if (!heading) {
                /* a numbered item above stood under the title above it, not under this line
                   (PL-ACTIVITY-NUMBERED-AREA) */
                if (l->m == M_NONE && l->na == 0) field_flush(l);
                l->bold_area = samla_text_trim_end(a, samla_text_clean(a, b->text));
                l->bold_src = b;
            }
            if (!heading && l->m == M_NONE && l->na == 0) {
                /* a bold line followed by its own field lines ("Status: Genomförd", "Ansvarig: …") is one
                   activity, like a numbered item; without field lines it is emitted as nothing */
                field_flush(l);
                l->fsrc = b;
                l->ftext = samla_text_trim_end(a, samla_text_clean(a, b->text));
                l->fbold = true;
                return true;
            }
            if (!heading) { if (l->m != M_NONE) l->m = M_NONE; }
            return false;
        }
        if (m == M_ACT) {
            /* a new activity label under the same section continues the group only
               when no activities were collected yet */
            if (l->na) act_lists_flush(l);
            l->label_level = level;
            if (heading && (!top || level <= top->level)) {
                /* the label heading is a section of its own ("Planering för insatser …") */
                const char *title = act_heading_title(r, b);
                l->own = (section){b, level, NULL, title, title};
                l->sec = &l->own;
                l->area = title;
                while (r->depth > 0 && r->stack[r->depth - 1].level >= level) r->depth--;
            } else {
                l->sec = top;
                l->area = top ? top->area : NULL;
                /* PL-ACTIVITY-LABEL-BOLD-AREA: a bold line right above the label is the goal the list serves
                   ("Delmål …" set bold over "Aktiviteter", or a heading a PDF reader took for bold body text) */
                const char *above = heading ? l->bold_above : l->bold_src && l->prev == l->bold_src ? l->bold_area : NULL;
                if (above) l->area = above;
            }
        } else if (l->na == 0) {
            return heading ? false : true;      /* indicators without activities: ignore */
        }
        l->m = m;
        return true;
    }
    /* a field line of the numbered item above ("– Ansvarig: …", typed with a dash that made it a bullet) is
       that item's, not the first activity of a list (PL-ACTIVITY-CONTAINER-YIELD) */
    bool own_field = l->fsrc && !l->fbold && l->m == M_NONE && field_kind(l, b);
    if (r->container_level && l->m == M_NONE && !own_field && implicit_item(l, b)) {
        /* the first item of a list without a label under a heading naming activities */
        field_flush(l);
        if (l->na) act_lists_flush(l);
        l->m = M_ACT;
        l->label_level = 99;
        l->sec = act_section(r);
        l->area = container_area(l);
    }
    if (l->m == M_NONE && l->na == 0 && (b->kind == SAMLA_BLOCK_LIST_ITEM || b->kind == SAMLA_BLOCK_PARAGRAPH) &&
        field_block(l, b))
        return true;
    /* a paragraph marked with a goal code is an activity in any group of activities, under a label
       ("Aktiviteter 2023", "Planerade aktiviteter") as under a heading naming activities
       (PL-ACTIVITY-CODE-PARAGRAPH); unmarked paragraphs there are the plan's prose */
    if (b->kind == SAMLA_BLOCK_PARAGRAPH && l->m == M_ACT && l->na < MAXG && (code_marked(l, b) || bare_line(l, b))) {
        l->iresp[l->na] = l->iind[l->na] = NULL;
        l->src[l->na] = b;
        l->text[l->na++] = b->text;
        return true;
    }
    if (l->m == M_IND && l->ni < MAXG && bare_line(l, b)) {
        l->ind[l->ni++] = b->text;
        return true;
    }
    if (b->kind == SAMLA_BLOCK_LIST_ITEM) {
        if (l->m == M_ACT) {
            int k = b->level > 1 && l->na ? field_kind(l, b) : 0;
            if (b->level <= 1 && l->na < MAXG) {
                l->iresp[l->na] = l->iind[l->na] = NULL;
                l->src[l->na] = b;
                l->text[l->na++] = b->text;
            } else if (k) {
                /* a labelled field sub-item ("➢ Ansvarig: …", "➢ Tidplan: …") is the item's own field, not
                   its text (PL-ACTIVITY-ITEM-FIELDS) */
                const char *value = samla_text_trim_end(a, samla_text_clean(a, strchr(b->text, ':') + 1));
                if (value && *value && k == 1) l->iresp[l->na - 1] = value;
                if (value && *value && k == 2) l->iind[l->na - 1] = value;
            } else if (l->na) {
                l->text[l->na - 1] = samla_arena_printf(a, "%s\n%s", l->text[l->na - 1], b->text);
            }
            return true;
        }
        if (l->m == M_IND && b->level <= 1 && l->ni < MAXG) {
            l->ind[l->ni++] = b->text;
            return true;
        }
        return false;
    }
    if (b->kind == SAMLA_BLOCK_PARAGRAPH && l->na) {
        const char *soft = samla_text_soft(a, b->text);
        size_t n = samla_phrases_prefix(&r->s->responsible_label, soft);
        const char *colon = strchr(b->text, ':');
        if (n && colon) {
            l->responsible = samla_text_trim_end(a, samla_phrases_rest(a, b->text, n));
            return true;
        }
        if (l->m == M_IND) l->m = M_NONE;
    }
    return false;
}
