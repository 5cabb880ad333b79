/* ocr.c: reading a page by OCR (Tesseract's C API) into the same words the
 * text layer gives, so OCR'd pages go through the same line, column, list
 * and table analysis as born-digital ones.
 *
 * Which pages (option ocr: auto, the default):
 *   - a page without a text layer (a scan);
 *   - a page whose text layer is garbled (textlayer.c);
 *   - a page whose text poppler cuts short at a U+0000 (PDF-TEXT-NUL, lines.c): read like a page without a
 *     layer, since the layer's words stop where the cut is;
 *   - a scan with a text layer (one image covers the page and every word lies
 *     on it: a copier's or publisher's OCR layer): it is re-read, and the OCR
 *     words replace the layer only when their share of known words (the word
 *     list of textlayer.c) is at least ocr.better_known points higher; the
 *     choice is recorded on the page either way.
 * A sound born-digital page is never OCR'd under auto; ocr: always reads
 * every page by OCR, ocr: never none.
 *
 * How: the page is rendered with poppler-glib onto a cairo image (default
 * 300 dpi, option ocr_dpi; the pixel count is capped), made grey, deskewed
 * (Leptonica's skew search, a rotation about the centre), cleared of table
 * rulings (erase_rulings) and recognised by Tesseract (language ocr.language
 * of data/read-pdf.yaml); a page read with low confidence is read again
 * through a median filter (scan grain) and the better read kept. Item signs
 * read as '8' are settled afterwards over the whole document (itemsign.c). Each word's box
 * comes back in points; its font size is its text line's ascent over
 * ocr.ascent_em, snapped to the page's usual size when close (OCR knows no
 * fonts; bold and italic stay unknown), its vertical extent the line's. On a page whose text layer is garbled
 * the words then take the places, sizes and weights of the layer's words under them (ocr_layer.c). Word
 * confidences (0..1) are kept on the words; a block's `ocr_confidence` is the mean over the words inside it.
 *
 * One Tesseract engine per document, made at the first page that needs it
 * (loading the language data costs ~0.3 s); Tesseract's and Leptonica's own
 * messages are silenced (diagnostics go through the context). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include <tesseract/capi.h>

#include "pdf.h"

#define OCR_MAX_SIDE 12000            /* pixels per side of a rendered page */
#define OCR_MAX_PIXELS (60.0 * 1e6)   /* pixels per rendered page (~60 MB grey, 240 MB RGB) */
#define OCR_MAX_WORDS 50000           /* words kept per page */

struct pdf_ocr {
    TessBaseAPI *api;
    bool failed;                      /* the engine could not be made: no more tries */
};

bool pdf_ocr_available(void) { return true; }

void pdf_ocr_free(pdf_ocr *o)
{
    if (!o) return;
    if (o->api) {
        TessBaseAPIEnd(o->api);
        TessBaseAPIDelete(o->api);
    }
    free(o);
}

/* The engine, made on first use (NULL when it cannot be: a warning says
 * why, once). */
static TessBaseAPI *engine(pdf_reader *r)
{
    if (!r->ocr) {
        r->ocr = calloc(1, sizeof *r->ocr);
        if (!r->ocr) return NULL;
    }
    pdf_ocr *o = r->ocr;
    if (o->api || o->failed) return o->api;
    setMsgSeverity(L_SEVERITY_NONE);
    o->api = TessBaseAPICreate();
    if (o->api) TessBaseAPISetVariable(o->api, "debug_file", "/dev/null");
    if (!o->api || TessBaseAPIInit3(o->api, r->set->ocr_datapath, r->set->ocr_language) != 0) {
        samla_ctx_warn(r->ctx, 0,
                       "OCR is not available: Tesseract cannot load language '%s' (install tesseract-ocr-%s); pages "
                       "without a usable text layer stay unread",
                       r->set->ocr_language, r->set->ocr_language);
        if (o->api) TessBaseAPIDelete(o->api);
        o->api = NULL;
        o->failed = true;
        return NULL;
    }
    TessBaseAPISetVariable(o->api, "debug_file", "/dev/null");
    TessBaseAPISetPageSegMode(o->api, PSM_AUTO);
    return o->api;
}

/* Renders the page to an 8-bit grey Pix at *dpi (lowered when the page
 * would exceed the pixel caps). NULL on failure. Caller frees (pixDestroy). */
static PIX *render(PopplerPage *page, double wpt, double hpt, int *dpi)
{
    double scale = *dpi / 72.0;
    double w = ceil(wpt * scale), h = ceil(hpt * scale);
    double shrink = fmin(1.0, fmin(OCR_MAX_SIDE / fmax(w, 1), OCR_MAX_SIDE / fmax(h, 1)));
    if (w * h * shrink * shrink > OCR_MAX_PIXELS) shrink = sqrt(OCR_MAX_PIXELS / (w * h));
    if (shrink < 1.0) {
        *dpi = (int)floor(*dpi * shrink);
        scale = *dpi / 72.0;
        w = ceil(wpt * scale), h = ceil(hpt * scale);
    }
    if (*dpi < 10 || w < 1 || h < 1) return NULL;
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h);
    if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(s);
        return NULL;
    }
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render(page, cr);
    cairo_destroy(cr);
    cairo_surface_flush(s);
    PIX *pix = pixCreate((l_int32)w, (l_int32)h, 8);
    if (pix) {
        const unsigned char *data = cairo_image_surface_get_data(s);
        int stride = cairo_image_surface_get_stride(s);
        l_uint32 *pd = pixGetData(pix);
        l_int32 wpl = pixGetWpl(pix);
        for (int y = 0; y < (int)h; y++) {
            const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
            l_uint32 *line = pd + (size_t)y * (size_t)wpl;
            for (int x = 0; x < (int)w; x++) {
                uint32_t p = row[x];
                unsigned g = (((p >> 16) & 255) * 299 + ((p >> 8) & 255) * 587 + (p & 255) * 114) / 1000;
                SET_DATA_BYTE(line, x, g);
            }
        }
        pixSetResolution(pix, *dpi, *dpi);
    }
    cairo_surface_destroy(s);
    return pix;
}

/* Trims the word Tesseract gives (it may hold spaces); arena copy or NULL
 * when nothing is left. */
static char *word_text(samla_arena *a, const char *t)
{
    if (!t || !g_utf8_validate(t, -1, NULL)) return NULL;
    while (*t == ' ') t++;
    size_t n = strlen(t);
    while (n && (t[n - 1] == ' ' || t[n - 1] == '\n')) n--;
    if (!n) return NULL;
    char *out = samla_arena_alloc(a, n + 1);
    if (!out) return NULL;
    memcpy(out, t, n);
    out[n] = '\0';
    return out;
}

/* A speck of grain read as a word: one punctuation or symbol character
 * (':', '|', '—') read with a confidence below ocr.speck_confidence. */
static bool speck(const pdf_settings *s, const char *t, double conf)
{
    if (conf >= s->ocr_speck_confidence || g_utf8_strlen(t, -1) != 1) return false;
    gunichar c = g_utf8_get_char(t);
    return g_unichar_ispunct(c) || g_unichar_type(c) == G_UNICODE_MATH_SYMBOL ||
           g_unichar_type(c) == G_UNICODE_OTHER_SYMBOL;
}

/* The word at it with a doubled glyph left out: Tesseract's LSTM sometimes
 * reads one glyph standing alone as two symbols over the same ink ("Vv" for
 * a party letter V in a table cell, "Xx" for a vote mark). A symbol that is
 * the one before it in another case and whose box overlaps it by at least
 * half of the narrower one's width is such a double (a real double letter
 * stands side by side; other letters may overlap: the hook of a 'j' reaches
 * under the 'e' before it); the one of higher confidence stays. Arena copy, or text itself
 * when nothing is doubled. */
static char *undouble(samla_arena *a, const TessResultIterator *it, char *text)
{
    if (g_utf8_strlen(text, -1) < 2 || g_utf8_strlen(text, -1) > 64) return text;
    TessResultIterator *c = TessResultIteratorCopy(it);
    if (!c) return text;
    TessPageIterator *pi = TessResultIteratorGetPageIterator(c);
    GString *out = g_string_new(NULL);
    int px0 = 0, px1 = -1;
    gunichar prev = 0, prev_raw = 0;
    double pconf = 0;
    size_t plen = 0;
    bool doubled = false;
    for (int guard = 0; guard < 64; guard++) {
        int x0, y0, x1, y1;
        char *s = TessResultIteratorGetUTF8Text(c, RIL_SYMBOL);
        double conf = TessResultIteratorConfidence(c, RIL_SYMBOL);
        if (s && TessPageIteratorBoundingBox(pi, RIL_SYMBOL, &x0, &y0, &x1, &y1)) {
            int overlap = (x1 < px1 ? x1 : px1) - (x0 > px0 ? x0 : px0);
            int narrow = (x1 - x0 < px1 - px0 ? x1 - x0 : px1 - px0);
            gunichar raw = g_utf8_get_char_validated(s, -1), ch = g_unichar_tolower(raw);
            if (px1 >= 0 && narrow > 0 && 2 * overlap >= narrow && ch == prev && raw != prev_raw) {
                doubled = true;
                if (conf > pconf) { /* this one replaces the one before */
                    g_string_truncate(out, out->len - plen);
                    plen = strlen(s);
                    g_string_append(out, s);
                    pconf = conf;
                }
            } else {
                plen = strlen(s);
                g_string_append(out, s);
                pconf = conf;
            }
            px0 = x0, px1 = x1, prev = ch, prev_raw = raw;
        }
        TessDeleteText(s);
        if (TessPageIteratorIsAtFinalElement(pi, RIL_WORD, RIL_SYMBOL) || !TessResultIteratorNext(c, RIL_SYMBOL))
            break;
    }
    TessResultIteratorDelete(c);
    char *res = doubled && out->len ? word_text(a, out->str) : text;
    g_string_free(out, TRUE);
    return res ? res : text;
}

/* A word as Tesseract gives it, in pixels, with its text line's baseline. */
typedef struct raw_word {
    char *text;
    int x0, y0, x1, y1;
    double conf;
    double asc;                 /* baseline to the top of the word, pixels */
    size_t line;
} raw_word;

typedef struct raw_line {
    int bx0, by0, bx1, by1;     /* baseline from (bx0, by0) to (bx1, by1) */
    double ascent;              /* baseline to the top of its tallest word, pixels (line_ascents) */
} raw_line;

static int cmp_dbl(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return p < q ? -1 : p > q;
}

/* "$ 5", "$5", "$$ 8-9": Tesseract's usual misreading of a paragraph sign
 * before a number (the misreadings are ocr.section_sign_misreads); the word
 * is rewritten in place (arena). */
static void section_sign(pdf_reader *r, const raw_word *rw, size_t n, size_t i)
{
    for (const char **m = r->set->ocr_section_misreads; m && *m; m++) {
        size_t len = strlen(*m);
        char *t = rw[i].text;
        /* "KS$25": a body's abbreviation (ocr.item_prefix) run into the sign */
        const char *at = strstr(t, *m);
        if (at && at > t && g_ascii_isdigit(at[len]) && r->set->ocr_item_prefix) {
            char *prefix = samla_arena_strndup(r->ctx->arena, t, (size_t)(at - t));
            if (prefix && samla_re_test(r->set->ocr_item_prefix, prefix)) {
                char *fixed = samla_arena_printf(r->ctx->arena, "%s § %s", prefix, at + len);
                if (fixed) ((raw_word *)rw)[i].text = fixed;
                return;
            }
        }
        size_t signs = 0;
        while (strncmp(t + signs * len, *m, len) == 0) signs++;
        if (!signs || signs > 2) continue;
        const char *rest = t + signs * len;
        bool number = g_ascii_isdigit(*rest) ||
                      (!*rest && i + 1 < n && rw[i + 1].line == rw[i].line && g_ascii_isdigit(rw[i + 1].text[0]));
        if (!number) continue;
        char *fixed = samla_arena_printf(r->ctx->arena, "%s%s", signs == 2 ? "§§" : "§", rest);
        if (fixed) ((raw_word *)rw)[i].text = fixed;
        return;
    }
}

/* P-OCR-DIGIT-LETTER: in a word that holds a digit, a letter OCR reads for a
 * digit (ocr.digit_lookalikes: "O0", the letter then the digit) standing
 * next to a digit is that digit: "O1TOIO60" is "01TOI060", a code of digits
 * and capitals whose zeros Tesseract read as O; the O of "TOI" between
 * letters stays. The word is rewritten in place (arena). */
static void digit_letters(pdf_reader *r, raw_word *w)
{
    const char *t = w->text;
    if (!t || !strpbrk(t, "0123456789")) return;
    char *fixed = NULL;
    size_t n = strlen(t);
    for (const char **m = r->set->ocr_digit_lookalikes; m && *m; m++) {
        if (strlen(*m) != 2) continue;
        for (size_t i = 0; i < n; i++) {
            const char *s = fixed ? fixed : t;
            if (s[i] != (*m)[0]) continue;
            bool before = i > 0 && g_ascii_isdigit(s[i - 1]), after = i + 1 < n && g_ascii_isdigit(s[i + 1]);
            if (!before && !after) continue;
            if (!fixed && !(fixed = samla_arena_strdup(r->ctx->arena, t))) return;
            fixed[i] = (*m)[1];
        }
    }
    if (fixed) w->text = fixed;
}

static double baseline_at(const raw_line *l, double x)
{
    if (l->bx1 == l->bx0) return l->by0;
    return l->by0 + (double)(l->by1 - l->by0) * (x - l->bx0) / (double)(l->bx1 - l->bx0);
}

/* Each line's ascent: its tallest word's, leaving out words more than 1.3
 * times the line's median word ascent (a speck of grain joined to a word
 * made a body line 21 pt tall, and a heading). Words are in line order. */
static samla_status line_ascents(const raw_word *rw, size_t n, raw_line *lines)
{
    double *asc = malloc((n ? n : 1) * sizeof *asc);
    if (!asc) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < n;) {
        size_t j = i, m = 0;
        while (j < n && rw[j].line == rw[i].line) asc[m++] = rw[j++].asc;
        qsort(asc, m, sizeof *asc, cmp_dbl);
        double median = asc[m / 2], top = 0;
        for (size_t k = 0; k < m; k++)
            if (asc[k] <= 1.3 * median) top = asc[k];
        lines[rw[i].line].ascent = top;
        i = j;
    }
    free(asc);
    return SAMLA_OK;
}

/* Turns Tesseract's words into pdf_words in points. A line's font size is
 * its ascent (baseline to the top of its tallest word) over
 * ocr.ascent_em; sizes within ocr.size_snap of the page's median line are
 * the median (OCR boxes jitter by a pixel or two, fonts of a page do not).
 * A word's box is its line's: from 0.8 em above the baseline to 0.2 below,
 * as a text layer's glyph boxes are. */
static samla_status place_words(pdf_reader *r, const raw_word *rw, size_t n, raw_line *lines, size_t nl, int dpi,
                                pdf_word *out)
{
    if (line_ascents(rw, n, lines) != SAMLA_OK) return SAMLA_ERR_NOMEM;
    double *asc = malloc((nl ? nl : 1) * sizeof *asc);
    if (!asc) return SAMLA_ERR_NOMEM;
    size_t na = 0;
    for (size_t i = 0; i < nl; i++)
        if (lines[i].ascent > 0) asc[na++] = lines[i].ascent;
    qsort(asc, na, sizeof *asc, cmp_dbl);
    double median = na ? asc[na / 2] : 0;
    free(asc);
    double k = 72.0 / dpi, em = r->set->ocr_ascent_em, snap = r->set->ocr_size_snap;
    for (size_t i = 0; i < n; i++) {
        section_sign(r, rw, n, i);
        digit_letters(r, (raw_word *)&rw[i]);
        raw_line *l = &lines[rw[i].line];
        double a = l->ascent > 0 ? l->ascent : median;
        if (median > 0 && fabs(a / median - 1) <= snap) a = median;
        double size_px = a / em;
        double base = baseline_at(l, (rw[i].x0 + rw[i].x1) / 2.0);
        out[i] = (pdf_word){.text = rw[i].text,
                            .x0 = rw[i].x0 * k, .x1 = rw[i].x1 * k,
                            .y0 = (base - 0.8 * size_px) * k, .y1 = (base + 0.2 * size_px) * k,
                            .size = round(size_px * k * 2) / 2,
                            .conf = rw[i].conf};
    }
    return SAMLA_OK;
}

/* Words and text lines of one or more reads, in pixels of the page render
 * (malloc'd; raw_free). */
typedef struct raw_read {
    raw_word *w;
    size_t n, cap;
    raw_line *lines;
    size_t nl, lcap;
} raw_read;

static void raw_free(raw_read *rr)
{
    free(rr->w);
    free(rr->lines);
    *rr = (raw_read){0};
}

/* Recognises pix (the page, or a cell cut from it whose top-left corner
 * lies at (dx, dy) of the page) and appends its words and text lines to rr
 * in page pixels. */
static samla_status read_raw(pdf_reader *r, TessBaseAPI *api, PIX *pix, int dpi, int dx, int dy, raw_read *rr)
{
    TessBaseAPISetImage2(api, pix);
    TessBaseAPISetSourceResolution(api, dpi);
    if (TessBaseAPIRecognize(api, NULL) != 0) return SAMLA_OK;
    TessResultIterator *it = TessBaseAPIGetIterator(api);
    if (!it) return SAMLA_OK;
    samla_status st = SAMLA_OK;
    const TessPageIterator *pi = TessResultIteratorGetPageIteratorConst(it);
    bool in_line = false;
    do {
        if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) || !in_line) {
            if (rr->nl == rr->lcap) {
                size_t nc = rr->lcap ? 2 * rr->lcap : 64;
                raw_line *nw = realloc(rr->lines, nc * sizeof *nw);
                if (!nw) {
                    st = SAMLA_ERR_NOMEM;
                    break;
                }
                rr->lines = nw, rr->lcap = nc;
            }
            raw_line *l = &rr->lines[rr->nl++];
            *l = (raw_line){0};
            if (!TessPageIteratorBaseline(pi, RIL_TEXTLINE, &l->bx0, &l->by0, &l->bx1, &l->by1)) {
                int x0, y0, x1, y1;
                if (TessPageIteratorBoundingBox(pi, RIL_TEXTLINE, &x0, &y0, &x1, &y1))
                    *l = (raw_line){x0, y1, x1, y1, 0};
            }
            l->bx0 += dx, l->bx1 += dx, l->by0 += dy, l->by1 += dy;
            in_line = true;
        }
        int x0, y0, x1, y1;
        if (!TessPageIteratorBoundingBox(pi, RIL_WORD, &x0, &y0, &x1, &y1)) continue;
        x0 += dx, x1 += dx, y0 += dy, y1 += dy;
        char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
        char *text = word_text(r->ctx->arena, t);
        TessDeleteText(t);
        if (text) text = undouble(r->ctx->arena, it, text);
        double conf = TessResultIteratorConfidence(it, RIL_WORD) / 100.0;
        double small = r->set->ocr_speck_size * dpi;
        if (!text || speck(r->set, text, conf) || (x1 - x0 < small && y1 - y0 < small)) continue;
        if (rr->n == rr->cap) {
            if (rr->cap >= OCR_MAX_WORDS) break;
            size_t nc = rr->cap ? 2 * rr->cap : 256;
            raw_word *nw = realloc(rr->w, nc * sizeof *nw);
            if (!nw) {
                st = SAMLA_ERR_NOMEM;
                break;
            }
            rr->w = nw, rr->cap = nc;
        }
        double asc = baseline_at(&rr->lines[rr->nl - 1], (x0 + x1) / 2.0) - y0;
        rr->w[rr->n++] = (raw_word){text, x0, y0, x1, y1, conf, asc, rr->nl - 1};
    } while (TessResultIteratorNext(it, RIL_WORD));
    TessResultIteratorDelete(it);
    TessBaseAPIClear(api);
    return st;
}

/* Ink of a cell: its pixels darker than level. */
static l_int32 cell_ink(PIX *pix, const pdf_ocr_box *c, int level)
{
    BOX *box = boxCreate(c->x0, c->y0, c->x1 - c->x0, c->y1 - c->y0);
    PIX *clip = box ? pixClipRectangle(pix, box, NULL) : NULL;
    PIX *bin = clip ? pixThresholdToBinary(clip, level) : NULL;
    l_int32 count = 0;
    if (bin) pixCountPixels(bin, &count, NULL);
    pixDestroy(&bin);
    pixDestroy(&clip);
    boxDestroy(&box);
    return count;
}

/* Reads the cells of the page's ruled tables one by one (ocr_grid.c): the
 * page read's words inside a table are dropped from rr and each cell with
 * ink (at least a square of 1/40 inch darker than level) is cut out, given
 * a margin of paper and read as one block of text (PSM_SINGLE_BLOCK: a cell
 * of one letter is kept, and rows stay apart). Returns the cells read. */
static int read_cells(pdf_reader *r, TessBaseAPI *api, PIX *pix, int dpi, int level, const pdf_ocr_grid_out *g,
                      raw_read *rr, samla_status *st)
{
    int tol = dpi / 30;
    size_t kept = 0;
    for (size_t i = 0; i < rr->n; i++) {
        double cx = (rr->w[i].x0 + rr->w[i].x1) / 2.0, cy = (rr->w[i].y0 + rr->w[i].y1) / 2.0;
        bool inside = false;
        for (size_t t = 0; t < g->ntables && !inside; t++)
            inside = cx >= g->tables[t].box.x0 - tol && cx <= g->tables[t].box.x1 + tol &&
                     cy >= g->tables[t].box.y0 - tol && cy <= g->tables[t].box.y1 + tol;
        if (!inside) rr->w[kept++] = rr->w[i];
    }
    rr->n = kept;
    int read = 0, pad = dpi / 30 > 4 ? dpi / 30 : 4;
    l_int32 min_ink = (dpi / 40) * (dpi / 40);
    l_uint32 paper = 255;
    pixGetRankValue(pix, 2, 0.5, &paper);
    TessBaseAPISetPageSegMode(api, PSM_SINGLE_BLOCK);
    for (size_t c = 0; c < g->ncells && *st == SAMLA_OK; c++) {
        const pdf_ocr_box *b = &g->cells[c];
        if (cell_ink(pix, b, level) < min_ink) continue;
        BOX *box = boxCreate(b->x0, b->y0, b->x1 - b->x0, b->y1 - b->y0);
        PIX *clip = box ? pixClipRectangle(pix, box, NULL) : NULL;
        PIX *framed = clip ? pixAddBorder(clip, pad, paper) : NULL;
        if (framed) {
            pixSetResolution(framed, dpi, dpi);
            *st = read_raw(r, api, framed, dpi, b->x0 - pad, b->y0 - pad, rr);
            read++;
        }
        pixDestroy(&framed);
        pixDestroy(&clip);
        boxDestroy(&box);
    }
    TessBaseAPISetPageSegMode(api, PSM_AUTO);
    return read;
}

/* Reads pix: the whole page, then the cells of its ruled tables (g, may be
 * empty); the words in points into an arena array (*out, *n). *cells: the
 * cells read. */
static samla_status recognise(pdf_reader *r, TessBaseAPI *api, PIX *pix, int dpi, int level,
                              const pdf_ocr_grid_out *g, pdf_word **out, size_t *n, int *cells)
{
    *out = NULL;
    *n = 0;
    *cells = 0;
    raw_read rr = {0};
    samla_status st = read_raw(r, api, pix, dpi, 0, 0, &rr);
    if (st == SAMLA_OK && g->ncells) *cells = read_cells(r, api, pix, dpi, level, g, &rr, &st);
    if (st == SAMLA_OK && rr.n) {
        *out = samla_arena_alloc(r->scratch, rr.n * sizeof **out);
        st = *out ? place_words(r, rr.w, rr.n, rr.lines, rr.nl, dpi, *out) : SAMLA_ERR_NOMEM;
        if (st == SAMLA_OK) *n = rr.n;
    }
    raw_free(&rr);
    return st;
}

/* Mean confidence of the words (0..1), 0 when there are none. */
static double mean_confidence(const pdf_word *w, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += w[i].conf;
    return n ? sum / (double)n : 0;
}

/* Share of checked words that are known (textlayer.c), -1 when none is. */
static double known_share(const pdf_settings *s, const pdf_word *w, size_t n)
{
    size_t checked = 0, known = 0;
    for (size_t i = 0; i < n; i++) {
        int ok = pdf_word_check(s, w[i].text);
        if (ok < 0) continue;
        checked++;
        known += ok == 1;
    }
    return checked ? (double)known / (double)checked : -1;
}

/* The share of the page the largest image covers, and whether every word of
 * the text layer lies on that image. */
static double image_cover(PopplerPage *page, const pdf_page *p, bool *words_on_it)
{
    GList *maps = poppler_page_get_image_mapping(page);
    double best = 0;
    PopplerRectangle area = {0, 0, 0, 0};
    for (GList *m = maps; m; m = m->next) {
        const PopplerImageMapping *im = m->data;
        double x0 = fmax(0, fmin(im->area.x1, im->area.x2)), x1 = fmin(p->width, fmax(im->area.x1, im->area.x2));
        double y0 = fmax(0, fmin(im->area.y1, im->area.y2)), y1 = fmin(p->height, fmax(im->area.y1, im->area.y2));
        double a = (x1 > x0 && y1 > y0) ? (x1 - x0) * (y1 - y0) : 0;
        if (a > best) best = a, area = (PopplerRectangle){x0, y0, x1, y1};
    }
    poppler_page_free_image_mapping(maps);
    /* image mapping uses PDF user space with y up on some producers: compare
     * words against the box both ways */
    bool on = p->nlines > 0;
    for (size_t i = 0; i < p->nlines && on; i++)
        for (size_t j = 0; j < p->lines[i].nwords && on; j++) {
            const pdf_word *w = &p->lines[i].words[j];
            double cx = (w->x0 + w->x1) / 2, cy = (w->y0 + w->y1) / 2;
            on = cx >= area.x1 - 1 && cx <= area.x2 + 1 &&
                 ((cy >= area.y1 - 1 && cy <= area.y2 + 1) ||
                  (p->height - cy >= area.y1 - 1 && p->height - cy <= area.y2 + 1));
        }
    *words_on_it = on;
    double area_pt = p->width * p->height;
    return area_pt > 0 ? best / area_pt : 0;
}

/* Ink share of the band of ink that lies in box (x, y, w, h) of bin
 * (clipped to the image); 0 for an empty band. */
static double ink_share(PIX *bin, l_int32 x, l_int32 y, l_int32 w, l_int32 h)
{
    l_int32 pw = pixGetWidth(bin), ph = pixGetHeight(bin);
    if (x < 0) w += x, x = 0;
    if (y < 0) h += y, y = 0;
    if (x + w > pw) w = pw - x;
    if (y + h > ph) h = ph - y;
    if (w <= 0 || h <= 0) return 0;
    BOX *b = boxCreate(x, y, w, h);
    l_int32 n = 0;
    if (b) pixCountPixelsInRect(bin, b, &n, NULL);
    boxDestroy(&b);
    return (double)n / ((double)w * h);
}

/* A run of ink found as a ruling stands alone: along at least one of its
 * sides the paper next to it (a band of bridge pixels, one pixel off) is
 * mostly paper. A ruling has text at some distance or not at all; a line
 * of bold type, whose letters a grainy scan runs together, leaves a thin
 * run through its middle with the rest of its letters right above and
 * below ("Information från kommundirektören" was painted out). */
static bool alone(PIX *bin, l_int32 x, l_int32 y, l_int32 w, l_int32 h, bool horizontal, int bridge)
{
    double before = horizontal ? ink_share(bin, x, y - 1 - bridge, w, bridge) : ink_share(bin, x - 1 - bridge, y, bridge, h);
    double after = horizontal ? ink_share(bin, x, y + h + 1, w, bridge) : ink_share(bin, x + w + 1, y, bridge, h);
    return before < 0.3 || after < 0.3;
}

/* Table rulings and rules under headers: a horizontal (vertical) run of ink
 * at least ocr.rulings.length (vertical_length) inches long and at most
 * ocr.rulings.thickness inches thick in the deskewed render. They are
 * painted paper-white before recognition: Tesseract reads a ruling, or the
 * specks a grainy one breaks into, as '|', '(' or '_' and joins the rows it
 * separates into one line; without them a ruled table is words in columns,
 * as a text layer gives it (regions.c finds tables from the words alone).
 * Ink here is darker than paper by ocr.rulings.contrast of the page's
 * paper-to-ink range (a faint 1 px rule of a 150 dpi scan is grey); gaps of
 * grain up to 1/60 inch are bridged. Returns how many rulings were erased.
 * grey is changed in place. The rulings found are joined into the cells of
 * ruled tables (ocr_grid.c) in *grid (pdf_ocr_grid_free), and *level is the
 * grey level below which a pixel is ink. */
static int erase_rulings(const pdf_settings *s, PIX *grey, int dpi, int *level_out, pdf_ocr_grid_out *grid)
{
    *grid = (pdf_ocr_grid_out){0};
    *level_out = 128;
    if (s->ocr_rulings_length <= 0) return 0;
    l_uint32 paper = 255, ink = 0;
    if (pixGetRankValue(grey, 2, 0.5, &paper) || pixGetRankValue(grey, 2, 0.005, &ink) || paper <= ink + 40) return 0;
    int level = (int)paper - (int)lround(s->ocr_rulings_contrast * (double)(paper - ink));
    *level_out = level;
    pdf_ocr_box *boxes[2] = {NULL, NULL};
    size_t nboxes[2] = {0, 0};
    int bridge = dpi / 60 > 1 ? dpi / 60 : 1;
    int hlen = (int)lround(s->ocr_rulings_length * dpi), vlen = (int)lround(s->ocr_rulings_vertical_length * dpi);
    int thick = (int)lround(s->ocr_rulings_thickness * dpi);
    PIX *ink_pix = pixThresholdToBinary(grey, level);
    if (!ink_pix) return 0;
    int count = 0;
    PIX *mask = NULL;
    for (int dir = 0; dir < 2; dir++) {
        bool h = dir == 0;
        PIX *closed = pixCloseBrick(NULL, ink_pix, h ? bridge : 1, h ? 1 : bridge);
        PIX *runs = closed ? pixOpenBrick(NULL, closed, h ? hlen : 1, h ? 1 : vlen) : NULL;
        /* a band of a large bold heading survives the opening too: it is thick */
        PIX *thin = runs ? pixSelectBySize(runs, thick, thick, 8, h ? L_SELECT_HEIGHT : L_SELECT_WIDTH,
                                           L_SELECT_IF_LTE, NULL)
                         : NULL;
        PIXA *parts = NULL;
        BOXA *ba = thin ? pixConnComp(thin, &parts, 8) : NULL;
        l_int32 nb = ba ? boxaGetCount(ba) : 0;
        boxes[dir] = nb > 0 ? malloc((size_t)nb * sizeof **boxes) : NULL;
        if (boxes[dir] && !mask) mask = pixCreateTemplate(ink_pix);
        for (l_int32 i = 0; boxes[dir] && mask && i < nb; i++) {
            l_int32 x, y, bw, bh;
            if (boxaGetBoxGeometry(ba, i, &x, &y, &bw, &bh) != 0 || !alone(ink_pix, x, y, bw, bh, h, bridge)) continue;
            PIX *part = pixaGetPix(parts, i, L_CLONE);
            if (part) pixRasterop(mask, x, y, bw, bh, PIX_PAINT, part, 0, 0);
            pixDestroy(&part);
            boxes[dir][nboxes[dir]++] = (pdf_ocr_box){x, y, x + bw, y + bh};
            count++;
        }
        boxaDestroy(&ba);
        pixaDestroy(&parts);
        pixDestroy(&thin);
        pixDestroy(&runs);
        pixDestroy(&closed);
    }
    pixDestroy(&ink_pix);
    if (mask) {
        /* the anti-aliased fringe of each ruling too */
        PIX *wide = pixDilateBrick(NULL, mask, 2 * bridge + 1, 2 * bridge + 1);
        if (wide) pixPaintThroughMask(grey, wide, 0, 0, paper);
        pixDestroy(&wide);
        pixDestroy(&mask);
    }
    if (pdf_ocr_grid(boxes[0], nboxes[0], boxes[1], nboxes[1], thick + bridge, 1 + bridge / 2, grid) != SAMLA_OK)
        *grid = (pdf_ocr_grid_out){0};
    free(boxes[0]);
    free(boxes[1]);
    return count;
}

/* The ruled tables of grid onto the page in points (p->ruled, scratch
 * arena), so that the layout takes their columns and rows from the rulings;
 * a table of more columns than a region holds is left to the words. */
static samla_status ruled_tables(pdf_reader *r, const pdf_ocr_grid_out *g, int dpi, pdf_page *p)
{
    pdf_ruled *out = samla_arena_alloc(r->scratch, (g->ntables ? g->ntables : 1) * sizeof *out);
    if (!out) return SAMLA_ERR_NOMEM;
    double k = 72.0 / dpi;
    size_t n = 0;
    for (size_t t = 0; t < g->ntables; t++) {
        const pdf_ocr_table *tab = &g->tables[t];
        if (tab->nx < 2 || tab->ny < 2 || tab->nx - 1 > sizeof out->bounds / sizeof *out->bounds) continue;
        pdf_ruled *u = &out[n];
        *u = (pdf_ruled){.x0 = tab->xs[0] * k, .y0 = tab->ys[0] * k, .x1 = tab->xs[tab->nx - 1] * k,
                         .y1 = tab->ys[tab->ny - 1] * k, .ncols = tab->nx - 1, .nrows = tab->ny - 1};
        for (size_t i = 1; i + 1 < tab->nx; i++) u->bounds[i - 1] = tab->xs[i] * k;
        u->rows = samla_arena_alloc(r->scratch, tab->ny * sizeof *u->rows);
        if (!u->rows) return SAMLA_ERR_NOMEM;
        for (size_t i = 1; i + 1 < tab->ny; i++) u->rows[i - 1] = tab->ys[i] * k;
        n++;
    }
    p->ruled = out;
    p->nruled = n;
    return SAMLA_OK;
}

/* Whether OCR could replace this text layer if the page were a scan (the
 * rule in pdf_ocr_page): its known-word share leaves room for OCR to be
 * better_known higher, or its lines span less than partial_extent of the
 * page height (a stamp or header over a scan, which OCR may outnumber). A
 * layer of known words spread over the page always stays, so its page is
 * not checked for a covering image: that check draws the page once more
 * (poppler's image mapping), 28% of a born-digital run's instructions. */
static bool layer_may_lose(const pdf_settings *s, const pdf_page *p)
{
    if (p->layer_known < 0 || p->layer_known + s->ocr_better_known <= 1) return true;
    double top = p->height, bottom = 0;
    for (size_t i = 0; i < p->nlines; i++) {
        top = fmin(top, p->lines[i].y0);
        bottom = fmax(bottom, p->lines[i].y1);
    }
    return p->height <= 0 || bottom - top < s->ocr_partial_extent * p->height;
}

/* Why the page is OCR'd under the current mode, or NULL. */
static const char *reason(pdf_reader *r, PopplerPage *page, const pdf_page *p)
{
    switch (r->set->ocr_mode) {
    case PDF_OCR_NEVER: return NULL;
    case PDF_OCR_ALWAYS: return "always";
    case PDF_OCR_AUTO: break;
    }
    if (!p->nlines) return "no_text_layer";
    if (p->truncated) return "truncated_text_layer";
    if (p->garbled) return "garbled_text_layer";
    if (!layer_may_lose(r->set, p)) return NULL;
    bool on = false;
    if (image_cover(page, p, &on) >= r->set->ocr_scan_cover && on) return "scanned_text_layer";
    return NULL;
}

samla_status pdf_ocr_page(pdf_reader *r, PopplerPage *page, pdf_page *p)
{
    const char *why = reason(r, page, p);
    if (!why) return SAMLA_OK;
    TessBaseAPI *api = engine(r);
    if (!api) return r->ocr ? SAMLA_OK : SAMLA_ERR_NOMEM;
    int dpi = r->set->ocr_dpi;
    PIX *pix = render(page, p->width, p->height, &dpi);
    if (!pix) {
        samla_ctx_warn(r->ctx, p->number, "page %d cannot be rendered for OCR (%.0f x %.0f pt)", p->number, p->width,
                       p->height);
        return SAMLA_OK;
    }
    l_float32 angle = 0, conf = 0;
    PIX *straight = pixFindSkewAndDeskew(pix, 2, &angle, &conf);
    if (straight) pixDestroy(&pix), pix = straight;
    int level = 128;
    pdf_ocr_grid_out grid;
    int rulings = erase_rulings(r->set, pix, dpi, &level, &grid);
    pdf_word *w = NULL;
    size_t n = 0;
    int cells = 0;
    samla_status st = recognise(r, api, pix, dpi, level, &grid, &w, &n, &cells);
    /* grain and specks of a copier scan defeat Tesseract's thresholding (a
     * grainy signature page gave 10 words at 0.33): a page read below
     * ocr.second_read_below is read again through a median filter of
     * ocr.median pixels at 150 dpi (scaled to the render), and the read of
     * higher mean confidence is kept. Not on every page: the filter thins
     * small print and breaks what rulings are left into specks. */
    double c1 = mean_confidence(w, n), c2 = -1;
    int mw = 2 * (int)lround((r->set->ocr_median - 1) / 2.0 * dpi / 150.0) + 1;
    bool second = false;
    if (st == SAMLA_OK && mw > 1 && c1 < r->set->ocr_second_read_below) {
        PIX *smooth = pixMedianFilter(pix, mw, mw);
        if (smooth) {
            pdf_word *w2 = NULL;
            size_t n2 = 0;
            int cells2 = 0;
            st = recognise(r, api, smooth, dpi, level, &grid, &w2, &n2, &cells2);
            c2 = mean_confidence(w2, n2);
            if (st == SAMLA_OK && n2 && c2 > c1) w = w2, n = n2, cells = cells2, second = true;
            pixDestroy(&smooth);
        }
    }
    pixDestroy(&pix);
    if (st != SAMLA_OK) {
        pdf_ocr_grid_free(&grid);
        return st;
    }
    pdf_page_ocr *o = &p->ocr;
    o->cells = cells;
    o->reason = why;
    o->dpi = dpi;
    o->skew = fabs(angle) > 0.005 && conf > 0 ? angle : 0;
    o->rulings = rulings;
    o->confidence = mean_confidence(w, n);
    o->median_confidence = c2;
    o->median_used = second;
    o->known = known_share(r->set, w, n);
    o->layer_known = p->nlines ? p->layer_known : -1;
    o->nwords = n;
    o->layer_words = p->nlines ? p->layer_words : 0;
    o->used = n > 0 && o->confidence >= r->set->ocr_min_confidence;
    /* a scan's own text layer is kept unless OCR reads clearly more words
     * as words, or the layer holds only part of the page's text (a stamp) */
    if (strcmp(why, "scanned_text_layer") == 0)
        o->used = o->used && ((o->known >= 0 && o->known >= o->layer_known + r->set->ocr_better_known) ||
                            (double)o->layer_words < r->set->ocr_partial_layer * (double)n);
    if (!o->used) {
        pdf_ocr_grid_free(&grid);
        return SAMLA_OK;
    }
    /* the OCR words replace the text layer: lines as lines.c makes them */
    pdf_page fresh = {.number = p->number, .width = p->width, .height = p->height, .ocr = p->ocr};
    /* a garbled layer's glyphs stand where the page shows them, in its fonts: OCR's words take their places
     * (ocr_layer.c, P-OCR-LAYER-GEOMETRY) */
    if (strcmp(why, "garbled_text_layer") == 0) st = pdf_ocr_onto_layer(r->scratch, p, w, n, &w, &n);
    if (st == SAMLA_OK) st = pdf_group_words(r->scratch, w, n, &fresh);
    if (st == SAMLA_OK && cells) st = ruled_tables(r, &grid, dpi, &fresh);
    pdf_ocr_grid_free(&grid);
    if (st == SAMLA_OK) *p = fresh;
    return st;
}

/* Mean confidence of the page's words whose centre lies in the box; 0 when
 * none does. */
static double box_confidence(const pdf_page *p, double x0, double y0, double x1, double y1)
{
    double sum = 0;
    size_t n = 0;
    for (size_t i = 0; i < p->nlines; i++) {
        const pdf_line *l = &p->lines[i];
        if (l->y1 < y0 - 1 || l->y0 > y1 + 1) continue;
        for (size_t j = 0; j < l->nwords; j++) {
            const pdf_word *w = &l->words[j];
            double cx = (w->x0 + w->x1) / 2, cy = (w->y0 + w->y1) / 2;
            if (cx >= x0 - 1 && cx <= x1 + 1 && cy >= y0 - 1 && cy <= y1 + 1) sum += w->conf, n++;
        }
    }
    return n ? sum / (double)n : 0;
}

/* A block of an OCR'd page (and the blocks of its cells, which may lie on
 * the next page of a continued table). */
static void block_confidence(const pdf_reader *r, samla_block *b)
{
    if (b->page >= 1 && (size_t)b->page <= r->npages) {
        const pdf_page *p = &r->pages[b->page - 1];
        if (p->ocr.used && b->x1 > b->x0) b->ocr_confidence = box_confidence(p, b->x0, b->y0, b->x1, b->y1);
    }
    for (size_t c = 0; b->cells && c < b->nrows * b->ncols; c++)
        for (size_t k = 0; k < b->cells[c].nblocks; k++) block_confidence(r, b->cells[c].blocks[k]);
}

void pdf_ocr_confidences(pdf_reader *r)
{
    bool any = false;
    for (size_t i = 0; i < r->npages && !any; i++) any = r->pages[i].ocr.used;
    for (size_t i = 0; any && i < r->ctx->doc.nblocks; i++) block_confidence(r, r->ctx->doc.blocks[i]);
}
