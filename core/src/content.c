/* content.c: the document model (pages and blocks) as a node tree for the writers. */
#include "samla/context.h"

static samla_node *block_node(samla_arena *a, samla_doc *doc, const samla_block *b);

static samla_node *table_rows(samla_arena *a, samla_doc *doc, const samla_block *b)
{
    samla_node *rows = samla_node_seq(a);
    for (size_t r = 0; r < b->nrows; r++) {
        samla_node *row = samla_seq_append(a, rows, samla_node_seq(a));
        for (size_t c = 0; c < b->ncols; c++) {
            const samla_cell *cell = &b->cells[r * b->ncols + c];
            samla_node *cn = samla_seq_append(a, row, samla_node_map(a));
            if (cell->covered) {
                samla_map_set_bool(a, cn, "covered", true);
                continue;
            }
            samla_map_set_str(a, cn, "text", samla_cell_text(doc, cell));
            if (cell->colspan > 1) samla_map_set_int(a, cn, "colspan", cell->colspan);
            if (cell->rowspan > 1) samla_map_set_int(a, cn, "rowspan", cell->rowspan);
            if (cell->header) samla_map_set_bool(a, cn, "header", true);
            bool simple = cell->nblocks <= 1 && (!cell->nblocks || cell->blocks[0]->kind == SAMLA_BLOCK_PARAGRAPH);
            if (!simple) {
                samla_node *bl = samla_map_ensure_seq(a, cn, "blocks");
                for (size_t i = 0; i < cell->nblocks; i++) samla_seq_append(a, bl, block_node(a, doc, cell->blocks[i]));
            }
        }
    }
    return rows;
}

static samla_node *block_node(samla_arena *a, samla_doc *doc, const samla_block *b)
{
    samla_node *n = samla_node_map(a);
    if (b->index >= 0) samla_map_set_int(a, n, "index", b->index);
    samla_map_set_str(a, n, "kind", samla_block_kind_name(b->kind));
    if (b->level > 0) samla_map_set_int(a, n, "level", b->level);
    samla_map_set_str(a, n, "numbering", b->numbering);
    if (b->kind == SAMLA_BLOCK_TABLE) {
        samla_map_set_int(a, n, "rows", (long long)b->nrows);
        samla_map_set_int(a, n, "columns", (long long)b->ncols);
        samla_map_set(a, n, "cells", table_rows(a, doc, b));
    } else {
        samla_map_set_str(a, n, "text", b->text);
    }
    if (b->style.font_size > 0 || b->style.bold || b->style.italic || b->style.name) {
        samla_node *st = samla_map_ensure_map(a, n, "style");
        if (b->style.font_size > 0) samla_map_set_float(a, st, "font_size", b->style.font_size);
        if (b->style.bold) samla_map_set_bool(a, st, "bold", true);
        if (b->style.italic) samla_map_set_bool(a, st, "italic", true);
        samla_map_set_str(a, st, "name", b->style.name);
    }
    if (b->ocr_confidence > 0) samla_map_set_float(a, samla_map_ensure_map(a, n, "source"), "ocr_confidence", b->ocr_confidence);
    return n;
}

/* The blocks of each page in document order, as lists through next[] (arena): head[p] the first block index
 * of page p + 1, (size_t)-1 none. NULL when the pages are not numbered 1..npages in order (then each page
 * looks through all blocks) or out of memory. A long document has tens of thousands of blocks: looking
 * through all of them for each page made this quadratic (5% of a 2000-page dump). */
static size_t *page_lists(samla_arena *a, const samla_doc *doc, size_t **next_out)
{
    for (size_t p = 0; p < doc->npages; p++)
        if (doc->pages[p].number != (int)(p + 1)) return NULL;
    size_t *head = samla_arena_alloc(a, doc->npages * sizeof *head);
    size_t *tail = samla_arena_alloc(a, doc->npages * sizeof *tail);
    size_t *next = samla_arena_alloc(a, (doc->nblocks ? doc->nblocks : 1) * sizeof *next);
    if (!head || !tail || !next) return NULL;
    for (size_t p = 0; p < doc->npages; p++) head[p] = tail[p] = (size_t)-1;
    for (size_t i = 0; i < doc->nblocks; i++) {
        int pg = doc->blocks[i]->page;
        next[i] = (size_t)-1;
        if (pg < 1 || (size_t)pg > doc->npages) continue; /* on no page: never written, as before */
        size_t p = (size_t)pg - 1;
        if (head[p] == (size_t)-1) head[p] = i;
        else next[tail[p]] = i;
        tail[p] = i;
    }
    *next_out = next;
    return head;
}

samla_node *samla_ctx_content(samla_ctx *ctx)
{
    samla_arena *a = ctx->arena;
    samla_doc *doc = &ctx->doc;
    size_t *next = NULL, *head = doc->npages ? page_lists(a, doc, &next) : NULL;
    samla_node *root = samla_node_map(a);
    samla_node *pages = samla_map_ensure_seq(a, root, "pages");
    /* documents without pages (DOCX, text) get one pseudo page numbered 0 -> left out */
    size_t npages = doc->npages ? doc->npages : 1;
    for (size_t p = 0; p < npages; p++) {
        samla_node *pg = samla_seq_append(a, pages, samla_node_map(a));
        int number = doc->npages ? doc->pages[p].number : 0;
        if (number > 0) samla_map_set_int(a, pg, "number", number);
        if (doc->npages && doc->pages[p].width > 0) {
            samla_map_set_float(a, pg, "width", doc->pages[p].width);
            samla_map_set_float(a, pg, "height", doc->pages[p].height);
        }
        if (doc->npages && doc->pages[p].read_from) samla_map_set_str(a, pg, "read_from", doc->pages[p].read_from);
        if (doc->npages && doc->pages[p].text_layer) {
            samla_map_set_str(a, pg, "text_layer", doc->pages[p].text_layer);
            samla_map_set_float(a, pg, "text_layer_score", doc->pages[p].text_layer_score);
        }
        if (doc->npages && doc->pages[p].ocr_reason) {
            const samla_page_info *pi = &doc->pages[p];
            samla_node *o = samla_map_ensure_map(a, pg, "ocr");
            samla_map_set_str(a, o, "reason", pi->ocr_reason);
            samla_map_set_bool(a, o, "used", pi->ocr_used);
            samla_map_set_int(a, o, "dpi", pi->ocr_dpi);
            samla_map_set_float(a, o, "skew", pi->ocr_skew);
            samla_map_set_float(a, o, "confidence", pi->ocr_confidence);
            if (pi->ocr_known_words >= 0) samla_map_set_float(a, o, "known_words", pi->ocr_known_words);
            if (pi->ocr_layer_known_words >= 0)
                samla_map_set_float(a, o, "text_layer_known_words", pi->ocr_layer_known_words);
            samla_map_set_int(a, o, "rulings_erased", pi->ocr_rulings);
            if (pi->ocr_cells) samla_map_set_int(a, o, "cells_read", pi->ocr_cells);
            if (pi->ocr_median_confidence >= 0) {
                samla_node *m = samla_map_ensure_map(a, o, "median_read");
                samla_map_set_float(a, m, "confidence", pi->ocr_median_confidence);
                samla_map_set_bool(a, m, "used", pi->ocr_median_used);
            }
        }
        samla_node *blocks = samla_map_ensure_seq(a, pg, "blocks");
        if (head) {
            for (size_t i = head[p]; i != (size_t)-1; i = next[i])
                samla_seq_append(a, blocks, block_node(a, doc, doc->blocks[i]));
            continue;
        }
        for (size_t i = 0; i < doc->nblocks; i++) {
            const samla_block *b = doc->blocks[i];
            if (doc->npages && b->page != number) continue;
            samla_seq_append(a, blocks, block_node(a, doc, b));
        }
    }
    return root;
}
