/* wordset.c: a set of strings for the word list (textlayer.c looks up every
 * word of a page, its compound parts and run-together parts): open
 * addressing over a power-of-two table, FNV-1a hashes, looked up by a
 * string and its length so that a part needs no copy. Made once per run in
 * init, read-only afterwards; table in an arena, the strings the caller's. */
#include <stdint.h>
#include <string.h>

#include "pdf.h"

/* A slot holds the word's hash bits and length beside it: a lookup compares the word itself only when both
 * match, so a word that is not in the set (most compound parts) reads the table and no word text (the table
 * is a few MB: each word text read would be one more cache miss). */
typedef struct slot {
    const char *w;      /* NULL: empty */
    uint32_t tag;       /* the hash's high bits */
    uint32_t len;
} slot;

struct pdf_word_set {
    slot *slot;
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
    slot *sl = s ? samla_arena_alloc(a, slots * sizeof *sl) : NULL;
    if (!sl) return NULL;
    *s = (pdf_word_set){sl, slots - 1, 0, cap};
    return s;
}

/* The slot of w[0..n) (hash h): where it is, or the empty one where it would go. */
static size_t find(const pdf_word_set *s, const char *w, size_t n, uint64_t h)
{
    uint32_t tag = (uint32_t)(h >> 32);
    size_t i = (size_t)h & s->mask;
    for (; s->slot[i].w; i = (i + 1) & s->mask)
        if (s->slot[i].tag == tag && s->slot[i].len == n && memcmp(s->slot[i].w, w, n) == 0) break;
    return i;
}

bool pdf_word_set_add(pdf_word_set *s, const char *w)
{
    size_t n = strlen(w);
    if (n > UINT32_MAX) return false;
    uint64_t h = hash(w, n);
    size_t i = find(s, w, n, h);
    if (s->slot[i].w) return true;
    if (s->n == s->max) return false;
    s->slot[i] = (slot){w, (uint32_t)(h >> 32), (uint32_t)n};
    s->n++;
    return true;
}

bool pdf_word_set_has(const pdf_word_set *s, const char *w, size_t n)
{
    return s->slot[find(s, w, n, hash(w, n))].w != NULL;
}
