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
 * Not counted: capitals (kerned most: AV, Te), glyphs all before one kind of character (kerning is a pair's, or a
 * class's: "r." and "r," alike; P-GARBLED-WIDTHS-KINDS counts a letter, a digit, punctuation, a space as kinds, so
 * the hyphen's glyph read 'n' in "1n8/2022", before a digit and before a hyphen, is counted), glyphs
 * whose neighbours (letters or digits) are not at their own widths (a run set with character spacing or condensed changes every
 * letter of it, not one), a ligature glyph that gives only its first letter (a 't' as wide as 't' + 'i':
 * PDF-TEXT-LIGATURE-GLYPH), and a ligature that poppler splits into its letters, each given an equal share of
 * the glyph's width ('t' and 'i' at 0.28 em each for the "ti" glyph).
 *
 * P-GARBLED-WIDE: where no letter is drawn twice by a second glyph, one glyph far wider than its letter's others
 * (widths.wide) is enough: kerning narrows a glyph, it does not widen a letter by a quarter (the "fi" glyph read 'i',
 * 0.53 em beside 'i' at 0.23 em) — but for a doubled letter (P-GARBLED-WIDE-DOUBLE: TeX's italic "ll"). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

#define WIDTH_FONTS 32
/* The slots of a font's glyphs: the lower-case letters (pdf_letter_slot), then the digits 0-9, which are never
 * judged but measure a neighbour (P-GARBLED-WIDTHS-KINDS: the space glyph read 'n' between two digits, "1n8") */
#define WIDTH_SLOTS (PDF_LETTERS + 10)

/* Glyph c's slot: a lower-case letter's, a digit's after them, -1 */
static int width_slot(gunichar c)
{
    if (c >= '0' && c <= '9') return PDF_LETTERS + (int)(c - '0');
    return pdf_letter_slot(c);
}

typedef struct slot_ref {
    double median;  /* the letter's median width in its font on the page (ems), 0: none */
    size_t n;       /* its glyphs counted */
    bool done;      /* median taken (it is taken when first asked) */
} slot_ref;

/* A page's letters for P-GARBLED-WIDTHS: the glyph indices c by font and letter (bucket b = font * WIDTH_SLOTS +
 * slot ends at from[b], in page order), each letter's reference width (taken when asked), room for one bucket's
 * widths. */
typedef struct width_page {
    const pdf_glyph_em *g;
    const size_t *c;
    const size_t *from;
    slot_ref (*ref)[WIDTH_SLOTS];
    double *ems;
    size_t n;                 /* the page's glyphs */
    const signed char *slot;  /* each glyph's slot (width_slot), -1 */
    const int *font;          /* each glyph's font index, -1 */
    const bool *skip;         /* glyphs of a ligature poppler split into its letters */
} width_page;

static int cmp_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return (p > q) - (p < q);
}

/* A glyph far from its letter's median: its width, its index into the glyphs, what follows it. */
typedef struct far_glyph {
    double em;
    size_t i;
    gunichar next;
} far_glyph;

/* Far glyphs by width, in page order at equal widths. */
static int cmp_far(const void *a, const void *b)
{
    const far_glyph *p = a, *q = b;
    if (p->em != q->em) return p->em < q->em ? -1 : 1;
    return (p->i > q->i) - (p->i < q->i);
}

/* The k-th smallest of v[0..n) (k < n), v reordered so that v[0..k) are not larger (Hoare's selection). */
static double select_kth(double *v, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        double pivot = v[lo + (hi - lo) / 2];
        size_t i = lo, j = hi;
        while (i <= j) {
            while (v[i] < pivot) i++;
            while (v[j] > pivot) j--;
            if (i <= j) {
                double t = v[i];
                v[i] = v[j], v[j] = t;
                i++;
                if (j == 0) break;
                j--;
            }
        }
        if (k <= j) hi = j;
        else if (k >= i) lo = i;
        else break; /* v[k] equals the pivot */
    }
    return v[k];
}

/* The median of v[0..m) (m > 0; v reordered): the middle value, or the mean of the two middle ones. */
static double median_of(double *v, size_t m)
{
    double hi = select_kth(v, m, m / 2);
    if (m % 2) return hi;
    double lo = v[0]; /* the largest of v[0 .. m/2), all at most hi */
    for (size_t i = 1; i < m / 2; i++)
        if (v[i] > lo) lo = v[i];
    return (lo + hi) / 2;
}

/* The median width of letter slot k of font f on the page (0: the font has no such glyph), taken once. */
static double median_at(width_page *w, int f, int k)
{
    slot_ref *r = &w->ref[f][k];
    if (r->done) return r->median;
    r->done = true;
    size_t b = (size_t)f * WIDTH_SLOTS + (size_t)k, a = b ? w->from[b - 1] : 0, m = w->from[b] - a;
    if (!m) return r->median = 0;
    for (size_t j = 0; j < m; j++) w->ems[j] = w->g[w->c[a + j]].em;
    return r->median = median_of(w->ems, m);
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
static bool ligature_width(const pdf_settings *s, width_page *w, int f, int k, double em)
{
    for (const char **l = s->ligatures; l && *l; l++) {
        if (pdf_letter_slot((unsigned char)(*l)[0]) != k || !(*l)[1]) continue;
        double rest = 0;
        bool known = true;
        for (const char *c = *l + 1; *c && known; c++) {
            int o = pdf_letter_slot((unsigned char)*c);
            double m = o >= 0 ? median_at(w, f, o) : 0;
            known = m > 0;
            if (known) rest += m;
        }
        if (known && fabs(em - median_at(w, f, k) - rest) <= s->ligature_tolerance * rest) return true;
    }
    return false;
}

/* The width of the letters after the first of ligature l (their medians in font f on the page), 0 when one of
 * them is not on the page. */
static double ligature_rest(width_page *w, int f, const char *l)
{
    double rest = 0;
    for (const char *c = l + 1; *c; c++) {
        int o = pdf_letter_slot((unsigned char)*c);
        double m = o >= 0 ? median_at(w, f, o) : 0;
        if (m <= 0) return 0;
        rest += m;
    }
    return rest;
}

/* P-GARBLED-WIDE: glyph em of letter slot k in font f is a ligature glyph that kept its first letter, judged
 * from the letter's narrowest glyph on the page (own, the letter's true width: where most of a page's f's are
 * its fi glyph, the median is the ligature's) plus the other letters of one ligature, or of two that chain
 * (tt then ti: the tti glyph). */
static bool ligature_width_from(const pdf_settings *s, width_page *w, int f, int k, double own, double em)
{
    for (const char **l = s->ligatures; l && *l; l++) {
        if (pdf_letter_slot((unsigned char)(*l)[0]) != k || !(*l)[1]) continue;
        double rest = ligature_rest(w, f, *l);
        if (rest <= 0) continue;
        if (fabs(em - own - rest) <= s->ligature_tolerance * rest) return true;
        size_t len = strlen(*l);
        for (const char **m = s->ligatures; m && *m; m++) { /* a second ligature begun by l's last letter */
            if ((*m)[0] != (*l)[len - 1] || !(*m)[1]) continue;
            double more = ligature_rest(w, f, *m);
            if (more > 0 && fabs(em - own - rest - more) <= s->ligature_tolerance * (rest + more)) return true;
        }
    }
    return false;
}

/* The narrowest and widest glyph of the bucket whose glyphs are w->c[a .. e). */
static void bucket_span(const width_page *w, size_t a, size_t e, double *lo, double *hi)
{
    *lo = *hi = w->g[w->c[a]].em;
    for (size_t j = a + 1; j < e; j++) {
        double em = w->g[w->c[j]].em;
        if (em < *lo) *lo = em;
        if (em > *hi) *hi = em;
    }
}

/* Glyph i (font f) stands beside a glyph of its font drawn at its own width (a letter or a digit within
 * widths_neighbour of its median, drawn three times at least on the page). */
static bool beside_normal(const pdf_settings *s, width_page *w, size_t i, int f)
{
    for (int d = -1; d <= 1; d += 2) {
        if ((d < 0 && i == 0) || (d > 0 && i + 1 >= w->n)) continue;
        size_t o = i + d;
        int ok = w->slot[o];
        if (ok < 0 || w->font[o] != f || w->skip[o] || w->g[o].em <= 0) continue;
        double m = median_at(w, f, ok);
        if (w->ref[f][ok].n >= 3 && fabs(w->g[o].em - m) <= s->widths_neighbour * m) return true;
    }
    return false;
}

bool pdf_widths_garbled(const pdf_settings *s, const pdf_glyph_em *g, size_t n, double *share, char *note,
                        size_t note_size, pdf_bad_glyph *bad)
{
    if (s->widths_gap <= 0 || n < 2) return false;
    const char *fname[WIDTH_FONTS];
    int nf = 0;
    int *font = malloc(n * sizeof *font), *key = malloc(n * sizeof *key);
    signed char *slot = malloc(n); /* each glyph's letter slot (pdf_letter_slot: lower-case letters only), -1 */
    bool *skip = calloc(n, sizeof *skip);
    size_t *c = malloc(n * sizeof *c);      /* the candidates' glyph indices, by font and letter */
    double *ems = malloc(n * sizeof *ems);  /* one bucket's widths, for its median */
    far_glyph *far = malloc(n * sizeof *far);
    slot_ref (*ref)[WIDTH_SLOTS] = calloc(WIDTH_FONTS, sizeof *ref);
    bool hit = false;
    if (!font || !key || !slot || !skip || !c || !ems || !far || !ref) goto done;
    /* the font of each glyph, by first use on the page; a run of glyphs shares its attributes' name */
    const char *last = NULL;
    int last_k = -1;
    for (size_t i = 0; i < n; i++) {
        const char *f = g[i].font ? g[i].font : "";
        if (f != last || last_k < 0) {
            int k = 0;
            while (k < nf && strcmp(fname[k], f) != 0) k++;
            if (k == nf && nf < WIDTH_FONTS) fname[nf++] = f;
            last = f, last_k = k < nf ? k : -1;
        }
        font[i] = last_k;
        slot[i] = (signed char)width_slot(g[i].c); /* a lower-case letter or a digit */
    }
    /* a ligature poppler split into its letters: two letters of a ligature side by side, equally wide (the
     * letters that begin a ligature looked up first: most glyphs begin none) */
    bool first[256] = {false};
    for (const char **l = s->ligatures; l && *l; l++)
        if ((*l)[1]) first[(unsigned char)(*l)[0]] = true;
    for (size_t i = 0; i + 1 < n; i++) {
        /* P-GARBLED-WIDTHS-MARK: a letter before a combining mark is one glyph with its accent (groff's 'c' + U+0301
         * for the ć glyph), whose box poppler splits between them: the letter is not measured */
        if (g[i + 1].c >= 0x300 && slot[i] >= 0 && g_unichar_ismark(g[i + 1].c)) { /* marks start at U+0300 */
            skip[i] = true;
            continue;
        }
        if (font[i] != font[i + 1] || g[i].em <= 0) continue;
        gunichar a = g[i].c < 0x80 ? (gunichar)g_ascii_tolower((char)g[i].c) : g_unichar_tolower(g[i].c);
        if (a >= 256 || !first[a]) continue;
        if (fabs(g[i].em - g[i + 1].em) <= s->widths_split * g[i].em &&
            ligature_pair(s, a, g_unichar_tolower(g[i + 1].c)))
            skip[i] = skip[i + 1] = true;
    }
    /* the candidates by font and letter, each bucket in page order, with its narrowest and widest glyph */
    size_t from[WIDTH_FONTS * WIDTH_SLOTS + 1] = {0};
    for (size_t i = 0; i < n; i++) {
        if (slot[i] >= 0 && font[i] >= 0 && !skip[i] && g[i].em > 0) {
            key[i] = font[i] * WIDTH_SLOTS + slot[i];
            from[key[i] + 1]++;
        } else {
            key[i] = -1;
        }
    }
    for (size_t b = 1; b <= WIDTH_FONTS * WIDTH_SLOTS; b++) from[b] += from[b - 1];
    for (size_t i = 0; i < n; i++)
        if (key[i] >= 0) c[from[key[i]]++] = i;
    /* from[b] is now the end of bucket b. The median width of each letter of each font (a selection, no sort),
     * taken when asked: a letter whose glyphs all lie within widths_gap of its narrowest has none far from its
     * median, and another letter's median is asked only beside a far glyph or for a ligature */
    for (size_t b = 0, a = 0; b < WIDTH_FONTS * WIDTH_SLOTS; a = from[b++])
        if (from[b] > a) ref[b / WIDTH_SLOTS][b % WIDTH_SLOTS].n = from[b] - a;
    width_page wp = {g, c, from, ref, ems, n, slot, font, skip};
    /* the letters of the page's fonts, bucket by bucket (the digits only measure neighbours) */
    for (size_t fk = 0; fk < (size_t)nf * PDF_LETTERS && !hit; fk++) {
        int f = (int)(fk / PDF_LETTERS), k = (int)(fk % PDF_LETTERS);
        size_t b = (size_t)f * WIDTH_SLOTS + (size_t)k, a = b ? from[b - 1] : 0;
        if (from[b] == a) continue;
        double lo, hi;
        bucket_span(&wp, a, from[b], &lo, &hi);
        /* |em - median| <= hi - lo for every glyph, and the median is at least lo */
        if (hi - lo < s->widths_gap * lo) continue;
        double med = median_at(&wp, f, k);
        /* the glyphs far from the letter's median, each with what follows it (' ' for a space or line end),
         * found in page order and then taken by width (in page order at equal widths), 256 at most */
        size_t nfar = 0;
        for (size_t j = a; j < from[b]; j++) {
            size_t i = c[j];
            double em = g[i].em;
            if (fabs(em - med) < s->widths_gap * med || ligature_width(s, &wp, f, k, em)) continue;
            if (!beside_normal(s, &wp, i, f)) continue;
            /* what follows, by kind: a space or line end, each letter, the digits as one, punctuation as one
             * (kerned as a class: "r." and "r," alike) */
            gunichar nx = i + 1 < n ? g[i + 1].c : ' ';
            if (g_unichar_isspace(nx)) nx = ' ';
            else if (g_unichar_isdigit(nx)) nx = '0';
            /* P-GARBLED-OVERPRINT: a word that touches a capital with no space between is one drawn into the
             * next (an overfull table cell printed over the next cell's text); poppler ends its last glyph's box
             * where the capital begins, and that glyph comes out narrow */
            else if (g_unichar_isupper(nx)) continue;
            else if (!g_unichar_isalpha(nx)) nx = '.';
            far[nfar++] = (far_glyph){em, i, nx};
        }
        if (nfar > 1) qsort(far, nfar, sizeof *far, cmp_far);
        size_t nd = nfar < 256 ? nfar : 256;
        /* a width the far glyphs share (within widths_same), shown before different kinds of characters: the
         * glyphs within widths_same of far[d] are the run far[from_e .. to_e) of the sorted widths, and both ends only
         * move up with d; a width equal to the one before has that one's run */
        for (size_t d = 0, from_e = 0, to_e = 0; d < nd && !hit; d++) {
            double tol = s->widths_same * far[d].em;
            while (from_e < nd && far[from_e].em < far[d].em - tol) from_e++;
            while (to_e < nd && far[to_e].em <= far[d].em + tol) to_e++;
            if (d > 0 && far[d].em == far[d - 1].em) continue;
            size_t count = 0, spaces = 0, kinds = 0;
            gunichar seen[256];
            for (size_t e = from_e; e < to_e; e++) {
                count++;
                spaces += far[e].next == ' ';
                size_t q = 0;
                while (q < kinds && seen[q] != far[e].next) q++;
                if (q == kinds) seen[kinds++] = far[e].next;
            }
            if ((double)count < s->widths_min_glyphs) continue;
            /* one kind after them all: one pair's kerning, or a class's (P-GARBLED-WIDTHS-KINDS: before a digit
             * and before punctuation, before a letter and a full stop, no font kerns alike) */
            if (kinds < 2 && spaces < count) continue;
            hit = true;
            if (bad) {
                g_strlcpy(bad->font, fname[f], sizeof bad->font);
                bad->c = g[c[a]].c;
                bad->em = far[d].em;
                bad->med = med;
            }
            if (share) *share = (double)count / (double)(from[b] - a);
            if (note && note_size) {
                static const char *const names[PDF_LETTERS] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                                               "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
                                                               "u", "v", "w", "x", "y", "z", "å", "ä", "ö"};
                g_snprintf(note, note_size, "'%s' drawn %zu times %.2f em wide, its other glyphs %.2f em", names[k],
                           count, far[d].em, med);
            }
        }
    }
    /* P-GARBLED-WIDE: no letter drawn twice by a second glyph; one glyph far wider than its letter (a wider glyph
     * read as this letter: *i* for the fi glyph, *c* for the h glyph) marks the page too. Kerning narrows a glyph
     * before another, it does not widen one by a quarter */
    for (size_t fk = 0; fk < (size_t)nf * PDF_LETTERS && !hit && s->widths_wide > 0; fk++) {
        int f = (int)(fk / PDF_LETTERS), k = (int)(fk % PDF_LETTERS);
        size_t b = (size_t)f * WIDTH_SLOTS + (size_t)k, a = b ? from[b - 1] : 0;
        if (from[b] - a < 3) continue; /* a median of three glyphs at least */
        double lo, hi;
        bucket_span(&wp, a, from[b], &lo, &hi);
        if (hi < (1 + s->widths_wide) * lo) continue; /* the median is at least lo */
        double med = median_at(&wp, f, k);
        for (size_t j = a; j < from[b] && !hit; j++) {
            size_t i = c[j];
            double em = g[i].em;
            if (em < (1 + s->widths_wide) * med || ligature_width(s, &wp, f, k, em) ||
                ligature_width_from(s, &wp, f, k, lo, em))
                continue;
            gunichar nx = i + 1 < n ? g[i + 1].c : ' ';
            if (!beside_normal(s, &wp, i, f) || (!g_unichar_isspace(nx) && !g_unichar_isalpha(nx))) continue;
            /* P-GARBLED-WIDE-DOUBLE: a glyph before its own letter in its font is a doubled letter kerned apart
             * (TeX's italic fonts, Latin Modern's and Computer Modern's, set *ll* 0.077 em apart: an *l* 30% wider
             * in *fullmäktige*), not another glyph read as this letter */
            if (nx == g[i].c && font[i + 1] == f) continue;
            hit = true;
            if (share) *share = 1.0 / (double)(from[b] - a);
            if (note && note_size) {
                char letter[8] = {0};
                g_unichar_to_utf8(g[i].c, letter);
                g_snprintf(note, note_size, "'%s' drawn once %.2f em wide, its other glyphs %.2f em", letter, em, med);
            }
        }
    }
done:
    free(font);
    free(key);
    free(slot);
    free(skip);
    free(c);
    free(ems);
    free(far);
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
