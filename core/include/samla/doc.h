/* doc.h: the document model that readers produce.
 *
 * A document is a list of pages; all blocks are kept in one flat array in
 * reading order, each tagged with its page number, so `source.block` in the
 * shared model is simply an index into doc->blocks. Table cells hold their
 * own (nested) blocks, which are not in the flat array. All memory belongs to
 * the document's arena. Text is UTF-8 NFC with soft hyphens and ligatures
 * resolved (samla_doc_add_block does that). */
#ifndef SAMLA_DOC_H
#define SAMLA_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include "samla/arena.h"
#include "samla/status.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum samla_block_kind {
    SAMLA_BLOCK_HEADING = 0,
    SAMLA_BLOCK_PARAGRAPH,
    SAMLA_BLOCK_LIST_ITEM,
    SAMLA_BLOCK_TABLE,
    SAMLA_BLOCK_HEADER,    /* running page header */
    SAMLA_BLOCK_FOOTER,    /* running page footer */
    SAMLA_BLOCK_FOOTNOTE
} samla_block_kind;

/* "heading", "paragraph", "list_item", "table", "header", "footer", "footnote". */
const char *samla_block_kind_name(samla_block_kind k);

typedef struct samla_style {
    double font_size;   /* points; 0 = unknown */
    bool bold;
    bool italic;
    const char *name;   /* style name from the source format, or NULL */
} samla_style;

typedef struct samla_block samla_block;
typedef struct samla_cell samla_cell;

/* One table cell. Merged cells are resolved: the cell that starts a merge
 * carries the text and colspan/rowspan; the positions it covers have
 * covered = true and no blocks. */
struct samla_cell {
    samla_block **blocks;   /* blocks inside the cell */
    size_t nblocks;
    int colspan, rowspan;   /* >= 1 */
    bool covered;
    bool header;            /* part of a header row */
};

struct samla_block {
    samla_block_kind kind;
    int page;               /* 1-based; 0 when the format has no pages */
    int index;              /* position in doc->blocks; -1 inside cells */
    char *text;             /* plain text; for tables the cells joined by tab/newline */
    int level;              /* heading level 1..9, list level 1..9, else 0 */
    char *numbering;        /* list label / heading number as written ("1.", "2.1", "a)"), or NULL */
    samla_style style;
    /* tables: rows x cols grid; cells[r * ncols + c] */
    size_t nrows, ncols;
    samla_cell *cells;
    /* geometry (PDF): bounding box in points, origin top-left; all 0 if unknown */
    double x0, y0, x1, y1;
    double ocr_confidence;  /* mean OCR confidence of the block's words (0..1); 0 when not read by OCR */
};

typedef struct samla_page_info {
    int number;             /* 1-based */
    double width, height;   /* points; 0 if unknown */
    const char *read_from;  /* PDF: "tags" (structure tree) or "geometry"; NULL when the reader does not say */
    /* The reader's judgement of the page's text layer: NULL when sound,
     * "garbled" when its text does not read as the language (a font with a
     * broken ToUnicode map), then text_layer_score is the share of the
     * page's words that are not words (0..1). */
    const char *text_layer;
    double text_layer_score;
    /* OCR (PDF): ocr_reason NULL when the page was not OCR'd; else why
     * ("no_text_layer", "garbled_text_layer", "scanned_text_layer",
     * "always"), whether its words replaced the text layer (ocr_used), the
     * rendering dpi, the skew corrected (degrees), the mean word confidence
     * and the shares of known words of OCR and of the text layer (-1: none
     * checked / no layer), the rulings erased before recognition, and the
     * mean confidence of the second, median-filtered read (-1: not made) and
     * whether it was the read kept. */
    const char *ocr_reason;
    bool ocr_used;
    int ocr_dpi;
    double ocr_skew, ocr_confidence, ocr_known_words, ocr_layer_known_words;
    int ocr_rulings;
    int ocr_cells;          /* cells of ruled tables read one by one */
    double ocr_median_confidence;
    bool ocr_median_used;
} samla_page_info;

typedef struct samla_doc {
    samla_arena *arena;     /* not owned: the context's arena */
    const char *path;       /* input path as given */
    const char *format;     /* "pdf", "docx", "text" */
    char sha256[65];        /* hex SHA-256 of the input bytes */
    const unsigned char *bytes;  /* whole input, owned by the context */
    size_t size;
    samla_page_info *pages;
    size_t npages, pages_cap;
    samla_block **blocks;   /* top-level blocks in reading order */
    size_t nblocks, blocks_cap;
    /* metadata the format itself states (PDF info dict, docProps/core.xml) */
    char *meta_title, *meta_author, *meta_date;
} samla_doc;

/* Starts a new page; returns its info (owned by the doc). */
samla_page_info *samla_doc_add_page(samla_doc *doc, double width, double height);

/* New block of the given kind with a cleaned copy of text (NFC, soft hyphens
 * dropped, ligatures expanded, spaces collapsed), NOT yet added to the doc.
 * Returns NULL on out of memory. */
samla_block *samla_block_new(samla_doc *doc, samla_block_kind kind, const char *text);
/* Appends a block to the document (sets block->index). */
samla_status samla_doc_append(samla_doc *doc, samla_block *b);
/* Convenience: samla_block_new + samla_doc_append; page = current page. */
samla_block *samla_doc_add_block(samla_doc *doc, samla_block_kind kind, const char *text);
/* Makes b a table of nrows x ncols empty cells (colspan = rowspan = 1). */
samla_status samla_table_init(samla_doc *doc, samla_block *b, size_t nrows, size_t ncols);
/* Cell at (r, c) or NULL when out of range. */
samla_cell *samla_table_cell(const samla_block *b, size_t r, size_t c);
/* Appends a block to a cell. */
samla_status samla_cell_append(samla_doc *doc, samla_cell *cell, samla_block *b);
/* Text of a cell: its blocks joined by '\n', arena-owned ("" if empty). */
const char *samla_cell_text(samla_doc *doc, const samla_cell *cell);
/* Recomputes a table block's text from its cells (tab between cells,
 * newline between rows). Readers call it after filling a table. */
void samla_table_finish(samla_doc *doc, samla_block *b);
/* Current page number (0 before the first page). */
int samla_doc_current_page(const samla_doc *doc);

#ifdef __cplusplus
}
#endif
#endif
