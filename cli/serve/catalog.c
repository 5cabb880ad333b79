/* catalog.c: what `samla serve` can run: plugins, pipelines, output formats,
 * and the JSON bodies of GET /plugins and GET /pipelines (see serve.h). */
#include <glib.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json_model.h"
#include "serve.h"

static json_t *string_list(const char *const *l)
{
    json_t *a = json_array();
    for (; l && *l; l++) json_array_append_new(a, json_string(*l));
    return a;
}

static const char *opt_type(samla_opt_type t)
{
    static const char *const names[] = {"string", "path", "int", "number", "bool", "list"};
    return (unsigned)t < 6 ? names[t] : "unknown";
}

static char *plugins_json(const samla_runtime *rt)
{
    json_t *list = json_array();
    for (size_t i = 0; i < samla_runtime_plugin_count(rt); i++) {
        const samla_plugin *p = samla_runtime_plugin_at(rt, i);
        json_t *o = json_object();
        json_object_set_new(o, "name", json_string(p->name));
        json_object_set_new(o, "version", json_string(p->version ? p->version : ""));
        char abi[16];
        snprintf(abi, sizeof abi, "%u.%u", p->abi_major, p->abi_minor);
        json_object_set_new(o, "abi", json_string(abi));
        json_object_set_new(o, "stage", json_string(samla_stage_name(p->stage) ? samla_stage_name(p->stage) : ""));
        json_object_set_new(o, "description", json_string(p->description ? p->description : ""));
        json_object_set_new(o, "accepts", string_list(p->accepts));
        json_object_set_new(o, "needs", string_list(p->needs));
        json_object_set_new(o, "provides", string_list(p->provides));
        json_t *opts = json_array();
        for (const samla_option *op = p->options; op && op->name; op++) {
            json_t *j = json_object();
            json_object_set_new(j, "name", json_string(op->name));
            json_object_set_new(j, "type", json_string(opt_type(op->type)));
            json_object_set_new(j, "default", op->def ? json_string(op->def) : json_null());
            json_object_set_new(j, "help", json_string(op->help ? op->help : ""));
            json_array_append_new(opts, j);
        }
        json_object_set_new(o, "options", opts);
        json_array_append_new(list, o);
    }
    json_t *root = json_pack("{s:o}", "plugins", list);
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    return s;
}

static char *pipelines_json(const serve_catalog *cat)
{
    json_t *list = json_array();
    for (size_t i = 0; i < cat->pipelines.count; i++) {
        const pipeline_info *pi = &cat->pipelines.items[i];
        json_t *formats = json_array();
        for (char **f = cat->formats; *f; f++)
            if (serve_catalog_writes(cat, pi, *f)) json_array_append_new(formats, json_string(*f));
        json_array_append_new(list, json_pack("{s:s, s:s, s:o, s:o}", "name", pi->name, "description", pi->description,
                                              "steps", string_list((const char *const *)pi->steps), "formats", formats));
    }
    json_t *root = json_pack("{s:o, s:o}", "pipelines", list, "formats", string_list((const char *const *)cat->formats));
    char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    return s;
}

/* The output formats of the writer plugins, first writer of each kept. */
static char **writer_formats(const samla_runtime *rt)
{
    GPtrArray *f = g_ptr_array_new();
    for (size_t i = 0; i < samla_runtime_plugin_count(rt); i++) {
        const samla_plugin *p = samla_runtime_plugin_at(rt, i);
        if (p->stage != SAMLA_STAGE_WRITER) continue;
        for (const char *const *a = p->accepts; a && *a; a++) {
            bool seen = false;
            for (guint k = 0; k < f->len && !seen; k++) seen = strcmp(g_ptr_array_index(f, k), *a) == 0;
            if (!seen) g_ptr_array_add(f, g_strdup(*a));
        }
    }
    g_ptr_array_add(f, NULL);
    return (char **)g_ptr_array_free(f, FALSE);
}

bool serve_catalog_has_format(const serve_catalog *cat, const char *format)
{
    for (char **f = cat->formats; format && f && *f; f++)
        if (strcmp(*f, format) == 0) return true;
    return false;
}

const char *serve_format_mime(const char *format)
{
    return strcmp(format, "yaml") == 0 ? "application/yaml; charset=utf-8" : "application/json";
}

/* The plugin name of "P.KEY=VALUE" (malloc'd) or NULL. */
static char *set_plugin(const char *assignment)
{
    const char *dot = strchr(assignment, '.');
    return dot ? g_strndup(assignment, (gsize)(dot - assignment)) : NULL;
}

samla_status serve_catalog_open(const serve_catalog *cat, const serve_options *o, const pipeline_info *pi,
                                const char *format, samla_pipeline **out, bool *applied, samla_diag *diag)
{
    samla_pipeline *p = NULL;
    samla_status st = samla_pipeline_load(cat->rt, pi->path, &p, diag);
    if (st == SAMLA_OK) st = samla_pipeline_set_output_format(p, format, diag);
    for (size_t i = 0; st == SAMLA_OK && i < o->nsets; i++) {
        char *plugin = set_plugin(o->sets[i]);
        bool here = false;
        for (size_t k = 0; plugin && k < samla_pipeline_step_count(p) && !here; k++)
            here = strcmp(samla_pipeline_step_plugin(p, k)->name, plugin) == 0;
        g_free(plugin);
        if (!here) continue;
        st = samla_pipeline_set_option(p, o->sets[i], diag);
        if (st == SAMLA_OK && applied) applied[i] = true;
    }
    if (st != SAMLA_OK) {
        samla_pipeline_free(p);
        p = NULL;
    }
    *out = p;
    return st;
}

/* Which formats each pipeline can write (the writer's needs met), and every
 * -O loads where it applies and applies somewhere. */
static bool check_variants(serve_catalog *cat, const serve_options *o)
{
    size_t nf = g_strv_length(cat->formats);
    cat->writes = calloc(cat->pipelines.count * nf + 1, sizeof *cat->writes);
    if (!cat->writes) return false;
    bool ok = true, applied[SERVE_MAX_SETS] = {false};
    serve_options bare = {0};
    for (size_t i = 0; i < cat->pipelines.count && ok; i++)
        for (size_t f = 0; f < nf && ok; f++) {
            const pipeline_info *pi = &cat->pipelines.items[i];
            samla_diag d;
            samla_diag_init(&d);
            samla_pipeline *p = NULL;
            cat->writes[i * nf + f] = serve_catalog_open(cat, &bare, pi, cat->formats[f], &p, NULL, &d) == SAMLA_OK;
            samla_pipeline_free(p);
            p = NULL;
            samla_diag_clear(&d);
            if (!cat->writes[i * nf + f] || o->nsets == 0) continue;
            samla_diag_init(&d);
            if (serve_catalog_open(cat, o, pi, cat->formats[f], &p, applied, &d) != SAMLA_OK) {
                cli_print_diag(&d, SAMLA_SEV_ERROR);
                if (samla_diag_count(&d, SAMLA_SEV_ERROR) == 0) fprintf(stderr, "samla serve: %s: bad -O option\n", pi->path);
                ok = false;
            }
            samla_pipeline_free(p);
            samla_diag_clear(&d);
        }
    for (size_t i = 0; ok && i < o->nsets; i++)
        if (!applied[i]) {
            fprintf(stderr, "samla serve: -O %s: no pipeline has that plugin as a step\n", o->sets[i]);
            ok = false;
        }
    return ok;
}

bool serve_catalog_writes(const serve_catalog *cat, const pipeline_info *pi, const char *format)
{
    size_t nf = g_strv_length(cat->formats), i = (size_t)(pi - cat->pipelines.items);
    for (size_t f = 0; f < nf; f++)
        if (strcmp(cat->formats[f], format) == 0) return cat->writes[i * nf + f];
    return false;
}

bool serve_catalog_load(serve_catalog *cat, const serve_options *o)
{
    memset(cat, 0, sizeof *cat);
    cat->rt = cli_runtime();
    if (!cat->rt) return false;
    if (samla_runtime_plugin_count(cat->rt) == 0) {
        fprintf(stderr, "samla serve: no plugins found (set SAMLA_PLUGIN_PATH?)\n");
        serve_catalog_clear(cat);
        return false;
    }
    if (pipeline_list_load(cat->rt, &cat->pipelines) == 0) {
        fprintf(stderr, "samla serve: no pipelines found (set SAMLA_PIPELINE_PATH?)\n");
        serve_catalog_clear(cat);
        return false;
    }
    cat->formats = writer_formats(cat->rt);
    if (!cat->formats[0]) {
        fprintf(stderr, "samla serve: no writer plugin found\n");
        serve_catalog_clear(cat);
        return false;
    }
    if (!check_variants(cat, o)) {
        serve_catalog_clear(cat);
        return false;
    }
    cat->plugins_json = plugins_json(cat->rt);
    cat->pipelines_json = pipelines_json(cat);
    if (!cat->plugins_json || !cat->pipelines_json) {
        fprintf(stderr, "samla serve: out of memory\n");
        serve_catalog_clear(cat);
        return false;
    }
    return true;
}

void serve_catalog_clear(serve_catalog *cat)
{
    pipeline_list_clear(&cat->pipelines);
    g_strfreev(cat->formats);
    free(cat->plugins_json);
    free(cat->pipelines_json);
    free(cat->writes);
    if (cat->rt) samla_runtime_free(cat->rt);
    memset(cat, 0, sizeof *cat);
}
