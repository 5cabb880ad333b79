/* report.h: `samla coverage` report: built once as a samla_node tree (written
 * as coverage.yaml by the model writer), then rendered as HTML and as a
 * terminal table. All nodes and strings live in the arena given. */
#ifndef SAMLA_COVERAGE_REPORT_H
#define SAMLA_COVERAGE_REPORT_H

#include <stdio.h>
#include "samla/samla.h"

typedef struct cov_plan {
    const char *name;        /* file name shown as the column title */
    const char *path;
    const samla_node *model; /* the plan's model (activities, links); NULL when it failed */
} cov_plan;

/* What the report can say about a plan: "ok", "no_links" (activities, none
 * linked), "no_activities" (none found) or "failed" (not read). Static string. */
const char *cov_plan_status(const cov_plan *plan);
/* Builds {strategy, plans: [{name, source, ok, activities, links, status,
 * note}], goals: [{id, code, title, kind, focus_area, covered, plans: [{plan,
 * count, activities: [...]}]}], unlinked: [...]}. A plan with no activities
 * (or not read) has cells {plan, status, count: null}, and covered is null
 * when no plan had activities: the report never counts such a plan as 0.
 * NULL on OOM. */
samla_node *cov_build(samla_arena *a, const char *strategy_path, const samla_node *strategy,
                      const cov_plan *plans, size_t nplans);
/* One self-contained HTML page (inline CSS/JS). Returns 0 or -1 on write error. */
int cov_write_html(const samla_node *report, FILE *out);
/* The same content as an Excel workbook at path (sheets Täckning, Aktiviteter, Utan koppling).
 * Returns 0 or -1 when the file cannot be written. */
int cov_write_xlsx(const samla_node *report, const char *path);
/* The summary table: goal, count per plan, covered. */
void cov_write_terminal(const samla_node *report, FILE *out);

#endif
