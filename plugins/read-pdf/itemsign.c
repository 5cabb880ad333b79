/* itemsign.c: the paragraph sign of item headings on OCR'd pages, settled by
 * the item numbers of the document.
 *
 * Tesseract's Swedish model has no '§' in its character set: it reads the
 * sign as '$' (rewritten in ocr.c, a dollar before a number does not occur
 * in a protocol) or as a digit that looks like it ('8': ocr.
 * section_sign_lookalikes), which is a real digit elsewhere. So an item
 * heading on an OCR'd line reads "KS 8 21" for "KS § 21", "38 Godkännande"
 * for "3§ Godkännande", "3 8 Title" for "3 § Title". Such a look-alike is
 * made '§' only where the items of the document confirm it: the items of a
 * protocol are consecutive numbers, so a candidate is taken when its number
 * follows the item before it or precedes the item after it (items read from
 * a text layer, with a real '§', or other candidates). "38 Title" between
 * "2§" and "4§" is "3§"; "38 Title" between "37 §" and "39 §" stays 38.
 *
 * A candidate stands at the start of a line (after at most one body
 * abbreviation, ocr.item_prefix: "KS") and the line goes on with a capital
 * letter or ends (a title, "Dnr"), never with lower-case prose. Then, with
 * the item numbers known, a doubled look-alike before an item number or
 * range in running text ("Närvarande 88 21-23") is "§§", and a look-alike ending a treatment reference
 * ("Stadsstyrelsen 19.12.2022, 284 8") is "§" (P-OCR-TREATMENT-SIGN).
 *
 * Words are rewritten in place (texts in the document's arena). */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

typedef struct item_cand {
    pdf_word *sign;       /* the word holding the look-alike (NULL: certain) */
    const char *fixed;    /* its text with the sign */
    long first, last;     /* item number or range */
    bool taken;           /* an item of the document */
} item_cand;

/* A whole word of 1-4 digits, or a range "8-9" / "8–9" (first, last). */
static bool item_number(const char *t, long *first, long *last)
{
    const char *p = t;
    size_t n = 0;
    while (g_ascii_isdigit(p[n])) n++;
    if (n < 1 || n > 4) return false;
    *first = *last = strtol(p, NULL, 10);
    p += n;
    if (!*p) return true;
    if (*p == '-') p++;
    else if (strncmp(p, "–", strlen("–")) == 0) p += strlen("–");
    else return false;
    n = 0;
    while (g_ascii_isdigit(p[n])) n++;
    if (n < 1 || n > 4 || p[n]) return false;
    *last = strtol(p, NULL, 10);
    return *last >= *first;
}

/* t is k (k = 1 or 2) copies of the look-alike s. */
static size_t repeats(const char *t, const char *s)
{
    size_t len = strlen(s), k = 0;
    while (k < 2 && strncmp(t + k * len, s, len) == 0) k++;
    return t[k * len] ? 0 : k;
}

/* The line goes on like a heading after word i: nothing, or a capital
 * (after a dash). */
static bool heading_rest(const pdf_line *l, size_t i)
{
    if (i >= l->nwords) return true;
    /* "6§ — Title" */
    const char *t = l->words[i].text;
    if (i + 1 < l->nwords && (strcmp(t, "-") == 0 || strcmp(t, "–") == 0 || strcmp(t, "—") == 0)) i++;
    gunichar c = g_utf8_get_char(l->words[i].text);
    return g_unichar_isupper(c);
}

/* Digits, then the look-alike s ("38"): the number before it. */
static bool digits_then(const char *t, const char *s, long *num)
{
    size_t len = strlen(s), tl = strlen(t);
    if (!len || tl <= len || strcmp(t + tl - len, s) != 0 || tl - len > 3) return false;
    for (size_t i = 0; i < tl - len; i++)
        if (!g_ascii_isdigit(t[i])) return false;
    *num = 0;
    for (size_t i = 0; i < tl - len; i++) *num = *num * 10 + (t[i] - '0');
    return true;
}

/* The item heading at the start of line l, if any: a certain one (written
 * with '§'), or on an OCR'd page a candidate with a look-alike. */
static bool line_item(samla_arena *a, const pdf_settings *s, const pdf_line *l, bool ocr, item_cand *out)
{
    size_t i = 0;
    if (l->nwords > 2 && s->ocr_item_prefix && samla_re_test(s->ocr_item_prefix, l->words[0].text)) i = 1;
    if (i >= l->nwords) return false;
    pdf_word *w = &l->words[i];
    const char *t = w->text;
    const char *next = i + 1 < l->nwords ? l->words[i + 1].text : NULL;
    long f, e;
    *out = (item_cand){0};
    /* certain: "§ 5", "§§ 8-9", "§5", "5 §", "5§" */
    if ((strcmp(t, "§") == 0 || strcmp(t, "§§") == 0) && next && item_number(next, &f, &e))
        return *out = (item_cand){NULL, NULL, f, e, false}, true;
    if (strncmp(t, "§", strlen("§")) == 0 && item_number(t + strlen("§"), &f, &e))
        return *out = (item_cand){NULL, NULL, f, e, false}, true;
    if (item_number(t, &f, &e) && f == e && next && strcmp(next, "§") == 0)
        return *out = (item_cand){NULL, NULL, f, f, false}, true;
    if (digits_then(t, "§", &f)) return *out = (item_cand){NULL, NULL, f, f, false}, true;
    if (!ocr) return false;
    for (const char **m = s->ocr_section_lookalikes; m && *m; m++) {
        size_t k = repeats(t, *m);
        /* "8 21", "88 8-9" */
        if (k && next && item_number(next, &f, &e) && heading_rest(l, i + 2)) {
            *out = (item_cand){w, k == 2 ? "§§" : "§", f, e, false};
            return true;
        }
        /* "38 Title" */
        if (digits_then(t, *m, &f) && heading_rest(l, i + 1)) {
            *out = (item_cand){w, samla_arena_printf(a, "%ld§", f), f, f, false};
            return out->fixed != NULL;
        }
        /* "3 8 Title" */
        if (item_number(t, &f, &e) && f == e && next && strcmp(next, *m) == 0 && heading_rest(l, i + 2)) {
            *out = (item_cand){&l->words[i + 1], "§", f, f, false};
            return true;
        }
    }
    return false;
}

/* v is one of the document's items. */
static bool is_item(const item_cand *c, size_t n, long v)
{
    for (size_t k = 0; k < n; k++)
        if (c[k].taken && c[k].first <= v && v <= c[k].last) return true;
    return false;
}

/* "88 21-23" in running text of an OCR'd line, the range made of items. */
static void running_signs(const pdf_settings *s, pdf_line *l, const item_cand *c, size_t n)
{
    for (size_t i = 0; i + 1 < l->nwords; i++)
        for (const char **m = s->ocr_section_lookalikes; *m; m++) {
            long f, e;
            if (repeats(l->words[i].text, *m) == 2 && item_number(l->words[i + 1].text, &f, &e) &&
                is_item(c, n, f) && is_item(c, n, e))
                l->words[i].text = "§§";
        }
}

/* t is a date followed by a comma: "19.12.2022," (day, month, year of 2 or 4 digits). */
static bool date_comma(const char *t)
{
    int parts = 0;
    const char *p = t;
    while (parts < 3) {
        size_t n = 0;
        while (g_ascii_isdigit(p[n])) n++;
        if (n < 1 || n > 4) return false;
        p += n, parts++;
        if (parts < 3 && *p++ != '.') return false;
    }
    return strcmp(p, ",") == 0;
}

/* P-OCR-TREATMENT-SIGN: a treatment reference "Stadsstyrelsen 19.12.2022, 284 §" (the Finland-Swedish sub-heading
 * of an earlier or this meeting's treatment, P-DEC-HISTORY) read "…, 284 8": a look-alike standing alone at the end
 * of an OCR'd line, after an item number after a date and comma, is the sign. Items of other meetings cannot be
 * confirmed by the document's sequence, but nothing else ends a line with a date, a number and a lone digit. */
static void treatment_sign(const pdf_settings *s, pdf_line *l)
{
    if (l->nwords < 3) return;
    pdf_word *last = &l->words[l->nwords - 1];
    long f, e;
    if (!item_number(l->words[l->nwords - 2].text, &f, &e) || f != e || !date_comma(l->words[l->nwords - 3].text))
        return;
    for (const char **m = s->ocr_section_lookalikes; *m; m++)
        if (repeats(last->text, *m) == 1) last->text = "§";
}

samla_status pdf_ocr_item_signs(pdf_reader *r)
{
    bool any = false;
    for (size_t p = 0; p < r->npages && !any; p++) any = r->pages[p].ocr.used;
    if (!any || !r->set->ocr_section_lookalikes || !*r->set->ocr_section_lookalikes) return SAMLA_OK;
    size_t cap = 0;
    for (size_t p = 0; p < r->npages; p++) cap += r->pages[p].nlines;
    item_cand *c = malloc((cap ? cap : 1) * sizeof *c);
    if (!c) return SAMLA_ERR_NOMEM;
    size_t n = 0;
    for (size_t p = 0; p < r->npages; p++) {
        const pdf_page *pg = &r->pages[p];
        for (size_t i = 0; i < pg->nlines; i++)
            if (line_item(r->ctx->arena, r->set, &pg->lines[i], pg->ocr.used, &c[n])) n++;
    }
    /* decided on the readings as found, so one candidate's choice does not
     * sway the next */
    for (size_t k = 0; k < n; k++)
        c[k].taken = !c[k].sign || (k > 0 && c[k - 1].last + 1 == c[k].first) ||
                     (k + 1 < n && c[k].last + 1 == c[k + 1].first);
    for (size_t k = 0; k < n; k++)
        if (c[k].sign && c[k].taken) c[k].sign->text = c[k].fixed;
    for (size_t p = 0; p < r->npages; p++) {
        pdf_page *pg = &r->pages[p];
        if (!pg->ocr.used) continue;
        for (size_t i = 0; i < pg->nlines; i++) {
            running_signs(r->set, &pg->lines[i], c, n);
            treatment_sign(r->set, &pg->lines[i]);
        }
    }
    free(c);
    return SAMLA_OK;
}
