/* match.c: links one activity to the strategy's goals.
 *
 * 1. Explicit: a goal code cited in the activity's text or area ("A1",
 *    "delmål A1", "fokusområde B"), else in its section, else in the headings
 *    above it; or one of those headings names a goal (title match after
 *    numbering and label words are removed). The activity's own fields win
 *    over its section, the section over the headings further up.
 * 2. Lexical, when nothing is cited: cosine of TF-IDF vectors (Snowball stems,
 *    compound parts, synonyms) against every target goal; links with score >=
 *    threshold and >= relative * best, at most top_k.
 * Everything made here lives in ctx's arena. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"

#define MAX_EVIDENCE 8
#define MAX_CONTEXT 12

typedef struct cand {
    int goal;
    double score;
    const char *terms[MAX_EVIDENCE];
    size_t nterms;
} cand;

typedef struct query {
    const char **stems;   /* unique stems with idf > 0 */
    const char **surf;
    double *w;
    size_t n;
    double norm;
} query;

static double idf_of(const link_state *st, const char *stem)
{
    size_t df = GPOINTER_TO_SIZE(g_hash_table_lookup(st->df, stem));
    return df ? log(1.0 + (double)st->ntargets / (double)df) : 0.0;
}

/* Builds the weighted query of an activity from its texts. */
static bool make_query(link_state *st, samla_ctx *ctx, const char *const *texts, const double *weights, size_t ntexts,
                       GHashTable *drop, query *q)
{
    lex_terms t = {0};
    for (size_t i = 0; i < ntexts; i++)
        if (!lex_terms_add(st->lx, ctx->arena, &t, texts[i], weights[i], true)) return false;
    q->stems = samla_arena_alloc(ctx->arena, (t.n + 1) * sizeof *q->stems);
    q->surf = samla_arena_alloc(ctx->arena, (t.n + 1) * sizeof *q->surf);
    q->w = samla_arena_alloc(ctx->arena, (t.n + 1) * sizeof *q->w);
    if (!q->stems || !q->surf || !q->w) return false;
    for (size_t i = 0; i < t.n; i++) {
        if (idf_of(st, t.items[i].stem) <= 0) continue;
        if (drop && g_hash_table_contains(drop, t.items[i].stem)) continue;
        size_t k = 0;
        while (k < q->n && q->stems[k] != t.items[i].stem) k++;
        if (k == q->n) {
            q->stems[k] = t.items[i].stem;
            q->surf[k] = t.items[i].surface;
            q->w[k] = 0;
            q->n++;
        }
        q->w[k] += t.items[i].weight;
    }
    double norm = 0;
    for (size_t k = 0; k < q->n; k++) {
        q->w[k] = (1.0 + log(q->w[k] > 1 ? q->w[k] : 1.0)) * idf_of(st, q->stems[k]) * (q->w[k] < 1 ? q->w[k] : 1.0);
        norm += q->w[k] * q->w[k];
    }
    q->norm = sqrt(norm);
    return true;
}

static cand score_goal(const link_state *st, const query *q, int gi)
{
    cand c = {.goal = gi};
    const lgoal *g = &st->goals[gi];
    if (q->norm <= 0 || g->norm <= 0) return c;
    double dot = 0, best[MAX_EVIDENCE] = {0};
    for (size_t k = 0; k < q->n; k++) {
        size_t pos = GPOINTER_TO_SIZE(g_hash_table_lookup(g->index, q->stems[k]));
        if (!pos) continue;
        double part = q->w[k] * g->terms[pos - 1].w;
        dot += part;
        /* keep the strongest matched terms as evidence, strongest first */
        size_t at = c.nterms < MAX_EVIDENCE ? c.nterms : MAX_EVIDENCE;
        while (at > 0 && best[at - 1] < part) at--;
        if (at >= MAX_EVIDENCE) continue;
        size_t last = c.nterms < MAX_EVIDENCE ? c.nterms : MAX_EVIDENCE - 1;
        memmove(&c.terms[at + 1], &c.terms[at], (last - at) * sizeof c.terms[0]);
        memmove(&best[at + 1], &best[at], (last - at) * sizeof best[0]);
        c.terms[at] = q->surf[k];
        best[at] = part;
        if (c.nterms < MAX_EVIDENCE) c.nterms++;
    }
    c.score = dot / (q->norm * g->norm);
    return c;
}

static int by_score(const void *a, const void *b)
{
    double x = ((const cand *)a)->score, y = ((const cand *)b)->score;
    return x < y ? 1 : x > y ? -1 : ((const cand *)a)->goal - ((const cand *)b)->goal;
}

static bool is_label(const link_state *st, const char *w)
{
    for (size_t i = 0; i < st->nlabels; i++)
        if (!strcmp(st->labels[i], w)) return true;
    return false;
}

/* The goal a token of running text names as its code: as written, or by its key when it is written
   with a capital or a digit first ("A.1" for A1; never a lower-case word). */
static int goal_by_code(const link_state *st, samla_ctx *ctx, const char *tok)
{
    gunichar c = g_utf8_get_char(tok);
    if (g_unichar_isupper(c) || g_unichar_isdigit(c)) return link_goal_by_code(st, ctx->arena, tok);
    for (size_t i = 0; i < st->ngoals; i++)
        if (st->goals[i].code && !strcmp(st->goals[i].code, tok)) return (int)i;
    return -1;
}

/* Goal codes cited in s: "A1" alone, "A" and dotted numbers ("1.1", "2.3") only after a
 * label word ("mål 1.1"; alone they are section numbers or figures). Adds the
 * goal indexes to hits (with the cited phrase) and returns how many. */
static size_t find_codes(const link_state *st, samla_ctx *ctx, const char *s, int *hits, const char **phrases,
                         size_t nmax)
{
    size_t n = 0;
    const char *prev = NULL;
    size_t prevlen = 0;
    for (const char *p = s; p && *p && n < nmax;) {
        if (!g_unichar_isalnum(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            continue;
        }
        const char *start = p;
        while (*p && g_unichar_isalnum(g_utf8_get_char(p))) p = g_utf8_next_char(p);
        /* a dotted code "1.1" / "2.3.1" is one token when the strategy has it */
        const char *q = p;
        while (*q == '.' && q[1] >= '0' && q[1] <= '9') {
            const char *e = q + 1;
            while (*e >= '0' && *e <= '9') e++;
            char *ext = samla_arena_strndup(ctx->arena, start, (size_t)(e - start));
            if (!ext || (size_t)(e - start) > 12 || goal_by_code(st, ctx, ext) < 0) break;
            q = e;
        }
        p = q;
        size_t len = (size_t)(p - start);
        char *tok = samla_arena_strndup(ctx->arena, start, len);
        int gi = tok && len <= 12 ? goal_by_code(st, ctx, tok) : -1;
        bool labelled = false;
        if (prev) {
            char *pw = samla_text_lower(ctx->arena, samla_arena_strndup(ctx->arena, prev, prevlen));
            labelled = pw && is_label(st, pw);
        }
        bool has_digit = tok && strpbrk(tok, "0123456789");
        bool has_letter = tok && g_unichar_isalpha(g_utf8_get_char(tok));
        /* "A1", "A.1" alone; "1.1" and "B" only after a label word */
        if (gi >= 0 && (labelled || (has_digit && has_letter && len >= 2))) {
            bool dup = false;
            for (size_t k = 0; k < n; k++) dup |= hits[k] == gi;
            if (!dup) {
                hits[n] = gi;
                phrases[n] = labelled ? samla_arena_strndup(ctx->arena, prev, (size_t)(p - prev)) : tok;
                n++;
            }
        }
        prev = start;
        prevlen = len;
    }
    return n;
}

/* A goal whose title the heading names, or -1. */
static int find_title(const link_state *st, samla_ctx *ctx, const char *heading)
{
    const char *key = link_title_key(st, ctx->arena, heading);
    size_t kl = key ? strlen(key) : 0;
    if (kl < 4) return -1;
    int best = -1;
    double bs = 0;
    for (size_t i = 0; i < st->ngoals; i++) {
        const lgoal *g = &st->goals[i];
        const char *t = g->title_key;
        size_t tl = t ? strlen(t) : 0;
        if (tl < 4 || !g->kind || (strcmp(g->kind, "focus_area") && strcmp(g->kind, "subgoal"))) continue;
        double sim = samla_text_similarity(key, t);
        if (sim < 0.85 && tl >= 12 && (double)tl >= 0.6 * (double)kl && strstr(key, t)) sim = 0.85;
        /* a shortened citation: the title's first words, at least 0.6 of it ("Vård … nära hemmet") */
        if (sim < 0.85 && kl >= 12 && (double)kl >= 0.6 * (double)tl && !strncmp(t, key, kl) &&
            (t[kl] == ' ' || t[kl] == '\0'))
            sim = 0.85;
        if (sim >= 0.85 && sim > bs) {
            bs = sim;
            best = (int)i;
        }
    }
    return best;
}

/* A focus area that an area cell names by a shortened title: the cell is a run of whole words of exactly one
   focus area's title ("Levnadsvanor" for "Hälsosamma levnadsvanor", "Psykisk hälsa" for "Psykisk hälsa och
   social delaktighet"), or -1 (no such title, or several). */
static int find_short_title(const link_state *st, samla_ctx *ctx, const char *cell)
{
    const char *key = link_title_key(st, ctx->arena, cell);
    size_t kl = key ? strlen(key) : 0;
    if (kl < 6) return -1;
    int found = -1;
    for (size_t i = 0; i < st->ngoals; i++) {
        const lgoal *g = &st->goals[i];
        const char *t = g->title_key;
        if (!t || !g->kind || strcmp(g->kind, "focus_area")) continue;
        for (const char *p = strstr(t, key); p; p = strstr(p + 1, key)) {
            if ((p == t || p[-1] == ' ') && (p[kl] == ' ' || p[kl] == '\0')) {
                if (found >= 0 && found != (int)i) return -1;
                found = (int)i;
                break;
            }
        }
    }
    return found;
}

static bool under(const link_state *st, int gi, int ancestor)
{
    for (int p = st->goals[gi].parent, guard = 0; p >= 0 && guard < 16; p = st->goals[p].parent, guard++)
        if (p == ancestor) return true;
    return false;
}

static samla_status emit(link_state *st, samla_ctx *ctx, const samla_node *act, samla_node *links, int gi,
                         double score, const char *method, const char *const *terms, size_t nterms)
{
    samla_arena *a = ctx->arena;
    samla_node *l = samla_node_map(a);
    if (!l) return SAMLA_ERR_NOMEM;
    samla_map_set_str(a, l, "activity", samla_map_get_str(act, "id"));
    samla_map_set_str(a, l, "goal", st->goals[gi].id);
    samla_map_set_float(a, l, "score", round(score * 1000) / 1000);
    samla_map_set_str(a, l, "method", method);
    samla_node *ev = samla_map_ensure_seq(a, l, "evidence");
    for (size_t i = 0; ev && i < nterms; i++) {
        bool dup = false;
        for (size_t k = 0; k < i; k++) dup |= !strcmp(terms[k], terms[i]);
        if (!dup) samla_seq_append_str(a, ev, terms[i]);
    }
    const samla_node *src = samla_map_get(act, "source");
    if (src) samla_map_set(a, l, "source", samla_node_copy(a, src));
    return samla_seq_append(a, links, l) ? SAMLA_OK : SAMLA_ERR_NOMEM;
}

/* Link for an explicitly cited goal gi: itself when a target, else the best
 * matching target below it (a focus area's sub-goals), else the target above. */
static samla_status link_cited(link_state *st, samla_ctx *ctx, const samla_node *act, samla_node *links, int gi,
                               const char *phrase, const query *own, const query *q)
{
    const char *terms[MAX_EVIDENCE + 1] = {phrase};
    if (st->goals[gi].target) return emit(st, ctx, act, links, gi, 1.0, "explicit", terms, 1);
    cand best = {.goal = -1};
    /* the activity's own words first; the whole query (headings too) when they match no sub-goal */
    for (int pass = 0; pass < 2 && best.score <= 0; pass++)
        for (size_t i = 0; i < st->ngoals; i++) {
            if (!st->goals[i].target || !under(st, (int)i, gi)) continue;
            cand c = score_goal(st, pass == 0 ? own : q, (int)i);
            if (c.score > best.score) best = c;
        }
    if (best.goal >= 0 && best.score > 0) {
        memcpy(&terms[1], best.terms, best.nterms * sizeof terms[0]);
        return emit(st, ctx, act, links, best.goal, 0.8, "explicit", terms, best.nterms + 1);
    }
    for (int p = st->goals[gi].parent, guard = 0; p >= 0 && guard < 16; p = st->goals[p].parent, guard++)
        if (st->goals[p].target) return emit(st, ctx, act, links, p, 0.9, "explicit", terms, 1);
    return emit(st, ctx, act, links, gi, 0.7, "explicit", terms, 1);
}

/* Headings above block b, nearest first, each of a lower level than the last. */
static size_t headings_above(const samla_ctx *ctx, long b, const char **out, size_t nmax)
{
    size_t n = 0;
    int level = 100;
    if (b < 0 || (size_t)b >= ctx->doc.nblocks) return 0;
    for (long i = b; i >= 0 && n < nmax; i--) {
        const samla_block *blk = ctx->doc.blocks[i];
        if (blk->kind != SAMLA_BLOCK_HEADING || blk->level <= 0 || blk->level >= level) continue;
        if (i == b) continue;
        out[n++] = blk->text;
        level = blk->level;
        if (level == 1) break;
    }
    return n;
}

GHashTable *link_plan_words(link_state *st, samla_ctx *ctx)
{
    if (!st->cfg->plan_words) return NULL;
    GHashTable *drop = g_hash_table_new(g_direct_hash, g_direct_equal);
    const samla_node *doc = samla_map_get(ctx->model, "document");
    const char *keys[] = {"title", "organisation"};
    for (size_t k = 0; doc && doc->type == SAMLA_NODE_MAP && k < 2; k++) {
        lex_terms t = {0};
        if (!lex_terms_add(st->lx, ctx->arena, &t, samla_map_get_str(doc, keys[k]), 1.0, false)) break;
        for (size_t i = 0; i < t.n; i++) g_hash_table_add(drop, (gpointer)t.items[i].stem);
    }
    return drop;
}

/* The activity's section title: a string, or a map with `title`. */
static const char *section_title(const samla_node *act)
{
    const samla_node *s = samla_map_get(act, "section");
    if (s && s->type == SAMLA_NODE_STRING) return s->u.s;
    return s && s->type == SAMLA_NODE_MAP ? samla_map_get_str(s, "title") : NULL;
}

/* The activity's indicators as one text (one a line), or NULL. */
static const char *indicators_text(samla_ctx *ctx, const samla_node *act)
{
    const samla_node *ind = samla_map_get(act, "indicators");
    if (!ind || ind->type != SAMLA_NODE_SEQ || samla_node_len(ind) == 0) return NULL;
    const char *out = "";
    for (size_t i = 0; out && i < samla_node_len(ind); i++) {
        const samla_node *e = samla_seq_at(ind, i);
        if (e && e->type == SAMLA_NODE_STRING) out = samla_arena_printf(ctx->arena, "%s%s\n", out, e->u.s);
    }
    return out;
}

static bool word_byte(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }

/* The text without organisation names: a word ending in an organisation unit ("utbildningsförvaltningen",
   "Socialnämnden") and the conjuncts joined to it ("Barn- och", "Kultur-, fritids- och"). They name who does
   the work, not what it serves ("fritids" in "Kultur- och fritidsförvaltningen" is no leisure activity). */
static const char *strip_orgs(const link_state *st, samla_ctx *ctx, const char *text)
{
    if (!text || !st->norg_units) return text;
    char *low = samla_text_lower(ctx->arena, text);
    char *out = samla_arena_strdup(ctx->arena, text);
    if (!low || !out || strlen(low) != strlen(text)) return text;
    bool changed = false;
    for (size_t i = 0; low[i];) {
        if (!word_byte((unsigned char)low[i])) { i++; continue; }
        size_t s0 = i;
        while (low[i] && word_byte((unsigned char)low[i])) i++;
        size_t len = i - s0;
        bool org = false;
        for (size_t k = 0; k < st->norg_units && !org; k++) {
            size_t ul = strlen(st->org_units[k]);
            org = len >= ul && !strncmp(low + i - ul, st->org_units[k], ul);
        }
        if (!org) continue;
        /* walk back over "X- och ", "X-, " conjuncts */
        size_t from = s0;
        for (;;) {
            size_t p = from;
            while (p > 0 && low[p - 1] == ' ') p--;
            size_t w_end = p;
            while (p > 0 && word_byte((unsigned char)low[p - 1])) p--;
            bool conj = (w_end - p == 3 && !strncmp(low + p, "och", 3)) || (w_end - p == 5 && !strncmp(low + p, "eller", 5));
            size_t q = conj ? p : w_end;
            while (q > 0 && low[q - 1] == ' ') q--;
            if (q > 0 && low[q - 1] == ',') q--;
            if (q == 0 || low[q - 1] != '-') break;
            q--;
            size_t ws = q;
            while (ws > 0 && word_byte((unsigned char)low[ws - 1])) ws--;
            if (ws == q) break;
            from = ws;
        }
        memset(out + from, ' ', i - from);
        changed = true;
    }
    return changed ? out : text;
}

/* Records that act cites code, which the strategy lacks. */
static void note_missing(samla_ctx *ctx, link_missing **missing, const samla_node *act, const char *code, long page)
{
    samla_arena *a = ctx->arena;
    link_missing *m = *missing;
    while (m && strcmp(m->code, code)) m = m->next;
    if (!m) {
        m = samla_arena_alloc(a, sizeof *m);
        if (!m) return;
        *m = (link_missing){.code = code, .acts = "", .page = page > 0 ? (int)page : 0};
        link_missing **tail = missing;
        while (*tail) tail = &(*tail)->next;
        *tail = m;
    }
    const char *text = samla_map_get_str(act, "text");
    if (m->n++ < 3) {
        glong len = text ? g_utf8_strlen(text, -1) : 0;
        const char *cut = len > 60 ? g_utf8_offset_to_pointer(text, 59) : NULL;
        const char *one = samla_arena_printf(a, "%s \"%.*s%s\"", samla_map_get_str(act, "id"),
                                             cut ? (int)(cut - text) : (int)(text ? strlen(text) : 0),
                                             text ? text : "", cut ? "\u2026" : "");
        const char *joined = one ? samla_arena_printf(a, "%s%s%s", m->acts, *m->acts ? ", " : "", one) : NULL;
        if (joined) m->acts = joined;
    }
}

bool *link_named_areas(const link_state *st, samla_ctx *ctx)
{
    samla_arena *a = ctx->arena;
    bool *named = samla_arena_alloc(a, (st->ngoals + 1) * sizeof *named);
    bool any = false;
    if (!named) return NULL;
    for (size_t i = 0; i < st->ngoals; i++) {
        named[i] = false;
        const lgoal *g = &st->goals[i];
        if (!g->kind || strcmp(g->kind, "focus_area") || !g->title || !strchr(g->title, ' ') || strlen(g->title) < 12)
            continue;
        const char *t = samla_text_soft(a, g->title);
        for (size_t k = 0; t && k < ctx->doc.nblocks && !named[i]; k++) {
            const samla_block *b = ctx->doc.blocks[k];
            if (b->kind != SAMLA_BLOCK_PARAGRAPH || !b->text) continue;
            const char *x = samla_text_soft(a, b->text);
            named[i] = x && strstr(x, t) != NULL;
        }
        any |= named[i];
    }
    if (!any) return NULL;
    /* a goal is under a named area when an ancestor is one */
    bool *under_named = samla_arena_alloc(a, (st->ngoals + 1) * sizeof *under_named);
    if (!under_named) return NULL;
    for (size_t i = 0; i < st->ngoals; i++) {
        under_named[i] = false;
        for (int p = (int)i, hops = 0; p >= 0 && hops < 8 && !under_named[i]; p = st->goals[p].parent, hops++)
            under_named[i] = named[p];
    }
    return under_named;
}

samla_status link_activity(link_state *st, samla_ctx *ctx, const samla_node *act, samla_node *links,
                           GHashTable *drop, link_missing **missing, const bool *named)
{
    const link_config *c = st->cfg;
    const char *text = samla_map_get_str(act, "text");
    const char *area = samla_map_get_str(act, "area");
    const char *section = section_title(act);
    /* the lexical query leaves organisation names out; explicit citations read the texts as written */
    const char *q_text = strip_orgs(st, ctx, text), *q_area = strip_orgs(st, ctx, area);
    const char *q_section = strip_orgs(st, ctx, section);
    const char *indicators = indicators_text(ctx, act);
    const samla_node *src = samla_map_get(act, "source");
    long block = src ? (long)samla_map_get_int(src, "block", -1) : -1;
    const char *heads[MAX_CONTEXT];
    size_t nheads = headings_above(ctx, block, heads, MAX_CONTEXT);

    /* the query: own text, area, indicators, section and the headings above (weaker) */
    const char *texts[MAX_CONTEXT + 4] = {q_text, q_area, indicators, q_section};
    double weights[MAX_CONTEXT + 4] = {1.0, c->area_weight, c->indicator_weight, c->heading_weight};
    size_t nt = 4;
    for (size_t i = 0; i < nheads; i++) {
        if (section && !strcmp(section, heads[i])) continue;
        texts[nt] = strip_orgs(st, ctx, heads[i]);
        weights[nt++] = (i == 0 && !section) ? c->heading_weight : 0.6 * c->heading_weight;
    }
    query q = {0}, own = {0};
    if (!make_query(st, ctx, texts, weights, nt, drop, &q)) return SAMLA_ERR_NOMEM;
    /* a cited focus area's sub-goal is chosen by the activity's own words: the
     * headings above restate the citation and say nothing about which sub-goal */
    if (!make_query(st, ctx, texts, weights, 3, drop, &own)) return SAMLA_ERR_NOMEM;

    /* the goal codes the activity is marked with (area cell, code column, "A1: …" / "… (1.2)"): by code,
       else by the code's normalised form; a code the strategy lacks is reported, and the activity is then
       linked as if it had none */
    const char *cited[8];
    size_t ncited = link_cited_codes(st, ctx->arena, act, cited, 8), nlinked = 0;
    int marked[8];
    for (size_t i = 0; i < ncited; i++) {
        int gi = link_goal_by_code(st, ctx->arena, cited[i]);
        bool dup = false;
        for (size_t k = 0; k < nlinked; k++) dup |= marked[k] == gi;
        if (gi < 0) note_missing(ctx, missing, act, cited[i], src ? (long)samla_map_get_int(src, "page", 0) : 0);
        else if (!dup) marked[nlinked++] = gi;
    }
    for (size_t i = 0; i < nlinked; i++) {
        bool covered = false;
        for (size_t k = 0; k < nlinked && !covered; k++) covered = k != i && under(st, marked[k], marked[i]);
        samla_status s = covered ? SAMLA_OK : link_cited(st, ctx, act, links, marked[i], cited[i], &own, &q);
        if (s != SAMLA_OK) return s;
    }
    if (nlinked) return SAMLA_OK;

    /* explicit citations, most specific source first */
    const char *levels[MAX_CONTEXT + 2][2] = {{text, area}, {section, NULL}};
    size_t nlev = 2;
    for (size_t i = 0; i < nheads; i++) levels[nlev][0] = heads[i], levels[nlev++][1] = NULL;
    for (size_t l = 0; l < nlev; l++) {
        int hits[8];
        const char *phrases[8];
        size_t n = 0;
        for (int k = 0; k < 2; k++) {
            const char *s = levels[l][k];
            if (!s) continue;
            n += find_codes(st, ctx, s, hits + n, phrases + n, 8 - n);
            if (n == 0 && l > 0) {
                int t = find_title(st, ctx, s);
                if (t >= 0) hits[n] = t, phrases[n++] = s;
            }
            if (n == 0 && l == 0 && k == 1) {
                /* the area cell names goals by their titles, one a line ("Mål" column) */
                char *copy = samla_arena_strdup(ctx->arena, s);
                for (char *line = copy, *nl; line && *line && n < 8; line = nl) {
                    nl = strchr(line, '\n');
                    if (nl) *nl++ = '\0';
                    int t = find_title(st, ctx, line);
                    if (t < 0) t = find_short_title(st, ctx, line);
                    bool dup = false;
                    for (size_t d = 0; d < n; d++) dup |= hits[d] == t;
                    if (t >= 0 && !dup) hits[n] = t, phrases[n++] = line;
                }
            }
        }
        if (n == 0) continue;
        /* a cited goal under another cited goal is the more specific one */
        for (size_t i = 0; i < n; i++) {
            bool covered = false;
            for (size_t k = 0; k < n && !covered; k++) covered = k != i && under(st, hits[k], hits[i]);
            if (covered) continue;
            samla_status s = link_cited(st, ctx, act, links, hits[i], phrases[i], &own, &q);
            if (s != SAMLA_OK) return s;
        }
        return SAMLA_OK;
    }

    /* lexical */
    cand *cs = samla_arena_alloc(ctx->arena, (st->ngoals + 1) * sizeof *cs);
    size_t nc = 0;
    if (!cs) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < st->ngoals; i++)
        if (st->goals[i].target) {
            cs[nc] = score_goal(st, &q, (int)i);
            /* PL-LINK-NAMED-AREA: the focus areas the plan says it builds on weigh more, never alone */
            if (named && named[i]) cs[nc].score *= 1.0 + c->named_area_bonus;
            nc++;
        }
    qsort(cs, nc, sizeof *cs, by_score);
    for (size_t i = 0; i < nc && (long)i < c->top_k; i++) {
        if (cs[i].score < c->threshold || cs[i].score < c->relative * cs[0].score) break;
        /* PL-LINK-NAMED-AREA: when the best goal lies under a named area, a goal outside them is no second link */
        if (named && i > 0 && named[cs[0].goal] && !named[cs[i].goal]) continue;
        samla_status s = emit(st, ctx, act, links, cs[i].goal, cs[i].score, "lexical", cs[i].terms, cs[i].nterms);
        if (s != SAMLA_OK) return s;
    }
    return SAMLA_OK;
}
