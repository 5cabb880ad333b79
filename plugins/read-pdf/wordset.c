/* wordset.c: a set of strings for the word list (textlayer.c looks up every
 * word of a page, its compound parts and run-together parts): open
 * addressing over a power-of-two table, FNV-1a hashes, looked up by a
 * string and its length so that a part needs no copy. Made once per run in
 * init, read-only afterwards; table in an arena, the strings the caller's. */
#include <stdint.h>
#include <string.h>

#include "pdf.h"

struct pdf_word_set {
    const char **slot;  /* NULL: empty */
    size_t mask;        /* slots - 1 */
    size_t n, max;      /* words held, most it takes (half the slots) */
};

static uint64_t hash(const char *w, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 1099511628211u;
    return h;
}

pdf_word_set *pdf_word_set_new(samla_arena *a, size_t cap)
{
    size_t slots = 16;
    while (slots < 2 * cap) slots *= 2;
    pdf_word_set *s = samla_arena_alloc(a, sizeof *s);
    const char **slot = s ? samla_arena_alloc(a, slots * sizeof *slot) : NULL;
    if (!slot) return NULL;
    *s = (pdf_word_set){slot, slots - 1, 0, cap};
    return s;
}

/* The slot of w[0..n): where it is, or the empty one where it would go. */
static size_t find(const pdf_word_set *s, const char *w, size_t n)
{
    size_t i = (size_t)hash(w, n) & s->mask;
    while (s->slot[i] && !(strncmp(s->slot[i], w, n) == 0 && s->slot[i][n] == '\0')) i = (i + 1) & s->mask;
    return i;
}

bool pdf_word_set_add(pdf_word_set *s, const char *w)
{
    size_t i = find(s, w, strlen(w));
    if (s->slot[i]) return true;
    if (s->n == s->max) return false;
    s->slot[i] = w;
    s->n++;
    return true;
}

bool pdf_word_set_has(const pdf_word_set *s, const char *w, size_t n) { return s->slot[find(s, w, n)] != NULL; }
