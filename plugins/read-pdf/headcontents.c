/* headcontents.c: headings known by a table of contents (steps 1c and 4 of
 * headings.c's pass).
 *
 * A contents without dot leaders (groff's "Inledning2", a typed one) is
 * known by the headings and bold blocks its entries name further on; those
 * bold blocks are headings (PDF-HEAD-CONTENTS-NAMED). Once every heading has
 * a level by its look, the indent rank of a heading's entry in the contents
 * is its level (PDF-HEAD-CONTENTS), and a heading of a listed look the
 * contents leave out is a level under the listed one before it
 * (PDF-HEAD-CONTENTS-DEPTH).
 *
 * Scratch tables only (GLib, freed); block texts and levels are changed in
 * place. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

static int cmp_indent(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A contents entry's text without its dot leader and page number, in buf
 * ("Personcentrering.......2" -> "Personcentrering"). */
static void entry_text(const char *s, char *buf, size_t cap)
{
    size_t len = strlen(s);
    while (len > 0 && g_ascii_isdigit(s[len - 1])) len--;
    for (;;) {
        while (len > 0 && (s[len - 1] == '.' || s[len - 1] == ' ')) len--;
        if (len >= 3 && memcmp(s + len - 3, "\u2026", 3) == 0) {
            len -= 3;
            continue;
        }
        break;
    }
    if (len >= cap) len = cap - 1;
    memcpy(buf, s, len);
    buf[len] = '\0';
}

/* A contents line: read as one by regions.c, or a paragraph of one entry
 * with a dot leader before its page number. */
static bool contents_entry(const samla_block *b)
{
    if (b->style.name && strcmp(b->style.name, PDF_CONTENTS_STYLE) == 0) return true; /* regions.c's */
    size_t len = strlen(b->text);
    return b->kind == SAMLA_BLOCK_PARAGRAPH && len > 0 && g_ascii_isdigit(b->text[len - 1]) &&
           (strstr(b->text, "....") || strstr(b->text, "\u2026\u2026"));
}

/* A text for comparing a contents entry with the heading it names: case
 * folded, dashes one dash, spaces single (g_free). */
static gchar *name_key(const char *s, size_t len)
{
    gchar *f = g_utf8_casefold(s, (gssize)len);
    GString *o = g_string_sized_new(len);
    bool space = false;
    for (const char *c = f; *c; c = g_utf8_next_char(c)) {
        gunichar u = g_utf8_get_char(c);
        if (g_unichar_isspace(u)) {
            space = o->len > 0;
            continue;
        }
        if (space) g_string_append_c(o, ' ');
        space = false;
        if (u == 0x2013 || u == 0x2014 || u == 0x2212)
            g_string_append_c(o, '-');
        else
            g_string_append_unichar(o, u);
    }
    g_free(f);
    return g_string_free(o, FALSE);
}

/* PDF-HEAD-CONTENTS-NAMED: a contents without dot leaders (groff's, a
 * typed one: "Inledning2", "Syfte 3") is known by what it names. A
 * paragraph that ends in a page number is an entry when the text before
 * the number (spaces and leader dots cut) is the text of a heading, or of a
 * short bold block, further on; with at least three such entries, the bold
 * blocks named are headings (a section title at a page's top, where
 * spacing tells nothing). named[i] (n of them, zeroed by the caller): the
 * index + 1 of the block entry i names, 0 when i is no such entry. */
void pdf_named_contents(samla_block **v, size_t n, size_t *named)
{
    GHashTable *later = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    size_t found = 0;
    /* bottom up, so the table holds the blocks after the one looked at (the first of a text after it) */
    for (size_t i = n; i-- > 0;) {
        samla_block *b = v[i];
        size_t len = strlen(b->text);
        if (b->kind == SAMLA_BLOCK_PARAGRAPH && len > 1 && g_ascii_isdigit(b->text[len - 1])) {
            size_t end = len;
            for (int k = 0; k < 4 && end > 0 && g_ascii_isdigit(b->text[end - 1]) && !named[i]; k++) {
                end--;
                size_t e = end;
                while (e > 0 && (b->text[e - 1] == ' ' || b->text[e - 1] == '.')) e--;
                if (!e) break;
                gchar *key = name_key(b->text, e);
                size_t at = GPOINTER_TO_SIZE(g_hash_table_lookup(later, key));
                g_free(key);
                if (at) named[i] = at;
            }
            if (named[i]) {
                found++;
                continue;
            }
        }
        bool target = b->kind == SAMLA_BLOCK_HEADING ||
                      (b->kind == SAMLA_BLOCK_PARAGRAPH && b->style.bold && pdf_heading_text(b->text) &&
                       b->y1 - b->y0 <= 2.8 * b->style.font_size);
        if (target) g_hash_table_replace(later, name_key(b->text, len), GSIZE_TO_POINTER(i + 1));
    }
    g_hash_table_destroy(later);
    for (size_t i = 0; i < n; i++) {
        if (!named[i]) continue;
        samla_block *t = v[named[i] - 1];
        if (found < 3)
            named[i] = 0;
        else if (t->kind == SAMLA_BLOCK_PARAGRAPH)
            t->kind = SAMLA_BLOCK_HEADING;
    }
}

/* Rule 4 (PDF-HEAD-CONTENTS): a table of contents shows the levels that the
 * look of the headings may not (headings by weight alone at one size): the
 * rank of an entry's indent among the contents' indents is the level of the
 * heading it names. Applied when the entries name at least three headings
 * at two or more indents; headings the contents do not list keep theirs.
 * named[]: the entries PDF-HEAD-CONTENTS-NAMED found and what they name. */
void pdf_contents_levels(samla_block **v, size_t n, const size_t *named)
{
    double xs[9];
    size_t nx = 0;
    bool *entry = calloc(n ? n : 1, sizeof *entry);
    int *lv = calloc(n ? n : 1, sizeof *lv);
    if (!entry || !lv) {
        free(entry);
        free(lv);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        /* a named entry of more lines has no indent to tell: groff sets its second line at the margin */
        bool one_line = v[i]->y1 - v[i]->y0 < 1.6 * v[i]->style.font_size;
        if (!(entry[i] = (named[i] && one_line) || contents_entry(v[i]))) continue;
        size_t q = 0;
        while (q < nx && fabs(xs[q] - v[i]->x0) > 3) q++;
        if (q == nx) {
            if (nx == 9) { /* not indents of levels */
                nx = 0;
                break;
            }
            xs[nx++] = v[i]->x0;
        }
    }
    if (nx < 2) {
        free(entry);
        free(lv);
        return;
    }
    qsort(xs, nx, sizeof *xs, cmp_indent);
    /* each entry's text (leader and page number cut) to the rank of its indent; the first entry of a text
     * names it, looked up once per heading (a long document has contents and headings by the thousand) */
    GHashTable *ranks_of = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    char e[256];
    for (size_t j = 0; j < n; j++) {
        if (!entry[j]) continue;
        int rank = 1;
        for (size_t q = 0; q < nx; q++) rank += xs[q] < v[j]->x0 - 3;
        /* an entry found by what it names gives its heading the rank itself (its text may differ a little) */
        if (named[j]) { /* (named[j] with entry[j]: one line) */
            if (!lv[named[j] - 1]) lv[named[j] - 1] = rank;
            continue;
        }
        entry_text(v[j]->text, e, sizeof e);
        if (!*e || g_hash_table_contains(ranks_of, e)) continue;
        g_hash_table_insert(ranks_of, g_strdup(e), GINT_TO_POINTER(rank));
    }
    free(entry);
    size_t matched = 0;
    bool ranks[10] = {false};
    for (size_t i = 0; i < n; i++) {
        if (v[i]->kind != SAMLA_BLOCK_HEADING) {
            lv[i] = 0;
            continue;
        }
        if (!lv[i]) lv[i] = GPOINTER_TO_INT(g_hash_table_lookup(ranks_of, v[i]->text));
        if (lv[i]) matched++, ranks[lv[i]] = true;
    }
    g_hash_table_destroy(ranks_of);
    int distinct = 0;
    for (int k = 1; k < 10; k++) distinct += ranks[k];
    if (matched >= 3 && distinct >= 2) {
        /* PDF-HEAD-CONTENTS-DEPTH: a contents lists the headings down to a depth; a heading of a listed
         * heading's look that it leaves out, between two listed ones, is a level under the listed one before it
         * (after the last listed heading another part of the document may begin, with contents of its own) */
        const samla_block *last = NULL;
        size_t end = n;
        while (end > 0 && !lv[end - 1]) end--;
        for (size_t j = 0; j < n; j++) /* a named entry of more lines, with no rank, still names its heading */
            if (named[j] && named[j] > end) end = named[j];
        for (size_t i = 0; i < end; i++) {
            if (v[i]->kind != SAMLA_BLOCK_HEADING) continue;
            if (lv[i]) {
                v[i]->level = lv[i];
                last = v[i];
            } else if (last && last->style.bold == v[i]->style.bold &&
                       fabs(last->style.font_size - v[i]->style.font_size) < 0.3 && last->level < 9) {
                v[i]->level = last->level + 1;
            }
        }
    }
    free(lv);
}
