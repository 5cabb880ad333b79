/* report.c: builds the coverage report tree from the strategy's goals and
 * each plan's activities and links. Rows are the link-target goals (sub-goals
 * and priorities, else focus areas, as link-strategy chooses them), grouped
 * by focus area. Everything lives in the caller's arena. */
#include <string.h>

#include "report.h"

static bool is_kind(const samla_node *g, const char *k)
{
    const char *kind = samla_map_get_str(g, "kind");
    return kind && !strcmp(kind, k);
}

static bool has_kind(const samla_node *goals, const char *k)
{
    for (size_t i = 0; i < samla_node_len(goals); i++)
        if (is_kind(samla_seq_at(goals, i), k)) return true;
    return false;
}

static const samla_node *goal_by_id(const samla_node *goals, const char *id)
{
    for (size_t i = 0; id && i < samla_node_len(goals); i++) {
        const char *gid = samla_map_get_str(samla_seq_at(goals, i), "id");
        if (gid && !strcmp(gid, id)) return samla_seq_at(goals, i);
    }
    return NULL;
}

static const samla_node *activity_by_id(const samla_node *model, const char *id)
{
    const samla_node *acts = samla_map_get(model, "activities");
    for (size_t i = 0; id && i < samla_node_len(acts); i++) {
        const char *aid = samla_map_get_str(samla_seq_at(acts, i), "id");
        if (aid && !strcmp(aid, id)) return samla_seq_at(acts, i);
    }
    return NULL;
}

static samla_node *activity_node(samla_arena *a, const samla_node *act, const samla_node *link)
{
    samla_node *n = samla_node_map(a);
    if (!n) return NULL;
    samla_map_set_str(a, n, "id", samla_map_get_str(act, "id"));
    samla_map_set_str(a, n, "text", samla_map_get_str(act, "text"));
    const samla_node *src = samla_map_get(act, "source");
    long long page = src ? samla_map_get_int(src, "page", 0) : 0;
    if (page > 0) samla_map_set_int(a, n, "page", page);
    if (link) {
        samla_map_set_float(a, n, "score", samla_map_get_float(link, "score", 0));
        samla_map_set_str(a, n, "method", samla_map_get_str(link, "method"));
        const samla_node *ev = samla_map_get(link, "evidence");
        if (ev) samla_map_set(a, n, "evidence", samla_node_copy(a, ev));
    }
    return n;
}

const char *cov_plan_status(const cov_plan *plan)
{
    if (!plan->model) return "failed";
    if (samla_node_len(samla_map_get(plan->model, "activities")) == 0) return "no_activities";
    if (samla_node_len(samla_map_get(plan->model, "links")) == 0) return "no_links";
    return "ok";
}

/* The plain words for a plan the report has nothing to say about, or NULL. In arena a. */
static const char *plan_note(samla_arena *a, const cov_plan *plan, const char *status)
{
    if (!strcmp(status, "failed")) return "planen kunde inte läsas";
    if (!strcmp(status, "no_activities")) return "inga aktiviteter hittades i planen";
    if (!strcmp(status, "no_links"))
        return samla_arena_printf(a, "ingen av planens %zu aktiviteter kopplades till strategins mål",
                                  samla_node_len(samla_map_get(plan->model, "activities")));
    return NULL;
}

/* The plan's cells say something about the goals: it has activities (linked or not). */
static bool judged(const char *status) { return !strcmp(status, "ok") || !strcmp(status, "no_links"); }

samla_node *cov_build(samla_arena *a, const char *strategy_path, const samla_node *strategy,
                      const cov_plan *plans, size_t nplans)
{
    samla_node *root = samla_node_map(a);
    samla_node *cov = root ? samla_map_ensure_map(a, root, "coverage") : NULL;
    if (!cov) return NULL;
    samla_map_set_str(a, cov, "strategy", strategy_path);
    const samla_node *goals = samla_map_get(strategy, "goals");
    const char *doc_title = samla_map_get_str(samla_map_get(strategy, "document"), "title");
    samla_map_set_str(a, cov, "strategy_title", doc_title);
    samla_node *pl = samla_map_ensure_seq(a, cov, "plans");
    for (size_t p = 0; p < nplans; p++) {
        samla_node *m = samla_node_map(a);
        samla_map_set_str(a, m, "name", plans[p].name);
        samla_map_set_str(a, m, "source", plans[p].path);
        samla_map_set_bool(a, m, "ok", plans[p].model != NULL);
        samla_map_set_int(a, m, "activities", (long long)samla_node_len(samla_map_get(plans[p].model, "activities")));
        samla_map_set_int(a, m, "links", (long long)samla_node_len(samla_map_get(plans[p].model, "links")));
        const char *status = cov_plan_status(&plans[p]);
        samla_map_set_str(a, m, "status", status);
        const char *note = plan_note(a, &plans[p], status);
        if (note) samla_map_set_str(a, m, "note", note);
        samla_seq_append(a, pl, m);
    }
    size_t njudged = 0;
    for (size_t p = 0; p < nplans; p++) njudged += judged(cov_plan_status(&plans[p]));
    bool sub = has_kind(goals, "subgoal") || has_kind(goals, "priority");
    samla_node *rows = samla_map_ensure_seq(a, cov, "goals");
    for (size_t i = 0; i < samla_node_len(goals); i++) {
        const samla_node *g = samla_seq_at(goals, i);
        if (sub ? !(is_kind(g, "subgoal") || is_kind(g, "priority")) : !is_kind(g, "focus_area")) continue;
        const char *gid = samla_map_get_str(g, "id");
        samla_node *row = samla_node_map(a);
        samla_map_set_str(a, row, "id", gid);
        samla_map_set_str(a, row, "code", samla_map_get_str(g, "code"));
        samla_map_set_str(a, row, "kind", samla_map_get_str(g, "kind"));
        samla_map_set_str(a, row, "title", samla_map_get_str(g, "title"));
        const samla_node *fa = g;
        for (int guard = 0; fa && !is_kind(fa, "focus_area") && guard < 16; guard++)
            fa = goal_by_id(goals, samla_map_get_str(fa, "parent"));
        if (fa) {
            samla_node *f = samla_map_ensure_map(a, row, "focus_area");
            samla_map_set_str(a, f, "id", samla_map_get_str(fa, "id"));
            samla_map_set_str(a, f, "code", samla_map_get_str(fa, "code"));
            samla_map_set_str(a, f, "title", samla_map_get_str(fa, "title"));
        }
        long long total = 0;
        samla_node *cells = samla_map_ensure_seq(a, row, "plans");
        for (size_t p = 0; p < nplans; p++) {
            samla_node *cell = samla_node_map(a);
            samla_map_set_str(a, cell, "plan", plans[p].name);
            const char *status = cov_plan_status(&plans[p]);
            if (!judged(status)) {
                /* no activities to count: no count, never "0, not covered" */
                samla_map_set_str(a, cell, "status", status);
                samla_map_set(a, cell, "count", samla_node_null(a));
                samla_seq_append(a, cells, cell);
                continue;
            }
            samla_node *acts = samla_node_seq(a);
            const samla_node *links = samla_map_get(plans[p].model, "links");
            for (size_t k = 0; k < samla_node_len(links); k++) {
                const samla_node *l = samla_seq_at(links, k);
                const char *lg = samla_map_get_str(l, "goal");
                if (!lg || !gid || strcmp(lg, gid)) continue;
                const samla_node *act = activity_by_id(plans[p].model, samla_map_get_str(l, "activity"));
                if (act) samla_seq_append(a, acts, activity_node(a, act, l));
            }
            samla_map_set_int(a, cell, "count", (long long)samla_node_len(acts));
            samla_map_set(a, cell, "activities", acts);
            total += (long long)samla_node_len(acts);
            samla_seq_append(a, cells, cell);
        }
        samla_map_set_int(a, row, "total", total);
        /* covered is unknown (null) when no plan had activities to link */
        if (njudged == 0) samla_map_set(a, row, "covered", samla_node_null(a));
        else samla_map_set_bool(a, row, "covered", total > 0);
        samla_seq_append(a, rows, row);
    }
    samla_node *un = samla_map_ensure_seq(a, cov, "unlinked");
    for (size_t p = 0; p < nplans; p++) {
        samla_node *m = samla_node_map(a);
        samla_map_set_str(a, m, "plan", plans[p].name);
        samla_node *acts = samla_map_ensure_seq(a, m, "activities");
        const samla_node *all = samla_map_get(plans[p].model, "activities");
        const samla_node *links = samla_map_get(plans[p].model, "links");
        for (size_t i = 0; i < samla_node_len(all); i++) {
            const samla_node *act = samla_seq_at(all, i);
            const char *id = samla_map_get_str(act, "id");
            bool linked = false;
            for (size_t k = 0; id && k < samla_node_len(links) && !linked; k++) {
                const char *la = samla_map_get_str(samla_seq_at(links, k), "activity");
                linked = la && !strcmp(la, id);
            }
            if (!linked) samla_seq_append(a, acts, activity_node(a, act, NULL));
        }
        samla_seq_append(a, un, m);
    }
    return root;
}
