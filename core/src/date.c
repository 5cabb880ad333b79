/* date.c: finding dates and times in Swedish text. */
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

static bool valid_ymd(long y, long m, long d)
{
    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

char *samla_text_find_date(samla_arena *a, const char *s, size_t *end)
{
    if (!s) return NULL;
    /* alternatives: ISO-ish y-m-d, compact ymd, d month y, d/m y */
    static const char *pat =
        "(?<![\\d/-])(?:"
        "(?<y1>(?:19|20|21)\\d\\d)[-.](?<m1>\\d{1,2})[-.](?<d1>\\d{1,2})(?![\\d])"
        "|(?<y2>(?:19|20|21)\\d\\d)(?<m2>[01]\\d)(?<d2>[0-3]\\d)(?!\\d)"
        "|(?<d3>\\d{1,2})(?:\\s*:?e|\\s*:a)?\\s+(?<mn>jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|jun(?:i)?|"
        "jul(?:i)?|aug(?:usti)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+(?<y3>(?:19|20|21)\\d\\d)"
        "|(?<d4>\\d{1,2})/(?<m4>\\d{1,2})[ -](?<y4>(?:19|20|21)\\d\\d)"
        ")";
    samla_diag d;
    samla_diag_init(&d);
    samla_re *re = samla_re_compile(pat, SAMLA_RE_CASELESS, &d);
    samla_diag_clear(&d);
    if (!re) return NULL;
    char *out = NULL;
    samla_match m;
    size_t from = 0;
    while (!out && samla_re_search(re, s, from, &m)) {
        long y = 0, mo = 0, dd = 0;
        const char *groups[4][3] = {{"y1", "m1", "d1"}, {"y2", "m2", "d2"}, {"y3", NULL, "d3"}, {"y4", "m4", "d4"}};
        for (int alt = 0; alt < 4 && !y; alt++) {
            int gy = samla_re_group_index(re, groups[alt][0]);
            if (gy < 0 || gy >= m.ngroups || m.start[gy] == (size_t)-1) continue;
            y = strtol(s + m.start[gy], NULL, 10);
            dd = strtol(s + m.start[samla_re_group_index(re, groups[alt][2])], NULL, 10);
            if (groups[alt][1]) mo = strtol(s + m.start[samla_re_group_index(re, groups[alt][1])], NULL, 10);
            else mo = month_number(s + m.start[samla_re_group_index(re, "mn")]);
        }
        if (valid_ymd(y, mo, dd)) {
            out = samla_arena_printf(a, "%04ld-%02ld-%02ld", y, mo, dd);
            if (end) *end = m.end[0];
        }
        from = m.end[0] > m.start[0] ? m.end[0] : m.start[0] + 1;
    }
    samla_re_free(re);
    return out;
}

char *samla_text_find_time(samla_arena *a, const char *s, size_t *end)
{
    if (!s) return NULL;
    static const char *pat =
        "(?:\\bkl(?:ockan)?\\.?\\s*(?<h1>[0-2]?\\d)(?:[.:](?<m1>[0-5]\\d))?(?!\\d))"
        "|(?<![\\d.:-])(?<h2>[0-2]?\\d)[.:](?<m2>[0-5]\\d)(?![\\d.:])";
    samla_diag d;
    samla_diag_init(&d);
    samla_re *re = samla_re_compile(pat, SAMLA_RE_CASELESS, &d);
    samla_diag_clear(&d);
    if (!re) return NULL;
    char *out = NULL;
    samla_match m;
    size_t from = 0;
    while (!out && samla_re_search(re, s, from, &m)) {
        int gh = samla_re_group_index(re, "h1"), gm = samla_re_group_index(re, "m1");
        if (gh >= m.ngroups || m.start[gh] == (size_t)-1) {
            gh = samla_re_group_index(re, "h2");
            gm = samla_re_group_index(re, "m2");
        }
        long h = strtol(s + m.start[gh], NULL, 10);
        long mi = (gm < m.ngroups && m.start[gm] != (size_t)-1) ? strtol(s + m.start[gm], NULL, 10) : 0;
        if (h <= 24 && mi < 60) {
            out = samla_arena_printf(a, "%02ld:%02ld", h, mi);
            if (end) *end = m.end[0];
        }
        from = m.end[0] > m.start[0] ? m.end[0] : m.start[0] + 1;
    }
    samla_re_free(re);
    return out;
}
