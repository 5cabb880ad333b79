/* lex.c: Swedish tokens for link-strategy: UTF-8 words, lowercase, stop words,
 * Snowball stems (libstemmer "swedish"), compound splitting against known
 * words (the goal tree's vocabulary plus a word list), synonym expansion.
 * Memory: the engine's arena owns interned stems and loaded words; GLib hash
 * tables and the stemmer are freed in lex_free. */
#include "lex.h"

#include <glib.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_WORD 3          /* shorter words are not terms */
#define MIN_COMPOUND 9      /* code points: shorter words are not split */
#define MIN_PART 4          /* default least code points of a compound's parts */

/* flags of a word in its text */
#define W_CAP 1u            /* capital first letter and a lower-case letter after it (Stockholm, FoU) */
#define W_START 2u          /* first word of the text, a line or a sentence */

typedef struct syn_phrase {
    const char **stems;     /* interned */
    size_t n;
    const char *text;
} syn_phrase;

typedef struct syn_group {
    syn_phrase key;
    syn_phrase *vals;
    size_t nvals;
} syn_group;

struct lex_engine {
    samla_arena *arena;
    struct sb_stemmer *stemmer;
    GHashTable *stop;     /* lowercased stop words (arena strings) */
    GHashTable *known;    /* lowercased known words (arena strings) */
    GHashTable *common;   /* goal words seen as common words (not capitalised inside a sentence) */
    size_t min_part;      /* least code points of a compound part (and of the last part's stem) */
    bool proper_nouns;    /* drop capitalised words inside a sentence that the goals never use as common words */
    GHashTable *intern;   /* stem -> the same arena string */
    syn_group *groups;
    size_t ngroups;
};

lex_engine *lex_new(samla_diag *diag)
{
    lex_engine *lx = calloc(1, sizeof *lx);
    if (!lx) return NULL;
    lx->arena = samla_arena_new();
    lx->stemmer = sb_stemmer_new("swedish", NULL);
    lx->stop = g_hash_table_new(g_str_hash, g_str_equal);
    lx->known = g_hash_table_new(g_str_hash, g_str_equal);
    lx->common = g_hash_table_new(g_str_hash, g_str_equal);
    lx->min_part = MIN_PART;
    lx->proper_nouns = true;
    lx->intern = g_hash_table_new(g_str_hash, g_str_equal);
    if (!lx->arena || !lx->stemmer) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "link-strategy: cannot start the Swedish stemmer");
        lex_free(lx);
        return NULL;
    }
    return lx;
}

void lex_free(lex_engine *lx)
{
    if (!lx) return;
    if (lx->stemmer) sb_stemmer_delete(lx->stemmer);
    if (lx->stop) g_hash_table_destroy(lx->stop);
    if (lx->known) g_hash_table_destroy(lx->known);
    if (lx->common) g_hash_table_destroy(lx->common);
    if (lx->intern) g_hash_table_destroy(lx->intern);
    samla_arena_free(lx->arena);
    free(lx);
}

void lex_set_options(lex_engine *lx, long min_part, bool proper_nouns)
{
    lx->min_part = min_part > 1 ? (size_t)min_part : 2;
    lx->proper_nouns = proper_nouns;
}

static const char *intern(lex_engine *lx, const char *s, size_t n)
{
    char *tmp = samla_arena_strndup(lx->arena, s, n);
    if (!tmp) return NULL;
    const char *have = g_hash_table_lookup(lx->intern, tmp);
    if (have) return have;     /* tmp stays in the arena: small and bounded by vocabulary */
    g_hash_table_add(lx->intern, tmp);
    return tmp;
}

static const samla_node *unwrap(const samla_node *data, const char *key)
{
    if (data && data->type == SAMLA_NODE_MAP) {
        const samla_node *inner = samla_map_get(data, key);
        if (inner) return inner;
    }
    return data;
}

size_t lex_load_stopwords(lex_engine *lx, const samla_node *data)
{
    const samla_node *seq = unwrap(data, "stopwords");
    size_t n = 0;
    for (size_t i = 0; seq && seq->type == SAMLA_NODE_SEQ && i < samla_node_len(seq); i++) {
        const samla_node *w = samla_seq_at(seq, i);
        if (!w || w->type != SAMLA_NODE_STRING) continue;
        char *low = samla_text_lower(lx->arena, w->u.s);
        if (low && g_hash_table_add(lx->stop, low)) n++;
    }
    return n;
}

static void add_known(lex_engine *lx, const char *w, size_t n)
{
    if (n < 3 * 1) return;
    char *s = samla_arena_strndup(lx->arena, w, n);
    if (s && !g_hash_table_contains(lx->known, s)) g_hash_table_add(lx->known, s);
}

bool lex_load_wordlist(lex_engine *lx, const char *path)
{
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) return false;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = '\0';
        if (n < 3) continue;
        char *utf8 = NULL;
        if (g_utf8_validate(line, (gssize)n, NULL)) utf8 = g_strdup(line);
        else utf8 = g_convert(line, (gssize)n, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
        if (!utf8) continue;
        char *low = samla_text_lower(lx->arena, utf8);
        g_free(utf8);
        if (low && !g_hash_table_contains(lx->known, low)) g_hash_table_add(lx->known, low);
    }
    fclose(f);
    return true;
}

/* Calls fn on each word of text (runs of letters and digits), lowercased
 * (samla_text_lower, in arena a) and with its W_ flags. A sentence starts the
 * text and follows . ! ? : ; a line break or a bullet; numbering (words of
 * digits only) does not end the start. */
typedef void (*word_fn)(lex_engine *lx, const char *w, size_t n, unsigned flags, void *arg);

static void one_word(lex_engine *lx, samla_arena *a, const char *start, size_t n, bool *sentence, word_fn fn,
                     void *arg)
{
    unsigned flags = *sentence ? W_START : 0;
    bool letters = false, lower_after = false;
    gunichar first = g_utf8_get_char(start);
    for (const char *q = start; q < start + n; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        if (g_unichar_isalpha(c)) letters = true;
        if (q > start && g_unichar_islower(c)) lower_after = true;
    }
    if (g_unichar_isupper(first) && lower_after) flags |= W_CAP;
    if (letters) *sentence = false;
    char *raw = samla_arena_strndup(a, start, n);
    char *low = raw ? samla_text_lower(a, raw) : NULL;
    if (low) fn(lx, low, strlen(low), flags, arg);
}

static void each_word(lex_engine *lx, samla_arena *a, const char *text, word_fn fn, void *arg)
{
    const char *p = text, *start = NULL;
    bool sentence = true;
    while (p && *p) {
        gunichar c = g_utf8_get_char_validated(p, -1);
        bool valid = c != (gunichar)-1 && c != (gunichar)-2;
        bool word = valid && g_unichar_isalnum(c);
        if (word && !start) start = p;
        if (!word && start) {
            one_word(lx, a, start, (size_t)(p - start), &sentence, fn, arg);
            start = NULL;
        }
        if (valid && (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n' || c == 0x2022))
            sentence = true;
        const char *next = g_utf8_find_next_char(p, NULL);
        p = next ? next : p + strlen(p);
    }
    if (start) one_word(lx, a, start, strlen(start), &sentence, fn, arg);
}

static void vocab_word(lex_engine *lx, const char *w, size_t n, unsigned flags, void *arg)
{
    (void)arg;
    add_known(lx, w, n);
    /* a word the goals write in lower case, or at a sentence's start, is a common word */
    if (!(flags & W_CAP) || (flags & W_START)) {
        char *s = samla_arena_strndup(lx->arena, w, n);
        if (s && !g_hash_table_contains(lx->common, s)) g_hash_table_add(lx->common, s);
    }
}

void lex_add_vocabulary(lex_engine *lx, const char *text)
{
    if (text) each_word(lx, lx->arena, text, vocab_word, NULL);
}

static bool is_known(lex_engine *lx, const char *w, size_t n)
{
    char buf[128];
    if (n == 0 || n >= sizeof buf) return false;
    memcpy(buf, w, n);
    buf[n] = '\0';
    return g_hash_table_contains(lx->known, buf);
}

/* A compound's first part: a known word, or one with a linking -s, or a
 * stem form ending in -o/-e/-u for a word in -a (hälso- for hälsa). */
static bool head_known(lex_engine *lx, const char *w, size_t n)
{
    if (is_known(lx, w, n)) return true;
    if (n > 3 && w[n - 1] == 's' && is_known(lx, w, n - 1)) return true;
    if (n > 3 && (w[n - 1] == 'o' || w[n - 1] == 'e' || w[n - 1] == 'u')) {
        char buf[128];
        if (n >= sizeof buf) return false;
        memcpy(buf, w, n - 1);
        buf[n - 1] = 'a';
        if (is_known(lx, buf, n)) return true;
        if (is_known(lx, w, n - 1)) return true;
    }
    return false;
}

static size_t cps(const char *w, size_t n) { return (size_t)g_utf8_strlen(w, (gssize)n); }

/* A compound's last part: its stem keeps min_part code points (no bare
 * endings such as -ande, -liga left as a "word"). */
static bool tail_ok(lex_engine *lx, const char *w, size_t n)
{
    const sb_symbol *s = sb_stemmer_stem(lx->stemmer, (const sb_symbol *)w, (int)n);
    return s && cps((const char *)s, (size_t)sb_stemmer_length(lx->stemmer)) >= lx->min_part;
}

/* Splits w into 2 or 3 known parts, longest head first. Writes part offsets
 * (cut[0..k-2]) and returns the number of parts, 0 when no split. */
static int split_compound(lex_engine *lx, const char *w, size_t n, size_t cut[2], int depth)
{
    const char *end = w + n;
    const char *p = g_utf8_find_prev_char(w, end);
    for (; p && p > w; p = g_utf8_find_prev_char(w, p)) {
        size_t h = (size_t)(p - w);
        size_t hc = cps(w, h), tc = cps(p, n - h);
        if (hc < lx->min_part || tc < lx->min_part) continue;
        if (!head_known(lx, w, h)) continue;
        if (is_known(lx, p, n - h) && tail_ok(lx, p, n - h)) {
            cut[0] = h;
            return 2;
        }
        size_t sub[2];
        if (depth == 0 && tc >= 2 * lx->min_part && split_compound(lx, p, n - h, sub, 1) == 2) {
            cut[0] = h;
            cut[1] = h + sub[0];
            return 3;
        }
    }
    return 0;
}

const char *lex_stem_word(lex_engine *lx, const char *word)
{
    if (!word) return NULL;
    size_t n = strlen(word);
    if (cps(word, n) < MIN_WORD || g_hash_table_contains(lx->stop, word)) return NULL;
    for (const char *q = word; *q; q++)
        if (*q >= '0' && *q <= '9') return NULL;
    const sb_symbol *s = sb_stemmer_stem(lx->stemmer, (const sb_symbol *)word, (int)n);
    if (!s) return NULL;
    return intern(lx, (const char *)s, (size_t)sb_stemmer_length(lx->stemmer));
}

typedef struct tok_arg {
    samla_arena *a;
    lex_terms *out;
    double w;
    bool ok;
} tok_arg;

static bool push(samla_arena *a, lex_terms *out, const char *stem, const char *surface, double w)
{
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 32;
        lex_term *g = samla_arena_grow(a, out->items, out->n, cap, sizeof *g);
        if (!g) return false;
        out->items = g;
        out->cap = cap;
    }
    out->items[out->n++] = (lex_term){stem, surface, w};
    return true;
}

static void token_word(lex_engine *lx, const char *w, size_t n, unsigned flags, void *argp)
{
    tok_arg *arg = argp;
    /* a proper noun (place, project, organisation): capitalised inside a
     * sentence and never a common word of the goals; neither a term nor split */
    if (lx->proper_nouns && (flags & W_CAP) && !(flags & W_START) && !g_hash_table_contains(lx->common, w)) return;
    char *word = samla_arena_strndup(arg->a, w, n);
    if (!word) {
        arg->ok = false;
        return;
    }
    const char *stem = lex_stem_word(lx, word);
    if (!stem) return;
    if (!push(arg->a, arg->out, stem, word, arg->w)) arg->ok = false;
    size_t cut[2];
    int parts = cps(w, n) >= MIN_COMPOUND ? split_compound(lx, w, n, cut, 0) : 0;
    size_t from = 0;
    for (int i = 0; i < parts; i++) {
        size_t to = i < parts - 1 ? cut[i] : n;
        size_t len = to - from;
        char *part = samla_arena_strndup(arg->a, w + from, len);
        /* a head with a linking -s or vowel is stemmed as the head word */
        if (part && i < parts - 1 && !is_known(lx, part, len) && len > 3) {
            char last = part[len - 1];
            if (last == 's') part[len - 1] = '\0';
            else if (last == 'o' || last == 'e' || last == 'u') part[len - 1] = 'a';
        }
        const char *ps = part ? lex_stem_word(lx, part) : NULL;
        if (ps && ps != stem && !push(arg->a, arg->out, ps, part, arg->w / 2)) arg->ok = false;
        from = to;
    }
}

/* True when every stem of ph is among t->items[first..upto). */
static bool phrase_present(const syn_phrase *ph, const lex_terms *t, size_t first, size_t upto)
{
    if (ph->n == 0) return false;
    for (size_t k = 0; k < ph->n; k++) {
        bool found = false;
        for (size_t i = first; i < upto && !found; i++) found = t->items[i].stem == ph->stems[k];
        if (!found) return false;
    }
    return true;
}

static bool add_phrase(lex_engine *lx, samla_arena *a, lex_terms *out, const syn_phrase *from,
                       const syn_phrase *to, double w)
{
    const char *surface = samla_arena_printf(a, "%s≈%s", from->text, to->text);
    for (size_t k = 0; surface && k < to->n; k++)
        if (!push(a, out, to->stems[k], surface, w)) return false;
    (void)lx;
    return surface != NULL;
}

bool lex_terms_add(lex_engine *lx, samla_arena *a, lex_terms *out, const char *text, double w, bool expand)
{
    if (!text) return true;
    size_t first = out->n;
    tok_arg arg = {a, out, w, true};
    each_word(lx, a, text, token_word, &arg);
    if (!arg.ok || !expand) return arg.ok;
    size_t upto = out->n;   /* synonyms come from the text's own terms only */
    for (size_t g = 0; g < lx->ngroups; g++) {
        const syn_group *grp = &lx->groups[g];
        if (phrase_present(&grp->key, out, first, upto)) {
            for (size_t v = 0; v < grp->nvals; v++)
                if (!add_phrase(lx, a, out, &grp->key, &grp->vals[v], w / 2)) return false;
        }
        for (size_t v = 0; v < grp->nvals; v++)
            if (phrase_present(&grp->vals[v], out, first, upto) && !add_phrase(lx, a, out, &grp->vals[v], &grp->key, w / 2))
                return false;
    }
    return true;
}

typedef struct phrase_arg {
    lex_engine *lx;
    const char *stems[8];
    size_t n;
} phrase_arg;

static void phrase_word(lex_engine *lx, const char *w, size_t n, unsigned flags, void *argp)
{
    (void)flags;
    phrase_arg *pa = argp;
    char *word = samla_arena_strndup(lx->arena, w, n);
    const char *s = word ? lex_stem_word(lx, word) : NULL;
    if (s && pa->n < 8) pa->stems[pa->n++] = s;
}

static bool make_phrase(lex_engine *lx, const char *text, syn_phrase *ph)
{
    char *low = samla_text_lower(lx->arena, text);
    phrase_arg pa = {.lx = lx};
    if (!low) return false;
    each_word(lx, lx->arena, low, phrase_word, &pa);
    ph->stems = samla_arena_alloc(lx->arena, (pa.n + 1) * sizeof *ph->stems);
    if (!ph->stems) return false;
    memcpy(ph->stems, pa.stems, pa.n * sizeof *ph->stems);
    ph->n = pa.n;
    ph->text = low;
    return pa.n > 0;
}

size_t lex_load_synonyms(lex_engine *lx, const samla_node *data)
{
    const samla_node *map = unwrap(data, "synonyms");
    if (!map || map->type != SAMLA_NODE_MAP) return 0;
    size_t n = samla_node_len(map);
    lx->groups = samla_arena_alloc(lx->arena, (n + 1) * sizeof *lx->groups);
    if (!lx->groups) return 0;
    lx->ngroups = 0;
    for (size_t i = 0; i < n; i++) {
        const samla_pair *pr = &map->u.map.items[i];
        syn_group *g = &lx->groups[lx->ngroups];
        if (!make_phrase(lx, pr->key, &g->key)) continue;
        const samla_node *v = pr->value;
        size_t nv = v && v->type == SAMLA_NODE_SEQ ? samla_node_len(v) : (v && v->type == SAMLA_NODE_STRING ? 1 : 0);
        g->vals = samla_arena_alloc(lx->arena, (nv + 1) * sizeof *g->vals);
        if (!g->vals) return lx->ngroups;
        g->nvals = 0;
        for (size_t k = 0; k < nv; k++) {
            const samla_node *e = v->type == SAMLA_NODE_SEQ ? samla_seq_at(v, k) : v;
            if (e && e->type == SAMLA_NODE_STRING && make_phrase(lx, e->u.s, &g->vals[g->nvals])) g->nvals++;
        }
        if (g->nvals) lx->ngroups++;
    }
    return lx->ngroups;
}
