/* tag_match.c: maps the structure tree's leaves onto a page's words.
 *
 * Each leaf part (tag_seg) is a key of letters and digits (PDF-TAG-KEY-LETTERS); each word
 * of the page has the same kind of key. A part is found by reading it off
 * the page: it starts at a free word whose key begins the part's key (tried
 * from where the previous part started, then from the top of the page; of
 * the starts that read it, the one in place wins: PDF-TAG-START-IN-PLACE),
 * and
 * goes on word by word, to the next free word on the same line (not past a
 * word of another leaf, nor a gutter of 3 em), else to the first free word
 * of the next lines (within 2.5 em) that starts near the part's left edge
 * (−40 pt to +60 pt: first-line and hanging indents), else to any free word
 * of 3 or more key characters continuing the key (a paragraph running on in
 * the next column). A word whose key is not the next piece of the part's key
 * may be skipped over up to 64 key characters (text the key has and the
 * page shows differently). Table cells, text columns and running-on
 * paragraphs need no layout analysis: the tags give the order, the words
 * the positions. A part whose key poppler cut short reads on over the free
 * words after it in its column (PDF-TAG-CUT-KEY), and a part read on up the
 * page (into the next column) keeps its words in that order
 * (PDF-TAG-COLUMN-ORDER, tag_word.run).
 *
 * Words left over: keyless words (bullets, dashes, dot leaders) and any other
 * free word on a line with mapped words join the nearest mapped word's leaf
 * on that line (a list label joins its item; a keyless word far from them
 * the mapped word above or below it, PDF-TAG-KEYLESS-BESIDE); a line of only
 * keyless words between mapped lines joins a mapped line level with it
 * (PDF-TAG-KEYLESS-LEVEL), else the leaf above (signature dots); any other line
 * is outside the tags: an artifact, furniture (a header above the page's
 * tagged text or in its upper half, else a footer), as is every line the
 * geometric furniture pass marked and no leaf claims.
 *
 * A page is read from its tags when the tree has text on it, ≥ 90% of the
 * key characters of its parts were found, and untagged lines between its
 * tagged text (furniture by this rule, but more likely text the tags miss)
 * hold ≤ 10% of the mapped characters. Otherwise geometry reads it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "tags.h"

#define MAX_STARTS 64
#define SKIP_LIMIT 64
#define GAP_WORDS 200      /* words read over a cut in a key at most */
#define BAND 0.12          /* furniture.c's top and bottom band, share of the page height */

typedef struct pword {
    const pdf_word *w;
    int line;
    const char *key;
    size_t klen;
    int owner, seg;           /* leaf and its part, -1 */
    int run;                  /* its run in the part (tag_word.run) */
    unsigned stamp;           /* taken by the current trial */
    bool matched;             /* mapped by its key (not joined as a neighbour) */
} pword;

typedef struct page_ctx {
    pdf_tags *t;
    const pdf_page *p;
    int page;
    pword *w;
    size_t n;
    size_t *line0;            /* first word of each line; line0[nlines] = n */
    unsigned stamp;
    size_t *taken, ntaken;
    long *kpos, *kend;        /* per word taken: its key characters in the part, -1 (tag_word.kpos) */
    size_t last_start;
    size_t irregular;         /* the current trial's skips and jumps elsewhere */
    bool end_partial;         /* the current trial's last word matched only in part */
    bool in_cell;             /* the part being placed is a table cell's */
} page_ctx;

/* A word's key: the key characters of its text (pdf_tag_key_char, PDF-TAG-KEY-LETTERS). */
static char *word_key(samla_arena *a, const char *s, size_t *len)
{
    char *k = samla_arena_alloc(a, strlen(s) + 1);
    if (!k) return NULL;
    size_t n = 0;
    bool utf8 = g_utf8_validate(s, -1, NULL);
    for (const char *c = s; *c; c = utf8 ? g_utf8_next_char(c) : c + 1) {
        char ch = utf8 ? pdf_tag_key_char(g_utf8_get_char(c)) : g_ascii_isalnum(*c) ? *c : 0;
        if (ch) k[n++] = ch;
    }
    k[n] = '\0';
    *len = n;
    return k;
}

/* Key characters of s consumed by word w at pos, 0 if w does not continue
 * it (a word longer than the rest of the key must match at least half). */
static size_t match_at(const tag_seg *s, size_t pos, const pword *w)
{
    if (!w->klen || pos >= s->klen) return 0;
    size_t rem = s->klen - pos;
    if (w->klen <= rem) return memcmp(s->key + pos, w->key, w->klen) == 0 ? w->klen : 0;
    /* a cut key (PDF-TAG-CUT-KEY) may end inside its last word ("Re" of "Reflektion") */
    return (2 * rem >= w->klen || s->cut) && memcmp(s->key + pos, w->key, rem) == 0 ? rem : 0;
}

static bool is_free(const page_ctx *c, size_t i)
{
    return c->w[i].owner < 0 && c->w[i].stamp != c->stamp && c->w[i].klen;
}

static double em(const pdf_word *w)
{
    return w->size > 0 ? w->size : w->y1 - w->y0;
}

/* Whether free word j continues part s at key offset pos: its key is the next
 * piece of the part's key, or, when skipping, a key of 3 or more characters
 * found within SKIP_LIMIT characters further on (*skip: how far). */
static bool accepts(const page_ctx *c, size_t j, const tag_seg *s, size_t pos, bool skipping, size_t *skip)
{
    const pword *w = &c->w[j];
    if (!skipping) return match_at(s, pos, w) > 0;
    if (w->klen < 3) return false;
    size_t lim = s->klen - pos < SKIP_LIMIT + w->klen ? s->klen - pos : SKIP_LIMIT + w->klen;
    const char *hit = g_strstr_len(s->key + pos + 1, (gssize)lim - 1, w->key);
    if (!hit) return false;
    *skip = (size_t)(hit - (s->key + pos));
    return true;
}

/* Candidate next words after cur for a part with left edge `left`: the next
 * free word on cur's line, then the first free word near `left` of each of
 * the next lines. Calls back until one is accepted. */
static long near_next(const page_ctx *c, size_t cur, double left, const tag_seg *s, size_t pos, bool skipping,
                      size_t *skip)
{
    const pword *cw = &c->w[cur];
    double size = em(cw->w);
    int line = cw->line;
    long same = -1;
    for (size_t j = cur + 1; j < c->line0[line + 1]; j++) {
        if (c->w[j].owner >= 0) break;
        if (!is_free(c, j)) continue;
        if (c->w[j].w->x0 - cw->w->x1 > 3 * size) break;
        if (accepts(c, j, s, pos, skipping, skip)) same = (long)j;
        break;
    }
    if (same >= 0 && skipping) return same;
    const pdf_line *L = &c->p->lines[line];
    for (size_t li = (size_t)line + 1; li < c->p->nlines; li++) {
        if (c->p->lines[li].y0 - L->y1 > 2.5 * size) break;
        for (size_t j = c->line0[li]; j < c->line0[li + 1]; j++) {
            if (!is_free(c, j) || c->w[j].w->x0 < left - 40) continue;
            if (c->w[j].w->x0 > left + 60) break;
            /* PDF-TAG-NEXT-LONGER: in a table cell, the word on the line goes on with the part unless it stands
             * more than an em off (a column's gap, not a word space) and the next line's first word reads as far
             * into the key ("med" | "Fjällmark" of the cell beside it, where the part goes on "Fjällmarks
             * högskola." at the cell's left edge below; "hälsofrämjande" | "arbete" of the activity beside it,
             * the part's own "arbete" below) */
            if (same >= 0) {
                size_t mj = match_at(s, pos, &c->w[j]), ms = match_at(s, pos, &c->w[same]);
                bool apart = c->in_cell && c->w[same].w->x0 - cw->w->x1 > size;
                return apart && mj && mj >= ms ? (long)j : same;
            }
            if (accepts(c, j, s, pos, skipping, skip)) return (long)j;
            break;
        }
        if (same >= 0) break;
    }
    return same;
}

static bool starts_line(const page_ctx *c, size_t i);

/* PDF-TAG-COLUMN-TOP: where a part's text goes on after the foot of its
 * column: the topmost free word of the page right of the column (right of
 * `right`, the column's words' right edge, by half an em) that starts its
 * line on a body line and has no body word above it in its x range (it tops
 * its column). -1 when there is none. */
static long column_top(const page_ctx *c, double right)
{
    long best = -1;
    for (size_t k = 0; k < c->n; k++) {
        const pdf_word *w = c->w[k].w;
        if (!is_free(c, k) || w->x0 < right + 0.5 * em(w) || c->p->lines[c->w[k].line].role != PDF_BODY) continue;
        if (best >= 0 && w->y0 >= c->w[best].w->y0) continue;
        if (starts_line(c, k)) best = (long)k;
    }
    if (best < 0) return -1;
    const pdf_word *b = c->w[best].w;
    for (size_t k = 0; k < c->n; k++) {
        const pdf_word *w = c->w[k].w;
        if ((size_t)best != k && w->y1 <= b->y0 + 0.5 && w->x1 > b->x0 && w->x0 < b->x1 &&
            c->p->lines[c->w[k].line].role == PDF_BODY)
            return -1;
    }
    return best;
}

/* Whether word k is open to the part being read: no leaf's, not yet taken by
 * the current trial. */
static bool open_word(const page_ctx *c, size_t k)
{
    return c->w[k].owner < 0 && c->w[k].stamp != c->stamp;
}

/* PDF-TAG-CUT-KEY-LABEL: keyless word k (a bullet, a dash) right before a
 * word of a leaf on its line labels that leaf's item: a part read on stops
 * there. */
static bool labels_other(const page_ctx *c, size_t k)
{
    size_t li = (size_t)c->w[k].line;
    return !c->w[k].klen && k + 1 < c->line0[li + 1] && c->w[k + 1].owner >= 0;
}

/* The word after cur in its column's flow, -1 at the end: the next word on
 * the line (no more than 1.5 em away), else the first word of a following
 * line at the left edge (within 2 em of it, no more than 0.6 em below),
 * unless another leaf's word or a paragraph gap comes first; at the foot of
 * the column (no body word below in it) the top of the next column
 * (PDF-TAG-COLUMN-TOP: *left, *right and *run move there). */
static long flow_next(const page_ctx *c, size_t cur, double *left, double *right, int *run)
{
    const pdf_word *cw = c->w[cur].w;
    double size = em(cw);
    int line = c->w[cur].line;
    size_t j = cur + 1;
    if (j < c->line0[line + 1] && open_word(c, j) && c->w[j].w->x0 - cw->x1 <= 1.5 * size) return (long)j;
    for (size_t li = (size_t)line + 1; li < c->p->nlines; li++) {
        if (c->p->lines[li].y0 > cw->y1 + 0.6 * size) break;
        size_t k = c->line0[li];
        while (k < c->line0[li + 1] && c->w[k].w->x0 < *left - 2 * size) k++;
        if (k == c->line0[li + 1] || c->w[k].w->x0 > *left + 2 * size) continue;
        if (!open_word(c, k) || c->w[k].w->y0 > cw->y1 + 0.6 * size || labels_other(c, k)) break;
        return (long)k;
    }
    for (size_t k = 0; k < c->n; k++) {
        const pdf_word *w = c->w[k].w;
        if (w->y0 > cw->y1 && w->x1 > *left && w->x0 < *right && c->p->lines[c->w[k].line].role == PDF_BODY) return -1;
    }
    long nx = column_top(c, *right);
    if (nx >= 0) ++*run, *left = c->w[nx].w->x0, *right = c->w[nx].w->x1;
    return nx;
}

static long next_word(page_ctx *c, size_t cur, double left, double right, const tag_seg *s, size_t pos, size_t *skip)
{
    *skip = 0;
    long j = near_next(c, cur, left, s, pos, false, skip);
    if (j >= 0) return j;
    c->irregular++;
    j = column_top(c, right);
    if (j >= 0 && match_at(s, pos, &c->w[j])) return j;
    /* running on elsewhere (the next column): a distinctive word */
    for (size_t k = 0; k < c->n; k++) /* not on a running header or footer line */
        if (is_free(c, k) && c->w[k].klen >= 3 && match_at(s, pos, &c->w[k]) == c->w[k].klen &&
            c->p->lines[c->w[k].line].role == PDF_BODY)
            return (long)k;
    return near_next(c, cur, left, s, pos, true, skip);
}

/* Reads part s off the page from word start; the words taken are in
 * c->taken. Returns the key characters matched. */
static size_t trial(page_ctx *c, const tag_seg *s, size_t start)
{
    c->stamp++;
    c->ntaken = 0;
    c->irregular = 0;
    size_t pos = match_at(s, 0, &c->w[start]);
    if (!pos) return 0;
    c->end_partial = pos < c->w[start].klen;
    c->w[start].stamp = c->stamp;
    c->kpos[c->ntaken] = 0, c->kend[c->ntaken] = (long)pos;
    c->taken[c->ntaken++] = start;
    double left = c->w[start].w->x0, right = c->w[start].w->x1;
    size_t cur = start;
    int run = 0;
    while (pos < s->klen && c->ntaken < c->n) {
        if (s->key[pos] == '~') { /* text poppler cut from the key: the page's words in flow up to where it goes on */
            pos++;
            size_t saved = c->ntaken;
            bool on = false;
            for (int n = 0; n < GAP_WORDS && pos < s->klen && !on; n++) {
                long nx = flow_next(c, cur, &left, &right, &run);
                if (nx < 0) break;
                c->w[nx].stamp = c->stamp;
                c->kpos[c->ntaken] = c->kend[c->ntaken] = -1;
                c->taken[c->ntaken++] = (size_t)nx;
                cur = (size_t)nx;
                right = fmax(right, c->w[nx].w->x1);
                size_t m = match_at(s, pos, &c->w[nx]);
                if (m < 4 && pos + m < s->klen) m = 0; /* a short word ("och") is no proof the key goes on */
                const char *hit = !m && c->w[nx].klen >= 4 ? g_strstr_len(s->key + pos, 16, c->w[nx].key) : NULL;
                if (hit) m = (size_t)(hit - (s->key + pos)) + c->w[nx].klen;
                if (m && pos + m < s->klen) { /* and the word after it goes on too ("region" is not "regionen") */
                    double l2 = left, r2 = right;
                    int run2 = run;
                    long peek = flow_next(c, (size_t)nx, &l2, &r2, &run2);
                    if (peek < 0 || !match_at(s, pos + m, &c->w[peek])) m = 0;
                }
                if (m) {
                    c->kpos[c->ntaken - 1] = (long)(hit ? (size_t)(hit - s->key) : pos);
                    pos += m;
                    c->kend[c->ntaken - 1] = (long)pos;
                    c->end_partial = false;
                    on = true;
                }
            }
            if (!on) { /* the key does not go on in the flow: the part ends before the cut */
                for (size_t k = saved; k < c->ntaken; k++) c->w[c->taken[k]].stamp = 0;
                c->ntaken = saved;
                return pos - 1;
            }
            continue;
        }
        size_t skip = 0;
        long nx = next_word(c, cur, left, right, s, pos, &skip);
        if (nx < 0) break;
        pos += skip;
        size_t m = match_at(s, pos, &c->w[nx]);
        c->end_partial = m < c->w[nx].klen;
        c->kpos[c->ntaken] = (long)pos;
        pos += m;
        c->kend[c->ntaken] = (long)pos;
        c->w[nx].stamp = c->stamp;
        c->taken[c->ntaken++] = (size_t)nx;
        if (c->w[nx].w->x0 > right && c->w[nx].line < c->w[cur].line) /* the next column: its own edges */
            left = c->w[nx].w->x0, right = c->w[nx].w->x1;
        cur = (size_t)nx;
        left = fmin(left, c->w[nx].w->x0);
        right = fmax(right, c->w[nx].w->x1);
    }
    return pos;
}

/* Adds word i to part s; kpos, kend: the key characters it was read as (tag_word.kpos), -1. */
static samla_status add_word(samla_arena *a, tag_seg *s, const pword *w, size_t i, const page_ctx *c, long kpos,
                             long kend)
{
    tag_word *tw = TAGS_PUSH(a, s->words, s->nwords, s->cap);
    if (!tw) return SAMLA_ERR_NOMEM;
    *tw = (tag_word){w->line, (int)(i - c->line0[w->line]), w->run, (int)kpos, (int)kend};
    return SAMLA_OK;
}

/* Whether a part starting at word i starts its line: every word before it on
 * the line belongs to a leaf already or is a label of at most 3 key
 * characters ("1.", "a)", a bullet). */
static bool starts_line(const page_ctx *c, size_t i)
{
    size_t j0 = c->line0[c->w[i].line];
    /* a gap of 1.5 em before it: it starts its column's or cell's line */
    if (i > j0 && c->w[i].w->x0 - c->w[i - 1].w->x1 >= 1.5 * em(c->w[i].w)) return true;
    for (size_t j = j0; j < i; j++)
        if (c->w[j].owner < 0 && c->w[j].klen > 3) return false;
    return true;
}

/* Whether a start at word i is tried only after the others: on a line the
 * geometric furniture pass marked as a running header or footer, or inside
 * a line of the page's top or bottom band (furniture.c's 12%) that it does
 * not start (a one-page document's header "Ekeby kommun Protokoll
 * Socialnämnden" above its title "Protokoll Socialnämnden"). */
static bool late_start(const page_ctx *c, size_t i)
{
    const pdf_line *l = &c->p->lines[c->w[i].line];
    /* a furniture line that a leaf already holds words of is body text, as the tags say (a contents page
     * repeated in a bound-in part: its lines are "running" but the next entry's page number is on them) */
    if (l->role != PDF_BODY) {
        for (size_t j = c->line0[c->w[i].line]; j < c->line0[c->w[i].line + 1]; j++)
            if (c->w[j].owner >= 0) return false;
        return true;
    }
    bool band = c->p->height > 0 && (l->y1 <= BAND * c->p->height || l->y0 >= (1 - BAND) * c->p->height);
    return band && !starts_line(c, i);
}

/* Whether the part the last trial read ends in place: its last word taken
 * whole (a cut key may end inside it), and no free word with a key right
 * after it on its line (within 0.8 em: a word space, not a cell's gap): "Det innebär att:" is not the start
 * of the line "Det innebär att regionen och". */
static bool ends_in_place(const page_ctx *c, const tag_seg *s, size_t got)
{
    if (!c->ntaken) return false;
    if (s->cut) return true; /* reads on past its key (read_on) */
    size_t t = c->taken[c->ntaken - 1];
    if (got == s->klen && c->end_partial) return false;
    size_t j = t + 1;
    if (j >= c->line0[c->w[t].line + 1]) return true;
    return !(is_free(c, j) && c->w[j].w->x0 - c->w[t].w->x1 < 0.8 * em(c->w[t].w));
}

/* PDF-TAG-START-IN-PLACE: of the starts that read the most of a part, the
 * one that starts its line (or follows words of other leaves on it) wins
 * over one inside a line (a common first word such as "Det" or "mål." ending
 * a line of a paragraph whose own text poppler cut short), then the one read
 * with the fewest skips and jumps elsewhere; the first start that reads the
 * whole part in place, without either, ends the search. */
static samla_status place_seg(page_ctx *c, int leaf, int segi)
{
    tag_seg *s = &c->t->leaves[leaf].segs[segi];
    size_t best = 0, best_at = 0, best_irr = 0;
    c->in_cell = c->t->leaves[leaf].cell >= 0;
    bool best_in = false, best_fl = false, done = false;
    /* late starts only when no other start reads the whole part (the title
     * "Sammanträdesprotokoll" is also a word of the running header above
     * it, which an artifact holds, not the title's element) */
    for (int late = 0; late < 2 && best < s->klen; late++) {
        int tries = 0;
        for (size_t k = 0; k < c->n && tries < MAX_STARTS && !done; k++) {
            size_t i = (c->last_start + k) % c->n;
            if (c->w[i].owner >= 0 || late_start(c, i) != late || !match_at(s, 0, &c->w[i])) continue;
            tries++;
            size_t got = trial(c, s, i);
            bool in = starts_line(c, i), fl = ends_in_place(c, s, got);
            if (got > best ||
                (got == best && ((in && !best_in) ||
                                 (in == best_in && (c->irregular < best_irr || (c->irregular == best_irr && fl && !best_fl))))))
                best = got, best_at = i, best_in = in, best_fl = fl, best_irr = c->irregular;
            done = got == s->klen && in && fl && !c->irregular;
        }
    }
    if (!best || 2 * best < s->klen) return SAMLA_OK;
    s->found = trial(c, s, best_at);
    c->last_start = best_at;
    int run = 0;
    for (size_t k = 0; k < c->ntaken; k++) {
        pword *w = &c->w[c->taken[k]];
        if (k && w->line < c->w[c->taken[k - 1]].line) run++; /* read on up the page: the next column */
        w->owner = leaf;
        w->seg = segi;
        w->matched = true;
        w->run = run;
        samla_status st = add_word(c->t->r->ctx->arena, s, w, c->taken[k], c, c->kpos[k], c->kend[k]);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}

/* PDF-TAG-CUT-KEY: a part whose key poppler cut short reads on from its last
 * word over the free words that follow in its column: the next word on the
 * line (no more than 1.5 em away, not another leaf's), else the first word of
 * a following line at the part's left edge (within 2 em of it, no more than
 * 0.6 em below; a part starting inside a line has the left edge of the words
 * before it on that line, outside tables), until another leaf's word, a paragraph gap or the column's
 * end. Runs on the page's parts in logical order, after all were placed. */
static samla_status read_on(page_ctx *c, int leaf, int segi)
{
    tag_seg *s = &c->t->leaves[leaf].segs[segi];
    if (!s->cut || !s->nwords) return SAMLA_OK;
    const tag_word *lw = &s->words[s->nwords - 1];
    size_t cur = c->line0[lw->line] + (size_t)lw->word;
    int run = c->w[cur].run;
    double left = 1e18, right = -1e18;
    size_t first = c->n;
    for (size_t k = 0; k < s->nwords; k++) {
        size_t i = c->line0[s->words[k].line] + (size_t)s->words[k].word;
        if (s->words[k].run == run) left = fmin(left, c->w[i].w->x0), right = fmax(right, c->w[i].w->x1);
        if (first == c->n || i < first) first = i;
    }
    /* a part starting inside a line ("2.1.1 Det finns", the number another
     * leaf) wraps to where the words before it on that line start */
    if (!run && c->t->leaves[leaf].cell < 0)
        for (size_t i = first; i > c->line0[c->w[first].line] && c->w[i].w->x0 - c->w[i - 1].w->x1 < 1.5 * em(c->w[i].w);
             i--)
            left = fmin(left, c->w[i - 1].w->x0);
    for (;;) {
        long nx = flow_next(c, cur, &left, &right, &run);
        if (nx < 0) break;
        right = fmax(right, c->w[nx].w->x1);
        pword *w = &c->w[nx];
        w->owner = leaf;
        w->seg = segi;
        w->matched = true;
        w->run = run;
        samla_status st = add_word(c->t->r->ctx->arena, s, w, (size_t)nx, c, -1, -1);
        if (st != SAMLA_OK) return st;
        cur = (size_t)nx;
    }
    return SAMLA_OK;
}

/* PDF-TAG-KEYLESS-BESIDE: a keyless word (a dot leader) set 1.5 em or more
 * apart from its line's mapped words, with a mapped word of the line right
 * above or below sharing its horizontal extent, belongs to that word's leaf:
 * the dotted line over a name in a signature table's value column, level with
 * the role in the label column, is the name's cell's. Returns the word, or i. */
static size_t keyless_beside(const page_ctx *c, size_t li, size_t i, double gap)
{
    const pdf_word *w = c->w[i].w;
    if (c->w[i].klen || gap < 1.5 * em(w)) return i;
    size_t at = i;
    double best = 1e18;
    for (int d = -1; d <= 1; d += 2) {
        if ((d < 0 && li == 0) || (d > 0 && li + 1 >= c->p->nlines)) continue;
        size_t ln = d < 0 ? li - 1 : li + 1;
        const pdf_line *l = &c->p->lines[ln], *own = &c->p->lines[li];
        double dy = d < 0 ? own->y0 - l->y1 : l->y0 - own->y1;
        if (dy > own->y1 - own->y0) continue;
        for (size_t j = c->line0[ln]; j < c->line0[ln + 1]; j++) {
            const pdf_word *u = c->w[j].w;
            if (!c->w[j].matched || u->x1 <= w->x0 || w->x1 <= u->x0) continue;
            if (dy < best) best = dy, at = j;
        }
    }
    return at;
}

/* Free words on a line with mapped words join the nearest mapped word's leaf
 * (or PDF-TAG-KEYLESS-BESIDE's). */
static samla_status join_neighbours(page_ctx *c, size_t li)
{
    for (size_t i = c->line0[li]; i < c->line0[li + 1]; i++) {
        if (c->w[i].owner >= 0) continue;
        double best = 1e18;
        size_t at = i;
        for (size_t j = c->line0[li]; j < c->line0[li + 1]; j++) {
            if (!c->w[j].matched) continue;
            double d = c->w[j].w->x0 > c->w[i].w->x1 ? c->w[j].w->x0 - c->w[i].w->x1 : c->w[i].w->x0 - c->w[j].w->x1;
            if (d < best) best = d, at = j;
        }
        if (at == i) continue;
        size_t near = keyless_beside(c, li, i, best);
        if (near != i) at = near;
        c->w[i].owner = c->w[at].owner;
        c->w[i].seg = c->w[at].seg;
        c->w[i].run = c->w[at].run;
        samla_status st =
            add_word(c->t->r->ctx->arena, &c->t->leaves[c->w[i].owner].segs[c->w[i].seg], &c->w[i], i, c, -1, -1);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}

/* Line li, outside the tags, goes on from the line right above it (no more
 * than half a line of space between, starting at the left edge of that
 * line's words of one leaf): text poppler's structure text lost (it cuts an
 * item's text at some ligatures). */
static bool runs_on(const page_ctx *c, size_t li)
{
    if (li == 0 || c->line0[li] == c->line0[li + 1]) return false;
    const pdf_line *l = &c->p->lines[li], *up = &c->p->lines[li - 1];
    if (l->y0 - up->y1 > 0.5 * (l->y1 - l->y0)) return false;
    double x = c->w[c->line0[li]].w->x0;
    for (size_t j = c->line0[li - 1]; j < c->line0[li]; j++)
        if (c->w[j].owner >= 0) return fabs(c->w[j].w->x0 - x) < 2;
    return false;
}

/* A word joins leaf part (owner, seg) in run `run`. */
static samla_status join_word(page_ctx *c, size_t i, int owner, int seg, int run)
{
    c->w[i].owner = owner;
    c->w[i].seg = seg;
    c->w[i].run = run;
    return add_word(c->t->r->ctx->arena, &c->t->leaves[owner].segs[seg], &c->w[i], i, c, -1, -1);
}

/* PDF-TAG-KEYLESS-COLUMN: a line of keyless words only (the dotted lines of a
 * signature table, one under each role) joins word by word the leaf of the
 * nearest mapped word above that shares the word's horizontal extent, so each
 * column's dots stay in that column's cell; a word with none above it joins
 * the leaf of the nearest mapped line's first word (join_above, after this). */
static void join_columns(page_ctx *c, size_t li, samla_status *st)
{
    for (size_t i = c->line0[li]; i < c->line0[li + 1] && *st == SAMLA_OK; i++) {
        const pdf_word *w = c->w[i].w;
        for (size_t up = li; up-- > 0 && c->w[i].owner < 0;)
            for (size_t j = c->line0[up]; j < c->line0[up + 1]; j++) {
                const pdf_word *u = c->w[j].w;
                if (c->w[j].owner < 0 || u->x1 <= w->x0 || w->x1 <= u->x0) continue;
                *st = join_word(c, i, c->w[j].owner, c->w[j].seg, c->w[j].run);
                break;
            }
    }
}

/* PDF-TAG-KEYLESS-LEVEL: a line of keyless words only that stands level
 * with a line of mapped words (half the smaller height or more shared), a
 * bullet in a font of its own set a little off the text's baseline (a
 * browser's "▪"), is part of that line: each word joins the leaf of the
 * nearest mapped word on it, the item it labels, not the leaf of the text
 * above. */
static void join_level(page_ctx *c, size_t li, samla_status *st)
{
    const pdf_line *l = &c->p->lines[li];
    for (size_t o = 0; o < c->p->nlines && *st == SAMLA_OK; o++) {
        const pdf_line *m = &c->p->lines[o];
        double shared = fmin(l->y1, m->y1) - fmax(l->y0, m->y0);
        if (o == li || shared < 0.5 * fmin(l->y1 - l->y0, m->y1 - m->y0)) continue;
        for (size_t i = c->line0[li]; i < c->line0[li + 1] && *st == SAMLA_OK; i++) {
            const pdf_word *w = c->w[i].w;
            if (c->w[i].owner >= 0) continue;
            double best = 1e18;
            size_t at = c->n;
            for (size_t j = c->line0[o]; j < c->line0[o + 1]; j++) {
                const pdf_word *u = c->w[j].w;
                if (!c->w[j].matched) continue;
                double d = u->x0 > w->x1 ? u->x0 - w->x1 : w->x0 - u->x1;
                if (d < best) best = d, at = j;
            }
            if (at < c->n && best < 2 * em(w)) *st = join_word(c, i, c->w[at].owner, c->w[at].seg, c->w[at].run);
        }
    }
}

/* A line outside the tags joins the leaf owning the nearest mapped word
 * above it. */
static samla_status join_above(page_ctx *c, size_t li)
{
    for (size_t up = li; up-- > 0;) {
        for (size_t j = c->line0[up]; j < c->line0[up + 1]; j++) {
            if (c->w[j].owner < 0) continue;
            for (size_t i = c->line0[li]; i < c->line0[li + 1]; i++) {
                if (c->w[i].owner >= 0) continue;   /* joined its column (join_columns) */
                samla_status st = join_word(c, i, c->w[j].owner, c->w[j].seg, c->w[j].run);
                if (st != SAMLA_OK) return st;
            }
            return SAMLA_OK;
        }
    }
    return SAMLA_OK;
}

/* Leftovers, furniture and the page's verdict. */
static samla_status settle_page(page_ctx *c, size_t tag_chars, size_t found)
{
    const pdf_page *p = c->p;
    samla_arena *a = c->t->r->ctx->arena;
    signed char *role = samla_arena_alloc(a, p->nlines + 1);
    if (!role) return SAMLA_ERR_NOMEM;
    c->t->role[c->page] = role;
    size_t first = p->nlines, last = 0, mapped = 0;
    for (size_t li = 0; li < p->nlines; li++) {
        role[li] = -1;
        for (size_t i = c->line0[li]; i < c->line0[li + 1]; i++) {
            if (!c->w[i].matched) continue;
            mapped += c->w[i].klen;
            if (first == p->nlines) first = li;
            last = li;
        }
    }
    size_t stray = 0;
    samla_status st = SAMLA_OK;
    for (size_t li = 0; li < p->nlines && st == SAMLA_OK; li++) {
        bool any = false, keyed = false;
        size_t chars = 0;
        for (size_t i = c->line0[li]; i < c->line0[li + 1]; i++) {
            any = any || c->w[i].matched;
            keyed = keyed || c->w[i].klen;
            chars += c->w[i].klen;
        }
        if (any) {
            st = join_neighbours(c, li);
            continue;
        }
        const pdf_line *l = &p->lines[li];
        bool inside = first < li && li < last;
        if (l->role == PDF_BODY && inside && (!keyed || runs_on(c, li))) {
            if (!keyed) join_level(c, li, &st);
            if (!keyed && st == SAMLA_OK) join_columns(c, li, &st);
            if (st == SAMLA_OK) st = join_above(c, li);
            continue;
        }
        if (l->role != PDF_BODY) role[li] = (signed char)l->role;
        else if (li < first) role[li] = PDF_HEADER;
        else if (li > last) role[li] = PDF_FOOTER;
        else role[li] = (l->y0 + l->y1) / 2 < p->height / 2 ? PDF_HEADER : PDF_FOOTER;
        if (l->role == PDF_BODY && inside) stray += chars;
    }
    c->t->tagged[c->page] = st == SAMLA_OK && tag_chars > 0 && mapped > 0 && 10 * found >= 9 * tag_chars &&
                            10 * stray <= mapped;
    return st;
}

/* Extent of the words of cell ci's parts on the page (x0, x1, y0, y1); false
 * when it has none there. */
static bool cell_box(const page_ctx *c, int ci, double box[4])
{
    const tag_cell *cell = &c->t->cells[ci];
    bool any = false;
    for (int li = cell->leaf0; li < cell->leaf0 + cell->nleaves; li++)
        for (size_t si = 0; si < c->t->leaves[li].nsegs; si++) {
            const tag_seg *s = &c->t->leaves[li].segs[si];
            if (s->page != c->page) continue;
            for (size_t k = 0; k < s->nwords; k++) {
                const pdf_word *w = c->w[c->line0[s->words[k].line] + (size_t)s->words[k].word].w;
                if (!any) box[0] = w->x0, box[1] = w->x1, box[2] = w->y0, box[3] = w->y1;
                box[0] = fmin(box[0], w->x0), box[1] = fmax(box[1], w->x1);
                box[2] = fmin(box[2], w->y0), box[3] = fmax(box[3], w->y1);
                any = true;
            }
        }
    return any;
}

/* PDF-TAG-MARK-CELL: a table cell whose text is one keyless mark ("–", "✓")
 * has no key to find it by; it takes the free keyless word of one or two
 * characters (a mark: its tagged text may be garbled, tags.c) that stands in its row (level with the row's mapped words) between the cells
 * before and after it in the row, the one nearest the cell before it (else
 * nearest the cell after it). Left to the neighbours' pass (join_neighbours),
 * a narrow presence column's dashes joined the substitute's name beside them
 * or a mark above them (PDF-TAG-KEYLESS-BESIDE). Runs after every keyed part
 * of the page was placed. */
static samla_status place_mark(page_ctx *c, int leaf, int segi)
{
    tag_seg *s = &c->t->leaves[leaf].segs[segi];
    int ci = c->t->leaves[leaf].cell;
    if (!s->mark || ci < 0) return SAMLA_OK;
    const tag_row *row = &c->t->rows[c->t->cells[ci].row];
    double prev[4], next[4], box[4], top = 1e18, bottom = -1e18;
    bool has_prev = false, has_next = false;
    for (int k = ci - 1; k >= row->cell0 && !has_prev; k--) has_prev = cell_box(c, k, prev);
    for (int k = ci + 1; k < row->cell0 + row->ncells && !has_next; k++) has_next = cell_box(c, k, next);
    for (int k = row->cell0; k < row->cell0 + row->ncells; k++)
        if (cell_box(c, k, box)) top = fmin(top, box[2]), bottom = fmax(bottom, box[3]);
    if (!has_prev && !has_next) return SAMLA_OK;
    size_t at = c->n;
    double best = 1e18;
    for (size_t i = 0; i < c->n; i++) {
        const pdf_word *w = c->w[i].w;
        double mid = (w->y0 + w->y1) / 2;
        if (c->w[i].owner >= 0 || c->w[i].klen || g_utf8_strlen(w->text, -1) > 2 || mid < top || mid > bottom) continue;
        if ((has_prev && w->x0 < prev[1] - 0.5) || (has_next && w->x1 > next[0] + 0.5)) continue;
        double d = has_prev ? w->x0 - prev[1] : next[0] - w->x1;
        if (d < best) best = d, at = i;
    }
    if (at == c->n) return SAMLA_OK;
    c->w[at].matched = true;
    return join_word(c, at, leaf, segi, 0);
}

static samla_status match_page(pdf_tags *t, size_t pi, const int *segs, size_t nsegs, page_ctx *c)
{
    samla_arena *a = t->r->ctx->arena;
    const pdf_page *p = &t->r->pages[pi];
    size_t n = 0;
    for (size_t li = 0; li < p->nlines; li++) n += p->lines[li].nwords;
    c->t = t;
    c->p = p;
    c->page = (int)pi;
    c->n = n;
    c->last_start = 0;
    c->w = samla_arena_alloc(a, (n + 1) * sizeof *c->w);
    c->line0 = samla_arena_alloc(a, (p->nlines + 1) * sizeof *c->line0);
    c->taken = malloc((n + 1) * sizeof *c->taken);
    c->kpos = malloc(2 * (n + 1) * sizeof *c->kpos);
    c->kend = c->kpos ? c->kpos + n + 1 : NULL;
    samla_status st = c->w && c->line0 && c->taken && c->kpos ? SAMLA_OK : SAMLA_ERR_NOMEM;
    size_t k = 0;
    for (size_t li = 0; li < p->nlines && st == SAMLA_OK; li++) {
        c->line0[li] = k;
        for (size_t j = 0; j < p->lines[li].nwords; j++, k++) {
            pword *w = &c->w[k];
            *w = (pword){&p->lines[li].words[j], (int)li, NULL, 0, -1, -1, 0, 0, false};
            w->key = word_key(a, w->w->text, &w->klen);
            if (!w->key) st = SAMLA_ERR_NOMEM;
        }
    }
    if (st == SAMLA_OK) c->line0[p->nlines] = n;
    size_t tag_chars = 0, found = 0;
    for (size_t k2 = 0; k2 < nsegs && st == SAMLA_OK; k2++) {
        int leaf = segs[2 * k2], segi = segs[2 * k2 + 1];
        if (n) st = place_seg(c, leaf, segi);
        tag_chars += t->leaves[leaf].segs[segi].klen;
        found += t->leaves[leaf].segs[segi].found;
    }
    for (size_t k2 = 0; k2 < nsegs && st == SAMLA_OK && n; k2++) st = place_mark(c, segs[2 * k2], segs[2 * k2 + 1]);
    for (size_t k2 = 0; k2 < nsegs && st == SAMLA_OK && n; k2++) st = read_on(c, segs[2 * k2], segs[2 * k2 + 1]);
    if (st == SAMLA_OK) st = settle_page(c, tag_chars, found);
    free(c->taken);
    c->taken = NULL;
    free(c->kpos);
    c->kpos = c->kend = NULL;
    return st;
}

samla_status pdf_tags_match(pdf_tags *t)
{
    pdf_reader *r = t->r;
    samla_arena *a = r->ctx->arena;
    t->tagged = samla_arena_alloc(a, r->npages * sizeof *t->tagged);
    t->role = samla_arena_alloc(a, r->npages * sizeof *t->role);
    size_t *count = calloc(r->npages + 1, sizeof *count);
    if (!t->tagged || !t->role || !count) {
        free(count);
        return SAMLA_ERR_NOMEM;
    }
    memset(t->tagged, 0, r->npages * sizeof *t->tagged);
    memset(t->role, 0, r->npages * sizeof *t->role);
    /* parts by page, in logical order: (leaf, part) pairs */
    size_t total = 0;
    for (size_t i = 0; i < t->nleaves; i++)
        for (size_t s = 0; s < t->leaves[i].nsegs; s++) count[t->leaves[i].segs[s].page]++, total++;
    int *pairs = malloc((2 * total + 2) * sizeof *pairs);
    size_t *at = calloc(r->npages + 1, sizeof *at);
    samla_status st = pairs && at ? SAMLA_OK : SAMLA_ERR_NOMEM;
    for (size_t p = 1; p <= r->npages && st == SAMLA_OK; p++) at[p] = at[p - 1] + count[p - 1];
    for (size_t i = 0; i < t->nleaves && st == SAMLA_OK; i++)
        for (size_t s = 0; s < t->leaves[i].nsegs; s++) {
            size_t k = at[t->leaves[i].segs[s].page]++;
            pairs[2 * k] = (int)i;
            pairs[2 * k + 1] = (int)s;
        }
    size_t off = 0;
    for (size_t p = 0; p < r->npages && st == SAMLA_OK; p++) {
        page_ctx c = {0};
        st = match_page(t, p, pairs + 2 * off, count[p], &c);
        off += count[p];
    }
    free(pairs);
    free(at);
    free(count);
    return st;
}
