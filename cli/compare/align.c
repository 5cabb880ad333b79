/* align.c: aligns the items of one kind of two models and counts agreement.
 *
 * 1. Candidate pairs: every (reference, candidate) item pair whose keys are at
 *    least `similarity` alike (edit-distance ratio). Two cheap bounds (length
 *    ratio, a character-histogram lower bound of the edit distance) skip most
 *    pairs before the edit distance is computed.
 * 2. Order-preserving match: the longest chain of candidate pairs increasing
 *    on both sides (an LCS of the two item sequences, computed as a longest
 *    increasing subsequence over the sparse pairs, O(K log K)).
 * 3. Items left over are matched greedily, most similar first, in any order
 *    (a column read in the wrong order still has its text).
 * 4. Reading order: the share of matched pairs that lie on one increasing
 *    chain (LIS over the candidate positions in reference order). */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "compare/compare.h"

#define NBUCKETS 32

typedef struct cand_pair {
    size_t i, j;
    double sim;
} cand_pair;

typedef struct pair_list {
    cand_pair *v;
    size_t n, cap;
} pair_list;

static bool pl_push(pair_list *l, size_t i, size_t j, double sim)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        cand_pair *v = realloc(l->v, cap * sizeof *v);
        if (!v) return false;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (cand_pair){i, j, sim};
    return true;
}

static void histogram(const char *s, unsigned short h[NBUCKETS])
{
    memset(h, 0, NBUCKETS * sizeof *h);
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        unsigned short *b = &h[g_utf8_get_char(p) % NBUCKETS];
        if (*b < 0xFFFF) (*b)++;
    }
}

/* Lower bound of the edit distance from the histograms: each edit changes at
 * most one count up and one down. */
static size_t hist_bound(const unsigned short *a, const unsigned short *b)
{
    size_t plus = 0, minus = 0;
    for (int k = 0; k < NBUCKETS; k++) {
        if (a[k] > b[k]) plus += a[k] - b[k];
        else minus += b[k] - a[k];
    }
    return plus > minus ? plus : minus;
}

static double item_similarity(const compare_item *x, const compare_item *y, const unsigned short *hx,
                              const unsigned short *hy, double min)
{
    if (strcmp(x->key, y->key) == 0) return 1.0;
    size_t lo = x->keylen < y->keylen ? x->keylen : y->keylen;
    size_t hi = x->keylen < y->keylen ? y->keylen : x->keylen;
    if (hi == 0 || (double)lo / (double)hi < min) return 0.0;
    if (1.0 - (double)hist_bound(hx, hy) / (double)hi < min) return 0.0;
    return samla_text_similarity(x->key, y->key);
}

static int by_i_then_j_desc(const void *pa, const void *pb)
{
    const cand_pair *a = pa, *b = pb;
    if (a->i != b->i) return a->i < b->i ? -1 : 1;
    return a->j > b->j ? -1 : a->j < b->j ? 1 : 0;
}

static int by_sim_desc(const void *pa, const void *pb)
{
    const cand_pair *a = pa, *b = pb;
    if (a->sim != b->sim) return a->sim > b->sim ? -1 : 1;
    if (a->i != b->i) return a->i < b->i ? -1 : 1;
    return a->j < b->j ? -1 : a->j > b->j ? 1 : 0;
}

/* Longest chain strictly increasing in i and j over pairs sorted by i asc, j
 * desc (so one i contributes at most one pair): classic patience LIS on j.
 * Marks chosen pairs in take[]. Returns the chain length; (size_t)-1 on OOM. */
static size_t lis(const cand_pair *v, size_t n, bool *take)
{
    size_t *tail = malloc((n + 1) * sizeof *tail), *prev = malloc((n + 1) * sizeof *prev);
    if (!tail || !prev) {
        free(tail);
        free(prev);
        return (size_t)-1;
    }
    size_t len = 0;
    for (size_t k = 0; k < n; k++) {
        size_t lo = 0, hi = len;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (v[tail[mid]].j < v[k].j) lo = mid + 1;
            else hi = mid;
        }
        prev[k] = lo ? tail[lo - 1] : (size_t)-1;
        tail[lo] = k;
        if (lo == len) len++;
    }
    if (take)
        for (size_t k = len ? tail[len - 1] : (size_t)-1; k != (size_t)-1; k = prev[k]) take[k] = true;
    free(tail);
    free(prev);
    return len;
}

/* Aligns ref and cand; match[i] gets the candidate index of reference item i
 * or (size_t)-1. false on OOM. */
static bool align_items(const compare_items *ref, const compare_items *cand, double min, size_t *match)
{
    for (size_t i = 0; i < ref->n; i++) match[i] = (size_t)-1;
    if (!ref->n || !cand->n) return true;
    unsigned short *hr = malloc(ref->n * NBUCKETS * sizeof *hr);
    unsigned short *hc = malloc(cand->n * NBUCKETS * sizeof *hc);
    bool *used = calloc(cand->n, sizeof *used);
    pair_list pl = {0};
    bool ok = hr && hc && used;
    for (size_t i = 0; ok && i < ref->n; i++) histogram(ref->v[i].key, hr + i * NBUCKETS);
    for (size_t j = 0; ok && j < cand->n; j++) histogram(cand->v[j].key, hc + j * NBUCKETS);
    for (size_t i = 0; ok && i < ref->n; i++)
        for (size_t j = 0; ok && j < cand->n; j++) {
            double s = item_similarity(&ref->v[i], &cand->v[j], hr + i * NBUCKETS, hc + j * NBUCKETS, min);
            if (s >= min) ok = pl_push(&pl, i, j, s);
        }
    bool *take = ok ? calloc(pl.n + 1, sizeof *take) : NULL;
    ok = ok && take;
    if (ok && pl.n) {
        qsort(pl.v, pl.n, sizeof *pl.v, by_i_then_j_desc);
        ok = lis(pl.v, pl.n, take) != (size_t)-1;
    }
    for (size_t k = 0; ok && k < pl.n; k++)
        if (take[k]) {
            match[pl.v[k].i] = pl.v[k].j;
            used[pl.v[k].j] = true;
        }
    if (ok && pl.n) {
        qsort(pl.v, pl.n, sizeof *pl.v, by_sim_desc);
        for (size_t k = 0; k < pl.n; k++)
            if (match[pl.v[k].i] == (size_t)-1 && !used[pl.v[k].j]) {
                match[pl.v[k].i] = pl.v[k].j;
                used[pl.v[k].j] = true;
            }
    }
    free(take);
    free(pl.v);
    free(hr);
    free(hc);
    free(used);
    return ok;
}

/* Matched pairs in one increasing chain: LIS of candidate positions taken in
 * reference order. (size_t)-1 on OOM. */
static size_t in_order(const size_t *match, size_t n, size_t *matched)
{
    cand_pair *v = malloc((n + 1) * sizeof *v);
    if (!v) return (size_t)-1;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (match[i] != (size_t)-1) v[m++] = (cand_pair){i, match[i], 1.0};
    *matched = m;
    size_t r = m ? lis(v, m, NULL) : 0;
    free(v);
    return r;
}

static bool correct(compare_kind k, const compare_item *r, const compare_item *c, double min)
{
    switch (k) {
    case CMP_HEADINGS:
    case CMP_LIST_ITEMS: return r->a == c->a;
    case CMP_CELLS: return r->a == c->a && r->b == c->b;
    case CMP_PAIRS:
        return r->key2 && c->key2 && (strcmp(r->key2, c->key2) == 0 || samla_text_similarity(r->key2, c->key2) >= min);
    default: return true;
    }
}

/* Candidate body blocks that are a running header or footer of the reference,
 * beyond the reference's own body blocks with such a text (a title that
 * repeats the header's words is body on both sides). */
static size_t furniture_in_body(const compare_doc *ref, const compare_doc *cand)
{
    size_t nc = 0, nr = 0;
    for (size_t f = 0; f < ref->nfurniture; f++) {
        bool seen = false;
        for (size_t g = 0; g < f && !seen; g++) seen = strcmp(ref->furniture[g], ref->furniture[f]) == 0;
        if (seen || strlen(ref->furniture[f]) < 3) continue;
        for (size_t i = 0; i < cand->nbody; i++) nc += strcmp(cand->body[i], ref->furniture[f]) == 0;
        for (size_t i = 0; i < ref->nbody; i++) nr += strcmp(ref->body[i], ref->furniture[f]) == 0;
    }
    return nc > nr ? nc - nr : 0;
}

/* One line per disagreement: missing (reference only), extra (candidate
 * only), wrong (aligned, attributes differ). */
static void details(FILE *out, compare_kind k, const compare_items *r, const compare_items *d, const size_t *match,
                    double min)
{
    bool *used = calloc(d->n + 1, sizeof *used);
    if (!used) return;
    const char *name = compare_kind_name(k);
    for (size_t i = 0; i < r->n; i++) {
        const compare_item *x = &r->v[i];
        if (match[i] == (size_t)-1) {
            fprintf(out, "  %s missing  p%d [%d,%d] %s\n", name, x->page, x->a, x->b, x->text);
            continue;
        }
        used[match[i]] = true;
        const compare_item *y = &d->v[match[i]];
        if (!correct(k, x, y, min))
            fprintf(out, "  %s wrong    p%d [%d,%d] %s  <>  p%d [%d,%d] %s\n", name, x->page, x->a, x->b, x->text,
                    y->page, y->a, y->b, y->text);
    }
    for (size_t j = 0; j < d->n; j++)
        if (!used[j]) fprintf(out, "  %s extra    p%d [%d,%d] %s\n", name, d->v[j].page, d->v[j].a, d->v[j].b, d->v[j].text);
    free(used);
}

bool compare_docs(samla_arena *scratch, const compare_config *c, const compare_doc *ref,
                  const compare_doc *cand, compare_result *res)
{
    (void)scratch;
    for (int k = 0; k < CMP_NKINDS; k++) {
        const compare_items *r = &ref->kinds[k], *d = &cand->kinds[k];
        size_t *match = malloc((r->n + 1) * sizeof *match);
        if (!match || !align_items(r, d, c->similarity, match)) {
            free(match);
            return false;
        }
        compare_counts *cc = &res->kinds[k];
        cc->ref += r->n;
        cc->cand += d->n;
        for (size_t i = 0; i < r->n; i++) {
            if (match[i] == (size_t)-1) continue;
            cc->matched++;
            cc->correct += correct((compare_kind)k, &r->v[i], &d->v[match[i]], c->similarity);
        }
        if (c->details) details(c->details, (compare_kind)k, r, d, match, c->similarity);
        if (k == CMP_PARAGRAPHS) {
            size_t m = 0, kept = in_order(match, r->n, &m);
            if (kept == (size_t)-1) {
                free(match);
                return false;
            }
            res->order_pairs += m;
            res->order_kept += kept;
        }
        free(match);
    }
    res->furniture_body += furniture_in_body(ref, cand);
    res->documents++;
    return true;
}
