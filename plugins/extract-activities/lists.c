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
 * (a label heading at or above that heading's level is itself the area). */
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
    const char *ind[MAXG];
    size_t na, ni;
    const char *responsible;
    const char *area;
    const section *sec;
    section own;                      /* a label heading that is its own section */
};

lists *act_lists_new(run *r)
{
    lists *l = samla_arena_alloc(r->ctx->arena, sizeof *l);
    if (!l) return NULL;
    memset(l, 0, sizeof *l);
    l->r = r;
    return l;
}

void act_lists_flush(lists *l)
{
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
            if (l->ni == l->na) samla_seq_append_str(a, ind, l->ind[i]);
            else
                for (size_t k = 0; k < l->ni; k++) samla_seq_append_str(a, ind, l->ind[k]);
            act_emit(r, l->src[i], l->area, l->text[i], ind, l->responsible, period);
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
    const char *soft = samla_text_soft(l->r->ctx->arena, b->text);
    if (words_only(&l->r->s->list_label, soft)) return M_ACT;
    /* a phrase of several words may open a longer heading ("Planering för insatser och …") */
    if (words_prefix(&l->r->s->list_label, soft) > 1) return M_ACT;
    if (words_only(&l->r->s->indicator_label, soft)) return M_IND;
    return M_NONE;
}

bool act_lists_block(lists *l, const samla_block *b, bool title_line)
{
    run *r = l->r;
    samla_arena *a = r->ctx->arena;
    if (title_line) {
        mode m = label_of(l, b);
        bool heading = b->kind == SAMLA_BLOCK_HEADING;
        int level = heading ? (b->level > 0 ? b->level : 1) : 99;
        const section *top = act_section(r);
        if (m == M_NONE) {
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
                l->own = (section){b, level, NULL, b->text};
                l->sec = &l->own;
                l->area = b->text;
                while (r->depth > 0 && r->stack[r->depth - 1].level >= level) r->depth--;
            } else {
                l->sec = top;
                l->area = top ? top->title : NULL;
            }
        } else if (l->na == 0) {
            return heading ? false : true;      /* indicators without activities: ignore */
        }
        l->m = m;
        return true;
    }
    if (b->kind == SAMLA_BLOCK_LIST_ITEM) {
        if (l->m == M_ACT) {
            if (b->level <= 1 && l->na < MAXG) {
                l->src[l->na] = b;
                l->text[l->na++] = b->text;
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
        size_t n = words_prefix(&r->s->responsible_label, soft);
        const char *colon = strchr(b->text, ':');
        if (n && colon) {
            l->responsible = words_trim_end(a, words_rest(a, b->text, n));
            return true;
        }
        if (l->m == M_IND) l->m = M_NONE;
    }
    return false;
}
