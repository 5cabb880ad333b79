/* cmd_compare.c: `samla compare A B` and `samla compare -R DIR FILE...`:
 * structure agreement between document models of the same document (engine in
 * cli/compare/), with minimums for tests. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "compare/compare.h"
#include "options.h"

typedef struct cmp_min {
    const char *text; /* as given */
    int kind;         /* compare_kind, or CMP_NKINDS for reading order */
    int metric;       /* 0 precision, 1 recall, 2 f1 */
    double min;
    bool each;        /* every document, not only the pooled value */
} cmp_min;

typedef struct cmp_opts {
    const char *format;
    const char *output;
    const char *refdir;
    bool verbose, quiet;
    long max_furniture; /* -1: not checked */
    cmp_min *mins;
    size_t nmins;
    compare_config config;
} cmp_opts;

static void compare_usage(FILE *out)
{
    fprintf(out,
            "Usage: samla compare [OPTIONS] A B\n"
            "       samla compare [OPTIONS] -R DIR FILE...\n"
            "\n"
            "Structure agreement of two document models of the same document: how much of\n"
            "the reference A's structure the candidate B holds. A and B are documents (PDF,\n"
            "DOCX, text: read with the dump pipeline), `samla dump` outputs (.yaml, .yml,\n"
            "or .json) or structure files of the producer farm (corpus/farm/structure/),\n"
            "which have the dump's shape. With -R, each FILE is a candidate and its\n"
            "reference is DIR/<stem>.EXT, the first of yaml, yml, json, docx, pdf, txt that\n"
            "exists and is not FILE (stem: the file name without its extensions, so x.pdf\n"
            "and x.pdf.yaml both pair with x.yaml, or with x.docx: `-R corpus/docx\n"
            "corpus/pdf/*.pdf` checks every PDF against its DOCX); scores are pooled.\n"
            "\n"
            "Per kind, the items of A and B are aligned by normalised text (case, spacing,\n"
            "punctuation, line-end hyphenation and Unicode form ignored; an edit-distance\n"
            "ratio of at least --similarity) with an order-preserving match, then the rest\n"
            "in any order. An aligned item is correct when its attributes agree too:\n"
            "  headings      text and level\n"
            "  list_items    text and nesting level\n"
            "  table_cells   text, row and column in its table\n"
            "  paragraphs    text; reading order is reported apart: the share of matched\n"
            "                paragraphs in the same relative order\n"
            "  label_values  label and value ('Label: value' paragraphs, label rows of\n"
            "                tables without a header row, a reader's label/value blocks)\n"
            "Precision = correct / B's items, recall = correct / A's items. Also counted:\n"
            "B's body blocks whose text is one of A's running headers or footers.\n"
            "\n"
            "Options:\n"
            "  -R, --reference-dir DIR  pair every FILE with its reference in DIR\n"
            "  -f, --format FORMAT      table (default), yaml or json\n"
            "  -o, --output FILE        write the report to FILE instead of stdout\n"
            "  -s, --similarity X       edit-distance ratio for a text match (default 0.85)\n"
            "  -m, --min SPEC           fail (exit 1) when the pooled score is below a\n"
            "                           minimum; repeatable. SPEC is KIND[.METRIC]=VALUE,\n"
            "                           KIND one of the kinds above or reading_order,\n"
            "                           METRIC precision, recall or f1 (default f1);\n"
            "                           e.g. 'headings=0.95', 'paragraphs.recall=0.9'\n"
            "  -e, --min-each SPEC      the same minimum for every pair on its own\n"
            "  -F, --max-furniture N    fail when more than N running header/footer blocks\n"
            "                           are in the body (pooled)\n"
            "  -v, --verbose            also report each pair\n"
            "  -d, --details            list every disagreement (missing, extra, wrong\n"
            "                           attributes) on stderr: kind, page, [level or\n"
            "                           row,column], text\n"
            "  -q, --quiet              do not print warnings\n"
            "  -h, --help               show this help\n"
            "\n"
            "Exit status: 0 every minimum holds, 1 some minimum does not (one line each on\n"
            "stderr) or an input could not be read, 2 usage error. See docs/readers.md.\n");
}

static bool parse_min(const char *spec, bool each, cmp_min *m)
{
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec) return false;
    char target[64];
    size_t n = (size_t)(eq - spec);
    if (n >= sizeof target) return false;
    memcpy(target, spec, n);
    target[n] = '\0';
    char *end = NULL;
    double v = strtod(eq + 1, &end);
    if (end == eq + 1 || *end || v < 0 || v > 1) return false;
    *m = (cmp_min){.text = spec, .metric = 2, .min = v, .each = each};
    char *dot = strchr(target, '.');
    if (dot) {
        *dot++ = '\0';
        if (!strcmp(dot, "precision")) m->metric = 0;
        else if (!strcmp(dot, "recall")) m->metric = 1;
        else if (strcmp(dot, "f1")) return false;
    }
    if (!strcmp(target, "reading_order")) {
        m->kind = CMP_NKINDS;
        return !dot;
    }
    for (int k = 0; k < CMP_NKINDS; k++)
        if (!strcmp(target, compare_kind_name((compare_kind)k))) {
            m->kind = k;
            return true;
        }
    return false;
}

static double min_value(const cmp_min *m, const compare_result *r)
{
    if (m->kind == CMP_NKINDS) return compare_order(r);
    const compare_counts *c = &r->kinds[m->kind];
    return m->metric == 0 ? compare_precision(c) : m->metric == 1 ? compare_recall(c) : compare_f1(c);
}

/* Undefined values (nothing on either side) hold. */
static bool check_min(const cmp_min *m, const compare_result *r, const char *what)
{
    double v = min_value(m, r);
    if (isnan(v) || v + 1e-9 >= m->min) return true;
    fprintf(stderr, "samla compare: below minimum: %s%s%s (%.4f)\n", m->text, what ? " in " : "", what ? what : "", v);
    return false;
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && strcmp(s + n - m, suf) == 0;
}

static bool is_model_file(const char *p)
{
    return has_suffix(p, ".yaml") || has_suffix(p, ".yml") || has_suffix(p, ".json");
}

typedef struct cmp_run {
    samla_runtime *rt;
    samla_pipeline *dump;
    const cmp_opts *o;
} cmp_run;

/* The model of path: loaded when it is a model file, else read with the dump
 * pipeline. In arena a; NULL after printing one line. */
static samla_node *load_model(cmp_run *run, samla_arena *a, const char *path)
{
    samla_diag d;
    samla_diag_init(&d);
    d.file = path;
    samla_node *root = NULL;
    samla_status st;
    if (is_model_file(path)) {
        st = samla_model_load_file(a, path, &root, &d);
    } else {
        if (!run->rt && !(run->rt = cli_runtime())) return NULL;
        st = SAMLA_OK;
        if (!run->dump) {
            st = samla_pipeline_load(run->rt, "dump", &run->dump, &d);
            if (st == SAMLA_OK) st = samla_pipeline_start(run->dump, &d);
        }
        FILE *sink = st == SAMLA_OK ? fopen("/dev/null", "w") : NULL;
        if (st == SAMLA_OK && !sink) st = SAMLA_ERR_IO;
        /* the writer step puts `content` into the model; its text goes nowhere */
        if (st == SAMLA_OK) st = samla_pipeline_run(run->dump, path, sink, &d, a, &root);
        if (sink) fclose(sink);
        if (st == SAMLA_OK && !run->o->quiet) cli_print_diag(&d, SAMLA_SEV_WARNING);
    }
    if (st == SAMLA_OK && (!root || root->type != SAMLA_NODE_MAP)) {
        fprintf(stderr, "samla compare: %s: not a YAML/JSON map at the top\n", path);
        root = NULL;
    } else if (st != SAMLA_OK) {
        cli_print_failure(path, &d, st);
        root = NULL;
    } else if (!samla_map_get(root, "content") && !run->o->quiet) {
        fprintf(stderr, "samla compare: %s: warning: no document model (`content`), nothing to compare\n", path);
    }
    samla_diag_clear(&d);
    return root;
}

static bool is_model_ext(const char *ext)
{
    return !strcmp(ext, ".yaml") || !strcmp(ext, ".yml") || !strcmp(ext, ".json");
}

/* The reference of FILE in DIR: DIR/<stem>.EXT for the first EXT of yaml, yml,
 * json, docx, pdf, txt that exists and is not FILE itself (a folder of
 * structure files, dump outputs or documents). stem is the base name without
 * a model extension and then without one document extension (x.pdf.yaml and
 * x.pdf are both x). In
 * arena a; NULL (after one line on stderr) when there is none. */
static char *reference_for(samla_arena *a, const char *dir, const char *file)
{
    const char *base = strrchr(file, '/');
    char *stem = samla_arena_strdup(a, base ? base + 1 : file);
    if (!stem) return NULL;
    char *dot = strrchr(stem, '.');
    if (dot && dot != stem && is_model_ext(dot)) {
        *dot = '\0';
        dot = strrchr(stem, '.');
    }
    if (dot && dot != stem) *dot = '\0';
    static const char *const exts[] = {"yaml", "yml", "json", "docx", "pdf", "txt"};
    struct stat fst;
    bool have_file = stat(file, &fst) == 0;
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++) {
        char *p = samla_arena_printf(a, "%s/%s.%s", dir, stem, exts[i]);
        struct stat st;
        if (!p || stat(p, &st) != 0 || !S_ISREG(st.st_mode)) continue;
        if (have_file && st.st_dev == fst.st_dev && st.st_ino == fst.st_ino) continue;
        return p;
    }
    fprintf(stderr, "samla compare: %s: no reference %s/%s.{yaml,yml,json,docx,pdf,txt}\n", file, dir, stem);
    return NULL;
}

/* Compares one pair; adds to total and (verbose) to the report. 0 ok, 1 an
 * input failed or a per-pair minimum does not hold, 2 OOM. */
static int compare_pair(cmp_run *run, samla_arena *ra, const char *ref, const char *cand, compare_result *total,
                        samla_node *pairs, FILE *table)
{
    const cmp_opts *o = run->o;
    samla_arena *a = samla_arena_new();
    if (!a) return 2;
    int rc = 0;
    samla_node *rm = load_model(run, a, ref);
    samla_node *cm = rm ? load_model(run, a, cand) : NULL;
    compare_doc rd, cd;
    compare_result r = {0};
    if (o->config.details && rm && cm) fprintf(o->config.details, "== %s against %s\n", cand, ref);
    if (!rm || !cm) rc = 1;
    else if (!compare_extract(a, rm, &rd) || !compare_extract(a, cm, &cd) || !compare_docs(a, &o->config, &rd, &cd, &r))
        rc = 2;
    if (rc == 0) {
        compare_result_add(total, &r);
        for (size_t i = 0; i < o->nmins; i++)
            if (o->mins[i].each && !check_min(&o->mins[i], &r, cand)) rc = 1;
        if (o->verbose && table) {
            char *label = samla_arena_printf(a, "%s against %s", cand, ref);
            compare_report_table(table, label ? label : cand, &r);
        } else if (o->verbose && pairs) {
            samla_node *n = compare_report_tree(ra, &r);
            if (!n || !samla_map_set_str(ra, n, "reference", ref) || !samla_map_set_str(ra, n, "candidate", cand) ||
                !samla_seq_append(ra, pairs, n))
                rc = 2;
        }
    }
    samla_arena_free(a);
    return rc;
}

static int compare_main(const cmp_opts *o, char **files, int nfiles)
{
    samla_arena *a = samla_arena_new();
    samla_node *pairs = a ? samla_node_seq(a) : NULL;
    if (!pairs) {
        fprintf(stderr, "samla compare: out of memory\n");
        samla_arena_free(a);
        return CLI_USAGE;
    }
    FILE *out = o->output ? fopen(o->output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "samla compare: %s: cannot write: %s\n", o->output, strerror(errno));
        samla_arena_free(a);
        return CLI_USAGE;
    }
    bool table = strcmp(o->format, "table") == 0;
    cmp_run run = {.o = o};
    compare_result total = {0};
    int rc = CLI_OK;
    for (int i = 0; i < nfiles && rc != CLI_USAGE; i++) {
        const char *ref = o->refdir ? reference_for(a, o->refdir, files[i]) : files[0];
        const char *cand = o->refdir ? files[i] : files[1];
        int r = ref ? compare_pair(&run, a, ref, cand, &total, pairs, table ? out : NULL) : 1;
        if (r == 2) {
            fprintf(stderr, "samla compare: out of memory\n");
            rc = CLI_USAGE;
        } else if (r == 1) {
            rc = CLI_FAILED;
        }
        if (!o->refdir) break;
    }
    if (rc != CLI_USAGE && total.documents == 0) {
        fprintf(stderr, "samla compare: nothing compared\n");
        rc = CLI_FAILED;
    } else if (rc != CLI_USAGE) {
        for (size_t i = 0; i < o->nmins; i++)
            if (!o->mins[i].each && !check_min(&o->mins[i], &total, NULL)) rc = CLI_FAILED;
        if (o->max_furniture >= 0 && total.furniture_body > (size_t)o->max_furniture) {
            fprintf(stderr, "samla compare: %zu running header/footer blocks in the body (at most %ld)\n",
                    total.furniture_body, o->max_furniture);
            rc = CLI_FAILED;
        }
        if (table) {
            compare_report_table(out, o->refdir ? "all pairs (pooled)" : files[1], &total);
        } else {
            samla_node *root = compare_report_tree(a, &total);
            samla_diag d;
            samla_diag_init(&d);
            samla_status st = SAMLA_ERR_NOMEM;
            if (root && samla_map_set_int(a, root, "pairs", (long long)total.documents) &&
                (!o->verbose || samla_map_set(a, root, "per_pair", pairs)))
                st = strcmp(o->format, "json") == 0 ? samla_model_write_json(root, out, &d)
                                                    : samla_model_write_yaml(root, out, &d);
            if (st != SAMLA_OK) {
                cli_print_failure(o->output ? o->output : "stdout", &d, st);
                rc = CLI_USAGE;
            }
            samla_diag_clear(&d);
        }
    }
    if (o->output && fclose(out) != 0 && rc != CLI_USAGE) {
        fprintf(stderr, "samla compare: %s: cannot write: %s\n", o->output, strerror(errno));
        rc = CLI_USAGE;
    }
    samla_pipeline_free(run.dump);
    samla_runtime_free(run.rt);
    samla_arena_free(a);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    static const struct option longopts[] = {{"reference-dir", required_argument, NULL, 'R'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"output", required_argument, NULL, 'o'},
                                             {"similarity", required_argument, NULL, 's'},
                                             {"min", required_argument, NULL, 'm'},
                                             {"min-each", required_argument, NULL, 'e'},
                                             {"max-furniture", required_argument, NULL, 'F'},
                                             {"verbose", no_argument, NULL, 'v'},
                                             {"details", no_argument, NULL, 'd'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    cmp_opts o = {.format = "table", .max_furniture = -1, .config = {.similarity = 0.85}};
    o.mins = calloc((size_t)(argc > 0 ? argc : 1), sizeof *o.mins);
    if (!o.mins) {
        fprintf(stderr, "samla compare: out of memory\n");
        return CLI_USAGE;
    }
    int rc = CLI_USAGE, c;
    unsigned long count;
    optind = 1;
    while ((c = getopt_long(argc, argv, "R:f:o:s:m:e:F:vdqh", longopts, NULL)) != -1) {
        switch (c) {
        case 'R': o.refdir = optarg; break;
        case 'f':
            if (strcmp(optarg, "table") && strcmp(optarg, "yaml") && strcmp(optarg, "json")) {
                fprintf(stderr, "samla compare: unknown format '%s' (table, yaml or json)\n", optarg);
                goto done;
            }
            o.format = optarg;
            break;
        case 'o': o.output = optarg; break;
        case 's':
            if (!cli_option_ratio("compare", "--similarity", optarg, &o.config.similarity)) goto done;
            break;
        case 'm':
        case 'e':
            if (!parse_min(optarg, c == 'e', &o.mins[o.nmins])) {
                fprintf(stderr,
                        "samla compare: --%s '%s': expected KIND[.METRIC]=VALUE (KIND headings, list_items, "
                        "table_cells, paragraphs, label_values or reading_order; METRIC precision, recall or f1; "
                        "VALUE 0..1)\n",
                        c == 'e' ? "min-each" : "min", optarg);
                goto done;
            }
            o.nmins++;
            break;
        case 'F':
            if (!cli_option_whole("compare", "--max-furniture", optarg, NULL, 0, 1000000000, &count)) goto done;
            o.max_furniture = (long)count;
            break;
        case 'v': o.verbose = true; break;
        case 'd': o.config.details = stderr; break;
        case 'q': o.quiet = true; break;
        case 'h':
            compare_usage(stdout);
            rc = CLI_OK;
            goto done;
        default: fprintf(stderr, "Try 'samla compare --help'.\n"); goto done;
        }
    }
    int n = argc - optind;
    if (o.refdir ? n < 1 : n != 2) {
        fprintf(stderr, "samla compare: expected %s (see --help)\n", o.refdir ? "FILE... with -R" : "A and B");
        goto done;
    }
    if (o.refdir) {
        struct stat st;
        if (stat(o.refdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            fprintf(stderr, "samla compare: %s: not a folder\n", o.refdir);
            goto done;
        }
    }
    rc = compare_main(&o, argv + optind, n);
done:
    free(o.mins);
    return rc;
}
