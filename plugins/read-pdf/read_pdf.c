/* read_pdf.c: the read-pdf reader plugin (poppler-glib): descriptor, run
 * settings, opening the PDF from memory, metadata, and the page loop.
 *
 * All pages are first read into lines (lines.c) so that running headers and
 * footers (furniture.c) and the body font size (layout.c) can be measured
 * over the whole document; then each page is laid out into blocks. */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <poppler.h>

#include "pdf.h"
#include "tags.h"

#define MAX_PAGES 5000

/* Pipeline options. */
typedef struct pdf_config {
    const char *tags;         /* "auto": read tagged pages from the structure tree; "never" */
    const char *ocr;          /* "auto", "always", "never" (ocr.c) */
    long ocr_dpi;
} pdf_config;

static const samla_option options[] = {
    {"tags", SAMLA_OPT_STRING, "auto", offsetof(pdf_config, tags),
     "auto: read a tagged PDF's pages from its structure tree (geometry where tags are missing); never: geometry only"},
    {"ocr", SAMLA_OPT_STRING, "auto", offsetof(pdf_config, ocr),
     "auto: OCR (Tesseract) pages without a text layer, with a garbled one, and scans whose own text layer OCR reads "
     "clearly better; always: every page; never: none"},
    {"ocr_dpi", SAMLA_OPT_INT, "300", offsetof(pdf_config, ocr_dpi),
     "resolution pages are rendered at for OCR (72-600)"},
    SAMLA_OPTIONS_END};

static void fini(void *state)
{
    pdf_settings *s = state;
    if (!s) return;
    samla_re_free(s->numbering);
    samla_re_free(s->page_number);
    samla_re_free(s->page_label);
    samla_re_free(s->item_start);
    samla_re_free(s->ocr_item_prefix);
    pdf_word_list_free(s);
    samla_arena_free(s->arena);
    free(s);
}

/* Allocates the run settings (freed by fini) from data/read-pdf.yaml. */
static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    const pdf_config *c = cfg;
    if (c && c->tags && strcmp(c->tags, "auto") != 0 && strcmp(c->tags, "never") != 0) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "read-pdf: option tags must be auto or never, not '%s'", c->tags);
        return SAMLA_ERR_CONFIG;
    }
    const char *ocr = c && c->ocr ? c->ocr : "auto";
    if (strcmp(ocr, "auto") != 0 && strcmp(ocr, "always") != 0 && strcmp(ocr, "never") != 0) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "read-pdf: option ocr must be auto, always or never, not '%s'", ocr);
        return SAMLA_ERR_CONFIG;
    }
    long dpi = c && c->ocr_dpi ? c->ocr_dpi : 300;
    if (dpi < 72 || dpi > 600) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "read-pdf: option ocr_dpi must be 72-600, not %ld", dpi);
        return SAMLA_ERR_CONFIG;
    }
    if (strcmp(ocr, "always") == 0 && !pdf_ocr_available()) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "read-pdf: option ocr: always, but samla was built without Tesseract");
        return SAMLA_ERR_CONFIG;
    }
    pdf_settings *s = calloc(1, sizeof *s);
    if (!s) return SAMLA_ERR_NOMEM;
    *state = s;
    s->use_tags = !c || !c->tags || strcmp(c->tags, "auto") == 0;
    s->ocr_mode = strcmp(ocr, "always") == 0 ? PDF_OCR_ALWAYS : strcmp(ocr, "never") == 0 ? PDF_OCR_NEVER : PDF_OCR_AUTO;
    if (!pdf_ocr_available()) s->ocr_mode = PDF_OCR_NEVER;
    s->ocr_dpi = (int)dpi;
    return pdf_settings_load(s, rt, diag);
}

static char *meta(samla_arena *a, gchar *s)
{
    char *out = s && *s ? samla_text_clean(a, s) : NULL;
    g_free(s);
    return out && *out ? out : NULL;
}

static void read_meta(samla_ctx *ctx, PopplerDocument *pd)
{
    ctx->doc.meta_title = meta(ctx->arena, poppler_document_get_title(pd));
    ctx->doc.meta_author = meta(ctx->arena, poppler_document_get_author(pd));
    GDateTime *dt = poppler_document_get_creation_date_time(pd);
    if (dt) {
        ctx->doc.meta_date = meta(ctx->arena, g_date_time_format(dt, "%Y-%m-%d"));
        g_date_time_unref(dt);
    }
}

/* "3, 4, 7" for the empty pages, arena. */
static char *page_list(samla_arena *a, const pdf_reader *r)
{
    char *s = "";
    for (size_t i = 0; i < r->npages && s; i++)
        if (!r->pages[i].nlines) s = samla_arena_printf(a, "%s%s%d", s, *s ? ", " : "", r->pages[i].number);
    return s;
}

/* Why pages without a text layer stay unread (for the messages). */
static const char *why_unread(const pdf_reader *r)
{
    if (!pdf_ocr_available()) return "samla was built without OCR";
    if (r->set->ocr_mode == PDF_OCR_NEVER) return "OCR is off (option ocr: never)";
    return "OCR read no usable text";
}

static double round3(double v) { return round(v * 1000) / 1000; }

/* Copies what OCR did on page p into the model's page record, with a
 * warning saying which page was OCR'd, why and with what result. */
static void ocr_record(samla_ctx *ctx, const pdf_page *p, samla_page_info *pi, double min_confidence)
{
    const pdf_page_ocr *o = &p->ocr;
    pi->ocr_reason = o->reason;
    pi->ocr_used = o->used;
    pi->ocr_dpi = o->dpi;
    pi->ocr_skew = round(o->skew * 100) / 100;
    pi->ocr_confidence = round3(o->confidence);
    pi->ocr_known_words = o->known >= 0 ? round3(o->known) : -1;
    pi->ocr_layer_known_words = o->layer_known >= 0 ? round3(o->layer_known) : -1;
    pi->ocr_rulings = o->rulings;
    pi->ocr_cells = o->cells;
    pi->ocr_median_confidence = o->median_confidence >= 0 ? round3(o->median_confidence) : -1;
    pi->ocr_median_used = o->median_used;
    static const struct {
        const char *reason, *says;
    } why[] = {{"no_text_layer", "no text layer"},
               {"garbled_text_layer", "garbled text layer"},
               {"truncated_text_layer", "text layer cut short by a U+0000 character"},
               {"scanned_text_layer", "a scan with its own text layer"},
               {"always", "option ocr: always"}};
    const char *says = o->reason;
    for (size_t k = 0; k < sizeof why / sizeof *why; k++)
        if (strcmp(why[k].reason, o->reason) == 0) says = why[k].says;
    if (!o->nwords)
        samla_ctx_warn(ctx, p->number, "page %d OCR'd (%s): no text recognised", p->number, says);
    else if (o->confidence < min_confidence)
        samla_ctx_warn(ctx, p->number, "page %d OCR'd (%s): not used, mean confidence %.0f%% (%zu words) is below %.0f%%",
                       p->number, says, 100 * o->confidence, o->nwords, 100 * min_confidence);
    else if (o->used)
        samla_ctx_warn(ctx, p->number, "page %d read by OCR (%s): %zu words, mean confidence %.0f%%, %.0f%% known words",
                       p->number, says, o->nwords, 100 * o->confidence, o->known >= 0 ? 100 * o->known : 0.0);
    else
        samla_ctx_warn(ctx, p->number,
                       "page %d OCR'd (%s) but its text layer kept: %.0f%% known words against OCR's %.0f%%",
                       p->number, says, 100 * o->layer_known, 100 * o->known);
}

static samla_status open_doc(samla_ctx *ctx, PopplerDocument **out)
{
    GBytes *bytes = g_bytes_new_static(ctx->doc.bytes, ctx->doc.size);
    GError *err = NULL;
    *out = poppler_document_new_from_bytes(bytes, NULL, &err);
    g_bytes_unref(bytes);
    if (*out) return SAMLA_OK;
    samla_status st = SAMLA_ERR_FORMAT;
    if (err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED) {
        samla_ctx_error(ctx, 0, "encrypted PDF (password protected)");
        st = SAMLA_ERR_ENCRYPTED;
    } else {
        samla_ctx_error(ctx, 0, "damaged PDF: %s", err && err->message ? err->message : "cannot be opened");
    }
    if (err) g_error_free(err);
    return st;
}

/* Reads the document; pages, their words and lines live in scratch (see process). */
static samla_status read_document(void *state, samla_ctx *ctx, samla_arena *scratch)
{
    PopplerDocument *pd = NULL;
    samla_status st = open_doc(ctx, &pd);
    if (st != SAMLA_OK) return st;
    int np = poppler_document_get_n_pages(pd);
    if (np > MAX_PAGES) {
        samla_ctx_error(ctx, 0, "PDF has %d pages; read-pdf reads at most %d", np, MAX_PAGES);
        g_object_unref(pd);
        return SAMLA_ERR_LIMIT;
    }
    if (np <= 0) {
        samla_ctx_error(ctx, 0, "damaged PDF: no pages");
        g_object_unref(pd);
        return SAMLA_ERR_FORMAT;
    }
    read_meta(ctx, pd);
    pdf_reader r = {.ctx = ctx, .set = state, .npages = (size_t)np, .scratch = scratch};
    r.pages = samla_arena_alloc(scratch, r.npages * sizeof *r.pages);
    if (!r.pages) st = SAMLA_ERR_NOMEM;
    size_t empty = 0;
    for (int i = 0; i < np && st == SAMLA_OK; i++) {
        PopplerPage *page = poppler_document_get_page(pd, i);
        pdf_page *p = &r.pages[i];
        p->number = i + 1;
        if (page) {
            poppler_page_get_size(page, &p->width, &p->height);
            st = pdf_page_lines(&r, page, p);
            g_object_unref(page);
        }
    }
    /* P-GARBLED-FONT: a broken glyph found on one page marks the other pages its font object draws it on */
    if (st == SAMLA_OK) st = pdf_garbled_fonts(&r, pd);
    for (size_t i = 0; i < r.npages && st == SAMLA_OK; i++) {
        pdf_page *p = &r.pages[i];
        PopplerPage *page = p->width > 0 ? poppler_document_get_page(pd, (int)i) : NULL;
        if (page) {
            st = pdf_ocr_page(&r, page, p);
            g_object_unref(page);
        }
        empty += p->nlines == 0;
    }
    pdf_ocr_free(r.ocr);
    pdf_lig_table_free(r.lig);
    r.ocr = NULL;
    if (st == SAMLA_OK) st = pdf_ocr_item_signs(&r);
    if (st == SAMLA_OK && empty == r.npages) {
        samla_ctx_error(ctx, 0, "no text layer (pages 1–%zu): scanned document; %s", r.npages, why_unread(&r));
        st = SAMLA_ERR_NO_TEXT;
    }
    pdf_tags *tags = NULL;
    if (st == SAMLA_OK) {
        if (empty)
            samla_ctx_warn(ctx, 0, "no text layer on page%s %s (scanned? %s)", empty > 1 ? "s" : "",
                           page_list(ctx->arena, &r), why_unread(&r));
        pdf_mark_furniture(&r);
        pdf_measure_fonts(&r);
        pdf_keep_table_headers(&r);
        if (r.set->use_tags) st = pdf_tags_map(&r, pd, &tags);
    }
    if (st != SAMLA_OK) {
        g_object_unref(pd);
        return st;
    }
    r.pd = pd; /* rulings.c renders parts of pages while they are laid out */
    for (size_t i = 0; i < r.npages && st == SAMLA_OK; i++) {
        samla_page_info *pi = samla_doc_add_page(&ctx->doc, r.pages[i].width, r.pages[i].height);
        if (!pi) {
            st = SAMLA_ERR_NOMEM;
            break;
        }
        const pdf_page *p = &r.pages[i];
        if (p->truncated && !p->ocr.used)
            samla_ctx_warn(ctx, p->number,
                           "text layer of page %d cut short: its Unicode map gives a glyph U+0000, and the %zu "
                           "characters after it are not read (%s)",
                           p->number, p->truncated, r.set->ocr_mode == PDF_OCR_NEVER ? "OCR is off" : "OCR read nothing");
        if (p->garbled) {
            pi->text_layer = "garbled";
            pi->text_layer_score = p->garbled_score;
            const char *off = r.set->ocr_mode == PDF_OCR_NEVER ? "OCR is off" : "OCR read nothing";
            if (!p->ocr.used && p->run_together)
                samla_ctx_warn(ctx, p->number,
                               "garbled text layer on page %d (%zu word%s run together at a letter that stands for the "
                               "space: its Unicode map is broken); the text may differ from what the page shows (%s)",
                               p->number, p->run_together, p->run_together > 1 ? "s" : "", off);
            else if (!p->ocr.used && p->ligature_nonwords)
                samla_ctx_warn(ctx, p->number,
                               "garbled text layer on page %d (%zu words with ligature letters restored are no words: "
                               "the glyphs are other letters and its Unicode map is broken); the text may differ from "
                               "what the page shows (%s)",
                               p->number, p->ligature_nonwords, off);
            else if (!p->ocr.used && p->nul_garbled)
                samla_ctx_warn(ctx, p->number,
                               "garbled text layer on page %d (its Unicode map gives a glyph U+0000, which no text "
                               "holds: the map is broken); the text differs from what the page shows (%s)",
                               p->number, off);
            else if (!p->ocr.used && p->font_page)
                samla_ctx_warn(ctx, p->number,
                               "garbled text layer on page %d (its font is the one whose Unicode map is broken on page "
                               "%d: %s); the text may differ from what the page shows (%s)",
                               p->number, p->font_page, p->widths, off);
            else if (!p->ocr.used && p->widths[0])
                samla_ctx_warn(ctx, p->number,
                               "garbled text layer on page %d (a letter is drawn by two glyphs of different widths: %s; "
                               "its Unicode map is broken); the text may differ from what the page shows (%s)",
                               p->number, p->widths, off);
            else if (!p->ocr.used && p->letters[0])
                samla_ctx_warn(ctx, p->number,
                               "garbled text layer on page %d (a font's letters are not Swedish letters: %s; its "
                               "Unicode map is broken); the text may differ from what the page shows (%s)",
                               p->number, p->letters, off);
            else if (!p->ocr.used)
                samla_ctx_warn(ctx, p->number,
                               "garbled text layer on page %d (%.0f%% of a font's words are not words: its Unicode map "
                               "is broken); the text may differ from what the page shows (%s)",
                               p->number, 100 * p->garbled_score, off);
        }
        if (p->ocr.reason) ocr_record(ctx, p, pi, r.set->ocr_min_confidence);
        bool tagged = !p->ocr.used && pdf_tags_page(tags, i);
        pi->read_from = p->ocr.used ? "ocr" : tagged ? "tags" : "geometry";
        if (!tagged) pdf_use_col_lines(r.scratch, &r.pages[i]);
        st = tagged ? pdf_tags_emit_page(&r, tags, i) : pdf_layout_page(&r, &r.pages[i]);
    }
    r.pd = NULL;
    pdf_ink_free(&r);
    g_object_unref(pd);
    if (st == SAMLA_OK && tags) pdf_tags_report(&r, tags);
    if (st == SAMLA_OK) st = pdf_close_table(&r);
    if (st == SAMLA_OK) pdf_settle_headings(&r);
    if (st == SAMLA_OK) pdf_ocr_confidences(&r);
    return st;
}

/* The pages' words and lines are the reader's working memory (tens of KB a page): they live in a
 * scratch arena freed when the document is read, so the extractors that follow do not carry them
 * (docs/benchmarks.md: peak memory per page). Blocks, their text and the word texts they keep
 * are in the document's arena. */
static samla_status process(void *state, samla_ctx *ctx)
{
    samla_arena *scratch = samla_arena_new();
    if (!scratch) return SAMLA_ERR_NOMEM;
    samla_status st = read_document(state, ctx, scratch);
    samla_arena_free(scratch);
    return st;
}

static const char *const formats[] = {"pdf", NULL};
static const char *const provides[] = {"content", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "read-pdf",
    .version = "1.0.0",
    .description = "reads PDF text layers (poppler): columns, headings, lists, tables, running headers/footers",
    .stage = SAMLA_STAGE_READER,
    .accepts = formats,
    .provides = provides,
    .options = options,
    .config_size = sizeof(pdf_config),
    .init = init,
    .process = process,
    .fini = fini,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
