/* tag_lines.c: loose leaves that are parts of one line (PDF-TAG-LINE-PARTS).
 *
 * Chromium tags a line laid out in parts (a contents entry: its number, its
 * title, its page number, each a box of its own) as one NonStruct element per
 * part, right under the document, where a paragraph would be one P. A loose
 * leaf (NonStruct, Div or Span outside paragraphs, lists and tables) whose
 * first word lies on the line where the loose leaf before it in reading order
 * ends, right of that leaf's last word, on the same tagged page, is a part of
 * that leaf's block: its words join the earlier leaf, which keeps its kind.
 * "2.1.1", "Det finns en effektiv organisation ... (både regionalt och
 * lokalt)" and "6" are the one contents line "2.1.1 Det finns ... lokalt) 6".
 * Runs after pdf_tags_kinds (words sorted into page order); allocates in the
 * document's arena. */
#include <stdlib.h>

#include "tags.h"

static int cmp_word(const void *a, const void *b)
{
    const tag_word *p = a, *q = b;
    if (p->run != q->run) return p->run < q->run ? -1 : 1;
    if (p->line != q->line) return p->line < q->line ? -1 : 1;
    return (p->word > q->word) - (p->word < q->word);
}

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
        const tag_word *end = &ps->words[ps->nwords - 1], *first = &s->words[0];
        if (first->line != end->line || first->word <= end->word) {
            prev = l;
            continue;
        }
        for (size_t i = 0; i < s->nwords; i++) {
            tag_word *w = TAGS_PUSH(a, ps->words, ps->nwords, ps->cap);
            if (!w) return;
            *w = s->words[i];
        }
        qsort(ps->words, ps->nwords, sizeof *ps->words, cmp_word);
        s->nwords = 0;
    }
}
