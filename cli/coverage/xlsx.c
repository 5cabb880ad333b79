/* xlsx.c: the coverage report as an Excel workbook (libxlsxwriter), for analysts who work in a
 * spreadsheet. The same content as the HTML page (html.c), as three sheets:
 *   Täckning       one row per link-target goal: focus area, code, goal, the activity count per
 *                  plan (cells shaded as in the HTML), covered or not; filters, frozen header;
 *                  a plan without activities has "inga aktiviteter" for a count, and an "Obs:"
 *                  line under the table says so (as for a plan with none linked);
 *   Aktiviteter    one row per (goal, plan, linked activity): method, score, evidence, page
 *                  (what the HTML's expandable cells hold);
 *   Utan koppling  one row per activity that serves no goal, per plan.
 * Strings are the report's, unchanged (libxlsxwriter escapes them). */
#include <string.h>

#include <glib.h>
#include <xlsxwriter.h>

#include "report.h"

/* The HTML's shades for 0, 1, 2, 3, 4+ activities. */
static const lxw_color_t SHADES[] = {0xFFF5F5, 0xDCF3E3, 0xB4E4C1, 0x7FCF97, 0x4FB872};

typedef struct sheets {
    lxw_workbook *wb;
    lxw_format *head, *shade[5], *yes, *no, *na, *wrap;
} sheets;

static void str(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
    if (s && *s) worksheet_write_string(ws, r, c, s, f);
}

/* "code title", or the title alone; g_free. */
static char *label(const samla_node *n)
{
    const char *code = samla_map_get_str(n, "code"), *title = samla_map_get_str(n, "title");
    return g_strdup_printf("%s%s%s", code ? code : "", code && title ? " " : "", title ? title : "");
}

/* Evidence strings joined by ", "; g_free. */
static char *evidence(const samla_node *act)
{
    GString *s = g_string_new(NULL);
    const samla_node *ev = samla_map_get(act, "evidence");
    for (size_t i = 0; i < samla_node_len(ev); i++) {
        const samla_node *e = samla_seq_at(ev, i);
        if (e && e->type == SAMLA_NODE_STRING) g_string_append_printf(s, "%s%s", s->len ? ", " : "", e->u.s);
    }
    return g_string_free(s, FALSE);
}

/* Writes method, score, evidence and page of an activity from column c on. */
static void activity_cells(const sheets *x, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const samla_node *act)
{
    str(ws, r, c, samla_map_get_str(act, "text"), x->wrap);
    const char *method = samla_map_get_str(act, "method");
    str(ws, r, c + 1, method, NULL);
    if (method) worksheet_write_number(ws, r, c + 2, samla_map_get_float(act, "score", 0), NULL);
    char *ev = evidence(act);
    str(ws, r, c + 3, ev, NULL);
    g_free(ev);
    long long page = samla_map_get_int(act, "page", 0);
    if (page > 0) worksheet_write_number(ws, r, c + 4, (double)page, NULL);
}

static void matrix(const sheets *x, const samla_node *cov)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Täckning");
    const samla_node *plans = samla_map_get(cov, "plans"), *goals = samla_map_get(cov, "goals");
    lxw_col_t np = (lxw_col_t)samla_node_len(plans);
    worksheet_write_string(ws, 0, 0, "Fokusområde", x->head);
    worksheet_write_string(ws, 0, 1, "Kod", x->head);
    worksheet_write_string(ws, 0, 2, "Mål", x->head);
    for (lxw_col_t p = 0; p < np; p++) {
        const char *name = samla_map_get_str(samla_seq_at(plans, p), "name");
        worksheet_write_string(ws, 0, (lxw_col_t)(3 + p), name ? name : "", x->head);
    }
    worksheet_write_string(ws, 0, (lxw_col_t)(3 + np), "Täckt", x->head);
    lxw_row_t r = 1;
    for (size_t i = 0; i < samla_node_len(goals); i++, r++) {
        const samla_node *g = samla_seq_at(goals, i);
        char *fa = label(samla_map_get(g, "focus_area"));
        str(ws, r, 0, fa, x->wrap);
        g_free(fa);
        str(ws, r, 1, samla_map_get_str(g, "code"), NULL);
        str(ws, r, 2, samla_map_get_str(g, "title"), x->wrap);
        const samla_node *cells = samla_map_get(g, "plans");
        for (size_t p = 0; p < samla_node_len(cells); p++) {
            const samla_node *cnt = samla_map_get(samla_seq_at(cells, p), "count");
            if (!cnt || cnt->type == SAMLA_NODE_NULL) {   /* a plan without activities: no count, never 0 */
                worksheet_write_string(ws, r, (lxw_col_t)(3 + p), "inga aktiviteter", x->na);
                continue;
            }
            long long n = samla_map_get_int(samla_seq_at(cells, p), "count", 0);
            worksheet_write_number(ws, r, (lxw_col_t)(3 + p), (double)n, x->shade[n <= 0 ? 0 : n >= 4 ? 4 : n]);
        }
        const samla_node *c = samla_map_get(g, "covered");
        bool unknown = !c || c->type == SAMLA_NODE_NULL, covered = !unknown && c->type == SAMLA_NODE_BOOL && c->u.b;
        worksheet_write_string(ws, r, (lxw_col_t)(3 + np), unknown ? "okänt" : covered ? "täckt" : "ej täckt",
                               unknown ? x->na : covered ? x->yes : x->no);
    }
    /* plans the matrix has nothing (or no link) to show for, in plain words under it */
    lxw_row_t last = r;
    for (size_t p = 0; p < (size_t)np; p++) {
        const samla_node *pl = samla_seq_at(plans, p);
        const char *note = samla_map_get_str(pl, "note");
        if (!note) continue;
        char *line = g_strdup_printf("Obs: %s: %s", samla_map_get_str(pl, "name"), note);
        worksheet_write_string(ws, ++r, 0, line, x->no);
        g_free(line);
    }
    worksheet_set_column(ws, 0, 0, 28, NULL);
    worksheet_set_column(ws, 1, 1, 8, NULL);
    worksheet_set_column(ws, 2, 2, 60, NULL);
    worksheet_set_column(ws, 3, (lxw_col_t)(3 + np), 16, NULL);
    worksheet_freeze_panes(ws, 1, 3);
    worksheet_autofilter(ws, 0, 0, last > 1 ? last - 1 : 1, (lxw_col_t)(3 + np));
}

static void activity_header(const sheets *x, lxw_worksheet *ws, lxw_col_t c)
{
    static const char *const h[] = {"Aktivitet", "Metod", "Poäng", "Belägg", "Sida"};
    for (lxw_col_t k = 0; k < 5; k++) worksheet_write_string(ws, 0, (lxw_col_t)(c + k), h[k], x->head);
}

static void activities(const sheets *x, const samla_node *cov)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Aktiviteter");
    worksheet_write_string(ws, 0, 0, "Kod", x->head);
    worksheet_write_string(ws, 0, 1, "Mål", x->head);
    worksheet_write_string(ws, 0, 2, "Plan", x->head);
    activity_header(x, ws, 3);
    const samla_node *goals = samla_map_get(cov, "goals");
    lxw_row_t r = 1;
    for (size_t i = 0; i < samla_node_len(goals); i++) {
        const samla_node *g = samla_seq_at(goals, i), *cells = samla_map_get(g, "plans");
        for (size_t p = 0; p < samla_node_len(cells); p++) {
            const samla_node *cell = samla_seq_at(cells, p), *acts = samla_map_get(cell, "activities");
            for (size_t k = 0; k < samla_node_len(acts); k++, r++) {
                str(ws, r, 0, samla_map_get_str(g, "code"), NULL);
                str(ws, r, 1, samla_map_get_str(g, "title"), NULL);
                str(ws, r, 2, samla_map_get_str(cell, "plan"), NULL);
                activity_cells(x, ws, r, 3, samla_seq_at(acts, k));
            }
        }
    }
    worksheet_set_column(ws, 1, 1, 40, NULL);
    worksheet_set_column(ws, 2, 2, 20, NULL);
    worksheet_set_column(ws, 3, 3, 60, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, r > 1 ? r - 1 : 1, 7);
}

static void unlinked(const sheets *x, const samla_node *cov)
{
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Utan koppling");
    worksheet_write_string(ws, 0, 0, "Plan", x->head);
    activity_header(x, ws, 1);
    const samla_node *un = samla_map_get(cov, "unlinked");
    lxw_row_t r = 1;
    for (size_t p = 0; p < samla_node_len(un); p++) {
        const samla_node *u = samla_seq_at(un, p), *acts = samla_map_get(u, "activities");
        for (size_t k = 0; k < samla_node_len(acts); k++, r++) {
            str(ws, r, 0, samla_map_get_str(u, "plan"), NULL);
            activity_cells(x, ws, r, 1, samla_seq_at(acts, k));
        }
    }
    worksheet_set_column(ws, 0, 0, 20, NULL);
    worksheet_set_column(ws, 1, 1, 60, NULL);
    worksheet_freeze_panes(ws, 1, 0);
}

int cov_write_xlsx(const samla_node *report, const char *path)
{
    const samla_node *cov = samla_map_get(report, "coverage");
    sheets x = {.wb = workbook_new(path)};
    if (!x.wb) return -1;
    x.head = workbook_add_format(x.wb);
    format_set_bold(x.head);
    format_set_bg_color(x.head, 0xF6F8FA);
    for (int i = 0; i < 5; i++) {
        x.shade[i] = workbook_add_format(x.wb);
        format_set_bg_color(x.shade[i], SHADES[i]);
    }
    x.yes = workbook_add_format(x.wb);
    format_set_bold(x.yes);
    format_set_font_color(x.yes, 0x1A7F37);
    x.no = workbook_add_format(x.wb);
    format_set_bold(x.no);
    format_set_font_color(x.no, 0xB42318);
    x.na = workbook_add_format(x.wb);
    format_set_bg_color(x.na, 0xF6F8FA);
    format_set_font_color(x.na, 0x57606A);
    x.wrap = workbook_add_format(x.wb);
    format_set_text_wrap(x.wrap);
    const char *title = samla_map_get_str(cov, "strategy_title");
    lxw_doc_properties props = {.title = (char *)(title ? title : "samla coverage"),
                                .subject = (char *)"Täckning av strategins mål",
                                .comments = (char *)"Skapad av samla coverage"};
    workbook_set_properties(x.wb, &props);
    matrix(&x, cov);
    activities(&x, cov);
    unlinked(&x, cov);
    return workbook_close(x.wb) == LXW_NO_ERROR ? 0 : -1;
}
