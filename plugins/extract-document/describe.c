/* describe.c: the heuristics of extract-document: title, organisation, date, reference (the kind is
 * classify.c's). */
#include <string.h>

#include "extract_document.h"

static bool is_body(const samla_block *b)
{
    return b->kind != SAMLA_BLOCK_HEADER && b->kind != SAMLA_BLOCK_FOOTER && b->kind != SAMLA_BLOCK_FOOTNOTE;
}

/* The most prominent heading of the document's head: lowest level, then largest font,
 * then first. Table-of-contents lines and one-word labels are skipped. */
static bool skipped_title(const docx_state *s, const char *text)
{
    for (size_t k = 0; k < s->nskip; k++)
        if (samla_re_test(s->title_skip[k], text)) return true;
    return false;
}

const samla_block *docx_find_title(const docx_state *s, const samla_doc *doc)
{
    const samla_block *best = NULL;
    for (size_t i = 0; i < doc->nblocks && i < HEAD_BLOCKS; i++) {
        const samla_block *b = doc->blocks[i];
        if (b->kind != SAMLA_BLOCK_HEADING || samla_text_len(b->text) < 6 || skipped_title(s, b->text)) continue;
        if (!best || b->level < best->level ||
            (b->level == best->level && b->style.font_size > best->style.font_size + 0.5))
            best = b;
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

/* A date right after label in text: only spaces, colons, dashes or "den" between. */
static const char *date_after(samla_ctx *ctx, const char *text, const char *label)
{
    for (const char *hit = text; (hit = strstr(hit, label)); hit += strlen(label)) {
        const char *p = hit + strlen(label);
        while (*p == ' ' || *p == ':' || *p == '\t' || *p == '\n' || *p == '-') p++;
        if (strncmp(p, "den ", 4) == 0) p += 4;
        if (*p < '0' || *p > '9') continue;
        const char *d = samla_text_find_date(ctx->arena, p, NULL);
        if (d) return d;
    }
    return NULL;
}

const char *docx_find_date(const docx_state *s, samla_ctx *ctx)
{
    const samla_node *labels = samla_map_get(s->data, "date_labels");
    /* body first (a DOCX lists every distinct running header up front), then furniture */
    for (size_t pass = 0; pass < 2 * HEAD_BLOCKS; pass++) {
        size_t i = pass % HEAD_BLOCKS;
        if (i >= ctx->doc.nblocks) continue;
        const samla_block *b = ctx->doc.blocks[i];
        if (is_body(b) != (pass < HEAD_BLOCKS)) continue;
        for (size_t k = 0; k < samla_node_len(labels); k++) {
            const samla_node *l = samla_seq_at(labels, k);
            if (l->type != SAMLA_NODE_STRING) continue;
            const char *d = date_after(ctx, b->text, l->u.s);
            /* "Datum:" alone, the date in the next block */
            if (!d && samla_text_starts_with_ci(b->text, l->u.s) && strlen(b->text) <= strlen(l->u.s) + 1 &&
                i + 1 < ctx->doc.nblocks) {
                const char *next = ctx->doc.blocks[i + 1]->text;
                if (*next >= '0' && *next <= '9') d = samla_text_find_date(ctx->arena, next, NULL);
            }
            if (d) return d;
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
