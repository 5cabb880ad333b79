/* cmd_plugins.c: `samla plugins` and `samla pipelines`: what this installation can run. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pipeline_list.h"

static void print_list(const char *label, const char *const *l)
{
    if (!l || !*l) return;
    printf("    %s:", label);
    for (; *l; l++) printf(" %s", *l);
    printf("\n");
}

static const char *opt_type(samla_opt_type t)
{
    static const char *const names[] = {"string", "path", "int", "number", "bool", "list"};
    return (unsigned)t < 6 ? names[t] : "?";
}

int cmd_plugins(int argc, char **argv)
{
    bool verbose = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) verbose = true;
        else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            printf("Usage: samla plugins [-v]\n\nLists the plugins found (name, version, plugin ABI, stage,\n"
                   "description); -v adds accepted formats, model sections and options.\n");
            return CLI_OK;
        } else {
            fprintf(stderr, "samla plugins: unknown argument '%s'\n", argv[i]);
            return CLI_USAGE;
        }
    }
    samla_runtime *rt = cli_runtime();
    if (!rt) return CLI_FAILED;
    size_t n = samla_runtime_plugin_count(rt);
    printf("%-18s %-8s %-5s %-11s %s\n", "PLUGIN", "VERSION", "ABI", "STAGE", "DESCRIPTION");
    for (size_t i = 0; i < n; i++) {
        const samla_plugin *p = samla_runtime_plugin_at(rt, i);
        char abi[16];
        snprintf(abi, sizeof abi, "%u.%u", p->abi_major, p->abi_minor);
        printf("%-18s %-8s %-5s %-11s %s\n", p->name, p->version ? p->version : "-", abi, samla_stage_name(p->stage),
               p->description ? p->description : "");
        if (!verbose) continue;
        printf("    file: %s\n", samla_runtime_plugin_path(rt, i));
        print_list("accepts", p->accepts);
        print_list("needs", p->needs);
        print_list("provides", p->provides);
        for (const samla_option *o = p->options; o && o->name; o++)
            printf("    option %s (%s, default %s): %s\n", o->name, opt_type(o->type), o->def ? o->def : "none",
                   o->help ? o->help : "");
    }
    if (n == 0) {
        fprintf(stderr, "samla: no plugins found in:");
        for (const char *const *d = samla_runtime_plugin_dirs(rt); *d; d++) fprintf(stderr, " %s", *d);
        fprintf(stderr, " (set SAMLA_PLUGIN_PATH?)\n");
    }
    samla_runtime_free(rt);
    return n ? CLI_OK : CLI_FAILED;
}

int cmd_pipelines(int argc, char **argv)
{
    if (argc > 1) {
        if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
            printf("Usage: samla pipelines\n\nLists the pipeline files found (name, description, path); a name found in\n"
                   "two folders is listed once, as `samla run NAME` finds it.\n");
            return CLI_OK;
        }
        fprintf(stderr, "samla pipelines: unknown argument '%s'\n", argv[1]);
        return CLI_USAGE;
    }
    samla_runtime *rt = cli_runtime();
    if (!rt) return CLI_FAILED;
    pipeline_list l = {0};
    size_t shown = pipeline_list_load(rt, &l);
    for (size_t i = 0; i < l.count; i++)
        printf("%-12s %s\n             %s\n", l.items[i].name, l.items[i].description, l.items[i].path);
    pipeline_list_clear(&l);
    samla_runtime_free(rt);
    return shown ? CLI_OK : CLI_FAILED;
}
