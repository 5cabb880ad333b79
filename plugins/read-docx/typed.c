/* typed.c: list labels typed by hand (DOCX-TYPED-LIST).
 *
 * A writer who types "a) ", "1) ", "2. " or "– " at the start of paragraphs
 * instead of using Word's numbering makes a list that the file does not call
 * one: the paragraphs have no w:numPr. On the page they are list items, and
 * read-pdf reads the same paragraphs of the exported PDF as list items by
 * their marker; so the DOCX reader does too, when the labels make a run: at
 * least two consecutive body paragraphs whose labels have one form and
 * follow in sequence (a) b) c), 1) 2), 3. 4.) or repeat one bullet glyph
 * (– –; the glyphs are `typed_bullets` in data/read-docx.yaml). A lone
 * "1. januari"-like start is not a list. The label becomes the item's
 * numbering and leaves its text; the level is 1. Only top-level body
 * blocks are looked at (a table cell keeps its text as written). */
#include <ctype.h>
#include <string.h>

#include "docx.h"

typedef enum { FORM_NONE, FORM_NUM_PAREN, FORM_NUM_DOT, FORM_LETTER_PAREN, FORM_BULLET } label_form;

typedef struct label {
    label_form form;
    long value;        /* number, letter (1 = a), or bullet index */
    size_t len;        /* bytes of the label, without the separator */
    size_t skip;       /* bytes of label and separator: where the text starts */
} label;

/* The typed label at the start of s, if any: a label, then a space or tab,
 * then text. */
static label typed_label(const char *s, const char *const *typed_bullets)
{
    label l = {FORM_NONE, 0, 0, 0};
    size_t i = 0;
    if (isdigit((unsigned char)s[0])) {
        long v = 0;
        while (i < 3 && isdigit((unsigned char)s[i])) v = v * 10 + (s[i++] - '0');
        if (isdigit((unsigned char)s[i]) || (s[i] != ')' && s[i] != '.')) return l;
        l.form = s[i] == ')' ? FORM_NUM_PAREN : FORM_NUM_DOT;
        l.value = v;
        i++;
    } else if (s[0] >= 'a' && s[0] <= 'z' && s[1] == ')') {
        l.form = FORM_LETTER_PAREN;
        l.value = s[0] - 'a' + 1;
        i = 2;
    } else {
        for (size_t k = 0; typed_bullets[k]; k++) {
            size_t n = strlen(typed_bullets[k]);
            if (strncmp(s, typed_bullets[k], n) == 0) {
                l.form = FORM_BULLET;
                l.value = (long)k;
                i = n;
                break;
            }
        }
        if (l.form == FORM_NONE) return l;
    }
    l.len = i;
    if (s[i] != ' ' && s[i] != '\t') return (label){FORM_NONE, 0, 0, 0};
    while (s[i] == ' ' || s[i] == '\t') i++;
    if (!s[i]) return (label){FORM_NONE, 0, 0, 0};
    l.skip = i;
    return l;
}

/* b's label follows a's in one list. */
static bool follows(const label *a, const label *b)
{
    if (a->form == FORM_NONE || a->form != b->form) return false;
    return a->form == FORM_BULLET ? a->value == b->value : b->value == a->value + 1;
}

static bool plain_paragraph(const samla_block *b)
{
    return b->kind == SAMLA_BLOCK_PARAGRAPH && !b->numbering && b->text;
}

/* b becomes a list item with the label l at its start. */
static samla_status make_item(samla_ctx *ctx, samla_block *b, const label *l)
{
    char *num = samla_arena_strndup(ctx->arena, b->text, l->len);
    if (!num) return SAMLA_ERR_NOMEM;
    b->kind = SAMLA_BLOCK_LIST_ITEM;
    b->numbering = num;
    b->text += l->skip;
    b->level = 1;
    return SAMLA_OK;
}

/* Unlabelled paragraphs that may stand between two numbered items of one
 * typed list (an agenda item's text under its typed number). */
#define MAX_BETWEEN 4

samla_status docx_typed_lists(samla_ctx *ctx, const char *const *bullets)
{
    samla_doc *d = &ctx->doc;
    bool used[FORM_BULLET + 1] = {false};
    size_t *chain = d->nblocks ? samla_arena_alloc(ctx->arena, d->nblocks * sizeof *chain) : NULL;
    if (d->nblocks && !chain) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < d->nblocks; i++) {
        if (!plain_paragraph(d->blocks[i])) continue;
        label prev = typed_label(d->blocks[i]->text, bullets);
        if (prev.form == FORM_NONE) continue;
        size_t n = 0, e = i + 1, between = 0;
        chain[n++] = i;
        /* numbered labels may have paragraphs between them; bullets follow one another */
        size_t room = prev.form == FORM_BULLET ? 0 : MAX_BETWEEN;
        while (e < d->nblocks && plain_paragraph(d->blocks[e])) {
            label next = typed_label(d->blocks[e]->text, bullets);
            if (next.form == FORM_NONE) {
                if (++between > room) break;
                e++;
                continue;
            }
            if (!follows(&prev, &next)) break;
            chain[n++] = e;
            prev = next;
            between = 0;
            e++;
        }
        if (n < 2) continue;
        used[prev.form] = true;
        for (size_t k = 0; k < n; k++) {
            samla_block *b = d->blocks[chain[k]];
            label l = typed_label(b->text, bullets);
            samla_status st = make_item(ctx, b, &l);
            if (st != SAMLA_OK) return st;
        }
        i = chain[n - 1];
    }
    /* a list of one item, typed in a form the document's typed lists use and
     * starting it (1. or a)), is one too */
    for (size_t i = 0; i < d->nblocks; i++) {
        if (!plain_paragraph(d->blocks[i])) continue;
        label l = typed_label(d->blocks[i]->text, bullets);
        if (l.form == FORM_NONE || l.form == FORM_BULLET || !used[l.form] || l.value != 1) continue;
        samla_status st = make_item(ctx, d->blocks[i], &l);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}
