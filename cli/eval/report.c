/* report.c: the scores as a model tree (for the YAML/JSON writers) and as a
 * readable aligned table. */
#include <math.h>
#include <string.h>

#include "eval.h"

/* Rounded to 4 decimals so that the YAML/JSON text stays short. */
static samla_node *metric_node(samla_arena *a, double v)
{
    return isnan(v) ? samla_node_null(a) : samla_node_float(a, round(v * 10000.0) / 10000.0);
}

static samla_node *stat_node(samla_arena *a, const eval_counts *c)
{
    samla_node *st = samla_node_map(a);
    for (int m = 0; st && m < EVAL_NMODES; m++) {
        samla_node *mm = samla_map_set(a, st, eval_mode_name((eval_mode)m), samla_node_map(a));
        if (!mm) return NULL;
        samla_map_set(a, mm, "precision", metric_node(a, eval_precision(c[m])));
        samla_map_set(a, mm, "recall", metric_node(a, eval_recall(c[m])));
        samla_map_set(a, mm, "f1", metric_node(a, eval_f1(c[m])));
        samla_map_set_int(a, mm, "tp", (long long)c[m].tp);
        samla_map_set_int(a, mm, "fp", (long long)c[m].fp);
        samla_map_set_int(a, mm, "fn", (long long)c[m].fn);
    }
    return st;
}

static bool counted(const eval_counts *c)
{
    for (int m = 0; m < EVAL_NMODES; m++)
        if (c[m].tp + c[m].fp + c[m].fn) return true;
    return false;
}

static const char *kind_name(size_t row)
{
    const char *const *k = samla_document_kinds();
    for (size_t i = 0; k[i]; i++)
        if (i == row && i < EVAL_KINDS - 1) return k[i];
    return "(other value)";
}

/* {documents, correct, accuracy, confusion: [{gold, output, count}]} (wrong ones only). */
static samla_node *kind_node(samla_arena *a, const eval_kind_counts *kc)
{
    samla_node *n = samla_node_map(a);
    if (!n) return NULL;
    samla_map_set_int(a, n, "documents", (long long)kc->documents);
    samla_map_set_int(a, n, "correct", (long long)kc->correct);
    samla_map_set(a, n, "accuracy",
                  metric_node(a, kc->documents ? (double)kc->correct / (double)kc->documents : NAN));
    samla_node *conf = samla_map_ensure_seq(a, n, "confusion");
    for (size_t g = 0; conf && g < EVAL_KINDS; g++)
        for (size_t o = 0; o < EVAL_KINDS; o++) {
            if (g == o || !kc->confusion[g][o]) continue;
            samla_node *e = samla_seq_append(a, conf, samla_node_map(a));
            if (!e) return NULL;
            samla_map_set_str(a, e, "gold", kind_name(g));
            samla_map_set_str(a, e, "output", kind_name(o));
            samla_map_set_int(a, e, "count", (long long)kc->confusion[g][o]);
        }
    return n;
}

samla_node *eval_report_tree(samla_arena *a, const eval_counts_set *cs)
{
    const eval_config *c = cs->config;
    samla_node *root = samla_node_map(a);
    if (!root) return NULL;
    samla_map_set_float(a, root, "fuzzy_threshold", c->fuzzy);
    if (cs->kinds.documents) samla_map_set(a, root, "document_kind", kind_node(a, &cs->kinds));
    samla_node *secs = samla_map_ensure_map(a, root, "sections");
    if (!secs) return NULL;
    for (size_t i = 0; i < c->nsections; i++) {
        const eval_section *s = &c->sections[i];
        const eval_section_counts *sc = &cs->sections[i];
        if (!sc->documents) continue;
        samla_node *sn = samla_map_ensure_map(a, secs, s->name);
        if (!sn) return NULL;
        samla_map_set_int(a, sn, "documents", (long long)sc->documents);
        samla_map_set_int(a, sn, "gold_items", (long long)sc->gold_items);
        samla_map_set_int(a, sn, "output_items", (long long)sc->out_items);
        samla_map_set(a, sn, "items", stat_node(a, sc->items));
        samla_node *fields = samla_map_ensure_map(a, sn, "fields");
        samla_node *elements = samla_map_ensure_map(a, sn, "elements");
        samla_node *groups = samla_map_ensure_map(a, sn, "groups");
        if (!fields || !elements || !groups) return NULL;
        for (size_t f = 0; f < s->nfields; f++) {
            const eval_counts *fc = &sc->fields[f * EVAL_NMODES];
            if (counted(fc)) samla_map_set(a, fields, s->fields[f].name, stat_node(a, fc));
            const eval_counts *ec = &sc->elements[f * EVAL_NMODES];
            if (sc->is_list[f] && counted(ec)) samla_map_set(a, elements, s->fields[f].name, stat_node(a, ec));
        }
        if (!samla_node_len(elements)) samla_map_remove(sn, "elements");
        for (size_t g = 0; g < s->ngroups; g++)
            samla_map_set(a, groups, s->groups[g].name, stat_node(a, &sc->groups[g * EVAL_NMODES]));
    }
    return root;
}

static void fmt_metric(char *buf, size_t n, double v)
{
    if (isnan(v))
        snprintf(buf, n, "%6s", "-");
    else
        snprintf(buf, n, "%6.3f", v);
}

static void table_rows(FILE *out, const char *section, const char *label, const eval_counts *c, unsigned modes)
{
    bool first = true;
    for (int m = 0; m < EVAL_NMODES; m++) {
        if (!(modes & (1u << m))) continue;
        char p[16], r[16], f[16];
        fmt_metric(p, sizeof p, eval_precision(c[m]));
        fmt_metric(r, sizeof r, eval_recall(c[m]));
        fmt_metric(f, sizeof f, eval_f1(c[m]));
        fprintf(out, "%-11s %-38s %-6s %s %s %s %6zu %6zu %6zu\n", first ? section : "", first ? label : "",
                eval_mode_name((eval_mode)m), p, r, f, c[m].tp, c[m].fp, c[m].fn);
        first = false;
    }
}

void eval_report_table(FILE *out, const eval_counts_set *cs, unsigned modes)
{
    const eval_config *c = cs->config;
    bool any = false;
    fprintf(out, "%-11s %-38s %-6s %6s %6s %6s %6s %6s %6s\n", "section", "field", "mode", "P", "R", "F1", "tp",
            "fp", "fn");
    for (size_t i = 0; i < c->nsections; i++) {
        const eval_section *s = &c->sections[i];
        const eval_section_counts *sc = &cs->sections[i];
        if (!sc->documents) continue;
        any = true;
        fprintf(out, "\n");
        char label[160];
        snprintf(label, sizeof label, "(items: %zu gold, %zu out, %zu doc%s)", sc->gold_items, sc->out_items,
                 sc->documents, sc->documents == 1 ? "" : "s");
        table_rows(out, s->name, label, sc->items, modes);
        for (size_t f = 0; f < s->nfields; f++) {
            const eval_counts *fc = &sc->fields[f * EVAL_NMODES];
            if (counted(fc)) table_rows(out, "", s->fields[f].name, fc, modes);
            const eval_counts *ec = &sc->elements[f * EVAL_NMODES];
            if (sc->is_list[f] && counted(ec)) {
                snprintf(label, sizeof label, "%s (elements)", s->fields[f].name);
                table_rows(out, "", label, ec, modes);
            }
        }
        for (size_t g = 0; g < s->ngroups; g++) {
            snprintf(label, sizeof label, "[%s]", s->groups[g].name);
            table_rows(out, "", label, &sc->groups[g * EVAL_NMODES], modes);
        }
    }
    if (!any) fprintf(out, "(no section scored)\n");
    const eval_kind_counts *kc = &cs->kinds;
    if (!kc->documents) return;
    fprintf(out, "\ndocument kind: %zu of %zu correct (accuracy %.3f)\n", kc->correct, kc->documents,
            (double)kc->correct / (double)kc->documents);
    for (size_t g = 0; g < EVAL_KINDS; g++)
        for (size_t o = 0; o < EVAL_KINDS; o++)
            if (g != o && kc->confusion[g][o])
                fprintf(out, "  gold %s, output %s: %zu\n", kind_name(g), kind_name(o), kc->confusion[g][o]);
}
