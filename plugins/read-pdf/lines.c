/* lines.c: one poppler page to words and lines.
 *
 * poppler_page_get_text gives the page text and poppler_page_get_text_layout
 * one box per character of it; poppler_page_get_text_attributes gives the
 * font name and size per character range. Words are runs of non-space
 * characters on one baseline without a visible gap; lines are words whose
 * boxes all overlap one another vertically, sorted left to right. Where two
 * columns run out of step over a gutter, the page also gets lines built
 * column by column (PDF-LINE-GUTTER, col_lines: gutter.c). */
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

int pdf_cmp_word_y(const void *a, const void *b)
{
    const pdf_word *p = a, *q = b;
    double pc = (p->y0 + p->y1) / 2, qc = (q->y0 + q->y1) / 2;
    if (fabs(pc - qc) > 0.01) return pc < qc ? -1 : 1;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
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
    w->first_x1 = nlost[0] ? 0 : g[g0].x1; /* a ligature's glyph is no one letter */
    /* PDF-TABLE-GLUED-CELLS: the last lower-case letter to capital or digit step, where a table cell's text that
     * ran over may meet the next cell's (gluedcells.c); the text's offsets are the glyphs' without ligatures */
    w->cut = 0;
    size_t off = g[g0].len;
    double right = g[g0].x1; /* the right end of the glyphs before glyph i */
    gunichar b = nlig ? 0 : g_utf8_get_char(g[g0].s);
    for (size_t i = g0 + 1; !nlig && i < g1 && off < 0xffff; off += g[i].len, right = max2(right, g[i].x1), i++) {
        gunichar c = g_utf8_get_char(g[i].s);
        if ((g_unichar_isupper(c) || g_unichar_isdigit(c)) && g_unichar_islower(b))
            w->cut = (unsigned short)off, w->cut_x0 = g[i].x0, w->cut_x1 = right;
        b = c;
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

/* PDF-TEXT-PAST-EDGE: the area the page's text is read from. poppler_page_get_text reads the page's own box as a
 * selection, and a selection ends inside a text block that runs past that box: a signature table's last column
 * whose rule runs to the page's edge (*Justerare* / a row of underscores past the edge / the name) lost the name
 * under the rule. poppler keeps no character outside the page anyway, so the page's box widened by its own size on
 * every side selects every block whole and adds no text. */
static PopplerRectangle page_area(PopplerPage *page)
{
    double w = 0, h = 0;
    poppler_page_get_size(page, &w, &h);
    return (PopplerRectangle){-w, -h, 2 * w, 2 * h};
}

/* The text of a page and its character boxes (*text, *rects: g_free both), *nchars the characters that have a box,
 * *nrects the boxes; false, and nothing to free, when the page has no text layer. */
static bool page_text(PopplerPage *page, char **text, PopplerRectangle **rects, size_t *nchars, size_t *nrects)
{
    guint nr = 0;
    PopplerRectangle area = page_area(page);
    *text = poppler_page_get_text_for_area(page, &area);
    *rects = NULL;
    if (!*text || !poppler_page_get_text_layout_for_area(page, &area, rects, &nr)) {
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
        PopplerRectangle area = page_area(page);
        *attrs = poppler_page_get_text_attributes_for_area(page, &area);
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
size_t pdf_build_lines(pdf_word *w, size_t n, pdf_line *out)
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

/* Groups words (sorted by vertical centre) into lines (array in arena a). The line array is sized for the
 * worst case (one word a line) in malloc'd memory and only the lines made are kept: every page's lines
 * live until the document is laid out, so each page costs what it holds. A page with two-column sections
 * (PDF-LINE-GUTTER) also gets col_lines, built on a copy of the words (arena a). */
static samla_status group_lines(samla_arena *a, pdf_word *w, size_t n, pdf_page *out)
{
    pdf_line *lines = calloc(n ? n : 1, sizeof *lines);
    if (!lines) return SAMLA_ERR_NOMEM;
    size_t nlines = pdf_build_lines(w, n, lines);
    out->nlines = nlines;
    out->lines = samla_arena_alloc(a, (nlines ? nlines : 1) * sizeof *out->lines);
    if (out->lines) memcpy(out->lines, lines, nlines * sizeof *lines);
    out->col_lines = NULL;
    out->ncol_lines = 0;
    double g0, g1, size;
    pdf_word *w2 = out->lines && pdf_find_gutter(out->lines, nlines, &g0, &g1, &size) ? samla_arena_alloc(a, n * sizeof *w2)
                                                                                 : NULL;
    if (w2) {
        memcpy(w2, w, n * sizeof *w2);
        qsort(w2, n, sizeof *w2, pdf_cmp_word_y);
        size_t k = pdf_gutter_lines(w2, n, g0, g1, size, lines);
        out->col_lines = k ? samla_arena_alloc(a, k * sizeof *out->col_lines) : NULL;
        if (out->col_lines) memcpy(out->col_lines, lines, k * sizeof *lines), out->ncol_lines = k;
    }
    free(lines);
    if (!out->lines) out->nlines = 0;
    return out->lines ? SAMLA_OK : SAMLA_ERR_NOMEM;
}

samla_status pdf_group_words(samla_arena *a, pdf_word *w, size_t n, pdf_page *out)
{
    qsort(w, n, sizeof *w, pdf_cmp_word_y);
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
    PopplerRectangle area = page_area(page);
    GList *attrs = poppler_page_get_text_attributes_for_area(page, &area);
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
            /* PDF-WORD-SIZE-STEP: a step back between glyphs of sizes a fifth apart is two words painted over each
             * other (a title overflowing its CSS column onto the next column's first line) */
            double h = rc->y2 - rc->y1;
            bool over = gap < -0.05 * min2(size, h) && max2(size, h) > 1.2 * min2(size, h);
            if (gap > 0.25 * size || gap < -0.5 * size || ov < 0.3 * size || over)
                space = true, i--, p = g_utf8_prev_char(p);
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
        qsort(words, nw, sizeof *words, pdf_cmp_word_y);
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
