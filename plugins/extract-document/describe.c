/* describe.c: the heuristics of extract-document: title, kind, organisation, date, reference. */
#include <string.h>

#include "extract_document.h"

static bool is_body(const samla_block *b)
{
    return b->kind != SAMLA_BLOCK_HEADER && b->kind != SAMLA_BLOCK_FOOTER && b->kind != SAMLA_BLOCK_FOOTNOTE;
}

/* The most prominent heading of the document's head: lowest level, then largest font,
 * then first. Table-of-contents lines and one-word labels are skipped. */
const samla_block *docx_find_title(const samla_doc *doc)
{
    const samla_block *best = NULL;
    for (size_t i = 0; i < doc->nblocks && i < HEAD_BLOCKS; i++) {
        const samla_block *b = doc->blocks[i];
        if (b->kind != SAMLA_BLOCK_HEADING || samla_text_len(b->text) < 6) continue;
        if (!best || b->level < best->level ||
            (b->level == best->level && b->style.font_size > best->style.font_size + 0.5))
            best = b;
    }
    return best;
}

static int count_words(samla_ctx *ctx, const char *text_lower, const samla_node *words)
{
    int n = 0;
    for (size_t i = 0; i < samla_node_len(words); i++) {
        const samla_node *w = samla_seq_at(words, i);
        if (w->type != SAMLA_NODE_STRING) continue;
        const char *lw = samla_text_lower(ctx->arena, w->u.s);
        for (const char *p = text_lower; (p = strstr(p, lw)); p += strlen(lw)) n++;
    }
    return n;
}

const char *docx_classify(const docx_state *s, samla_ctx *ctx, const char *title)
{
    const samla_node *kinds = samla_map_get(s->data, "kinds");
    if (!kinds || kinds->type != SAMLA_NODE_MAP) return "other";
    const char *tl = title ? samla_text_lower(ctx->arena, title) : NULL;
    /* 1. the title's own word decides (longest match wins: "protokollsutdrag" over "plan") */
    const char *by_title = NULL;
    size_t best_len = 0;
    for (size_t k = 0; tl && k < kinds->u.map.count; k++) {
        const samla_node *words = samla_map_get(kinds->u.map.items[k].value, "title");
        for (size_t i = 0; i < samla_node_len(words); i++) {
            const samla_node *w = samla_seq_at(words, i);
            if (w->type != SAMLA_NODE_STRING) continue;
            const char *lw = samla_text_lower(ctx->arena, w->u.s);
            if (strstr(tl, lw) && strlen(lw) > best_len) {
                best_len = strlen(lw);
                by_title = kinds->u.map.items[k].key;
            }
        }
    }
    if (by_title) return by_title;
    /* 2. body words on the document's head */
    size_t len = 0;
    for (size_t i = 0; i < ctx->doc.nblocks && i < HEAD_BLOCKS * 3; i++) len += strlen(ctx->doc.blocks[i]->text) + 1;
    char *head = samla_arena_alloc(ctx->arena, len + 1);
    if (!head) return "other";
    char *p = head;
    for (size_t i = 0; i < ctx->doc.nblocks && i < HEAD_BLOCKS * 3; i++) {
        size_t l = strlen(ctx->doc.blocks[i]->text);
        memcpy(p, ctx->doc.blocks[i]->text, l);
        p += l;
        *p++ = '\n';
    }
    *p = '\0';
    const char *hl = samla_text_lower(ctx->arena, head);
    const char *best = "other";
    int best_n = 2; /* at least three hits */
    for (size_t k = 0; k < kinds->u.map.count; k++) {
        int n = count_words(ctx, hl, samla_map_get(kinds->u.map.items[k].value, "body"));
        if (n > best_n) {
            best_n = n;
            best = kinds->u.map.items[k].key;
        }
    }
    return best;
}

static const char *first_org(const docx_state *s, samla_ctx *ctx, bool furniture)
{
    for (size_t i = 0; i < ctx->doc.nblocks; i++) {
        const samla_block *b = ctx->doc.blocks[i];
        if (furniture == is_body(b)) continue;
        if (!furniture && i >= HEAD_BLOCKS) break;
        /* the earliest mention in the block, whichever pattern finds it */
        samla_match m, best;
        bool found = false;
        for (size_t k = 0; k < s->norg; k++)
            if (samla_re_search(s->org[k], b->text, 0, &m) && (!found || m.start[0] < best.start[0])) {
                best = m;
                found = true;
            }
        if (found) return samla_match_group(ctx->arena, &best, b->text, 0);
    }
    return NULL;
}

const char *docx_find_organisation(const docx_state *s, samla_ctx *ctx)
{
    const char *o = first_org(s, ctx, true);
    return o ? o : first_org(s, ctx, false);
}

/* Text after a label: "Label: value" in the same block, or the next block when the
 * block is only the label. */
static const char *after_label(samla_ctx *ctx, size_t i, const samla_node *labels)
{
    const samla_block *b = ctx->doc.blocks[i];
    for (size_t k = 0; k < samla_node_len(labels); k++) {
        const samla_node *l = samla_seq_at(labels, k);
        if (l->type != SAMLA_NODE_STRING || !samla_text_starts_with_ci(b->text, l->u.s)) continue;
        const char *rest = b->text + strlen(l->u.s);
        if (*rest && *rest != ':' && *rest != ' ') continue; /* "Datumet" is not "Datum" */
        while (*rest == ':' || *rest == ' ') rest++;
        if (*rest) return rest;
        if (i + 1 < ctx->doc.nblocks) return ctx->doc.blocks[i + 1]->text;
    }
    return NULL;
}

const char *docx_find_date(const docx_state *s, samla_ctx *ctx)
{
    const samla_node *labels = samla_map_get(s->data, "date_labels");
    for (size_t i = 0; i < ctx->doc.nblocks && i < HEAD_BLOCKS; i++) {
        const char *v = after_label(ctx, i, labels);
        const char *d = v ? samla_text_find_date(ctx->arena, v, NULL) : NULL;
        if (d) return d;
        /* a label inside a table cell: look in the table text */
        const samla_block *b = ctx->doc.blocks[i];
        if (b->kind == SAMLA_BLOCK_TABLE) {
            for (size_t k = 0; k < samla_node_len(labels); k++) {
                const char *hit = strstr(b->text, samla_seq_at(labels, k)->u.s);
                if (hit && (d = samla_text_find_date(ctx->arena, hit, NULL))) return d;
            }
        }
    }
    for (size_t i = 0; i < ctx->doc.nblocks && i < HEAD_BLOCKS; i++) {
        const char *d = samla_text_find_date(ctx->arena, ctx->doc.blocks[i]->text, NULL);
        if (d) return d;
    }
    return NULL;
}

const char *docx_find_reference(const docx_state *s, samla_ctx *ctx)
{
    const samla_node *labels = samla_map_get(s->data, "reference_labels");
    for (size_t i = 0; i < ctx->doc.nblocks && i < HEAD_BLOCKS; i++) {
        const samla_block *b = ctx->doc.blocks[i];
        const char *v = after_label(ctx, i, labels);
        if (!v && b->kind == SAMLA_BLOCK_TABLE) {
            for (size_t k = 0; k < samla_node_len(labels) && !v; k++) {
                const char *hit = strstr(b->text, samla_seq_at(labels, k)->u.s);
                if (hit) v = hit + strlen(samla_seq_at(labels, k)->u.s);
            }
        }
        if (!v) continue;
        samla_match m;
        if (s->reference && samla_re_search(s->reference, v, 0, &m))
            return samla_match_group(ctx->arena, &m, v, 0);
    }
    return NULL;
}
