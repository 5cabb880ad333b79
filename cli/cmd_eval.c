/* cmd_eval.c: `samla eval GOLD_DIR OUT_DIR`: scores samla outputs against
 * hand-made gold files (engine in cli/eval/) and checks --min thresholds. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "eval/eval.h"
#include "options.h"

typedef struct eval_opts {
    const char *format; /* table, yaml, json */
    const char *output;
    bool verbose, quiet;
    unsigned modes; /* modes shown in the table: bit 1 << eval_mode */
    eval_threshold *mins;
    size_t nmins;
} eval_opts;

static void eval_usage(FILE *out)
{
    fprintf(out,
            "Usage: samla eval [OPTIONS] GOLD_DIR OUT_DIR\n"
            "\n"
            "Scores samla outputs against hand-made gold files: precision, recall and F1\n"
            "per section, per field and per field group, in three modes: strict (exact\n"
            "strings), soft (case, spacing and punctuation ignored) and fuzzy (soft forms\n"
            "with an edit-distance ratio at least the fuzzy threshold; numbers, codes,\n"
            "dates and kinds compare as in soft mode). Micro-averaged over all documents.\n"
            "\n"
            "OUT_DIR/<stem>.<ext>.yaml (or .json), e.g. plan.pdf.yaml and plan.docx.yaml,\n"
            "are compared with GOLD_DIR/<stem>.yaml. Only the sections listed in the\n"
            "output's samla.sections that the gold has are scored; a gold section given\n"
            "as an empty list expects nothing. Outputs without gold are skipped, gold\n"
            "without output is reported.\n"
            "\n"
            "Options:\n"
            "  -f, --format FORMAT       table (default), yaml or json\n"
            "  -o, --output FILE         write the report to FILE instead of stdout\n"
            "  -t, --fuzzy-threshold X   edit-distance ratio for fuzzy mode (default 0.8)\n"
            "  -M, --mode MODE           show only MODE (strict, soft, fuzzy) in the table;\n"
            "                            repeatable (YAML/JSON reports have every mode)\n"
            "  -m, --min SPEC            fail (exit 1) when a score is below a minimum;\n"
            "                            repeatable. SPEC is TARGET[.METRIC][.MODE]=VALUE:\n"
            "                              TARGET  SECTION (item matching), SECTION.FIELD\n"
            "                                      or SECTION[F1+F2+...] (all fields correct)\n"
            "                              METRIC  precision, recall or f1 (default f1)\n"
            "                              MODE    strict, soft or fuzzy (default soft)\n"
            "                            e.g. 'attendees[name+status+party+roles]=0.95'\n"
            "                                 'links.precision=0.85'\n"
            "                                 'decisions.text.recall.fuzzy=0.7'\n"
            "  -v, --verbose             also score each document on its own\n"
            "  -q, --quiet               do not list skipped outputs and missing gold\n"
            "  -h, --help                show this help\n"
            "\n"
            "Exit status: 0 every minimum holds, 1 some minimum does not (one line each on\n"
            "stderr), 2 usage error (bad folder, bad SPEC, unreadable or malformed file).\n"
            "See docs/eval.md for the matching rules.\n");
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && strcmp(s + n - m, suf) == 0;
}

static bool model_name(const char *name)
{
    return name[0] != '.' && (has_suffix(name, ".yaml") || has_suffix(name, ".yml") || has_suffix(name, ".json"));
}

/* name without its last `drop` suffixes (at least one character kept). In arena a. */
static char *stem_of(samla_arena *a, const char *name, int drop)
{
    char *s = samla_arena_strdup(a, name);
    for (int i = 0; s && i < drop; i++) {
        char *dot = strrchr(s, '.');
        if (!dot || dot == s) break;
        *dot = '\0';
    }
    return s;
}

/* GOLD_DIR/stem.{yaml,yml,json} that exists, or NULL. In arena a. */
static char *gold_path(samla_arena *a, const char *dir, const char *stem)
{
    static const char *const exts[] = {"yaml", "yml", "json"};
    for (size_t i = 0; i < 3; i++) {
        char *p = samla_arena_printf(a, "%s/%s.%s", dir, stem, exts[i]);
        struct stat st;
        if (p && stat(p, &st) == 0 && S_ISREG(st.st_mode)) return p;
    }
    return NULL;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int keep_model(const struct dirent *e)
{
    return model_name(e->d_name);
}

/* Sorted model file names of dir into *list (NULL when dir holds none: scandir
 * allocates nothing then); *n gets the count. False (errno set) when dir cannot
 * be read. Caller frees each entry and the list (free_list). */
static bool list_models(const char *dir, struct dirent ***list, int *n)
{
    *list = NULL;
    *n = scandir(dir, list, keep_model, alphasort);
    if (*n < 0) {
        *n = 0;
        *list = NULL;
        return false;
    }
    return true;
}

static void free_list(struct dirent **list, int n)
{
    for (int i = 0; i < n; i++) free(list[i]);
    free(list);
}

static samla_node *load(samla_arena *a, const char *path)
{
    samla_diag d;
    samla_diag_init(&d);
    d.file = path;
    samla_node *root = NULL;
    samla_status st = samla_model_load_file(a, path, &root, &d);
    if (st == SAMLA_OK && (!root || root->type != SAMLA_NODE_MAP)) {
        fprintf(stderr, "samla: %s: not a YAML/JSON map at the top\n", path);
        root = NULL;
    } else if (st != SAMLA_OK) {
        cli_print_failure(path, &d, st);
        root = NULL;
    }
    samla_diag_clear(&d);
    return root;
}

typedef struct eval_run {
    samla_arena *a;
    eval_config *config;
    eval_counts_set *total;
    samla_node *skipped, *missing, *documents;
    samla_node *keys; /* gold stem each output pairs with (<stem>, or <stem>--<strategy stem>) */
    bool load_error;
} eval_run;

/* The gold of a coverage output (it records its strategy):
 * GOLD_DIR/<stem>--<strategy stem>.yaml, else GOLD_DIR/links/... In arena a. */
static char *pair_gold_path(samla_arena *a, const char *dir, const char *key)
{
    char *p = gold_path(a, dir, key);
    char *sub = p ? NULL : samla_arena_printf(a, "%s/links", dir);
    return p ? p : sub && is_dir(sub) ? gold_path(a, sub, key) : NULL;
}

/* Scores one output file; adds to run->total. false on OOM. */
static bool eval_one(eval_run *run, const eval_opts *o, FILE *report, const char *gold_dir,
                     const char *out_dir, const char *name)
{
    samla_arena *a = run->a;
    char *stem = stem_of(a, name, 2);
    char *out_path = samla_arena_printf(a, "%s/%s", out_dir, name);
    if (!stem || !out_path) return false;
    samla_arena *doc = samla_arena_new();
    if (!doc) return false;
    samla_node *out = load(doc, out_path);
    if (!out) {
        run->load_error = true;
        samla_arena_free(doc);
        return samla_seq_append_str(a, run->keys, stem) != NULL;
    }
    /* a coverage output pairs with the gold of its (plan, strategy), named
     * after the documents it records, so one folder can hold a plan linked to
     * several strategies under any file names */
    char *sstem = eval_links_strategy_stem(a, out);
    char *pstem = sstem ? eval_links_plan_stem(a, out) : NULL;
    char *key = sstem ? samla_arena_printf(a, "%s--%s", pstem ? pstem : stem, sstem) : stem;
    if (!key || !samla_seq_append_str(a, run->keys, key)) {
        samla_arena_free(doc);
        return false;
    }
    char *gpath = sstem ? pair_gold_path(a, gold_dir, key) : gold_path(a, gold_dir, key);
    if (!gpath) {
        if (!o->quiet) fprintf(stderr, "samla eval: %s: no gold %s/%s.yaml, skipped\n", out_path, gold_dir, key);
        samla_seq_append_str(a, run->skipped, out_path);
        samla_arena_free(doc);
        return true;
    }
    bool ok = true;
    samla_node *gold = load(doc, gpath);
    if (!gold) {
        run->load_error = true;
    } else {
        eval_counts_set *dc = eval_counts_new(doc, run->config);
        samla_status st = dc ? eval_links_prepare(doc, gold, out) : SAMLA_ERR_NOMEM;
        if (st == SAMLA_OK) st = eval_document(doc, run->config, gold, out, dc);
        ok = st == SAMLA_OK;
        if (ok) eval_counts_add(run->total, dc);
        if (!samla_map_get(samla_map_get(out, "samla"), "sections") && !o->quiet)
            fprintf(stderr, "samla eval: %s: no samla.sections, nothing scored\n", out_path);
        if (ok && o->verbose) {
            if (strcmp(o->format, "table") == 0) {
                fprintf(report, "== %s (gold %s)\n", out_path, gpath);
                eval_report_table(report, dc, o->modes);
                fprintf(report, "\n");
            } else {
                samla_node *dn = eval_report_tree(a, dc);
                ok = dn && samla_map_set_str(a, dn, "output", out_path) && samla_map_set_str(a, dn, "gold", gpath) &&
                     samla_seq_append(a, run->documents, dn);
            }
        }
    }
    samla_arena_free(doc);
    return ok;
}

/* Gold files whose stem no output pairs with (GOLD_DIR, and GOLD_DIR/links
 * when some output is a coverage output). */
static bool find_missing_in(eval_run *run, const eval_opts *o, const char *gold_dir)
{
    int n = 0;
    struct dirent **golds = NULL;
    if (!list_models(gold_dir, &golds, &n)) {
        fprintf(stderr, "samla eval: %s: cannot list: %s\n", gold_dir, strerror(errno));
        run->load_error = true;
        return true;
    }
    bool ok = true;
    for (int i = 0; ok && i < n; i++) {
        char *gstem = stem_of(run->a, golds[i]->d_name, 1);
        bool found = false;
        for (size_t j = 0; gstem && !found && j < samla_node_len(run->keys); j++) {
            const samla_node *k = samla_seq_at(run->keys, j);
            found = k && k->type == SAMLA_NODE_STRING && strcmp(k->u.s, gstem) == 0;
        }
        if (!gstem) ok = false;
        if (ok && !found) {
            char *p = samla_arena_printf(run->a, "%s/%s", gold_dir, golds[i]->d_name);
            if (!o->quiet && p) fprintf(stderr, "samla eval: %s: gold without output\n", p);
            ok = p && samla_seq_append_str(run->a, run->missing, p);
        }
    }
    free_list(golds, n);
    return ok;
}

static bool find_missing(eval_run *run, const eval_opts *o, const char *gold_dir)
{
    bool ok = find_missing_in(run, o, gold_dir);
    bool pairs = false;
    for (size_t j = 0; j < samla_node_len(run->keys) && !pairs; j++) {
        const samla_node *k = samla_seq_at(run->keys, j);
        pairs = k && k->type == SAMLA_NODE_STRING && strstr(k->u.s, "--");
    }
    char *sub = ok && pairs ? samla_arena_printf(run->a, "%s/links", gold_dir) : NULL;
    if (sub && is_dir(sub)) ok = find_missing_in(run, o, sub);
    return ok;
}

static int check_thresholds(const eval_run *run, const eval_opts *o, samla_node *root)
{
    static const char *const metric_names[] = {"precision", "recall", "f1"};
    int rc = CLI_OK;
    samla_node *list = o->nmins ? samla_map_ensure_seq(run->a, root, "thresholds") : NULL;
    for (size_t i = 0; i < o->nmins; i++) {
        const eval_threshold *t = &o->mins[i];
        bool defined = false;
        double v = eval_threshold_value(run->total, t, &defined);
        bool ok = defined && v + 1e-9 >= t->min;
        if (!ok) {
            rc = CLI_FAILED;
            if (defined)
                fprintf(stderr, "samla eval: below minimum: %s (%s %s %.4f)\n", t->text, eval_mode_name(t->mode),
                        metric_names[t->metric], v);
            else
                fprintf(stderr, "samla eval: below minimum: %s (%s %s undefined: %s)\n", t->text,
                        eval_mode_name(t->mode), metric_names[t->metric],
                        run->total->sections[t->section].documents ? "no items on one side" : "section never scored");
        }
        samla_node *tn = list ? samla_seq_append(run->a, list, samla_node_map(run->a)) : NULL;
        if (tn) {
            samla_map_set_str(run->a, tn, "spec", t->text);
            samla_map_set(run->a, tn, "value", defined ? samla_node_float(run->a, v) : samla_node_null(run->a));
            samla_map_set_bool(run->a, tn, "ok", ok);
        }
    }
    return rc;
}

static int write_report(eval_run *run, const eval_opts *o, FILE *out, samla_node *root)
{
    samla_diag d;
    samla_diag_init(&d);
    samla_status st = SAMLA_OK;
    if (strcmp(o->format, "table") == 0) {
        if (o->verbose) fprintf(out, "== all documents (micro-average)\n");
        eval_report_table(out, run->total, o->modes);
    } else if (strcmp(o->format, "json") == 0)
        st = samla_model_write_json(root, out, &d);
    else
        st = samla_model_write_yaml(root, out, &d);
    if (st != SAMLA_OK) cli_print_failure(o->output ? o->output : "stdout", &d, st);
    samla_diag_clear(&d);
    return st == SAMLA_OK ? CLI_OK : CLI_USAGE;
}

static int eval_dirs(eval_run *run, const eval_opts *o, const char *gold_dir, const char *out_dir)
{
    int nouts = 0;
    struct dirent **outs = NULL;
    if (!list_models(out_dir, &outs, &nouts)) {
        fprintf(stderr, "samla eval: %s: cannot list: %s\n", out_dir, strerror(errno));
        return CLI_USAGE;
    }
    /* an empty output folder is scored (every gold missing), not taken for an unreadable one */
    if (nouts == 0) fprintf(stderr, "samla eval: warning: %s: no model files (*.yaml) to score\n", out_dir);
    FILE *report = o->output ? fopen(o->output, "w") : stdout;
    if (!report) {
        fprintf(stderr, "samla eval: %s: cannot write: %s\n", o->output, strerror(errno));
        free_list(outs, nouts);
        return CLI_USAGE;
    }
    samla_arena *a = run->a;
    run->skipped = samla_node_seq(a);
    run->missing = samla_node_seq(a);
    run->documents = samla_node_seq(a);
    run->keys = samla_node_seq(a);
    bool ok = run->skipped && run->missing && run->documents && run->keys;
    size_t scored = 0;
    for (int i = 0; ok && i < nouts; i++) {
        size_t before = samla_node_len(run->skipped);
        ok = eval_one(run, o, report, gold_dir, out_dir, outs[i]->d_name);
        scored += samla_node_len(run->skipped) == before;
    }
    if (ok) ok = find_missing(run, o, gold_dir);
    free_list(outs, nouts);
    /* the run's facts first, then the scores */
    samla_node *scores = ok ? eval_report_tree(a, run->total) : NULL;
    samla_node *root = scores ? samla_node_map(a) : NULL;
    if (root) {
        samla_map_set_str(a, root, "gold", gold_dir);
        samla_map_set_str(a, root, "output", out_dir);
        samla_map_set_int(a, root, "documents", (long long)scored);
        samla_map_set(a, root, "skipped", run->skipped);
        samla_map_set(a, root, "missing", run->missing);
        for (size_t i = 0; i < scores->u.map.count; i++)
            samla_map_set(a, root, scores->u.map.items[i].key, scores->u.map.items[i].value);
    }
    if (!root) {
        fprintf(stderr, "samla eval: out of memory\n");
        if (o->output) fclose(report);
        return CLI_USAGE;
    }
    if (o->verbose) samla_map_set(a, root, "per_document", run->documents);
    int rc = check_thresholds(run, o, root);
    int wrc = write_report(run, o, report, root);
    if (o->output && fclose(report) != 0 && wrc == CLI_OK) {
        fprintf(stderr, "samla eval: %s: cannot write: %s\n", o->output, strerror(errno));
        wrc = CLI_USAGE;
    }
    if (run->load_error || wrc != CLI_OK) return CLI_USAGE;
    return rc;
}

int cmd_eval(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"fuzzy-threshold", required_argument, NULL, 't'},
                                             {"min", required_argument, NULL, 'm'},
                                             {"mode", required_argument, NULL, 'M'},
                                             {"verbose", no_argument, NULL, 'v'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    eval_run run = {0};
    run.a = samla_arena_new();
    run.config = run.a ? eval_config_default(run.a) : NULL;
    if (!run.config) {
        fprintf(stderr, "samla eval: out of memory\n");
        samla_arena_free(run.a);
        return CLI_USAGE;
    }
    eval_opts o = {.format = "table"};
    o.mins = samla_arena_alloc(run.a, (size_t)(argc > 0 ? argc : 1) * sizeof *o.mins);
    int rc = CLI_USAGE, c;
    optind = 1;
    while (o.mins && (c = getopt_long(argc, argv, "f:o:t:m:M:vqh", longopts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "table") && strcmp(optarg, "yaml") && strcmp(optarg, "json")) {
                fprintf(stderr, "samla eval: unknown format '%s' (table, yaml or json)\n", optarg);
                goto done;
            }
            o.format = optarg;
            break;
        case 'o': o.output = optarg; break;
        case 't':
            if (!cli_option_ratio("eval", "--fuzzy-threshold", optarg, &run.config->fuzzy)) goto done;
            break;
        case 'm': {
            const char *msg = "bad spec";
            if (!eval_threshold_parse(run.a, run.config, optarg, &o.mins[o.nmins], &msg)) {
                fprintf(stderr, "samla eval: --min '%s': %s\n", optarg, msg);
                goto done;
            }
            o.nmins++;
            break;
        }
        case 'M': {
            int m = 0;
            while (m < EVAL_NMODES && strcmp(optarg, eval_mode_name((eval_mode)m)) != 0) m++;
            if (m == EVAL_NMODES) {
                fprintf(stderr, "samla eval: unknown mode '%s' (strict, soft or fuzzy)\n", optarg);
                goto done;
            }
            o.modes |= 1u << m;
            break;
        }
        case 'v': o.verbose = true; break;
        case 'q': o.quiet = true; break;
        case 'h':
            eval_usage(stdout);
            rc = CLI_OK;
            goto done;
        default: fprintf(stderr, "Try 'samla eval --help'.\n"); goto done;
        }
    }
    if (!o.modes) o.modes = (1u << EVAL_NMODES) - 1;
    if (argc - optind != 2) {
        fprintf(stderr, "samla eval: expected GOLD_DIR and OUT_DIR (see --help)\n");
        goto done;
    }
    for (int i = optind; i < argc; i++)
        if (!is_dir(argv[i])) {
            fprintf(stderr, "samla eval: %s: not a folder\n", argv[i]);
            goto done;
        }
    run.total = eval_counts_new(run.a, run.config);
    if (!run.total) {
        fprintf(stderr, "samla eval: out of memory\n");
        goto done;
    }
    rc = eval_dirs(&run, &o, argv[optind], argv[optind + 1]);
done:
    samla_arena_free(run.a);
    return rc;
}
