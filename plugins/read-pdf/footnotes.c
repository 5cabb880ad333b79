/* footnotes.c: notes set in small print at the foot of a page's body, read by geometry (PDF-FOOTNOTE-FOOT).
 *
 * WeasyPrint sets a footnote (CSS float: footnote) at the foot of the page in a smaller font, each note opening
 * with its number and a full stop ("1. SOU 2018:39, s. 54-55"); LibreOffice and Word open it with the number as
 * a superscript or before a hanging indent; the numbers run on from page to page. Read
 * as text, each note was a numbered list item. The notes are the page's last body lines (outside two-column
 * sections) when every one of them is set at most 0.85 times the body size, they stand apart from the text above
 * by half a line or more, the first opens with a number, and each line that opens with a number carries the next
 * one (1., 2., 3. ...); a line without one goes on the note above it. The notes are running text: no line opens
 * with another list label and none holds a gap of a column (a contents in small print, *3.1 … 4*, is no note).
 * groff's ms sets a two-column page's notes at the foot of each column, the number raised (PDF-FOOTNOTE-COLUMN):
 * the same test runs on each text column's lines, and the notes of both columns follow the section.
 * Blocks live in the document's arena. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

/* The note number a line opens with ("12." gives 12), 0 when none: one to three digits and a full stop, with
 * text after it, or the digits alone set as a superscript (smaller than the word after them or raised above
 * its baseline) or before a hanging indent wider than half an em (LibreOffice's and Word's notes:
 * "¹ SOU 2018:39", "1<tab>SOU 2018:39"). */
static long note_number(const pdf_line *l)
{
    if (l->nwords < 2) return 0;
    const pdf_word *w = &l->words[0], *x = &l->words[1];
    size_t n = strspn(w->text, "0123456789");
    if (n < 1 || n > 3) return 0;
    bool stop = strcmp(w->text + n, ".") == 0;
    bool raised = w->size < 0.85 * x->size || x->y1 - w->y1 > 0.2 * x->size, hanging = x->x0 - w->x1 > 0.5 * x->size;
    return stop || (w->text[n] == '\0' && (raised || hanging)) ? strtol(w->text, NULL, 10) : 0;
}

/* Line l ends in a comma: the line under it runs on, whatever it opens with (a note's *…, SOU 2020:19,* over
 * *s. 150*, no list label; PDF-FOOTNOTE-JUSTIFIED). */
static bool comma_end(const pdf_line *l)
{
    const char *t = l->words[l->nwords - 1].text;
    size_t n = strlen(t);
    return n && t[n - 1] == ',';
}

/* t is a number alone (a page number at a contents line's end). */
static bool page_number(const char *t)
{
    size_t n = strspn(t, "0123456789");
    return n > 0 && t[n] == '\0';
}

size_t pdf_footnote_start(const pdf_reader *r, const pdf_line *const *body, size_t n, bool column)
{
    size_t a = n;
    while (a > 0 && (column || !body[a - 1]->sec) && body[a - 1]->size <= 0.85 * r->body_size) a--;
    /* the first that opens with a number: what stands above it in small print is no note */
    while (a < n && !note_number(body[a])) a++;
    if (a == n || a == 0 || body[a]->y0 - body[a - 1]->y1 < 0.5 * r->body_size) return n;
    long next = note_number(body[a]);
    for (size_t i = a; i < n; i++) {
        const pdf_line *l = body[i];
        long k = note_number(l);
        if (k && k != next) return n;
        if (k) next++;
        /* running text: no other list label opens a line (a contents' *3.1*), no gap of a column or a tab
           stop inside one (a contents' page numbers) */
        bool bullet;
        if (!k && i > a && !comma_end(body[i - 1]) && pdf_marker(r->set, l->words, l->nwords, &bullet)) return n;
        size_t gaps = 0, last_gap = 0;
        for (size_t j = k ? 2 : 1; j < l->nwords; j++) /* the hanging indent after a number is no gap */
            if (l->words[j].x0 - l->words[j - 1].x1 > pdf_gutter(r)) gaps++, last_gap = j;
        /* a justified line's spaces are stretched alike (PDF-FOOTNOTE-JUSTIFIED: groff's narrow column) */
        if (gaps && pdf_even_spaces(l->words + (k ? 1 : 0), l->nwords - (k ? 1 : 0), l->size, 3)) gaps = 0;
        /* one wide space before text that is no page number is a stretched one (PDF-FOOTNOTE-STRETCHED: a URL
           that could not be broken leaves the space before it stretched across the line) */
        if (gaps > 1 || (gaps == 1 && (last_gap + 1 == l->nwords && page_number(l->words[last_gap].text)))) return n;
    }
    return a;
}

samla_status pdf_emit_footnotes(pdf_reader *r, const pdf_line *const *body, size_t a, size_t n)
{
    samla_block *note = NULL;
    for (size_t i = a; i < n; i++) {
        const pdf_line *l = body[i];
        bool opens = note_number(l) != 0;
        pdf_frag f = {l, opens ? 1 : 0, l->nwords};
        char *text = pdf_frag_text(r->ctx->arena, &f);
        if (!text) return SAMLA_ERR_NOMEM;
        if (!opens && note) {
            char *t = pdf_join_texts(r, note->text, text);
            if (!t) return SAMLA_ERR_NOMEM;
            note->text = t;
            note->x0 = fmin(note->x0, l->x0), note->x1 = fmax(note->x1, l->x1), note->y1 = l->y1;
            continue;
        }
        note = samla_block_new(&r->ctx->doc, SAMLA_BLOCK_FOOTNOTE, text);
        if (!note) return SAMLA_ERR_NOMEM;
        if (opens) {
            size_t len = strlen(l->words[0].text);
            note->numbering = samla_arena_strdup(r->ctx->arena, l->words[0].text);
            if (!note->numbering) return SAMLA_ERR_NOMEM;
            if (note->numbering[len - 1] == '.') note->numbering[len - 1] = '\0';
        }
        note->x0 = l->x0, note->y0 = l->y0, note->x1 = l->x1, note->y1 = l->y1;
        note->style.font_size = l->size;
        note->style.bold = l->bold;
        note->style.italic = l->italic;
        samla_status st = samla_doc_append(&r->ctx->doc, note);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}
