/* furniture.c: running headers and footers.
 *
 * A line in the top or bottom 12% of a page is furniture when the same text
 * (digits folded, so "Sida 2 av 5" matches "Sida 3 av 5") stands at about
 * the same height on at least two pages, or on at least half of the pages
 * anywhere in that band. A lone page number line ("3", "Sida 3 av 8",
 * "3 (8)") at the bottom is a footer (at the top a header) even on its own,
 * and so is any band line holding a page label ("KS2024/286 Sida 1 av 17").
 * Furniture lines stay in the document as header/footer blocks. */
#include <math.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

#define BAND 0.12

/* Soft text of a whole line with every digit run folded to '#'. Arena. */
static char *line_key(samla_arena *a, const pdf_line *l)
{
    pdf_frag f = {l, 0, l->nwords};
    char *soft = samla_text_soft(a, pdf_frag_text(a, &f));
    if (!soft) return NULL;
    char *o = soft;
    for (const char *s = soft; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (o == soft || o[-1] != '#') *o++ = '#';
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return soft;
}

static int band_of(const pdf_page *p, const pdf_line *l)
{
    if (p->height <= 0) return 0;
    if (l->y1 <= p->height * BAND) return 1;
    if (l->y0 >= p->height * (1 - BAND)) return 2;
    return 0;
}

typedef struct tally {
    size_t last_page, pages;
} tally;

/* Counts each key once per page in table h (key -> tally, both arena). */
static void count(samla_arena *a, GHashTable *h, const char *key, size_t page)
{
    tally *t = g_hash_table_lookup(h, key);
    if (!t) {
        t = samla_arena_alloc(a, sizeof *t);
        if (!t) return;
        t->last_page = (size_t)-1;
        g_hash_table_insert(h, (gpointer)key, t);
    }
    if (t->last_page != page) t->last_page = page, t->pages++;
}

static size_t pages_of(GHashTable *h, const char *key)
{
    const tally *t = g_hash_table_lookup(h, key);
    return t ? t->pages : 0;
}

void pdf_mark_furniture(pdf_reader *r)
{
    samla_arena *a = r->ctx->arena;
    size_t total = 0;
    for (size_t i = 0; i < r->npages; i++) total += r->pages[i].nlines;
    if (!total) return;
    /* two keys per band line: "band|text" and "band|height|text"; NULL elsewhere */
    const char **keys = samla_arena_alloc(a, 2 * total * sizeof *keys);
    if (!keys) return;
    GHashTable *any = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTable *at_y = g_hash_table_new(g_str_hash, g_str_equal);
    size_t k = 0;
    for (size_t i = 0; i < r->npages; i++)
        for (size_t j = 0; j < r->pages[i].nlines; j++, k += 2) {
            const pdf_line *l = &r->pages[i].lines[j];
            int band = band_of(&r->pages[i], l);
            char *key = band ? line_key(a, l) : NULL;
            if (!key || !*key) continue;
            /* heights are bucketed by 4 pt; neighbours are looked up too */
            keys[k] = samla_arena_printf(a, "%d|%s", band, key);
            keys[k + 1] = samla_arena_printf(a, "%d|%ld|%s", band, lround(l->y0 / 4), key);
            if (!keys[k] || !keys[k + 1]) continue;
            count(a, any, keys[k], i);
            count(a, at_y, keys[k + 1], i);
        }
    size_t need_any = r->npages / 2 > 2 ? r->npages / 2 : 2;
    k = 0;
    for (size_t i = 0; i < r->npages; i++) {
        pdf_page *p = &r->pages[i];
        for (size_t j = 0; j < p->nlines; j++, k += 2) {
            pdf_line *l = &p->lines[j];
            if (!keys[k] || !keys[k + 1]) continue;
            int band = band_of(p, l);
            pdf_frag f = {l, 0, l->nwords};
            const char *text = pdf_frag_text(a, &f);
            bool furniture = (text && (samla_re_test(r->set->page_number, text) ||
                                       samla_re_test(r->set->page_label, text))) ||
                             pages_of(any, keys[k]) >= need_any || pages_of(at_y, keys[k + 1]) >= 2;
            for (long d = -1; d <= 1 && !furniture; d += 2) {
                const char *key = line_key(a, l);
                const char *nb = key ? samla_arena_printf(a, "%d|%ld|%s", band, lround(l->y0 / 4) + d, key) : NULL;
                furniture = nb && pages_of(at_y, nb) + pages_of(at_y, keys[k + 1]) >= 2 &&
                            pages_of(at_y, nb) >= 1 && pages_of(any, keys[k]) >= 2;
            }
            if (furniture) l->role = band == 1 ? PDF_HEADER : PDF_FOOTER;
        }
    }
    g_hash_table_destroy(any);
    g_hash_table_destroy(at_y);
}
