/* describe.c: the heuristics of extract-document: title, kind, organisation, date, reference. */
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

const char *docx_head_lines(samla_ctx *ctx)
{
    const char *out = NULL;
    int taken = 0;
    for (size_t i = 0; i < ctx->doc.nblocks && taken < 3; i++) {
        const samla_block *b = ctx->doc.blocks[i];
        if (!is_body(b) || b->kind == SAMLA_BLOCK_TABLE) continue;
        taken++;
        if (samla_text_len(b->text) > 80) continue;
        out = out ? samla_arena_printf(ctx->arena, "%s\n%s", out, b->text) : b->text;
    }
    return out;
}

/* Hits of the kind's words in text_lower, each word counted at most cap times. */
static long count_words(samla_ctx *ctx, const char *text_lower, const samla_node *words, long cap)
{
    long n = 0;
    for (size_t i = 0; i < samla_node_len(words); i++) {
        const samla_node *w = samla_seq_at(words, i);
        if (w->type != SAMLA_NODE_STRING) continue;
        const char *lw = samla_text_lower(ctx->arena, w->u.s);
        long hits = 0;
        for (const char *p = text_lower; hits < cap && (p = strstr(p, lw)); p += strlen(lw)) hits++;
        n += hits;
    }
    return n;
}

/* The kind whose title word is the longest found in the title, or NULL. */
static const char *kind_by_title(samla_ctx *ctx, const samla_node *kinds, const char *title)
{
    const char *tl = title ? samla_text_lower(ctx->arena, title) : NULL;
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
    return by_title;
}

/* The body text of the whole document (no running headers/footers), lower-cased. */
static const char *body_lower(samla_ctx *ctx)
{
    size_t len = 0;
    for (size_t i = 0; i < ctx->doc.nblocks; i++)
        if (is_body(ctx->doc.blocks[i])) len += strlen(ctx->doc.blocks[i]->text) + 1;
    char *all = samla_arena_alloc(ctx->arena, len + 1);
    if (!all) return "";
    char *p = all;
    for (size_t i = 0; i < ctx->doc.nblocks; i++) {
        if (!is_body(ctx->doc.blocks[i])) continue;
        size_t l = strlen(ctx->doc.blocks[i]->text);
        memcpy(p, ctx->doc.blocks[i]->text, l);
        p += l;
        *p++ = '\n';
    }
    *p = '\0';
    return samla_text_lower(ctx->arena, all);
}

const char *docx_classify(const docx_state *s, samla_ctx *ctx, const char *title)
{
    const samla_node *kinds = samla_map_get(s->data, "kinds");
    if (!kinds || kinds->type != SAMLA_NODE_MAP) return "other";
    long cap = samla_map_get_int(s->data, "word_cap", 20);
    long bonus = samla_map_get_int(s->data, "title_bonus", 10);
    long best_score = samla_map_get_int(s->data, "min_score", 3) - 1;
    const char *by_title = kind_by_title(ctx, kinds, title);
    const char *text = body_lower(ctx);
    const char *best = "other";
    for (size_t k = 0; k < kinds->u.map.count; k++) {
        const char *kind = kinds->u.map.items[k].key;
        long score = count_words(ctx, text, samla_map_get(kinds->u.map.items[k].value, "body"), cap);
        if (by_title && strcmp(by_title, kind) == 0) score += bonus;
        if (score > best_score) {
            best_score = score;
            best = kind;
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
