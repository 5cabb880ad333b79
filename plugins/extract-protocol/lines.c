/* lines.c: the document model as a list of lines (paragraphs, headings,
 * list items, table-cell paragraphs) and small text helpers shared by the
 * extractors: sub-heading kinds, terminators, sentence splitting. */
#include <ctype.h>
#include <string.h>

#include "protocol.h"

static samla_status add(pdoc *d, size_t *cap, const pline *l)
{
    if (d->n == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        pline *nl = samla_arena_grow(d->ctx->arena, d->l, d->n, nc, sizeof *nl);
        if (!nl) return SAMLA_ERR_NOMEM;
        d->l = nl;
        *cap = nc;
    }
    d->l[d->n++] = *l;
    return SAMLA_OK;
}

/* One line per '\n'-separated part of text. */
static samla_status add_text(pdoc *d, size_t *cap, pline base, const char *text)
{
    samla_arena *a = d->ctx->arena;
    const char *p = text;
    while (p && *p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *t = samla_text_clean(a, samla_arena_strndup(a, p, n));
        if (t && *t) {
            base.text = t;
            samla_status s = add(d, cap, &base);
            if (s != SAMLA_OK) return s;
            base.cell_line++;
        }
        p = e ? e + 1 : NULL;
    }
    return SAMLA_OK;
}

/* Without style names (PDF), a document title is a level-1 heading in the
 * largest heading size that opens its page: a compiled file (a § extract, then
 * the document it adopts) starts each part that way. */
static bool pdf_title(const samla_doc *doc, size_t i, double max_size)
{
    const samla_block *b = doc->blocks[i];
    if (b->kind != SAMLA_BLOCK_HEADING || b->level != 1 || b->page <= 0 || max_size <= 0 ||
        b->style.font_size < max_size - 0.5)
        return false;
    for (size_t k = i; k-- > 0;) {
        const samla_block *p = doc->blocks[k];
        if (p->page != b->page) break;
        if (p->kind != SAMLA_BLOCK_HEADER && p->kind != SAMLA_BLOCK_FOOTER) return false;
    }
    return true;
}

/* Row r has text in its first cell only (and that cell is not merged across). */
static bool lone_first_cell(samla_doc *doc, const samla_block *b, size_t r)
{
    const samla_cell *c0 = samla_table_cell(b, r, 0);
    const char *t0 = c0 && !c0->covered && c0->colspan <= 1 ? samla_cell_text(doc, c0) : NULL;
    if (!t0 || !*t0) return false;
    for (size_t c = 1; c < b->ncols; c++) {
        const samla_cell *x = samla_table_cell(b, r, c);
        const char *t = x && !x->covered ? samla_cell_text(doc, x) : NULL;
        if (t && *t) return false;
    }
    return true;
}

/* P-ITEM-RUNNING-HEADER: a running header the reader left as a paragraph,
 * "Föredragningslista 189 § 26.09.2022 Sida Stadsstyrelsen 3": its first word
 * names the document (running_header.documents) and a later word is a page
 * word (running_header.page). */
static bool running_header(const pdoc *d, const samla_block *b)
{
    if (b->kind != SAMLA_BLOCK_PARAGRAPH || !b->text || strlen(b->text) > 120) return false;
    samla_arena *a = d->ctx->arena;
    const char *sp = strchr(b->text, ' ');
    if (!sp || !ptable_exact(d, &d->st->run_docs, samla_arena_strndup(a, b->text, (size_t)(sp - b->text)))) return false;
    for (const char *w = sp + 1; *w;) {
        size_t n = strcspn(w, " ");
        if (ptable_exact(d, &d->st->run_pages, samla_arena_strndup(a, w, n))) return true;
        w += n;
        while (*w == ' ') w++;
    }
    return false;
}

/* P-DEC-INLINE-LABEL: "Beslut: Förslaget godkändes.", "Förslag: Nämnden
 * beslutar att …": a sub-heading label and its text on one line. Returns the
 * length of the label (up to and with the colon) when the part before ": " is
 * a decision or proposal sub-heading, else 0. */
/* P-ITEM-OUTLINE-NUMBER: headings numbered by the document's outline (a Word
 * heading style tied to a multilevel list: "1.1 Paragraf 97", "1.3.2 Beslut").
 * That number is the heading's place in the outline, never the item's, so it
 * is not read as part of the heading. Length of a number of at least two
 * levels ("2.1", "1.3.2.") at the start of s, or 0. */
static size_t outline_number(const char *s)
{
    const char *p = s;
    int levels = 0;
    while (isdigit((unsigned char)*p)) {
        const char *q = p;
        while (isdigit((unsigned char)*q)) q++;
        if (q - p > 3) return 0;
        levels++;
        p = q;
        if (*p != '.') break;
        p++;
    }
    return levels >= 2 ? (size_t)(p - s) : 0;
}

/* Where a heading's text starts after its outline number and the white space
 * following it ("1.1\tParagraf 97" as a PDF gives it), or NULL when it has
 * none. */
static const char *after_outline_number(const char *s)
{
    size_t n = outline_number(s);
    if (!n || (s[n] != ' ' && s[n] != '\t')) return NULL;
    while (s[n] == ' ' || s[n] == '\t') n++;
    return s[n] ? s + n : NULL;
}

static size_t inline_label(const pdoc *d, const pline *l)
{
    const char *c = strstr(l->text, ": ");
    if (!c || c - l->text > 60 || l->row >= 0 || l->kind == SAMLA_BLOCK_HEADING) return 0;
    pline h = *l;
    h.text = samla_arena_strndup(d->ctx->arena, l->text, (size_t)(c - l->text + 1));
    h.bold = true;
    sect s = line_section(d, &h);
    return s == SECT_DECISION || s == SECT_PROPOSAL ? (size_t)(c - l->text + 1) : 0;
}

samla_status lines_build(pdoc *d)
{
    samla_doc *doc = &d->ctx->doc;
    size_t cap = 0;
    bool styled = false;
    double max_size = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const samla_block *b = doc->blocks[i];
        if (b->style.name) styled = true;
        if (b->kind == SAMLA_BLOCK_HEADING && b->level == 1 && b->style.font_size > max_size)
            max_size = b->style.font_size;
    }
    int header_page = -1;        /* page of the running header just left out */
    for (size_t i = 0; i < doc->nblocks; i++) {
        const samla_block *b = doc->blocks[i];
        /* running headers/footers are left out, except a page-top "§ 102 ..."
         * line that a PDF reader took for a header (one § per page) */
        if (b->kind == SAMLA_BLOCK_FOOTER || b->kind == SAMLA_BLOCK_FOOTNOTE) continue;
        /* P-HEADER-TAIL-NOT-ITEM: an item marker at the page's top ("Paragraf 139") is the next item, not the
         * header's second line, though it has the tail's shape (a word and a number) */
        bool tail = header_page >= 0 && b->page == header_page && b->kind == SAMLA_BLOCK_PARAGRAPH && b->text &&
                    samla_re_test(d->st->re[RE_HEADER_TAIL], b->text) &&
                    !samla_re_test(d->st->re[RE_ITEM_PARA], b->text);
        header_page = -1;
        if (tail) continue;
        if ((b->kind == SAMLA_BLOCK_HEADER && !samla_re_test(d->st->re[RE_ITEM_PARA], b->text)) || running_header(d, b)) {
            header_page = b->page;
            continue;
        }
        pline base = {.blk = b, .kind = b->kind, .level = b->level, .bold = b->style.bold,
                      .italic = b->style.italic, .row = -1, .col = -1, .table = -1, .cell = -1};
        base.title = styled ? b->style.name && strstr(b->style.name, "Title") : pdf_title(doc, i, max_size);
        if (b->kind == SAMLA_BLOCK_TABLE) {
            /* trailing rows with text in the first cell only are paragraphs a PDF
             * reader drew into the table above them (two text columns followed
             * by full-width lines): they are read as paragraphs after it */
            size_t rows = b->nrows;
            while (rows > 1 && b->ncols >= 2 && lone_first_cell(doc, b, rows - 1)) rows--;
            for (size_t r = 0; r < rows; r++) {
                /* a row "Beslut | Regionfullmäktige beslutar att ...", "Expedieras
                 * till | A // B": an item's sub-heading in the first cell and its
                 * text beside it reads as that sub-heading and its paragraphs */
                const samla_cell *c0 = b->ncols >= 2 ? samla_table_cell(b, r, 0) : NULL;
                const char *t0 = c0 && !c0->covered ? samla_cell_text(doc, c0) : NULL;
                bool flat = t0 && strlen(t0) < 60 && ptable_exact(d, &d->st->sections, t0) != NULL;
                for (size_t c = 0; c < b->ncols; c++) {
                    const samla_cell *cell = samla_table_cell(b, r, c);
                    if (!cell || cell->covered) continue;
                    pline cb = base;
                    cb.row = (int)r; cb.col = (int)c; cb.table = b->index; cb.cell_line = 0;
                    if (flat) {
                        cb.row = cb.col = cb.table = -1;
                        cb.bold = c == 0;
                        cb.kind = SAMLA_BLOCK_PARAGRAPH;
                        cb.cell = c == 0 ? -1 : (int)(b->index * 64 + r);
                    }
                    for (size_t k = 0; k < cell->nblocks; k++) {
                        const samla_block *x = cell->blocks[k];
                        cb.bold = flat ? c == 0 : x->style.bold;
                        cb.italic = x->style.italic;
                        if (!flat) cb.kind = x->kind;
                        const char *t = x->text;
                        if (x->numbering && isdigit((unsigned char)x->numbering[0]))
                            t = samla_arena_printf(d->ctx->arena, "%s %s", x->numbering, x->text);
                        size_t before = d->n;
                        samla_status s = add_text(d, &cap, cb, t);
                        if (s != SAMLA_OK) return s;
                        cb.cell_line += (int)(d->n - before);
                    }
                }
            }
            for (size_t r = rows; r < b->nrows; r++) {
                const samla_cell *c0 = samla_table_cell(b, r, 0);
                for (size_t k = 0; c0 && k < c0->nblocks; k++) {
                    pline pb = base;
                    pb.kind = SAMLA_BLOCK_PARAGRAPH;
                    pb.bold = c0->blocks[k]->style.bold;
                    samla_status s = add_text(d, &cap, pb, c0->blocks[k]->text);
                    if (s != SAMLA_OK) return s;
                }
            }
            continue;
        }
        const char *t = b->text;
        bool heading = b->kind == SAMLA_BLOCK_HEADING || b->style.bold;
        /* an outline number stays on the block (or is cut from a PDF heading's text) */
        bool outline = heading && b->numbering && outline_number(b->numbering) == strlen(b->numbering);
        const char *after = heading ? after_outline_number(t) : NULL;
        /* "1 § 115 Val av justerare" in a PDF: the same list number typed before the heading's text */
        size_t lead = heading ? strspn(t, "0123456789") : 0;
        if (!after && lead && lead <= 2 && (t[lead] == ' ' || t[lead] == '\t')) {
            const char *rest = t + lead;
            while (*rest == ' ' || *rest == '\t') rest++;
            if (!isdigit((unsigned char)*rest) && samla_re_test(d->st->re[RE_ITEM_PARA], rest)) after = rest;
        }
        if (after) {
            t = after;
        } else if (heading && b->numbering && isdigit((unsigned char)b->numbering[0]) &&
                   samla_re_test(d->st->re[RE_ITEM_PARA], t)) {
            /* "1 | § 115 Val av justerare": a Word list number before a heading that names its item
             * itself is the outline's, not the item's (P-ITEM-OUTLINE-NUMBER) */
        } else if (!outline && b->numbering && isdigit((unsigned char)b->numbering[0])) {
            t = samla_arena_printf(d->ctx->arena, "%s %s", b->numbering, b->text);
            base.numbered = true;
        } else if (b->numbering && islower((unsigned char)b->numbering[0]) && (b->numbering[1] == ')' || b->numbering[1] == '.') &&
                   !b->numbering[2]) {
            /* a sub-lettered point ("a) ...") keeps its letter for the clause reader */
            t = samla_arena_printf(d->ctx->arena, "%s %s", b->numbering, b->text);
        }
        size_t first = d->n;
        samla_status s = add_text(d, &cap, base, t);
        if (s != SAMLA_OK) return s;
        /* a sub-heading label with its text on the line reads as the sub-heading and its text */
        size_t ll = first < d->n ? inline_label(d, &d->l[first]) : 0;
        if (ll) {
            pline rest = d->l[first];
            rest.text = samla_text_trim(d->ctx->arena, d->l[first].text + ll);
            d->l[first].text = samla_arena_strndup(d->ctx->arena, d->l[first].text, ll);
            d->l[first].bold = true;
            if (rest.text && *rest.text) {
                if ((s = add(d, &cap, &rest)) != SAMLA_OK) return s;
                memmove(&d->l[first + 2], &d->l[first + 1], (d->n - first - 2) * sizeof *d->l);
                d->l[first + 1] = rest;
            }
        }
    }
    return SAMLA_OK;
}

bool line_is_heading(const pline *l)
{
    return l->kind == SAMLA_BLOCK_HEADING || l->title || (l->bold && strlen(l->text) < 120);
}

sect line_section(const pdoc *d, const pline *l)
{
    size_t n = strlen(l->text);
    /* a sub-heading is short: 70 characters (not bytes: "Bildningsdirektör/tf välfärdschef N.N:s förslag:" has
     * seven letters of two bytes) */
    if (samla_text_len(l->text) > 70) return SECT_NONE;
    const char *k = ptable_exact(d, &d->st->sections, l->text);
    const char *par = strstr(l->text, " (");
    if (!k && par && l->row < 0 && (line_is_heading(l) || (n > 2 && strcmp(l->text + n - 2, "):") == 0)) &&
        (l->text[n - 1] == ')' || strcmp(l->text + n - 2, "):") == 0)) {
        /* P-SECTION-PAREN: the sub-heading names who stands behind it in brackets, "Förslag (samkommundirektören):" */
        k = ptable_exact(d, &d->st->sections, samla_arena_strndup(d->ctx->arena, l->text, (size_t)(par - l->text)));
    }
    if (!k) {
        char *low = samla_text_lower(d->ctx->arena, l->text);
        /* P-DEC-HEADING: an unstyled line "Stadsstyrelsens beslut:" ending in a colon is a sub-heading too */
        bool colon = n > 1 && l->text[n - 1] == ':' && l->row < 0;
        /* P-DEC-HEADING-OCR: a line read by OCR has no known weight or slant, so
         * "Kommunstyrelsens beslut" in italics comes as a plain paragraph: a
         * paragraph of its own read by OCR stands for a styled one */
        bool unstyled = l->row < 0 && l->blk && l->blk->kind == SAMLA_BLOCK_PARAGRAPH && l->blk->ocr_confidence > 0;
        if (!low || !(line_is_heading(l) || colon || (l->italic && l->row < 0) || unstyled) || strchr(low, '.'))
            return SECT_NONE;
        low = strip_end(d->ctx->arena, low, ": ");
        size_t m = strlen(low);
        /* the suffix as a word of its own ("Nämndens beslut"), never the end
         * of a compound in a title ("Anmälan av delegationsbeslut") */
        const ptable *suf = &d->st->heading_suffixes;
        for (size_t i = 0; i < suf->n; i++) {
            size_t ls = strlen(suf->label[i]);
            if (m > ls + 1 && low[m - ls - 1] == ' ' && strcmp(low + m - ls, suf->label[i]) == 0)
                return strcmp(suf->key[i], "decision") == 0 ? SECT_DECISION : SECT_PROPOSAL;
        }
        return SECT_NONE;
    }
    static const struct { const char *k; sect s; } map[] = {
        {"decision", SECT_DECISION}, {"proposal", SECT_PROPOSAL}, {"motions", SECT_MOTIONS},
        {"procedure", SECT_PROCEDURE}, {"vote", SECT_VOTE}, {"reservation", SECT_RESERVATION},
        {"conflict", SECT_CONFLICT}, {"note", SECT_NOTE}, {"statement", SECT_STATEMENT}, {"recipients", SECT_RECIPIENTS},
        {"background", SECT_BACKGROUND}};
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (strcmp(k, map[i].k) == 0) return map[i].s;
    return SECT_NONE;
}

/* A line that ends the items: a signature heading or formula (data `terminators`), or a signature stamp
 * ("Signerat av: Anna Ek, ordförande Datum: …", P-ITEM-STAMP-END: a digitally signed protocol's last item has
 * no heading between its last sentence and the signers). */
bool line_terminates(const pdoc *d, const pline *l)
{
    return ptable_prefix(d, &d->st->terminators, l->text, true, NULL) != NULL ||
           ptable_prefix(d, &d->st->sig_stamp, l->text, true, NULL) != NULL;
}

char *strip_end(samla_arena *a, const char *s, const char *chars)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    while (n && strchr(chars, s[n - 1])) n--;
    return samla_arena_strndup(a, s, n);
}

const char *group_text(const pdoc *d, const samla_re *re, const char *s, const samla_match *m, int g)
{
    (void)re;
    return samla_match_group(d->ctx->arena, m, s, g);
}

size_t sentences(samla_arena *a, const char *s, const char ***out)
{
    size_t n = 0, cap = 8;
    const char **v = samla_arena_alloc(a, cap * sizeof *v);
    const char *start = s;
    for (const char *p = s; v && *p; p++) {
        if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' &&
            (isupper((unsigned char)p[2]) || (unsigned char)p[2] >= 0xC3)) {
            /* not after an abbreviation like "kl." or "nr." */
            if (p - start >= 3 && (strncmp(p - 2, "kl", 2) == 0 || strncmp(p - 2, "nr", 2) == 0)) continue;
            if (n + 1 >= cap) { v = samla_arena_grow(a, v, n, cap * 2, sizeof *v); cap *= 2; if (!v) break; }
            v[n++] = samla_arena_strndup(a, start, (size_t)(p + 1 - start));
            start = p + 2;
        }
    }
    if (v && *start) {
        if (n + 1 >= cap) { v = samla_arena_grow(a, v, n, cap * 2, sizeof *v); }
        if (v) v[n++] = samla_arena_strdup(a, start);
    }
    *out = v;
    return v ? n : 0;
}
