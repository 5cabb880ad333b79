/* html.c: the coverage report as ONE self-contained HTML page: inline CSS, no
 * scripts from the network, no external fonts. A matrix of link-target goals
 * (rows, grouped under their focus area) x plans (columns); each cell shaded
 * by its activity count and expandable (details/summary) to the activities
 * with their evidence and page; uncovered goals marked "ej täckt"; then the
 * unlinked activities per plan. Every document string goes through html_escape. */
#include <string.h>

#include "report.h"

/* Writes s with & < > " ' escaped. NULL writes nothing. */
static void html_escape(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default: fputc(*s, out);
        }
    }
}

static const char *CSS =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1b1f23;background:#fff}"
    "h1{font-size:1.5rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin-top:2rem}"
    "p.meta{color:#57606a;margin:.2rem 0 1rem}"
    "table{border-collapse:collapse;width:100%;table-layout:auto}"
    "th,td{border:1px solid #d0d7de;padding:.4rem .55rem;vertical-align:top;text-align:left;font-size:.92rem}"
    "thead th{background:#f6f8fa;position:sticky;top:0}"
    "tr.fa th{background:#eaeef2;font-size:.95rem}"
    "td.goal .code{font-weight:700;margin-right:.4rem}"
    "td.n0{background:#fff5f5}td.n1{background:#dcf3e3}td.n2{background:#b4e4c1}td.n3{background:#7fcf97}"
    "td.n4{background:#4fb872}"
    "span.none{color:#b42318;font-weight:700}span.unk{color:#57606a;font-weight:700}td.na{background:#f6f8fa;color:#57606a}"
    "p.warn{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem .75rem;border-radius:4px}"
    "span.gap{color:#b42318;font-size:.8em;margin-left:.4em}span.yes{color:#1a7f37;font-weight:700}"
    "details summary{cursor:pointer;font-weight:600}details ul{margin:.3rem 0 0 1rem;padding:0}"
    "li{margin:.25rem 0}.ev{color:#57606a;font-size:.82rem}.m{font-size:.75rem;border-radius:3px;padding:0 .25rem;"
    "background:#ddf4ff;color:#0550ae;margin-left:.3rem}.m.lexical{background:#fff8c5;color:#7d4e00}"
    ".legend span{display:inline-block;width:1.2rem;height:.9rem;border:1px solid #d0d7de;vertical-align:middle;"
    "margin:0 .2rem 0 .6rem}";

static int shade(long long n) { return n <= 0 ? 0 : n >= 4 ? 4 : (int)n; }

static void activity_item(FILE *out, const samla_node *act)
{
    fputs("<li>", out);
    html_escape(out, samla_map_get_str(act, "text"));
    const char *method = samla_map_get_str(act, "method");
    if (method) {
        fprintf(out, "<span class=\"m %s\">", strcmp(method, "explicit") ? "lexical" : "explicit");
        html_escape(out, method);
        fprintf(out, " %.2f</span>", samla_map_get_float(act, "score", 0));
    }
    const samla_node *ev = samla_map_get(act, "evidence");
    long long page = samla_map_get_int(act, "page", 0);
    if (samla_node_len(ev) || page > 0) {
        fputs("<div class=\"ev\">", out);
        for (size_t i = 0; i < samla_node_len(ev); i++) {
            const samla_node *e = samla_seq_at(ev, i);
            if (i) fputs(", ", out);
            if (e && e->type == SAMLA_NODE_STRING) html_escape(out, e->u.s);
        }
        if (page > 0) fprintf(out, "%s(s. %lld)", samla_node_len(ev) ? " " : "", page);
        fputs("</div>", out);
    }
    fputs("</li>", out);
}

int cov_write_html(const samla_node *report, FILE *out)
{
    const samla_node *cov = samla_map_get(report, "coverage");
    const samla_node *plans = samla_map_get(cov, "plans");
    const samla_node *goals = samla_map_get(cov, "goals");
    size_t np = samla_node_len(plans);
    const char *title = samla_map_get_str(cov, "strategy_title");
    if (!title) title = samla_map_get_str(cov, "strategy");
    fputs("<!DOCTYPE html>\n<html lang=\"sv\"><head><meta charset=\"utf-8\">"
          "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Täckning: ", out);
    html_escape(out, title);
    fprintf(out, "</title><style>%s</style></head><body>\n<h1>Täckning av strategins mål</h1><p class=\"meta\">Strategi: ",
            CSS);
    html_escape(out, title);
    fputs(". Varje cell: antal aktiviteter i planen som länkats till målet (klicka för aktiviteter och belägg).</p>\n", out);
    /* plans the matrix has nothing (or no link) to show for, said plainly above it */
    for (size_t p = 0; p < np; p++) {
        const samla_node *pl = samla_seq_at(plans, p);
        const char *note = samla_map_get_str(pl, "note");
        if (!note) continue;
        fputs("<p class=\"warn\" data-status=\"", out);
        html_escape(out, samla_map_get_str(pl, "status"));
        fputs("\"><strong>Obs:</strong> ", out);
        html_escape(out, samla_map_get_str(pl, "name"));
        fputs(": ", out);
        html_escape(out, note);
        fputs(strcmp(samla_map_get_str(pl, "status"), "no_links") ? ". Planens kolumn visar inget resultat, inte noll."
                                                                  : ". Kontrollera att planen hör till strategin.", out);
        fputs("</p>\n", out);
    }
    fputs(""
          "<p class=\"legend\">Antal:<span class=\"l0\" style=\"background:#fff5f5\"></span>0"
          "<span style=\"background:#dcf3e3\"></span>1<span style=\"background:#b4e4c1\"></span>2"
          "<span style=\"background:#7fcf97\"></span>3<span style=\"background:#4fb872\"></span>4+</p>\n"
          "<table id=\"matrix\"><thead><tr><th>Mål</th>", out);
    for (size_t p = 0; p < np; p++) {
        fputs("<th>", out);
        html_escape(out, samla_map_get_str(samla_seq_at(plans, p), "name"));
        fputs("</th>", out);
    }
    fputs("<th>Täckt</th></tr></thead><tbody>\n", out);
    const char *last_fa = NULL;
    for (size_t i = 0; i < samla_node_len(goals); i++) {
        const samla_node *g = samla_seq_at(goals, i);
        const samla_node *fa = samla_map_get(g, "focus_area");
        const char *fid = samla_map_get_str(fa, "id");
        if (fid && (!last_fa || strcmp(fid, last_fa))) {
            fprintf(out, "<tr class=\"fa\"><th colspan=\"%zu\">", np + 2);
            if (samla_map_get_str(fa, "code")) {
                html_escape(out, samla_map_get_str(fa, "code"));
                fputs(" ", out);
            }
            html_escape(out, samla_map_get_str(fa, "title"));
            fputs("</th></tr>\n", out);
            last_fa = fid;
        }
        fputs("<tr><td class=\"goal\">", out);
        if (samla_map_get_str(g, "code")) {
            fputs("<span class=\"code\">", out);
            html_escape(out, samla_map_get_str(g, "code"));
            fputs("</span>", out);
        }
        html_escape(out, samla_map_get_str(g, "title"));
        fputs("</td>", out);
        const samla_node *cells = samla_map_get(g, "plans");
        for (size_t p = 0; p < samla_node_len(cells); p++) {
            const samla_node *c = samla_seq_at(cells, p);
            const samla_node *cnt = samla_map_get(c, "count");
            if (!cnt || cnt->type == SAMLA_NODE_NULL) {
                /* a plan without activities: nothing counted, said so (never "0, ej täckt") */
                fputs("<td class=\"na\" data-status=\"", out);
                html_escape(out, samla_map_get_str(c, "status"));
                fputs("\">– <span class=\"gap\">inga aktiviteter</span></td>", out);
                continue;
            }
            long long n = samla_map_get_int(c, "count", 0);
            const samla_node *acts = samla_map_get(c, "activities");
            fprintf(out, "<td class=\"n%d\" data-count=\"%lld\">", shade(n), n);
            if (n == 0) fputs("0 <span class=\"gap\">ej täckt i planen</span>", out);
            else {
                fprintf(out, "<details><summary>%lld</summary><ul>", n);
                for (size_t k = 0; k < samla_node_len(acts); k++) activity_item(out, samla_seq_at(acts, k));
                fputs("</ul></details>", out);
            }
            fputs("</td>", out);
        }
        const samla_node *cv = samla_map_get(g, "covered");
        bool unknown = !cv || cv->type == SAMLA_NODE_NULL, covered = !unknown && cv->type == SAMLA_NODE_BOOL && cv->u.b;
        fprintf(out, "<td>%s</td></tr>\n",
                unknown ? "<span class=\"unk\">okänt</span>"
                : covered ? "<span class=\"yes\">täckt</span>" : "<span class=\"none\">ej täckt</span>");
    }
    fputs("</tbody></table>\n<h2>Aktiviteter utan koppling till något mål</h2>\n", out);
    const samla_node *un = samla_map_get(cov, "unlinked");
    for (size_t p = 0; p < samla_node_len(un); p++) {
        const samla_node *u = samla_seq_at(un, p);
        const samla_node *acts = samla_map_get(u, "activities");
        fputs("<details><summary>", out);
        html_escape(out, samla_map_get_str(u, "plan"));
        fprintf(out, ": %zu</summary><ul>", samla_node_len(acts));
        for (size_t k = 0; k < samla_node_len(acts); k++) activity_item(out, samla_seq_at(acts, k));
        fputs("</ul></details>\n", out);
    }
    fputs("<p class=\"meta\">Skapad av samla coverage.</p></body></html>\n", out);
    return ferror(out) ? -1 : 0;
}
