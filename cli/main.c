/* main.c: `samla` entry point and subcommand dispatch. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const cli_command commands[] = {
    {"run", "run a pipeline over documents and write one model per input", cmd_run},
    {"dump", "show the document model a reader produced (pipeline 'dump')", cmd_dump},
    {"eval", "score outputs against gold files (precision, recall, F1)", cmd_eval},
    {"compare", "structure agreement of two models of one document (P/R/F1 per kind)", cmd_compare},
    {"coverage", "which strategy sub-goals a set of local plans covers", cmd_coverage},
    {"batch", "run a pipeline over an archive into an SQLite store (workers, resume, shards)", cmd_batch},
    {"search", "full-text search and lookups in a batch store", cmd_search},
    {"export", "write the models of a batch store back out (YAML, JSON, JSON Lines)", cmd_export},
    {"merge", "merge batch stores (shards) into one", cmd_merge},
    {"serve", "an HTTP service: POST a document, get its model (JSON or YAML)", cmd_serve},
    {"plugins", "list the plugins found, with ABI, version and stage", cmd_plugins},
    {"pipelines", "list the pipelines found", cmd_pipelines},
    {NULL, NULL, NULL}};

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: samla COMMAND [OPTIONS] [ARGS]\n"
            "\n"
            "samla turns Swedish municipal documents (protocols, plans, strategies; PDF, DOCX,\n"
            "text) into one documented YAML model, by running plugin pipelines.\n"
            "\n"
            "Commands:\n");
    for (const cli_command *c = commands; c->name; c++) fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out,
            "\n"
            "Options:\n"
            "  -h, --help     show this help (`samla COMMAND --help` for a command)\n"
            "  -V, --version  show the version\n"
            "\n"
            "Environment: SAMLA_PLUGIN_PATH, SAMLA_PIPELINE_PATH, SAMLA_DATA_PATH (colon-separated\n"
            "folders searched before the ones beside the binary and in the install prefix).\n"
            "Exit status: 0 success, 1 some input failed, 2 usage or configuration error.\n");
}

char *cli_exe_dir(void)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) return NULL;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (slash) *slash = '\0';
    return strdup(buf);
}

samla_runtime *cli_runtime(void)
{
    char *dir = cli_exe_dir();
    samla_runtime *rt = samla_runtime_new(dir);
    free(dir);
    if (!rt) {
        fprintf(stderr, "samla: out of memory\n");
        return NULL;
    }
    samla_diag d;
    samla_diag_init(&d);
    samla_runtime_load_plugins(rt, &d);
    for (size_t i = 0; i < d.count; i++) d.msgs[i].severity = SAMLA_SEV_WARNING;
    cli_print_diag(&d, SAMLA_SEV_WARNING);
    samla_diag_clear(&d);
    return rt;
}

void cli_print_diag(const samla_diag *d, samla_severity min)
{
    for (size_t i = 0; i < d->count; i++) {
        if (d->msgs[i].severity < min) continue;
        char *s = samla_diag_format(&d->msgs[i]);
        if (s) fprintf(stderr, "samla: %s\n", s);
        free(s);
    }
}

void cli_print_failure(const char *file, const samla_diag *d, samla_status st)
{
    for (size_t i = 0; d && i < d->count; i++) {
        if (d->msgs[i].severity != SAMLA_SEV_ERROR) continue;
        samla_diag_msg m = d->msgs[i];
        if (!m.file) m.file = (char *)file;
        char *s = samla_diag_format(&m);
        if (s) fprintf(stderr, "samla: %s\n", s);
        free(s);
        return;
    }
    fprintf(stderr, "samla: %s: %s\n", file, samla_status_str(st));
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        if (argc > 2 && strcmp(cmd, "help") == 0) {
            for (const cli_command *c = commands; c->name; c++)
                if (!strcmp(c->name, argv[2])) {
                    char *args[] = {argv[2], (char *)"--help", NULL};
                    return c->main(2, args);
                }
        }
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("samla %s (model %d, plugin ABI %d.%d)\n", samla_version(), samla_model_version(), SAMLA_ABI_MAJOR,
               SAMLA_ABI_MINOR);
        return CLI_OK;
    }
    for (const cli_command *c = commands; c->name; c++)
        if (!strcmp(c->name, cmd)) return c->main(argc - 1, argv + 1);
    fprintf(stderr, "samla: unknown command '%s' (see `samla --help`)\n", cmd);
    return CLI_USAGE;
}
