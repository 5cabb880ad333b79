/* compare.h: the `samla compare` engine: structure agreement between two
 * document models of the same document (a PDF's model against the structure
 * its source put in, against its DOCX, a tagged reading against a geometric
 * one). No gold is needed: one model is the reference (A), the other the
 * candidate (B).
 *
 * The models are `content.pages[].blocks[]` trees as `samla dump` writes
 * them (docs/model.md); the farm's structure files have the same shape. From
 * each the engine takes, per kind, the items it scores (extract.c), aligns the
 * two sides' items with an order-preserving match over normalised texts
 * (align.c) and counts precision, recall and F1 (score.c). The rules are in
 * docs/readers.md.
 *
 * Everything lives in an arena the caller passes in and frees. */
#ifndef SAMLA_COMPARE_H
#define SAMLA_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "samla/samla.h"

/* The scored kinds, in report order. */
typedef enum compare_kind {
    CMP_HEADINGS = 0, /* text and level */
    CMP_LIST_ITEMS,   /* text and nesting level */
    CMP_CELLS,        /* text by row and column of its table */
    CMP_PARAGRAPHS,   /* text (reading order reported apart) */
    CMP_PAIRS,        /* label/value pairs: label and value */
    CMP_NKINDS
} compare_kind;

const char *compare_kind_name(compare_kind k);

/* One scored item. key is the normalised text the alignment compares (see
 * compare_norm_key); a, b are the attributes that must agree for the item to
 * count as correct (heading/list level; cell row and column; unused 0). For a
 * pair, key is label and value joined, key2 the value alone. */
typedef struct compare_item {
    const char *text; /* as written (for the report) */
    const char *key;
    const char *key2;
    size_t keylen;    /* code points of key */
    int a, b;
    int page;
} compare_item;

typedef struct compare_items {
    compare_item *v;
    size_t n, cap;
} compare_items;

/* Everything one model gives. furniture: the normalised texts of its running
 * headers and footers (each part and the whole line, digits dropped); body:
 * the same normalised form of every body block (headings, paragraphs, list
 * items), for counting furniture in the body. */
typedef struct compare_doc {
    compare_items kinds[CMP_NKINDS];
    const char **furniture;
    size_t nfurniture;
    const char **body;
    size_t nbody;
    size_t header_footer_blocks;
} compare_doc;

/* Extracts the items of a model (a map with `content`). false on OOM; a model
 * without content gives an empty document (the caller warns). */
bool compare_extract(samla_arena *a, const samla_node *root, compare_doc *out);

/* Normalised matching key: cleaned (NFC, soft hyphens, spacing), line-end
 * hyphenation joined ("förvalt- ningen"), case-folded, punctuation and every
 * space removed. In arena a. */
char *compare_norm_key(samla_arena *a, const char *s);
/* As compare_norm_key with digits removed too (page numbers in furniture). */
char *compare_norm_furniture(samla_arena *a, const char *s);

/* Counts of one kind. matched: aligned by text; correct: aligned and the
 * attributes agree. */
typedef struct compare_counts {
    size_t ref, cand, matched, correct;
} compare_counts;

typedef struct compare_result {
    compare_counts kinds[CMP_NKINDS];
    size_t order_pairs;     /* matched paragraphs */
    size_t order_kept;      /* of those, in the same relative order (LIS) */
    size_t furniture_body;  /* candidate body blocks that are running headers/footers */
    size_t documents;
} compare_result;

typedef struct compare_config {
    double similarity; /* edit-distance ratio on keys for a text match (default 0.85) */
    FILE *details;     /* when set, one line per disagreement goes here */
} compare_config;

/* Aligns ref and cand and adds the counts to res. false on OOM. */
bool compare_docs(samla_arena *scratch, const compare_config *c, const compare_doc *ref,
                  const compare_doc *cand, compare_result *res);
void compare_result_add(compare_result *dst, const compare_result *src);

/* precision, recall, F1 of correct items; NAN when undefined. */
double compare_precision(const compare_counts *c);
double compare_recall(const compare_counts *c);
double compare_f1(const compare_counts *c);
/* F1 of the text alone (matched items, attributes not checked). */
double compare_text_f1(const compare_counts *c);
/* Share of matched paragraphs in the same order; NAN when none matched. */
double compare_order(const compare_result *r);

/* The report tree: {kinds: {name: {reference, candidate, matched, correct,
 * precision, recall, f1, text_f1}}, reading_order, furniture_in_body}. In arena a. */
samla_node *compare_report_tree(samla_arena *a, const compare_result *r);
/* One aligned table (label names the comparison). */
void compare_report_table(FILE *out, const char *label, const compare_result *r);

#endif
