/* classify.c: the document kind (protocol, decision_extract, agenda, plan, strategy, other) and its
 * confidence, from content conventions: what the head names (rule head-word), how many numbered items
 * the body holds (item-structure) and which closing, goal and activity words it uses (the body rules).
 * Rules, words and points are data/document.yaml's `kind` map; docs/conventions.md names each rule. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "extract_document.h"

#define NKINDS_MAX 16

static size_t kind_index(const char *kind)
{
    const char *const *k = samla_document_kinds();
    for (size_t i = 0; k[i]; i++)
        if (strcmp(k[i], kind) == 0) return i;
    return (size_t)-1;
}

static bool check_kind(const char *kind, const char *where, samla_diag *diag)
{
    if (kind && samla_document_kind_known(kind)) return true;
    samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "document.yaml: %s: unknown document kind '%s'", where,
                   kind ? kind : "(not a string)");
    return false;
}

static bool check_kind_list(const samla_node *list, const char *where, samla_diag *diag)
{
    for (size_t i = 0; i < samla_node_len(list); i++) {
        const samla_node *k = samla_seq_at(list, i);
        if (!check_kind(k->type == SAMLA_NODE_STRING ? k->u.s : NULL, where, diag)) return false;
    }
    return true;
}

samla_status docx_kind_init(docx_state *s, samla_diag *diag)
{
    s->kind_cfg = samla_map_get(s->data, "kind");
    if (!s->kind_cfg || s->kind_cfg->type != SAMLA_NODE_MAP) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "document.yaml: no 'kind' map (the document kind rules)");
        return SAMLA_ERR_CONFIG;
    }
    const samla_node *words = samla_map_get(samla_map_get(s->kind_cfg, "head"), "words");
    for (size_t k = 0; words && words->type == SAMLA_NODE_MAP && k < words->u.map.count; k++) {
        const char *kind = words->u.map.items[k].key;
        if (!check_kind(kind, "kind.head.words", diag)) return SAMLA_ERR_CONFIG;
        const samla_node *list = words->u.map.items[k].value;
        for (size_t i = 0; i < samla_node_len(list) && s->nhead < KIND_MAX_PATTERNS; i++) {
            const samla_node *p = samla_seq_at(list, i);
            if (p->type != SAMLA_NODE_STRING) continue;
            samla_re *re = samla_re_compile(p->u.s, SAMLA_RE_CASELESS, diag);
            if (!re) return SAMLA_ERR_CONFIG;
            s->head[s->nhead].re = re;
            s->head[s->nhead++].kind = kind_index(kind);
        }
    }
    const samla_node *items = samla_map_get(s->kind_cfg, "items");
    const char *marker = samla_map_get_str(items, "marker");
    if (marker && !(s->item_marker = samla_re_compile(marker, SAMLA_RE_CASELESS, diag))) return SAMLA_ERR_CONFIG;
    if (!check_kind_list(samla_map_get(samla_map_get(items, "several"), "kinds"), "kind.items.several", diag) ||
        !check_kind_list(samla_map_get(samla_map_get(items, "single"), "kinds"), "kind.items.single", diag))
        return SAMLA_ERR_CONFIG;
    const samla_node *body = samla_map_get(s->kind_cfg, "body");
    for (size_t r = 0; r < samla_node_len(body); r++)
        if (!check_kind_list(samla_map_get(samla_seq_at(body, r), "kinds"), "kind.body", diag))
            return SAMLA_ERR_CONFIG;
    return SAMLA_OK;
}

void docx_kind_fini(docx_state *s)
{
    for (size_t i = 0; i < s->nhead; i++) samla_re_free(s->head[i].re);
    samla_re_free(s->item_marker);
}

static bool is_body(const samla_block *b)
{
    return b->kind != SAMLA_BLOCK_HEADER && b->kind != SAMLA_BLOCK_FOOTER && b->kind != SAMLA_BLOCK_FOOTNOTE;
}

static void add_points(long *score, const samla_node *kinds, long points)
{
    for (size_t i = 0; i < samla_node_len(kinds); i++) {
        const samla_node *k = samla_seq_at(kinds, i);
        size_t ki = k->type == SAMLA_NODE_STRING ? kind_index(k->u.s) : (size_t)-1;
        if (ki < NKINDS_MAX) score[ki] += points;
    }
}

/* Words of text: runs of characters holding a letter or digit (a rule of underscores is no word). */
static long words_in(const char *text)
{
    long n = 0;
    bool in = false, alnum = false;
    for (const char *p = text;; p = g_utf8_next_char(p)) {
        gunichar c = *p ? g_utf8_get_char(p) : ' ';
        if (g_unichar_isspace(c)) {
            if (in && alnum) n++;
            in = alnum = false;
        } else {
            in = true;
            alnum = alnum || g_unichar_isalnum(c);
        }
        if (!*p) break;
    }
    return n;
}

/* The kind the line names (longest match of any head pattern), or (size_t)-1. */
static size_t line_kind(const docx_state *s, const char *text)
{
    size_t best = (size_t)-1, best_len = 0;
    samla_match m;
    for (size_t i = 0; i < s->nhead; i++)
        if (samla_re_search(s->head[i].re, text, 0, &m) && m.end[0] - m.start[0] + 1 > best_len) {
            best_len = m.end[0] - m.start[0] + 1;
            best = s->head[i].kind;
        }
    return best;
}

/* Rule head-word: the title, the first head_lines short body lines and the first page's running
 * headers, in document order. */
static void rule_head(const docx_state *s, const samla_doc *doc, const samla_block *title, long *score)
{
    const samla_node *head = samla_map_get(s->kind_cfg, "head");
    long first = samla_map_get_int(head, "first", 20), later = samla_map_get_int(head, "later", 8);
    long nlines = samla_map_get_int(s->kind_cfg, "head_lines", 12);
    long max_words = samla_map_get_int(s->kind_cfg, "head_line_words", 14);
    bool given[NKINDS_MAX] = {false}, any = false;
    long taken = 0;
    for (size_t i = 0; i < doc->nblocks && i < HEAD_BLOCKS; i++) {
        const samla_block *b = doc->blocks[i];
        bool running = b->kind == SAMLA_BLOCK_HEADER && b->page <= 1;
        bool line = is_body(b) && b->kind != SAMLA_BLOCK_TABLE && taken < nlines;
        if (b != title && !running && !line) continue;
        if (line) taken++;
        if (!b->text || words_in(b->text) > max_words) continue;
        size_t k = line_kind(s, b->text);
        if (k >= NKINDS_MAX || given[k]) continue;
        score[k] += any ? later : first;
        given[k] = any = true;
    }
}

/* Rule item-structure: distinct item numbers opening body headings and paragraphs. */
static void rule_items(const docx_state *s, samla_ctx *ctx, long *score)
{
    if (!s->item_marker) return;
    const samla_node *items = samla_map_get(s->kind_cfg, "items");
    const samla_node *several = samla_map_get(items, "several"), *single = samla_map_get(items, "single");
    long min = samla_map_get_int(several, "min", 2);
    const char *seen[64];
    long n = 0;
    for (size_t i = 0; i < ctx->doc.nblocks && n < 64; i++) {
        const samla_block *b = ctx->doc.blocks[i];
        samla_match m;
        if ((b->kind != SAMLA_BLOCK_HEADING && b->kind != SAMLA_BLOCK_PARAGRAPH) || !b->text ||
            !samla_re_search(s->item_marker, b->text, 0, &m))
            continue;
        const char *num = samla_match_group(ctx->arena, &m, b->text, 1);
        if (!num) num = samla_match_group(ctx->arena, &m, b->text, 0);
        bool dup = false;
        for (long k = 0; k < n && !dup; k++) dup = num && strcmp(seen[k], num) == 0;
        if (num && !dup) seen[n++] = num;
    }
    if (n >= min)
        add_points(score, samla_map_get(several, "kinds"), samla_map_get_int(several, "points", 6));
    else if (n == 1)
        add_points(score, samla_map_get(single, "kinds"), samla_map_get_int(single, "points", 6));
}

/* The body rules: each word's hits in the body text (block by block, lower-cased), capped. */
static void rule_body(const docx_state *s, samla_ctx *ctx, long *score)
{
    const samla_node *rules = samla_map_get(s->kind_cfg, "body");
    size_t nwords = 0;
    for (size_t r = 0; r < samla_node_len(rules); r++)
        nwords += samla_node_len(samla_map_get(samla_seq_at(rules, r), "words"));
    long *hits = samla_arena_alloc(ctx->arena, (nwords ? nwords : 1) * sizeof *hits);
    const char **lw = samla_arena_alloc(ctx->arena, (nwords ? nwords : 1) * sizeof *lw);
    if (!hits || !lw) return;
    size_t w = 0;
    for (size_t r = 0; r < samla_node_len(rules); r++) {
        const samla_node *words = samla_map_get(samla_seq_at(rules, r), "words");
        for (size_t i = 0; i < samla_node_len(words); i++, w++) {
            const samla_node *word = samla_seq_at(words, i);
            lw[w] = word->type == SAMLA_NODE_STRING ? samla_text_lower(ctx->arena, word->u.s) : NULL;
            hits[w] = 0;
        }
    }
    for (size_t i = 0; i < ctx->doc.nblocks; i++) {
        const samla_block *b = ctx->doc.blocks[i];
        if (!is_body(b) || !b->text || !*b->text) continue;
        const char *text = samla_text_lower(ctx->arena, b->text);
        w = 0;
        for (size_t r = 0; r < samla_node_len(rules); r++) {
            const samla_node *rule = samla_seq_at(rules, r);
            long cap = samla_map_get_int(rule, "cap", 3);
            for (size_t k = 0; k < samla_node_len(samla_map_get(rule, "words")); k++, w++) {
                if (!lw[w] || !*lw[w]) continue;
                for (const char *p = text; hits[w] < cap && (p = strstr(p, lw[w])); p += strlen(lw[w])) hits[w]++;
            }
        }
    }
    w = 0;
    for (size_t r = 0; r < samla_node_len(rules); r++) {
        const samla_node *rule = samla_seq_at(rules, r);
        long points = 0;
        for (size_t k = 0; k < samla_node_len(samla_map_get(rule, "words")); k++, w++) points += hits[w];
        add_points(score, samla_map_get(rule, "kinds"), points);
    }
}

docx_kind docx_classify(const docx_state *s, samla_ctx *ctx, const samla_block *title)
{
    long score[NKINDS_MAX] = {0};
    rule_head(s, &ctx->doc, title, score);
    rule_items(s, ctx, score);
    rule_body(s, ctx, score);
    const char *const *kinds = samla_document_kinds();
    size_t best = (size_t)-1;
    long second = 0;
    for (size_t k = 0; kinds[k] && k < NKINDS_MAX; k++) {
        if (best == (size_t)-1 || score[k] > score[best]) {
            if (best != (size_t)-1) second = score[best];
            best = k;
        } else if (score[k] > second) {
            second = score[k];
        }
    }
    long min = samla_map_get_int(s->kind_cfg, "min_score", 6);
    docx_kind out = {"other", 1.0};
    if (best == (size_t)-1) return out;
    if (score[best] < min) {
        /* no kind has enough evidence: "other", the surer the less the best kind had */
        out.confidence = min > 0 ? 1.0 - (double)score[best] / (double)min : 1.0;
    } else {
        out.kind = kinds[best];
        out.confidence = (double)score[best] / (double)(score[best] + second);
    }
    out.confidence = round(out.confidence * 100.0) / 100.0;
    return out;
}
