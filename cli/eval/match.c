/* match.c: the matching engine of `samla eval`: per section, gold and output
 * items are paired one-to-one (greedy by best key and rank similarity) under
 * each mode, then every pair and every unpaired item is counted per field and
 * per field group. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "values.h"

typedef struct item {
    eval_value *vals; /* [section->nfields] */
} item;

typedef struct candidate {
    size_t g, o;
    double score;
} candidate;

/* True when a map item has some value besides its source. */
static bool has_content(const samla_node *m)
{
    for (size_t i = 0; i < m->u.map.count; i++) {
        const samla_node *v = m->u.map.items[i].value;
        if (strcmp(m->u.map.items[i].key, "source") == 0 || !v) continue;
        if (v->type == SAMLA_NODE_NULL) continue;
        if ((v->type == SAMLA_NODE_SEQ || v->type == SAMLA_NODE_MAP) && samla_node_len(v) == 0) continue;
        if (v->type == SAMLA_NODE_STRING && (!v->u.s || !*v->u.s)) continue;
        return true;
    }
    return false;
}

/* The value of `take` in the item of model's `section` whose `by` equals s. */
static const char *resolve_one(samla_arena *a, const samla_node *model, const eval_resolve *r, const char *s)
{
    const samla_node *sec = samla_map_get(model, r->section);
    for (size_t i = 0; i < samla_node_len(sec) && sec->type == SAMLA_NODE_SEQ; i++) {
        const samla_node *it = samla_seq_at(sec, i);
        if (!it || it->type != SAMLA_NODE_MAP) continue;
        eval_value by;
        if (!eval_value_from(a, samla_map_get(it, r->by), &by) || by.n != 1) continue;
        if (strcmp(by.raw[0], s) != 0) continue;
        eval_value take;
        if (eval_value_from(a, samla_map_get(it, r->take), &take) && take.n == 1) return take.raw[0];
        if (r->or_take && eval_value_from(a, samla_map_get(it, r->or_take), &take) && take.n == 1)
            return take.raw[0];
        return NULL;
    }
    return NULL;
}

/* The items of one section of model, with their field values. *n gets the
 * count; NULL with *n == 0 means none (or OOM, reported by *oom). */
static item *collect(samla_arena *a, const eval_section *s, const samla_node *model, size_t *n, bool *oom)
{
    const samla_node *sec = samla_map_get(model, s->name);
    const samla_node *single = NULL;
    size_t count = 0;
    *n = 0;
    if (sec && sec->type == SAMLA_NODE_MAP) {
        single = has_content(sec) ? sec : NULL;
        count = single ? 1 : 0;
    } else if (sec && sec->type == SAMLA_NODE_SEQ) {
        count = sec->u.seq.count;
    }
    if (count == 0) return NULL;
    item *items = samla_arena_alloc(a, count * sizeof *items);
    if (!items) goto nomem;
    size_t k = 0;
    for (size_t i = 0; i < count; i++) {
        const samla_node *m = single ? single : sec->u.seq.items[i];
        if (!m || m->type != SAMLA_NODE_MAP) continue;
        item *it = &items[k];
        it->vals = samla_arena_alloc(a, (s->nfields ? s->nfields : 1) * sizeof *it->vals);
        if (!it->vals) goto nomem;
        for (size_t f = 0; f < s->nfields; f++)
            if (!eval_value_from(a, samla_map_get(m, s->fields[f].name), &it->vals[f])) goto nomem;
        for (size_t r = 0; r < s->nresolve; r++) {
            size_t f = eval_section_field(s, s->resolve[r].field);
            if (f == (size_t)-1 || it->vals[f].n != 1) continue;
            const char *to = resolve_one(a, model, &s->resolve[r], it->vals[f].raw[0]);
            if (to && !eval_value_set1(a, &it->vals[f], to)) goto nomem;
        }
        k++;
    }
    *n = k;
    return items;
nomem:
    *oom = true;
    return NULL;
}

static bool keys_set(const eval_section *s, const item *it, const char **keys, size_t nkeys)
{
    for (size_t k = 0; k < nkeys; k++) {
        size_t f = eval_section_field(s, keys[k]);
        if (f == (size_t)-1 || it->vals[f].n == 0) return false;
    }
    return true;
}

/* Pairing score of g and o under m, or a negative number when they are not candidates. */
static double pair_score(const eval_section *s, const item *g, const item *o, eval_mode m, double thr)
{
    const char **keys = s->keys;
    size_t nkeys = s->nkeys;
    if (nkeys && !(keys_set(s, g, keys, nkeys) && keys_set(s, o, keys, nkeys))) {
        keys = s->fallback;
        nkeys = s->nfallback;
        if (!nkeys || !(keys_set(s, g, keys, nkeys) && keys_set(s, o, keys, nkeys))) return -1.0;
    }
    double score = 0.0;
    for (size_t k = 0; k < nkeys; k++) {
        size_t f = eval_section_field(s, keys[k]);
        if (!eval_value_agree(&g->vals[f], &o->vals[f], m, s->fields[f].id, thr)) return -1.0;
        score += eval_value_similarity(&g->vals[f], &o->vals[f]);
    }
    if (s->rank) {
        size_t f = eval_section_field(s, s->rank);
        if (f != (size_t)-1) score += eval_value_similarity(&g->vals[f], &o->vals[f]);
    }
    return score;
}

static int by_score(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    if (a->g != b->g) return a->g < b->g ? -1 : 1;
    return a->o < b->o ? -1 : a->o > b->o;
}

/* Fills pair_of_gold[g] with the output index paired with gold item g, or
 * (size_t)-1. Returns the number of pairs; (size_t)-1 on OOM. */
static size_t match(samla_arena *a, const eval_section *s, const item *gold, size_t ng, const item *out,
                    size_t no, eval_mode m, double thr, size_t *pair_of_gold, bool *out_used)
{
    for (size_t g = 0; g < ng; g++) pair_of_gold[g] = (size_t)-1;
    for (size_t o = 0; o < no; o++) out_used[o] = false;
    if (ng == 0 || no == 0) return 0;
    if (ng > SIZE_MAX / sizeof(candidate) / no) return (size_t)-1;
    candidate *cand = samla_arena_alloc(a, ng * no * sizeof *cand);
    if (!cand) return (size_t)-1;
    size_t nc = 0;
    for (size_t g = 0; g < ng; g++)
        for (size_t o = 0; o < no; o++) {
            double sc = pair_score(s, &gold[g], &out[o], m, thr);
            if (sc >= 0.0) cand[nc++] = (candidate){g, o, sc};
        }
    qsort(cand, nc, sizeof *cand, by_score);
    size_t pairs = 0;
    for (size_t i = 0; i < nc; i++) {
        if (pair_of_gold[cand[i].g] != (size_t)-1 || out_used[cand[i].o]) continue;
        pair_of_gold[cand[i].g] = cand[i].o;
        out_used[cand[i].o] = true;
        pairs++;
    }
    return pairs;
}

/* Field f of a pair is "correct" under m: gold sets it and output agrees, or
 * both leave it empty. */
static bool field_ok(const eval_section *s, size_t f, const item *g, const item *o, eval_mode m, double thr)
{
    return eval_value_agree(&g->vals[f], &o->vals[f], m, s->fields[f].id, thr);
}

static void count_mode(const eval_section *s, eval_section_counts *sc, const item *gold, size_t ng,
                       const item *out, size_t no, const size_t *pair_of_gold, const bool *out_used,
                       size_t pairs, eval_mode m, double thr)
{
    sc->items[m].tp += pairs;
    sc->items[m].fp += no - pairs;
    sc->items[m].fn += ng - pairs;
    for (size_t f = 0; f < s->nfields; f++) {
        /* a field no gold item of this section has is not annotated: not scored */
        bool annotated = false;
        for (size_t g = 0; g < ng && !annotated; g++) annotated = gold[g].vals[f].present;
        if (!annotated) continue;
        eval_counts *fc = &sc->fields[f * EVAL_NMODES + m];
        eval_counts *ec = &sc->elements[f * EVAL_NMODES + m];
        bool id = s->fields[f].id;
        for (size_t g = 0; g < ng; g++) {
            const eval_value *gv = &gold[g].vals[f];
            if (gv->list) sc->is_list[f] = true;
            if (pair_of_gold[g] == (size_t)-1) {
                if (gv->n) fc->fn++;
                ec->fn += gv->n;
                continue;
            }
            const eval_value *ov = &out[pair_of_gold[g]].vals[f];
            if (ov->list) sc->is_list[f] = true;
            if (!gv->present) continue; /* not scored for this item */
            if (gv->n == 0 && ov->n == 0) continue;
            if (eval_value_agree(gv, ov, m, id, thr)) {
                fc->tp++;
            } else {
                if (ov->n) fc->fp++;
                if (gv->n) fc->fn++;
            }
            size_t common = eval_value_common(gv, ov, m, id, thr);
            ec->tp += common;
            ec->fp += ov->n - common;
            ec->fn += gv->n - common;
        }
        for (size_t o = 0; o < no; o++) {
            if (out_used[o]) continue;
            const eval_value *ov = &out[o].vals[f];
            if (ov->list) sc->is_list[f] = true;
            if (ov->n) fc->fp++;
            ec->fp += ov->n;
        }
    }
    for (size_t gi = 0; gi < s->ngroups; gi++) {
        const eval_group *grp = &s->groups[gi];
        size_t tp = 0;
        for (size_t g = 0; g < ng; g++) {
            if (pair_of_gold[g] == (size_t)-1) continue;
            bool ok = true;
            for (size_t k = 0; ok && k < grp->nfields; k++) {
                size_t f = grp->fields[k];
                if (gold[g].vals[f].present) ok = field_ok(s, f, &gold[g], &out[pair_of_gold[g]], m, thr);
            }
            tp += ok;
        }
        eval_counts *gc = &sc->groups[gi * EVAL_NMODES + m];
        gc->tp += tp;
        gc->fp += no - tp;
        gc->fn += ng - tp;
    }
}

static bool lists_section(const samla_node *out, const char *name)
{
    const samla_node *secs = samla_map_get(samla_map_get(out, "samla"), "sections");
    for (size_t i = 0; secs && secs->type == SAMLA_NODE_SEQ && i < secs->u.seq.count; i++) {
        const samla_node *n = secs->u.seq.items[i];
        if (n && n->type == SAMLA_NODE_STRING && n->u.s && strcmp(n->u.s, name) == 0) return true;
    }
    return false;
}

/* Row of kind in the confusion table: its place in samla_document_kinds(), else the last row. */
static size_t kind_row(const char *kind)
{
    const char *const *k = samla_document_kinds();
    for (size_t i = 0; kind && k[i] && i < EVAL_KINDS - 1; i++)
        if (strcmp(k[i], kind) == 0) return i;
    return EVAL_KINDS - 1;
}

static void count_kind(const samla_node *gold, const samla_node *out, eval_kind_counts *kc)
{
    const char *g = samla_map_get_str(samla_map_get(gold, "document"), "kind");
    if (!g || !lists_section(out, "document")) return;
    const char *o = samla_map_get_str(samla_map_get(out, "document"), "kind");
    kc->documents++;
    if (o && strcmp(g, o) == 0) kc->correct++;
    kc->confusion[kind_row(g)][kind_row(o)]++;
}

samla_status eval_document(samla_arena *scratch, const eval_config *c, const samla_node *gold,
                           const samla_node *out, eval_counts_set *counts)
{
    if (!gold || gold->type != SAMLA_NODE_MAP || !out || out->type != SAMLA_NODE_MAP) return SAMLA_ERR_FORMAT;
    count_kind(gold, out, &counts->kinds);
    for (size_t si = 0; si < c->nsections; si++) {
        const eval_section *s = &c->sections[si];
        if (!lists_section(out, s->name) || !samla_map_get(gold, s->name)) continue;
        eval_section_counts *sc = &counts->sections[si];
        bool oom = false;
        size_t ng = 0, no = 0;
        item *g = collect(scratch, s, gold, &ng, &oom);
        item *o = collect(scratch, s, out, &no, &oom);
        size_t *pair_of_gold = samla_arena_alloc(scratch, (ng ? ng : 1) * sizeof *pair_of_gold);
        bool *out_used = samla_arena_alloc(scratch, (no ? no : 1) * sizeof *out_used);
        if (oom || !pair_of_gold || !out_used) return SAMLA_ERR_NOMEM;
        sc->documents++;
        sc->gold_items += ng;
        sc->out_items += no;
        for (int m = 0; m < EVAL_NMODES; m++) {
            size_t pairs = match(scratch, s, g, ng, o, no, (eval_mode)m, c->fuzzy, pair_of_gold, out_used);
            if (pairs == (size_t)-1) return SAMLA_ERR_NOMEM;
            count_mode(s, sc, g, ng, o, no, pair_of_gold, out_used, pairs, (eval_mode)m, c->fuzzy);
        }
    }
    return SAMLA_OK;
}
