/* garbledfont.c: P-GARBLED-FONT, a broken map is the font's, on every page the font is used.
 *
 * A ToUnicode map belongs to a font object, and a document's pages share their font objects: the glyph a broken
 * map reads as 'r' (the 'm' glyph, 0.82 em against the 'r' glyph's 0.36) is read so on every page that font draws
 * it. A page judged garbled by P-GARBLED-WIDTHS (glyphwidths.c) keeps that glyph (font, letter, both widths), one
 * judged by P-GARBLED-LETTERS (textlayer.c) the font and its missing letter. Every other page of the document not
 * judged garbled that uses the same font object is then garbled when
 *   - it draws that letter by both glyphs, once each or more (a page that draws it by one glyph only may be
 *     sound: a running header in a sound font of the same name, a page without the broken glyph);
 *   - that font's letter is missing there too (expected letters.font_missing times, fewer than letters.absent,
 *     and letters.nonwords of its words no words, as P-GARBLED-LETTERS asks);
 *   - a font first used together with the broken one (one part's fonts, from one run of its producer) has
 *     font_share_broken non-words or more (min_words checked), less than a font alone needs (font_share).
 * A font object is told from poppler's font scan, which names a font at the first page that uses it: the same name
 * used on two pages is one object when no page between them (the later one included) names it anew (a merged
 * document holds several "BAAAAA+Calibri", one per part, each with its own map; the text's attributes name fonts
 * without the subset tag, so two subsets of one name in one part are one font here).
 * A document with no page judged garbled by glyphs or letters (every born-digital one) is not scanned at all. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>

#include "pdf.h"

/* names[i]: the font names poppler's scan finds new on page i (a NULL-ended array, g_strfreev). */
static gchar ***scan_fonts(PopplerDocument *pd, size_t npages)
{
    gchar ***names = g_new0(gchar **, npages);
    PopplerFontInfo *info = poppler_font_info_new(pd);
    for (size_t i = 0; i < npages; i++) {
        PopplerFontsIter *it = NULL;
        GPtrArray *a = g_ptr_array_new();
        if (poppler_font_info_scan(info, 1, &it) && it) {
            do {
                const char *n = poppler_fonts_iter_get_name(it);
                /* as the text's attributes name it: a subset's tag ("BAAAAA+") left off */
                if (n && strlen(n) > 7 && n[6] == '+') n += 7;
                if (n) g_ptr_array_add(a, g_strdup(n));
            } while (poppler_fonts_iter_next(it));
        }
        if (it) poppler_fonts_iter_free(it);
        g_ptr_array_add(a, NULL);
        names[i] = (gchar **)g_ptr_array_free(a, FALSE);
    }
    g_object_unref(info);
    return names;
}

/* The page (index) where the font object that page p calls `font` was first used; -1 if the scan never named it. */
static long font_object(gchar ***names, size_t p, const char *font)
{
    for (long q = (long)p; q >= 0; q--)
        if (g_strv_contains((const gchar *const *)names[q], font)) return q;
    return -1;
}

/* Font f's checked words on page pg are not all words: letters.nonwords of them or more are no words (as
 * P-GARBLED-LETTERS asks of a font it judges), or none was checked. */
static bool words_not_all(const pdf_settings *s, const pdf_page *pg, const char *f)
{
    for (size_t k = 0; k < pg->ntally; k++)
        if (strcmp(pg->tally[k].font, f) == 0 && pg->tally[k].checked)
            return pg->tally[k].nonwords >= s->letters_nonwords * pg->tally[k].checked;
    return true;
}

samla_status pdf_garbled_fonts(pdf_reader *r, PopplerDocument *pd)
{
    const pdf_settings *s = r->set;
    if (s->widths_font_glyphs <= 0) return SAMLA_OK;
    size_t nbad = 0;
    for (size_t i = 0; i < r->npages; i++) nbad += r->pages[i].bad.c || r->pages[i].gone.c;
    if (!nbad) return SAMLA_OK; /* no broken glyph found: a born-digital document ends here */
    gchar ***names = scan_fonts(pd, r->npages);
    samla_status st = SAMLA_OK;
    for (size_t p = 0; p < r->npages && st == SAMLA_OK; p++) {
        pdf_page *pg = &r->pages[p];
        if (pg->garbled || !pg->nlines) continue;
        PopplerPage *page = NULL;
        pdf_glyph_em *g = NULL;
        GList *attrs = NULL;
        size_t n = 0;
        for (size_t e = 0; e < 2 * r->npages && st == SAMLA_OK && !pg->garbled; e++) {
            size_t q = e / 2;
            const pdf_bad_glyph *b = e % 2 ? &r->pages[q].gone : &r->pages[q].bad;
            if (!b->c || q == p) continue;
            long obj = font_object(names, q, b->font);
            if (obj < 0 || font_object(names, p, b->font) != obj) continue;
            if (!page) {
                page = poppler_document_get_page(pd, (int)p);
                if (!page) break;
                st = pdf_page_glyph_ems(page, &g, &n, &attrs);
                if (st != SAMLA_OK) break;
            }
            char letter[8] = {0};
            g_unichar_to_utf8(b->c, letter);
            size_t found = b->em > 0 ? pdf_widths_count_bad(s, g, n, b) : 0, k = pg->ntally;
            if (b->em > 0 && (double)found >= s->widths_font_glyphs) { /* the second glyph of a letter */
                g_snprintf(pg->widths, sizeof pg->widths, "'%s' drawn %zu time%s %.2f em wide, as on page %d", letter,
                           found, found > 1 ? "s" : "", b->em, r->pages[q].number);
            } else if (b->em <= 0 && words_not_all(s, pg, b->font) && pdf_letters_font_missing(s, g, n, b)) {
                /* a letter missing from the font */
                g_snprintf(pg->widths, sizeof pg->widths, "'%s' missing, as on page %d", letter, r->pages[q].number);
            } else {
                /* the words of a font first used with the broken one (one part's fonts, made by one run of its
                 * producer, the broken one among them): fewer non-words mark it */
                for (k = 0; k < pg->ntally && s->garbled_font_known > 0; k++)
                    if (font_object(names, p, pg->tally[k].font) == obj &&
                        pg->tally[k].checked >= s->garbled_min_words &&
                        pg->tally[k].nonwords >= s->garbled_font_known * pg->tally[k].checked)
                        break;
                if (k >= pg->ntally || s->garbled_font_known <= 0) continue;
                g_snprintf(pg->widths, sizeof pg->widths, "%u of its %u words are no words, as on page %d",
                           pg->tally[k].nonwords, pg->tally[k].checked, r->pages[q].number);
            }
            pg->garbled = true;
            pg->font_page = r->pages[q].number;
            pg->garbled_score = fmax(pg->garbled_score, r->pages[q].garbled_score);
        }
        free(g);
        if (attrs) poppler_page_free_text_attributes(attrs);
        if (page) g_object_unref(page);
    }
    for (size_t i = 0; i < r->npages; i++) g_strfreev(names[i]);
    g_free(names);
    return st;
}
