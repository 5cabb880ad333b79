/* score.c: counts per section (allocation and sums), precision / recall / F1,
 * and the `--min` threshold syntax TARGET[.METRIC][.MODE]=VALUE. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"

double eval_precision(eval_counts c)
{
    return c.tp + c.fp ? (double)c.tp / (double)(c.tp + c.fp) : NAN;
}

double eval_recall(eval_counts c)
{
    return c.tp + c.fn ? (double)c.tp / (double)(c.tp + c.fn) : NAN;
}

double eval_f1(eval_counts c)
{
    return c.tp + c.fp + c.fn ? 2.0 * (double)c.tp / (double)(2 * c.tp + c.fp + c.fn) : NAN;
}

eval_counts_set *eval_counts_new(samla_arena *a, const eval_config *c)
{
    eval_counts_set *cs = samla_arena_alloc(a, sizeof *cs);
    if (!cs) return NULL;
    cs->config = c;
    cs->sections = samla_arena_alloc(a, (c->nsections ? c->nsections : 1) * sizeof *cs->sections);
    if (!cs->sections) return NULL;
    for (size_t i = 0; i < c->nsections; i++) {
        const eval_section *s = &c->sections[i];
        eval_section_counts *sc = &cs->sections[i];
        size_t nf = s->nfields ? s->nfields : 1, ng = s->capgroups ? s->capgroups : 1;
        sc->fields = samla_arena_alloc(a, nf * EVAL_NMODES * sizeof *sc->fields);
        sc->elements = samla_arena_alloc(a, nf * EVAL_NMODES * sizeof *sc->elements);
        sc->is_list = samla_arena_alloc(a, nf * sizeof *sc->is_list);
        sc->groups = samla_arena_alloc(a, ng * EVAL_NMODES * sizeof *sc->groups);
        if (!sc->fields || !sc->elements || !sc->is_list || !sc->groups) return NULL;
    }
    return cs;
}

static void add(eval_counts *d, const eval_counts *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        d[i].tp += s[i].tp;
        d[i].fp += s[i].fp;
        d[i].fn += s[i].fn;
    }
}

void eval_counts_add(eval_counts_set *dst, const eval_counts_set *src)
{
    const eval_config *c = dst->config;
    dst->kinds.documents += src->kinds.documents;
    dst->kinds.correct += src->kinds.correct;
    for (size_t g = 0; g < EVAL_KINDS; g++)
        for (size_t o = 0; o < EVAL_KINDS; o++) dst->kinds.confusion[g][o] += src->kinds.confusion[g][o];
    for (size_t i = 0; i < c->nsections; i++) {
        const eval_section *s = &c->sections[i];
        eval_section_counts *d = &dst->sections[i];
        const eval_section_counts *o = &src->sections[i];
        d->documents += o->documents;
        d->gold_items += o->gold_items;
        d->out_items += o->out_items;
        add(d->items, o->items, EVAL_NMODES);
        add(d->fields, o->fields, s->nfields * EVAL_NMODES);
        add(d->elements, o->elements, s->nfields * EVAL_NMODES);
        add(d->groups, o->groups, s->capgroups * EVAL_NMODES);
        for (size_t f = 0; f < s->nfields; f++) d->is_list[f] |= o->is_list[f];
    }
}

static bool word_is(const char *p, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(p, w, n) == 0;
}

bool eval_threshold_parse(samla_arena *a, eval_config *c, const char *spec, eval_threshold *t,
                          const char **msg)
{
    memset(t, 0, sizeof *t);
    t->text = spec;
    t->metric = EVAL_F1;
    t->mode = EVAL_SOFT;
    t->field = (size_t)-1;
    const char *eq = strrchr(spec, '=');
    if (!eq || eq == spec) {
        *msg = "expected TARGET[.METRIC][.MODE]=VALUE";
        return false;
    }
    char *end = NULL;
    errno = 0;
    t->min = strtod(eq + 1, &end);
    if (errno || end == eq + 1 || *end || !(t->min >= 0.0 && t->min <= 1.0)) {
        *msg = "the value must be a number from 0 to 1";
        return false;
    }
    /* the section name: up to '[' or '.' */
    size_t n = strcspn(spec, "[.=");
    char *name = samla_arena_strndup(a, spec, n);
    eval_section *s = name ? eval_config_section(c, name) : NULL;
    if (!s) {
        *msg = "unknown section";
        return false;
    }
    t->section = (size_t)(s - c->sections);
    const char *p = spec + n;
    if (*p == '[') {
        const char *close = memchr(p, ']', (size_t)(eq - p));
        if (!close) {
            *msg = "missing ']'";
            return false;
        }
        t->group = eval_section_group(a, s, p + 1, (size_t)(close - p - 1), msg);
        if (!t->group) return false;
        p = close + 1;
    }
    /* dotted words: a field (once, not after a group), a metric, a mode */
    bool have_metric = false, have_mode = false;
    while (p < eq) {
        if (*p != '.') {
            *msg = "expected '.' or '='";
            return false;
        }
        p++;
        size_t w = strcspn(p, ".=");
        if (p + w > eq) w = (size_t)(eq - p);
        if (!have_metric && (word_is(p, w, "precision") || word_is(p, w, "p"))) {
            t->metric = EVAL_P, have_metric = true;
        } else if (!have_metric && (word_is(p, w, "recall") || word_is(p, w, "r"))) {
            t->metric = EVAL_R, have_metric = true;
        } else if (!have_metric && word_is(p, w, "f1")) {
            have_metric = true;
        } else if (!have_mode && word_is(p, w, "strict")) {
            t->mode = EVAL_STRICT, have_mode = true;
        } else if (!have_mode && word_is(p, w, "soft")) {
            t->mode = EVAL_SOFT, have_mode = true;
        } else if (!have_mode && word_is(p, w, "fuzzy")) {
            t->mode = EVAL_FUZZY, have_mode = true;
        } else if (!t->group && t->field == (size_t)-1 && !have_metric && !have_mode) {
            char *fname = samla_arena_strndup(a, p, w);
            t->field = fname ? eval_section_field(s, fname) : (size_t)-1;
            if (t->field == (size_t)-1) {
                *msg = "unknown field (or metric/mode out of place)";
                return false;
            }
        } else {
            *msg = "unexpected word (a field, then a metric and a mode, once each)";
            return false;
        }
        p += w;
    }
    return true;
}

double eval_threshold_value(const eval_counts_set *cs, const eval_threshold *t, bool *defined)
{
    const eval_section *s = &cs->config->sections[t->section];
    const eval_section_counts *sc = &cs->sections[t->section];
    eval_counts c;
    if (t->group)
        c = sc->groups[(size_t)(t->group - s->groups) * EVAL_NMODES + t->mode];
    else if (t->field != (size_t)-1)
        c = sc->fields[t->field * EVAL_NMODES + t->mode];
    else
        c = sc->items[t->mode];
    double v = t->metric == EVAL_P ? eval_precision(c) : t->metric == EVAL_R ? eval_recall(c) : eval_f1(c);
    *defined = sc->documents > 0 && !isnan(v);
    if (sc->documents > 0 && c.tp + c.fp + c.fn == 0) {
        /* nothing expected and nothing found: perfect */
        *defined = true;
        return 1.0;
    }
    return *defined ? v : 0.0;
}
