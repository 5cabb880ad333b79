/* tag_lines.c: loose leaves that are parts of one line (PDF-TAG-LINE-PARTS).
 *
 * Chromium tags a line laid out in parts (a contents entry: its number, its
 * title, its page number, each a box of its own) as one NonStruct element per
 * part, right under the document, where a paragraph would be one P. A loose
 * leaf (NonStruct, Div or Span outside paragraphs, lists and tables) whose
 * first word lies on a line of the loose leaf before it in reading order,
 * right of that leaf's words there, on the same tagged page, is a part of
 * that leaf's block (a page number set level with the first line of a
 * two-line title too): its words join the earlier leaf, which keeps its kind.
 * "2.1.1", "Det finns en effektiv organisation ... (både regionalt och
 * lokalt)" and "6" are the one contents line "2.1.1 Det finns ... lokalt) 6".
 * The joining words go after the earlier leaf's, in their order: the block
 * reads part after part. Runs after pdf_tags_kinds (words sorted into page
 * order); allocates in the document's arena. */
#include "tags.h"

/* The leaf's only part with words, on a tagged page; NULL when it has none or several. */
static tag_seg *one_part(const pdf_tags *t, const tag_leaf *l)
{
    tag_seg *one = NULL;
    for (size_t s = 0; s < l->nsegs; s++) {
        if (!l->segs[s].nwords) continue;
        if (one || !t->tagged[l->segs[s].page]) return NULL;
        one = &l->segs[s];
    }
    return one;
}

void pdf_tags_join_lines(pdf_tags *t)
{
    samla_arena *a = t->r->ctx->arena;
    tag_leaf *prev = NULL;
    for (size_t k = 0; k < t->nitems; k++) {
        const tag_item *it = &t->items[k];
        tag_leaf *l = it->table ? NULL : &t->leaves[it->index];
        tag_seg *ps = prev ? one_part(t, prev) : NULL, *s = l && l->loose ? one_part(t, l) : NULL;
        if (!s) {
            prev = l && l->loose ? l : NULL;
            continue;
        }
        if (!ps || ps->page != s->page) {
            prev = l;
            continue;
        }
        const tag_word *first = &s->words[0];
        int after = -1; /* the earlier leaf's last word on the line of this one's first */
        for (size_t i = 0; i < ps->nwords; i++)
            if (ps->words[i].line == first->line && ps->words[i].word > after) after = ps->words[i].word;
        if (after < 0 || first->word <= after) {
            prev = l;
            continue;
        }
        for (size_t i = 0; i < s->nwords; i++) {
            tag_word *w = TAGS_PUSH(a, ps->words, ps->nwords, ps->cap);
            if (!w) return;
            *w = s->words[i];
            w->kpos = w->kend = -1; /* read along the other leaf's key */
        }
        s->nwords = 0;
    }
}
