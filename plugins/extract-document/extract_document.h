/* extract_document.h: private interface of the extract-document plugin. */
#ifndef EXTRACT_DOCUMENT_H
#define EXTRACT_DOCUMENT_H

#include "samla/samla.h"

#define MAX_ORG_PATTERNS 16
/* Blocks looked at for the title, date and reference (the document's head). */
#define HEAD_BLOCKS 40

#define KIND_MAX_PATTERNS 64

typedef struct docx_head_pattern {
    samla_re *re;
    size_t kind;                 /* index in samla_document_kinds() */
} docx_head_pattern;

typedef struct docx_state {
    samla_arena *arena;          /* owns data */
    samla_node *data;            /* data/document.yaml */
    samla_re *org[MAX_ORG_PATTERNS];
    size_t norg;
    samla_re *reference;
    samla_re *title_skip[MAX_ORG_PATTERNS];
    size_t nskip;
    const samla_node *kind_cfg;  /* data's `kind` map (in data) */
    docx_head_pattern head[KIND_MAX_PATTERNS];
    size_t nhead;
    samla_re *item_marker;
} docx_state;

/* classify.c: the document kind and the confidence in it (0..1, two decimals). */
typedef struct docx_kind {
    const char *kind;            /* static, one of samla_document_kinds() */
    double confidence;
} docx_kind;

/* Compiles the kind rules of s->data; SAMLA_ERR_CONFIG (with a message) when a kind is unknown or a
 * pattern does not compile. docx_kind_fini frees what it made. */
samla_status docx_kind_init(docx_state *s, samla_diag *diag);
void docx_kind_fini(docx_state *s);
docx_kind docx_classify(const docx_state *s, samla_ctx *ctx, const samla_block *title);

/* All return arena strings (ctx->arena) or NULL. */
const samla_block *docx_find_title(const docx_state *s, const samla_doc *doc);
const char *docx_find_organisation(const docx_state *s, samla_ctx *ctx);
const char *docx_find_date(const docx_state *s, samla_ctx *ctx);
const char *docx_find_reference(const docx_state *s, samla_ctx *ctx);

#endif
