/* lines.c: one poppler page to words and lines.
 *
 * poppler_page_get_text gives the page text and poppler_page_get_text_layout
 * one box per character of it; poppler_page_get_text_attributes gives the
 * font name and size per character range. Words are runs of non-space
 * characters on one baseline without a visible gap; lines are words whose
 * boxes all overlap one another vertically, sorted left to right. Where two
 * columns run out of step over a gutter, the page also gets lines built
 * column by column (PDF-LINE-GUTTER, col_lines). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <poppler.h>

#include "pdf.h"

/* fmin and fmax inline, for the loops over every glyph (libm's are calls): the same results, glibc's x86-64
 * fmin/fmax being minsd/maxsd (b when equal) and giving the other operand when one is NaN. */
static inline double min2(double a, double b) { return a < b ? a : b == b ? b : a; }
static inline double max2(double a, double b) { return a > b ? a : b == b ? b : a; }

typedef struct glyph {
    const char *s;      /* into the page text */
    size_t len;
    double x0, y0, x1, y1;
    const PopplerTextAttributes *attr;
} glyph;

/* The font name holds one of parts (lower-case, from data/read-pdf.yaml). */
static bool name_has(const char *name, const char *const *parts)
{
    if (!name || !parts) return false;
    gchar *low = g_ascii_strdown(name, -1);
    bool hit = false;
    for (; *parts && !hit; parts++) hit = strstr(low, *parts) != NULL;
    g_free(low);
    return hit;
}

static int cmp_word_y(const void *a, const void *b)
{
    const pdf_word *p = a, *q = b;
    double pc = (p->y0 + p->y1) / 2, qc = (q->y0 + q->y1) / 2;
    if (fabs(pc - qc) > 0.01) return pc < qc ? -1 : 1;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int cmp_word_x(const void *a, const void *b)
{
    const pdf_word *p = a, *q = b;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* The letters glyph g lost as a ligature (PDF-TEXT-LIGATURE-GLYPH, ligatures.c), best first. */
static size_t lost_letters(const pdf_lig_table *lig, const glyph *g, const char **out)
{
    if (!lig || !g->attr || g->len != 1 || !pdf_lig_firsts(lig)[(unsigned char)*g->s]) return 0; /* no ligature's */
    return pdf_lig_lost(lig, g->attr->font_name, g->s, g->len, g->x1 - g->x0, g->attr->font_size, out, PDF_LIG_MAX);
}

/* Writes the text of glyphs [g0, g1) into t (room enough), each glyph followed by the letters it lost: the
 * first choice, except that glyph `pick` takes its choice `alt`. Returns the length. */
static size_t word_text(char *t, const glyph *g, size_t g0, size_t g1, const char *lost[][PDF_LIG_MAX],
                        const size_t *nlost, size_t pick, size_t alt)
{
    size_t o = 0;
    for (size_t i = g0; i < g1; i++) {
        memcpy(t + o, g[i].s, g[i].len);
        o += g[i].len;
        if (!nlost || !nlost[i - g0]) continue;
        const char *add = lost[i - g0][i == pick ? alt : 0];
        memcpy(t + o, add, strlen(add));
        o += strlen(add);
    }
    t[o] = '\0';
    return o;
}

/* Bold and italic of the last font name asked (the words of a page run in few fonts). */
typedef struct font_style {
    const char *name;   /* poppler's, alive while the page's attributes are */
    bool bold, italic;
} font_style;

static void style_of(const pdf_settings *s, const char *name, font_style *fs)
{
    if (fs->name && name && (fs->name == name || strcmp(fs->name, name) == 0)) return;
    fs->name = name;
    fs->bold = name_has(name, s->bold_font_parts);
    fs->italic = name_has(name, s->italic_font_parts);
}

/* Closes the word made of glyphs [g0, g1) into *w (text in the arena). A ligature glyph that lost its
 * letters gets them back; where two ligatures fit its width, the one that makes a listed word. */
static bool make_word(samla_arena *a, const pdf_settings *s, const pdf_lig_table *lig, const glyph *g, size_t g0,
                      size_t g1, font_style *fs, pdf_word *w)
{
    size_t len = 0, nlig = 0, ambiguous = (size_t)-1;
    const char *lost[64][PDF_LIG_MAX];
    size_t nlost[64] = {0};
    bool repair = lig && g1 - g0 <= 64;
    for (size_t i = g0; i < g1; i++) {
        len += g[i].len;
        if (!repair) continue;
        nlost[i - g0] = lost_letters(lig, &g[i], lost[i - g0]);
        if (!nlost[i - g0]) continue;
        nlig++;
        size_t most = 0;
        for (size_t k = 0; k < nlost[i - g0]; k++)
            if (strlen(lost[i - g0][k]) > most) most = strlen(lost[i - g0][k]);
        len += most;
        if (nlost[i - g0] > 1 && ambiguous == (size_t)-1) ambiguous = i;
    }
    char *t = samla_arena_alloc(a, len + 1);
    if (!t) return false;
    const size_t *nl = nlig ? nlost : NULL;
    word_text(t, g, g0, g1, lost, nl, ambiguous, 0);
    if (ambiguous != (size_t)-1 && pdf_word_check_min(s, t, 3) == 0) {
        size_t k = 1, n = nlost[ambiguous - g0];
        while (k < n && (word_text(t, g, g0, g1, lost, nl, ambiguous, k), pdf_word_check_min(s, t, 3) != 1)) k++;
        if (k == n) word_text(t, g, g0, g1, lost, nl, ambiguous, 0);
    }
    w->x0 = w->y0 = 1e9;
    w->x1 = w->y1 = -1e9;
    for (size_t i = g0; i < g1; i++) {
        w->x0 = min2(w->x0, g[i].x0);
        w->y0 = min2(w->y0, g[i].y0);
        w->x1 = max2(w->x1, g[i].x1);
        w->y1 = max2(w->y1, g[i].y1);
    }
    w->text = t;
    w->ligature = nlig > 0;
    /* PDF-TABLE-GLUED-CELLS: the last lower-case letter to capital or digit step, where a table cell's text that
     * ran over may meet the next cell's (gluedcells.c); the text's offsets are the glyphs' without ligatures */
    w->cut = 0;
    size_t off = g[g0].len;
    for (size_t i = g0 + 1; !nlig && i < g1 && off < 0xffff; off += g[i].len, i++) {
        gunichar c = g_utf8_get_char(g[i].s), b = g_utf8_get_char(g[i - 1].s);
        if (!(g_unichar_isupper(c) || g_unichar_isdigit(c)) || !g_unichar_islower(b)) continue;
        w->cut = (unsigned short)off;
        w->cut_x0 = g[i].x0;
        w->cut_x1 = -1e9;
        for (size_t k = g0; k < i; k++) w->cut_x1 = max2(w->cut_x1, g[k].x1);
    }
    const PopplerTextAttributes *at = g[g0].attr;
    w->size = at ? at->font_size : (w->y1 - w->y0);
    if (at) style_of(s, at->font_name, fs);
    w->bold = at && fs->bold;
    w->italic = at && fs->italic;
    return true;
}

/* Words of one font on a page, for the text layer check. */
typedef struct font_tally {
    const char *font;
    size_t checked, nonwords;
} font_tally;

#define MAX_FONTS 32
#define LIG_WORDS 512

/* A word whose lost ligature letters were restored, and whether it is then a word. */
typedef struct lig_word {
    const char *text;
    bool known;
} lig_word;

static int cmp_lig_word(const void *a, const void *b)
{
    const lig_word *p = a, *q = b;
    int c = strcmp(p->text, q->text);
    return c ? c : (int)p->known - (int)q->known;
}

/* P-GARBLED-LIGATURE: the distinct words among lig[0..n) that are no words even with their ligature letters
 * restored; *distinct gets how many distinct words there are. Sorts lig. */
static size_t ligature_nonwords(lig_word *lig, size_t n, size_t *distinct)
{
    qsort(lig, n, sizeof *lig, cmp_lig_word);
    size_t bad = 0;
    *distinct = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(lig[i].text, lig[i - 1].text) == 0) continue;
        (*distinct)++;
        bad += !lig[i].known;
    }
    return bad;
}

/* Judges the page's text layer (textlayer.c) from its words and the font of
 * each (font[i] of w[i], poppler's names, alive while the attributes are):
 * garbled when a font with enough words has mostly non-words, or the page
 * as a whole does. */
static void judge_text_layer(const pdf_settings *s, const pdf_word *w, const char *const *font, size_t n,
                             pdf_page *out)
{
    font_tally t[MAX_FONTS];
    lig_word *lig = malloc(LIG_WORDS * sizeof *lig);
    size_t nlig = 0;
    size_t nt = 0, checked = 0, nonwords = 0, foreign = 0, run_together = 0;
    signed char *oks = malloc(n ? n : 1); /* each word's check, for P-GARBLED-LETTERS; freed below */
    for (size_t i = 0; i < n; i++) {
        foreign += pdf_foreign_word(s, w[i].text);
        int ok = pdf_word_check(s, w[i].text);
        if (oks) oks[i] = (signed char)(ok < 0 ? -1 : ok && !w[i].ligature);
        if (ok < 0) continue;
        run_together += ok == 0 && pdf_word_run_together(s, w[i].text, (int)s->run_together_parts, (int)s->run_together_letters);
        /* a restored ligature is a glyph the font's Unicode map got wrong: evidence of a broken map all the same
         * (the page is judged as its layer was, PDF-TEXT-LIGATURE-GLYPH only mends the text) */
        if (w[i].ligature && lig && nlig < LIG_WORDS) lig[nlig++] = (lig_word){w[i].text, ok == 1};
        if (w[i].ligature) ok = 0;
        checked++;
        nonwords += ok == 0;
        const char *f = font[i] ? font[i] : "";
        size_t k = 0;
        while (k < nt && strcmp(t[k].font, f) != 0) k++;
        if (k == nt) {
            if (nt == MAX_FONTS) continue;
            t[nt++] = (font_tally){f, 0, 0};
        }
        t[k].checked++;
        t[k].nonwords += ok == 0;
    }
    double worst = 0;
    for (size_t k = 0; k < nt; k++)
        if ((double)t[k].checked >= s->garbled_min_words)
            worst = fmax(worst, (double)t[k].nonwords / (double)t[k].checked);
    out->ntally = 0;
    for (size_t k = 0; k < nt && out->ntally < PDF_TALLIES; k++) {
        g_strlcpy(out->tally[out->ntally].font, t[k].font, sizeof out->tally[0].font);
        out->tally[out->ntally].checked = (unsigned)t[k].checked;
        out->tally[out->ntally++].nonwords = (unsigned)t[k].nonwords;
    }
    double page = checked ? (double)nonwords / (double)checked : 0;
    out->layer_known = checked ? 1 - page : -1;
    out->layer_words = n;
    /* P-GARBLED-SPACE: words run together at a letter that stands for the space */
    bool spaces = s->run_together_parts > 0 && run_together && (double)run_together >= s->run_together_min;
    out->run_together = run_together;
    out->garbled = (double)foreign < s->foreign_min &&
                   (worst >= s->garbled_font_share || spaces ||
                    ((double)checked >= s->garbled_min_words && page >= s->garbled_page_share));
    /* P-GARBLED-LETTERS (textlayer.c): a font whose letters are not Swedish letters */
    out->letters[0] = '\0';
    if (!out->garbled && (double)foreign < s->foreign_min)
        out->garbled = pdf_letters_garbled(s, w, font, oks, n, out->letters, sizeof out->letters, &out->gone);
    free(oks);
    out->garbled_score = fmax(worst, page);
    /* P-GARBLED-LIGATURE: restored ligatures that make no words were other glyphs of a broken map ('ö' read 'f'
     * is as wide as the fi ligature: "ffirslag", "mfijlighet", "fippna") */
    size_t distinct = 0, bad = lig ? ligature_nonwords(lig, nlig, &distinct) : 0;
    out->ligature_nonwords = 0;
    if (!out->garbled && s->lig_nonwords > 0 && (double)bad >= s->lig_nonwords &&
        (double)bad >= s->lig_nonword_share * (double)distinct) {
        out->garbled = true;
        out->ligature_nonwords = bad;
        out->garbled_score = fmax(out->garbled_score, (double)bad / (double)distinct);
    }
    free(lig);
}

/* The glyphs of a page's text (nchars characters, their boxes and attributes) as pdf_widths_* take them, into g. */
static void glyph_ems(const char *text, size_t nchars, const PopplerRectangle *rects, GList *attrs, pdf_glyph_em *g)
{
    const char *p = text;
    GList *at = attrs;
    for (size_t i = 0; i < nchars; i++, p = g_utf8_next_char(p)) {
        while (at && ((PopplerTextAttributes *)at->data)->end_index < (int)i) at = at->next;
        const PopplerTextAttributes *pa = at && ((PopplerTextAttributes *)at->data)->start_index <= (int)i ? at->data : NULL;
        gunichar c = g_utf8_get_char(p);
        double w = rects[i].x2 - rects[i].x1;
        g[i] = (pdf_glyph_em){c, pa ? pa->font_name : NULL,
                              pa && pa->font_size > 0 && w > 0 && !g_unichar_isspace(c) ? w / pa->font_size : 0};
    }
}

/* The text of a page and its character boxes (*text, *rects: g_free both), *nchars the characters that have a box,
 * *nrects the boxes; false, and nothing to free, when the page has no text layer. */
static bool page_text(PopplerPage *page, char **text, PopplerRectangle **rects, size_t *nchars, size_t *nrects)
{
    guint nr = 0;
    *text = poppler_page_get_text(page);
    *rects = NULL;
    if (!*text || !poppler_page_get_text_layout(page, rects, &nr)) {
        g_free(*text);
        g_free(*rects);
        *text = NULL, *rects = NULL;
        return false;
    }
    *nrects = nr;
    *nchars = (size_t)g_utf8_strlen(*text, -1);
    if (*nchars > *nrects) *nchars = *nrects;
    return true;
}

samla_status pdf_page_glyph_ems(PopplerPage *page, pdf_glyph_em **g, size_t *n, GList **attrs)
{
    *g = NULL, *n = 0, *attrs = NULL;
    char *text;
    PopplerRectangle *rects;
    size_t nchars, nrects;
    if (!page_text(page, &text, &rects, &nchars, &nrects)) return SAMLA_OK;
    samla_status st = SAMLA_OK;
    if (nchars) {
        *attrs = poppler_page_get_text_attributes(page);
        *g = malloc(nchars * sizeof **g);
        if (*g) glyph_ems(text, nchars, rects, *attrs, *g), *n = nchars;
        else st = SAMLA_ERR_NOMEM;
    }
    g_free(rects);
    g_free(text);
    return st;
}

/* P-GARBLED-WIDTHS (glyphwidths.c): the page's characters with their fonts and widths in ems; a letter drawn by
 * two glyphs of different widths marks the page garbled (out->widths says which) unless it is already, and the
 * second glyph is kept (out->bad) for P-GARBLED-FONT either way. */
static samla_status judge_widths(const pdf_settings *s, const char *text, size_t nchars,
                                 const PopplerRectangle *rects, GList *attrs, pdf_page *out)
{
    out->widths[0] = '\0';
    out->bad.c = 0;
    if (s->widths_gap <= 0 || !nchars) return SAMLA_OK;
    pdf_glyph_em *g = malloc(nchars * sizeof *g);
    if (!g) return SAMLA_ERR_NOMEM;
    glyph_ems(text, nchars, rects, attrs, g);
    double share = 0;
    bool hit = pdf_widths_garbled(s, g, nchars, &share, out->widths, sizeof out->widths, &out->bad);
    free(g);
    if (out->garbled) { /* judged already: the words' reason stands */
        out->widths[0] = '\0';
        return SAMLA_OK;
    }
    out->garbled = hit;
    /* the page's score: its share of non-words, or where that is lower (a page of few words), the share of the
     * letter's glyphs the second glyph draws */
    if (out->garbled) out->garbled_score = fmax(out->garbled_score, share);
    return SAMLA_OK;
}

/* Groups words [0, n) (sorted by vertical centre) into lines appended at out (room for n more); returns how
 * many were made. */
static size_t build_lines(pdf_word *w, size_t n, pdf_line *out)
{
    size_t nl = 0, i = 0;
    while (i < n) {
        size_t j = i + 1;
        /* [y0, y1]: the union of the boxes; [b0, b1]: the band every word
         * of the line shares. A word joins when it overlaps that band by half
         * its height: overlap with every word, not with the union, so a line
         * of the next table column set between two lines of this column
         * (paragraph spacing) cannot chain them into one line. */
        double y0 = w[i].y0, y1 = w[i].y1, b0 = w[i].y0, b1 = w[i].y1, hmin = w[i].y1 - w[i].y0;
        while (j < n) {
            double h = fmin(hmin, w[j].y1 - w[j].y0);
            double ov = fmin(b1, w[j].y1) - fmax(b0, w[j].y0);
            if (h <= 0 || ov < 0.5 * h) break;
            y0 = fmin(y0, w[j].y0);
            y1 = fmax(y1, w[j].y1);
            b0 = fmax(b0, w[j].y0);
            b1 = fmin(b1, w[j].y1);
            hmin = h;
            j++;
        }
        pdf_line *l = &out[nl++];
        *l = (pdf_line){.words = &w[i], .nwords = j - i, .x0 = 1e9, .x1 = -1e9, .y0 = y0, .y1 = y1};
        qsort(l->words, l->nwords, sizeof *l->words, cmp_word_x);
        l->bold = l->italic = true;
        for (size_t k = 0; k < l->nwords; k++) {
            l->x0 = fmin(l->x0, l->words[k].x0);
            l->x1 = fmax(l->x1, l->words[k].x1);
            l->size = fmax(l->size, l->words[k].size);
            l->bold = l->bold && l->words[k].bold;
            l->italic = l->italic && l->words[k].italic;
        }
        i = j;
    }
    return nl;
}

/* PDF-LINE-GUTTER: two text columns whose lines are out of step.
 *
 * A page set in two columns puts the lines of the right column at heights of
 * their own (a heading in one column shifts everything below it), so a right
 * line often overlaps a left line by more than half its height and the two
 * would be built into one line across the gutter: half a sentence of each
 * column, mixed sizes, headings glued to body text. The gutter is the x the
 * most lines of the first grouping have a wide gap over (at least max(6 pt,
 * 0.7 em), in the middle half of the text's width), narrowed to the part of
 * it every one of those gaps covers. A section is a vertical run of the page
 * where no word enters that band; it is read as two columns, each building
 * its own lines, when each side holds at least three lines and 30% of the
 * section's width, and at least two right lines (and a third of the left/right
 * pairs that overlap vertically) are out of step with the left line they
 * overlap: tops, bottoms and centres all apart by more than a fifth of a line.
 * Lines in step across a gap are left whole (a table row, `Plats och tid:`
 * over its tab, two columns set in step: tables.c reads those).
 * PDF-LINE-GUTTER-SIZES: a left/right pair of lines that overlap so but
 * differ in size by more than a fifth counts as out of step too (a title in
 * one column beside the other's text: one line would mix them).
 * PDF-LINE-GUTTER-CONTENTS: a contents line's page number set off at its end
 * is no table's gap (a contents in one column is still one column of text). */

#define GUTTER_MIN_LINES 5
#define GUTTER_MIN_GAPS 5

/* Lines a and b overlap vertically by half a line, so that one line would be built of both, but stand out of
 * step. Sets *pair when they overlap so. */
static bool out_of_step(const pdf_line *a, const pdf_line *b, bool *pair)
{
    double h = fmin(a->y1 - a->y0, b->y1 - b->y0);
    *pair = fmin(a->y1, b->y1) - fmax(a->y0, b->y0) >= 0.5 * h;
    if (!*pair) return false;
    double t = 0.15 * h;
    return fabs(a->y0 - b->y0) > t && fabs(a->y1 - b->y1) > t && fabs((a->y0 + a->y1) - (b->y0 + b->y1)) / 2 > t;
}

/* The end (exclusive, at most nb) of the whole numbers x >= 0 with x <= v, or x < v when strict. */
static size_t upto(double v, size_t nb, bool strict)
{
    if (!(v >= 0)) return 0;
    if (v >= (double)nb) return nb;
    return strict ? (size_t)ceil(v) : (size_t)floor(v) + 1;
}

/* The gutter band [*g0, *g1] of a page from its first grouping (lines L, n); false when none. */
static bool find_gutter(const pdf_line *L, size_t n, double *g0, double *g1, double *em)
{
    double tx0 = 1e9, tx1 = -1e9, size = 0;
    for (size_t i = 0; i < n; i++) tx0 = fmin(tx0, L[i].x0), tx1 = fmax(tx1, L[i].x1);
    if (n < 2 * GUTTER_MIN_LINES || tx1 - tx0 < 72 || tx1 - tx0 > 20000) return false;
    /* the median line height stands for the em */
    double *hs = malloc(n * sizeof *hs);
    if (!hs) return false;
    for (size_t i = 0; i < n; i++) hs[i] = L[i].y1 - L[i].y0;
    qsort(hs, n, sizeof *hs, cmp_double);
    size = hs[n / 2];
    free(hs);
    double gmin = fmax(6, 0.7 * size);
    size_t nb = (size_t)(tx1 - tx0) + 2;
    /* S[x]: the gaps over x less the words across it, summed from steps (+1 where a range starts, -1 after) */
    int *S = calloc(nb + 1, sizeof *S);
    if (!S) return false;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 1; k < L[i].nwords; k++) {
            double a = L[i].words[k - 1].x1, b = L[i].words[k].x0;
            if (b - a < gmin) continue;
            /* the whole x from ceil(a - tx0) with x <= b - tx0 */
            size_t lo = (size_t)ceil(a - tx0), hi = upto(b - tx0, nb, false);
            if (lo < hi) S[lo]++, S[hi]--;
        }
    /* less the words across x: the gutter is where lines part, not where some part and others run on */
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < L[i].nwords; k++) {
            size_t lo = (size_t)ceil(L[i].words[k].x0 - tx0), hi = upto(L[i].words[k].x1 - tx0, nb, true);
            if (lo < hi) S[lo]--, S[hi]++;
        }
    for (size_t x = 1; x < nb; x++) S[x] += S[x - 1];
    size_t lo = (size_t)(0.25 * (tx1 - tx0)), hi = (size_t)(0.75 * (tx1 - tx0)), best = lo;
    for (size_t x = lo; x <= hi && x < nb; x++)
        if (S[x] > S[best]) best = x;
    free(S);
    if (best >= nb) return false;
    /* the part of the gaps over best that all of them cover */
    double xb = tx0 + (double)best, a = -1e9, b = 1e9;
    size_t gaps = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t k = 1; k < L[i].nwords; k++) {
            double p = L[i].words[k - 1].x1, q = L[i].words[k].x0;
            if (q - p < gmin || p > xb || q < xb) continue;
            a = fmax(a, p), b = fmin(b, q);
            gaps++;
        }
    if (gaps < GUTTER_MIN_GAPS || b - a < 0.5 * gmin) return false;
    *g0 = a, *g1 = b, *em = size;
    return true;
}

static int cmp_range(const void *pa, const void *pb)
{
    const double *p = pa, *q = pb;
    return p[0] < q[0] ? -1 : p[0] > q[0];
}

/* Lines [0, n) read as one column of text: at most a quarter of them have a gap of gmin between two words
 * (a table's half holds columns), and at most half start more than 3 em in from the column's left edge
 * (a table's second column, lines where its first is empty). */
static bool one_column(const pdf_line *L, size_t n, double gmin, double size)
{
    size_t gaps = 0, inset = 0;
    double edge = 1e9;
    for (size_t i = 0; i < n; i++) edge = fmin(edge, L[i].x0);
    for (size_t i = 0; i < n; i++) {
        bool gap = false;
        for (size_t j = 1; j < L[i].nwords && !gap; j++) gap = L[i].words[j].x0 - L[i].words[j - 1].x1 >= gmin;
        /* a contents line: its page number set off at the end */
        if (gap && L[i].nwords >= 2 && L[i].words[L[i].nwords - 1].x0 - L[i].words[L[i].nwords - 2].x1 >= gmin) {
            const char *t = L[i].words[L[i].nwords - 1].text;
            bool number = *t != '\0';
            for (; *t && number; t++) number = g_ascii_isdigit(*t);
            bool other = false;
            for (size_t j = 1; j + 1 < L[i].nwords && !other; j++)
                other = L[i].words[j].x0 - L[i].words[j - 1].x1 >= gmin;
            gap = !number || other;
        }
        gaps += gap;
        inset += L[i].x0 > edge + 3 * size;
    }
    return 4 * gaps <= n && 2 * inset <= n;
}

/* PDF-LINE-GUTTER-RUNS-ON: the column of words [a, b) (sorted by centre; split at x) that ends lower runs on
 * past the other's end, as a page's column filled to its foot before the other does (the flow of a page set
 * in two columns, the other column short at its end): two lines or more of it lie below the other's last
 * line, the first of them no farther below the lines above than the column's lines stand apart where both
 * columns run (a section of balanced columns ends level, or a line below, and what follows it stands a
 * paragraph apart). Then everything below the other column's end is this column's, down to the section's
 * end, and the section is not cut there: a table or paragraph of the column is never split by the cut. */
static bool runs_on(const pdf_word *w, size_t a, size_t b, double x, const double *top, const double *bottom,
                    double next, double size)
{
    if (next - fmax(bottom[0], bottom[1]) <= 2 * size) return false;
    int s = bottom[1] > bottom[0];
    double end = bottom[1 - s], from = fmax(top[0], top[1]);
    /* the bottoms of the column's lines, by the words' centres (words are sorted by centre) */
    double widest = 0, last = -1e9, below_gap = -1;
    size_t below = 0;
    for (size_t i = a; i < b; i++) {
        if ((w[i].x1 > x) != s || (w[i].y0 + w[i].y1) / 2 < from) continue;
        if (w[i].y0 > last) { /* a new line */
            double gap = last > -1e8 ? w[i].y0 - last : 0;
            if ((w[i].y0 + w[i].y1) / 2 > end) {
                if (!below) below_gap = gap;
                below++;
            } else
                widest = fmax(widest, gap);
        }
        last = fmax(last, w[i].y1);
    }
    return below >= 2 && below_gap <= widest + 0.5;
}

/* PDF-LINE-GUTTER-BALANCED: balanced columns end level, or the longer one a line lower; the cut at the shorter
 * column's end (hi, by the words' centres) leaves that line out when the columns' line pitch is wider than the
 * line is tall. The first line of the longer column (words [a, b) sorted by centre, split at x) below hi is
 * still the column's when it follows the line above at the pitch that line kept to the one before it and
 * that line stands level with the other column's last (a label set at a column's foot, its list at the head
 * of the next: *Ersättare*); a column already a line longer has its extra line, and what follows the columns
 * is no more of it, whatever its pitch. Returns the cut, moved below that line when it is. */
static double balanced_end(const pdf_word *w, size_t a, size_t b, double x, const double *bottom, double hi)
{
    int s = bottom[1] > bottom[0];
    double tops[3] = {NAN, NAN, NAN}, last = -1e9, centre = 0; /* the two lines above the cut, the one below */
    for (size_t i = a; i < b; i++) {
        if ((w[i].x1 > x) != s) continue;
        double c = (w[i].y0 + w[i].y1) / 2;
        if (w[i].y0 > last) { /* a new line */
            if (c > hi) {
                tops[2] = w[i].y0, centre = c;
                break;
            }
            tops[0] = tops[1], tops[1] = w[i].y0;
        }
        last = fmax(last, w[i].y1);
    }
    if (isnan(tops[0]) || isnan(tops[2])) return hi;
    /* the top of the other column's last line: the longer column's line above the cut stands level with it
     * (the extra line is still to come), not a line lower (it is that line) */
    double other = -1e9;
    for (size_t i = a; i < b; i++)
        if ((w[i].x1 > x) != s) other = fmax(other, w[i].y0);
    double pitch = tops[1] - tops[0], next = tops[2] - tops[1];
    return pitch > 0 && fabs(next - pitch) <= 0.05 * pitch && tops[1] - other <= 0.5 * pitch ? centre + 0.01 : hi;
}

/* Where the lines [0, n) of a column usually end: the rightmost end another line's end comes within half an em
 * of (prose wraps at the column's edge; a line running past it, a table wider than the column, stands alone),
 * the rightmost end when no two lines end together. */
static double usual_right(const pdf_line *L, size_t n, double size)
{
    double best = -1e9, widest = -1e9;
    for (size_t i = 0; i < n; i++) {
        widest = fmax(widest, L[i].x1);
        if (L[i].x1 <= best) continue;
        for (size_t k = 0; k < n; k++)
            if (k != i && fabs(L[k].x1 - L[i].x1) <= 0.5 * size) {
                best = L[i].x1;
                break;
            }
    }
    return best > -1e8 ? best : widest;
}

/* Builds the lines of a section [*a, *b) of words (sorted by centre) as two columns split at x, into out (room
 * for *b - *a lines) when they are out of step; returns the lines made, 0 when the section is not two such
 * columns (its words are then back in their order). The section is first cut to the height both columns
 * share (a line more either way): what stands above or below one column alone is read as before (a heading
 * under an attendance list set in two columns). tmp has room for the words. */
static size_t section_columns(pdf_word *w, size_t *a, size_t *b, double x, double size, double next, bool even,
                              pdf_word *tmp,
                              pdf_line *out)
{
    double top[2] = {1e9, 1e9}, bottom[2] = {-1e9, -1e9};
    for (size_t i = *a; i < *b; i++) {
        int s = w[i].x0 >= x;
        top[s] = fmin(top[s], w[i].y0), bottom[s] = fmax(bottom[s], w[i].y1);
    }
    double lo = fmax(top[0], top[1]) - size, hi = fmin(bottom[0], bottom[1]) + size;
    hi = balanced_end(w, *a, *b, x, bottom, hi);
    if (runs_on(w, *a, *b, x, top, bottom, next, size)) hi = fmax(bottom[0], bottom[1]) + size;
    while (*a < *b && (w[*a].y0 + w[*a].y1) / 2 < lo) (*a)++;
    while (*b > *a && (w[*b - 1].y0 + w[*b - 1].y1) / 2 > hi) (*b)--;
    size_t n = *b - *a, nl = 0, nr = 0;
    double lx0 = 1e9, lx1 = -1e9, rx0 = 1e9, rx1 = -1e9;
    for (size_t i = *a; i < *b; i++)
        if (w[i].x0 < x) lx0 = fmin(lx0, w[i].x0), lx1 = fmax(lx1, w[i].x1), nl++;
    for (size_t i = *a; i < *b; i++)
        if (w[i].x0 >= x) rx0 = fmin(rx0, w[i].x0), rx1 = fmax(rx1, w[i].x1), tmp[nl + nr++] = w[i];
    size_t k = 0;
    for (size_t i = *a; i < *b; i++)
        if (w[i].x0 < x) tmp[k++] = w[i];
    double width = fmax(lx1, rx1) - fmin(lx0, rx0);
    if (nl < GUTTER_MIN_LINES || nr < GUTTER_MIN_LINES || lx1 - lx0 < 0.3 * width || rx1 - rx0 < 0.3 * width)
        return 0;
    memcpy(&w[*a], tmp, n * sizeof *w);
    size_t left = build_lines(&w[*a], nl, out);
    size_t right = build_lines(&w[*a + nl], nr, out + left);
    size_t pairs = 0, apart = 0, across = 0, j = 0;
    for (size_t i = left; i < left + right; i++) {
        while (j < left && out[j].y1 < out[i].y0) j++;
        for (size_t q = j; q < left && out[q].y0 < out[i].y1; q++) {
            bool pair;
            bool step = out_of_step(&out[q], &out[i], &pair);
            /* a line built of both would mix sizes (a title beside the other column's text) */
            apart += step || (pair && fmax(out[q].size, out[i].size) > 1.2 * fmin(out[q].size, out[i].size));
            pairs += pair;
            across += !pair && fmin(out[q].y1, out[i].y1) - fmax(out[q].y0, out[i].y0) >=
                                   0.2 * fmin(out[q].y1 - out[q].y0, out[i].y1 - out[i].y0);
        }
    }
    /* each side one column of text: few lines with a gutter inside (a table's halves hold columns) */
    double gmin = fmax(6, 0.7 * size);
    bool lone = one_column(out, left, gmin, size), rone = one_column(out + left, right, gmin, size);
    bool enough = left >= GUTTER_MIN_LINES && right >= GUTTER_MIN_LINES && 5 * apart >= 2 * pairs;
    /* PDF-LINE-GUTTER-ACROSS: lines of one side set across two of the other's (a left/right pair overlapping by a
     * fifth of a line or more but less than half: pdfTeX's multicol, WeasyPrint's columns, where a heading or a
     * list's spacing shifts one column by part of a line) are out of step too: three such pairs or more, and
     * with the pairs out of step two fifths of all that overlap */
    bool interleaved = left >= GUTTER_MIN_LINES && right >= GUTTER_MIN_LINES && across >= 3 &&
                       5 * (apart + across) >= 2 * (pairs + across);
    if (lone && rone && ((enough && apart >= 2) || interleaved)) return left + right;
    /* PDF-LINE-GUTTER-EVEN: a page's two columns of text, as wide as each other (within 8%, each measured to
     * where its lines usually end: a table wider than its column runs past that edge) with a gutter of 1.5 em
     * or more, need only two pairs out of step: set on one line pitch, the columns of a page stand in step
     * wherever their paragraphs happen to, while a table's two columns start every row together */
    double ue = usual_right(out, left, size) - lx0, re = usual_right(out + left, right, size) - rx0;
    if (even && lone && rone && left >= GUTTER_MIN_LINES && right >= GUTTER_MIN_LINES && apart >= 2 &&
        fabs(ue - re) <= 0.08 * fmax(ue, re) && rx0 - lx1 >= 1.5 * size)
        return left + right;
    /* PDF-LINE-GUTTER-TABLE: a table in one column beside text in the other (the table read in its column,
     * PDF-COLUMN-TABLES) when more lines stand out of step (a table's own columns start their rows together)
     * and the two sides are a page's columns: as wide as each other (within 8%), a gutter of 1.5 em or more
     * between them (a table's last column beside the others is narrower or wider, and closer) */
    double lw = lx1 - lx0, rw = rx1 - rx0;
    if ((lone || rone) && enough && apart >= 4 && fabs(lw - rw) <= 0.08 * fmax(lw, rw) && rx0 - lx1 >= 1.5 * size)
        return left + right;
    qsort(&w[*a], n, sizeof *w, cmp_word_y);
    return 0;
}

/* PDF-LINE-GUTTER-OVERHANG: word w, in a heading size (1.15 em or more), runs into the gutter band [g0, g1] from
 * the left column and stops a word space (0.3 em) short of the right column's start: a title word too long for its
 * column (*hembygdsförening* set wider than the column) leaves the gutter to the columns. Body-size words are left
 * out: in groff's `.2C` a left column's table ran into the band so, and the section was read across the gutter. */
static bool overhang(const pdf_word *w, double g0, double g1, double size)
{
    return w->size >= 1.15 * size && w->x0 < g0 && w->x1 <= g1 - 0.3 * size;
}

/* The lines of words w (sorted by centre) with two-column sections built column by column (PDF-LINE-GUTTER)
 * into lines (room for n), gutter band [g0, g1], em size; returns how many, 0 when no section was found
 * (w is then in its order again). */
static size_t gutter_lines(pdf_word *w, size_t n, double g0, double g1, double size, pdf_line *lines)
{
    /* y ranges of the words that enter the band, merged */
    double(*block)[2] = malloc((n ? n : 1) * sizeof *block);
    pdf_word *tmp = malloc((n ? n : 1) * sizeof *tmp);
    pdf_line *sl = malloc((n ? n : 1) * sizeof *sl);
    size_t nb = 0, made = 0, done = 0, q = 0, i = 0;
    unsigned sec = 0;
    if (!block || !tmp || !sl) n = 0;
    /* PDF-LINE-GUTTER-BAND: a word blocks the band where it reaches into its middle half: a ragged line of
     * the left column may end a few points into the band (the band is narrowed to the gaps of the lines
     * that stand beside the other column) without running across the gutter; a line across the page covers
     * the band but for a word space */
    double inset = fmax(0.5, (g1 - g0) / 4);
    for (size_t e = 0; e < n; e++)
        if (w[e].x0 < g1 - inset && w[e].x1 > g0 + inset && !overhang(&w[e], g0, g1, size))
            block[nb][0] = w[e].y0, block[nb++][1] = w[e].y1;
    if (nb) qsort(block, nb, sizeof *block, cmp_range);
    size_t m = 0;
    for (size_t e = 0; e < nb; e++) {
        if (m && block[e][0] <= block[m - 1][1]) block[m - 1][1] = fmax(block[m - 1][1], block[e][1]);
        else block[m][0] = block[e][0], block[m++][1] = block[e][1];
    }
    nb = m;
    /* the words (by centre) between two blocked ranges form a section; the rest is grouped as before */
    double mid = (g0 + g1) / 2;
    /* a part above, not read as columns, left text in the right column since the last line across the band
     * (PDF-LINE-GUTTER-EVEN holds only where both columns start) */
    bool stray = false;
    while (i < n) {
        while (q < nb && block[q][1] < (w[i].y0 + w[i].y1) / 2) q++;
        if (q < nb && block[q][0] <= (w[i].y0 + w[i].y1) / 2) {
            stray = stray && !(w[i].x0 <= g0 + 0.5 && w[i].x1 >= g1 - 0.5);
            i++;
            continue;
        }
        size_t from = i;
        while (i < n && (q >= nb || (w[i].y0 + w[i].y1) / 2 < block[q][0])) i++;
        size_t to = i;
        size_t k = section_columns(w, &from, &to, mid, size, to < n ? w[to].y0 : 1e9, !stray, tmp, sl);
        if (!k) {
            for (size_t e = from; e < to && !stray; e++) stray = w[e].x0 >= mid;
            continue;
        }
        stray = false;
        made += build_lines(&w[done], from - done, lines + made);
        /* the two columns' lines merged top to bottom: the page's lines stay in order of height (furniture);
         * the layout reads the left column first */
        sec++;
        size_t left = 0;
        while (left < k && sl[left].x0 < mid) left++;
        for (size_t e = 0, l = 0, r = left; e < k; e++) {
            bool take_left = l < left && (r == k || sl[l].y0 + sl[l].y1 <= sl[r].y0 + sl[r].y1);
            pdf_line *src = take_left ? &sl[l++] : &sl[r++];
            src->sec = sec;
            src->col = take_left ? 1 : 2;
            lines[made + e] = *src;
        }
        made += k;
        done = to;
    }
    if (sec) made += build_lines(&w[done], n - done, lines + made);
    free(block);
    free(tmp);
    free(sl);
    return sec ? made : 0;
}

/* Groups words (sorted by vertical centre) into lines (array in arena a). The line array is sized for the
 * worst case (one word a line) in malloc'd memory and only the lines made are kept: every page's lines
 * live until the document is laid out, so each page costs what it holds. A page with two-column sections
 * (PDF-LINE-GUTTER) also gets col_lines, built on a copy of the words (arena a). */
static samla_status group_lines(samla_arena *a, pdf_word *w, size_t n, pdf_page *out)
{
    pdf_line *lines = calloc(n ? n : 1, sizeof *lines);
    if (!lines) return SAMLA_ERR_NOMEM;
    size_t nlines = build_lines(w, n, lines);
    out->nlines = nlines;
    out->lines = samla_arena_alloc(a, (nlines ? nlines : 1) * sizeof *out->lines);
    if (out->lines) memcpy(out->lines, lines, nlines * sizeof *lines);
    out->col_lines = NULL;
    out->ncol_lines = 0;
    double g0, g1, size;
    pdf_word *w2 = out->lines && find_gutter(out->lines, nlines, &g0, &g1, &size) ? samla_arena_alloc(a, n * sizeof *w2)
                                                                                 : NULL;
    if (w2) {
        memcpy(w2, w, n * sizeof *w2);
        qsort(w2, n, sizeof *w2, cmp_word_y);
        size_t k = gutter_lines(w2, n, g0, g1, size, lines);
        out->col_lines = k ? samla_arena_alloc(a, k * sizeof *out->col_lines) : NULL;
        if (out->col_lines) memcpy(out->col_lines, lines, k * sizeof *lines), out->ncol_lines = k;
    }
    free(lines);
    if (!out->lines) out->nlines = 0;
    return out->lines ? SAMLA_OK : SAMLA_ERR_NOMEM;
}

samla_status pdf_group_words(samla_arena *a, pdf_word *w, size_t n, pdf_page *out)
{
    qsort(w, n, sizeof *w, cmp_word_y);
    return group_lines(a, w, n, out);
}

/* Adds the width of every glyph of the letters ligatures are made of to the document's ligature table
 * (ligatures.c; made at the first page, freed with the reader), which it returns; NULL when no ligatures are
 * configured. */
static pdf_lig_table *observe_ligatures(pdf_reader *r, const char *text, size_t nchars, const PopplerRectangle *rects,
                                        GList *attrs)
{
    if (!r->lig) r->lig = pdf_lig_table_new(r->set);
    pdf_lig_table *lig = r->lig;
    if (!lig) return NULL;
    const char *p = text;
    GList *at = attrs;
    const bool *letter = pdf_lig_letters(lig);
    for (size_t i = 0; i < nchars; i++, p = g_utf8_next_char(p)) {
        while (at && ((PopplerTextAttributes *)at->data)->end_index < (int)i) at = at->next;
        if (!at || (unsigned char)*p >= 0x80 || !letter[(unsigned char)*p]) continue; /* not sampled */
        const PopplerTextAttributes *pa = at->data;
        pdf_lig_observe(lig, pa->font_name, p, 1, rects[i].x2 - rects[i].x1, pa->font_size);
    }
    pdf_lig_settle(lig);
    return lig;
}

samla_status pdf_page_lines(pdf_reader *r, PopplerPage *page, pdf_page *out)
{
    samla_arena *a = r->ctx->arena;
    char *text;
    PopplerRectangle *rects;
    size_t nchars, nrects;
    if (!page_text(page, &text, &rects, &nchars, &nrects)) return SAMLA_OK; /* no text layer on this page */
    GList *attrs = poppler_page_get_text_attributes(page);
    /* PDF-TEXT-NUL: a ToUnicode map that gives a glyph U+0000 ("§" as U+00A7 U+0000) ends poppler's page text
     * there, though the page's character boxes go on: the rest of the page is not in the text (OCR reads it) */
    out->truncated = nrects > nchars + 1 ? nrects - nchars - 1 : 0;
    glyph *g = malloc((nchars ? nchars : 1) * sizeof *g);
    pdf_word *words = malloc((nchars ? nchars : 1) * sizeof *words); /* one word a character at most */
    const char **font = calloc(nchars ? nchars : 1, sizeof *font);
    samla_status st = g && words && font ? SAMLA_OK : SAMLA_ERR_NOMEM;
    pdf_lig_table *lig = st == SAMLA_OK ? observe_ligatures(r, text, nchars, rects, attrs) : NULL;
    size_t ng = 0, nw = 0;
    font_style style = {NULL, false, false};
    const char *p = text;
    GList *at = attrs;
    for (size_t i = 0; st == SAMLA_OK && i < nchars; i++, p = g_utf8_next_char(p)) {
        while (at && ((PopplerTextAttributes *)at->data)->end_index < (int)i) at = at->next;
        gunichar c = (unsigned char)*p < 0x80 ? (gunichar)*p : g_utf8_get_char(p);
        PopplerRectangle *rc = &rects[i];
        /* ASCII's white space is what g_unichar_isspace says of it: tab, line and form feed, return, space */
        bool white = c < 0x80 ? c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' : g_unichar_isspace(c);
        bool space = white || c == 0xA0 || rc->x2 <= rc->x1;
        if (!space && ng > 0) {
            /* a gap or a step back / down ends the word */
            const glyph *prev = &g[ng - 1];
            double size = prev->y1 - prev->y0;
            double gap = rc->x1 - prev->x1;
            double ov = min2(prev->y1, rc->y2) - max2(prev->y0, rc->y1);
            if (gap > 0.25 * size || gap < -0.5 * size || ov < 0.3 * size) space = true, i--, p = g_utf8_prev_char(p);
            else {
                g[ng++] = (glyph){p, (size_t)(g_utf8_next_char(p) - p), rc->x1, rc->y1, rc->x2, rc->y2,
                                  at ? at->data : NULL};
                continue;
            }
        }
        if (space) {
            if (ng) font[nw] = g[0].attr ? g[0].attr->font_name : NULL;
            if (ng && !make_word(a, r->set, lig, g, 0, ng, &style, &words[nw++])) st = SAMLA_ERR_NOMEM;
            ng = 0;
            continue;
        }
        g[ng++] = (glyph){p, (size_t)(g_utf8_next_char(p) - p), rc->x1, rc->y1, rc->x2, rc->y2,
                          at ? at->data : NULL};
    }
    if (st == SAMLA_OK && ng) font[nw] = g[0].attr ? g[0].attr->font_name : NULL;
    if (st == SAMLA_OK && ng && !make_word(a, r->set, lig, g, 0, ng, &style, &words[nw++])) st = SAMLA_ERR_NOMEM;
    free(g);
    if (st == SAMLA_OK) judge_text_layer(r->set, words, font, nw, out);
    free(font);
    if (st == SAMLA_OK) st = judge_widths(r->set, text, nchars, rects, attrs, out);
    /* P-GARBLED-NUL: a map that gives a glyph U+0000 is broken (no text holds one), and the page's text stops
     * there: garbled, scored by the share of its characters lost */
    if (st == SAMLA_OK && out->truncated && !out->garbled) {
        out->garbled = out->nul_garbled = true;
        out->garbled_score = (double)out->truncated / (double)nrects;
    }
    if (st == SAMLA_OK) {
        /* the page keeps its nw words, not the nchars the array had room for */
        qsort(words, nw, sizeof *words, cmp_word_y);
        pdf_word *kept = samla_arena_alloc(r->scratch, (nw ? nw : 1) * sizeof *kept);
        if (kept) memcpy(kept, words, nw * sizeof *words);
        st = kept ? group_lines(r->scratch, kept, nw, out) : SAMLA_ERR_NOMEM;
        if (st == SAMLA_OK) st = pdf_split_glued(r->scratch, out);
    }
    free(words);
    poppler_page_free_text_attributes(attrs);
    g_free(rects);
    g_free(text);
    return st;
}

char *pdf_frag_text(samla_arena *a, const pdf_frag *f)
{
    size_t len = 1;
    for (size_t i = f->w0; i < f->w1; i++) len += strlen(f->line->words[i].text) + 1;
    char *t = samla_arena_alloc(a, len);
    if (!t) return NULL;
    size_t o = 0;
    for (size_t i = f->w0; i < f->w1; i++) {
        if (o) t[o++] = ' ';
        size_t l = strlen(f->line->words[i].text);
        memcpy(t + o, f->line->words[i].text, l);
        o += l;
    }
    t[o] = '\0';
    return t;
}

/* Line l's words are all words of line o (the same places). */
static bool words_of(const pdf_line *l, const pdf_line *o)
{
    for (size_t i = 0; i < l->nwords; i++) {
        bool found = false;
        for (size_t k = 0; k < o->nwords && !found; k++)
            found = o->words[k].x0 == l->words[i].x0 && o->words[k].y0 == l->words[i].y0;
        if (!found) return false;
    }
    return l->nwords > 0;
}

void pdf_use_col_lines(samla_arena *a, pdf_page *p)
{
    if (!p->col_lines) return;
    /* a running header or footer furniture.c found stays the whole line it was (its parts on either side of
     * the gutter are one header): the column lines made of its words give way to it */
    pdf_line *out = samla_arena_alloc(a, (p->ncol_lines + p->nlines) * sizeof *out);
    bool *placed = samla_arena_alloc(a, (p->nlines ? p->nlines : 1) * sizeof *placed);
    if (!out || !placed) return;
    memset(placed, 0, (p->nlines ? p->nlines : 1) * sizeof *placed);
    size_t n = 0;
    for (size_t j = 0; j < p->ncol_lines; j++) {
        const pdf_line *l = &p->col_lines[j];
        size_t o = 0;
        while (o < p->nlines && (p->lines[o].role == PDF_BODY || !words_of(l, &p->lines[o]))) o++;
        if (o == p->nlines) {
            out[n++] = *l;
        } else if (!placed[o]) {
            placed[o] = true;
            out[n++] = p->lines[o];
        }
    }
    p->lines = out;
    p->nlines = n;
    p->col_lines = NULL;
    p->ncol_lines = 0;
}
