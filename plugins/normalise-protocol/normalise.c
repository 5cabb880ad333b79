/* normalise.c: the normalise-protocol plugin, run after extract-protocol.
 *
 * - party: lowercase letters; party_name from data/parties.yaml;
 * - names: spaces collapsed, one form (NFC, trimmed);
 * - a probable duplicate person (same person written two ways, name
 *   similarity >= min_similarity and not identical, e.g. a presenter or a
 *   signer against an attendee, or attendees of different groups) is
 *   FLAGGED on the rarer spelling (on a tie the later occurrence) with `possible_duplicate_of` and a
 *   warning; nothing is merged;
 * - dates and times are checked to be ISO 8601 (the extractor writes them so),
 *   a value that is not gets a warning;
 * - document.date is the meeting's date when the meeting has one. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "samla/samla.h"

typedef struct config { double min_similarity; } config;

static const samla_option options[] = {
    {"min_similarity", SAMLA_OPT_DOUBLE, "0.85", offsetof(config, min_similarity),
     "name similarity (edit-distance ratio) from which two different spellings are flagged as one person"},
    SAMLA_OPTIONS_END};

typedef struct state {
    const config *cfg;
    samla_arena *arena;
    samla_node *parties;
} state;

static samla_status init(samla_runtime *rt, const void *cfg, void **out, samla_diag *diag)
{
    state *st = calloc(1, sizeof *st);
    if (!st) return SAMLA_ERR_NOMEM;
    *out = st;
    st->cfg = cfg;
    st->arena = samla_arena_new();
    if (!st->arena) return SAMLA_ERR_NOMEM;
    samla_node *p;
    samla_status s = samla_runtime_load_data(rt, st->arena, "parties.yaml", &p, diag);
    if (s != SAMLA_OK) return s;
    st->parties = samla_map_get(p, "parties");
    return SAMLA_OK;
}

static void fini(void *s)
{
    state *st = s;
    if (!st) return;
    samla_arena_free(st->arena);
    free(st);
}

typedef struct ref { samla_node *node; const char *name; long block; bool attendee; const char *group; } ref;

static void collect(samla_arena *a, ref **v, size_t *n, samla_node *node, bool attendee)
{
    const char *name = samla_map_get_str(node, "name");
    if (!name) return;
    char *clean = samla_text_clean(a, name);
    samla_map_set_str(a, node, "name", clean);
    ref *nv = samla_arena_grow(a, *v, *n, *n + 1, sizeof **v);
    if (!nv) return;
    *v = nv;
    samla_node *src = samla_map_get(node, "source");
    (*v)[(*n)++] = (ref){node, clean, src ? samla_map_get_int(src, "block", 0) : 0, attendee,
                         samla_map_get_str(node, "group")};
}

static bool iso_date(const char *s)
{
    return s && strlen(s) >= 10 && s[4] == '-' && s[7] == '-';
}

static samla_status process(void *sp, samla_ctx *ctx)
{
    state *st = sp;
    samla_arena *a = ctx->arena;
    ref *v = NULL;
    size_t n = 0;
    samla_node *att = samla_ctx_section(ctx, "attendees");
    for (size_t i = 0; i < samla_node_len(att); i++) {
        samla_node *p = samla_seq_at(att, i);
        const char *party = samla_map_get_str(p, "party");
        if (party) {
            char *low = samla_text_lower(a, party);
            samla_map_set_str(a, p, "party", low);
            for (size_t k = 0; k < samla_node_len(st->parties); k++) {
                samla_node *pp = samla_seq_at(st->parties, k);
                if (strcmp(samla_map_get_str(pp, "abbr"), low) == 0)
                    samla_map_set_str(a, p, "party_name", samla_map_get_str(pp, "name"));
            }
        }
        collect(a, &v, &n, p, true);
    }
    samla_node *ag = samla_ctx_section(ctx, "agenda");
    for (size_t i = 0; i < samla_node_len(ag); i++) {
        samla_node *pr = samla_map_get(samla_seq_at(ag, i), "presenters");
        for (size_t k = 0; k < samla_node_len(pr); k++) {
            samla_node *p = samla_seq_at(pr, k);
            if (!samla_map_get(p, "source")) samla_map_set(a, p, "source", samla_node_copy(a, samla_map_get(samla_seq_at(ag, i), "source")));
            collect(a, &v, &n, p, false);
        }
    }
    samla_node *sg = samla_ctx_section(ctx, "signatures");
    for (size_t i = 0; i < samla_node_len(sg); i++) collect(a, &v, &n, samla_seq_at(sg, i), false);
    /* flag the later of two similar, non-identical names */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            if (strcmp(v[i].name, v[j].name) == 0) continue;
            if (v[i].attendee && v[j].attendee && v[i].group && v[j].group && strcmp(v[i].group, v[j].group) == 0) continue;
            /* flag the rarer spelling; on a tie the later one */
            size_t ci = 0, cj = 0;
            for (size_t k = 0; k < n; k++) {
                ci += strcmp(v[k].name, v[i].name) == 0;
                cj += strcmp(v[k].name, v[j].name) == 0;
            }
            bool later = v[j].block > v[i].block || (v[j].block == v[i].block && j > i);
            if (cj > ci || (cj == ci && !later)) continue;
            if (samla_text_similarity(v[i].name, v[j].name) < st->cfg->min_similarity) continue;
            if (samla_map_get(v[j].node, "possible_duplicate_of")) continue;
            samla_map_set_str(a, v[j].node, "possible_duplicate_of", v[i].name);
            samla_ctx_warn(ctx, 0, "'%s' may be the same person as '%s' (flagged, not merged)", v[j].name, v[i].name);
        }
    samla_node *m = samla_ctx_section(ctx, "meeting");
    static const char *const dates[] = {"date", "posted", "taken_down"};
    for (size_t i = 0; i < 3; i++) {
        const char *d = samla_map_get_str(m, dates[i]);
        if (d && !iso_date(d)) samla_ctx_warn(ctx, 0, "meeting.%s '%s' is not an ISO 8601 date", dates[i], d);
    }
    /* a protocol's date is its meeting's, also when extract-document ran first (pipelines/archive.yaml
     * decides the kind before the protocol extractor) */
    const char *md = samla_map_get_str(m, "date");
    if (md && iso_date(md)) samla_map_set_str(a, samla_ctx_section(ctx, "document"), "date", md);
    return SAMLA_OK;
}

static const char *const needs[] = {"meeting", "agenda", "attendees", "signatures", NULL};
static const char *const provides[] = {"attendees", "signatures", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "normalise-protocol",
    .version = "0.2.0",
    .description = "protocols: party names, one name form, probable duplicate persons flagged (never merged)",
    .stage = SAMLA_STAGE_NORMALISER,
    .needs = needs,
    .provides = provides,
    .options = options,
    .config_size = sizeof(config),
    .init = init,
    .process = process,
    .fini = fini,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
