/* test_eval.c: the eval engine on the hand-made cases in tests/data/eval/
 * (exact match, missing attendee, fuzzy spelling, unscored section, link
 * id -> text resolution) and the --min syntax. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "eval.h"
#include "values.h"

static samla_node *load(samla_arena *a, const char *rel)
{
    const char *src = getenv("SAMLA_SOURCE");
    char *path = samla_arena_printf(a, "%s/tests/data/eval/%s", src ? src : ".", rel);
    samla_node *n = NULL;
    samla_diag d;
    samla_diag_init(&d);
    samla_status st = samla_model_load_file(a, path, &n, &d);
    if (st != SAMLA_OK) fprintf(stderr, "cannot load %s\n", path);
    samla_diag_clear(&d);
    return n;
}

/* Scores gold rel path against output rel path. In arena a. */
static eval_counts_set *score(samla_arena *a, eval_config *c, const char *gold, const char *out)
{
    eval_counts_set *cs = eval_counts_new(a, c);
    CHECK(cs != NULL);
    CHECK(eval_document(a, c, load(a, gold), load(a, out), cs) == SAMLA_OK);
    return cs;
}

static const eval_section_counts *sec(const eval_counts_set *cs, const char *name)
{
    const eval_section *s = eval_config_section(cs->config, name);
    return &cs->sections[s - cs->config->sections];
}

static eval_counts field(const eval_counts_set *cs, const char *section, const char *f, eval_mode m)
{
    const eval_section *s = eval_config_section(cs->config, section);
    return sec(cs, section)->fields[eval_section_field(s, f) * EVAL_NMODES + m];
}

static bool near(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static double spec_value(samla_arena *a, eval_config *c, const eval_counts_set *cs, const char *spec)
{
    eval_threshold t;
    const char *msg = NULL;
    CHECK(eval_threshold_parse(a, c, spec, &t, &msg));
    bool defined = false;
    double v = eval_threshold_value(cs, &t, &defined);
    CHECK(defined);
    return v;
}

static void test_exact(void)
{
    samla_arena *a = samla_arena_new();
    eval_config *c = eval_config_default(a);
    eval_counts_set *cs = score(a, c, "exact/gold/protocol.yaml", "exact/out/protocol.pdf.yaml");
    for (int m = 0; m < EVAL_NMODES; m++) {
        CHECK(near(eval_f1(sec(cs, "attendees")->items[m]), 1.0));
        CHECK(near(eval_f1(sec(cs, "agenda")->items[m]), 1.0));
        CHECK(near(eval_f1(sec(cs, "meeting")->groups[0 * EVAL_NMODES + m]), 1.0));
        CHECK(near(eval_f1(field(cs, "attendees", "roles", (eval_mode)m)), 1.0));
    }
    CHECK(near(spec_value(a, c, cs, "attendees[name+status+party+roles].strict=1"), 1.0));
    CHECK(near(spec_value(a, c, cs, "meeting[date+start+end+place]=1"), 1.0));
    samla_arena_free(a);
}

static void test_protocol(void)
{
    samla_arena *a = samla_arena_new();
    eval_config *c = eval_config_default(a);
    eval_counts_set *cs = score(a, c, "protocol/gold/protocol.yaml", "protocol/out/protocol.pdf.yaml");
    /* a missing attendee: recall 2/3, precision 1 (soft: "Per  Olsson" matches) */
    eval_counts at = sec(cs, "attendees")->items[EVAL_SOFT];
    CHECK(at.tp == 2 && at.fp == 0 && at.fn == 1);
    CHECK(near(eval_recall(at), 2.0 / 3.0));
    CHECK(near(spec_value(a, c, cs, "attendees.recall=0"), 2.0 / 3.0));
    /* strict: the doubled space breaks the match */
    CHECK(sec(cs, "attendees")->items[EVAL_STRICT].tp == 1);
    /* "Anna Svenson" vs "Anna Svensson": fuzzy only */
    CHECK(sec(cs, "signatures")->items[EVAL_STRICT].tp == 0);
    CHECK(sec(cs, "signatures")->items[EVAL_SOFT].tp == 0);
    CHECK(sec(cs, "signatures")->items[EVAL_FUZZY].tp == 1);
    /* goals: in the gold, not in samla.sections: not scored */
    CHECK(sec(cs, "goals")->documents == 0);
    eval_threshold t;
    const char *msg = NULL;
    CHECK(eval_threshold_parse(a, c, "goals=0.5", &t, &msg));
    bool defined = true;
    (void)eval_threshold_value(cs, &t, &defined);
    CHECK(!defined);
    /* two decisions under one item, paired by text */
    CHECK(field(cs, "decisions", "text", EVAL_STRICT).tp == 2);
    CHECK(field(cs, "decisions", "clauses", EVAL_STRICT).tp == 2);
    /* votes: [] in the gold expects nothing: the output's vote is a false positive */
    eval_counts v = sec(cs, "votes")->items[EVAL_SOFT];
    CHECK(v.tp == 0 && v.fp == 1 && v.fn == 0);
    /* meeting: "09.00" vs "09:00" and "stadshuset" vs "Stadshuset" are soft-equal */
    CHECK(field(cs, "meeting", "start", EVAL_STRICT).tp == 0);
    CHECK(field(cs, "meeting", "start", EVAL_SOFT).tp == 1);
    CHECK(field(cs, "meeting", "place", EVAL_SOFT).tp == 1);
    samla_arena_free(a);
}

static void test_plan(void)
{
    samla_arena *a = samla_arena_new();
    eval_config *c = eval_config_default(a);
    eval_counts_set *cs = score(a, c, "plan/gold/plan.yaml", "plan/out/plan.docx.yaml");
    /* links: output `activity: A1` resolves to the activity's text */
    eval_counts l = sec(cs, "links")->items[EVAL_STRICT];
    CHECK(l.tp == 2 && l.fp == 1 && l.fn == 0);
    CHECK(near(spec_value(a, c, cs, "links.precision.strict=0"), 2.0 / 3.0));
    /* goals: by code, the vision (code null) by title; parent: g-1 resolves to code "1" */
    CHECK(sec(cs, "goals")->items[EVAL_STRICT].tp == 3);
    CHECK(near(spec_value(a, c, cs, "goals[code+kind+title+parent]=0"), 1.0));
    /* indicators in another order: still the same set */
    CHECK(field(cs, "activities", "indicators", EVAL_STRICT).tp == 1);
    samla_arena_free(a);
}

static void test_values_and_specs(void)
{
    samla_arena *a = samla_arena_new();
    eval_config *c = eval_config_default(a);
    /* ids never compare fuzzily */
    CHECK(!eval_str_agree("2.3.10", "2310", "2.3.11", "2311", EVAL_FUZZY, true, 0.7));
    CHECK(eval_str_agree("2.3.10", "2310", "2.3.11", "2311", EVAL_FUZZY, false, 0.7));
    /* a long list (beyond the matcher's stack marks) in another order is the same set */
    samla_node *l1 = samla_node_seq(a), *l2 = samla_node_seq(a);
    for (int i = 0; i < 70; i++) {
        samla_seq_append_str(a, l1, samla_arena_printf(a, "Indikator %d", i));
        samla_seq_append_str(a, l2, samla_arena_printf(a, "indikator %d", 69 - i));
    }
    eval_value v1, v2;
    CHECK(eval_value_from(a, l1, &v1) && eval_value_from(a, l2, &v2));
    CHECK(v1.n == 70 && eval_value_common(&v1, &v2, EVAL_SOFT, false, 0.8) == 70);
    CHECK(eval_value_agree(&v1, &v2, EVAL_SOFT, false, 0.8));
    CHECK(!eval_value_agree(&v1, &v2, EVAL_STRICT, false, 0.8));
    eval_threshold t;
    const char *msg = NULL;
    CHECK(eval_threshold_parse(a, c, "decisions.text.recall.fuzzy=0.7", &t, &msg));
    CHECK(t.metric == EVAL_R && t.mode == EVAL_FUZZY && near(t.min, 0.7) && t.field != (size_t)-1);
    CHECK(eval_threshold_parse(a, c, "links.precision=0.85", &t, &msg));
    CHECK(t.metric == EVAL_P && t.mode == EVAL_SOFT && t.field == (size_t)-1 && !t.group);
    CHECK(eval_threshold_parse(a, c, "attendees[name+party]=0.9", &t, &msg));
    CHECK(t.group && t.group->nfields == 2 && t.metric == EVAL_F1);
    CHECK(!eval_threshold_parse(a, c, "attendee=0.9", &t, &msg));
    CHECK(!eval_threshold_parse(a, c, "attendees.nope=0.9", &t, &msg));
    CHECK(!eval_threshold_parse(a, c, "attendees[name+]=0.9", &t, &msg));
    CHECK(!eval_threshold_parse(a, c, "attendees=1.5", &t, &msg));
    CHECK(eval_threshold_parse(a, c, "attendees.fuzzy.recall=0.5", &t, &msg)); /* either order */
    CHECK(t.metric == EVAL_R && t.mode == EVAL_FUZZY);
    CHECK(!eval_threshold_parse(a, c, "attendees.recall.f1=0.5", &t, &msg));
    CHECK(!eval_threshold_parse(a, c, "attendees", &t, &msg));
    samla_arena_free(a);
}

int main(void)
{
    test_exact();
    test_protocol();
    test_plan();
    test_values_and_specs();
    return CHECK_DONE();
}
