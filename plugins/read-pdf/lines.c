/* lines.c: one poppler page to words and lines.
 *
 * poppler_page_get_text gives the page text and poppler_page_get_text_layout
 * one box per character of it; poppler_page_get_text_attributes gives the
 * font name and size per character range. Words are runs of non-space
 * characters on one baseline without a visible gap; lines are words whose
 * boxes all overlap one another vertically, sorted left to right. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <poppler.h>

#include "pdf.h"

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

static int cmp_word_x(const void *a, const void *b)
{
    const pdf_word *p = a, *q = b;
    return p->x0 < q->x0 ? -1 : p->x0 > q->x0;
}

/* The letters glyph g lost as a ligature (PDF-TEXT-LIGATURE-GLYPH, ligatures.c), best first. */
static size_t lost_letters(const pdf_lig_table *lig, const glyph *g, const char **out)
{
    if (!lig || !g->attr) return 0;
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

/* Closes the word made of glyphs [g0, g1) into *w (text in the arena). A ligature glyph that lost its
 * letters gets them back; where two ligatures fit its width, the one that makes a listed word. */
static bool make_word(samla_arena *a, const pdf_settings *s, const pdf_lig_table *lig, const glyph *g, size_t g0,
                      size_t g1, pdf_word *w)
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
        w->x0 = fmin(w->x0, g[i].x0);
        w->y0 = fmin(w->y0, g[i].y0);
        w->x1 = fmax(w->x1, g[i].x1);
        w->y1 = fmax(w->y1, g[i].y1);
    }
    w->text = t;
    w->ligature = nlig > 0;
    const PopplerTextAttributes *at = g[g0].attr;
    w->size = at ? at->font_size : (w->y1 - w->y0);
    w->bold = at && name_has(at->font_name, s->bold_font_parts);
    w->italic = at && name_has(at->font_name, s->italic_font_parts);
    return true;
}

/* Words of one font on a page, for the text layer check. */
typedef struct font_tally {
    const char *font;
    size_t checked, nonwords;
} font_tally;

#define MAX_FONTS 32

/* Judges the page's text layer (textlayer.c) from its words and the font of
 * each (font[i] of w[i], poppler's names, alive while the attributes are):
 * garbled when a font with enough words has mostly non-words, or the page
 * as a whole does. */
static void judge_text_layer(const pdf_settings *s, const pdf_word *w, const char *const *font, size_t n,
                             pdf_page *out)
{
    font_tally t[MAX_FONTS];
    size_t nt = 0, checked = 0, nonwords = 0, foreign = 0, run_together = 0;
    for (size_t i = 0; i < n; i++) {
        foreign += pdf_foreign_word(s, w[i].text);
        int ok = pdf_word_check(s, w[i].text);
        if (ok < 0) continue;
        run_together += ok == 0 && pdf_word_run_together(s, w[i].text, s->run_together_parts, s->run_together_letters);
        /* a restored ligature is a glyph the font's Unicode map got wrong: evidence of a broken map all the same
         * (the page is judged as its layer was, PDF-TEXT-LIGATURE-GLYPH only mends the text) */
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
        out->garbled = pdf_letters_garbled(s, w, font, n, out->letters, sizeof out->letters);
    out->garbled_score = fmax(worst, page);
}

/* Groups words (sorted by vertical centre) into lines (array in arena a). The line array is sized
 * for the worst case (one word a line) in malloc'd memory and only the lines made are kept: every
 * page's lines live until the document is laid out, so each page costs what it holds. */
static samla_status group_lines(samla_arena *a, pdf_word *w, size_t n, pdf_page *out)
{
    pdf_line *lines = calloc(n ? n : 1, sizeof *lines);
    if (!lines) return SAMLA_ERR_NOMEM;
    out->lines = lines;
    out->nlines = 0;
    size_t i = 0;
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
        pdf_line *l = &out->lines[out->nlines++];
        l->words = &w[i];
        l->nwords = j - i;
        qsort(l->words, l->nwords, sizeof *l->words, cmp_word_x);
        l->x0 = 1e9;
        l->x1 = -1e9;
        l->y0 = y0;
        l->y1 = y1;
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
    out->lines = samla_arena_alloc(a, (out->nlines ? out->nlines : 1) * sizeof *out->lines);
    if (out->lines) memcpy(out->lines, lines, out->nlines * sizeof *lines);
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
    for (size_t i = 0; i < nchars; i++, p = g_utf8_next_char(p)) {
        while (at && ((PopplerTextAttributes *)at->data)->end_index < (int)i) at = at->next;
        if (!at || (unsigned char)*p >= 0x80) continue;
        const PopplerTextAttributes *pa = at->data;
        pdf_lig_observe(lig, pa->font_name, p, 1, rects[i].x2 - rects[i].x1, pa->font_size);
    }
    pdf_lig_settle(lig);
    return lig;
}

samla_status pdf_page_lines(pdf_reader *r, PopplerPage *page, pdf_page *out)
{
    samla_arena *a = r->ctx->arena;
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (!text || !poppler_page_get_text_layout(page, &rects, &nrects)) {
        g_free(text);
        g_free(rects);
        return SAMLA_OK; /* no text layer on this page */
    }
    GList *attrs = poppler_page_get_text_attributes(page);
    size_t nchars = (size_t)g_utf8_strlen(text, -1);
    if (nchars > nrects) nchars = nrects;
    glyph *g = malloc((nchars ? nchars : 1) * sizeof *g);
    pdf_word *words = malloc((nchars ? nchars : 1) * sizeof *words); /* one word a character at most */
    const char **font = calloc(nchars ? nchars : 1, sizeof *font);
    samla_status st = g && words && font ? SAMLA_OK : SAMLA_ERR_NOMEM;
    pdf_lig_table *lig = st == SAMLA_OK ? observe_ligatures(r, text, nchars, rects, attrs) : NULL;
    size_t ng = 0, nw = 0;
    const char *p = text;
    GList *at = attrs;
    for (size_t i = 0; st == SAMLA_OK && i < nchars; i++, p = g_utf8_next_char(p)) {
        while (at && ((PopplerTextAttributes *)at->data)->end_index < (int)i) at = at->next;
        gunichar c = g_utf8_get_char(p);
        PopplerRectangle *rc = &rects[i];
        bool space = g_unichar_isspace(c) || c == 0xA0 || rc->x2 <= rc->x1;
        if (!space && ng > 0) {
            /* a gap or a step back / down ends the word */
            const glyph *prev = &g[ng - 1];
            double size = prev->y1 - prev->y0;
            double gap = rc->x1 - prev->x1;
            double ov = fmin(prev->y1, rc->y2) - fmax(prev->y0, rc->y1);
            if (gap > 0.25 * size || gap < -0.5 * size || ov < 0.3 * size) space = true, i--, p = g_utf8_prev_char(p);
            else {
                g[ng++] = (glyph){p, (size_t)(g_utf8_next_char(p) - p), rc->x1, rc->y1, rc->x2, rc->y2,
                                  at ? at->data : NULL};
                continue;
            }
        }
        if (space) {
            if (ng) font[nw] = g[0].attr ? g[0].attr->font_name : NULL;
            if (ng && !make_word(a, r->set, lig, g, 0, ng, &words[nw++])) st = SAMLA_ERR_NOMEM;
            ng = 0;
            continue;
        }
        g[ng++] = (glyph){p, (size_t)(g_utf8_next_char(p) - p), rc->x1, rc->y1, rc->x2, rc->y2,
                          at ? at->data : NULL};
    }
    if (st == SAMLA_OK && ng) font[nw] = g[0].attr ? g[0].attr->font_name : NULL;
    if (st == SAMLA_OK && ng && !make_word(a, r->set, lig, g, 0, ng, &words[nw++])) st = SAMLA_ERR_NOMEM;
    free(g);
    if (st == SAMLA_OK) judge_text_layer(r->set, words, font, nw, out);
    free(font);
    if (st == SAMLA_OK) {
        /* the page keeps its nw words, not the nchars the array had room for */
        qsort(words, nw, sizeof *words, cmp_word_y);
        pdf_word *kept = samla_arena_alloc(r->scratch, (nw ? nw : 1) * sizeof *kept);
        if (kept) memcpy(kept, words, nw * sizeof *words);
        st = kept ? group_lines(r->scratch, kept, nw, out) : SAMLA_ERR_NOMEM;
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
