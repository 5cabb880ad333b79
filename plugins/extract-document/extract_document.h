/* extract_document.h: private interface of the extract-document plugin. */
#ifndef EXTRACT_DOCUMENT_H
#define EXTRACT_DOCUMENT_H

#include "samla/samla.h"

#define MAX_ORG_PATTERNS 16
/* Blocks looked at for the title, date and reference (the document's head). */
#define HEAD_BLOCKS 40

typedef struct docx_state {
    samla_arena *arena;          /* owns data */
    samla_node *data;            /* data/document.yaml */
    samla_re *org[MAX_ORG_PATTERNS];
    size_t norg;
    samla_re *reference;
    samla_re *title_skip[MAX_ORG_PATTERNS];
    size_t nskip;
} docx_state;

/* All return arena strings (ctx->arena) or NULL. */
const samla_block *docx_find_title(const docx_state *s, const samla_doc *doc);
/* The document's first short body lines joined (for classifying a document
 * without headings, e.g. plain text), or NULL. */
const char *docx_head_lines(samla_ctx *ctx);
const char *docx_classify(const docx_state *s, samla_ctx *ctx, const char *title);
const char *docx_find_organisation(const docx_state *s, samla_ctx *ctx);
const char *docx_find_date(const docx_state *s, samla_ctx *ctx);
const char *docx_find_reference(const docx_state *s, samla_ctx *ctx);

#endif
