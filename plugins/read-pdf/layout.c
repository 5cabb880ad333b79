/* layout.c: reading order and blocks of one page.
 *
 * A page is read top to bottom: header lines, then the body, where a
 * multi-column region (regions.c) is read column by column (text columns) or
 * handed to the table builder, then footer lines. A run of line fragments
 * becomes blocks: a new block starts at a larger vertical gap, a change of
 * font size or weight, a bullet or list number, an indented first line, or
 * when the previous line ended short although the next line's first word
 * would have fit (the end of a paragraph). Blocks set in a font larger than
 * the body, or short bold lines without a final full stop, are headings;
 * levels follow the rank of the heading font size (1 = largest). A marker
 * starting a line in a table's columns under its header repeated at the top
 * of the page starts a block but no list item: a paragraph with the marker in
 * its text (PDF-MARKER-IN-TABLE-COLUMNS, orphanhead.c). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "pdf.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void swap_double(double *a, double *b)
{
    double t = *a;
    *a = *b;
    *b = t;
}

double pdf_nth_smallest(double *v, size_t n, size_t k)
{
    /* quickselect, three-way partition (sizes repeat a lot): [lo, hi) holds the k-th */
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        double a = v[lo], b = v[lo + (hi - lo) / 2], c = v[hi - 1];
        double p = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b); /* median of three */
        size_t lt = lo, i = lo, gt = hi;
        while (i < gt) {
            if (v[i] < p) swap_double(&v[lt++], &v[i++]);
            else if (v[i] > p) swap_double(&v[i], &v[--gt]);
            else i++;
        }
        if (k < lt) hi = lt;
        else if (k >= gt) lo = gt;
        else return p;
    }
    return v[k];
}

void pdf_measure_fonts(pdf_reader *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->npages; i++)
        for (size_t j = 0; j < r->pages[i].nlines; j++) n += r->pages[i].lines[j].nwords;
    r->body_size = 10;
    if (!n) return;
    double *sizes = malloc(n * sizeof *sizes);
    if (!sizes) return;
    size_t k = 0;
    for (size_t i = 0; i < r->npages; i++)
        for (size_t j = 0; j < r->pages[i].nlines; j++) {
            const pdf_line *l = &r->pages[i].lines[j];
            if (l->role != PDF_BODY) continue;
            for (size_t w = 0; w < l->nwords; w++) sizes[k++] = l->words[w].size;
        }
    if (k) r->body_size = pdf_nth_smallest(sizes, k, k / 2);
    /* heading sizes: distinct line sizes (0.5 pt steps) above the body size */
    size_t m = 0;
    for (size_t i = 0; i < r->npages; i++)
        for (size_t j = 0; j < r->pages[i].nlines; j++) {
            const pdf_line *l = &r->pages[i].lines[j];
            double s = round(l->size * 2) / 2;
            if (l->role != PDF_BODY || !pdf_heading_size(r, l->size, l->bold)) continue;
            bool seen = false;
            for (size_t q = 0; q < m; q++) seen = seen || sizes[q] == s;
            if (!seen) sizes[m++] = s;
        }
    qsort(sizes, m, sizeof *sizes, cmp_double);
    r->nhead_sizes = 0;
    for (size_t q = m; q-- > 0 && r->nhead_sizes < 8;) r->head_sizes[r->nhead_sizes++] = sizes[q];
    free(sizes);
}

/* A font size (and weight) that sets a heading apart from body text: bold
 * and at least 0.9 pt larger than the body, or 20% larger in any weight
 * (body 10 pt with prose lines at 11 pt is not a heading size). */
bool pdf_heading_size(const pdf_reader *r, double size, bool bold)
{
    if (size < r->body_size + 0.9) return false;
    return bold || size >= r->body_size * 1.2;
}

bool pdf_starts_upper(const char *s)
{
    gunichar c = g_utf8_get_char_validated(s, -1);
    return c != (gunichar)-1 && c != (gunichar)-2 && (g_unichar_isupper(c) || g_unichar_isdigit(c));
}

/* One line fragment with its measures. */
typedef struct frag_info {
    const pdf_frag *f;
    const char *text;
    double x0, x1, y0, y1, size;
    bool bold, italic;
    const char *label;   /* list marker starting the fragment as the model writes it, or NULL */
    size_t label_len;    /* bytes of the marker word in text */
    bool bullet;         /* the marker is a bullet, not a list number */
    bool glue;           /* continues the previous fragment's word (emergency break in a narrow cell) */
    bool cell_mark;      /* the marker is a table cell's text, no list item's (PDF-MARKER-IN-TABLE-COLUMNS) */
} frag_info;

static void measure(pdf_reader *r, const pdf_frag *f, frag_info *fi)
{
    const pdf_word *w = f->line->words;
    fi->f = f;
    fi->text = pdf_frag_text(r->ctx->arena, f);
    fi->x0 = w[f->w0].x0;
    fi->x1 = w[f->w1 - 1].x1;
    fi->y0 = 1e9;
    fi->y1 = -1e9;
    fi->size = 0;
    fi->bold = fi->italic = true;
    for (size_t i = f->w0; i < f->w1; i++) {
        fi->y0 = fmin(fi->y0, w[i].y0);
        fi->y1 = fmax(fi->y1, w[i].y1);
        fi->size = fmax(fi->size, w[i].size);
        fi->bold = fi->bold && w[i].bold;
        fi->italic = fi->italic && w[i].italic;
    }
    fi->glue = false;
    fi->label = pdf_marker(r->set, &w[f->w0], f->w1 - f->w0, &fi->bullet);
    /* a dash in a table's first column under its repeated header is cell text: the line starts a block as
     * an item's would, which stays a paragraph with the dash in its text (PDF-MARKER-IN-TABLE-COLUMNS) */
    fi->cell_mark = fi->label && pdf_marker_in_table_columns(r, f->line, f->w0);
    fi->label_len = fi->label ? strlen(w[f->w0].text) : 0;
}

/* The line `next` opens with a word that ends a compound's shared tail ("och", "eller": *Barn-* / *och …*), after
 * which the hyphen above is the writer's own. */
static bool suspended_tail(const pdf_settings *set, const char *next)
{
    size_t wl = strcspn(next, " ");
    for (const char **w = set->suspended_next; w && *w; w++)
        if (strlen(*w) == wl && strncmp(*w, next, wl) == 0) return true;
    return false;
}

/* PDF-HYPHEN-ADDRESS: the last word of s[0, len) is a web address (a scheme's "://", "www.", or a domain, a point
 * and a letter, before a "/"): no producer hyphenates an address, it breaks one at its own hyphens and slashes, so
 * a hyphen ending such a line is the address's own ("…/halsa-och-" / "varld/…" is "…/halsa-och-varld/…"). */
static bool web_address_end(const char *s, size_t len)
{
    size_t b = len;
    while (b > 0 && s[b - 1] != ' ') b--;
    const char *w = s + b;
    size_t n = len - b;
    if (g_strstr_len(w, (gssize)n, "://") || g_strstr_len(w, (gssize)n, "www.")) return true;
    const char *slash = memchr(w, '/', n);
    for (const char *q = w; slash && q + 1 < slash; q++)
        if (*q == '.' && q > w && g_ascii_isalpha(q[1])) return true;
    return false;
}

/* Appends next line text to s with the hyphenation rules. */
static void join_text(const pdf_settings *set, GString *s, const char *next)
{
    if (s->len == 0) {
        g_string_append(s, next);
        return;
    }
    const char *end = s->str + s->len;
    const char *last = g_utf8_find_prev_char(s->str, end);
    gunichar lc = last ? g_utf8_get_char(last) : 0;
    if (lc == '-' || lc == 0x2010) {
        const char *before = g_utf8_find_prev_char(s->str, last);
        bool letter = before && g_unichar_isalpha(g_utf8_get_char(before));
        bool suspended = letter && suspended_tail(set, next);
        gunichar nc = g_utf8_get_char_validated(next, -1);
        /* a capital before the hyphen is an abbreviation's, which Swedish joins to a word with a hyphen
           ("HR-" / "avdelningen" is "HR-avdelningen"; PDF-HYPHEN-ABBREVIATION) */
        bool abbrev = letter && g_unichar_isupper(g_utf8_get_char(before));
        /* a number broken at its hyphen joins as written ("2024-11-" / "18." is "2024-11-18."; PDF-NUMBER-RUNS-ON) */
        bool digits = before && g_unichar_isdigit(g_utf8_get_char(before)) && g_ascii_isdigit(next[0]);
        if (digits || web_address_end(s->str, s->len)) {
        } else if (suspended || !letter) {
            g_string_append_c(s, ' ');
        } else if (!abbrev && nc != (gunichar)-1 && nc != (gunichar)-2 && g_unichar_islower(nc)) {
            g_string_truncate(s, (gsize)(last - s->str));
        }
        g_string_append(s, next);
        return;
    }
    if (lc != '/') g_string_append_c(s, ' ');
    g_string_append(s, next);
}

char *pdf_join_texts(pdf_reader *r, const char *a, const char *b)
{
    GString *s = g_string_new(a);
    join_text(r->set, s, b);
    char *out = samla_arena_strdup(r->ctx->arena, s->str);
    g_string_free(s, TRUE);
    return out;
}

/* Block b (the first of a run) continues the body paragraph (or list item) the
 * previous page ended with: b starts lower-case, only running headers/footers came between,
 * and the previous page's last line was full (b's first word would not have
 * fitted after it). */
static bool continues_page(const pdf_reader *r, const samla_block *b, const frag_info *h)
{
    const samla_doc *d = &r->ctx->doc;
    const samla_block *prev = NULL;
    for (size_t i = d->nblocks; i-- > 0 && !prev;) {
        const samla_block *q = d->blocks[i];
        /* the notes at the foot of the page stand below the paragraph the page break split (PDF-PARA-PAGE-NOTES) */
        if (q->kind != SAMLA_BLOCK_HEADER && q->kind != SAMLA_BLOCK_FOOTER && q->kind != SAMLA_BLOCK_FOOTNOTE) prev = q;
    }
    if (!prev || prev != r->run_last) return false;
    /* or the paragraph the left column ended, at the top of the right column (PDF-LINE-GUTTER) */
    if (prev->page + 1 != (int)d->npages && !(r->column_break && prev->page == (int)d->npages)) return false;
    /* PDF-PARA-DIGIT-RUNS-ON: a number may run the sentence on too ("… fyller 40, 50 eller" / "60 år, …") when
     * the text before stops mid-sentence, at a word or a comma (not at a number: a contents line's page) */
    const char *pe = prev->text + strlen(prev->text), *pl = g_utf8_find_prev_char(prev->text, pe);
    bool digit = g_ascii_isdigit(b->text[0]) && pl && (*pl == ',' || g_unichar_isalpha(g_utf8_get_char(pl)));
    if (b->kind != SAMLA_BLOCK_PARAGRAPH || !(pdf_starts_lower(b->text) || digit)) return false;
    if (fabs(prev->style.font_size - b->style.font_size) > 0.6 || prev->style.bold != b->style.bold) return false;
    const pdf_word *w = &h->f->line->words[h->f->w0];
    return r->run_last_x1 + (w->x1 - w->x0) + 0.3 * h->size > r->run_last_right - 0.5;
}

static int heading_level(const pdf_reader *r, double size)
{
    double s = round(size * 2) / 2;
    for (int i = 0; i < r->nhead_sizes; i++)
        if (s >= r->head_sizes[i] - 0.01) return i + 1;
    return r->nhead_sizes + 1;
}

/* Fragments [a, b) starting with a list number are a numbered heading: in a
 * heading font (bold and larger than the body), at most 3 lines, outside
 * tables, with a number label (not a bullet). */
static bool label_heading(const pdf_reader *r, const frag_info *fi, size_t a, size_t b, bool in_cell)
{
    const frag_info *h = &fi[a];
    if (in_cell || !h->label || b - a > 3 || h->bullet) return false;
    for (size_t i = a; i < b; i++)
        if (!fi[i].bold || !pdf_heading_size(r, fi[i].size, true)) return false;
    return true;
}

/* List level of a marker at x: the rank of x among the marker positions of
 * the list it continues (nesting by indent, whatever the page margin). A
 * marker left of every open level closes those levels. */
static int list_level(pdf_nesting *n, double x)
{
    while (n->depth > 0 && n->x[n->depth - 1] > x + 3) n->depth--;
    if (n->depth > 0 && fabs(n->x[n->depth - 1] - x) <= 3) return n->depth;
    if (n->depth < 9) n->x[n->depth++] = x;
    return n->depth;
}

/* PDF-HEAD-NARROW-WRAP: a bold heading in a narrow column (a page of two columns, a sidebar) wraps to four
 * or five lines where a page-wide one takes two: short text (at most 120 bytes), no full stop at its end,
 * is still a heading, though longer than the three lines a heading otherwise has. */
static bool narrow_wrap(size_t lines, size_t len, bool bold, char lastc)
{
    return bold && lines <= 5 && len <= 120 && lastc != '.';
}

/* Makes the block for fragments [a, b). */
static samla_block *make_block(pdf_reader *r, const frag_info *fi, size_t a, size_t b, pdf_nesting *nest,
                               bool in_cell)
{
    GString *s = g_string_new(NULL);
    const frag_info *h = &fi[a];
    const char *first = h->text;
    /* "15. Godkännande av föredragningslista" in a heading font: a numbered
     * heading (the number stays in the text), not a list item */
    bool numbered_heading = h->label && label_heading(r, fi, a, b, in_cell);
    bool item = h->label && !numbered_heading && !h->cell_mark;
    if (item) {
        first = h->text + h->label_len;
        while (*first == ' ') first++;
    }
    join_text(r->set, s, first);
    double x0 = h->x0, x1 = h->x1, y0 = h->y0, y1 = h->y1;
    bool bold = h->bold, italic = h->italic;
    for (size_t i = a + 1; i < b; i++) {
        if (fi[i].glue)
            g_string_append(s, fi[i].text);
        else
            join_text(r->set, s, fi[i].text);
        x0 = fmin(x0, fi[i].x0);
        x1 = fmax(x1, fi[i].x1);
        y1 = fmax(y1, fi[i].y1);
        bold = bold && fi[i].bold;
        italic = italic && fi[i].italic;
    }
    samla_block_kind kind = SAMLA_BLOCK_PARAGRAPH;
    int level = 0;
    size_t len = s->len;
    char lastc = len ? s->str[len - 1] : '\0';
    if (item) {
        kind = SAMLA_BLOCK_LIST_ITEM;
        level = list_level(nest, h->x0);
    } else if (!in_cell && (b - a <= 3 || narrow_wrap(b - a, len, bold, lastc)) && len <= 250 &&
               pdf_heading_size(r, h->size, bold) && (bold || (lastc != '.' && lastc != ':'))) {
        kind = SAMLA_BLOCK_HEADING;
        level = heading_level(r, h->size);
    } else if (!in_cell && bold && b - a <= 2 && len <= 160 && lastc != '.' && lastc != ',' && lastc != ':' &&
               lastc != ';' && lastc != '?' && lastc != '!' && h->size >= r->body_size + 0.3 &&
               pdf_starts_upper(s->str)) {
        /* bold and a little larger than the body ("2.1.1 ..." at 11.5 pt over
         * 11 pt body); bold lines at body size stay paragraphs (style.bold) */
        kind = SAMLA_BLOCK_HEADING;
        level = r->nhead_sizes + 1;
    }
    if (level > 9) level = 9;
    /* a paragraph or heading not indented under the list ends it */
    if (kind != SAMLA_BLOCK_LIST_ITEM && (kind == SAMLA_BLOCK_HEADING || !nest->depth || x0 < nest->x[0] + 3))
        nest->depth = 0;
    samla_block *blk = samla_block_new(&r->ctx->doc, kind, s->str);
    g_string_free(s, TRUE);
    if (!blk) return NULL;
    blk->level = level;
    if (item) blk->numbering = samla_arena_strdup(r->ctx->arena, h->label);
    blk->style.font_size = h->size;
    blk->style.bold = bold;
    blk->style.italic = italic;
    blk->x0 = x0;
    blk->y0 = y0;
    blk->x1 = x1;
    blk->y1 = y1;
    return blk;
}

/* A line (or word) of only dots, ellipses, underscores or dashes: where a
 * signature goes. */
bool pdf_leader_line(const char *s)
{
    size_t n = 0;
    for (const char *q = s; *q; q = g_utf8_next_char(q)) {
        gunichar c = g_utf8_get_char(q);
        if (c == ' ') continue;
        if (c != '.' && c != 0x2026 && c != '_' && c != '-' && c != 0x2013 && c != 0x2014) return false;
        n++;
    }
    return n >= 3;
}

typedef struct subcell {
    pdf_frag f;
    size_t band, col, seq;
} subcell;

static int cmp_subcell(const void *pa, const void *pb)
{
    const subcell *a = pa, *b = pb;
    if (a->band != b->band) return a->band < b->band ? -1 : 1;
    if (a->col != b->col) return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Reading order of a cell whose lines were split into sub-cells: the lines
 * form bands separated by a vertical gap larger than the cell's tightest
 * line gap + 0.45 em; inside a band the sub-columns (x where a split piece
 * starts) are read left to right, each top to bottom. "Sekreterare ………" /
 * "Ewa Granath" then "Paragrafer §§ 12–19"; "Justerande ………" / "Jonas
 * Åberg" then "………" / "Nora Lindahl". */
static void order_subcells(const pdf_reader *r, pdf_frag *f, size_t n)
{
    subcell *sc = malloc(n * sizeof *sc);
    double *xs = malloc(n * sizeof *xs);
    if (!sc || !xs) {
        free(sc);
        free(xs);
        return;
    }
    double gmin = 1e9;
    for (size_t i = 1; i < n; i++)
        if (f[i].line != f[i - 1].line) gmin = fmin(gmin, f[i].line->y0 - f[i - 1].line->y1);
    size_t band = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && f[i].line != f[i - 1].line && f[i].line->y0 - f[i - 1].line->y1 > gmin + 0.45 * r->body_size)
            band++;
        sc[i] = (subcell){f[i], band, 0, i};
    }
    for (size_t a = 0; a < n;) {
        size_t b = a, nx = 0;
        while (b < n && sc[b].band == sc[a].band) b++;
        /* split x positions of the band: starts of pieces that are not first on their line */
        for (size_t i = a; i < b; i++) {
            if (i == a || f[i].line != f[i - 1].line) continue;
            double x = f[i].line->words[f[i].w0].x0;
            bool dup = false;
            for (size_t q = 0; q < nx && !dup; q++) dup = fabs(xs[q] - x) < 6;
            if (!dup) xs[nx++] = x;
        }
        for (size_t i = a; i < b; i++) {
            double x = f[i].line->words[f[i].w0].x0;
            for (size_t q = 0; q < nx; q++) sc[i].col += x >= xs[q] - 6;
        }
        a = b;
    }
    qsort(sc, n, sizeof *sc, cmp_subcell);
    for (size_t i = 0; i < n; i++) f[i] = sc[i].f;
    free(sc);
    free(xs);
}

static bool ends_hyphen(const char *s)
{
    size_t n = strlen(s);
    return n && (s[n - 1] == '-' || (n >= 3 && strcmp(s + n - 3, "\u2010") == 0));
}

bool pdf_starts_lower(const char *s)
{
    gunichar c = g_utf8_get_char_validated(s, -1);
    return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_islower(c);
}

/* A line that ends as a contents entry: a dot leader, then a page number. */
static bool contents_line(const char *s)
{
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ') n--;
    size_t d = n;
    while (d > 0 && g_ascii_isdigit(s[d - 1])) d--;
    if (d == n || n - d > 4) return false;
    while (d > 0 && s[d - 1] == ' ') d--;
    if (d >= 4 && memcmp(s + d - 4, "....", 4) == 0) return true;
    return d >= 6 && memcmp(s + d - 6, "\u2026\u2026", 6) == 0;
}

/* PDF-NUMBER-RUNS-ON: fragment c's list number ("18.") is the end of a number the previous line broke at a
 * hyphen ("anslagstavla 2024-11-" / "18. Anslaget tas ned"): the previous line ends in a digit and a hyphen,
 * it ran full (the number would not have fitted after it), and c starts at its left edge, not indented. A date
 * or a range wraps at its hyphens; a list item does not follow a line that stops mid-number. */
static bool number_runs_on(const frag_info *p, const frag_info *c, double right)
{
    size_t n = strlen(p->text);
    if (c->bullet || n < 2 || p->text[n - 1] != '-' || !g_ascii_isdigit(p->text[n - 2])) return false;
    if (fabs(c->x0 - p->x0) > 1) return false;
    const pdf_word *w = &c->f->line->words[c->f->w0];
    return p->x1 + (w->x1 - w->x0) + 0.3 * c->size > right - 0.5;
}

/* PDF-LABEL-RUNS-ON: fragment c's bracketed label ("(v)") is a party or a note in a sentence the previous line
 * wrapped before ("... den som bifaller Ali Hassans" / "(v) yrkande röstar nej."): c starts at p's left edge,
 * not indented, p ran full (the label would not have fitted after it) and stops mid-sentence (no . : ; ! ?
 * at its end). A list's bracketed item starts after an item that ended, or at a hanging indent. */
static bool label_runs_on(const frag_info *p, const frag_info *c, double right)
{
    size_t n = strlen(p->text);
    if (c->bullet || !n || c->text[0] != '(' || strchr(".:;!?", p->text[n - 1])) return false;
    if (fabs(c->x0 - p->x0) > 1) return false;
    const pdf_word *w = &c->f->line->words[c->f->w0];
    return p->x1 + (w->x1 - w->x0) + 0.3 * c->size > right - 0.5;
}

/* PDF-PARA-SHORT-BRACKET: a line opening with a square bracket ("[X] Nyman Kristina", "[ ] Holm Lena": a
 * roll of checkboxes set as one-line paragraphs) starts afresh as a capital does, after a line that ended
 * short although its first word would have fitted; after a line that opened with one too, whatever its
 * length (PDF-PARA-BRACKET-ROLL: the roll's longest entry sets the column's edge). A round bracket may run a
 * sentence on, so it does not. */
static bool starts_bracket(const char *s) { return s[0] == '['; }

/* PDF-PARA-LOWER-GAP: line c starts lower case after a paragraph's gap (its top further below p's than the
 * run's closest pitch of two lines of one size, by 0.2 em), and line p ended short although c's first word
 * would have fitted on it: a paragraph of its own ("Kommunfullmäktige beslutar" over "att avveckla …",
 * "att uppdra …": a decision's clauses each a paragraph), not text running on. */
static bool ended_short(const frag_info *c, const frag_info *p, double right, double size)
{
    const pdf_word *w = &c->f->line->words[c->f->w0];
    return p->x1 + (w->x1 - w->x0) + 0.3 * size < right - 0.5;
}

/* The closest pitch (tops) of two consecutive lines of one size among the n
 * fragments fi, of size `size` (within 0.3 pt); 0 when none. */
static double run_pitch(const frag_info *fi, size_t n, double size)
{
    double best = 0;
    for (size_t i = 1; i < n; i++) {
        double step = fi[i].y0 - fi[i - 1].y0;
        if (fi[i].f->line != fi[i - 1].f->line && fabs(fi[i].size - fi[i - 1].size) < 0.3 &&
            fabs(fi[i].size - size) < 0.3 && step > 0.8 * fi[i].size && (best == 0 || step < best))
            best = step;
    }
    return best;
}

/* True when fragment i starts a new block after fragment i - 1; line_pitch is the run's closest pitch of
 * lines of fragment i's size (run_pitch). */
static bool breaks_before(const pdf_reader *r, const frag_info *fi, size_t i, size_t start, double right,
                          double pitch, double line_pitch, bool in_cell)
{
    const frag_info *p = &fi[i - 1], *c = &fi[i];
    /* two sub-cells of one line (split at a wide gap), or the next sub-column */
    if (c->f->line == p->f->line || c->y0 < p->y0 - 0.5) return true;
    /* a signature line ("………", "______") stands alone */
    if (pdf_leader_line(p->text) || pdf_leader_line(c->text)) return true;
    /* a contents entry ends at its page number after a dot leader (PDF-HEAD-CONTENTS) */
    if (contents_line(p->text)) return true;
    double size = fmin(p->size, c->size);
    if (c->y0 - p->y1 > 0.45 * size) return true;
    if (fabs(p->size - c->size) > 0.6 || p->bold != c->bold) return true;
    /* two bold lines of different sizes: a heading over a bold label set close below it (an 11.5 pt
       "Delmål …" heading over an 11 pt "Åtgärder"); a wrapped bold line keeps its size (PDF-BOLD-SIZE-BREAK) */
    if (p->bold && c->bold && fabs(p->size - c->size) > 0.3) return true;
    /* two bold lines of one size in fonts of different heights: a heading font over a bold label of the body's
       font set close below it (*Val av justerare* over *Stadsbyggnadsnämndens beslut*); a wrapped bold line
       keeps its font (PDF-BOLD-FONT-BREAK) */
    if (p->bold && c->bold && fabs((p->y1 - p->y0) - (c->y1 - c->y0)) > 0.15 * size) return true;
    if (c->label && !number_runs_on(p, c, right) && !label_runs_on(p, c, right)) return true;
    /* paragraph spacing: the tops of the two lines are clearly further apart
     * than the usual pitch of wrapped lines, unless the text runs on (a
     * hyphen at the end, a lower-case word next). PDF-CELL-PARA-SPACE: a cell's
     * lines step by the region's own wrap pitch exactly, so 0.15 em more is a
     * paragraph's space (a Word cell's paragraphs 2 pt apart at 11 pt, its
     * lines full to the edge: *… via vårdcentralen* over *Erbjuda simskola …*) */
    if (pitch > 0 && c->y0 - p->y0 > pitch + fmax(1.2, 0.15 * size) && !ends_hyphen(p->text) &&
        !pdf_starts_lower(c->text))
        return true;
    /* PDF-PARA-LOWER-GAP, in body text (no cell pitch): against the run's own line pitch */
    if (line_pitch > 0 && c->y0 - p->y0 > line_pitch + fmax(1.2, 0.2 * size) && !ends_hyphen(p->text) &&
        pdf_starts_lower(c->text) && ended_short(c, p, right, size))
        return true;
    /* PDF-PARA-PITCH-GAP, in body text: lines of one size whose bottoms step clearly wider than the run's closest
       pitch are two paragraphs set without paragraph space but at a wider leading (a cover's one-line
       paragraphs, *TALLÅSENS KOMMUN* over *Kommunledningskontoret*), unless the text runs on (bottoms: a
       superscript raises a line's top only) */
    if (line_pitch > 0 && fabs(p->size - c->size) < 0.3 && c->y1 - p->y1 > line_pitch + fmax(1.2, 0.2 * size) &&
        !ends_hyphen(p->text) && !pdf_starts_lower(c->text))
        return true;
    /* a block's lines keep the pitch of its first two (PDF-BLOCK-PITCH): where the paragraph space is small
       and the page's lines are mostly one-line paragraphs, a step clearly wider than the block's own wrap
       starts a block, unless the text runs on (bottoms of the lines: a superscript raises a line's top only) */
    if (!in_cell && i - start >= 2 && c->y1 - p->y1 > fi[start + 1].y1 - fi[start].y1 + fmax(1.2, 0.2 * size) &&
        !ends_hyphen(p->text) && !pdf_starts_lower(c->text))
        return true;
    const frag_info *h = &fi[start];
    if (h->label) {
        /* a numbered heading wraps under its number (same font, no gap) */
        if (i - start < 3 && c->bold && h->bold && pdf_heading_size(r, c->size, true) &&
            !h->bullet)
            return false;
        /* continuation lines of a list item are indented past the label */
        if (c->x0 > h->x0 + 1) return false;
        /* a typed number set without a hanging indent wraps to the label's edge (PDF-ITEM-FLUSH-WRAP): the item's
           second line starts where the label does, and each line runs on where the line above ran full (the
           next word would not have fitted after it) or the next starts lower-case; elsewhere (bullets, a second
           line indented) a line flush to the label runs on only lower-case under a full line (PDF-LIST-FLUSH-WRAP) */
        const pdf_word *w = &c->f->line->words[c->f->w0];
        bool full = p->x1 + (w->x1 - w->x0) + 0.3 * size >= right - 0.5;
        if (h->bullet || c->x0 < h->x0 - 1 || (i - start > 1 && fabs(fi[start + 1].x0 - h->x0) > 1))
            return !(full && pdf_starts_lower(c->text) && fabs(c->x0 - h->x0) <= 1);
        return !full && !pdf_starts_lower(c->text);
    }
    if (c->x0 > p->x0 + 1.5 * size && i - 1 == start) return false; /* hanging first line */
    if (c->x0 > p->x0 + 1.2 * size) return true;                   /* indented first line */
    if (starts_bracket(c->text) && starts_bracket(p->text) && !in_cell) return true; /* PDF-PARA-BRACKET-ROLL */
    /* the previous line ended short although this line's first word fits */
    const pdf_word *w = &c->f->line->words[c->f->w0];
    double need = (w->x1 - w->x0) + 0.3 * size;
    /* PDF-CELL-HYPHEN-RUNS-ON: in a cell, a line ending in a hyphen under which the next starts lower-case runs on
     * (a word hyphenated at the wrap, groff's *Äldreomsor-* / *gen*, or a compound's shared tail, *Barn-* / *och
     * …*), however short it ended: the column's widest line may be an overfull word that no hyphenation could
     * break (*Folkhälsosamordnaren* running into the gutter), which sets the edge too far right */
    if (in_cell && ends_hyphen(p->text) && pdf_starts_lower(c->text)) return false;
    /* in a table cell (right = where the column wraps) any line that ended
     * short is a line break of its own ("Björn Wikström" / "ordförande") */
    if (p->x1 + need < right - 0.5 && (in_cell || pdf_starts_upper(c->text) || starts_bracket(c->text))) return true;
    return false;
}

/* PDF-CELL-BROKEN-GLYPH: measured by the glyph itself where the text layer gave it (a d of 6.4 pt did not fit
 * where the word's average letter of 5.6 pt would have: *Kommunle* / *dningskontoret*), with room for rounding
 * only; the average letter of the word, as before, with half a point. */
static bool letter_overruns(const pdf_word *w, double end, double right, double size)
{
    if (w->first_x1 > w->x0) return end + (w->first_x1 - w->x0) > right + 0.1;
    glong nch = g_utf8_strlen(w->text, -1);
    double letter = nch > 0 ? (w->x1 - w->x0) / (double)nch : size;
    return end + letter > right + 0.5;
}

bool pdf_word_broken(const pdf_settings *s, const pdf_word *piece, const pdf_word *next, bool more, double right,
                     double size)
{
    const char *t = piece->text, *last = g_utf8_find_prev_char(t, t + strlen(t));
    if (!last || !g_unichar_isalpha(g_utf8_get_char(last)) || !pdf_starts_lower(next->text)) return false;
    if (!letter_overruns(next, piece->x1, right, size)) return false;
    /* PDF-CELL-BROKEN-KNOWN: two listed words of three letters or more, the second followed by more words on its
     * line, are a wrap in a cell too tight for the second (*Medarbetare* / *har möjlighet*), not one word broken
     * (the rest of a word broken at a compound's seam stands alone: *Kommunlednings* / *kontoret*) */
    return !more || pdf_word_check_min(s, piece->text, 3) != 1 || pdf_word_check_min(s, next->text, 3) != 1;
}

void pdf_cell_edges(const double *next, const double *widest, size_t ncols, double right, double *edge)
{
    double gap = INFINITY;
    for (size_t c = 0; c + 1 < ncols; c++)
        if (!isnan(next[c]) && !isnan(widest[c]) && next[c] - widest[c] >= 0) gap = fmin(gap, next[c] - widest[c]);
    for (size_t c = 0; c + 1 < ncols; c++) edge[c] = isfinite(gap) && !isnan(next[c]) ? next[c] - gap : NAN;
    /* the last column: a table of one column shows no gap (its border's padding taken as none) */
    if (ncols) edge[ncols - 1] = isnan(right) ? NAN : right - (isfinite(gap) ? 0.5 * gap : 0);
}

/* Fragment i continues the word fragment i - 1 ends with: a word wider than
 * a narrow table cell, broken by LibreOffice/Word without a hyphen
 * ("utbildningsförvaltni" / "ngen"; PDF-CELL-BROKEN-WORD). The previous line holds that one word
 * only (a word that does not fit the cell starts a line of its own), it ends
 * in a letter and reaches the column's wrap width so closely that not even
 * the next line's first letter would have fitted after it, and the next line
 * starts lower-case right below it. */
static bool broken_word(const pdf_reader *r, const frag_info *fi, size_t i, double right)
{
    const frag_info *p = &fi[i - 1], *c = &fi[i];
    if (p->f->w1 - p->f->w0 != 1 || c->f->line == p->f->line || c->y0 < p->y0 + 0.5) return false;
    double size = fmin(p->size, c->size);
    if (c->y0 - p->y1 > 0.45 * size || fabs(p->size - c->size) > 0.6 || p->bold != c->bold) return false;
    if (c->x0 > p->x0 + 0.5 || !pdf_starts_lower(c->text)) return false;
    return pdf_word_broken(r->set, &p->f->line->words[p->f->w0], &c->f->line->words[c->f->w0],
                           c->f->w1 - c->f->w0 > 1, right, size);
}

/* PDF-CELL-HYPHENATED-NO-CUT: the cell's lines show a word hyphenated at the wrap (a line ending in a lower-case
 * letter and a hyphen over a line starting lower-case, not a compound's shared tail, *Barn-* / *och*): its producer
 * hyphenates (pdfTeX, groff), and a hyphenating producer never cuts a word without a hyphen, so no line of the cell
 * is a broken word (PDF-CELL-BROKEN-WORD): *ohälsa* / *får* in a column a word wide are two words, beside *psy-* /
 * *kisk* in the same cell. */
static bool hyphenated_cell(const pdf_settings *set, const frag_info *fi, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        const char *t = fi[i].text;
        size_t len = strlen(t);
        if (len < 2 || t[len - 1] != '-' || !pdf_starts_lower(fi[i + 1].text)) continue;
        const char *before = g_utf8_find_prev_char(t, t + len - 1);
        if (!before || !g_unichar_islower(g_utf8_get_char(before))) continue;
        if (!suspended_tail(set, fi[i + 1].text)) return true;
    }
    return false;
}

/* The x the run's lines wrap at: the right end of its lines, but for lines that show no wrap edge.
 * PDF-LINE-GUTTER-OVERHANG: a heading's word alone on its line, too long for the column, runs past the edge the
 * column's lines wrap at. PDF-LINE-LEADER-EDGE: a line that ends in a signature rule (*______*) ends where the
 * rule was drawn to. PDF-LINE-OTHER-COLUMN-EDGE (body text, not a cell's sub-cells): a line set wholly right of
 * where every line starting at the run's left edge ends (three such lines or more) is a line of another column:
 * groff's two-column page whose right column holds only a signer's rule and name (*______* over *Eva Ek,
 * sekreterare*) beside the left column's title and first lines, too few lines for a gutter (PDF-LINE-GUTTER).
 * Such lines set no wrap edge while other lines do. */
static bool shows_no_edge(const pdf_reader *r, const pdf_frag *f, const frag_info *fi)
{
    return (f->w1 - f->w0 == 1 && fi->size > 1.15 * r->body_size) || pdf_leader_line(f->line->words[f->w1 - 1].text);
}

static double wrap_edge(const pdf_reader *r, const pdf_frag *frags, const frag_info *fi, size_t n, bool in_cell)
{
    double right = -1e9, lone = -1e9, left = 1e9, left_end = -1e9;
    size_t nleft = 0;
    for (size_t i = 0; i < n; i++)
        if (!shows_no_edge(r, &frags[i], &fi[i])) left = fmin(left, fi[i].x0);
    for (size_t i = 0; i < n; i++)
        if (!shows_no_edge(r, &frags[i], &fi[i]) && fi[i].x0 <= left + 1) left_end = fmax(left_end, fi[i].x1), nleft++;
    for (size_t i = 0; i < n; i++) {
        if (shows_no_edge(r, &frags[i], &fi[i]) || (!in_cell && nleft >= 3 && fi[i].x0 > left_end)) lone = fmax(lone, fi[i].x1);
        else right = fmax(right, fi[i].x1);
    }
    return right < -1e8 ? lone : right;
}

/* PDF-CELL-JUSTIFIED: fragment i of a cell's fragments is a justified line of text, whose wide gaps are stretched
 * word spaces and no sub-cell gaps: its words reach the cell's right edge (wrap), every gap between them is the
 * same width (a justified line shares its extra room out evenly), no word is a leader (a signature line's dots),
 * and the cell's text goes on in the next line from the same left edge. groff justifies a narrow cell's
 * *Kultur-       och* over *fritidsförvaltningen*. */
static bool justified_frag(const pdf_frag *frags, size_t n, size_t i, double wrap, double jright)
{
    const pdf_frag *f = &frags[i];
    const pdf_word *w = f->line->words;
    if (f->w1 - f->w0 < 2 || i + 1 >= n || frags[i + 1].line == f->line) return false;
    if (frags[i + 1].line->y0 <= f->line->y1 - 0.5) return false;
    if (fabs(frags[i + 1].line->words[frags[i + 1].w0].x0 - w[f->w0].x0) > 2) return false;
    /* PDF-CELL-JUSTIFIED-EDGE: the cell's own justified edge will do where the column's widest line is an overfull
     * word past it (groff's *rbrand       och* over *kommunen*, beside *Folkhälsosamordnaren* in the column): the
     * line reaches as far as the cell's widest line of two words or more, and the text runs on lower-case below */
    bool edge = w[f->w1 - 1].x1 >= jright - 1 && pdf_starts_lower(frags[i + 1].line->words[frags[i + 1].w0].text);
    if (w[f->w1 - 1].x1 < wrap - 1 && !edge) return false;
    double gmin = 1e9, gmax = -1e9;
    for (size_t j = f->w0; j < f->w1; j++) {
        if (pdf_leader_line(w[j].text)) return false;
        if (j == f->w0) continue;
        double g = w[j].x0 - w[j - 1].x1;
        gmin = fmin(gmin, g), gmax = fmax(gmax, g);
    }
    return gmax - gmin <= 1;
}

samla_status pdf_emit_frags(pdf_reader *r, const pdf_frag *frags, size_t n, bool in_cell, double wrap, double pitch,
                            samla_block ***cell_out, size_t *ncell_out)
{
    if (!n) return SAMLA_OK;
    if (in_cell) {
        /* inside a cell, a gap of 1.5 em between words separates sub-cells
         * the column finder did not keep ("Justerande ……… ………" over
         * "Jonas Åberg Nora Lindahl"): each side is its own fragment */
        size_t m = 0;
        for (size_t i = 0; i < n; i++) m += frags[i].w1 - frags[i].w0;
        pdf_frag *split = samla_arena_alloc(r->ctx->arena, (m ? m : 1) * sizeof *split);
        if (!split) return SAMLA_ERR_NOMEM;
        size_t k = 0;
        double jright = -1e9; /* the right end of the cell's widest line of two words or more */
        for (size_t i = 0; i < n; i++)
            if (frags[i].w1 - frags[i].w0 >= 2) jright = fmax(jright, frags[i].line->words[frags[i].w1 - 1].x1);
        for (size_t i = 0; i < n; i++) {
            const pdf_word *w = frags[i].line->words;
            size_t a = frags[i].w0;
            bool justified = justified_frag(frags, n, i, wrap, jright);
            /* PDF-CELL-MARKER-GAP: a bullet glyph opening the fragment, set a tab before its text (LibreOffice's
             * list in a cell: *•* then *Fler invånare …* 1.5 em on), is the text's marker, not a sub-cell */
            bool bullet = false;
            size_t lead = frags[i].w1 - a >= 2 && pdf_marker(r->set, &w[a], frags[i].w1 - a, &bullet) && bullet &&
                                  w[a + 1].x0 - w[a].x1 < 3 * r->body_size
                              ? a + 1
                              : a;
            for (size_t j = a + 1; j <= frags[i].w1; j++) {
                if (j == lead) continue;
                if (j < frags[i].w1 && (justified || w[j].x0 - w[j - 1].x1 < 1.5 * r->body_size)) continue;
                split[k++] = (pdf_frag){frags[i].line, a, j};
                a = j;
            }
        }
        if (k > n) order_subcells(r, split, k);
        frags = split;
        n = k;
    }
    frag_info *fi = samla_arena_alloc(r->ctx->arena, n * sizeof *fi);
    if (!fi) return SAMLA_ERR_NOMEM;
    pdf_nesting cell_nest = {.depth = 0};
    pdf_nesting *nest = in_cell ? &cell_nest : &r->nesting;
    for (size_t i = 0; i < n; i++) {
        measure(r, &frags[i], &fi[i]);
        if (!fi[i].text) return SAMLA_ERR_NOMEM;
    }
    double right = wrap_edge(r, frags, fi, n, in_cell);
    if (wrap > right) right = wrap;
    bool hyphenates = in_cell && hyphenated_cell(r->set, fi, n);
    for (size_t i = 1; in_cell && !hyphenates && i < n; i++) fi[i].glue = broken_word(r, fi, i, right);
    /* per fragment, the run's closest pitch of two lines of its size (PDF-PARA-LOWER-GAP; PDF-PARA-LOWER-GAP-SIZE:
       a heading's lines are set further apart than the body's) */
    double *line_pitch = samla_arena_alloc(r->ctx->arena, n * sizeof *line_pitch);
    if (!line_pitch) return SAMLA_ERR_NOMEM;
    double seen_size[8], seen_pitch[8]; /* each size's pitch computed once (a run holds few sizes) */
    size_t nseen = 0;
    for (size_t k = 0; k < n; k++) {
        size_t j = 0;
        while (j < nseen && fabs(seen_size[j] - fi[k].size) >= 0.01) j++;
        if (j < nseen) {
            line_pitch[k] = seen_pitch[j];
            continue;
        }
        line_pitch[k] = in_cell ? 0 : run_pitch(fi, n, fi[k].size);
        if (nseen < 8) seen_size[nseen] = fi[k].size, seen_pitch[nseen++] = line_pitch[k];
    }
    if (in_cell) {
        *cell_out = samla_arena_alloc(r->ctx->arena, (n + 1) * sizeof **cell_out);
        *ncell_out = 0;
        if (!*cell_out) return SAMLA_ERR_NOMEM;
    }
    size_t start = 0;
    for (size_t i = 1; i <= n; i++) {
        if (i < n && !breaks_before(r, fi, i, start, right, pitch, line_pitch[i], in_cell)) continue;
        samla_block *b = make_block(r, fi, start, i, nest, in_cell);
        if (!b) return SAMLA_ERR_NOMEM;
        if (*b->text) {
            if (in_cell) {
                (*cell_out)[(*ncell_out)++] = b;
            } else if (start == 0 && r->run_last && continues_page(r, b, &fi[0])) {
                /* a paragraph split by a page break: one block, on its first page */
                char *t = pdf_join_texts(r, r->run_last->text, b->text);
                samla_block *nb = t ? samla_block_new(&r->ctx->doc, r->run_last->kind, t) : NULL;
                if (!nb) return SAMLA_ERR_NOMEM;
                r->run_last->text = nb->text;
                r->run_last_x1 = fi[i - 1].x1;
                r->run_last_right = right;
            } else {
                samla_status st = samla_doc_append(&r->ctx->doc, b);
                if (st != SAMLA_OK) return st;
                r->emitted_since_table = true;
                bool prose = b->kind == SAMLA_BLOCK_PARAGRAPH || b->kind == SAMLA_BLOCK_LIST_ITEM;
                r->run_last = prose ? b : NULL;
                r->run_last_x1 = fi[i - 1].x1;
                r->run_last_right = right;
            }
        }
        start = i;
    }
    return SAMLA_OK;
}

samla_status pdf_emit_furniture_line(pdf_reader *r, const pdf_line *l, pdf_role role)
{
    pdf_frag f = {l, 0, l->nwords};
    samla_block *b = samla_block_new(&r->ctx->doc, role == PDF_HEADER ? SAMLA_BLOCK_HEADER : SAMLA_BLOCK_FOOTER,
                                     pdf_frag_text(r->ctx->arena, &f));
    if (!b) return SAMLA_ERR_NOMEM;
    b->x0 = l->x0, b->y0 = l->y0, b->x1 = l->x1, b->y1 = l->y1;
    b->style.font_size = l->size;
    b->style.bold = l->bold;
    b->style.italic = l->italic;
    return samla_doc_append(&r->ctx->doc, b);
}

static samla_status emit_furniture(pdf_reader *r, const pdf_page *p, pdf_role role)
{
    for (size_t i = 0; i < p->nlines; i++) {
        const pdf_line *l = &p->lines[i];
        if (l->role != role || !l->nwords) continue;
        samla_status st = pdf_emit_furniture_line(r, l, role);
        if (st != SAMLA_OK) return st;
    }
    return SAMLA_OK;
}

/* Body text lines [a, b) outside any region, as one run of fragments. */
static samla_status emit_plain(pdf_reader *r, const pdf_line *const *lines, size_t a, size_t b)
{
    if (a >= b) return SAMLA_OK;
    samla_status st = pdf_close_table(r);
    pdf_frag *f = samla_arena_alloc(r->ctx->arena, (b - a) * sizeof *f);
    if (!f) return SAMLA_ERR_NOMEM;
    for (size_t i = a; i < b; i++) f[i - a] = (pdf_frag){lines[i], 0, lines[i]->nwords};
    return st == SAMLA_OK ? pdf_emit_frags(r, f, b - a, false, 0, 0, NULL, NULL) : st;
}

static samla_status emit_columns(pdf_reader *r, const pdf_region *g, const pdf_line *const *lines)
{
    samla_status st = pdf_close_table(r);
    size_t n = g->last - g->first;
    r->column_bound = g->bounds[0];
    pdf_frag *f = samla_arena_alloc(r->ctx->arena, (n ? n : 1) * sizeof *f);
    if (!f) return SAMLA_ERR_NOMEM;
    for (size_t c = 0; c < g->ncols && st == SAMLA_OK; c++) {
        r->nesting.depth = 0; /* a list never runs on into the next text column */
        size_t k = 0;
        for (size_t i = g->first; i < g->last; i++) {
            pdf_frag cf = pdf_column_frag(g, lines[i], c);
            if (cf.w1 > cf.w0) f[k++] = cf;
        }
        st = pdf_emit_frags(r, f, k, false, 0, 0, NULL, NULL);
    }
    return st;
}

/* Line l of contents region g ends in a page number: a word of digits alone that reaches into the page-number
 * column (a wider number starts left of the column's start). */
static bool page_numbered(const pdf_region *g, const pdf_line *l)
{
    if (l->nwords < 2) return false;
    const pdf_word *w = &l->words[l->nwords - 1];
    return w->x1 > g->bounds[g->ncols - 2] && *w->text && strspn(w->text, "0123456789") == strlen(w->text);
}

/* A table of contents region: each line one paragraph ("Inledning 3") with
 * the style name "contents" (the heading pass leaves them out of the
 * paragraph spacing it measures). */
static samla_status emit_contents(pdf_reader *r, const pdf_region *g, const pdf_line *const *lines)
{
    samla_status st = pdf_close_table(r);
    samla_doc *d = &r->ctx->doc;
    /* PDF-CONTENTS-WRAP-TOP: the list's last line has nothing in the page-number column, so its entry's number
     * stood beside a line above: the numbers stand beside the entries' first lines, and every line without one
     * goes on the entry above it, whatever its case (*Målområde 3 –  4* / *Kompetensförsörjning och* /
     * *arbetsmiljö*) */
    bool top = false;
    pdf_frag *f = samla_arena_alloc(r->ctx->arena, (g->last - g->first + 1) * sizeof *f);
    if (!f) return SAMLA_ERR_NOMEM;
    if (g->ncols >= 2 && g->last > g->first + 1) top = !page_numbered(g, lines[g->last - 1]);
    for (size_t i = g->first; i < g->last && st == SAMLA_OK; i++) {
        f[0] = (pdf_frag){lines[i], 0, lines[i]->nwords};
        size_t from = d->nblocks, nf = 1;
        r->run_last = NULL;
        /* PDF-CONTENTS-WRAP: an entry whose page number stands beside its first line (Chromium's flex
         * contents) wraps onto a line with nothing in the page-number column that starts lower case: the
         * entry's title is both lines, its page number after them */
        const pdf_word *num = NULL;
        if (i + 1 < g->last && g->ncols >= 2 && lines[i]->nwords >= 2 && lines[i + 1]->nwords) {
            pdf_frag pn = pdf_column_frag(g, lines[i], g->ncols - 1);
            pdf_frag nx = pdf_column_frag(g, lines[i + 1], g->ncols - 1);
            if (pn.w1 == lines[i]->nwords && pn.w1 - pn.w0 == 1 && pn.w0 > 0 && nx.w1 <= nx.w0 &&
                (top || pdf_starts_lower(lines[i + 1]->words[0].text))) {
                num = &lines[i]->words[pn.w0];
                f[0].w1 = pn.w0;
                f[1] = (pdf_frag){lines[i + 1], 0, lines[i + 1]->nwords};
                nf = 2;
                i++;
                while (top && i + 1 < g->last && lines[i + 1]->nwords && !page_numbered(g, lines[i + 1])) {
                    f[nf++] = (pdf_frag){lines[i + 1], 0, lines[i + 1]->nwords};
                    i++;
                }
            }
        }
        st = pdf_emit_frags(r, f, nf, false, 0, 0, NULL, NULL);
        if (st == SAMLA_OK && num && d->nblocks > from) {
            samla_block *b = d->blocks[d->nblocks - 1];
            char *t = pdf_join_texts(r, b->text, num->text);
            if (!t) return SAMLA_ERR_NOMEM;
            b->text = t;
        }
        for (size_t k = from; k < d->nblocks; k++) d->blocks[k]->style.name = PDF_CONTENTS_STYLE;
    }
    r->run_last = NULL;
    return st;
}

/* Region g of a text column (lines [0, n) of it) is justified prose: half its lines or more run from the
 * column's left edge to within half an em of its right edge (a narrow justified column stretches its
 * spaces into gaps a table's gutters could be). */
static bool column_prose(const pdf_reader *r, const pdf_region *g, const pdf_line *const *lines, size_t n)
{
    double x0 = 1e9, x1 = -1e9;
    for (size_t i = 0; i < n; i++) x0 = fmin(x0, lines[i]->x0), x1 = fmax(x1, lines[i]->x1);
    size_t full = 0;
    for (size_t i = g->first; i < g->last; i++)
        full += lines[i]->x0 <= x0 + 1 && lines[i]->x1 >= x1 - 0.5 * r->body_size;
    return 2 * full >= g->last - g->first;
}

/* Region g holds text other than a list marker in its first column on two lines or more: a bullet list in
 * a text column, its hanging indent over one prose line's first word, is no table. */
static bool labelled(const pdf_reader *r, const pdf_region *g, const pdf_line *const *lines)
{
    size_t n = 0;
    for (size_t i = g->first; i < g->last && n < 2; i++) {
        pdf_frag f = pdf_column_frag(g, lines[i], 0);
        bool bullet, marker = f.w1 - f.w0 == 1 &&
                              pdf_marker(r->set, &lines[i]->words[f.w0], lines[i]->nwords - f.w0, &bullet);
        n += f.w1 > f.w0 && !marker;
    }
    return n >= 2;
}

/* Body lines [0, n) of page p: plain runs, text columns, contents and tables by the regions found among them;
 * column: the lines are one text column of a two-column section, where a contents list or a ruled table is a
 * region of its own (PDF-LINE-GUTTER-REGIONS) and an unruled one only when it is no justified prose and has a
 * label column (PDF-COLUMN-TABLES). */
static samla_status layout_lines(pdf_reader *r, const pdf_page *p, const pdf_line **body, size_t n, bool column)
{
    size_t ng = 0;
    samla_status st = SAMLA_OK;
    pdf_region *g = pdf_page_regions(r, p, body, n, &ng);
    for (size_t k = 0; g && k < ng; k++) pdf_ruled_foot(r, &g[k], body, n);
    if (column) {
        size_t kept = 0;
        for (size_t k = 0; k < ng; k++)
            if (g[k].ruled || g[k].contents || g[k].header_only ||
                (!column_prose(r, &g[k], body, n) && labelled(r, &g[k], body)))
                g[kept++] = g[k];
        ng = kept;
    }
    size_t at = 0;
    for (size_t k = 0; k < ng && st == SAMLA_OK; k++) {
        st = emit_plain(r, body, at, g[k].first);
        if (st != SAMLA_OK) break;
        st = g[k].text_columns ? emit_columns(r, &g[k], body)
             : g[k].contents   ? emit_contents(r, &g[k], body)
                               : pdf_emit_table(r, &g[k], body);
        at = g[k].last;
    }
    if (st == SAMLA_OK) st = emit_plain(r, body, at, n);
    return st;
}

samla_status pdf_layout_page(pdf_reader *r, const pdf_page *p)
{
    r->page = p;
    samla_status st = emit_furniture(r, p, PDF_HEADER);
    const pdf_line **body = samla_arena_alloc(r->ctx->arena, (p->nlines + 1) * sizeof *body);
    if (!body) return SAMLA_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < p->nlines; i++)
        if (p->lines[i].role == PDF_BODY && p->lines[i].nwords) body[n++] = &p->lines[i];
    /* notes in small print at the foot of the body come after it (PDF-FOOTNOTE-FOOT) */
    size_t notes = pdf_footnote_start(r, body, n, false), nall = n;
    n = notes;
    /* a two-column section (PDF-LINE-GUTTER) is laid out column by column, each on its own; a paragraph the
     * left column ends may run on at the top of the right one */
    for (size_t at = 0, end; at < n && st == SAMLA_OK; at = end) {
        end = at + 1;
        while (end < n && body[end]->sec == body[at]->sec) end++;
        if (!body[at]->sec) {
            st = layout_lines(r, p, body + at, end - at, false);
            continue;
        }
        /* the section's lines are merged by height: the left column's first, then the right column's */
        const pdf_line **col = samla_arena_alloc(r->ctx->arena, (end - at) * sizeof *col);
        if (!col) return SAMLA_ERR_NOMEM;
        size_t k = 0, left;
        for (size_t i = at; i < end; i++)
            if (body[i]->col == 1) col[k++] = body[i];
        left = k;
        for (size_t i = at; i < end; i++)
            if (body[i]->col != 1) col[k++] = body[i];
        /* each column's notes at its foot follow the section (PDF-FOOTNOTE-COLUMN) */
        size_t lnotes = pdf_footnote_start(r, col, left, true), rnotes = pdf_footnote_start(r, col + left, k - left, true);
        r->nesting.depth = 0;
        /* each column is laid out as a page of its own: a table set in one text column is a table
         * (PDF-COLUMN-TABLES: an attendance table in the left column beside the first item in the right) */
        r->next_column = rnotes && lnotes ? col[left] : NULL;
        r->column_last = lnotes ? col[lnotes - 1] : NULL;
        st = layout_lines(r, p, col, lnotes, true);
        r->next_column = r->column_last = NULL;
        r->nesting.depth = 0;
        r->column_break = true;
        if (st == SAMLA_OK) st = layout_lines(r, p, col + left, rnotes, true);
        r->column_break = false;
        if (st == SAMLA_OK && lnotes < left) st = pdf_emit_footnotes(r, col, lnotes, left);
        if (st == SAMLA_OK && rnotes < k - left) st = pdf_emit_footnotes(r, col + left, rnotes, k - left);
    }
    if (st == SAMLA_OK && notes < nall) st = pdf_emit_footnotes(r, body, notes, nall);
    if (st == SAMLA_OK) st = emit_furniture(r, p, PDF_FOOTER);
    return st;
}
