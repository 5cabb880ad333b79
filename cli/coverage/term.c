/* term.c: the coverage summary on a terminal: one line per link-target goal
 * with its code (or a shortened title), the count per plan and covered or not. */
#include <glib.h>
#include <string.h>

#include "report.h"

/* Prints s cut or padded to width code points. */
static void cell(FILE *out, const char *s, long width)
{
    if (!s) s = "";
    long n = (long)g_utf8_strlen(s, -1);
    if (n > width) {
        const char *end = g_utf8_offset_to_pointer(s, width - 1);
        fprintf(out, "%.*s…", (int)(end - s), s);
    } else {
        fputs(s, out);
        for (long i = n; i < width; i++) fputc(' ', out);
    }
}

static bool is_null(const samla_node *n) { return !n || n->type == SAMLA_NODE_NULL; }

void cov_write_terminal(const samla_node *report, FILE *out)
{
    const samla_node *cov = samla_map_get(report, "coverage");
    const samla_node *plans = samla_map_get(cov, "plans");
    const samla_node *goals = samla_map_get(cov, "goals");
    cell(out, "mål", 46);
    for (size_t p = 0; p < samla_node_len(plans); p++) {
        fputs(" ", out);
        cell(out, samla_map_get_str(samla_seq_at(plans, p), "name"), 14);
    }
    fputs(" täckt\n", out);
    for (size_t i = 0; i < samla_node_len(goals); i++) {
        const samla_node *g = samla_seq_at(goals, i);
        const char *code = samla_map_get_str(g, "code"), *title = samla_map_get_str(g, "title");
        char *label = g_strdup_printf("%s%s%s", code ? code : "", code ? " " : "", title ? title : "");
        cell(out, label, 46);
        g_free(label);
        const samla_node *cells = samla_map_get(g, "plans");
        for (size_t p = 0; p < samla_node_len(cells); p++) {
            const samla_node *c = samla_seq_at(cells, p);
            char num[32];
            /* a plan without activities has no count: "–", never 0 */
            if (is_null(samla_map_get(c, "count"))) snprintf(num, sizeof num, "–");
            else snprintf(num, sizeof num, "%lld", samla_map_get_int(c, "count", 0));
            fputs(" ", out);
            cell(out, num, 14);
        }
        const samla_node *c = samla_map_get(g, "covered");
        fputs(is_null(c) ? " okänt\n" : c->type == SAMLA_NODE_BOOL && c->u.b ? " ja\n" : " NEJ (ej täckt)\n", out);
    }
    /* what the table cannot show: plans with nothing to count, in plain words under it */
    for (size_t p = 0; p < samla_node_len(plans); p++) {
        const samla_node *pl = samla_seq_at(plans, p);
        const char *note = samla_map_get_str(pl, "note");
        if (note) fprintf(out, "OBS: %s: %s\n", samla_map_get_str(pl, "name"), note);
    }
    bool any = false;
    for (size_t i = 0; i < samla_node_len(goals) && !any; i++) any = is_null(samla_map_get(samla_seq_at(goals, i), "covered"));
    if (any) fputs("OBS: ingen plan hade aktiviteter att koppla; täckningen är okänd, inte noll\n", out);
}
