/* pattern.c: PCRE2 wrapper (UTF + UCP). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "samla/pattern.h"

#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct samla_re {
    pcre2_code *code;
};

samla_re *samla_re_compile(const char *pattern, unsigned flags, samla_diag *diag)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP;
    if (flags & SAMLA_RE_CASELESS) opts |= PCRE2_CASELESS;
    if (flags & SAMLA_RE_MULTILINE) opts |= PCRE2_MULTILINE;
    int err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &err, &off, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        samla_diag_add(diag, SAMLA_SEV_ERROR, 0, "bad pattern at offset %zu: %s: %s", (size_t)off,
                       (const char *)msg, pattern);
        return NULL;
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* best effort */
    samla_re *re = malloc(sizeof *re);
    if (!re) {
        pcre2_code_free(code);
        return NULL;
    }
    re->code = code;
    return re;
}

void samla_re_free(samla_re *re)
{
    if (!re) return;
    pcre2_code_free(re->code);
    free(re);
}

bool samla_re_search(const samla_re *re, const char *subject, size_t from, samla_match *m)
{
    if (!re || !subject) return false;
    size_t len = strlen(subject);
    if (from > len) return false;
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
    if (!md) return false;
    int rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, from, 0, md, NULL);
    bool ok = rc > 0;
    if (ok && m) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        uint32_t n = pcre2_get_ovector_count(md);
        if (n > SAMLA_RE_MAX_GROUPS) n = SAMLA_RE_MAX_GROUPS;
        m->ngroups = (int)n;
        for (uint32_t i = 0; i < SAMLA_RE_MAX_GROUPS; i++) {
            if (i < n && ov[2 * i] != PCRE2_UNSET) {
                m->start[i] = ov[2 * i];
                m->end[i] = ov[2 * i + 1];
            } else {
                m->start[i] = m->end[i] = SIZE_MAX;
            }
        }
    }
    pcre2_match_data_free(md);
    return ok;
}

bool samla_re_test(const samla_re *re, const char *subject) { return samla_re_search(re, subject, 0, NULL); }

char *samla_match_group(samla_arena *a, const samla_match *m, const char *subject, int i)
{
    if (i < 0 || i >= SAMLA_RE_MAX_GROUPS || m->start[i] == SIZE_MAX) return NULL;
    return samla_arena_strndup(a, subject + m->start[i], m->end[i] - m->start[i]);
}

int samla_re_group_index(const samla_re *re, const char *name)
{
    int n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    return n > 0 ? n : -1;
}
