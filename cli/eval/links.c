/* links.c: what `samla eval` needs for links beyond the generic engine:
 * which gold a coverage output pairs with (its `strategy` record names the
 * strategy) and the level rule (a predicted link to a goal below the judged
 * level counts for its ancestor at that level). */
#include <string.h>

#include "eval.h"

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n > m && strcmp(s + n - m, suf) == 0;
}

/* path without folder and extensions, or NULL. In arena a. */
static char *path_stem(samla_arena *a, const char *src)
{
    static const char *const exts[] = {".yaml", ".yml", ".json", ".pdf", ".docx", ".txt", ".text"};
    if (!src || !*src) return NULL;
    const char *base = strrchr(src, '/');
    char *s = samla_arena_strdup(a, base ? base + 1 : src);
    for (bool cut = true; s && cut;) {
        cut = false;
        for (size_t i = 0; i < sizeof exts / sizeof *exts && !cut; i++)
            if (has_suffix(s, exts[i])) {
                s[strlen(s) - strlen(exts[i])] = '\0';
                cut = true;
            }
    }
    return s && *s ? s : NULL;
}

char *eval_links_strategy_stem(samla_arena *a, const samla_node *out)
{
    const samla_node *rec = samla_map_get(out, "strategy");
    return rec && rec->type == SAMLA_NODE_MAP ? path_stem(a, samla_map_get_str(rec, "source")) : NULL;
}

char *eval_links_plan_stem(samla_arena *a, const samla_node *out)
{
    const samla_node *doc = samla_map_get(out, "document");
    return doc && doc->type == SAMLA_NODE_MAP ? path_stem(a, samla_map_get_str(doc, "source")) : NULL;
}

static const samla_node *goal_by_id(const samla_node *goals, const char *id)
{
    for (size_t i = 0; id && i < samla_node_len(goals); i++) {
        const samla_node *g = samla_seq_at(goals, i);
        const char *gid = g && g->type == SAMLA_NODE_MAP ? samla_map_get_str(g, "id") : NULL;
        if (gid && !strcmp(gid, id)) return g;
    }
    return NULL;
}

/* The goal itself, or its nearest ancestor whose kind is level; the goal when
 * no ancestor has that kind (it is then scored as it is). */
static const samla_node *at_level(const samla_node *goals, const samla_node *g, const char *level)
{
    const samla_node *p = g;
    for (size_t depth = 0; level && p && depth < 64; depth++) {
        const char *kind = samla_map_get_str(p, "kind");
        if (kind && !strcmp(kind, level)) return p;
        p = goal_by_id(goals, samla_map_get_str(p, "parent"));
    }
    return g;
}

samla_status eval_links_prepare(samla_arena *a, const samla_node *gold, samla_node *out)
{
    const samla_node *rec = samla_map_get(out, "strategy");
    const samla_node *goals = rec && rec->type == SAMLA_NODE_MAP ? samla_map_get(rec, "goals") : NULL;
    const samla_node *links = samla_map_get(out, "links");
    if (!goals || goals->type != SAMLA_NODE_SEQ || !links || links->type != SAMLA_NODE_SEQ) return SAMLA_OK;
    const char *level = gold && gold->type == SAMLA_NODE_MAP ? samla_map_get_str(gold, "level") : NULL;
    samla_node *kept = samla_node_seq(a);
    if (!kept) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < samla_node_len(links); i++) {
        const samla_node *l = samla_seq_at(links, i);
        if (!l || l->type != SAMLA_NODE_MAP) continue;
        const char *act = samla_map_get_str(l, "activity");
        const samla_node *g = goal_by_id(goals, samla_map_get_str(l, "goal"));
        const char *name = NULL;
        if (g) {
            g = at_level(goals, g, level);
            name = samla_map_get_str(g, "code");
            if (!name || !*name) name = samla_map_get_str(g, "title");
        }
        if (!name) name = samla_map_get_str(l, "goal");
        /* two predicted goals with one ancestor are one link at the judged level */
        bool dup = false;
        for (size_t k = 0; k < samla_node_len(kept) && !dup; k++) {
            const samla_node *o = samla_seq_at(kept, k);
            const char *oa = samla_map_get_str(o, "activity"), *og = samla_map_get_str(o, "goal");
            dup = oa && act && og && !strcmp(oa, act) && !strcmp(og, name);
        }
        if (dup) continue;
        samla_node *c = samla_node_copy(a, l);
        if (!c || (name && !samla_map_set_str(a, c, "goal", name)) || !samla_seq_append(a, kept, c))
            return SAMLA_ERR_NOMEM;
    }
    return samla_map_set(a, out, "links", kept) ? SAMLA_OK : SAMLA_ERR_NOMEM;
}
