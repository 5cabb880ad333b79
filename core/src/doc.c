/* doc.c: building the document model (pages, blocks, tables). */
#include "samla/doc.h"

#include <string.h>
#include "samla/text.h"

const char *samla_block_kind_name(samla_block_kind k)
{
    switch (k) {
    case SAMLA_BLOCK_HEADING: return "heading";
    case SAMLA_BLOCK_PARAGRAPH: return "paragraph";
    case SAMLA_BLOCK_LIST_ITEM: return "list_item";
    case SAMLA_BLOCK_TABLE: return "table";
    case SAMLA_BLOCK_HEADER: return "header";
    case SAMLA_BLOCK_FOOTER: return "footer";
    case SAMLA_BLOCK_FOOTNOTE: return "footnote";
    }
    return "paragraph";
}

samla_page_info *samla_doc_add_page(samla_doc *doc, double width, double height)
{
    if (doc->npages == doc->pages_cap) {
        size_t cap = doc->pages_cap ? doc->pages_cap * 2 : 16;
        samla_page_info *p = samla_arena_grow(doc->arena, doc->pages, doc->npages, cap, sizeof *p);
        if (!p) return NULL;
        doc->pages = p;
        doc->pages_cap = cap;
    }
    samla_page_info *pi = &doc->pages[doc->npages++];
    pi->number = (int)doc->npages;
    pi->width = width;
    pi->height = height;
    pi->text_layer = NULL;
    pi->text_layer_score = 0;
    return pi;
}

int samla_doc_current_page(const samla_doc *doc) { return (int)doc->npages; }

samla_block *samla_block_new(samla_doc *doc, samla_block_kind kind, const char *text)
{
    samla_block *b = samla_arena_alloc(doc->arena, sizeof *b);
    if (!b) return NULL;
    b->kind = kind;
    b->page = samla_doc_current_page(doc);
    b->index = -1;
    b->text = samla_text_clean(doc->arena, text ? text : "");
    if (!b->text) return NULL;
    return b;
}

samla_status samla_doc_append(samla_doc *doc, samla_block *b)
{
    if (doc->nblocks == doc->blocks_cap) {
        size_t cap = doc->blocks_cap ? doc->blocks_cap * 2 : 64;
        samla_block **p = samla_arena_grow(doc->arena, doc->blocks, doc->nblocks, cap, sizeof *p);
        if (!p) return SAMLA_ERR_NOMEM;
        doc->blocks = p;
        doc->blocks_cap = cap;
    }
    b->index = (int)doc->nblocks;
    doc->blocks[doc->nblocks++] = b;
    return SAMLA_OK;
}

samla_block *samla_doc_add_block(samla_doc *doc, samla_block_kind kind, const char *text)
{
    samla_block *b = samla_block_new(doc, kind, text);
    if (!b || samla_doc_append(doc, b) != SAMLA_OK) return NULL;
    return b;
}

samla_status samla_table_init(samla_doc *doc, samla_block *b, size_t nrows, size_t ncols)
{
    if (nrows && ncols > (size_t)-1 / nrows) return SAMLA_ERR_LIMIT;
    b->kind = SAMLA_BLOCK_TABLE;
    b->nrows = nrows;
    b->ncols = ncols;
    size_t ncells = nrows * ncols;
    b->cells = samla_arena_alloc(doc->arena, (ncells ? ncells : 1) * sizeof(samla_cell));
    if (!b->cells) return SAMLA_ERR_NOMEM;
    for (size_t i = 0; i < nrows * ncols; i++) b->cells[i].colspan = b->cells[i].rowspan = 1;
    return SAMLA_OK;
}

samla_cell *samla_table_cell(const samla_block *b, size_t r, size_t c)
{
    if (!b || b->kind != SAMLA_BLOCK_TABLE || r >= b->nrows || c >= b->ncols) return NULL;
    return &b->cells[r * b->ncols + c];
}

samla_status samla_cell_append(samla_doc *doc, samla_cell *cell, samla_block *b)
{
    samla_block **p = samla_arena_grow(doc->arena, cell->blocks, cell->nblocks, cell->nblocks + 1, sizeof *p);
    if (!p) return SAMLA_ERR_NOMEM;
    b->index = -1;
    p[cell->nblocks++] = b;
    cell->blocks = p;
    return SAMLA_OK;
}

const char *samla_cell_text(samla_doc *doc, const samla_cell *cell)
{
    size_t n = 0;
    for (size_t i = 0; i < cell->nblocks; i++) n += strlen(cell->blocks[i]->text) + 1;
    char *s = samla_arena_alloc(doc->arena, n + 1);
    if (!s) return "";
    char *p = s;
    for (size_t i = 0; i < cell->nblocks; i++) {
        const char *t = cell->blocks[i]->text;
        if (!*t) continue;
        if (p != s) *p++ = '\n';
        size_t l = strlen(t);
        memcpy(p, t, l);
        p += l;
    }
    *p = '\0';
    return s;
}

void samla_table_finish(samla_doc *doc, samla_block *b)
{
    size_t n = 1;
    const char **texts = samla_arena_alloc(doc->arena, (b->nrows * b->ncols + 1) * sizeof *texts);
    if (!texts) return;
    for (size_t i = 0; i < b->nrows * b->ncols; i++) {
        texts[i] = samla_cell_text(doc, &b->cells[i]);
        n += strlen(texts[i]) + 1;
    }
    char *s = samla_arena_alloc(doc->arena, n);
    if (!s) return;
    char *p = s;
    for (size_t r = 0; r < b->nrows; r++) {
        for (size_t c = 0; c < b->ncols; c++) {
            const char *t = texts[r * b->ncols + c];
            for (; *t; t++) *p++ = (*t == '\n' || *t == '\t') ? ' ' : *t;
            if (c + 1 < b->ncols) *p++ = '\t';
        }
        if (r + 1 < b->nrows) *p++ = '\n';
    }
    *p = '\0';
    b->text = s;
}
