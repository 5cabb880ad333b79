/* negotiate.c: the output format of a `samla serve` request, from ?format= or
 * the Accept header (RFC 9110 12.5.1: media ranges with q weights). */
#include <glib.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

/* The format a media type asks for: "yaml", "json", "*" for a wildcard
 * (any type, or application/ any subtype), or NULL. */
static const char *media_format(const char *type)
{
    static const char *const map[][2] = {{"application/yaml", "yaml"}, {"application/x-yaml", "yaml"},
                                         {"text/yaml", "yaml"},        {"text/x-yaml", "yaml"},
                                         {"application/json", "json"}, {"*/*", "*"},
                                         {"application/*", "*"}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (g_ascii_strcasecmp(type, map[i][0]) == 0) return map[i][1];
    return NULL;
}

/* The q weight of one media range's parameters (1 when absent, 0 when malformed). */
static double media_q(char **params)
{
    for (char **p = params; *p; p++) {
        char *kv = g_strstrip(*p);
        if (g_ascii_strncasecmp(kv, "q=", 2) != 0) continue;
        char *end = NULL;
        double q = g_ascii_strtod(kv + 2, &end);
        return end && *end == '\0' && q >= 0 && q <= 1 ? q : 0;
    }
    return 1;
}

const char *serve_pick_format(const serve_catalog *cat, const char *query_format, const char *accept, const char *def)
{
    if (query_format) {
        for (char **f = cat->formats; *f; f++)
            if (strcmp(*f, query_format) == 0) return *f;
        return NULL;
    }
    if (!accept || !*accept) return def;
    const char *best = NULL;
    double best_q = 0;
    char **ranges = g_strsplit(accept, ",", 64);
    for (char **r = ranges; *r; r++) {
        char **parts = g_strsplit(*r, ";", 16);
        const char *fmt = parts[0] ? media_format(g_strstrip(parts[0])) : NULL;
        double q = parts[0] ? media_q(parts + 1) : 0;
        if (fmt && strcmp(fmt, "*") == 0) fmt = def;
        if (fmt && q > best_q && serve_catalog_has_format(cat, fmt)) {
            best = fmt;
            best_q = q;
        }
        g_strfreev(parts);
    }
    g_strfreev(ranges);
    if (!best) return NULL;
    for (char **f = cat->formats; *f; f++)
        if (strcmp(*f, best) == 0) return *f;
    return NULL;
}
