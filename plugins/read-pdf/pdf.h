/* pdf.h: private types of the read-pdf plugin (words, lines, pages, the
 * per-document reader state) and the functions its files share.
 *
 * Pages, their words and lines live in the reader's scratch arena, freed when
 * the document is read (a word's text is in the document's arena, ctx->arena,
 * since blocks keep it); everything else lives in the document's arena unless
 * said otherwise; nothing is freed by hand. Coordinates are PDF points with the
 * origin at the top-left corner of the page (poppler's text layout space). */
#ifndef READ_PDF_H
#define READ_PDF_H

#include <stdbool.h>
#include <stddef.h>

#include "samla/samla.h"

typedef enum pdf_role { PDF_BODY = 0, PDF_HEADER, PDF_FOOTER } pdf_role;

typedef struct pdf_word {
    const char *text;         /* UTF-8, arena */
    double x0, y0, x1, y1;
    double size;              /* font size of the first glyph */
    bool bold, italic;
    double conf;              /* OCR word confidence 0..1; 0 for text-layer words */
    bool ligature;            /* letters of a ligature glyph were restored (ligatures.c) */
    unsigned short cut;       /* PDF-TABLE-GLUED-CELLS: byte offset of the last capital or digit that follows a
                               * lower-case letter in the text (0: none; lines.c), where the word may be two */
    double cut_x0, cut_x1;    /* that glyph's left edge, and the right edge of the glyphs before it */
    double first_x1;          /* its first glyph's right edge (0: not known: OCR, a word split or re-read) */
} pdf_word;

/* A baseline across the whole page (or across one column of a two-column
 * section whose columns are out of step, PDF-LINE-GUTTER): words sorted left
 * to right. Columns and table cells are contiguous word ranges of a line
 * (pdf_frag). */
typedef struct pdf_line {
    pdf_word *words;
    size_t nwords;
    double x0, y0, x1, y1;
    double size;              /* largest word font size */
    bool bold, italic;        /* every word bold / italic */
    pdf_role role;
    unsigned sec;             /* PDF-LINE-GUTTER: 0, or the 1-based two-column section of the page it is in */
    unsigned char col;        /* in a section: 1 left column, 2 right column (the page lists left before right) */
} pdf_line;

/* What OCR did on a page (ocr.c); reason NULL when it was not OCR'd. */
typedef struct pdf_page_ocr {
    const char *reason;       /* "no_text_layer", "garbled_text_layer", "scanned_text_layer", "always" */
    bool used;                /* the OCR words replaced the text layer */
    int dpi;                  /* rendering resolution */
    double skew;              /* degrees the render was turned to straighten it */
    int rulings;              /* rulings erased before recognition */
    int cells;                /* cells of ruled tables read one by one (ocr_grid.c) */
    double confidence;        /* mean word confidence 0..1 of the read kept */
    double median_confidence; /* the second, median-filtered read's; -1 when not made */
    bool median_used;         /* the second read was kept */
    double known;             /* share of checked OCR words that are known words, -1 none checked */
    double layer_known;       /* the same for the text layer, -1 none checked */
    size_t nwords, layer_words;
} pdf_page_ocr;

/* P-GARBLED-LETTERS: the letters counted, a-z then å ä ö (textlayer.c) */
#define PDF_LETTERS 29

/* The slot of lower-case letter c among a-z, å, ä, ö (0 .. PDF_LETTERS - 1); -1 for any other character (an
 * upper-case letter too: fold it first). Inline: P-GARBLED-WIDTHS asks it of every glyph of a page. */
static inline int pdf_letter_slot(unsigned int c)
{
    if (c >= 'a' && c <= 'z') return (int)(c - 'a');
    if (c == 0xE5) return 26;
    if (c == 0xE4) return 27;
    if (c == 0xF6) return 28;
    return -1;
}
#define PDF_TALLIES 8

/* A glyph of a broken map: in font `font` (poppler's name), letter c drawn em ems wide, far off the letter's own
 * width med on the page where it was found (c 0: none); or (em 0) a letter c missing from the font, expected med times. */
typedef struct pdf_bad_glyph {
    char font[64];
    unsigned int c;
    double em, med;
} pdf_bad_glyph;

typedef struct pdf_page {
    int number;
    double width, height;
    pdf_line *lines;          /* top to bottom */
    size_t nlines;
    pdf_line *col_lines;      /* PDF-LINE-GUTTER: the lines with two-column sections built column by column, */
    size_t ncol_lines;        /* NULL/0 when the page has none; pdf_use_col_lines puts them in place of lines */
    bool garbled;             /* textlayer.c: the text layer does not read as words */
    double garbled_score;     /* share of checked words that are not words */
    size_t run_together;      /* words run together at a letter for the space (P-GARBLED-SPACE) */
    char letters[64];         /* P-GARBLED-LETTERS: what a font's letters show ("'e' missing, 'g' 4.3 times its share"), "" none */
    size_t truncated;         /* PDF-TEXT-NUL: characters the text layer holds beyond a U+0000 (not read), 0 none */
    bool nul_garbled;         /* P-GARBLED-NUL: judged garbled by its U+0000 alone */
    size_t ligature_nonwords; /* P-GARBLED-LIGATURE: restored ligatures that made no words (0: not the reason) */
    char widths[96];          /* P-GARBLED-WIDTHS: the letter drawn by a second glyph ("'n' drawn 12 times ..."), "" none */
    pdf_bad_glyph bad;        /* P-GARBLED-WIDTHS: that second glyph, c 0 none */
    pdf_bad_glyph gone;       /* P-GARBLED-LETTERS: the font and its missing letter (em 0), c 0 none */
    struct {                  /* P-GARBLED-FONT: the words checked per font (textlayer.c), the first PDF_TALLIES fonts */
        char font[64];
        unsigned checked, nonwords;
    } tally[PDF_TALLIES];
    size_t ntally;
    int font_page;            /* P-GARBLED-FONT: the page whose broken glyph this page's font draws too, 0 none */
    double layer_known;       /* textlayer.c: share of checked words that are words, -1 none checked */
    size_t layer_words;       /* words of the text layer */
    pdf_page_ocr ocr;
    const struct pdf_ruled *ruled; /* ruled tables OCR saw (scratch arena), NULL-free when nruled is 0 */
    size_t nruled;
} pdf_page;

/* A ruled table of an OCR'd page, in points: its outline, the x of its inner
 * column rulings and the y of its inner row rulings (ascending). The layout
 * takes its columns and rows from them (regions.c, tables.c). */
typedef struct pdf_ruled {
    double x0, y0, x1, y1;
    size_t ncols;
    double bounds[16];
    size_t nrows;
    double *rows;             /* nrows - 1 inner row lines (scratch arena) */
} pdf_ruled;

/* Words [w0, w1) of one line. */
typedef struct pdf_frag {
    const pdf_line *line;
    size_t w0, w1;
} pdf_frag;

/* Run-wide settings loaded from data/read-pdf.yaml in init (malloc'd by
 * init, freed by fini). */
typedef enum pdf_ocr_mode { PDF_OCR_AUTO = 0, PDF_OCR_ALWAYS, PDF_OCR_NEVER } pdf_ocr_mode;

typedef struct pdf_settings {
    samla_arena *arena;                 /* owns the loaded lists */
    const char **suspended_next;        /* "och", "eller", ... NULL-terminated */
    const char **bullets;               /* "•", "–", ... NULL-terminated */
    const char **spaced_bullets;        /* "o", "§", ...: markers only before a tab-like gap */
    const char **bold_font_parts;       /* "bold", "medi", ...: a font name holding one is bold */
    const char **italic_font_parts;     /* "italic", "oblique", ... */
    samla_re *numbering;                /* "1." "1)" "a)" "2.1" list/heading labels */
    samla_re *page_number;              /* a standalone page number line */
    samla_re *page_label;               /* "Sida 2 av 5" anywhere in a line */
    samla_re *item_start;               /* "§ 102", "Paragraf 23": starts an item, never furniture */
    bool use_tags;                      /* option tags: auto (tags.c) */
    struct _GHashTable *words;          /* casefolded word list (textlayer.c), NULL when unavailable */
    double garbled_font_share;          /* a font's share of non-words that marks a garbled page */
    double garbled_page_share;          /* the page's share that does */
    double garbled_min_words;           /* words a font (or page) needs to be judged */
    const char **foreign_words;         /* words of other languages (Finnish), NULL-terminated */
    bool foreign_first[256];            /* a foreign word may start with this byte (ASCII letters lower-cased) */
    double foreign_min;                 /* that many on a page: another language, not judged */
    double run_together_parts;          /* known parts a run-together word needs (P-GARBLED-SPACE), 0: off */
    double run_together_letters;        /* letters it needs */
    double run_together_min;            /* run-together words that make a page garbled */
    double letter_share[PDF_LETTERS];   /* P-GARBLED-LETTERS: each letter's share of Swedish prose (0..1), all 0: off */
    double letters_min;                 /* letters a font needs on a page to be judged */
    double letters_font_missing;        /* P-GARBLED-FONT: expected count of a letter missing on another page */
    double letters_absent;              /* a letter counted below this part of its expected count is missing */
    double letters_missing;             /* expected count of a missing ASCII letter that alone marks the font */
    double letters_excess;              /* times its expected count a letter that alone marks the font */
    double letters_pair_missing;        /* expected count of a missing letter ... */
    double letters_pair_excess;         /* ... with a letter this many times its share: the font is marked */
    double letters_min_count;           /* an excess letter is counted at least this often */
    double letters_min_share;           /* and has at least this share (rare letters, x in a vote table, never) */
    double letters_nonwords;            /* a font is judged only when this share of its checked words are no words */
    double lig_nonwords;                /* P-GARBLED-LIGATURE: distinct restored-ligature non-words that mark a page, 0 off */
    double lig_nonword_share;           /* ... when they are at least this share of the distinct restored words */
    double widths_gap;                  /* P-GARBLED-WIDTHS: a glyph this share off its letter's median width, 0: off */
    double widths_same;                 /* such glyphs within this share of one another are one glyph */
    double widths_min_glyphs;           /* that many of them (before two letters at least) mark the page */
    double widths_neighbour;            /* a neighbour within this share of its own letter's median is normal */
    double garbled_font_known;          /* P-GARBLED-FONT: a font's share of non-words on a page of a broken font object */
    double widths_font_glyphs;          /* P-GARBLED-FONT: glyphs of another page's broken glyph that mark a page, 0: off */
    double widths_split;                /* two letters of a ligature this close in width are its split glyph */
    double widths_wide;                 /* P-GARBLED-WIDE: one glyph this share wider than its letter's median, 0: off */
    pdf_ocr_mode ocr_mode;              /* option ocr */
    int ocr_dpi;                        /* option ocr_dpi */
    const char *ocr_language;           /* Tesseract language(s), "swe" */
    const char *ocr_datapath;           /* tessdata folder, NULL: Tesseract's default */
    double ocr_ascent_em;               /* an OCR text line's ascent (baseline to top) in ems of its font */
    const char **ocr_section_misreads;  /* what OCR makes of a paragraph sign before a number ("$") */
    double ocr_min_confidence;          /* a page's OCR below this mean word confidence is not used */
    const char **ocr_section_lookalikes; /* digits OCR reads a paragraph sign as ("8"): itemsign.c */
    const char **ocr_digit_lookalikes;  /* P-OCR-DIGIT-LETTER: "O0", a letter OCR reads for a digit, then the digit */
    samla_re *ocr_item_prefix;          /* a body's abbreviation before an item sign ("KS") */
    double ocr_median;                  /* median filter width at 150 dpi (pixels, odd; 1: none) */
    double ocr_speck_confidence;        /* one punctuation character read below this is grain */
    double ocr_speck_size;              /* inches: a word smaller than this both ways is grain */
    double ocr_second_read_below;       /* a page read below this is read again through the median filter */
    double ocr_rulings_length;          /* inches: a horizontal ruling at least this long (0: keep rulings) */
    double ocr_rulings_vertical_length; /* inches: a vertical one */
    double ocr_rulings_thickness;       /* inches: and at most this thick */
    double ocr_rulings_contrast;        /* ink of a ruling: darker than paper by this share of paper - ink */
    double ocr_size_snap;               /* line sizes this close to the page's median are the median */
    double ocr_scan_cover;              /* share of the page one image covers: a scan */
    double ocr_better_known;            /* OCR replaces a scan's text layer: known-word share this much higher */
    double ocr_partial_layer;           /* ... or the layer holds less than this share of OCR's words */
    double ocr_partial_extent;          /* a layer whose lines span less of the page height may be partial */
    const char **ligatures;             /* "ti", "ft", ...: ligatures a glyph may stand for (ligatures.c) */
    double ligature_tolerance;          /* how far a glyph's extra width may be off its ligature's letters */
    double ligature_min_samples;        /* samples of a letter a font needs on the page to be judged */
} pdf_settings;

/* settings.c: fills s's lists, patterns and numbers from data/read-pdf.yaml; they live in s->arena, which it
 * makes (freed by read_pdf.c's fini with the patterns). */
samla_status pdf_settings_load(pdf_settings *s, samla_runtime *rt, samla_diag *diag);

/* A table being built; it may continue on the next page. */
typedef struct pdf_table {
    samla_block *block;       /* already appended to the doc; cells filled at close */
    size_t ncols;
    double bounds[16];        /* x of the column starts 1..ncols-1 */
    size_t nrows, rows_cap;
    samla_block ***cells;     /* cells[r * ncols + c]: NULL-terminated block lists */
    size_t *ncell;            /* block count per cell */
    unsigned char *span;      /* span[r]: 0, or 1 + the column where row r's one cell spanning to the table's
                               * right starts (PDF-TABLE-SPAN-CELL, PDF-TABLE-GROUP-ROW) */
    bool header_row;          /* row 0 is a header */
    bool bold_first;          /* every line of its first row is bold (PDF-TABLE-HEADER-ALONE) */
    const char *header_key;   /* soft text of the header row, to skip repeats */
    int page;                 /* page of its last row */
    const pdf_word *tail[16]; /* per column, the last row's cell's last line when it is one word (NULL: not so;
                               * PDF-CELL-BROKEN-PAGE) */
    double tail_wrap[16];     /* and where that column wraps */
    double room;              /* space left below its last row on that page (to the footer or margin) */
} pdf_table;

/* Open list levels: the x of each level's marker, outermost first. */
typedef struct pdf_nesting {
    double x[9];
    int depth;
} pdf_nesting;

/* Style name of the lines of a table of contents read by geometry. */
#define PDF_CONTENTS_STYLE "contents"

/* Per-document state. */
typedef struct pdf_reader {
    samla_ctx *ctx;
    const pdf_settings *set;
    samla_arena *scratch;     /* pages, words, lines: freed when the document is read */
    pdf_page *pages;
    size_t npages;
    double *body_bottoms;     /* per page, its lowest body line's bottom (-1: none); taken at the first table */
    double body_size;         /* median font size of body text */
    double head_sizes[8];     /* distinct heading sizes, largest first */
    int nhead_sizes;
    const pdf_page *page;     /* page being laid out (geometric path) */
    pdf_table *open_table;    /* table that may continue on the next page */
    bool emitted_since_table; /* body text emitted after open_table */
    double column_bound;      /* gutter of the last two-column text region, 0 if none */
    samla_block *run_last;    /* last body paragraph / list item appended, for page-break joins */
    bool column_break;        /* laying out the right column of a two-column section (PDF-LINE-GUTTER) */
    const pdf_line *next_column; /* laying out the left column of one: the right column's first line, else NULL */
    const pdf_line *column_last; /* and the left column's last line */
    double run_last_x1;       /* where its last line ends */
    double run_last_right;    /* where its lines wrap */
    pdf_nesting nesting;      /* list levels of the body text */
    struct pdf_ocr *ocr;      /* ocr.c: the OCR engine, made at the first page that needs it */
    struct _PopplerDocument *pd; /* the open document while pages are laid out (rulings.c renders from it) */
    struct pdf_ink *ink;      /* rulings.c: the last rendered area (pdf_ink_free) */
    struct pdf_lig_table *lig; /* ligatures.c: glyph widths of the pages read so far (lines.c makes it) */
} pdf_reader;

/* ligatures.c: ligature glyphs whose Unicode map names only their first letter (PDF-TEXT-LIGATURE-GLYPH).
 * One table per document: pdf_lig_observe each glyph of a page, pdf_lig_settle, then pdf_lig_lost asks what
 * a glyph of that page lost. pdf_lig_table_new: NULL when no ligatures are configured (or out of memory: the
 * check is then off); freed (with its copies of the font names) by pdf_lig_table_free. */
typedef struct pdf_lig_table pdf_lig_table;
#define PDF_LIG_MAX 4
pdf_lig_table *pdf_lig_table_new(const pdf_settings *s);
void pdf_lig_table_free(pdf_lig_table *t);
void pdf_lig_observe(pdf_lig_table *t, const char *font, const char *ch, size_t len, double width, double size);
void pdf_lig_settle(pdf_lig_table *t);
/* The letters the glyph ch (len bytes, width points wide, in font at size) lost, best first, into out
 * (static strings, at most max and PDF_LIG_MAX): "i" for a 't' as wide as "ti". Returns how many fit. */
size_t pdf_lig_lost(const pdf_lig_table *t, const char *font, const char *ch, size_t len, double width, double size,
                    const char **out, size_t max);
/* The bytes (256 flags) pdf_lig_observe samples (the letters ligatures are made of) and those pdf_lig_lost may
 * find a ligature for (the letters that begin one): a caller skips the other glyphs without asking. */
const bool *pdf_lig_letters(const pdf_lig_table *t);
const bool *pdf_lig_firsts(const pdf_lig_table *t);

/* lines.c: reads one poppler page into lines of words. */
typedef struct _PopplerPage PopplerPage;
samla_status pdf_page_lines(pdf_reader *r, PopplerPage *page, pdf_page *out);
/* Sorts words (arena array, kept) and groups them into out's lines, as
 * pdf_page_lines does with a text layer's words. */
samla_status pdf_group_words(samla_arena *a, pdf_word *w, size_t n, pdf_page *out);
/* Groups words [0, n) (sorted by vertical centre) into lines appended at out (room for n more); returns how
 * many. */
size_t pdf_build_lines(pdf_word *w, size_t n, pdf_line *out);
/* qsort order of words by vertical centre, then left to right. */
int pdf_cmp_word_y(const void *a, const void *b);

/* gutter.c: PDF-LINE-GUTTER. The gutter band [*g0, *g1] of a page from its first grouping (lines L, n), *em the
 * median line height; false when none. */
bool pdf_find_gutter(const pdf_line *L, size_t n, double *g0, double *g1, double *em);
/* The lines of words w (sorted by centre, reordered in place) with two-column sections built column by column,
 * into lines (room for n); returns how many, 0 when no section was found (w is then in its order again). */
size_t pdf_gutter_lines(pdf_word *w, size_t n, double g0, double g1, double size, pdf_line *lines);
/* gluedcells.c: PDF-TABLE-GLUED-CELLS, the words of p's lines that run over a table column's start, split there. */
samla_status pdf_split_glued(samla_arena *a, pdf_page *p);

/* ocr.c: reads the page by OCR when the mode and the page call for it (no
 * text layer, a garbled one, a scan's text layer); the OCR words then
 * replace out's lines and out->ocr records what was done. */
typedef struct pdf_ocr pdf_ocr;
samla_status pdf_ocr_page(pdf_reader *r, PopplerPage *page, pdf_page *out);
/* ocr_layer.c: OCR's words w[0..n) of a page whose text layer p is garbled,
 * set onto the layer's geometry and fonts (P-OCR-LAYER-GEOMETRY): *out (arena
 * a, *nout words) to be grouped into lines. */
samla_status pdf_ocr_onto_layer(samla_arena *a, const pdf_page *p, const pdf_word *w, size_t n, pdf_word **out,
                                size_t *nout);
/* ocr_grid.c: the cells of ruled tables found among the rulings OCR erased
 * (pixel boxes, inclusive-exclusive, in the deskewed render). */
typedef struct pdf_ocr_box {
    int x0, y0, x1, y1;
} pdf_ocr_box;
#define PDF_OCR_GRID_LINES 256
typedef struct pdf_ocr_table {
    pdf_ocr_box box;          /* the outline: its rulings' extent */
    int xs[PDF_OCR_GRID_LINES], ys[PDF_OCR_GRID_LINES]; /* column and row lines, ascending */
    size_t nx, ny;
} pdf_ocr_table;
typedef struct pdf_ocr_grid_out {
    pdf_ocr_box *cells;       /* row by row, left to right; malloc'd */
    size_t ncells;
    pdf_ocr_table *tables;    /* malloc'd */
    size_t ntables;
} pdf_ocr_grid_out;
/* Joins horizontal rulings h and vertical rulings v touching within tol
 * pixels into tables (two or more of each) and cuts them into cells inset
 * by inset pixels. out owns malloc'd arrays: pdf_ocr_grid_free. */
samla_status pdf_ocr_grid(const pdf_ocr_box *h, size_t nh, const pdf_ocr_box *v, size_t nv, int tol, int inset,
                          pdf_ocr_grid_out *out);
void pdf_ocr_grid_free(pdf_ocr_grid_out *g);
/* itemsign.c: item signs OCR read as look-alike digits ("KS 8 21", "38
 * Title") made '§' where the document's item numbers confirm them. */
samla_status pdf_ocr_item_signs(pdf_reader *r);
/* Sets ocr_confidence on the blocks of OCR'd pages (after layout). */
void pdf_ocr_confidences(pdf_reader *r);
/* Frees the engine (NULL is fine). */
void pdf_ocr_free(pdf_ocr *o);
/* True when read-pdf was built with Tesseract. */
bool pdf_ocr_available(void);
/* Text of words [w0, w1) joined with spaces (arena). */
char *pdf_frag_text(samla_arena *a, const pdf_frag *f);

/* Appends one running header or footer line (role PDF_HEADER / PDF_FOOTER) as a
 * furniture block; used by the geometric and the tagged paths (layout.c). */
samla_status pdf_emit_furniture_line(pdf_reader *r, const pdf_line *l, pdf_role role);
/* footnotes.c (PDF-FOOTNOTE-FOOT): the first of body lines [0, n) that are the page's footnotes (n: none;
 * column: the lines are one text column of a two-column section, PDF-FOOTNOTE-COLUMN), and
 * lines [a, n) emitted as footnote blocks, one a note (blocks in the document's arena). */
size_t pdf_footnote_start(const pdf_reader *r, const pdf_line *const *body, size_t n, bool column);
/* regions.c (PDF-TABLE-EVEN-SPACES): words w[0, n), min_words or more, have spaces of one width (within 0.05 em) */
bool pdf_even_spaces(const pdf_word *w, size_t n, double em, size_t min_words);
samla_status pdf_emit_footnotes(pdf_reader *r, const pdf_line *const *body, size_t a, size_t n);

/* furniture.c: marks running headers / footers on all pages. */
void pdf_mark_furniture(pdf_reader *r);
/* lines.c: page p read by geometry takes its col_lines (PDF-LINE-GUTTER) as its lines (array in arena a),
 * running headers and footers furniture.c marked kept as the whole lines they were. */
void pdf_use_col_lines(samla_arena *a, pdf_page *p);

/* layout.c: body font size and heading sizes over the whole document. */
void pdf_measure_fonts(pdf_reader *r);
/* The k-th smallest of v[0..n) (k < n; v[k] had v been sorted ascending), in linear time; v is reordered.
 * A document's median word size, from every word of it. */
double pdf_nth_smallest(double *v, size_t n, size_t k);
/* Emits one page's blocks in reading order (headers, body, footers). */
samla_status pdf_layout_page(pdf_reader *r, const pdf_page *p);
/* Turns a run of fragments (one column, top to bottom) into blocks; either
 * appended to the doc (cell == NULL) or to a table cell list. right is the
 * x where the column's lines wrap (0: the fragments' own right edge); pitch
 * is the usual distance between the tops of wrapped lines (0: unknown), a
 * clearly larger one is paragraph spacing. */
samla_status pdf_emit_frags(pdf_reader *r, const pdf_frag *frags, size_t n, bool in_cell, double right, double pitch,
                            samla_block ***cell_out, size_t *ncell_out);

/* headings.c: the space a table keeps under it in blocks v[0..n): the least between a table and the plain (not
 * bold) paragraph right under it on its page; 0 when no table has one. */
double pdf_table_gap(const samla_block *const *v, size_t n);
/* headlook.c, on the geometry-read blocks v[0..n) in order after PDF-HEAD-SPACING (pg: the paragraph gap, 0 when
 * unknown): the first of a run of bold labels set off by an empty line is no heading (PDF-HEAD-LABEL-RUN); a bold
 * line under a table as far off as the document's headings of its look stand under text is one
 * (PDF-HEAD-UNDER-TABLE-LOOK). */
void pdf_head_label_runs(pdf_reader *r, samla_block **v, size_t n, double pg);
void pdf_head_under_table_look(pdf_reader *r, samla_block **v, size_t n, double pg);
/* headlook.c: a one-line bold paragraph between text, spaced as the document's headings of its look between text
 * are, is one of them (PDF-HEAD-LOOK-PEERS). */
void pdf_head_look_peers(pdf_reader *r, samla_block **v, size_t n, double pg);
/* headcolumns.c (PDF-HEAD-ACROSS-COLUMNS): a bold line across the middle of a page set in two columns below it,
 * right over a heading of its look in the left column, is a heading (across[i] set; before levels); after levels,
 * the headings of its look inside the columns that follow are a level under it. */
void pdf_head_across_columns(samla_block **v, size_t n, bool *across);
void pdf_head_across_levels(samla_block **v, size_t n, const bool *across);
void pdf_head_column_peers(samla_block **v, size_t n);
/* headings.c: after every page is read, headings by weight and spacing,
 * subtitles, and heading levels over the pages read by geometry. */
void pdf_settle_headings(pdf_reader *r);
/* headings.c: text that could be a heading (a capital, a digit or a section sign first, no final punctuation). */
bool pdf_heading_text(const char *s);
/* headcontents.c, on the geometry-read blocks v[0..n) in order (named: n zeroed entries, filled by the first):
 * PDF-HEAD-CONTENTS-NAMED before the levels are set, PDF-HEAD-CONTENTS after. */
void pdf_named_contents(samla_block **v, size_t n, size_t *named);
void pdf_contents_levels(samla_block **v, size_t n, const size_t *named);

/* regions.c: column boundaries of a line range; see the file. */
typedef struct pdf_region {
    size_t first, last;       /* line indexes [first, last) in the page's body lines */
    size_t ncols;
    double bounds[16];        /* ncols - 1 boundaries, ascending */
    bool text_columns;        /* a two-column text layout, not a table */
    bool contents;            /* a table of contents: entries with page numbers, read line by line */
    const pdf_ruled *ruled;   /* a ruled table OCR saw: rows at its row lines (NULL: rows from spacing) */
    bool header_only;         /* a table's header row alone at a page's foot (PDF-TABLE-ORPHAN-HEADER) */
    double shift;             /* header_only: how far right the columns it names go on (the next text column's
                               * offset, PDF-TABLE-ORPHAN-HEADER-COLUMN; 0 on the next page) */
} pdf_region;

/* Finds multi-column regions among body lines (arena array, *n regions). */
pdf_region *pdf_find_regions(pdf_reader *r, const pdf_line *const *lines, size_t nlines,
                             size_t *n);
/* boxedrow.c: regions g (*ng of them, in line order) with a region added
 * for each line outside them that is a table of one ruled row
 * (PDF-TABLE-BOXED-ROW); the array returned replaces g. */
pdf_region *pdf_boxed_rows(pdf_reader *r, const pdf_line *const *lines, size_t nlines, pdf_region *g, size_t *ng);
/* orphanhead.c: regions g (*ng of them, in line order) with a one-line
 * header region added when the page's last body line is the header of the
 * table the next page starts (PDF-TABLE-ORPHAN-HEADER); the array returned
 * replaces g. */
pdf_region *pdf_orphan_header(pdf_reader *r, const pdf_line *const *lines, size_t nlines, pdf_region *g, size_t *ng);
/* orphanhead.c: a table header repeated at the top of a page, which
 * furniture.c took for a running header, made body text again
 * (PDF-TABLE-HEADER-NOT-FURNITURE). */
void pdf_keep_table_headers(pdf_reader *r);
bool pdf_marker_in_table_columns(const pdf_reader *r, const pdf_line *l, size_t w0);
/* columns.c: region g is two text columns of list items (no rule in the
 * gutter); g becomes that two-column region. */
bool pdf_list_columns(pdf_reader *r, pdf_region *g, const pdf_line *const *lines);
/* columns.c: two-column region g opens with a bold header row on one baseline over columns of unequal width: a
 * table, not two text columns (PDF-TEXT-COLUMNS-FLOW-HEAD). */
bool pdf_header_row_table(const pdf_region *g, const pdf_line *const *L);
/* columns.c: two-column region g is two text columns whose text runs on
 * independently (baselines out of step, a subhead beside a column's running
 * text; with `gutter` set, its boundary is the gutter of text columns found
 * elsewhere on the page and no such sign is needed) with no rule between or
 * across them (PDF-TEXT-COLUMNS-FLOW); g->last may be cut where lines below
 * both columns begin, g->first moved up (not above line `from`) over the
 * right column's first lines. */
bool pdf_flow_columns(pdf_reader *r, pdf_region *g, const pdf_line *const *lines, size_t nlines, size_t from,
                      bool gutter);
/* The regions of a page: its ruled tables (p->ruled: lines whose middle lies
 * inside one) and, between them, those pdf_find_regions finds (arena array,
 * *n regions, in line order). */
pdf_region *pdf_page_regions(pdf_reader *r, const pdf_page *p, const pdf_line *const *lines, size_t nlines,
                             size_t *n);
/* tablecells.c: word range of line l that falls in column c of region g. */
pdf_frag pdf_column_frag(const pdf_region *g, const pdf_line *l, size_t c);
/* tables.c: adds a table region's rows to the open table or a new one. */
samla_status pdf_emit_table(pdf_reader *r, const pdf_region *g, const pdf_line *const *lines);
/* tablecells.c: fills and finishes the open table's block. */
samla_status pdf_close_table(pdf_reader *r);

/* Helpers shared by layout.c and tables.c. */
bool pdf_starts_upper(const char *s);
bool pdf_starts_lower(const char *s);
/* layout.c: word `piece`, alone on its cell line in a column wrapping at `right`, and word `next`, first on the
 * line below (more: other words follow it there), are one word the cell broke: piece ends in a letter, next
 * starts lower-case with a letter that would not have fitted after piece (PDF-CELL-BROKEN-WORD,
 * PDF-CELL-BROKEN-GLYPH), and they are not two listed words with more after them (PDF-CELL-BROKEN-KNOWN). */
bool pdf_word_broken(const pdf_settings *s, const pdf_word *piece, const pdf_word *next, bool more, double right,
                     double size);
/* layout.c, PDF-CELL-CUT-EDGE: the x each of a table's ncols columns' cells may reach (edge[c]; NAN: not known),
 * from next[c], where column c + 1 starts (c < ncols - 1), and widest[c], where column c's widest line ends (NAN:
 * no line). The text of a column stops short of the next column's start by the cell's padding on both sides of
 * its border, which is the table's narrowest such gap: edge[c] = next[c] minus that gap. The last column's edge
 * is the table's right border `right` less half that gap (NAN when right is not known). */
void pdf_cell_edges(const double *next, const double *widest, size_t ncols, double right, double *edge);
/* A line or word of only dots, ellipses, underscores or dashes (3 or more): a signature line (layout.c). */
bool pdf_leader_line(const char *s);
/* Text a continued by text b with the hyphenation rules (arena), or NULL. */
char *pdf_join_texts(pdf_reader *r, const char *a, const char *b);
bool pdf_heading_size(const pdf_reader *r, double size, bool bold);
/* The least gap between two words that parts columns or cells (a gutter, wider than a word space): 0.7 em of the
 * body, 6 pt at least. */
static inline double pdf_gutter(const pdf_reader *r) { return r->body_size * 0.7 > 6 ? r->body_size * 0.7 : 6; }

/* textlayer.c: the word list named by data (set->words; a missing file is a
 * warning and turns the check off), freed by pdf_word_list_free. */
samla_status pdf_word_list_load(pdf_settings *s, const char *path, samla_diag *diag);
void pdf_word_list_free(pdf_settings *s);
/* 1: text is a word (listed or a compound of two), 0: it is not, -1: not
 * checked (short, all capitals, digits, no word list). */
int pdf_word_check(const pdf_settings *s, const char *text);
/* The same with words of min_letters letters checked (pdf_word_check: 4); a ligature's choice checks 3-letter
 * words too ("att", not "atf": PDF-TEXT-LIGATURE-GLYPH). */
int pdf_word_check_min(const pdf_settings *s, const char *text, long min_letters);
/* text is Swedish words run together at one letter that stands for the
 * space (P-GARBLED-SPACE: "Ärendetnantecknadesnförnkännedom."): a word of
 * min_letters letters or more, neither listed nor a compound of listed words,
 * that cut at some occurrences of one letter gives min_parts known words of
 * 3+ letters or more and at most one part that is no word. */
bool pdf_word_run_together(const pdf_settings *s, const char *text, int min_parts, int min_letters);
/* P-GARBLED-LETTERS: true when one font's letters among words w[0..n) (font[i] of w[i]) are not Swedish letters:
 * a common letter missing, or a letter many times its share (a broken map gives one letter for another), and
 * that font's checked words are not all words (ok[i]: pdf_word_check of w[i], -1 not checked, 0 no word). note
 * (size note_size) says which letters; *gone (if not NULL) gets the font and its missing letter (c 0: none). */
bool pdf_letters_garbled(const pdf_settings *s, const pdf_word *w, const char *const *font, const signed char *ok,
                         size_t n, char *note, size_t note_size, pdf_bad_glyph *gone);
/* One character of a page's text layer for P-GARBLED-WIDTHS: the character, its font's name and its width in
 * ems (box width / font size; 0 for a space, a line end or a character without a box). */
typedef struct pdf_glyph_em {
    unsigned int c;
    const char *font;
    double em;
} pdf_glyph_em;
/* glyphwidths.c, P-GARBLED-WIDTHS: true when a lower-case letter of one font on the page g[0..n) (in text order)
 * is drawn by a second glyph of another width (a broken ToUnicode map gives that glyph the letter). *share gets
 * the share of that letter's glyphs drawn by the second glyph; note (size note_size) says which letter. */
struct _GList;
bool pdf_widths_garbled(const pdf_settings *s, const pdf_glyph_em *g, size_t n, double *share, char *note,
                        size_t note_size, pdf_bad_glyph *bad);
/* glyphwidths.c, P-GARBLED-FONT: how many glyphs of g[0..n) are the broken glyph b (its font, its letter, its
 * width within widths_same), each beside a letter of that font at its own width. */
size_t pdf_widths_count_bad(const pdf_settings *s, const pdf_glyph_em *g, size_t n, const pdf_bad_glyph *b);
/* textlayer.c, P-GARBLED-FONT: the letter b->c (em 0) is missing from font b->font among g[0..n): expected
 * letters_font_missing times or more (its share of the font's letters there), counted in lower case less than
 * letters_absent of that. */
bool pdf_letters_font_missing(const pdf_settings *s, const pdf_glyph_em *g, size_t n, const pdf_bad_glyph *b);
/* lines.c: the page's characters as pdf_widths_* take them; *g (malloc'd, the caller frees it) points into *attrs
 * (the caller frees them with poppler_page_free_text_attributes); SAMLA_OK with *n 0 when the page has no text. */
samla_status pdf_page_glyph_ems(PopplerPage *page, pdf_glyph_em **g, size_t *n, struct _GList **attrs);
/* garbledfont.c, P-GARBLED-FONT: a page not judged garbled whose font (the same font object as on a page judged
 * garbled by P-GARBLED-WIDTHS) draws that page's broken glyph is garbled too. Reads pages of pd again. */
samla_status pdf_garbled_fonts(pdf_reader *r, struct _PopplerDocument *pd);
/* text is a common word of another language (set->foreign_words, any case). */
bool pdf_foreign_word(const pdf_settings *s, const char *text);
/* Fills s->foreign_first from s->foreign_words (init, once). */
void pdf_foreign_index(pdf_settings *s);

/* markers.c: the list marker that words w[0..n) start with, as the model writes it
 * (private-use bullets become "•"; static or word text, not a copy), or
 * NULL; *bullet tells a bullet from a list number. */
const char *pdf_marker(const pdf_settings *s, const pdf_word *w, size_t n, bool *bullet);

/* grouprows.c: row s of region g (rows start at lines starts[0..ns], starts[ns]
 * = g->last) holds one cell spanning from its column to the table's right: the
 * column it starts in, g->ncols when it holds none. Its lines are a spanning
 * line and the lines its cell goes on in (PDF-TABLE-SPAN-CELL), or it has text
 * in its first column only and no vertical rule runs through it while one runs
 * between the first two columns of the nearest row with text in another column
 * (PDF-TABLE-GROUP-ROW). */
size_t pdf_group_row(pdf_reader *r, const pdf_region *g, const pdf_line *const *lines, const size_t *starts, size_t ns,
                     size_t s);

/* ruledfoot.c, PDF-TABLE-RULED-FOOT: region g of body lines L[0..n) ends above its last lines when they stand under
 * the bottom rule of a table ruled as a grid, with no rule under them. */
void pdf_ruled_foot(pdf_reader *r, pdf_region *g, const pdf_line *const *L, size_t n);

/* rulings.c: vertical and horizontal rules of a page area, seen by rendering it (poppler
 * gives no paths). pdf_ink_area renders [x0, x1] x [y0, y1] of page `page`
 * (1-based), or reuses the reader's last render when it holds the area; NULL
 * when it cannot (no document, too large). The map is the reader's: valid
 * until the next pdf_ink_area call, freed by pdf_ink_free (when the pages are
 * laid out). pdf_ink_vrule: a vertical rule stands somewhere between xa and xb
 * over the share `cover` of ya..yb (false for a NULL map). */
typedef struct pdf_ink pdf_ink;
pdf_ink *pdf_ink_area(pdf_reader *r, int page, double x0, double y0, double x1, double y1);
void pdf_ink_free(pdf_reader *r);
bool pdf_ink_vrule(const pdf_ink *k, double xa, double xb, double ya, double yb, double cover);
/* A horizontal rule runs at some height between ya and yb over the share
 * `cover` of xa..xb (false for a NULL map). */
bool pdf_ink_hrule(const pdf_ink *k, double xa, double xb, double ya, double yb, double cover);

#endif
