/* headings.c: the document-wide heading pass of the geometric reader.
 *
 * layout.c decides per block, from its font, whether a block is a heading.
 * Some things can only be seen once every page is read, and are settled
 * here over the blocks of the pages read by geometry (tagged pages keep what
 * their tags say), in this order (conventions in docs/conventions.md, Reader
 * conventions, "Headings"):
 *
 *  1. Headings by weight and spacing (PDF-HEAD-SPACING): a short bold block at
 *     the body size is a heading when it stands clearly closer to the text
 *     below it than to the text above it, and the space above is clearly more
 *     than paragraphs have, or the space below clearly less (LibreOffice's and
 *     Word's headings, ms's .SH, LaTeX's \section at body size, bold h1-h4);
 *     at a page's top only the space below tells (PDF-HEAD-PAGE-TOP); a bold
 *     line over a larger heading is its kicker, not a heading. A bold block
 *     numbered under a heading ("2.1.1" after "2.1", PDF-HEAD-NUMBERED) is a
 *     heading whatever its spacing. A bold line a little under the body size
 *     (>= 0.94 x) is looked at too (PDF-HEAD-SMALL-BOLD).
 *     A bold line at a paragraph's distance over a heading of its look is a
 *     paragraph (PDF-HEAD-OVER-SPACING); one clearly set apart over a table
 *     is a heading whatever the table's space (PDF-HEAD-OVER-TABLE), and one
 *     under a table further off than the document's paragraphs stand under
 *     tables (PDF-HEAD-UNDER-TABLE-APART). Then headlook.c weighs a bold
 *     line against the others of its look: the first of a run of labels set
 *     off by an empty line is a label (PDF-HEAD-LABEL-RUN), one under a table
 *     as far off as the document's headings of its look stand under text is a
 *     heading (PDF-HEAD-UNDER-TABLE-LOOK), one between text spaced as its
 *     look's headings are is one (PDF-HEAD-LOOK-PEERS). Then,
 *     top down, a bold line tied to its text right under a heading of its
 *     look is that section's first subsection (PDF-HEAD-FIRST-SUB), and one
 *     across the middle of a page over a two-column section, right over a
 *     heading of its look in the left column, is that section's title
 *     (PDF-HEAD-ACROSS-COLUMNS, headcolumns.c).
 *  1b. A bold block that begins as a labelled heading of its look elsewhere
 *     ("§ 12" where "§ 13" is a heading, "Område:" where "Område:" is one,
 *     PDF-HEAD-LABELLED) is a heading, up to three lines (PDF-HEAD-LABELLED-WRAP).
 *  1c. A contents without dot leaders is known by the headings and bold
 *     blocks its entries name; those bold blocks are headings
 *     (PDF-HEAD-CONTENTS-NAMED; headcontents.c).
 *  2. Subtitles: a non-bold "heading" set only right next to a larger heading
 *     (the title's subtitle, a cover line) is a paragraph; so is one at the
 *     size of the document's running prose (PDF-HEAD-PROSE-SIZE).
 *  3. Levels: the rank of the heading's font size among the sizes the
 *     document's headings use (1 = largest), and under one size the depth of
 *     how the heading begins (PDF-HEAD-SHAPE: a heading directly over one
 *     that begins another way is one level above it; a number or letter
 *     label of more parts is deeper; PDF-HEAD-LABEL-NESTING: labelled items
 *     that begin inside another label's span are deeper); a title size
 *     clearly above the first heading level, used only for the first heading
 *     of its page and no more often than that level, ranks with it.
 *  3b. Where no label tells the levels of one look, LaTeX's spacing may
 *     (PDF-HEAD-SPACING-LEVEL: each level its own space below).
 *  4. Contents (PDF-HEAD-CONTENTS): the indent rank of a heading's entry in
 *     the table of contents is its level; a heading of a listed look the
 *     contents leave out is a level under the listed one before it
 *     (PDF-HEAD-CONTENTS-DEPTH; headcontents.c).
 *  5. A section title across a two-column section is a level above the
 *     headings of its look inside the columns (PDF-HEAD-ACROSS-COLUMNS).
 *
 * Nothing is allocated except the joined text of a numbered list item that
 * becomes a heading (arena) and scratch arrays and tables (malloc'd or GLib,
 * freed). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static bool body_kind(const samla_block *b)
{
    return b->kind == SAMLA_BLOCK_HEADING || b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_LIST_ITEM ||
           b->kind == SAMLA_BLOCK_TABLE;
}

static bool contents(const samla_block *b) { return b->style.name && strcmp(b->style.name, PDF_CONTENTS_STYLE) == 0; }

static double rounded(double size) { return round(size * 2) / 2; }

static bool text_or_item(const samla_block *b)
{
    return b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_LIST_ITEM;
}

/* The usual vertical gap between two paragraphs of the body: the median gap
 * between consecutive paragraphs of one page (0 when fewer than three). A
 * document of headings over lists (a plan's goals, each over its activities)
 * has hardly two paragraphs in a row: then the gaps between its paragraphs and
 * list items tell (PDF-HEAD-GAP-ITEMS). */
static double paragraph_gap(const samla_block *const *v, size_t n, double body)
{
    double *gaps = malloc((n ? n : 1) * sizeof *gaps);
    if (!gaps) return 0;
    size_t k = 0;
    for (int items = 0; items < 2 && k < 3; items++) {
        k = 0;
        for (size_t i = 1; i < n; i++) {
            const samla_block *a = v[i - 1], *b = v[i];
            if (a->page != b->page) continue;
            if (items ? !text_or_item(a) || !text_or_item(b)
                      : a->kind != SAMLA_BLOCK_PARAGRAPH || b->kind != SAMLA_BLOCK_PARAGRAPH)
                continue;
            if (contents(a) || contents(b)) continue; /* contents lines are set closer than paragraphs */
            double g = b->y0 - a->y1;
            if (g > -1 && g < 3 * body) gaps[k++] = g;
        }
    }
    double out = 0;
    if (k >= 3) {
        qsort(gaps, k, sizeof *gaps, cmp_double);
        out = gaps[k / 2];
    }
    free(gaps);
    return out;
}

/* Text that could be a heading: starts with a capital, a digit or "§", no final
 * sentence or list punctuation, at most 160 bytes. */
bool pdf_heading_text(const char *s)
{
    size_t len = strlen(s);
    if (!len || len > 160 || !(pdf_starts_upper(s) || g_str_has_prefix(s, "\u00a7"))) return false;
    if (strstr(s, "....") || strstr(s, "\u2026\u2026")) return false; /* a contents line's dot leader */
    return !strchr(".,:;!", s[len - 1]);
}

/* The section number a text begins with ("2.1.1 Det finns" -> 3 parts,
 * prefix length in *len); 0 when it begins otherwise. */
static int section_number(const char *s, size_t *len)
{
    int parts = 0;
    size_t i = 0;
    while (g_ascii_isdigit(s[i])) {
        while (g_ascii_isdigit(s[i])) i++;
        parts++;
        if (s[i] != '.' || !g_ascii_isdigit(s[i + 1])) break;
        i++;
    }
    if (s[i] == '.') i++;
    if (s[i] != ' ') return 0;
    *len = i;
    return parts;
}

/* PDF-HEAD-NUMBERED: a bold block whose section number of two or more parts
 * continues the numbering of a heading before it ("2.1.1" after "2.1", "2.1.2"
 * after "2.1.1") is a heading whatever its spacing (a heading over a table). */
static bool numbered_under(samla_block **v, size_t i, const char *text)
{
    size_t len;
    int parts = section_number(text, &len);
    if (parts < 2) return false;
    for (size_t j = i; j-- > 0;) {
        if (v[j]->kind != SAMLA_BLOCK_HEADING) continue;
        size_t hl;
        int hp = section_number(v[j]->text, &hl);
        if (hp < 1) continue;
        /* the parent's number is the prefix, or a sibling's all but the last part */
        const char *h = v[j]->text;
        size_t plen = hl;
        while (plen > 0 && h[plen - 1] == '.') plen--;
        if (hp == parts - 1 && strncmp(h, text, plen) == 0 && text[plen] == '.') return true;
        if (hp == parts) {
            size_t k = plen;
            while (k > 0 && h[k - 1] != '.') k--;
            return k > 0 && strncmp(h, text, k) == 0;
        }
        if (hp < parts - 1) return false;
    }
    return false;
}

/* The space below a heading tied to its text, as a share of the paragraph gap
 * at most (LaTeX's \subsection at the body size: 0.73 of it). */
#define TIED 0.75

double pdf_table_gap(const samla_block *const *v, size_t n)
{
    double tg = 0;
    for (size_t i = 1; i < n; i++) {
        const samla_block *t = v[i - 1], *p = v[i];
        if (t->kind != SAMLA_BLOCK_TABLE || p->kind != SAMLA_BLOCK_PARAGRAPH || p->style.bold || p->page != t->page) continue;
        double g = p->y0 - t->y1;
        if (g >= 0 && (tg <= 0 || g < tg)) tg = g;
    }
    return tg;
}

/* Rule 1: bold blocks at the body size set apart by spacing. Read bottom up,
 * so that a heading directly over another (a section's first subsection)
 * sees the one below it already decided. */
static void spaced_headings(pdf_reader *r, samla_block **v, size_t n)
{
    if (n < 3) return;
    double pg = paragraph_gap((const samla_block *const *)v, n, r->body_size);
    if (pg <= 0) return;
    /* 0 when no table shows the space it keeps under it, and then nothing tells a heading's space from a
     * table's (Word's bold "§ 5" under a table: as far off as groff's .SH) (PDF-HEAD-UNDER-TABLE-APART) */
    double tg = pdf_table_gap((const samla_block *const *)v, n);
    for (size_t i = n - 1; i-- > 1;) {
        samla_block *b = v[i];
        const samla_block *prev = v[i - 1], *next = v[i + 1];
        if (!b->style.bold || b->style.italic) continue;
        if (b->kind != SAMLA_BLOCK_PARAGRAPH && !(b->kind == SAMLA_BLOCK_LIST_ITEM && b->numbering &&
                                                  g_ascii_isdigit(b->numbering[0])))
            continue;
        double size = b->style.font_size;
        /* small print, > 2 lines; a bold line a little under the body size (LibreOffice's
         * Heading 3 at 11.5 pt on a 12 pt body) may still be a heading (PDF-HEAD-SMALL-BOLD) */
        if (size < fmin(r->body_size - 0.3, 0.94 * r->body_size) || b->y1 - b->y0 > 2.8 * size) continue;
        if (pdf_heading_text(b->text) && numbered_under(v, i, b->text)) {
            b->kind = SAMLA_BLOCK_HEADING;
            continue;
        }
        if (next->page != b->page || !pdf_heading_text(b->text)) continue;
        /* the space after a table is the table's, not a heading's: under a
         * table only a line tied to its text is a heading (PDF-HEAD-AFTER-TABLE:
         * LaTeX's \section at the body size after a longtable, its space below
         * well under a paragraph gap; a bold label under a table stands a
         * paragraph gap over its text) */
        if (prev->page == b->page && prev->kind == SAMLA_BLOCK_TABLE) {
            double above = b->y0 - prev->y1, below = next->y0 - b->y1;
            if (b->kind != SAMLA_BLOCK_PARAGRAPH || next->kind == SAMLA_BLOCK_TABLE || below < -1 || above < 0.8 * pg) continue;
            /* ... or one set clearly further under the table than the document's paragraphs are, at no more than
             * a paragraph's distance over its text (ms's .SH under a tbl table: the table's own space, then the
             * heading's; PDF-HEAD-UNDER-TABLE-APART) */
            bool apart = tg > 0 && above >= fmax(1.8 * pg, tg + 0.6 * size) && below <= pg + 0.1 * size &&
                         below < above - 0.35 * size;
            if (below > TIED * pg && !apart) continue;
            b->kind = SAMLA_BLOCK_HEADING;
            continue;
        }
        /* a bold line directly over a larger heading is that heading's kicker
         * (an office's name over a letter's title), not a section of its own */
        if (next->kind == SAMLA_BLOCK_HEADING && next->style.font_size > size + 0.9) continue;
        /* a page break above is the clearest separation there is (PDF-HEAD-PAGE-TOP):
         * the heading then has only the space below to tell */
        /* ... and so is a column's top: the block above ends lower than this line (the paragraph before ran
         * over the column break into the foot of the column before; PDF-HEAD-COLUMN-TOP) */
        bool top = prev->page != b->page || prev->y1 > b->y1 + 0.5 * size;
        double below = next->y0 - b->y1, above = top ? 4 * pg + size : b->y0 - prev->y1;
        /* at a column's foot (the next block stands higher: the head of the next column) the line has no space
         * below of its own, and only the space above tells: clearly more than paragraphs have (a label set at
         * the foot of a column, its list at the head of the next, is no heading; PDF-HEAD-COLUMN-FOOT) */
        if (!top && below < -size) {
            if (above >= fmax(1.8 * pg, pg + 0.6 * size)) b->kind = SAMLA_BLOCK_HEADING;
            continue;
        }
        /* set apart from the text above: clearly further than paragraphs are
         * from one another, or at least a paragraph gap while clearly closer
         * than that to the text below */
        /* over a heading of its own look: a section's title over its first
         * subsection, which needs no more than a paragraph's space above */
        /* ... and set apart from the text above more than a paragraph is, or tied to the heading below
         * (LaTeX sets no space above a heading right under another, only the upper one's space below): a
         * bold line at a paragraph's distance over a heading, with the heading's own space between, is a
         * paragraph (PDF-HEAD-OVER-SPACING) */
        bool over_heading = next->kind == SAMLA_BLOCK_HEADING && next->style.bold &&
                            fabs(next->style.font_size - size) < 0.3 && above >= below - 0.1 * size &&
                            above >= 0.8 * pg && (above >= pg + 0.15 * size || below <= TIED * pg);
        if (!over_heading) {
            if (above < fmax(1.8 * pg, pg + 0.6 * size) && (above < 0.8 * pg || below > pg - 0.08 * size)) continue;
            if (top && below > pg - 0.08 * size) continue;
        }
        /* tied to its text: the space below well under the paragraph gap while
         * the space above is at least most of it (LaTeX's \section at the body
         * size: 1.5ex above on top of \parskip, 0.6ex below) */
        bool tied = above >= 0.8 * pg && below <= TIED * pg && above >= below;
        /* over a table the space below is the table's own (groff's tbl, a table's margin): set clearly
         * apart from the text above, the line is a heading whatever it is (PDF-HEAD-OVER-TABLE) */
        bool over_table = next->kind == SAMLA_BLOCK_TABLE && !top && above >= fmax(1.8 * pg, pg + 0.6 * size);
        if (!over_heading && !tied && !over_table && below > above - 0.35 * size) continue;
        if (b->kind == SAMLA_BLOCK_LIST_ITEM) {
            char *t = samla_arena_printf(r->ctx->arena, "%s %s", b->numbering, b->text);
            if (!t) continue;
            b->text = t;
            b->numbering = NULL;
        }
        b->kind = SAMLA_BLOCK_HEADING;
    }
}

/* PDF-HEAD-FIRST-SUB: a bold line of a heading's look set right under it and
 * tied to its own text (the space below it at most TIED paragraph gaps and no
 * more than the space above) is the section's first subsection, the way
 * LaTeX sets one: no space of its own above, only the section's space below.
 * Read top down, after rule 1 (which, bottom up, saw a paragraph above it). */
static void first_subsections(pdf_reader *r, samla_block **v, size_t n)
{
    if (n < 3) return;
    double pg = paragraph_gap((const samla_block *const *)v, n, r->body_size);
    if (pg <= 0) return;
    for (size_t i = 1; i + 1 < n; i++) {
        samla_block *b = v[i];
        const samla_block *prev = v[i - 1], *next = v[i + 1];
        if (b->kind != SAMLA_BLOCK_PARAGRAPH || !b->style.bold || b->style.italic) continue;
        if (prev->kind != SAMLA_BLOCK_HEADING || !prev->style.bold || prev->page != b->page) continue;
        if (next->page != b->page || next->kind == SAMLA_BLOCK_TABLE || next->kind == SAMLA_BLOCK_HEADING) continue;
        double size = b->style.font_size;
        if (fabs(prev->style.font_size - size) >= 0.3 || b->y1 - b->y0 > 2.8 * size || !pdf_heading_text(b->text)) continue;
        double above = b->y0 - prev->y1, below = next->y0 - b->y1;
        if (above < -1 || below < -1) continue; /* not one column's run */
        if (below <= TIED * pg && below <= above + 0.1 * size) b->kind = SAMLA_BLOCK_HEADING;
    }
}

/* Rule 2: non-bold heading sizes used only next to a larger heading. Every
 * size is judged on the headings as layout.c left them, then the subtitles
 * are made paragraphs (PDF-HEAD-SUBTITLE-RUN: under a title, a plain 14 pt
 * *Sjöviks kommun* over a plain 12 pt *Fastställd av ...* are both subtitles,
 * the second beside the first, a larger heading until then). */
static void subtitles(samla_block **v, size_t n)
{
    bool *sub = calloc(n ? n : 1, sizeof *sub);
    if (!sub) return;
    for (size_t i = 0; i < n; i++) {
        samla_block *b = v[i];
        if (b->kind != SAMLA_BLOCK_HEADING || b->style.bold) continue;
        double s = rounded(b->style.font_size);
        bool only_beside_larger = true;
        for (size_t j = 0; j < n && only_beside_larger; j++) {
            const samla_block *h = v[j];
            if (h->kind != SAMLA_BLOCK_HEADING || rounded(h->style.font_size) != s || h->style.bold) continue;
            bool beside = false;
            for (size_t k = j ? j - 1 : 0; k <= j + 1 && k < n && !beside; k++) {
                const samla_block *o = v[k];
                beside = k != j && o->page == h->page && o->kind == SAMLA_BLOCK_HEADING &&
                         rounded(o->style.font_size) > s;
            }
            only_beside_larger = beside;
        }
        sub[i] = only_beside_larger;
    }
    for (size_t i = 0; i < n; i++)
        if (sub[i]) {
            v[i]->kind = SAMLA_BLOCK_PARAGRAPH;
            v[i]->level = 0;
        }
    free(sub);
}

/* PDF-HEAD-PROSE-SIZE: a plain (not bold, not italic) heading set at the size
 * of the document's running prose is a paragraph. The body size is the
 * median word's, and where tables of small print make up most of the words
 * (a plan's activity tables at 9 pt) it falls under the prose's 12 pt, so a
 * cover's one-line *Diarienummer KS 2024/311* read as a heading by its
 * size. The prose size: the size holding the most text of the paragraphs of
 * two lines or more (three such paragraphs at least). */
static void prose_size_paragraphs(samla_block **v, size_t n)
{
    double sizes[16], chars[16] = {0};
    size_t ns = 0, paras = 0;
    for (size_t i = 0; i < n; i++) {
        const samla_block *b = v[i];
        double size = rounded(b->style.font_size);
        if (b->kind != SAMLA_BLOCK_PARAGRAPH || size <= 0 || b->y1 - b->y0 < 1.8 * size) continue;
        size_t k = 0;
        while (k < ns && sizes[k] != size) k++;
        if (k == ns) {
            if (ns == 16) continue;
            sizes[ns++] = size;
        }
        chars[k] += (double)strlen(b->text);
        paras++;
    }
    if (paras < 3) return;
    size_t best = 0;
    for (size_t k = 1; k < ns; k++)
        if (chars[k] > chars[best]) best = k;
    for (size_t i = 0; i < n; i++) {
        samla_block *b = v[i];
        if (b->kind != SAMLA_BLOCK_HEADING || b->style.bold || b->style.italic) continue;
        if (fabs(rounded(b->style.font_size) - sizes[best]) >= 0.3) continue;
        b->kind = SAMLA_BLOCK_PARAGRAPH;
        b->level = 0;
    }
}

/* The way a heading begins, for its level (PDF-HEAD-SHAPE): "#N" for a
 * number of N parts ("2", "2.1." → "#1", "#2"), else its first word case-folded
 * without trailing punctuation ("Område:" → "område", "§", "mål"). */
static void heading_shape(const char *text, char out[32])
{
    while (*text == ' ') text++;
    size_t len = strcspn(text, " ");
    int parts = 0;
    bool digits = len > 0, in_num = false;
    for (size_t i = 0; i < len && digits; i++) {
        if (g_ascii_isdigit(text[i])) {
            parts += !in_num;
            in_num = true;
        } else if (text[i] == '.' || (text[i] == ')' && i + 1 == len)) {
            in_num = false;
        } else {
            digits = false;
        }
    }
    if (digits && parts > 0) {
        g_snprintf(out, 32, "#%d", parts);
        return;
    }
    /* a letter label: "A." or "B)" -> "@", "A1", "B2." -> "@#1", "A1.2" -> "@#2" */
    if (len >= 2 && len <= 8 && g_ascii_isupper(text[0])) {
        int lparts = 0;
        bool label = true, in_n = false;
        for (size_t i = 1; i < len && label; i++) {
            if (g_ascii_isdigit(text[i])) {
                lparts += !in_n;
                in_n = true;
            } else if ((text[i] == '.' || text[i] == ')') && (i + 1 == len || in_n)) {
                in_n = false;
            } else {
                label = false;
            }
        }
        if (label) {
            if (lparts)
                g_snprintf(out, 32, "@#%d", lparts);
            else
                g_snprintf(out, 32, "@");
            return;
        }
    }
    while (len > 0 && strchr(":.,;", text[len - 1])) len--;
    gchar *f = g_utf8_casefold(text, (gssize)len);
    const char *end = f;
    while (*end && (size_t)(g_utf8_next_char(end) - f) < 32) end = g_utf8_next_char(end);
    size_t k = (size_t)(end - f);
    memcpy(out, f, k);
    out[k] = '\0';
    g_free(f);
}

/* A text whose first word is followed by a number: "§ 12 …", "Ärende 3 …",
 * "Mål 1.1 …" (a labelled item, as opposed to a word two headings share). */
static bool numbered_word(const char *s)
{
    const char *sp = strchr(s, ' ');
    return sp && g_ascii_isdigit(sp[1]);
}

/* A text whose first word ends in a colon: "Område: Goda uppväxtvillkor" (a
 * label word, as opposed to a word two headings share by chance). */
static bool colon_word(const char *s)
{
    size_t len = strcspn(s, " ");
    return len >= 2 && len <= 24 && s[len - 1] == ':' && s[len] == ' ';
}

/* Rule 1b (PDF-HEAD-LABELLED): a bold labelled block ("§ 12 …", "Mål 1.1 …",
 * "2.3 …", "A1 …") is a heading when a heading of its size and weight that
 * spacing told apart begins with the same label word or label form: where
 * spacing tells nothing (groff sets the paragraph gap below its headings,
 * so a heading at a page's top looks like a bold paragraph; a subsection
 * right under its section's heading, over a list). */
/* A bold heading's look, for labelled_headings. */
typedef struct heading_look {
    double size;
    char key[32];
    bool numbered;
    bool colon;
} heading_look;

/* Puts look[k] at the head of its key's chain. */
static void chain_look(GHashTable *by_key, heading_look *look, size_t *chain, size_t k)
{
    size_t first = GPOINTER_TO_SIZE(g_hash_table_lookup(by_key, look[k].key));
    chain[k] = first ? first - 1 : SIZE_MAX;
    g_hash_table_insert(by_key, look[k].key, GSIZE_TO_POINTER(k + 1));
}

static void labelled_headings(samla_block **v, size_t n)
{
    /* the bold headings' shapes, computed once (and each block made a heading here added), so a long
     * document costs candidates x headings comparisons, not as many shape computations */
    heading_look *look = malloc((n ? n : 1) * sizeof *look);
    size_t *at = malloc((n ? n : 1) * sizeof *at);
    /* the looks of one shape key chained (chain[k]: the next look of look[k]'s key, SIZE_MAX none; by_key: a
     * key's first look + 1), so a candidate is compared with the headings of its own shape only */
    size_t *chain = malloc((n ? n : 1) * sizeof *chain);
    GHashTable *by_key = g_hash_table_new(g_str_hash, g_str_equal);
    if (!look || !at || !chain) {
        free(look);
        free(at);
        free(chain);
        g_hash_table_destroy(by_key);
        return;
    }
    size_t nl = 0;
    for (size_t j = 0; j < n; j++) {
        if (v[j]->kind != SAMLA_BLOCK_HEADING || !v[j]->style.bold) continue;
        look[nl].size = v[j]->style.font_size;
        heading_shape(v[j]->text, look[nl].key);
        look[nl].numbered = numbered_word(v[j]->text);
        look[nl].colon = colon_word(v[j]->text);
        chain_look(by_key, look, chain, nl);
        at[nl++] = j;
    }
    for (size_t i = 0; i < n; i++) {
        samla_block *b = v[i];
        if (b->kind != SAMLA_BLOCK_PARAGRAPH || !b->style.bold || b->style.italic) continue;
        if (!pdf_heading_text(b->text)) continue;
        /* up to three lines: a labelled heading wraps in a narrow column (PDF-HEAD-LABELLED-WRAP) */
        if (b->y1 - b->y0 > 4.0 * b->style.font_size) continue;
        char key[32];
        heading_shape(b->text, key);
        bool numbered = numbered_word(b->text), colon = colon_word(b->text), known = false;
        size_t first = GPOINTER_TO_SIZE(g_hash_table_lookup(by_key, key));
        for (size_t k = first ? first - 1 : SIZE_MAX; k != SIZE_MAX && !known; k = chain[k]) {
            if (at[k] == i || fabs(look[k].size - b->style.font_size) >= 0.3) continue;
            /* a word shared by unrelated headings is no convention: only a
             * label ("§", "Ärende", a number, a word and a colon: "Område:") says so */
            known = key[0] == '#' || key[0] == '@' || (numbered && look[k].numbered) || (colon && look[k].colon);
        }
        if (!known) continue;
        b->kind = SAMLA_BLOCK_HEADING;
        look[nl].size = b->style.font_size;
        memcpy(look[nl].key, key, sizeof key);
        look[nl].numbered = numbered;
        look[nl].colon = colon;
        chain_look(by_key, look, chain, nl);
        at[nl++] = i;
    }
    g_hash_table_destroy(by_key);
    free(chain);
    free(look);
    free(at);
}

#define MAX_SHAPES 64

typedef struct shape {
    double size;
    char key[32];
    int depth;
    bool labelled; /* every heading of the shape is a labelled item ("§ 12", "Mål 1.1", "2.1", "A1") */
    size_t first;  /* index of its first heading */
    size_t last;   /* index of its last heading */
} shape;

static size_t shape_of(shape *sh, size_t *m, double size, const char *key)
{
    for (size_t q = 0; q < *m; q++)
        if (sh[q].size == size && strcmp(sh[q].key, key) == 0) return q;
    if (*m == MAX_SHAPES) return MAX_SHAPES;
    sh[*m].size = size;
    memcpy(sh[*m].key, key, 32);
    sh[*m].depth = 0;
    sh[*m].labelled = true;
    sh[*m].first = SIZE_MAX;
    sh[*m].last = 0;
    return (*m)++;
}

/* The parts of a number shape: "#2" -> 2, "@#1" -> 1, "@" -> 0. */
static int label_parts(const char *key)
{
    if (key[0] == '#') return atoi(key + 1);
    return key[1] == '#' ? atoi(key + 2) : 0;
}

/* Depths of the shapes of one heading size (PDF-HEAD-SHAPE): a heading set
 * directly over a heading of the same size that begins another way is one
 * level above it (a section's title over its first subsection); a number of
 * more parts is deeper than one of fewer. */
static void shape_depths(samla_block **v, size_t n, shape *sh, size_t m, const size_t *idx)
{
    for (size_t round_ = 0; round_ < m; round_++) {
        bool changed = false;
        for (size_t i = 0; i + 1 < n; i++) {
            size_t a = idx[i], b = idx[i + 1];
            if (v[i]->kind != SAMLA_BLOCK_HEADING || v[i + 1]->kind != SAMLA_BLOCK_HEADING) continue;
            if (a >= m || b >= m || a == b || sh[a].size != sh[b].size) continue;
            if (sh[b].depth < sh[a].depth + 1 && sh[a].depth < 8) sh[b].depth = sh[a].depth + 1, changed = true;
        }
        for (size_t a = 0; a < m; a++)
            for (size_t b = 0; b < m; b++) {
                if (sh[a].size != sh[b].size || sh[a].key[0] != sh[b].key[0]) continue;
                if (sh[a].key[0] != '#' && sh[a].key[0] != '@') continue;
                if (label_parts(sh[b].key) > label_parts(sh[a].key) && sh[b].depth < sh[a].depth + 1 && sh[a].depth < 8)
                    sh[b].depth = sh[a].depth + 1, changed = true;
            }
        /* PDF-HEAD-LABEL-NESTING: labelled items of one shape that begin
         * after another labelled shape's first and before its last (Mål 1.1
         * … Mål 2.3 between Målområde 1 and Målområde 4, Målområde 1 … 4
         * between sections 3 and 4) are items inside its sections */
        for (size_t a = 0; a < m; a++)
            for (size_t b = 0; b < m; b++) {
                if (a == b || sh[a].size != sh[b].size || !sh[a].labelled || !sh[b].labelled) continue;
                if (!(sh[a].first < sh[b].first && sh[a].last > sh[b].first)) continue;
                if (sh[b].depth < sh[a].depth + 1 && sh[a].depth < 8) sh[b].depth = sh[a].depth + 1, changed = true;
            }
        if (!changed) break;
    }
}

/* Rule 3: levels as ranks of the heading sizes, each size's shapes ranked
 * below it by depth, the title with level 1. */
static void levels(samla_block **v, size_t n)
{
    double sizes[64];
    size_t count[64] = {0}, m = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i]->kind != SAMLA_BLOCK_HEADING) continue;
        double s = rounded(v[i]->style.font_size);
        size_t q = 0;
        while (q < m && sizes[q] != s) q++;
        if (q == m) {
            if (m == 64) continue;
            sizes[m++] = s;
        }
    }
    qsort(sizes, m, sizeof *sizes, cmp_double); /* ascending: largest last */
    for (size_t i = 0; i < n; i++) {
        if (v[i]->kind != SAMLA_BLOCK_HEADING) continue;
        double s = rounded(v[i]->style.font_size);
        for (size_t q = 0; q < m; q++) count[q] += sizes[q] == s;
    }
    /* title: the largest size, clearly above the next, no more headings
     * than the next size has, each the first heading of its page in either */
    bool title = false;
    if (m >= 2 && sizes[m - 1] >= 1.15 * sizes[m - 2] && count[m - 1] <= count[m - 2]) {
        title = true;
        int page = -1; /* page of the last heading of the first level or the title size */
        for (size_t i = 0; i < n && title; i++) {
            /* a bold line of the section size over the title on its page (an office's name over a letter's
             * title) counts as a heading before it (PDF-HEAD-TITLE-KICKER) */
            if (v[i]->kind == SAMLA_BLOCK_PARAGRAPH && v[i]->style.bold &&
                rounded(v[i]->style.font_size) >= sizes[m - 2])
                page = v[i]->page;
            if (v[i]->kind != SAMLA_BLOCK_HEADING) continue;
            double s = rounded(v[i]->style.font_size);
            if (s == sizes[m - 1]) title = v[i]->page != page;
            if (s >= sizes[m - 2]) page = v[i]->page;
        }
    }
    /* shapes and their depths under each size */
    shape sh[MAX_SHAPES];
    size_t nsh = 0;
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx) return;
    for (size_t i = 0; i < n; i++) {
        idx[i] = MAX_SHAPES;
        if (v[i]->kind != SAMLA_BLOCK_HEADING) continue;
        char key[32];
        heading_shape(v[i]->text, key);
        idx[i] = shape_of(sh, &nsh, rounded(v[i]->style.font_size), key);
        if (idx[i] < nsh) {
            shape *q = &sh[idx[i]];
            q->labelled = q->labelled && (key[0] == '#' || key[0] == '@' || numbered_word(v[i]->text));
            if (q->first == SIZE_MAX) q->first = i;
            q->last = i;
        }
    }
    shape_depths(v, n, sh, nsh, idx);
    /* levels: ranks of the (size, depth) pairs, larger size first, then depth */
    for (size_t i = 0; i < n; i++) {
        if (v[i]->kind != SAMLA_BLOCK_HEADING) continue;
        double s = rounded(v[i]->style.font_size);
        int depth = idx[i] < nsh ? sh[idx[i]].depth : 0;
        int level = 1;
        for (size_t q = m; q-- > 0 && sizes[q] > s;) {
            /* every depth used by a larger size ranks above */
            bool used[9] = {false};
            for (size_t k = 0; k < nsh; k++)
                if (sh[k].size == sizes[q]) used[sh[k].depth] = true;
            for (int d = 0; d < 9; d++) level += used[d];
        }
        bool used[9] = {false};
        for (size_t k = 0; k < nsh; k++)
            if (sh[k].size == s && sh[k].depth < depth) used[sh[k].depth] = true;
        for (int d = 0; d < 9; d++) level += used[d];
        if (title) level = level > 1 ? level - 1 : 1;
        v[i]->level = level > 9 ? 9 : level < 1 ? 1 : level;
    }
    free(idx);
}

/* PDF-HEAD-SPACING-LEVEL: where nothing in the headings of one look (size
 * and weight) tells levels (no number or letter label begins one, nor a
 * word and a number, "§ 12", "Mål 1.1"), the spacing may, the way LaTeX
 * sets \section, \subsection and \subsubsection at one size: each level
 * its own space below (fixed, not stretched) and less
 * space above the deeper it is. The spaces below the look's headings that
 * stand over text (not over a heading, a table or a page break) cluster, each
 * cluster within 0.25 pt, clusters at least 0.4 pt apart, two headings or
 * more in each; when the spaces above, cluster by cluster, fall as the spaces
 * below do (medians at least 0.3 pt apart), the cluster with the most space
 * below takes the look's highest level and each next one a level deeper; a
 * heading with no space below to measure goes with the cluster whose space
 * above is nearest its own. */
typedef struct spaced {
    double below, above; /* below < 0: not measured; above < 0: at a page's top */
    size_t at;
} spaced;

static int cmp_below(const void *a, const void *b)
{
    double x = ((const spaced *)a)->below, y = ((const spaced *)b)->below;
    return x > y ? -1 : x < y; /* most space first, the unmeasured last */
}

static double median_above(const spaced *s, size_t from, size_t to)
{
    double a[64];
    size_t k = 0;
    for (size_t i = from; i < to && k < 64; i++)
        if (s[i].above >= 0) a[k++] = s[i].above;
    if (!k) return -1;
    qsort(a, k, sizeof *a, cmp_double);
    return a[k / 2];
}

/* The levels of the look of v[i] (its headings marked in done[]), s scratch of n. */
static void look_spacing_levels(samla_block **v, size_t n, size_t i, bool *done, spaced *s)
{
    double size = rounded(v[i]->style.font_size);
    bool bold = v[i]->style.bold, plain = true;
    int base = 9;
    size_t m = 0, measured = 0;
    for (size_t j = i; j < n; j++) {
        samla_block *h = v[j];
        if (h->kind != SAMLA_BLOCK_HEADING || rounded(h->style.font_size) != size || h->style.bold != bold) continue;
        done[j] = true;
        char key[32];
        heading_shape(h->text, key);
        plain = plain && key[0] != '#' && key[0] != '@' && !numbered_word(h->text);
        if (h->level < base) base = h->level;
        double below = -1, above = -1;
        const samla_block *nx = j + 1 < n ? v[j + 1] : NULL, *pv = j > 0 ? v[j - 1] : NULL;
        if (nx && nx->page == h->page && nx->kind != SAMLA_BLOCK_TABLE && nx->kind != SAMLA_BLOCK_HEADING &&
            nx->y0 - h->y1 >= 0 && nx->y0 - h->y1 < 4 * h->style.font_size)
            below = nx->y0 - h->y1, measured++;
        if (pv && pv->page == h->page && h->y0 - pv->y1 >= 0) above = h->y0 - pv->y1;
        s[m++] = (spaced){below, above, j};
    }
    if (!plain || measured < 4) return;
    qsort(s, m, sizeof *s, cmp_below);
    size_t start[5], nc = 0;
    for (size_t k = 0; k < measured; k++) {
        if (k == 0 || s[k - 1].below - s[k].below >= 0.4) {
            if (nc == 4) return;
            start[nc++] = k;
        } else if (s[start[nc - 1]].below - s[k].below > 0.25) {
            return;
        }
    }
    if (nc < 2) return;
    double med[4], prev = 1e9;
    for (size_t c = 0; c < nc; c++) {
        size_t to = c + 1 < nc ? start[c + 1] : measured;
        med[c] = median_above(s, start[c], to);
        if (to - start[c] < 2 || med[c] < 0 || med[c] > prev - 0.3) return;
        prev = med[c];
    }
    for (size_t k = 0; k < m; k++) {
        size_t c = 0;
        if (k < measured) {
            while (c + 1 < nc && start[c + 1] <= k) c++;
        } else if (s[k].above >= 0) {
            for (size_t q = 1; q < nc; q++)
                if (fabs(s[k].above - med[q]) < fabs(s[k].above - med[c])) c = q;
        }
        int level = base + (int)c;
        v[s[k].at]->level = level > 9 ? 9 : level;
    }
}

static void spacing_levels(samla_block **v, size_t n)
{
    spaced *s = malloc((n ? n : 1) * sizeof *s);
    bool *done = calloc(n ? n : 1, sizeof *done);
    for (size_t i = 0; s && done && i < n; i++)
        if (v[i]->kind == SAMLA_BLOCK_HEADING && !done[i]) look_spacing_levels(v, n, i, done, s);
    free(s);
    free(done);
}

void pdf_settle_headings(pdf_reader *r)
{
    samla_doc *d = &r->ctx->doc;
    samla_block **v = malloc((d->nblocks ? d->nblocks : 1) * sizeof *v);
    if (!v) return;
    size_t n = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        samla_block *b = d->blocks[i];
        int p = b->page - 1;
        if (!body_kind(b) || p < 0 || (size_t)p >= d->npages) continue;
        const char *from = d->pages[p].read_from;
        if (from && strcmp(from, "geometry") != 0) continue;
        v[n++] = b;
    }
    size_t *named = calloc(n ? n : 1, sizeof *named);
    bool *across = calloc(n ? n : 1, sizeof *across);
    if (!named || !across) {
        free(named);
        free(across);
        free(v);
        return;
    }
    spaced_headings(r, v, n);
    double pg = n >= 3 ? paragraph_gap((const samla_block *const *)v, n, r->body_size) : 0;
    pdf_head_label_runs(r, v, n, pg);
    pdf_head_under_table_look(r, v, n, pg);
    pdf_head_look_peers(r, v, n, pg);
    first_subsections(r, v, n);
    pdf_head_across_columns(v, n, across);
    pdf_head_column_peers(v, n);
    labelled_headings(v, n);
    pdf_named_contents(v, n, named);
    subtitles(v, n);
    prose_size_paragraphs(v, n);
    levels(v, n);
    spacing_levels(v, n);
    pdf_contents_levels(v, n, named);
    pdf_head_across_levels(v, n, across);
    free(across);
    free(named);
    free(v);
}
