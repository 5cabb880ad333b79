/* numbering.c: list labels from word/numbering.xml. Each w:num points at a
 * w:abstractNum whose w:lvl entries give the number format (decimal,
 * letters, roman, bullet) and the label text ("%1.", "%1.%2"); counters
 * are kept per numId and level, deeper levels restart when a shallower one
 * advances, and w:start / w:lvlOverride/w:startOverride are honoured. */
#include <stdio.h>
#include <string.h>

#include "docx.h"

#define NLVL 9

typedef enum { FMT_DECIMAL, FMT_DECIMAL_ZERO, FMT_LOWER_LETTER, FMT_UPPER_LETTER, FMT_LOWER_ROMAN,
               FMT_UPPER_ROMAN, FMT_BULLET, FMT_NONE } num_fmt;

typedef struct lvl_def {
    num_fmt fmt;
    const char *text;   /* lvlText, NULL = none */
    long start;
} lvl_def;

typedef struct abstract_num {
    long id;
    lvl_def lvl[NLVL];
} abstract_num;

typedef struct num_inst {
    long id;
    const abstract_num *abs;
    long start_override[NLVL];  /* -1 = none */
    lvl_def *lvl_override[NLVL]; /* full w:lvl inside w:lvlOverride, or NULL */
    long count[NLVL];
    bool started[NLVL];
} num_inst;

struct docx_numbering {
    abstract_num *abs;
    size_t nabs;
    num_inst *nums;
    size_t nnums;
};

static num_fmt parse_fmt(const char *s)
{
    if (!s) return FMT_DECIMAL;
    if (strcmp(s, "decimalZero") == 0) return FMT_DECIMAL_ZERO;
    if (strcmp(s, "lowerLetter") == 0) return FMT_LOWER_LETTER;
    if (strcmp(s, "upperLetter") == 0) return FMT_UPPER_LETTER;
    if (strcmp(s, "lowerRoman") == 0) return FMT_LOWER_ROMAN;
    if (strcmp(s, "upperRoman") == 0) return FMT_UPPER_ROMAN;
    if (strcmp(s, "bullet") == 0) return FMT_BULLET;
    if (strcmp(s, "none") == 0) return FMT_NONE;
    return FMT_DECIMAL;
}

static void read_lvl(samla_arena *a, const xmlNode *l, lvl_def *d)
{
    d->fmt = parse_fmt(docx_child_val(l, "numFmt"));
    const char *t = docx_child_val(l, "lvlText");
    if (t) d->text = samla_arena_strdup(a, t);
    d->start = docx_long(docx_child_val(l, "start"), 1);
    if (d->start < 0 || d->start > 100000) d->start = 1;
}

static const abstract_num *find_abs(const docx_numbering *nb, long id)
{
    for (size_t i = 0; i < nb->nabs; i++)
        if (nb->abs[i].id == id) return &nb->abs[i];
    return NULL;
}

docx_numbering *docx_numbering_load(samla_arena *a, xmlDocPtr doc)
{
    docx_numbering *nb = samla_arena_alloc(a, sizeof *nb);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!nb || !root) return nb;
    size_t na = 0, nn = 0;
    for (xmlNode *c = root->children; c; c = c->next) {
        na += docx_is_w(c, "abstractNum");
        nn += docx_is_w(c, "num");
    }
    nb->abs = samla_arena_alloc(a, (na ? na : 1) * sizeof *nb->abs);
    nb->nums = samla_arena_alloc(a, (nn ? nn : 1) * sizeof *nb->nums);
    if (!nb->abs || !nb->nums) return NULL;
    for (xmlNode *c = root->children; c; c = c->next) {
        if (!docx_is_w(c, "abstractNum")) continue;
        abstract_num *an = &nb->abs[nb->nabs++];
        an->id = docx_long(docx_attr(c, "abstractNumId"), -1);
        for (int i = 0; i < NLVL; i++) an->lvl[i].start = 1;
        for (xmlNode *l = c->children; l; l = l->next) {
            long il = docx_long(docx_attr(l, "ilvl"), -1);
            if (docx_is_w(l, "lvl") && il >= 0 && il < NLVL) read_lvl(a, l, &an->lvl[il]);
        }
    }
    for (xmlNode *c = root->children; c; c = c->next) {
        if (!docx_is_w(c, "num")) continue;
        num_inst *ni = &nb->nums[nb->nnums++];
        ni->id = docx_long(docx_attr(c, "numId"), -1);
        ni->abs = find_abs(nb, docx_long(docx_child_val(c, "abstractNumId"), -1));
        for (int i = 0; i < NLVL; i++) ni->start_override[i] = -1;
        for (xmlNode *o = c->children; o; o = o->next) {
            long il = docx_long(docx_attr(o, "ilvl"), -1);
            if (!docx_is_w(o, "lvlOverride") || il < 0 || il >= NLVL) continue;
            long so = docx_long(docx_child_val(o, "startOverride"), -1);
            if (so >= 0 && so <= 100000) ni->start_override[il] = so;
            const xmlNode *l = docx_child(o, "lvl");
            if (l && (ni->lvl_override[il] = samla_arena_alloc(a, sizeof(lvl_def)))) {
                ni->lvl_override[il]->start = 1;
                read_lvl(a, l, ni->lvl_override[il]);
            }
        }
    }
    return nb;
}

static const lvl_def *level_def(const num_inst *ni, int i)
{
    if (ni->lvl_override[i]) return ni->lvl_override[i];
    return ni->abs ? &ni->abs->lvl[i] : NULL;
}

static long level_start(const num_inst *ni, int i)
{
    if (ni->start_override[i] >= 0) return ni->start_override[i];
    const lvl_def *d = level_def(ni, i);
    return d ? d->start : 1;
}

static void roman(char *out, size_t cap, long v, bool upper)
{
    static const struct { int v; const char *s; } R[] = {
        {1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
        {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}};
    size_t o = 0;
    if (v <= 0 || v >= 4000) {
        snprintf(out, cap, "%ld", v);
        return;
    }
    for (size_t k = 0; k < sizeof R / sizeof R[0]; k++)
        while (v >= R[k].v && o + 3 < cap) {
            for (const char *p = R[k].s; *p; p++) out[o++] = upper ? (char)(*p - 'a' + 'A') : *p;
            v -= R[k].v;
        }
    out[o] = '\0';
}

/* One level's counter in its format. */
static void format_count(char *out, size_t cap, num_fmt fmt, long v)
{
    switch (fmt) {
    case FMT_DECIMAL_ZERO: snprintf(out, cap, "%02ld", v); break;
    case FMT_LOWER_LETTER:
    case FMT_UPPER_LETTER: {
        /* a..z, then aa..zz, as Word does */
        if (v <= 0) {
            snprintf(out, cap, "%ld", v);
            break;
        }
        long reps = (v - 1) / 26 + 1;
        char ch = (char)((fmt == FMT_LOWER_LETTER ? 'a' : 'A') + (v - 1) % 26);
        size_t o = 0;
        for (long r = 0; r < reps && o + 1 < cap; r++) out[o++] = ch;
        out[o] = '\0';
        break;
    }
    case FMT_LOWER_ROMAN: roman(out, cap, v, false); break;
    case FMT_UPPER_ROMAN: roman(out, cap, v, true); break;
    case FMT_NONE: out[0] = '\0'; break;
    default: snprintf(out, cap, "%ld", v); break;
    }
}

/* Bullet glyphs from Symbol/Wingdings (private use U+F000..U+F0FF) and
 * empty bullet texts become "•". */
static char *bullet_label(samla_arena *a, const char *text)
{
    const unsigned char *t = (const unsigned char *)(text ? text : "");
    if (!*t || (t[0] == 0xEF && (t[1] == 0x80 || t[1] == 0x81 || t[1] == 0x82 || t[1] == 0x83)))
        return samla_arena_strdup(a, "•");
    return samla_arena_strdup(a, text);
}

char *docx_numbering_next(docx_numbering *nb, samla_arena *a, int num_id, int ilvl)
{
    if (!nb || ilvl < 0 || ilvl >= NLVL) return NULL;
    num_inst *ni = NULL;
    for (size_t i = 0; i < nb->nnums; i++)
        if (nb->nums[i].id == num_id) ni = &nb->nums[i];
    if (!ni) return NULL;
    const lvl_def *d = level_def(ni, ilvl);
    if (!d) return NULL;
    if (ni->started[ilvl]) {
        ni->count[ilvl]++;
    } else {
        ni->count[ilvl] = level_start(ni, ilvl);
        ni->started[ilvl] = true;
    }
    for (int i = ilvl + 1; i < NLVL; i++) ni->started[i] = false;
    if (d->fmt == FMT_BULLET) return bullet_label(a, d->text);
    if (!d->text) return NULL;
    char out[256];
    size_t o = 0;
    for (const char *p = d->text; *p && o + 1 < sizeof out; p++) {
        if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
            int k = p[1] - '1';
            const lvl_def *dk = level_def(ni, k);
            long v = ni->started[k] || k == ilvl ? ni->count[k] : level_start(ni, k);
            char num[64];
            format_count(num, sizeof num, dk ? dk->fmt : FMT_DECIMAL, v);
            for (const char *q = num; *q && o + 1 < sizeof out; q++) out[o++] = *q;
            p++;
            continue;
        }
        out[o++] = *p;
    }
    out[o] = '\0';
    size_t sp = strspn(out, " \t");
    if (!out[sp]) return NULL;
    return samla_arena_strdup(a, out + sp);
}
