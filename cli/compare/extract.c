/* extract.c: the items `samla compare` scores, taken from one document model
 * (`content.pages[].blocks[]`, docs/model.md): headings, list items, table
 * cells, body paragraphs, label/value pairs and the running headers/footers.
 * A dump and a farm structure file have the same shape, so both sides go
 * through here. The rules are in docs/readers.md ("What is compared"). */
#include <glib.h>
#include <string.h>

#include "compare/compare.h"

/* Longest label of a label/value pair: a few words, as on a front page. */
#define LABEL_MAX_CHARS 48
#define LABEL_MAX_WORDS 6

static bool push(samla_arena *a, compare_items *it, const char *text, const char *key, int x, int y, int page)
{
    if (!key || !*key) return key != NULL; /* nothing to score */
    if (it->n == it->cap) {
        size_t cap = it->cap ? it->cap * 2 : 64;
        compare_item *v = samla_arena_grow(a, it->v, it->n, cap, sizeof *v);
        if (!v) return false;
        it->v = v;
        it->cap = cap;
    }
    it->v[it->n++] = (compare_item){.text = text, .key = key, .keylen = samla_text_len(key), .a = x, .b = y, .page = page};
    return true;
}

static bool push_str(samla_arena *a, const char ***v, size_t *n, const char *s)
{
    if (!s || !*s) return s != NULL;
    const char **nv = samla_arena_grow(a, *v, *n, *n + 1, sizeof *nv);
    if (!nv) return false;
    nv[(*n)++] = s;
    *v = nv;
    return true;
}

/* A leading list or section label: "1.", "2.1.3", "a)", "12)", "A.", a bullet
 * glyph (any symbol or private-use code point), followed by space. Returns the
 * text after it (s itself when there is none). */
static const char *skip_label(const char *s)
{
    const char *p = s;
    gunichar c = g_utf8_get_char(p);
    if (g_ascii_isdigit(*p)) {
        while (g_ascii_isdigit(*p) || (*p == '.' && g_ascii_isdigit(p[1]))) p++;
        if (*p == '.' || *p == ')') p++;
    } else if (g_unichar_isalpha(c) && (p[1] == ')' || p[1] == '.') && p[2] == ' ') {
        p += 2;
    } else if (!g_unichar_isalnum(c) && c != '(' && c != 0x00A7 /* § */ && c != '"' && c != 0x201D) {
        GUnicodeType t = g_unichar_type(c);
        if (t == G_UNICODE_PRIVATE_USE || t == G_UNICODE_OTHER_SYMBOL || t == G_UNICODE_MATH_SYMBOL ||
            t == G_UNICODE_OTHER_PUNCTUATION || t == G_UNICODE_DASH_PUNCTUATION)
            p = g_utf8_next_char(p);
    }
    if (p == s || (*p != ' ' && *p != '\t')) return s;
    while (*p == ' ' || *p == '\t') p++;
    return *p ? p : s;
}

/* The text of a heading or list item without its label: the block's own
 * `numbering` when the text repeats it, then any typed label. */
static const char *item_text(const samla_node *b)
{
    const char *t = samla_map_get_str(b, "text");
    if (!t) return NULL;
    const char *num = samla_map_get_str(b, "numbering");
    size_t n = num ? strlen(num) : 0;
    if (n && strncmp(t, num, n) == 0 && (t[n] == ' ' || t[n] == '\t')) t += n + 1;
    while (*t == ' ' || *t == '\t') t++;
    return skip_label(t);
}

static size_t words(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (; *s; s++) {
        bool sp = *s == ' ' || *s == '\t';
        if (!sp && !in) n++;
        in = !sp;
    }
    return n;
}

static bool short_label(const char *s, size_t len)
{
    if (len == 0 || len > LABEL_MAX_CHARS * 2) return false;
    gchar *l = g_strndup(s, len);
    bool ok = g_utf8_strlen(l, -1) <= LABEL_MAX_CHARS && words(l) <= LABEL_MAX_WORDS &&
              g_unichar_isalpha(g_utf8_get_char(l));
    g_free(l);
    return ok;
}

static bool add_pair(samla_arena *a, compare_doc *d, const char *label, const char *value, int page)
{
    char *lk = compare_norm_key(a, label), *vk = compare_norm_key(a, value);
    if (!lk || !vk) return false;
    if (!*lk || !*vk) return true;
    char *text = samla_arena_printf(a, "%s: %s", label, value);
    char *key = samla_arena_printf(a, "%s%s", lk, vk);
    if (!text || !key) return false;
    compare_items *it = &d->kinds[CMP_PAIRS];
    if (!push(a, it, text, key, 0, 0, page)) return false;
    it->v[it->n - 1].key2 = vk;
    return true;
}

/* "Label: value" in a paragraph: a short label starting with a letter, a colon
 * that is not between digits (13:00), some value after it. */
static bool paragraph_pair(samla_arena *a, compare_doc *d, const char *t, int page)
{
    const char *colon = strchr(t, ':');
    while (colon && colon > t && g_ascii_isdigit(colon[-1]) && g_ascii_isdigit(colon[1])) colon = strchr(colon + 1, ':');
    if (!colon || !short_label(t, (size_t)(colon - t))) return true;
    const char *v = colon + 1;
    while (*v == ' ' || *v == '\t') v++;
    if (!*v) return true;
    char *label = samla_arena_strndup(a, t, (size_t)(colon - t));
    return label && add_pair(a, d, label, v, page);
}

static const char *cell_text(samla_arena *a, const samla_node *cell)
{
    const char *t = samla_map_get_str(cell, "text");
    if (t) return t;
    const samla_node *bl = samla_map_get(cell, "blocks");
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < samla_node_len(bl); i++) {
        const char *bt = samla_map_get_str(samla_seq_at(bl, i), "text");
        if (!bt) continue;
        if (s->len) g_string_append_c(s, ' ');
        g_string_append(s, bt);
    }
    char *r = samla_arena_strdup(a, s->str);
    g_string_free(s, TRUE);
    return r;
}

static bool truthy(const samla_node *n)
{
    return n && n->type == SAMLA_NODE_BOOL && n->u.b;
}

/* Cells by row and column; a table without a header row whose row starts with
 * a short label cell also gives label/value pairs (a front page's layout). */
static bool table_items(samla_arena *a, compare_doc *d, const samla_node *tb, int page)
{
    const samla_node *rows = samla_map_get(tb, "cells");
    bool has_header = false;
    for (size_t r = 0; r < samla_node_len(rows); r++)
        for (size_t c = 0; c < samla_node_len(samla_seq_at(rows, r)); c++)
            has_header |= truthy(samla_map_get(samla_seq_at(samla_seq_at(rows, r), c), "header"));
    for (size_t r = 0; r < samla_node_len(rows); r++) {
        const samla_node *row = samla_seq_at(rows, r);
        const char *label = NULL;
        GString *value = g_string_new(NULL);
        for (size_t c = 0; c < samla_node_len(row); c++) {
            const samla_node *cell = samla_seq_at(row, c);
            if (truthy(samla_map_get(cell, "covered"))) continue;
            const char *t = cell_text(a, cell);
            char *key = t ? compare_norm_key(a, t) : NULL;
            if (!t || !key || !push(a, &d->kinds[CMP_CELLS], t, key, (int)r, (int)c, page)) {
                g_string_free(value, TRUE);
                return false;
            }
            if (!*key) continue;
            if (!label && c == 0) label = t;
            else if (label) {
                if (value->len) g_string_append_c(value, ' ');
                g_string_append(value, t);
            }
        }
        bool ok = true;
        if (!has_header && label && value->len && short_label(label, strlen(label))) {
            char *l = samla_arena_strdup(a, label);
            size_t n = l ? strlen(l) : 0;
            while (n && (l[n - 1] == ':' || l[n - 1] == ' ')) l[--n] = '\0';
            ok = l && add_pair(a, d, l, value->str, page);
        }
        g_string_free(value, TRUE);
        if (!ok) return false;
    }
    return true;
}

/* A running header or footer: each tab- or wide-space-separated part and the
 * whole line, digits dropped (page numbers differ per page). */
static bool furniture(samla_arena *a, compare_doc *d, const char *t)
{
    d->header_footer_blocks++;
    char *whole = compare_norm_furniture(a, t);
    if (!whole || !push_str(a, &d->furniture, &d->nfurniture, whole)) return false;
    gchar **parts = g_regex_split_simple("\t|   +", t, 0, 0);
    bool ok = true;
    for (size_t i = 0; ok && parts && parts[i]; i++) {
        char *k = compare_norm_furniture(a, parts[i]);
        ok = k && push_str(a, &d->furniture, &d->nfurniture, k);
    }
    g_strfreev(parts);
    return ok;
}

static bool block_items(samla_arena *a, compare_doc *d, const samla_node *b, int page)
{
    const char *kind = samla_map_get_str(b, "kind");
    const char *text = samla_map_get_str(b, "text");
    if (!kind) return true;
    if (!strcmp(kind, "table")) return table_items(a, d, b, page);
    if (!strcmp(kind, "header") || !strcmp(kind, "footer")) return !text || furniture(a, d, text);
    if (!strcmp(kind, "footnote")) return true;
    /* a reader's own label/value block: {label, value} or pairs: [{label, value}] */
    const char *label = samla_map_get_str(b, "label"), *value = samla_map_get_str(b, "value");
    if (label && value) return add_pair(a, d, label, value, page);
    const samla_node *pairs = samla_map_get(b, "pairs");
    for (size_t i = 0; i < samla_node_len(pairs); i++) {
        const samla_node *p = samla_seq_at(pairs, i);
        const char *l = samla_map_get_str(p, "label"), *v = samla_map_get_str(p, "value");
        if (l && v && !add_pair(a, d, l, v, page)) return false;
    }
    if (pairs || !text) return true;
    char *fk = compare_norm_furniture(a, text);
    if (!fk || !push_str(a, &d->body, &d->nbody, fk)) return false;
    int level = (int)samla_map_get_int(b, "level", 1);
    if (!strcmp(kind, "heading")) {
        const char *t = item_text(b);
        return push(a, &d->kinds[CMP_HEADINGS], t, compare_norm_key(a, t), level, 0, page);
    }
    if (!strcmp(kind, "list_item")) {
        const char *t = item_text(b);
        return push(a, &d->kinds[CMP_LIST_ITEMS], t, compare_norm_key(a, t), level, 0, page);
    }
    /* paragraph, and any other kind with text */
    return push(a, &d->kinds[CMP_PARAGRAPHS], text, compare_norm_key(a, text), 0, 0, page) &&
           paragraph_pair(a, d, text, page);
}

/* Heading levels as dense ranks of the levels the document uses (a document
 * with Heading 1 and 3 only has ranks 1 and 2). A lone first heading at a level
 * no other heading uses is the document's title: rank 1, and not counted among
 * the levels (a title set above Heading 1 is rank 1 as Heading 1 is, whether a
 * reader gives it level 1 of its own or the same level as Heading 1). */
static void rank_levels(compare_items *it)
{
    if (!it->n) return;
    size_t count[10] = {0};
    for (size_t i = 0; i < it->n; i++) {
        if (it->v[i].a < 1 || it->v[i].a > 9) it->v[i].a = 9;
        count[it->v[i].a]++;
    }
    int top = 10;
    for (size_t i = 0; i < it->n; i++)
        if (it->v[i].a < top) top = it->v[i].a;
    bool title = it->n > 1 && it->v[0].a == top && count[top] == 1;
    if (title) count[top] = 0;
    int rank[10] = {0}, r = 0;
    for (int l = 1; l <= 9; l++) rank[l] = count[l] ? ++r : r;
    for (size_t i = 0; i < it->n; i++) it->v[i].a = rank[it->v[i].a] ? rank[it->v[i].a] : 1;
    if (title) it->v[0].a = 1;
}

bool compare_extract(samla_arena *a, const samla_node *root, compare_doc *out)
{
    memset(out, 0, sizeof *out);
    const samla_node *pages = samla_map_get(samla_map_get(root, "content"), "pages");
    for (size_t p = 0; p < samla_node_len(pages); p++) {
        const samla_node *page = samla_seq_at(pages, p);
        int number = (int)samla_map_get_int(page, "number", (long long)p + 1);
        const samla_node *blocks = samla_map_get(page, "blocks");
        for (size_t i = 0; i < samla_node_len(blocks); i++)
            if (!block_items(a, out, samla_seq_at(blocks, i), number)) return false;
    }
    rank_levels(&out->kinds[CMP_HEADINGS]);
    return true;
}

const char *compare_kind_name(compare_kind k)
{
    static const char *const names[CMP_NKINDS] = {"headings", "list_items", "table_cells", "paragraphs",
                                                  "label_values"};
    return k < CMP_NKINDS ? names[k] : "?";
}
