/* ligatures.c: ligature glyphs whose Unicode map names only their first letter (PDF-TEXT-LIGATURE-GLYPH).
 *
 * Word sets Calibri with its ti, tt, ft, fi ... ligatures and, when the font's ToUnicode map gives the
 * ligature glyph only its first letter, the text layer reads "Martn", "Ersätare", "underskrifer" where
 * the page shows Martin, Ersättare, underskrifter. The glyph itself is as wide as its letters together,
 * so it gives itself away: a 't' half as wide again as the font's other t's is a 't' plus an 'i'.
 *
 * Page by page, the widths (in ems: box width / font size) of the letters the configured ligatures are
 * made of are sampled per font over the document read so far (a short bold heading borrows from the
 * pages before); a letter that begins a ligature and is wider than its font's median by
 * about the width of the ligature's other letters (within `tolerance` of it) gets them back. When two
 * ligatures fit (fi and fl: i and l are equally wide in most fonts), the word list chooses
 * (pdf_word_check); else the closest width wins, and between widths as close as a tenth, the ligature
 * listed first (the data file lists the more common first). Fonts and letters with too few samples on the page
 * are left alone. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf.h"

#define LIG_FONTS 16
#define LIG_SAMPLES 48
#define LIG_LETTERS 8

typedef struct lig_font {
    char *name;                               /* the font's name (malloc'd copy) */
    float em[LIG_LETTERS][LIG_SAMPLES];       /* sampled widths of each tracked letter */
    unsigned n[LIG_LETTERS];
    unsigned sorted[LIG_LETTERS];             /* samples in order (em sorted up to there at the last settle) */
    double median[LIG_LETTERS];               /* 0: too few samples */
} lig_font;

struct pdf_lig_table {
    const pdf_settings *set;
    char letters[LIG_LETTERS + 1];            /* the ASCII letters the ligatures are made of */
    char firsts[LIG_LETTERS + 1];             /* those that begin one */
    signed char slot[256];                    /* a byte's index in letters, -1 none */
    bool letter[256];                         /* the byte is in letters */
    bool first[256];                          /* the byte is in firsts */
    lig_font fonts[LIG_FONTS];
    size_t nfonts;
};

static int letter_slot(const pdf_lig_table *t, char c) { return t->slot[(unsigned char)c]; }

pdf_lig_table *pdf_lig_table_new(const pdf_settings *s)
{
    if (!s->ligatures || !s->ligatures[0]) return NULL;
    pdf_lig_table *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->set = s;
    size_t n = 0, nf = 0;
    for (const char **l = s->ligatures; *l; l++) {
        for (const char *c = *l; *c; c++)
            if (n < LIG_LETTERS && (unsigned char)*c < 0x80 && !strchr(t->letters, *c)) t->letters[n++] = *c;
        if (nf < LIG_LETTERS && strchr(t->letters, **l) && !strchr(t->firsts, **l)) t->firsts[nf++] = **l;
    }
    for (int c = 0; c < 256; c++) {
        const char *p = c ? strchr(t->letters, c) : NULL;
        t->slot[c] = (signed char)(p ? p - t->letters : -1);
        t->letter[c] = p != NULL;
        t->first[c] = c && strchr(t->firsts, c);
    }
    return t;
}

const bool *pdf_lig_letters(const pdf_lig_table *t) { return t->letter; }

const bool *pdf_lig_firsts(const pdf_lig_table *t) { return t->first; }

void pdf_lig_table_free(pdf_lig_table *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->nfonts; i++) free(t->fonts[i].name);
    free(t);
}

/* The table's entry for font name, NULL when it has none. */
static const lig_font *find_font(const pdf_lig_table *t, const char *name)
{
    for (size_t i = 0; name && i < t->nfonts; i++)
        if (strcmp(t->fonts[i].name, name) == 0) return &t->fonts[i];
    return NULL;
}

/* The entry for font name, added when new (NULL when the table is full or out of memory). */
static lig_font *add_font(pdf_lig_table *t, const char *name)
{
    const lig_font *known = find_font(t, name);
    if (known) return &t->fonts[known - t->fonts];
    if (!name || t->nfonts == LIG_FONTS) return NULL;
    lig_font *f = &t->fonts[t->nfonts];
    if (!(f->name = strdup(name))) return NULL;
    t->nfonts++;
    return f;
}

void pdf_lig_observe(pdf_lig_table *t, const char *font, const char *ch, size_t len, double width, double size)
{
    if (!t || len != 1 || size <= 0 || width <= 0) return;
    int k = letter_slot(t, *ch);
    if (k < 0) return;
    lig_font *f = add_font(t, font);
    if (f && f->n[k] < LIG_SAMPLES) f->em[k][f->n[k]++] = (float)(width / size);
}

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return (x > y) - (x < y);
}

void pdf_lig_settle(pdf_lig_table *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->nfonts; i++) {
        lig_font *f = &t->fonts[i];
        for (int k = 0; k < LIG_LETTERS; k++) {
            f->median[k] = 0;
            if (f->n[k] < (unsigned)t->set->ligature_min_samples) continue;
            if (f->sorted[k] != f->n[k]) qsort(f->em[k], f->n[k], sizeof f->em[k][0], cmp_float); /* new samples */
            f->sorted[k] = f->n[k];
            f->median[k] = f->em[k][f->n[k] / 2];
        }
    }
}

/* The length of name's family part: without a subset prefix ("BAAAAA+") and a style after '-' or ','
 * ("Calibri-Bold", "Arial,Bold"); *start gets where it begins. */
static size_t family(const char *name, const char **start)
{
    const char *plus = strchr(name, '+');
    if (plus && plus - name == 6) name = plus + 1;
    *start = name;
    return strcspn(name, "-,");
}

/* The median width of slot k in font f or, when f has too few samples of it, in another font of its family
 * (a bold heading's letters from the regular text: their widths differ by a few percent). 0 when unknown. */
static double median_em(const pdf_lig_table *t, const lig_font *f, int k)
{
    if (f->median[k] > 0) return f->median[k];
    const char *fam, *other;
    size_t n = family(f->name, &fam);
    for (size_t i = 0; i < t->nfonts; i++) {
        const lig_font *g = &t->fonts[i];
        if (g == f || g->median[k] <= 0 || family(g->name, &other) != n || strncmp(fam, other, n) != 0) continue;
        return g->median[k];
    }
    return 0;
}

/* The width in ems of letters (ASCII, tracked) in font f; 0 when one of them is unknown. */
static double letters_em(const pdf_lig_table *t, const lig_font *f, const char *letters)
{
    double sum = 0;
    for (const char *c = letters; *c; c++) {
        int k = letter_slot(t, *c);
        double m = k < 0 ? 0 : median_em(t, f, k);
        if (m <= 0) return 0;
        sum += m;
    }
    return sum;
}

size_t pdf_lig_lost(const pdf_lig_table *t, const char *font, const char *ch, size_t len, double width, double size,
                    const char **out, size_t max)
{
    if (!t || len != 1 || size <= 0 || max == 0 || !t->first[(unsigned char)*ch]) return 0;
    int k = letter_slot(t, *ch);
    const lig_font *f = k < 0 ? NULL : find_font(t, font);
    double own = f ? median_em(t, f, k) : 0;
    if (own <= 0) return 0;
    double extra = width / size - own;
    if (extra <= 0) return 0;
    double err[PDF_LIG_MAX];
    size_t n = 0;
    if (max > PDF_LIG_MAX) max = PDF_LIG_MAX;
    for (const char **l = t->set->ligatures; *l && n < max; l++) {
        if ((*l)[0] != *ch || !(*l)[1]) continue;
        double want = letters_em(t, f, *l + 1);
        if (want <= 0 || fabs(extra - want) > t->set->ligature_tolerance * want) continue;
        /* insertion sort by how far the seen extra width is from the ligature's, in steps of a tenth: within
         * a step (ft and ff: t and f are about as wide), the order of the data file (the more common first) */
        size_t i = n++;
        double e = floor(fabs(extra - want) / want * 10);
        while (i > 0 && err[i - 1] > e) {
            err[i] = err[i - 1];
            out[i] = out[i - 1];
            i--;
        }
        err[i] = e;
        out[i] = *l + 1;
    }
    return n;
}
