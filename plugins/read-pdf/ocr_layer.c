/* ocr_layer.c: OCR's words set onto a garbled text layer's geometry
 * (P-OCR-LAYER-GEOMETRY, docs/conventions.md).
 *
 * A garbled text layer (textlayer.c) comes from a font whose ToUnicode map is
 * broken: its characters are wrong, but every glyph stands where the page
 * draws it, in the font and size the page sets it in. OCR reads the letters
 * right but knows no fonts (no bold), measures sizes from ink, reads the
 * paragraph sign as a digit ('14§' as '148' or '1438') and reads the text of
 * images too (a logo's 'NYKARLEBY'). So on such a page each OCR word takes
 * the place, size and style of the layer's words under it:
 *   - an OCR word goes to the layer word it overlaps most (or, in a gap, to
 *     the layer line it stands on): its text and x extent are OCR's, its
 *     vertical extent, font size, bold and italic the layer word's, so lines,
 *     headings and labels come out as the born-digital reader makes them;
 *   - an OCR word on no layer line is the text of an image and is dropped;
 *   - a letter OCR reads in the other case than the layer word under it (of as many characters) holds takes the
 *     layer's case (P-OCR-LAYER-CASE: "presentation" over "Presentation");
 *   - where a layer word holds '§' and the OCR word over it does not, OCR's
 *     characters of the sign's place are the sign ('148' over '14' '§' is
 *     '14' '§'): the sign of a garbled layer survives where OCR cannot read it;
 *   - a layer word without letters that no OCR word overlaps (a rule
 *     '_____' closing a decision, which OCR does not read) is kept.
 * Then the words are grouped into lines as a text layer's are. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

static double overlap(double a0, double a1, double b0, double b1)
{
    return fmin(a1, b1) - fmax(a0, b0);
}

/* The layer word o stands on: the one it overlaps most, else the nearest word
 * of the line it stands on (within one em of the line's ends). NULL: none. */
static const pdf_word *layer_word(const pdf_page *p, const pdf_word *o, size_t *line)
{
    const pdf_word *best = NULL;
    double best_area = 0, best_gap = 1e9;
    double oh = o->y1 - o->y0;
    for (size_t i = 0; i < p->nlines; i++) {
        const pdf_line *l = &p->lines[i];
        double vy = overlap(o->y0, o->y1, l->y0, l->y1);
        if (vy < 0.5 * fmin(oh, l->y1 - l->y0)) continue;
        for (size_t j = 0; j < l->nwords; j++) {
            const pdf_word *w = &l->words[j];
            double wy = overlap(o->y0, o->y1, w->y0, w->y1), wx = overlap(o->x0, o->x1, w->x0, w->x1);
            if (wy > 0 && wx > 0 && wx * wy > best_area) best_area = wx * wy, best = w, *line = i;
            if (best_area > 0) continue;
            double em = w->size > 0 ? w->size : w->y1 - w->y0;
            double gap = wx > 0 ? 0 : -wx;
            if (gap <= em && gap < best_gap) best_gap = gap, best = w, *line = i;
        }
    }
    return best;
}

/* Characters (code points) of s. */
static size_t chars(const char *s) { return (size_t)g_utf8_strlen(s, -1); }

/* The letters of s: none (a rule, digits, signs). */
static bool no_letters(const char *s)
{
    for (const char *c = s; *c; c = g_utf8_next_char(c))
        if (g_unichar_isalpha(g_utf8_get_char(c))) return false;
    return true;
}

/* P-OCR-LAYER-CASE: OCR's text t with the case of the layer word's letters where the two hold the same letter in
 * another case (Tesseract reads a bold initial 'P', 'S', 'V' as lower case: "presentation" over the layer's
 * "Presentation"): t and the layer word have as many characters, and only such letters change. A broken map gives
 * other letters, not the same letter in the other case, so a letter the two read alike is the page's. Arena; t
 * itself when nothing changes or on failure. */
static const char *layer_case(samla_arena *ar, const char *t, const char *layer)
{
    if (chars(t) != chars(layer)) return t;
    GString *s = g_string_sized_new(strlen(t) + 4);
    bool changed = false;
    for (const char *a = t, *b = layer; *a && *b; a = g_utf8_next_char(a), b = g_utf8_next_char(b)) {
        gunichar x = g_utf8_get_char(a), y = g_utf8_get_char(b);
        if (x != y && g_unichar_isalpha(x) && g_unichar_tolower(x) == g_unichar_tolower(y)) x = y, changed = true;
        g_string_append_unichar(s, x);
    }
    const char *out = changed ? samla_arena_strdup(ar, s->str) : t;
    g_string_free(s, TRUE);
    return out ? out : t;
}

/* out[*n] = w with text t and x extent [x0, x1]; false when full. */
static bool put(pdf_word *out, size_t *n, size_t cap, const pdf_word *w, const char *t, double x0, double x1)
{
    if (*n >= cap) return false;
    out[*n] = *w;
    out[*n].text = t;
    out[*n].x0 = x0;
    out[*n].x1 = x1;
    out[*n].first_x1 = 0;
    (*n)++;
    return true;
}

/* OCR word o (already given the layer's style) lies over the layer words
 * [a, b) of line l, one of which (s) holds the paragraph sign: o's
 * characters of the sign's place are the sign. Appends the pieces (the text
 * before the sign, the sign, the text after it; split where the layer splits
 * them) to out; false when o does not read as the layer's digits around a
 * sign it misread (then o stays as it is). */
static bool sign_from_layer(samla_arena *ar, const pdf_line *l, size_t a, size_t b, size_t s, const pdf_word *o,
                            pdf_word *out, size_t *n, size_t cap)
{
    const char *st = l->words[s].text, *at = strstr(st, "§");
    if (!at || strstr(o->text, "§")) return false;
    size_t signs = 0;
    while (strncmp(at + signs * strlen("§"), "§", strlen("§")) == 0) signs++;
    const char *after = at + signs * strlen("§");
    /* characters of the layer before and after the sign, within o */
    size_t before = (size_t)g_utf8_strlen(st, at - st), behind = chars(after);
    for (size_t k = a; k < s; k++) before += chars(l->words[k].text);
    for (size_t k = s + 1; k < b; k++) behind += chars(l->words[k].text);
    size_t len = chars(o->text);
    if (len <= before + behind || len - before - behind > 3) return false;
    const char *mid = g_utf8_offset_to_pointer(o->text, (glong)before);
    const char *end = g_utf8_offset_to_pointer(o->text, (glong)(len - behind));
    /* the sign's place holds what OCR makes of a '§': digits or signs, no letter */
    for (const char *c = mid; c < end; c = g_utf8_next_char(c))
        if (g_unichar_isalpha(g_utf8_get_char(c)) || g_unichar_isspace(g_utf8_get_char(c))) return false;
    /* around it, digits where the layer has digits (a garbled layer's digits may be other digits) */
    for (const char *c = o->text; c < mid; c = g_utf8_next_char(c))
        if (!g_unichar_isdigit(g_utf8_get_char(c))) return false;
    const pdf_word *sw = &l->words[s];
    bool own_before = at == st, own_after = !*after; /* the sign is a word of its own on that side */
    char *pre = samla_arena_strndup(ar, o->text, (size_t)(mid - o->text));
    char *sign = samla_arena_strndup(ar, at, signs * strlen("§"));
    char *post = samla_arena_strdup(ar, end);
    if (!pre || !sign || !post) return false;
    size_t keep = *n;
    bool ok = true;
    double sx0 = fmax(o->x0, sw->x0), sx1 = fmin(o->x1, sw->x1);
    if (*pre && own_before) {
        ok = put(out, n, cap, o, pre, o->x0, fmax(o->x0, sx0 - 0.1));
        pre = "";
    }
    if (ok && *post && own_after) {
        char *mid_word = samla_arena_printf(ar, "%s%s", pre, sign);
        ok = mid_word && put(out, n, cap, o, mid_word, *pre ? o->x0 : sx0, sx1) &&
             put(out, n, cap, o, post, fmin(o->x1, sx1 + 0.1), o->x1);
    } else if (ok) {
        char *word = samla_arena_printf(ar, "%s%s%s", pre, sign, post);
        ok = word && put(out, n, cap, o, word, *pre ? o->x0 : sx0, *post ? o->x1 : sx1);
    }
    if (!ok) *n = keep;
    return ok;
}

samla_status pdf_ocr_onto_layer(samla_arena *ar, const pdf_page *p, const pdf_word *w, size_t n, pdf_word **out,
                                size_t *nout)
{
    size_t layer = 0;
    for (size_t i = 0; i < p->nlines; i++) layer += p->lines[i].nwords;
    /* each OCR word gives at most three (a sign split out), each layer word one */
    size_t cap = 3 * n + layer + 1, k = 0;
    pdf_word *o = samla_arena_alloc(ar, cap * sizeof *o);
    bool *covered = calloc(layer + 1, sizeof *covered);
    size_t *first = calloc(p->nlines + 1, sizeof *first); /* index of each line's first word */
    if (!o || !covered || !first) {
        free(covered);
        free(first);
        return SAMLA_ERR_NOMEM;
    }
    for (size_t i = 1; i <= p->nlines; i++) first[i] = first[i - 1] + p->lines[i - 1].nwords;
    for (size_t i = 0; i < n; i++) {
        size_t li = 0;
        const pdf_word *lw = layer_word(p, &w[i], &li);
        if (!lw) continue; /* the text of an image */
        pdf_word styled = w[i];
        styled.text = layer_case(ar, w[i].text, lw->text);
        styled.y0 = lw->y0, styled.y1 = lw->y1, styled.size = lw->size;
        styled.bold = lw->bold, styled.italic = lw->italic;
        /* the layer words of its line under it; one holding the sign? */
        const pdf_line *l = &p->lines[li];
        size_t a = l->nwords, b = 0, s = l->nwords;
        for (size_t j = 0; j < l->nwords; j++) {
            if (overlap(w[i].x0, w[i].x1, l->words[j].x0, l->words[j].x1) <= 0) continue;
            covered[first[li] + j] = true;
            if (j < a) a = j;
            b = j + 1;
            if (s == l->nwords && strstr(l->words[j].text, "§")) s = j;
        }
        if (s < l->nwords && sign_from_layer(ar, l, a, b, s, &styled, o, &k, cap)) continue;
        o[k++] = styled;
    }
    /* a layer word without letters that OCR did not read (a rule) */
    for (size_t i = 0; i < p->nlines; i++)
        for (size_t j = 0; j < p->lines[i].nwords; j++)
            if (!covered[first[i] + j] && no_letters(p->lines[i].words[j].text) && k < cap) {
                o[k] = p->lines[i].words[j];
                o[k++].conf = 1; /* the layer's glyphs, not a reading */
            }
    free(covered);
    free(first);
    *out = o;
    *nout = k;
    return SAMLA_OK;
}
