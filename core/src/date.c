/* date.c: finding dates, times and meeting time spans in Swedish text. Each pattern is compiled once per
 * process, on first use (thread-safe through g_once), and kept for the process's life. */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "samla/pattern.h"
#include "samla/text.h"

static const char *const months[] = {"jan", "feb", "mar", "apr", "maj", "jun",
                                     "jul", "aug", "sep", "okt", "nov", "dec"};

static int month_number(const char *name)
{
    char low[5] = {0};
    for (int i = 0; i < 3 && name[i]; i++) low[i] = (char)(name[i] | 0x20);
    for (int m = 0; m < 12; m++)
        if (strncmp(low, months[m], 3) == 0) return m + 1;
    return 0;
}

/* Integer value of group g (its digits only), 0 when unset. */
static long group_num(const samla_re *re, const samla_match *m, const char *s, const char *name)
{
    int g = samla_re_group_index(re, name);
    if (g < 0 || g >= m->ngroups || m->start[g] == (size_t)-1) return 0;
    long v = 0;
    for (size_t i = m->start[g]; i < m->end[g] && s[i] >= '0' && s[i] <= '9'; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static bool valid_ymd(long y, long m, long d)
{
    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* Turns one match into the result string, or NULL to look further. */
typedef char *(*convert_fn)(samla_arena *a, const samla_re *re, const samla_match *m, const char *s);

/* One of this file's patterns, compiled on the first call (any thread) and never freed: a process-lifetime
 * cache, reachable from *slot. NULL only if the pattern does not compile (a bug caught by the unit tests). */
static const samla_re *cached(gsize *once, samla_re **slot, const char *pat)
{
    if (g_once_init_enter(once)) {
        samla_diag d;
        samla_diag_init(&d);
        *slot = samla_re_compile(pat, SAMLA_RE_CASELESS, &d);
        samla_diag_clear(&d);
        g_once_init_leave(once, 1);
    }
    return *slot;
}

/* The first match of re in s that convert accepts; *start / *end (each optional) get its offsets. */
static char *find_first(samla_arena *a, const char *s, size_t *start, size_t *end, const samla_re *re, convert_fn convert)
{
    if (!s || !re) return NULL;
    char *out = NULL;
    samla_match m;
    size_t from = 0;
    while (!out && samla_re_search(re, s, from, &m)) {
        out = convert(a, re, &m, s);
        if (out && start) *start = m.start[0];
        if (out && end) *end = m.end[0];
        from = m.end[0] > m.start[0] ? m.end[0] : m.start[0] + 1;
    }
    return out;
}

static char *convert_date(samla_arena *a, const samla_re *re, const samla_match *m, const char *s)
{
    static const char *const groups[5][3] = {{"y1", "m1", "d1"}, {"y2", "m2", "d2"}, {"y3", NULL, "d3"}, {"y4", "m4", "d4"},
                                             {"y5", "m5", "d5"}};
    long y = 0, mo = 0, dd = 0;
    for (int alt = 0; alt < 5 && !y; alt++) {
        y = group_num(re, m, s, groups[alt][0]);
        if (!y) continue;
        dd = group_num(re, m, s, groups[alt][2]);
        if (groups[alt][1]) mo = group_num(re, m, s, groups[alt][1]);
        else mo = month_number(s + m->start[samla_re_group_index(re, "mn")]);
    }
    return valid_ymd(y, mo, dd) ? samla_arena_printf(a, "%04ld-%02ld-%02ld", y, mo, dd) : NULL;
}

static char *convert_time(samla_arena *a, const samla_re *re, const samla_match *m, const char *s)
{
    bool first = m->start[samla_re_group_index(re, "h1")] != (size_t)-1;
    long h = group_num(re, m, s, first ? "h1" : "h2");
    long mi = group_num(re, m, s, first ? "m1" : "m2");
    return h <= 24 && mi < 60 ? samla_arena_printf(a, "%02ld:%02ld", h, mi) : NULL;
}

char *samla_text_find_date_at(samla_arena *a, const char *s, size_t *start, size_t *end)
{
    /* alternatives: ISO-ish y-m-d, compact ymd, d month y, d/m y, d.m.y */
    static const char *pat =
        "(?<![\\d/-])(?:"
        "(?<y1>(?:19|20|21)\\d\\d)[-.](?<m1>\\d{1,2})[-.](?<d1>\\d{1,2})(?![\\d])"
        "|(?<y2>(?:19|20|21)\\d\\d)(?<m2>[01]\\d)(?<d2>[0-3]\\d)(?!\\d)"
        "|(?<d3>\\d{1,2})(?:\\s*:?e|\\s*:a)?\\s+(?<mn>jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|jun(?:i)?|"
        "jul(?:i)?|aug(?:usti)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+(?<y3>(?:19|20|21)\\d\\d)"
        "|(?<d4>\\d{1,2})/(?<m4>\\d{1,2})[ -](?<y4>(?:19|20|21)\\d\\d)"
        /* d.m.yyyy, as Finland-Swedish documents write it: "9.5.2023" */
        "|(?<d5>\\d{1,2})\\.(?<m5>\\d{1,2})\\.(?<y5>(?:19|20|21)\\d\\d)(?!\\d)"
        ")";
    static gsize once;
    static samla_re *re;
    return find_first(a, s, start, end, cached(&once, &re, pat), convert_date);
}

char *samla_text_find_date(samla_arena *a, const char *s, size_t *end)
{
    return samla_text_find_date_at(a, s, NULL, end);
}

char *samla_text_find_time_at(samla_arena *a, const char *s, size_t *start, size_t *end)
{
    static const char *pat =
        "(?:\\bkl(?:ockan)?\\.?\\s*(?<h1>[0-2]?\\d)(?:[.:](?<m1>[0-5]\\d))?(?!\\d))"
        "|(?<![\\d.:-])(?<h2>[0-2]?\\d)[.:](?<m2>[0-5]\\d)(?![\\d.:])";
    static gsize once;
    static samla_re *re;
    return find_first(a, s, start, end, cached(&once, &re, pat), convert_time);
}

char *samla_text_find_time(samla_arena *a, const char *s, size_t *end)
{
    return samla_text_find_time_at(a, s, NULL, end);
}

/* The end of a span at offset `from` of s, right after its start time: a dash or "till", then the end hour
 * with optional minutes, "ca"/"cirka"/"kl" allowed before it ("–20:40", " - 15.45", "-12", "–ca 21.00",
 * " till kl. 16"). With `again`, a further span after a comma or "och" ("…, 13.00–15.15"): its end replaces
 * the first one's (the meeting ended then; the pause between is not the end). */
static char *span_end(samla_arena *a, const char *s, size_t from, size_t *end)
{
    static const char *pat =
        "\\G\\s*(?:[-\\x{2013}\\x{2014}]|till\\b)\\s*(?:(?:ca|cirka|kl|klockan)\\.?\\s*)?"
        "(?<h1>[0-2]?\\d)(?:[.:](?<m1>[0-5]\\d))?(?![\\d]|[.:]\\d)";
    static const char *again =
        "\\G\\s*(?:,|och|samt)\\s*(?:(?:kl|klockan)\\.?\\s*)?[0-2]?\\d[.:][0-5]\\d\\s*[-\\x{2013}\\x{2014}]\\s*"
        "(?:(?:ca|cirka|kl|klockan)\\.?\\s*)?(?<h1>[0-2]?\\d)(?:[.:](?<m1>[0-5]\\d))?(?![\\d]|[.:]\\d)";
    static gsize once, once2;
    static samla_re *span, *span2;
    const samla_re *re = cached(&once, &span, pat), *re2 = cached(&once2, &span2, again);
    char *out = NULL;
    samla_match m;
    if (re2 && samla_re_search(re, s, from, &m) && m.start[0] == from && (out = convert_time(a, re, &m, s))) {
        *end = m.end[0];
        while (samla_re_search(re2, s, *end, &m) && m.start[0] == *end) {
            char *later = convert_time(a, re2, &m, s);
            if (!later) break;
            out = later;
            *end = m.end[0];
        }
    }
    return out;
}

bool samla_text_find_time_span(samla_arena *a, const char *s, char **start, char **end, size_t *start_off,
                               size_t *end_off)
{
    size_t e = 0;
    *start = samla_text_find_time_at(a, s, start_off, &e);
    *end = NULL;
    if (!*start) return false;
    size_t e2 = 0;
    *end = span_end(a, s, e, &e2);
    if (end_off) *end_off = *end ? e2 : e;
    return true;
}
