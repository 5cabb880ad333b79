/* options.c: a plugin's option table applied to its config struct. */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "runtime_internal.h"

static const samla_option *find_option(const samla_plugin *pl, const char *key)
{
    for (const samla_option *o = pl->options; o && o->name; o++)
        if (strcmp(o->name, key) == 0) return o;
    return NULL;
}

static const char *type_name(samla_opt_type t)
{
    switch (t) {
    case SAMLA_OPT_STRING: return "a string";
    case SAMLA_OPT_PATH: return "a path";
    case SAMLA_OPT_INT: return "an integer";
    case SAMLA_OPT_DOUBLE: return "a number";
    case SAMLA_OPT_BOOL: return "true or false";
    case SAMLA_OPT_STRLIST: return "a list of strings";
    }
    return "?";
}

static const char *resolve_path(samla_arena *a, const char *base_dir, const char *v)
{
    if (!base_dir || !*v || v[0] == '/') return samla_arena_strdup(a, v);
    return samla_arena_printf(a, "%s/%s", base_dir, v);
}

static bool parse_scalar(const samla_option *o, void *field, samla_arena *a, const char *base_dir,
                         const char *v)
{
    switch (o->type) {
    case SAMLA_OPT_STRING: {
        const char *s = samla_arena_strdup(a, v);
        memcpy(field, &s, sizeof s);
        return s != NULL;
    }
    case SAMLA_OPT_PATH: {
        const char *s = resolve_path(a, base_dir, v);
        memcpy(field, &s, sizeof s);
        return s != NULL;
    }
    case SAMLA_OPT_INT: {
        char *end;
        errno = 0;
        long l = strtol(v, &end, 10);
        if (!*v || *end || errno) return false;
        memcpy(field, &l, sizeof l);
        return true;
    }
    case SAMLA_OPT_DOUBLE: {
        char *end;
        errno = 0;
        double d = strtod(v, &end);
        if (!*v || *end || errno || !isfinite(d)) return false;
        memcpy(field, &d, sizeof d);
        return true;
    }
    case SAMLA_OPT_BOOL: {
        bool b;
        if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "1")) b = true;
        else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "0")) b = false;
        else return false;
        memcpy(field, &b, sizeof b);
        return true;
    }
    case SAMLA_OPT_STRLIST: break;
    }
    return false;
}

static bool set_list(void *field, samla_arena *a, const char *const *values, size_t n)
{
    const char **l = samla_arena_alloc(a, (n + 1) * sizeof *l);
    if (!l) return false;
    for (size_t i = 0; i < n; i++)
        if (!(l[i] = samla_arena_strdup(a, values[i]))) return false;
    memcpy(field, &l, sizeof l);
    return true;
}

/* Splits a default like "a,b,c" for list options. */
static bool set_list_text(void *field, samla_arena *a, const char *text)
{
    const char *vals[64];
    size_t n = 0;
    char *copy = samla_arena_strdup(a, text);
    if (!copy) return false;
    char *save = NULL;
    for (char *t = strtok_r(copy, ",", &save); t && n < 64; t = strtok_r(NULL, ",", &save)) vals[n++] = t;
    return set_list(field, a, vals, n);
}

samla_status samla_options_defaults(const samla_plugin *pl, void *config, samla_arena *a,
                                    const char *base_dir, samla_diag *diag)
{
    for (const samla_option *o = pl->options; o && o->name; o++) {
        if (o->offset >= pl->config_size) {
            samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "plugin '%s': option '%s' lies outside its config",
                           pl->name, o->name);
            return SAMLA_ERR_CONFIG;
        }
        if (!o->def) continue;
        void *field = (char *)config + o->offset;
        bool ok = o->type == SAMLA_OPT_STRLIST ? set_list_text(field, a, o->def)
                                               : parse_scalar(o, field, a, o->type == SAMLA_OPT_PATH ? NULL : base_dir, o->def);
        if (!ok) {
            samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "plugin '%s': bad default for option '%s'", pl->name, o->name);
            return SAMLA_ERR_CONFIG;
        }
    }
    return SAMLA_OK;
}

samla_status samla_option_set(const samla_plugin *pl, void *config, samla_arena *a,
                              const char *base_dir, const char *key, const char *const *values,
                              size_t nvalues, bool is_list, const char *file, int line,
                              samla_diag *diag)
{
    const samla_option *o = find_option(pl, key);
    if (!o) {
        char known[512] = "";
        size_t off = 0;
        for (const samla_option *k = pl->options; k && k->name && off < sizeof known; k++)
            off += (size_t)snprintf(known + off, sizeof known - off, "%s%s", off ? ", " : "", k->name);
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, file, line, "plugin '%s' has no option '%s' (%s%s)",
                          pl->name, key, off ? "options: " : "it takes no options", known);
        return SAMLA_ERR_CONFIG;
    }
    void *field = (char *)config + o->offset;
    bool ok;
    if (o->type == SAMLA_OPT_STRLIST) ok = set_list(field, a, values, nvalues);
    else if (is_list || nvalues != 1) ok = false;
    else ok = parse_scalar(o, field, a, base_dir, values[0]);
    if (!ok) {
        samla_diag_add_at(diag, SAMLA_SEV_ERROR, file, line, "option '%s' of plugin '%s' must be %s", key,
                          pl->name, type_name(o->type));
        return SAMLA_ERR_CONFIG;
    }
    return SAMLA_OK;
}
