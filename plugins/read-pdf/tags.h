/* tags.h: reading a tagged PDF's structure tree onto the geometric words.
 *
 * tags.c walks the structure tree (poppler-glib PopplerStructureElement) into
 * logical blocks in reading order: leaves (headings with their level,
 * paragraphs, list items with their nesting) and tables (rows of cells, each
 * cell a list of leaves). Each leaf gets a matching key per page: its text
 * folded to its letters and digits (PDF-TAG-KEY-LETTERS), from one poppler text call per leaf
 * (one per content item only when the leaf crosses a page break).
 * tag_match.c maps the keys onto the words lines.c read from the page, which
 * keep their geometry, fonts and exact text; a page whose tags do not cover
 * its words is read by geometry instead. tag_emit.c turns the mapped leaves
 * into blocks.
 *
 * read_pdf.c calls pdf_tags_map once per document, after all pages were read
 * into lines and furniture was marked, then per page either
 * pdf_tags_emit_page or the geometric layout. tag_kinds.c settles the kinds
 * the tags leave to the page (a title tagged P, typed list labels). Everything lives in the
 * document's arena. */
#ifndef READ_PDF_TAGS_H
#define READ_PDF_TAGS_H

#include <glib.h>

#include "pdf.h"

typedef struct _PopplerDocument PopplerDocument;

/* A word of a page: line index, word index in the line, and its run of the
 * part (PDF-TAG-COLUMN-ORDER): a part read on up the page (into the next
 * column) starts a new run; words sort by run, then line, then word. */
typedef struct tag_word {
    int line, word;
    int run;
    int kpos, kend;           /* the key characters [kpos, kend) of its part it was read as, while matching
                               * (tag_match.c); -1 for a word joined otherwise (a label, a neighbour, a cut
                               * key's read-on, a line part joined to another leaf) */
} tag_word;

/* The part of a leaf on one page. */
typedef struct tag_seg {
    int page;                 /* 0-based */
    char *key;                /* letters and digits, case kept (pdf_tag_key_char) */
    size_t klen, found;       /* key length, key characters matched */
    bool cut;                 /* poppler's text stopped short (at a ligature): the part reads on (PDF-TAG-CUT-KEY) */
    tag_word *words;          /* words mapped onto it, page order */
    size_t nwords, cap;
    bool mark;                /* a table cell of one keyless mark ("–", "✓"): key holds the mark itself,
                                 klen is 0 (PDF-TAG-MARK-CELL, tag_match.c) */
    char *spaced;             /* per key character, '1' where poppler's text had white space before it, else '0'
                               * (PDF-TAG-CELL-CUT-SPACE); NULL for a mark */
} tag_seg;

/* A block of the structure tree holding text. */
typedef struct tag_leaf {
    samla_block_kind kind;    /* heading, paragraph, list_item */
    int level;                /* heading 1-6, list nesting 1-9 */
    int lists;                /* L elements around it */
    int cell;                 /* index in pdf_tags.cells, -1 outside tables */
    int node;                 /* structure node (while mapping) */
    bool loose;               /* a NonStruct/Div/Span leaf outside paragraphs, lists and tables (PDF-TAG-LINE-PARTS) */
    tag_seg *segs;
    size_t nsegs;
} tag_leaf;

typedef struct tag_cell {
    int row;                  /* index in pdf_tags.rows */
    int leaf0, nleaves;       /* its leaves, consecutive */
    bool header;              /* TH, or a cell of a THead row */
} tag_cell;

typedef struct tag_row {
    int table;
    int cell0, ncells;
} tag_row;

typedef struct tag_table {
    int row0, nrows;
    int leaf0, leaf1;         /* leaves [leaf0, leaf1) are its cells' */
    double right;             /* x of its right border from the element's BBox attribute (LibreOffice), NAN */
} tag_table;

/* Top-level reading order: a leaf or a table. */
typedef struct tag_item {
    bool table;
    int index;
} tag_item;

/* A line outside the tags that is not furniture: its own paragraph after
 * leaf `after` (punctuation-only lines such as signature dots, whose key is
 * empty and cannot be matched). */
typedef struct tag_orphan {
    int page, line, after;
} tag_orphan;

typedef struct pdf_tags {
    pdf_reader *r;
    tag_leaf *leaves;
    size_t nleaves, leaves_cap;
    tag_cell *cells;
    size_t ncells, cells_cap;
    tag_row *rows;
    size_t nrows, rows_cap;
    tag_table *tables;
    size_t ntables, tables_cap;
    tag_item *items;
    size_t nitems, items_cap;
    tag_orphan *orphans;
    size_t norphans, orphans_cap;
    bool *tagged;             /* per page: read from tags */
    signed char **role;       /* per page, per line: furniture role from tags (PDF_HEADER/FOOTER) or -1 */
    size_t text_calls;        /* poppler text calls made */
    int wrap_spaces;          /* PDF-TAG-CELL-CUT-SPACE: the producer writes a space where a line wraps (1), not
                               * (0), not asked yet (-1) */
} pdf_tags;

/* Grows an arena array to hold one more element; false on out of memory. */
bool pdf_tags_grow(samla_arena *a, void **arr, size_t n, size_t *cap, size_t elem);
#define TAGS_PUSH(a, arr, n, cap) \
    (pdf_tags_grow((a), (void **)&(arr), (n), &(cap), sizeof *(arr)) ? &(arr)[(n)++] : NULL)

/* tags.c: the key character of Unicode character u (PDF-TAG-KEY-LETTERS), 0 when u is no letter or digit. */
char pdf_tag_key_char(gunichar u);

/* tags.c: walks pd's structure tree into t's leaves, tables and items and
 * gives every leaf its keys. *out is NULL when the PDF has no structure tree.
 * Then maps them onto r's words (tag_match.c). Returns a status only for out
 * of memory. */
samla_status pdf_tags_map(pdf_reader *r, PopplerDocument *pd, pdf_tags **out);

/* tag_match.c: maps every leaf's keys onto the words of its pages, decides per
 * page whether it is read from the tags, and places the words outside the
 * tags (labels beside a mapped word, furniture, orphan lines). */
samla_status pdf_tags_match(pdf_tags *t);

/* tag_kinds.c: sorts every leaf part's words into page order and settles the
 * kinds the page shows and the tags do not say (a title P is a heading, a P
 * starting with a typed list label a list item). */
void pdf_tags_kinds(pdf_tags *t);

/* tag_lines.c: joins loose leaves that continue one another on a line
 * (PDF-TAG-LINE-PARTS: a contents entry tagged as its number, its title and
 * its page number). After pdf_tags_kinds. */
void pdf_tags_join_lines(pdf_tags *t);

/* tag_emit.c */
/* True when page i (0-based) is read from its tags. */
bool pdf_tags_page(const pdf_tags *t, size_t i);
/* Emits page i's blocks from the tags: headers, the leaves and tables that
 * start on the page in logical order, footers. */
samla_status pdf_tags_emit_page(pdf_reader *r, pdf_tags *t, size_t i);
/* Number of pages read from tags; warns naming the pages read from geometry
 * when there are some. */
size_t pdf_tags_report(pdf_reader *r, const pdf_tags *t);

#endif
