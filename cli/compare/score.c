/* score.c: precision, recall and F1 of `samla compare` counts, and the
 * report (tree for YAML/JSON, aligned table for people). */
#include <math.h>
#include <string.h>

#include "compare/compare.h"

double compare_precision(const compare_counts *c)
{
    return c->cand ? (double)c->correct / (double)c->cand : NAN;
}

double compare_recall(const compare_counts *c)
{
    return c->ref ? (double)c->correct / (double)c->ref : NAN;
}

/* Both sides empty is full agreement (nothing to find, nothing found). */
double compare_f1(const compare_counts *c)
{
    if (!c->ref && !c->cand) return NAN;
    if (!c->ref || !c->cand) return 0.0;
    double p = compare_precision(c), r = compare_recall(c);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double compare_text_f1(const compare_counts *c)
{
    compare_counts t = *c;
    t.correct = t.matched;
    return compare_f1(&t);
}

double compare_order(const compare_result *r)
{
    return r->order_pairs ? (double)r->order_kept / (double)r->order_pairs : NAN;
}

void compare_result_add(compare_result *dst, const compare_result *src)
{
    for (int k = 0; k < CMP_NKINDS; k++) {
        dst->kinds[k].ref += src->kinds[k].ref;
        dst->kinds[k].cand += src->kinds[k].cand;
        dst->kinds[k].matched += src->kinds[k].matched;
        dst->kinds[k].correct += src->kinds[k].correct;
    }
    dst->order_pairs += src->order_pairs;
    dst->order_kept += src->order_kept;
    dst->furniture_body += src->furniture_body;
    dst->documents += src->documents;
}

static samla_node *num(samla_arena *a, double v)
{
    return isnan(v) ? samla_node_null(a) : samla_node_float(a, round(v * 10000.0) / 10000.0);
}

samla_node *compare_report_tree(samla_arena *a, const compare_result *r)
{
    samla_node *root = samla_node_map(a);
    samla_node *kinds = root ? samla_map_ensure_map(a, root, "kinds") : NULL;
    if (!kinds) return NULL;
    for (int k = 0; k < CMP_NKINDS; k++) {
        const compare_counts *c = &r->kinds[k];
        samla_node *m = samla_map_ensure_map(a, kinds, compare_kind_name((compare_kind)k));
        if (!m || !samla_map_set_int(a, m, "reference", (long long)c->ref) ||
            !samla_map_set_int(a, m, "candidate", (long long)c->cand) ||
            !samla_map_set_int(a, m, "matched", (long long)c->matched) ||
            !samla_map_set_int(a, m, "correct", (long long)c->correct) ||
            !samla_map_set(a, m, "precision", num(a, compare_precision(c))) ||
            !samla_map_set(a, m, "recall", num(a, compare_recall(c))) || !samla_map_set(a, m, "f1", num(a, compare_f1(c))) ||
            !samla_map_set(a, m, "text_f1", num(a, compare_text_f1(c))))
            return NULL;
    }
    samla_node *ro = samla_map_ensure_map(a, root, "reading_order");
    if (!ro || !samla_map_set_int(a, ro, "matched", (long long)r->order_pairs) ||
        !samla_map_set_int(a, ro, "in_order", (long long)r->order_kept) ||
        !samla_map_set(a, ro, "share", num(a, compare_order(r))) ||
        !samla_map_set_int(a, root, "furniture_in_body", (long long)r->furniture_body))
        return NULL;
    return root;
}

static void cell(FILE *out, double v)
{
    if (isnan(v)) fprintf(out, " %9s", "-");
    else fprintf(out, " %9.3f", v);
}

void compare_report_table(FILE *out, const char *label, const compare_result *r)
{
    fprintf(out, "== %s\n", label);
    fprintf(out, "%-13s %9s %9s %9s %9s %9s %9s %9s\n", "kind", "reference", "candidate", "matched", "correct",
            "precision", "recall", "f1");
    for (int k = 0; k < CMP_NKINDS; k++) {
        const compare_counts *c = &r->kinds[k];
        fprintf(out, "%-13s %9zu %9zu %9zu %9zu", compare_kind_name((compare_kind)k), c->ref, c->cand, c->matched,
                c->correct);
        cell(out, compare_precision(c));
        cell(out, compare_recall(c));
        cell(out, compare_f1(c));
        fprintf(out, "\n");
    }
    fprintf(out, "reading order %9zu of %zu matched paragraphs in order", r->order_kept, r->order_pairs);
    if (r->order_pairs) fprintf(out, " (%.3f)", compare_order(r));
    fprintf(out, "\nfurniture     %9zu running header/footer blocks in the body\n\n", r->furniture_body);
}
