/* cmd_run.c: `samla run` and `samla dump`: a pipeline over input files. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

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
                "every FILE and writes one model per input: YAML to standard output, or\n"
                "DIR/<file name>.yaml with -o. A failing input is reported on one line and the\n"
                "other inputs are still processed.\n");
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

static char *output_path(const char *dir, const char *input, const char *format)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    /* the JSON-based exports keep .json last, so other tools know the file */
    bool json_based = strcmp(format, "yaml") != 0 && strcmp(format, "json") != 0;
    size_t n = strlen(dir) + strlen(base) + strlen(format) + 16;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s.%s%s", dir, base, format, json_based ? ".json" : "");
    return p;
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
    if (o->outdir && mkdir(o->outdir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "samla: %s: cannot create folder: %s\n", o->outdir, strerror(errno));
        samla_pipeline_free(p);
        samla_runtime_free(rt);
        return CLI_USAGE;
    }
    for (int i = 0; i < nfiles; i++) {
        samla_diag_init(&d);
        d.file = files[i];
        FILE *out = stdout;
        char *path = NULL, *tmp = NULL;
        if (o->outdir) {
            path = output_path(o->outdir, files[i], o->format);
            size_t n = path ? strlen(path) + 16 : 0;
            tmp = path ? malloc(n) : NULL;
            if (tmp) snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
            out = tmp ? fopen(tmp, "wb") : NULL;
            if (!out) {
                fprintf(stderr, "samla: %s: cannot write: %s\n", path ? path : o->outdir, strerror(errno));
                free(path);
                free(tmp);
                rc = CLI_FAILED;
                continue;
            }
        }
        st = samla_pipeline_run(p, files[i], out, &d, NULL, NULL);
        if (!o->quiet) cli_print_diag(&d, SAMLA_SEV_WARNING);
        if (o->outdir) {
            int cerr = fclose(out);
            if (st == SAMLA_OK && cerr == 0 && rename(tmp, path) == 0) {
                /* done */
            } else {
                unlink(tmp);
                if (st == SAMLA_OK) st = SAMLA_ERR_IO;
            }
        }
        if (st != SAMLA_OK) {
            if (o->quiet || samla_diag_count(&d, SAMLA_SEV_ERROR) == 0) cli_print_failure(files[i], &d, st);
            rc = CLI_FAILED;
        }
        free(path);
        free(tmp);
        samla_diag_clear(&d);
    }
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
