/* glyphwidths.c: P-GARBLED-WIDTHS, a letter drawn by two glyphs of different widths has a broken map.
 *
 * A glyph's width is a property of the glyph: in one font every 'n' is as wide as every other 'n' (kerning
 * moves a few by some percent). A ToUnicode map that is broken gives one letter to a second glyph as well:
 * the space glyph read as 'n' ("Tillnprotokolljusterare"), the 'ö' glyph read as 'f' ("ffrslag"), the 'm'
 * glyph read as 'a' ("saakoaaunstäaaor"). That letter then comes in two widths on the page, its own and the
 * other glyph's, and the second width is far from the first (a fifth of it or more), the same each time, and
 * shows before several different letters or before spaces (kerning is a pair's: 'r' before ',' or 'V' before 'a'
 * is narrower in one pair only; no font kerns a letter against the space). This holds on a page of a few words, where the word-list checks of textlayer.c see too
 * little, and it needs no word list: a date line whose '.' glyph reads 'r' gives itself away.
 *
 * Not counted: capitals (kerned most: AV, Te), letters before punctuation or digits (kerned: "r."), glyphs
 * whose neighbours are not at their own widths (a run set with character spacing or condensed changes every
 * letter of it, not one), a ligature glyph that gives only its first letter (a 't' as wide as 't' + 'i':
 * PDF-TEXT-LIGATURE-GLYPH), and a ligature that poppler splits into its letters, each given an equal share of
 * the glyph's width ('t' and 'i' at 0.28 em each for the "ti" glyph). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

#define WIDTH_FONTS 32

typedef struct slot_ref {
    double median;  /* the letter's median width in its font on the page (ems), 0: none */
    size_t n;       /* its glyphs counted */
} slot_ref;

typedef struct cand {
    size_t i;       /* index into the glyphs */
    int font;       /* index into the page's fonts */
    int slot;
    double em;
} cand;

static int cmp_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return (p > q) - (p < q);
}

/* Candidates of one font and letter by width, in page order at equal widths. */
static int cmp_cand_em(const void *a, const void *b)
{
    const cand *p = a, *q = b;
    if (p->em != q->em) return p->em < q->em ? -1 : 1;
    return (p->i > q->i) - (p->i < q->i);
}

/* The two letters a, b (lower case ASCII) begin a configured ligature or are one ("ti", "ff" of "ffi"). */
static bool ligature_pair(const pdf_settings *s, gunichar a, gunichar b)
{
    for (const char **l = s->ligatures; l && *l; l++)
        if ((gunichar)(unsigned char)(*l)[0] == a && (*l)[1] && (gunichar)(unsigned char)(*l)[1] == b) return true;
    return false;
}

/* Glyph em of letter slot k in font f is a ligature glyph that kept only its first letter: as wide as the
 * letter plus the ligature's other letters (their medians on the page, within the ligature tolerance). */
static bool ligature_width(const pdf_settings *s, const slot_ref ref[][PDF_LETTERS], int f, int k, double em)
{
    for (const char **l = s->ligatures; l && *l; l++) {
        if (pdf_letter_slot((unsigned char)(*l)[0]) != k || !(*l)[1]) continue;
        double rest = 0;
        bool known = true;
        for (const char *c = *l + 1; *c && known; c++) {
            int o = pdf_letter_slot((unsigned char)*c);
            known = o >= 0 && ref[f][o].median > 0;
            if (known) rest += ref[f][o].median;
        }
        if (known && fabs(em - ref[f][k].median - rest) <= s->ligature_tolerance * rest) return true;
    }
    return false;
}

bool pdf_widths_garbled(const pdf_settings *s, const pdf_glyph_em *g, size_t n, double *share, char *note,
                        size_t note_size, pdf_bad_glyph *bad)
{
    if (s->widths_gap <= 0 || n < 2) return false;
    const char *fname[WIDTH_FONTS];
    int nf = 0;
    int *font = malloc(n * sizeof *font);
    bool *skip = calloc(n, sizeof *skip);
    cand *c = malloc(n * sizeof *c);
    slot_ref (*ref)[PDF_LETTERS] = calloc(WIDTH_FONTS, sizeof *ref);
    bool hit = false;
    if (!font || !skip || !c || !ref) goto done;
    for (size_t i = 0; i < n; i++) {
        const char *f = g[i].font ? g[i].font : "";
        int k = 0;
        while (k < nf && strcmp(fname[k], f) != 0) k++;
        if (k == nf && nf < WIDTH_FONTS) fname[nf++] = f;
        font[i] = k < nf ? k : -1;
    }
    /* a ligature poppler split into its letters: two letters of a ligature side by side, equally wide */
    for (size_t i = 0; i + 1 < n; i++) {
        if (font[i] != font[i + 1] || g[i].em <= 0) continue;
        if (ligature_pair(s, g_unichar_tolower(g[i].c), g_unichar_tolower(g[i + 1].c)) &&
            fabs(g[i].em - g[i + 1].em) <= s->widths_split * g[i].em)
            skip[i] = skip[i + 1] = true;
    }
    /* the candidates by font, letter and width: placed in their font and letter's bucket in page order, each
     * bucket then sorted by width (one sort of every glyph of the page took more than the rest of the check) */
    size_t from[WIDTH_FONTS * PDF_LETTERS + 1] = {0};
    size_t nc = 0;
    for (size_t i = 0; i < n; i++) {
        int k = g_unichar_islower(g[i].c) ? pdf_letter_slot(g[i].c) : -1;
        if (k < 0 || font[i] < 0 || skip[i] || g[i].em <= 0) continue;
        from[font[i] * PDF_LETTERS + k + 1]++;
        nc++;
    }
    for (size_t b = 1; b <= WIDTH_FONTS * PDF_LETTERS; b++) from[b] += from[b - 1];
    for (size_t i = 0; i < n; i++) {
        int k = g_unichar_islower(g[i].c) ? pdf_letter_slot(g[i].c) : -1;
        if (k < 0 || font[i] < 0 || skip[i] || g[i].em <= 0) continue;
        c[from[font[i] * PDF_LETTERS + k]++] = (cand){i, font[i], k, g[i].em};
    }
    for (size_t b = 0, a = 0; b < WIDTH_FONTS * PDF_LETTERS; a = from[b++])
        if (from[b] - a > 1) qsort(c + a, from[b] - a, sizeof *c, cmp_cand_em);
    /* the median width of each letter of each font */
    for (size_t a = 0, b; a < nc; a = b) {
        b = a;
        while (b < nc && c[b].font == c[a].font && c[b].slot == c[a].slot) b++;
        size_t m = b - a;
        ref[c[a].font][c[a].slot].n = m;
        ref[c[a].font][c[a].slot].median = m % 2 ? c[a + m / 2].em : (c[a + m / 2 - 1].em + c[a + m / 2].em) / 2;
    }
    for (size_t a = 0, b; a < nc && !hit; a = b) {
        b = a;
        while (b < nc && c[b].font == c[a].font && c[b].slot == c[a].slot) b++;
        int f = c[a].font, k = c[a].slot;
        double med = ref[f][k].median;
        /* the glyphs far from the letter's median, each with what follows it (' ' for a space or line end) */
        double dev[256];
        gunichar next[256];
        size_t nd = 0;
        for (size_t j = a; j < b && nd < 256; j++) {
            size_t i = c[j].i;
            if (fabs(c[j].em - med) < s->widths_gap * med || ligature_width(s, ref, f, k, c[j].em)) continue;
            bool normal = false; /* a neighbour at its own letter's width */
            for (int d = -1; d <= 1 && !normal; d += 2) {
                if ((d < 0 && i == 0) || (d > 0 && i + 1 >= n)) continue;
                size_t o = i + d;
                int ok = g_unichar_islower(g[o].c) ? pdf_letter_slot(g[o].c) : -1;
                if (ok < 0 || font[o] != f || skip[o] || g[o].em <= 0) continue;
                const slot_ref *r = &ref[f][ok];
                normal = r->n >= 3 && fabs(g[o].em - r->median) <= s->widths_neighbour * r->median;
            }
            if (!normal) continue;
            gunichar nx = i + 1 < n ? g[i + 1].c : ' ';
            if (g_unichar_isspace(nx)) nx = ' ';
            else if (!g_unichar_isalpha(nx)) continue; /* kerned before punctuation, or a digit */
            dev[nd] = c[j].em;
            next[nd++] = nx;
        }
        /* a width the far glyphs share (within widths_same), shown before different letters */
        for (size_t d = 0; d < nd && !hit; d++) {
            size_t count = 0, spaces = 0, kinds = 0;
            gunichar seen[256];
            for (size_t e = 0; e < nd; e++) {
                if (fabs(dev[e] - dev[d]) > s->widths_same * dev[d]) continue;
                count++;
                spaces += next[e] == ' ';
                size_t q = 0;
                while (q < kinds && seen[q] != next[e]) q++;
                if (q == kinds) seen[kinds++] = next[e];
            }
            if ((double)count < s->widths_min_glyphs) continue;
            if (kinds < 2 && spaces < count) continue; /* one pair: kerning */
            hit = true;
            if (bad) {
                g_strlcpy(bad->font, fname[f], sizeof bad->font);
                bad->c = g[c[a].i].c;
                bad->em = dev[d];
                bad->med = med;
            }
            if (share) *share = (double)count / (double)(b - a);
            if (note && note_size) {
                static const char *const names[PDF_LETTERS] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                                               "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
                                                               "u", "v", "w", "x", "y", "z", "å", "ä", "ö"};
                g_snprintf(note, note_size, "'%s' drawn %zu times %.2f em wide, its other glyphs %.2f em", names[k],
                           count, dev[d], med);
            }
        }
    }
done:
    free(font);
    free(skip);
    free(c);
    free(ref);
    return hit;
}

/* The glyphs of letter c in font f among g[0..n) within widths_same of width em, each beside a letter of the font
 * at that letter's own width on this page (med, cnt: the page's medians; a run set condensed or with character
 * spacing changes its neighbours too). */
static size_t count_at(const pdf_settings *s, const pdf_glyph_em *g, size_t n, const char *f, gunichar c, double em,
                       const double *med, const size_t *cnt)
{
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        if (g[i].c != c || !g[i].font || strcmp(g[i].font, f) != 0) continue;
        if (fabs(g[i].em - em) > s->widths_same * em) continue;
        bool normal = false;
        for (int d = -1; d <= 1 && !normal; d += 2) {
            if ((d < 0 && i == 0) || (d > 0 && i + 1 >= n)) continue;
            const pdf_glyph_em *o = &g[i + d];
            int k = g_unichar_islower(o->c) ? pdf_letter_slot(o->c) : -1;
            if (k < 0 || o->em <= 0 || !o->font || strcmp(o->font, f) != 0 || o->c == c) continue;
            normal = cnt[k] >= 3 && fabs(o->em - med[k]) <= s->widths_neighbour * med[k];
        }
        found += normal;
    }
    return found;
}

/* P-GARBLED-FONT: the letter of b drawn in b's font by both of its glyphs, b's two widths (em and med): the
 * glyphs at the rarer of the two on this page, 0 when either is missing. Which glyph is the letter's own is not
 * asked: a page of the font that draws the letter by one glyph only may be sound (a running header set in a sound
 * font of the same name, a page whose text has none of the broken glyph). */
size_t pdf_widths_count_bad(const pdf_settings *s, const pdf_glyph_em *g, size_t n, const pdf_bad_glyph *b)
{
    if (!n || !b->c || b->em <= 0 || b->med <= 0) return 0;
    double *ems = malloc(n * sizeof *ems);
    if (!ems) return 0;
    /* the median width of each letter of b's font on this page */
    double med[PDF_LETTERS] = {0};
    size_t cnt[PDF_LETTERS] = {0};
    for (int k = 0; k < PDF_LETTERS; k++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (g[i].em > 0 && g[i].font && strcmp(g[i].font, b->font) == 0 && g_unichar_islower(g[i].c) &&
                pdf_letter_slot(g[i].c) == k)
                ems[m++] = g[i].em;
        if (!m) continue;
        qsort(ems, m, sizeof *ems, cmp_double);
        cnt[k] = m;
        med[k] = m % 2 ? ems[m / 2] : (ems[m / 2 - 1] + ems[m / 2]) / 2;
    }
    free(ems);
    size_t one = count_at(s, g, n, b->font, b->c, b->em, med, cnt);
    size_t other = count_at(s, g, n, b->font, b->c, b->med, med, cnt);
    return one < other ? one : other;
}
