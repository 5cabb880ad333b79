/* pipeline.c: parsing and checking pipeline files (libyaml document API, for line numbers). */
#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "runtime_internal.h"

#define PIPELINE_MAX_STEPS 64
#define PIPELINE_MAX_BYTES (1024 * 1024)

typedef struct parse_ctx {
    yaml_document_t doc;
    const char *file;
    samla_diag *diag;
} parse_ctx;

static int line_of(const yaml_node_t *n) { return n ? (int)n->start_mark.line + 1 : 0; }

static const char *scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static void step_free(pipeline_step *s)
{
    if (s->started && s->plugin->fini) s->plugin->fini(s->state);
    free(s->config);
    samla_arena_free(s->opt_arena);
}

void samla_pipeline_free(samla_pipeline *p)
{
    if (!p) return;
    for (size_t i = 0; i < p->nsteps; i++) step_free(&p->steps[i]);
    free(p->steps);
    free(p->path);
    free(p->dir);
    free(p->name);
    free(p->description);
    free(p);
}

static samla_status step_init(samla_pipeline *p, pipeline_step *s, const samla_plugin *pl, int line,
                              samla_diag *diag)
{
    memset(s, 0, sizeof *s);
    s->plugin = pl;
    s->line = line;
    s->opt_arena = samla_arena_new();
    s->config = calloc(1, pl->config_size ? pl->config_size : 1);
    if (!s->opt_arena || !s->config) return SAMLA_ERR_NOMEM;
    samla_status st = samla_options_defaults(pl, s->config, s->opt_arena, p->dir, diag);
    return st;
}

static samla_status parse_options(parse_ctx *c, samla_pipeline *p, pipeline_step *s, yaml_node_t *opts)
{
    if (opts->type != YAML_MAPPING_NODE) {
        samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(opts), "'options' must be a mapping");
        return SAMLA_ERR_CONFIG;
    }
    for (yaml_node_pair_t *pr = opts->data.mapping.pairs.start; pr < opts->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(&c->doc, pr->key);
        yaml_node_t *v = yaml_document_get_node(&c->doc, pr->value);
        const char *key = scalar(k);
        if (!key || !v) {
            samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(k), "option names must be plain words");
            return SAMLA_ERR_CONFIG;
        }
        const char *vals[256];
        size_t n = 0;
        bool is_list = false;
        if (v->type == YAML_SCALAR_NODE) {
            vals[n++] = scalar(v);
        } else if (v->type == YAML_SEQUENCE_NODE) {
            is_list = true;
            for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top && n < 256; it++) {
                const char *sv = scalar(yaml_document_get_node(&c->doc, *it));
                if (!sv) {
                    samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(v),
                                      "option '%s': list items must be strings", key);
                    return SAMLA_ERR_CONFIG;
                }
                vals[n++] = sv;
            }
        } else {
            samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(v),
                              "option '%s' must be a value or a list", key);
            return SAMLA_ERR_CONFIG;
        }
        samla_status st = samla_option_set(s->plugin, s->config, s->opt_arena, p->dir, key, vals, n, is_list,
                                           c->file, line_of(k), c->diag);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}

static bool list_has(const char *const *l, const char *s)
{
    for (; l && *l; l++)
        if (strcmp(*l, s) == 0) return true;
    return false;
}

/* The whole-pipeline check: readers first, writers last, needs satisfied. */
static samla_status check_pipeline(samla_pipeline *p, samla_diag *diag)
{
    const char *have[65] = {NULL}; /* NULL-terminated for list_has */
    size_t nhave = 0;
    have[nhave++] = "document";
    bool seen_reader = false, seen_other = false, kind_decided = false;
    for (size_t i = 0; i < p->nsteps; i++) {
        const samla_plugin *pl = p->steps[i].plugin;
        int line = p->steps[i].line;
        const step_when *w = &p->steps[i].when;
        if (w->set && (pl->stage == SAMLA_STAGE_READER || pl->stage == SAMLA_STAGE_WRITER)) {
            /* readers are chosen by format already; a writer always writes what the steps made */
            samla_diag_add_at(diag, SAMLA_SEV_ERROR, p->path, w->line, "the %s '%s' cannot carry 'when'",
                              samla_stage_name(pl->stage), pl->name);
            return SAMLA_ERR_CONFIG;
        }
        if (w->kinds && !kind_decided) {
            samla_diag_add_at(diag, SAMLA_SEV_ERROR, p->path, w->line,
                              "'when: kind' on '%s', but no earlier step decides the document kind (put a step that "
                              "provides 'document', such as extract-document, before it)",
                              pl->name);
            return SAMLA_ERR_CONFIG;
        }
        if (pl->stage == SAMLA_STAGE_READER) {
            if (seen_other) {
                samla_diag_add_at(diag, SAMLA_SEV_ERROR, p->path, line,
                                  "reader '%s' must come before the other steps", pl->name);
                return SAMLA_ERR_CONFIG;
            }
            seen_reader = true;
        } else {
            seen_other = true;
            if (!seen_reader) {
                samla_diag_add_at(diag, SAMLA_SEV_ERROR, p->path, line,
                                  "the pipeline has no reader before '%s'", pl->name);
                return SAMLA_ERR_CONFIG;
            }
        }
        if (pl->stage == SAMLA_STAGE_WRITER) {
            for (size_t j = i + 1; j < p->nsteps; j++)
                if (p->steps[j].plugin->stage != SAMLA_STAGE_WRITER) {
                    samla_diag_add_at(diag, SAMLA_SEV_ERROR, p->path, p->steps[j].line,
                                      "step '%s' comes after the writer '%s'", p->steps[j].plugin->name, pl->name);
                    return SAMLA_ERR_CONFIG;
                }
        }
        for (const char *const *n = pl->needs; n && *n; n++) {
            bool ok = false;
            for (size_t k = 0; k < nhave && !ok; k++) ok = strcmp(have[k], *n) == 0;
            if (!ok) {
                samla_diag_add_at(diag, SAMLA_SEV_ERROR, p->path, line,
                                  "'%s' needs the '%s' section, which no earlier step provides", pl->name, *n);
                return SAMLA_ERR_CONFIG;
            }
        }
        for (const char *const *n = pl->provides; n && *n && nhave < 64; n++)
            if (!list_has(have, *n)) have[nhave++] = *n;
        /* an unconditioned step that provides `document` decides the kind for the steps after it */
        if (pl->stage != SAMLA_STAGE_READER && !w->set && list_has(pl->provides, "document")) kind_decided = true;
    }
    if (!seen_reader) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, p->path, 0, "the pipeline has no reader step");
        return SAMLA_ERR_CONFIG;
    }
    return SAMLA_OK;
}

static samla_status parse_steps(parse_ctx *c, samla_pipeline *p, yaml_node_t *steps)
{
    if (steps->type != YAML_SEQUENCE_NODE) {
        samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(steps), "'steps' must be a list");
        return SAMLA_ERR_CONFIG;
    }
    size_t n = (size_t)(steps->data.sequence.items.top - steps->data.sequence.items.start);
    if (n > PIPELINE_MAX_STEPS) {
        samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(steps), "more than %d steps", PIPELINE_MAX_STEPS);
        return SAMLA_ERR_CONFIG;
    }
    p->steps = calloc(n ? n : 1, sizeof *p->steps);
    if (!p->steps) return SAMLA_ERR_NOMEM;
    for (yaml_node_item_t *it = steps->data.sequence.items.start; it < steps->data.sequence.items.top; it++) {
        yaml_node_t *step = yaml_document_get_node(&c->doc, *it);
        const char *plugin_name = NULL;
        yaml_node_t *opts = NULL, *name_node = NULL, *when = NULL;
        if (step->type == YAML_SCALAR_NODE) {
            plugin_name = scalar(step);
            name_node = step;
        } else if (step->type == YAML_MAPPING_NODE) {
            for (yaml_node_pair_t *pr = step->data.mapping.pairs.start; pr < step->data.mapping.pairs.top; pr++) {
                yaml_node_t *k = yaml_document_get_node(&c->doc, pr->key);
                yaml_node_t *v = yaml_document_get_node(&c->doc, pr->value);
                const char *key = scalar(k);
                if (key && strcmp(key, "plugin") == 0) {
                    plugin_name = scalar(v);
                    name_node = v;
                } else if (key && strcmp(key, "options") == 0) {
                    opts = v;
                } else if (key && strcmp(key, "when") == 0) {
                    when = v;
                } else {
                    samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(k),
                                      "unknown step key '%s' (a step has 'plugin', 'options' and 'when')",
                                      key ? key : "?");
                    return SAMLA_ERR_CONFIG;
                }
            }
        }
        if (!plugin_name) {
            samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(step), "step without a 'plugin' name");
            return SAMLA_ERR_CONFIG;
        }
        const samla_plugin *pl = samla_runtime_find_plugin(p->rt, plugin_name);
        if (!pl) {
            samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(name_node),
                              "unknown plugin '%s' (see `samla plugins`)", plugin_name);
            return SAMLA_ERR_CONFIG;
        }
        pipeline_step *s = &p->steps[p->nsteps++];
        samla_status st = step_init(p, s, pl, line_of(name_node), c->diag);
        if (st == SAMLA_OK && opts) st = parse_options(c, p, s, opts);
        if (st == SAMLA_OK && when) st = samla_step_when_parse(&c->doc, when, c->file, &s->when, c->diag);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}

static samla_status parse_file(parse_ctx *c, samla_pipeline *p)
{
    yaml_node_t *root = yaml_document_get_root_node(&c->doc);
    if (!root || root->type != YAML_MAPPING_NODE) {
        samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(root),
                          "a pipeline is a mapping with 'name', 'description' and 'steps'");
        return SAMLA_ERR_CONFIG;
    }
    yaml_node_t *steps = NULL;
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top; pr++) {
        yaml_node_t *k = yaml_document_get_node(&c->doc, pr->key);
        yaml_node_t *v = yaml_document_get_node(&c->doc, pr->value);
        const char *key = scalar(k);
        if (key && strcmp(key, "name") == 0 && scalar(v)) {
            free(p->name);
            p->name = strdup(scalar(v));
        } else if (key && strcmp(key, "description") == 0 && scalar(v)) {
            free(p->description); /* a repeated key: the last one counts, as for name */
            p->description = strdup(scalar(v));
        } else if (key && strcmp(key, "steps") == 0) {
            steps = v;
        } else {
            samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(k),
                              "unknown pipeline key '%s' (expected name, description, steps)", key ? key : "?");
            return SAMLA_ERR_CONFIG;
        }
    }
    if (!steps) {
        samla_diag_add_at(c->diag, SAMLA_SEV_ERROR, c->file, line_of(root), "the pipeline has no 'steps'");
        return SAMLA_ERR_CONFIG;
    }
    samla_status st = parse_steps(c, p, steps);
    return st == SAMLA_OK ? check_pipeline(p, c->diag) : st;
}

static char *stem_of(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    char *s = strdup(b);
    if (s) {
        char *dot = strrchr(s, '.');
        if (dot && dot != s) *dot = '\0';
    }
    return s;
}

/* libyaml's scanner costs O(depth) per token in nested flow collections, so a
 * small file of deeply nested brackets takes seconds to load: a pipeline is read
 * by events first and refused beyond PIPELINE_MAX_DEPTH levels (a real one has 4),
 * then rewound. False after an error naming the file and line. */
#define PIPELINE_MAX_DEPTH 32
static bool nesting_ok(FILE *f, const char *path, samla_diag *diag)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) return false;
    yaml_parser_set_input_file(&parser, f);
    int depth = 0;
    bool ok = true, done = false;
    while (ok && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) break; /* the loader below reports the syntax error */
        if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) depth++;
        if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) depth--;
        if (depth > PIPELINE_MAX_DEPTH) {
            samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, (int)ev.start_mark.line + 1,
                              "nested deeper than %d levels", PIPELINE_MAX_DEPTH);
            ok = false;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    rewind(f);
    return ok;
}

samla_status samla_pipeline_load(samla_runtime *rt, const char *name_or_path, samla_pipeline **out,
                                 samla_diag *diag)
{
    *out = NULL;
    char *path = samla_runtime_find_pipeline(rt, name_or_path);
    if (!path) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, name_or_path, 0,
                          "no such pipeline (not in the pipeline folders, not a file; see `samla pipelines`)");
        return SAMLA_ERR_CONFIG;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, 0, "cannot open: %s", strerror(errno));
        free(path);
        return SAMLA_ERR_IO;
    }
    samla_pipeline *p = calloc(1, sizeof *p);
    if (!p) {
        fclose(f);
        free(path);
        return SAMLA_ERR_NOMEM;
    }
    p->rt = rt;
    p->path = path;
    char *tmp = strdup(path);
    p->dir = tmp ? strdup(dirname(tmp)) : NULL;
    free(tmp);
    p->name = stem_of(path);
    parse_ctx c = {.file = path, .diag = diag};
    yaml_parser_t parser;
    samla_status st = SAMLA_ERR_CONFIG;
    if (!nesting_ok(f, path, diag)) {
        /* reported */
    } else if (yaml_parser_initialize(&parser)) {
        yaml_parser_set_input_file(&parser, f);
        if (!yaml_parser_load(&parser, &c.doc)) {
            samla_diag_add_at(diag, SAMLA_SEV_ERROR, path, (int)parser.problem_mark.line + 1, "YAML: %s",
                              parser.problem ? parser.problem : "parse error");
        } else {
            st = parse_file(&c, p);
            yaml_document_delete(&c.doc);
        }
        yaml_parser_delete(&parser);
    }
    fclose(f);
    if (st != SAMLA_OK) {
        samla_pipeline_free(p);
        return st;
    }
    *out = p;
    return SAMLA_OK;
}

const char *samla_pipeline_name(const samla_pipeline *p) { return p->name; }
const char *samla_pipeline_description(const samla_pipeline *p) { return p->description ? p->description : ""; }
const char *samla_pipeline_path(const samla_pipeline *p) { return p->path; }
size_t samla_pipeline_step_count(const samla_pipeline *p) { return p->nsteps; }
const samla_plugin *samla_pipeline_step_plugin(const samla_pipeline *p, size_t i)
{
    return i < p->nsteps ? p->steps[i].plugin : NULL;
}

samla_status samla_pipeline_set_option(samla_pipeline *p, const char *assignment, samla_diag *diag)
{
    const char *dot = strchr(assignment, '.');
    const char *eq = strchr(assignment, '=');
    if (!dot || !eq || eq < dot) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "option '%s' must look like plugin.key=value", assignment);
        return SAMLA_ERR_CONFIG;
    }
    char plugin[128], key[128];
    snprintf(plugin, sizeof plugin, "%.*s", (int)(dot - assignment), assignment);
    snprintf(key, sizeof key, "%.*s", (int)(eq - dot - 1), dot + 1);
    const char *value = eq + 1;
    for (size_t i = 0; i < p->nsteps; i++) {
        pipeline_step *s = &p->steps[i];
        if (strcmp(s->plugin->name, plugin) != 0) continue;
        const char *vals[1] = {value};
        return samla_option_set(s->plugin, s->config, s->opt_arena, NULL, key, vals, 1, false, "command line", 0,
                                diag);
    }
    samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "pipeline '%s' has no step '%s'", p->name, plugin);
    return SAMLA_ERR_CONFIG;
}

/* Copies bool/int/double options that both writers declare with the same name and type. */
static void carry_options(const pipeline_step *from, pipeline_step *to)
{
    for (const samla_option *o = to->plugin->options; o && o->name; o++) {
        for (const samla_option *f = from->plugin->options; f && f->name; f++) {
            if (strcmp(f->name, o->name) != 0 || f->type != o->type) continue;
            size_t size = o->type == SAMLA_OPT_BOOL ? sizeof(bool)
                          : o->type == SAMLA_OPT_INT ? sizeof(long)
                          : o->type == SAMLA_OPT_DOUBLE ? sizeof(double) : 0;
            if (size) memcpy((char *)to->config + o->offset, (const char *)from->config + f->offset, size);
        }
    }
}

samla_status samla_pipeline_set_output_format(samla_pipeline *p, const char *format, samla_diag *diag)
{
    const samla_plugin *w = samla_runtime_find_writer(p->rt, format);
    if (!w) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "no writer plugin for format '%s'", format);
        return SAMLA_ERR_CONFIG;
    }
    /* keep the first step of that writer (and its options); drop other writers,
     * carrying over their scalar options that the new writer shares by name */
    bool kept = false;
    size_t out = 0;
    pipeline_step carried = {0};
    bool have_carried = false;
    for (size_t i = 0; i < p->nsteps; i++) {
        pipeline_step *s = &p->steps[i];
        if (s->plugin->stage == SAMLA_STAGE_WRITER && (s->plugin != w || kept)) {
            if (!have_carried && s->plugin != w) {
                carried = *s;
                have_carried = true;
            } else {
                step_free(s);
            }
            continue;
        }
        if (s->plugin == w) kept = true;
        p->steps[out++] = *s;
    }
    p->nsteps = out;
    samla_status st = SAMLA_OK;
    if (!kept) {
        pipeline_step *ns = realloc(p->steps, (p->nsteps + 1) * sizeof *ns);
        if (!ns) st = SAMLA_ERR_NOMEM;
        else {
            p->steps = ns;
            pipeline_step *added = &p->steps[p->nsteps++];
            st = step_init(p, added, w, carried.line, diag);
            if (st == SAMLA_OK && have_carried) carry_options(&carried, added);
        }
    }
    if (have_carried) step_free(&carried);
    return st;
}

samla_status samla_pipeline_start(samla_pipeline *p, samla_diag *diag)
{
    if (p->started) return SAMLA_OK;
    for (size_t i = 0; i < p->nsteps; i++) {
        pipeline_step *s = &p->steps[i];
        const char *saved = diag ? diag->plugin : NULL;
        if (diag) diag->plugin = s->plugin->name;
        samla_status st = SAMLA_OK;
        if (s->plugin->init) st = s->plugin->init(p->rt, s->config, &s->state, diag);
        else s->state = s->config; /* options and nothing to set up: the config is the state */
        if (diag) diag->plugin = saved;
        if (st != SAMLA_OK) {
            if (diag && samla_diag_count(diag, SAMLA_SEV_ERROR) == 0)
                samla_diag_add_at(diag, SAMLA_SEV_ERROR, p->path, s->line, "plugin '%s' failed to start: %s",
                                  s->plugin->name, samla_status_str(st));
            return st;
        }
        s->started = true;
    }
    p->started = true;
    return SAMLA_OK;
}
