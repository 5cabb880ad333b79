/* cmd_coverage.c: `samla coverage --strategy STRATEGY PLAN...`: reads the
 * strategy once (strategy pipeline, or its samla YAML/JSON), runs the
 * coverage pipeline (plan extraction + link-strategy) over every plan and
 * writes DIR/coverage.yaml, DIR/coverage.html, DIR/strategy.yaml and one
 * DIR/<plan>.yaml per plan, plus a summary table on stdout. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "coverage/report.h"

typedef struct cov_opts {
    const char *strategy, *outdir, *pipeline, *strategy_pipeline, *threshold, *top_k;
    bool quiet;
    bool html, xlsx;  /* report formats (-f, repeatable; html when none is given) */
} cov_opts;

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: samla coverage --strategy STRATEGY [OPTIONS] PLAN...\n"
            "\n"
            "Links the activities of every PLAN to the goals of STRATEGY (a strategy\n"
            "document, or its samla YAML/JSON) and reports, per sub-goal, the activities of\n"
            "each plan that serve it, and per plan the activities that serve no goal.\n"
            "Writes DIR/coverage.yaml, DIR/coverage.html (one self-contained page) and/or\n"
            "DIR/coverage.xlsx (the same content as a workbook, for spreadsheets),\n"
            "DIR/strategy.yaml and DIR/<plan>.yaml; prints a summary table.\n"
            "\n"
            "Options:\n"
            "  -s, --strategy FILE     the strategy (required)\n"
            "  -o, --output DIR        output folder (default: coverage)\n"
            "  -f, --format FORMAT     report format: html (default) or xlsx; repeatable\n"
            "  -t, --threshold X       lowest lexical score for a link (coverage pipeline: 0.18)\n"
            "  -k, --top-k N           most lexical links per activity (default 2)\n"
            "  -p, --pipeline NAME     plan pipeline with link-strategy (default: coverage)\n"
            "      --strategy-pipeline NAME  pipeline for a strategy document (default: strategy)\n"
            "  -q, --quiet             do not print warnings\n"
            "  -h, --help              show this help\n"
            "\n"
            "A plan with no activities found, or none linked to a goal, is reported as such\n"
            "(never as covering nothing), with one line on stderr.\n"
            "\n"
            "Exit status: 0 every plan read and linked, 1 some plan failed or had no activities\n"
            "or no link, 2 usage, pipeline or strategy error.\n");
}

static bool is_model_file(const char *p)
{
    const char *dot = strrchr(p, '.');
    return dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml") || !strcmp(dot, ".json"));
}

static const char *base_name(const char *p)
{
    const char *b = strrchr(p, '/');
    return b ? b + 1 : p;
}

/* Writes root as YAML to path; false (after a one-line message) on failure. */
static bool write_yaml(const char *path, const samla_node *root)
{
    FILE *f = fopen(path, "wb");
    samla_diag d;
    samla_diag_init(&d);
    bool ok = f && samla_model_write_yaml(root, f, &d) == SAMLA_OK;
    if (f && fclose(f) != 0) ok = false;
    if (!ok) fprintf(stderr, "samla coverage: %s: cannot write\n", path);
    samla_diag_clear(&d);
    return ok;
}

/* The strategy model in arena a: loaded, or run through its pipeline. */
static samla_status read_strategy(samla_runtime *rt, samla_arena *a, const cov_opts *o, samla_node **out)
{
    samla_diag d;
    samla_diag_init(&d);
    d.file = o->strategy;
    samla_status st;
    if (is_model_file(o->strategy)) {
        st = samla_model_load_file(a, o->strategy, out, &d);
    } else {
        samla_pipeline *p = NULL;
        st = samla_pipeline_load(rt, o->strategy_pipeline, &p, &d);
        if (st == SAMLA_OK) st = samla_pipeline_start(p, &d);
        if (st == SAMLA_OK) st = samla_pipeline_run(p, o->strategy, NULL, &d, a, out);
        samla_pipeline_free(p);
    }
    if (st != SAMLA_OK) cli_print_failure(o->strategy, &d, st);
    else if (!o->quiet) cli_print_diag(&d, SAMLA_SEV_WARNING);
    samla_diag_clear(&d);
    return st;
}

static samla_status plan_pipeline(samla_runtime *rt, const cov_opts *o, const char *strategy_yaml,
                                  samla_pipeline **out)
{
    samla_diag d;
    samla_diag_init(&d);
    samla_status st = samla_pipeline_load(rt, o->pipeline, out, &d);
    char buf[4096];
    if (st == SAMLA_OK) {
        snprintf(buf, sizeof buf, "link-strategy.strategy=%s", strategy_yaml);
        st = samla_pipeline_set_option(*out, buf, &d);
    }
    if (st == SAMLA_OK && o->threshold) {
        snprintf(buf, sizeof buf, "link-strategy.threshold=%s", o->threshold);
        st = samla_pipeline_set_option(*out, buf, &d);
    }
    if (st == SAMLA_OK && o->top_k) {
        snprintf(buf, sizeof buf, "link-strategy.top_k=%s", o->top_k);
        st = samla_pipeline_set_option(*out, buf, &d);
    }
    if (st == SAMLA_OK) st = samla_pipeline_start(*out, &d);
    if (st != SAMLA_OK) {
        cli_print_diag(&d, SAMLA_SEV_ERROR);
        if (samla_diag_count(&d, SAMLA_SEV_ERROR) == 0)
            fprintf(stderr, "samla coverage: %s: %s\n", o->pipeline, samla_status_str(st));
    }
    samla_diag_clear(&d);
    return st;
}

static int run(samla_runtime *rt, samla_arena *a, const cov_opts *o, char **files, int nfiles)
{
    samla_node *strategy = NULL;
    if (read_strategy(rt, a, o, &strategy) != SAMLA_OK) return CLI_USAGE;
    if (samla_node_len(samla_map_get(strategy, "goals")) == 0) {
        fprintf(stderr, "samla coverage: %s: no goals found in the strategy\n", o->strategy);
        return CLI_USAGE;
    }
    if (mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "samla coverage: %s: cannot create folder: %s\n", o->outdir, strerror(errno));
        return CLI_USAGE;
    }
    char *strategy_yaml = samla_arena_printf(a, "%s/strategy.yaml", o->outdir);
    if (!strategy_yaml || !write_yaml(strategy_yaml, strategy)) return CLI_FAILED;
    samla_pipeline *p = NULL;
    if (plan_pipeline(rt, o, strategy_yaml, &p) != SAMLA_OK) {
        samla_pipeline_free(p);
        return CLI_USAGE;
    }
    int rc = CLI_OK;
    cov_plan *plans = samla_arena_alloc(a, (size_t)(nfiles + 1) * sizeof *plans);
    if (!plans) rc = CLI_FAILED;
    for (int i = 0; plans && i < nfiles; i++) {
        samla_diag d;
        samla_diag_init(&d);
        d.file = files[i];
        samla_node *m = NULL;
        samla_status st = samla_pipeline_run(p, files[i], NULL, &d, a, &m);
        if (!o->quiet) cli_print_diag(&d, SAMLA_SEV_WARNING);
        if (st != SAMLA_OK) {
            if (o->quiet || samla_diag_count(&d, SAMLA_SEV_ERROR) == 0) cli_print_failure(files[i], &d, st);
            rc = CLI_FAILED;
            m = NULL;
        }
        plans[i] = (cov_plan){base_name(files[i]), files[i], m};
        if (m) write_yaml(samla_arena_printf(a, "%s/%s.yaml", o->outdir, base_name(files[i])), m);
        samla_diag_clear(&d);
    }
    samla_pipeline_free(p);
    samla_node *report = plans ? cov_build(a, o->strategy, strategy, plans, (size_t)nfiles) : NULL;
    if (!report) return CLI_FAILED;
    /* a plan with nothing to report is no finding: one line each (also with -q, it sets the exit status) */
    for (int i = 0; i < nfiles; i++) {
        const char *status = cov_plan_status(&plans[i]);
        if (!strcmp(status, "no_activities")) {
            fprintf(stderr, "samla coverage: %s: no activities found in the plan; the report shows it as \"no activities "
                    "found\", not as covering nothing\n", files[i]);
            rc = CLI_FAILED;
        } else if (!strcmp(status, "no_links")) {
            fprintf(stderr, "samla coverage: %s: none of its %zu activities links to a goal of %s; is it a plan under "
                    "this strategy?\n", files[i], samla_node_len(samla_map_get(plans[i].model, "activities")),
                    o->strategy);
            rc = CLI_FAILED;
        }
    }
    if (!write_yaml(samla_arena_printf(a, "%s/coverage.yaml", o->outdir), report)) return CLI_FAILED;
    if (o->html || !o->xlsx) {
        char *html = samla_arena_printf(a, "%s/coverage.html", o->outdir);
        FILE *f = html ? fopen(html, "wb") : NULL;
        int werr = f ? cov_write_html(report, f) : -1;
        if (f && fclose(f) != 0) werr = -1;
        if (werr) {
            fprintf(stderr, "samla coverage: %s: cannot write\n", html ? html : o->outdir);
            return CLI_FAILED;
        }
    }
    if (o->xlsx) {
        char *xlsx = samla_arena_printf(a, "%s/coverage.xlsx", o->outdir);
        if (!xlsx || cov_write_xlsx(report, xlsx) != 0) {
            fprintf(stderr, "samla coverage: %s: cannot write\n", xlsx ? xlsx : o->outdir);
            return CLI_FAILED;
        }
    }
    cov_write_terminal(report, stdout);
    return rc;
}

int cmd_coverage(int argc, char **argv)
{
    static const struct option longopts[] = {{"strategy", required_argument, NULL, 's'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"threshold", required_argument, NULL, 't'},
                                             {"top-k", required_argument, NULL, 'k'},
                                             {"pipeline", required_argument, NULL, 'p'},
                                             {"strategy-pipeline", required_argument, NULL, 'S'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    cov_opts o = {.outdir = "coverage", .pipeline = "coverage", .strategy_pipeline = "strategy"};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "s:o:f:t:k:p:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 's': o.strategy = optarg; break;
        case 'o': o.outdir = optarg; break;
        case 'f':
            if (!strcmp(optarg, "html")) o.html = true;
            else if (!strcmp(optarg, "xlsx")) o.xlsx = true;
            else {
                fprintf(stderr, "samla coverage: unknown format '%s' (html or xlsx)\n", optarg);
                return CLI_USAGE;
            }
            break;
        case 't': o.threshold = optarg; break;
        case 'k': o.top_k = optarg; break;
        case 'p': o.pipeline = optarg; break;
        case 'S': o.strategy_pipeline = optarg; break;
        case 'q': o.quiet = true; break;
        case 'h': usage(stdout); return CLI_OK;
        default: usage(stderr); return CLI_USAGE;
        }
    }
    if (!o.strategy) {
        fprintf(stderr, "samla coverage: --strategy FILE is required (see samla coverage --help)\n");
        return CLI_USAGE;
    }
    if (optind >= argc) {
        fprintf(stderr, "samla coverage: no PLAN given (see samla coverage --help)\n");
        return CLI_USAGE;
    }
    samla_runtime *rt = cli_runtime();
    samla_arena *a = rt ? samla_arena_new() : NULL;
    int rc = a ? run(rt, a, &o, argv + optind, argc - optind) : CLI_FAILED;
    samla_arena_free(a);
    samla_runtime_free(rt);
    return rc;
}
