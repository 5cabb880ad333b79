/* settings.c: read-pdf's run settings, loaded once from data/read-pdf.yaml: the word lists, the patterns and the
 * tunable numbers. Each number is named once, in the table below, with its place in the file and the default
 * used when the file leaves it out; docs/readers.md says what each rule does with it. */
#include <stddef.h>
#include <string.h>

#include "pdf.h"

/* One tunable number: its dotted place in read-pdf.yaml ("garbled.letters.min_letters"), its default, and
 * where it goes in pdf_settings (a double). */
typedef struct pdf_number {
    const char *path;
    double dflt;
    size_t offset;
} pdf_number;

#define NUMBER(path, dflt, field) {path, dflt, offsetof(pdf_settings, field)}

static const pdf_number numbers[] = {
    NUMBER("garbled.font_share", 0.7, garbled_font_share),
    NUMBER("garbled.page_share", 0.7, garbled_page_share),
    NUMBER("garbled.min_words", 8, garbled_min_words),
    NUMBER("garbled.font_share_broken", 0, garbled_font_known),
    NUMBER("garbled.foreign_min", 3, foreign_min),
    NUMBER("garbled.run_together_parts", 0, run_together_parts),
    NUMBER("garbled.run_together_letters", 20, run_together_letters),
    NUMBER("garbled.run_together_words", 1, run_together_min),
    NUMBER("garbled.ligature_nonwords", 0, lig_nonwords),
    NUMBER("garbled.ligature_nonword_share", 0.33, lig_nonword_share),
    NUMBER("garbled.letters.min_letters", 150, letters_min),
    NUMBER("garbled.letters.absent", 0.15, letters_absent),
    NUMBER("garbled.letters.font_missing", 0, letters_font_missing),
    NUMBER("garbled.letters.missing", 24, letters_missing),
    NUMBER("garbled.letters.excess", 5, letters_excess),
    NUMBER("garbled.letters.pair_missing", 12.5, letters_pair_missing),
    NUMBER("garbled.letters.pair_excess", 3.5, letters_pair_excess),
    NUMBER("garbled.letters.min_count", 10, letters_min_count),
    NUMBER("garbled.letters.min_share", 0.005, letters_min_share),
    NUMBER("garbled.letters.nonwords", 0.1, letters_nonwords),
    NUMBER("garbled.widths.gap", 0, widths_gap),
    NUMBER("garbled.widths.same", 0.03, widths_same),
    NUMBER("garbled.widths.min_glyphs", 2, widths_min_glyphs),
    NUMBER("garbled.widths.neighbour", 0.08, widths_neighbour),
    NUMBER("garbled.widths.split", 0.03, widths_split),
    NUMBER("garbled.widths.wide", 0, widths_wide),
    NUMBER("garbled.widths.font_glyphs", 0, widths_font_glyphs),
    NUMBER("ligatures.tolerance", 0.3, ligature_tolerance),
    NUMBER("ligatures.min_samples", 3, ligature_min_samples),
    NUMBER("ocr.ascent_em", 0.72, ocr_ascent_em),
    NUMBER("ocr.size_snap", 0.12, ocr_size_snap),
    NUMBER("ocr.min_confidence", 0.5, ocr_min_confidence),
    NUMBER("ocr.median", 3, ocr_median),
    NUMBER("ocr.speck_confidence", 0.5, ocr_speck_confidence),
    NUMBER("ocr.speck_size", 0.04, ocr_speck_size),
    NUMBER("ocr.second_read_below", 0.8, ocr_second_read_below),
    NUMBER("ocr.scan_cover", 0.85, ocr_scan_cover),
    NUMBER("ocr.better_known", 0.20, ocr_better_known),
    NUMBER("ocr.partial_layer", 0.5, ocr_partial_layer),
    NUMBER("ocr.partial_extent", 0.5, ocr_partial_extent),
    NUMBER("ocr.rulings.length", 1.0, ocr_rulings_length),
    NUMBER("ocr.rulings.vertical_length", 0.33, ocr_rulings_vertical_length),
    NUMBER("ocr.rulings.thickness", 0.03, ocr_rulings_thickness),
    NUMBER("ocr.rulings.contrast", 0.25, ocr_rulings_contrast),
};

/* The node at a dotted path's section ("garbled.letters" of "garbled.letters.min_letters"), NULL when the
 * file has no such section; *key is set to the last part. */
static const samla_node *section_of(const samla_node *data, const char *path, const char **key)
{
    const samla_node *n = data;
    const char *p = path, *dot;
    while (n && (dot = strchr(p, '.'))) {
        char part[64];
        size_t len = (size_t)(dot - p);
        if (len >= sizeof part) return NULL;
        memcpy(part, p, len);
        part[len] = '\0';
        n = samla_map_get(n, part);
        p = dot + 1;
    }
    *key = p;
    return n;
}

static void load_numbers(pdf_settings *s, const samla_node *data)
{
    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        const char *key = NULL;
        const samla_node *sec = section_of(data, numbers[i].path, &key);
        double *field = (double *)((char *)s + numbers[i].offset);
        *field = sec ? samla_map_get_float(sec, key, numbers[i].dflt) : numbers[i].dflt;
    }
    static const char *const letter_names[PDF_LETTERS] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j",
                                                          "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
                                                          "u", "v", "w", "x", "y", "z", "å", "ä", "ö"};
    const samla_node *shares = samla_map_get(samla_map_get(samla_map_get(data, "garbled"), "letters"), "shares");
    for (int k = 0; k < PDF_LETTERS; k++) s->letter_share[k] = samla_map_get_float(shares, letter_names[k], 0);
    if (s->ocr_ascent_em <= 0.1) s->ocr_ascent_em = 0.72;
}

/* A NULL-terminated list of the strings of data's sequence at section/key, allocated in s->arena; *ok is
 * cleared when it could not be made (out of memory). */
static const char **strings(pdf_settings *s, const samla_node *section, const char *key, bool *ok)
{
    const char **v = samla_seq_strings(s->arena, samla_map_get(section, key));
    if (!v) *ok = false;
    return v;
}

samla_status pdf_settings_load(pdf_settings *s, samla_runtime *rt, samla_diag *diag)
{
    s->arena = samla_arena_new();
    if (!s->arena) return SAMLA_ERR_NOMEM;
    samla_node *data = NULL;
    samla_status st = samla_runtime_load_data(rt, s->arena, "read-pdf.yaml", &data, diag);
    if (st != SAMLA_OK) return st;
    load_numbers(s, data);

    bool ok = true;
    const samla_node *style = samla_map_get(data, "font_style"), *garbled = samla_map_get(data, "garbled");
    const samla_node *o = samla_map_get(data, "ocr"), *lig = samla_map_get(data, "ligatures");
    s->suspended_next = strings(s, data, "suspended_compound_next", &ok);
    s->bullets = strings(s, data, "bullets", &ok);
    s->spaced_bullets = strings(s, data, "spaced_bullets", &ok);
    s->bold_font_parts = strings(s, style, "bold", &ok);
    s->italic_font_parts = strings(s, style, "italic", &ok);
    s->foreign_words = strings(s, garbled, "foreign_words", &ok);
    if (lig) s->ligatures = strings(s, lig, "letters", &ok);
    s->ocr_section_misreads = strings(s, o, "section_sign_misreads", &ok);
    s->ocr_section_lookalikes = strings(s, o, "section_sign_lookalikes", &ok);
    s->ocr_digit_lookalikes = strings(s, o, "digit_lookalikes", &ok);
    if (!ok) return SAMLA_ERR_NOMEM;
    s->ocr_language = samla_map_get_str(o, "language");
    s->ocr_datapath = samla_map_get_str(o, "datapath");
    if (!s->ocr_language) s->ocr_language = "swe";

    const char *num = samla_map_get_str(data, "list_number");
    const char *page = samla_map_get_str(data, "page_number");
    const char *label = samla_map_get_str(data, "page_label");
    const char *item = samla_map_get_str(data, "item_start");
    const char *prefix = samla_map_get_str(o, "item_prefix");
    if (!num || !page || !label) {
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0,
                       "read-pdf.yaml: list_number, page_number and page_label patterns are required");
        return SAMLA_ERR_CONFIG;
    }
    s->numbering = samla_re_compile(num, 0, diag);
    s->page_number = samla_re_compile(page, SAMLA_RE_CASELESS, diag);
    s->page_label = samla_re_compile(label, SAMLA_RE_CASELESS, diag);
    if (item) s->item_start = samla_re_compile(item, SAMLA_RE_CASELESS, diag);
    if (prefix) s->ocr_item_prefix = samla_re_compile(prefix, 0, diag);
    if (!s->numbering || !s->page_number || !s->page_label || (item && !s->item_start) ||
        (prefix && !s->ocr_item_prefix))
        return SAMLA_ERR_CONFIG;

    pdf_foreign_index(s);
    const char *list = samla_map_get_str(garbled, "word_list");
    return list ? pdf_word_list_load(s, list, diag) : SAMLA_OK;
}
