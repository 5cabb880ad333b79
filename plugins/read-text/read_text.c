/* read_text.c: reader plugin for plain text and the markdown-like seed texts.
 *
 * One line is one block. Markdown headings (`#`..`######`) become headings,
 * `- `/`* `/`• ` lines list items (two spaces of indent per level), `1. `/`a) `
 * lines numbered list items, section-numbered lines without a final full stop
 * (`2.1.1 Det finns …`) headings at the depth of their number, consecutive
 * lines with tab characters a table
 * (one row per line, cells split on tabs), form feeds start a new page.
 * `**bold**` markers are dropped from the text but a line that is bold as a
 * whole is marked bold. Leftover HTML tags (`<p>`, `<i>`) are removed. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "samla/samla.h"

typedef struct reader {
    samla_re *heading, *bullet, *number, *section, *tag;
} reader;

static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    (void)rt;
    (void)cfg;
    reader *r = calloc(1, sizeof *r);
    if (!r) return SAMLA_ERR_NOMEM;
    r->heading = samla_re_compile("^(#{1,6})\\s+(.*)$", 0, diag);
    r->bullet = samla_re_compile("^(\\s*)[-*•–]\\s+(.*)$", 0, diag);
    r->number = samla_re_compile("^(\\s*)(\\d{1,3}[.)]|[a-zåäö][.)])\\s+(.*)$", 0, diag);
    /* "2.1.1 Title": a section number (no trailing dot) and a capitalised title */
    r->section = samla_re_compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,4})\\s+(\\p{Lu}.{1,150})$", 0, diag);
    r->tag = samla_re_compile("</?(?:p|i|b|u|em|strong|sup|sub|br|span)\\b[^>]*>", SAMLA_RE_CASELESS, diag);
    *state = r;
    return r->heading && r->bullet && r->number && r->section && r->tag ? SAMLA_OK : SAMLA_ERR_INTERNAL;
}

static void fini(void *state)
{
    reader *r = state;
    if (!r) return;
    samla_re_free(r->heading);
    samla_re_free(r->bullet);
    samla_re_free(r->number);
    samla_re_free(r->section);
    samla_re_free(r->tag);
    free(r);
}

/* Removes inline markup; sets *bold when the whole line was **bold**. */
static char *strip_markup(samla_ctx *ctx, const reader *r, const char *line, bool *bold)
{
    size_t n = strlen(line);
    *bold = n > 4 && strncmp(line, "**", 2) == 0 && strcmp(line + n - 2, "**") == 0;
    char *out = samla_arena_alloc(ctx->arena, n + 1);
    if (!out) return NULL;
    size_t o = 0, i = 0;
    samla_match m;
    size_t next_tag = samla_re_search(r->tag, line, 0, &m) ? m.start[0] : n;
    while (i < n) {
        if (i == next_tag) {
            /* block tags (<p>, <br>) separate words; inline ones (<i>, <b>,
             * <sup>, <span>) do not: "<i>rapporten</i>." is "rapporten." */
            const char *name = line + i + 1 + (line[i + 1] == '/');
            bool block = (name[0] == 'p' || name[0] == 'P') ||
                         ((name[0] == 'b' || name[0] == 'B') && (name[1] == 'r' || name[1] == 'R'));
            i = m.end[0];
            next_tag = samla_re_search(r->tag, line, i, &m) ? m.start[0] : n;
            if (block) out[o++] = ' ';
            continue;
        }
        if (line[i] == '*' && line[i + 1] == '*') {
            i += 2;
            continue;
        }
        out[o++] = line[i++];
    }
    out[o] = '\0';
    return out;
}

static int indent_level(const char *s, size_t len)
{
    size_t spaces = 0;
    for (size_t i = 0; i < len; i++) spaces += s[i] == '\t' ? 2 : 1;
    return 1 + (int)(spaces / 2);
}

/* Adds the run of tab-separated lines [first, last) as one table. */
static samla_status add_table(samla_ctx *ctx, const reader *r, char **lines, size_t first, size_t last)
{
    size_t ncols = 0;
    for (size_t i = first; i < last; i++) {
        size_t c = 1;
        for (const char *p = lines[i]; *p; p++) c += *p == '\t';
        if (c > ncols) ncols = c;
    }
    samla_block *t = samla_block_new(&ctx->doc, SAMLA_BLOCK_TABLE, "");
    if (!t || samla_table_init(&ctx->doc, t, last - first, ncols) != SAMLA_OK) return SAMLA_ERR_NOMEM;
    for (size_t i = first; i < last; i++) {
        char *save = NULL, *line = samla_arena_strdup(ctx->arena, lines[i]);
        size_t c = 0;
        for (char *cell = line; cell && c < ncols; c++) {
            char *tab = strchr(cell, '\t');
            if (tab) *tab = '\0';
            bool bold;
            char *text = strip_markup(ctx, r, cell, &bold);
            samla_block *b = samla_block_new(&ctx->doc, SAMLA_BLOCK_PARAGRAPH, text);
            if (!b) return SAMLA_ERR_NOMEM;
            if (*b->text) samla_cell_append(&ctx->doc, samla_table_cell(t, i - first, c), b);
            samla_table_cell(t, i - first, c)->header = i == first;
            cell = tab ? tab + 1 : NULL;
        }
        (void)save;
    }
    samla_table_finish(&ctx->doc, t);
    return samla_doc_append(&ctx->doc, t);
}

static samla_status add_line(samla_ctx *ctx, const reader *r, const char *line)
{
    samla_match m;
    samla_block_kind kind = SAMLA_BLOCK_PARAGRAPH;
    int level = 0;
    const char *text = line;
    char *numbering = NULL;
    if (samla_re_search(r->heading, line, 0, &m)) {
        kind = SAMLA_BLOCK_HEADING;
        level = (int)(m.end[1] - m.start[1]);
        text = line + m.start[2];
    } else if (samla_re_search(r->section, line, 0, &m) && line[strlen(line) - 1] != '.') {
        kind = SAMLA_BLOCK_HEADING;
        numbering = samla_match_group(ctx->arena, &m, line, 1);
        level = 1;
        for (const char *p = numbering; *p; p++) level += *p == '.';
        text = line;
    } else if (samla_re_search(r->bullet, line, 0, &m)) {
        kind = SAMLA_BLOCK_LIST_ITEM;
        level = indent_level(line, m.end[1]);
        text = line + m.start[2];
        numbering = samla_arena_strdup(ctx->arena, "•");
    } else if (samla_re_search(r->number, line, 0, &m)) {
        kind = SAMLA_BLOCK_LIST_ITEM;
        level = indent_level(line, m.end[1]);
        numbering = samla_match_group(ctx->arena, &m, line, 2);
        text = line + m.start[3];
    }
    bool bold;
    char *clean = strip_markup(ctx, r, text, &bold);
    if (!clean) return SAMLA_ERR_NOMEM;
    samla_block *b = samla_block_new(&ctx->doc, kind, clean);
    if (!b) return SAMLA_ERR_NOMEM;
    if (!*b->text) return SAMLA_OK;
    b->level = level;
    b->numbering = numbering;
    b->style.bold = bold;
    return samla_doc_append(&ctx->doc, b);
}

static samla_status process(void *state, samla_ctx *ctx)
{
    const reader *r = state;
    char *text = samla_arena_strndup(ctx->arena, (const char *)ctx->doc.bytes, ctx->doc.size);
    if (!text) return SAMLA_ERR_NOMEM;
    if ((unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB && (unsigned char)text[2] == 0xBF) text += 3;
    /* split into lines (CRLF too) */
    size_t cap = 1024, n = 0;
    char **lines = malloc(cap * sizeof *lines);
    if (!lines) return SAMLA_ERR_NOMEM;
    for (char *p = text; p;) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = '\0';
        size_t l = strlen(p);
        if (l && p[l - 1] == '\r') p[l - 1] = '\0';
        if (n == cap) {
            char **nlines = realloc(lines, (cap *= 2) * sizeof *lines);
            if (!nlines) {
                free(lines);
                return SAMLA_ERR_NOMEM;
            }
            lines = nlines;
        }
        lines[n++] = p;
        p = nl ? nl + 1 : NULL;
    }
    samla_status st = SAMLA_OK;
    bool paged = memchr(ctx->doc.bytes, '\f', ctx->doc.size) != NULL;
    if (paged) samla_doc_add_page(&ctx->doc, 0, 0);
    for (size_t i = 0; i < n && st == SAMLA_OK;) {
        char *line = lines[i];
        if (paged && line[0] == '\f') {
            samla_doc_add_page(&ctx->doc, 0, 0);
            line++;
        }
        if (strchr(line, '\t') && line[strspn(line, "\t ")] != '\0') {
            size_t j = i;
            while (j < n && strchr(lines[j], '\t') && lines[j][strspn(lines[j], "\t ")] != '\0') j++;
            st = add_table(ctx, r, lines, i, j);
            i = j;
            continue;
        }
        st = add_line(ctx, r, line);
        i++;
    }
    free(lines);
    return st;
}

static const char *const formats[] = {"text", NULL};
static const char *const provides[] = {"content", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "read-text",
    .version = "1.0.0",
    .description = "reads plain text and markdown-like text (headings, lists, tab tables)",
    .stage = SAMLA_STAGE_READER,
    .accepts = formats,
    .provides = provides,
    .init = init,
    .process = process,
    .fini = fini,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
