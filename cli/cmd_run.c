/* cmd_run.c: `samla run` and `samla dump`: a pipeline over input files. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "json_model.h"
#include "run_output.h"

typedef struct run_opts {
    const char *outdir;
    const char *format;
    const char **sets;
    size_t nsets;
    bool quiet;
} run_opts;

static void run_usage(FILE *out, const char *cmd)
{
    if (strcmp(cmd, "dump") == 0)
        fprintf(out,
                "Usage: samla dump [OPTIONS] FILE...\n"
                "\n"
                "Reads each FILE (PDF, DOCX or text) and prints the document model the reader\n"
                "produced: pages, blocks (headings, paragraphs, list items, tables, running\n"
                "headers/footers, footnotes) with style hints. Same as `samla run dump FILE`.\n");
    else
        fprintf(out,
                "Usage: samla run [OPTIONS] PIPELINE FILE...\n"
                "\n"
                "Runs PIPELINE (a name from `samla pipelines`, or a path to a pipeline file) over\n"
                "every FILE and writes one model per input: YAML to standard output (JSON\n"
                "formats: one JSON document a line, JSON Lines, when there are several inputs),\n"
                "or DIR/<file name>.yaml with -o (a name taken by an earlier input of the run\n"
                "becomes <file name>~2.yaml, ~3, ...). A failing input is reported on one line\n"
                "and the other inputs are still processed.\n");
    fprintf(out,
            "\n"
            "Options:\n"
            "  -o, --output DIR      write DIR/<input file name>.<format> per input (.yaml, .json,\n"
            "                        .oparl.json, .popolo.json)\n"
            "  -f, --format FORMAT   yaml (default), json, or another writer's format: oparl\n"
            "                        (OParl 1.1), popolo (Popolo JSON); see `samla plugins -v`\n"
            "  -O, --set P.KEY=VAL   set option KEY of the pipeline step P (repeatable)\n"
            "  -q, --quiet           do not print warnings\n"
            "  -h, --help            show this help\n"
            "\n"
            "Exit status: 0 all inputs done, 1 some input failed, 2 usage or pipeline error.\n");
}

/* Runs the pipeline over file into a buffer and writes it to stdout as one
 * compact JSON line (JSON Lines: several JSON models on stdout). Nothing is
 * written for a failed input. */
static samla_status run_json_line(samla_pipeline *p, const char *file, samla_diag *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem) return SAMLA_ERR_NOMEM;
    samla_status st = samla_pipeline_run(p, file, mem, d, NULL, NULL);
    if (fclose(mem) != 0 && st == SAMLA_OK) st = SAMLA_ERR_NOMEM;
    if (st == SAMLA_OK) {
        json_error_t err;
        json_t *j = json_loadb(buf, len, 0, &err);
        char *line = j ? json_compact(j) : NULL;
        if (!line) {
            samla_diag_add(d, SAMLA_SEV_ERROR, 0, "the writer's output is not JSON: %s", j ? "out of memory" : err.text);
            st = SAMLA_ERR_INTERNAL;
        } else if (fputs(line, stdout) == EOF || putchar('\n') == EOF) {
            st = SAMLA_ERR_IO;
        }
        free(line);
        json_decref(j);
    }
    free(buf);
    return st;
}

static int run_files(const char *pipeline_name, char **files, int nfiles, const run_opts *o)
{
    samla_runtime *rt = cli_runtime();
    if (!rt) return CLI_FAILED;
    samla_diag d;
    samla_diag_init(&d);
    samla_pipeline *p = NULL;
    int rc = CLI_OK;
    samla_status st = samla_pipeline_load(rt, pipeline_name, &p, &d);
    /* the writer first, so -O can set its options (-O write-oparl.timezone=...) */
    if (st == SAMLA_OK) st = samla_pipeline_set_output_format(p, o->format, &d);
    for (size_t i = 0; st == SAMLA_OK && i < o->nsets; i++) st = samla_pipeline_set_option(p, o->sets[i], &d);
    if (st == SAMLA_OK) st = samla_pipeline_start(p, &d);
    if (st != SAMLA_OK) {
        cli_print_diag(&d, SAMLA_SEV_ERROR);
        if (samla_diag_count(&d, SAMLA_SEV_ERROR) == 0)
            fprintf(stderr, "samla: %s: %s\n", pipeline_name, samla_status_str(st));
        samla_diag_clear(&d);
        samla_pipeline_free(p);
        samla_runtime_free(rt);
        return CLI_USAGE;
    }
    samla_diag_clear(&d);
    run_output *ro = NULL;
    if (o->outdir && !(ro = run_output_new(o->outdir, o->format, o->quiet))) {
        samla_pipeline_free(p);
        samla_runtime_free(rt);
        return CLI_USAGE;
    }
    /* every format but YAML (a stream of documents) is JSON: several on stdout become JSON Lines */
    bool json_lines = !ro && nfiles > 1 && strcmp(o->format, "yaml") != 0;
    for (int i = 0; i < nfiles; i++) {
        samla_diag_init(&d);
        d.file = files[i];
        FILE *out = stdout;
        if (ro && !(out = run_output_open(ro, files[i]))) {
            rc = CLI_FAILED;
            continue;
        }
        if (json_lines) st = run_json_line(p, files[i], &d);
        else st = samla_pipeline_run(p, files[i], out, &d, NULL, NULL);
        if (!o->quiet) cli_print_diag(&d, SAMLA_SEV_WARNING);
        if (st != SAMLA_OK) {
            if (o->quiet || samla_diag_count(&d, SAMLA_SEV_ERROR) == 0) cli_print_failure(files[i], &d, st);
            rc = CLI_FAILED;
        }
        if (ro && !run_output_commit(ro, out, st == SAMLA_OK)) rc = CLI_FAILED;
        samla_diag_clear(&d);
    }
    run_output_free(ro);
    samla_pipeline_free(p);
    samla_runtime_free(rt);
    return rc;
}

static int run_main(int argc, char **argv, const char *cmd)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"format", required_argument, NULL, 'f'},
                                             {"set", required_argument, NULL, 'O'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    run_opts o = {.format = "yaml"};
    const char *sets[64];
    o.sets = sets;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:f:O:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o.outdir = optarg; break;
        case 'f':
            o.format = optarg; /* a writer plugin must accept it: checked with the pipeline */
            break;
        case 'O':
            if (o.nsets < 64) sets[o.nsets++] = optarg;
            break;
        case 'q': o.quiet = true; break;
        case 'h': run_usage(stdout, cmd); return CLI_OK;
        default: run_usage(stderr, cmd); return CLI_USAGE;
        }
    }
    bool dump = strcmp(cmd, "dump") == 0;
    int need = dump ? 1 : 2;
    if (argc - optind < need) {
        run_usage(stderr, cmd);
        return CLI_USAGE;
    }
    const char *pipeline = dump ? "dump" : argv[optind++];
    return run_files(pipeline, argv + optind, argc - optind, &o);
}

int cmd_run(int argc, char **argv) { return run_main(argc, argv, "run"); }
int cmd_dump(int argc, char **argv) { return run_main(argc, argv, "dump"); }
