/* tag_kinds.c: block kinds a tagged page shows and its tags do not say.
 *
 * A producer tags what the paragraph style names, and two paragraph styles
 * are a heading or a list item on the page while the tree holds a P
 * (LibreOffice and Chromium tag a Title paragraph and a typed "1. " or "a) "
 * paragraph as P); conventions in docs/conventions.md, "Tagged PDF":
 *
 *  - PDF-TAG-TITLE: a P outside lists and tables set wholly in the title
 *    size (every word at least 1.5 times the body size and no smaller than
 *    any heading element's words), of at most 16 words, not ending like a
 *    sentence, is a level-1 heading: the document's (or a bound-in part's)
 *    title.
 *  - PDF-TAG-TYPED-LABEL: a P outside tables whose first line starts with a
 *    list marker (pdf_marker: a bullet glyph, a private-use symbol bullet, a
 *    list number "1." "a)") with its text after it on that line is a list
 *    item, one level deeper than the lists around it, as the geometric
 *    reader reads a typed label.
 *
 * The pass also sorts every leaf part's words into page order, the order
 * tag_emit.c reads them in. Nothing is allocated. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tags.h"

#define TITLE_SIZE 1.5   /* times the body size */
#define TITLE_WORDS 16  /* a title wraps in a narrow column: words, not lines */

static int cmp_word(const void *a, const void *b)
{
    const tag_word *p = a, *q = b;
    if (p->run != q->run) return p->run < q->run ? -1 : 1;
    if (p->line != q->line) return p->line < q->line ? -1 : 1;
    return (p->word > q->word) - (p->word < q->word);
}

/* What a leaf looks like on the pages read from tags. */
typedef struct leaf_look {
    size_t nwords;
    double min_size;          /* smallest word */
    const pdf_word *first;    /* first line's words from the leaf's first (contiguous in the line) */
    size_t nfirst;
    const pdf_word *last;     /* the leaf's last word */
} leaf_look;

static const pdf_word *word_at(const pdf_reader *r, int page, const tag_word *w)
{
    return &r->pages[page].lines[w->line].words[w->word];
}

static void look_at(const pdf_tags *t, const tag_leaf *l, leaf_look *o)
{
    const pdf_reader *r = t->r;
    memset(o, 0, sizeof *o);
    o->min_size = INFINITY;
    const tag_seg *first = NULL, *last = NULL;
    for (size_t s = 0; s < l->nsegs; s++) {
        const tag_seg *sg = &l->segs[s];
        if (!sg->nwords || !t->tagged[sg->page]) continue;
        if (!first || sg->page < first->page) first = sg;
        if (!last || sg->page > last->page) last = sg;
        for (size_t i = 0; i < sg->nwords; i++) {
            const pdf_word *w = word_at(r, sg->page, &sg->words[i]);
            o->min_size = fmin(o->min_size, w->size);
        }
        o->nwords += sg->nwords;
    }
    if (!first) return;
    o->first = word_at(r, first->page, &first->words[0]);
    o->nfirst = 1;
    while (o->nfirst < first->nwords && first->words[o->nfirst].line == first->words[0].line &&
           first->words[o->nfirst].word == first->words[0].word + (int)o->nfirst)
        o->nfirst++;
    o->last = word_at(r, last->page, &last->words[last->nwords - 1]);
}

static bool sentence_end(const char *s)
{
    size_t n = strlen(s);
    return n && strchr(".,:;", s[n - 1]);
}

void pdf_tags_kinds(pdf_tags *t)
{
    const pdf_reader *r = t->r;
    for (size_t i = 0; i < t->nleaves; i++)
        for (size_t s = 0; s < t->leaves[i].nsegs; s++) {
            tag_seg *sg = &t->leaves[i].segs[s];
            if (sg->nwords > 1) qsort(sg->words, sg->nwords, sizeof *sg->words, cmp_word);
        }
    /* the heading elements' size: a title is set no smaller */
    double head = 0;
    for (size_t i = 0; i < t->nleaves; i++) {
        leaf_look lk;
        if (t->leaves[i].kind != SAMLA_BLOCK_HEADING) continue;
        look_at(t, &t->leaves[i], &lk);
        if (lk.nwords) head = fmax(head, lk.min_size);
    }
    for (size_t i = 0; i < t->nleaves; i++) {
        tag_leaf *l = &t->leaves[i];
        if (l->kind != SAMLA_BLOCK_PARAGRAPH || l->cell >= 0) continue;
        leaf_look lk;
        look_at(t, l, &lk);
        if (!lk.nwords) continue;
        if (!l->lists && lk.min_size >= TITLE_SIZE * r->body_size && lk.min_size >= head - 0.5 &&
            lk.nwords <= TITLE_WORDS && !sentence_end(lk.last->text)) {
            l->kind = SAMLA_BLOCK_HEADING;
            l->level = 1;
            continue;
        }
        bool bullet;
        if (lk.nfirst >= 2 && pdf_marker(r->set, lk.first, lk.nfirst, &bullet)) {
            l->kind = SAMLA_BLOCK_LIST_ITEM;
            l->level = l->lists + 1 > 9 ? 9 : l->lists + 1;
        }
    }
}
