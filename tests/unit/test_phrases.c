/* test_phrases.c: phrase lists (samla/phrases.h): loading from a data map, prefix/only/contains
 * matching on folded text, labelled field lines, the text after a phrase, data patterns, a plugin's
 * table of lists and patterns loaded at once (samla_data_load). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "samla/samla.h"

int main(void)
{
    samla_arena *a = samla_arena_new();
    samla_node *map = samla_node_map(a), *seq = samla_node_seq(a), *pat = samla_node_map(a);
    samla_seq_append_str(a, seq, "Aktiviteter");
    samla_seq_append_str(a, seq, "Planerade aktiviteter");
    samla_seq_append_str(a, seq, "Ansvarig");
    samla_map_set(a, map, "labels", seq);
    samla_map_set_str(a, map, "scalar", "no list");
    samla_map_set_str(a, pat, "code", "^(\\p{Lu}\\d)\\b");
    samla_map_set(a, map, "patterns", pat);

    samla_phrases p, none;
    CHECK(samla_phrases_load(a, map, "labels", "test.yaml", &p, NULL) == SAMLA_OK);
    CHECK(p.n == 3);
    CHECK_STR(p.soft[0], "planerade aktiviteter");              /* longest first */
    CHECK(samla_phrases_load(a, map, "absent", "test.yaml", &none, NULL) == SAMLA_OK && none.n == 0);
    samla_diag d;
    samla_diag_init(&d);
    CHECK(samla_phrases_load(a, map, "scalar", "test.yaml", &none, &d) == SAMLA_ERR_CONFIG);
    CHECK(d.count == 1 && strstr(d.msgs[0].message, "test.yaml") != NULL);
    samla_diag_clear(&d);

    CHECK(samla_phrases_prefix(&p, samla_text_soft(a, "Planerade aktiviteter 2025")) == 2);
    CHECK(samla_phrases_prefix(&p, samla_text_soft(a, "Aktiviteterna")) == 0);  /* whole words only */
    CHECK(samla_phrases_only(&p, samla_text_soft(a, "AKTIVITETER 2024–2026")));   /* a year range may follow */
    CHECK(!samla_phrases_only(&p, samla_text_soft(a, "Aktiviteter för unga")));
    CHECK(samla_phrases_contains(&p, samla_text_soft(a, "Se planerade aktiviteter nedan")));
    const samla_phrases *const lists[] = {&p};
    CHECK(samla_phrases_field(a, lists, 1, "Ansvarig: Socialförvaltningen"));
    CHECK(!samla_phrases_field(a, lists, 1, "Ansvarig chef är Socialförvaltningen"));
    CHECK_STR(samla_phrases_rest(a, "Ansvarig: – Elevhälsan", 1), "Elevhälsan");

    samla_re *re = samla_data_pattern(map, "code", "test.yaml", &d);
    CHECK(re && samla_re_test(re, "A1 Goda levnadsvanor"));
    samla_re_free(re);
    CHECK(samla_data_pattern(map, "absent", "test.yaml", &d) == NULL);
    samla_diag_clear(&d);

    /* named fragments: a string spliced in (its own references too), a list as literal alternatives;
     * quantifiers and \p{..} properties are no references */
    samla_node *fr = samla_node_map(a), *words = samla_node_seq(a);
    samla_seq_append_str(a, words, "Paragraf");
    samla_seq_append_str(a, words, "Art.");
    samla_map_set(a, fr, "WORD", words);
    samla_map_set_str(a, fr, "NUM", "\\d{1,3}");
    samla_map_set_str(a, fr, "HEAD", "(?:§|{WORD})\\s*({NUM})");
    samla_map_set_str(a, fr, "LOOP", "x{LOOP}");
    samla_map_set(a, map, "fragments", fr);
    samla_map_set_str(a, pat, "item", "^{HEAD}\\s+(\\p{Lu}\\p{L}{2,})$");
    samla_map_set_str(a, pat, "literal", "a\\{NUM}");
    samla_map_set_str(a, pat, "unknown", "^{NAME}$");
    samla_map_set_str(a, pat, "cycle", "{LOOP}");
    samla_map_set_str(a, pat, "broken", "^({NUM}$");
    CHECK_STR(samla_data_pattern_text(a, map, "item", "test.yaml", &d),
              "^(?:§|(?:Paragraf|Art\\.))\\s*(\\d{1,3})\\s+(\\p{Lu}\\p{L}{2,})$");
    CHECK_STR(samla_data_pattern_text(a, map, "literal", "test.yaml", &d), "a\\{NUM}");
    re = samla_data_pattern(map, "item", "test.yaml", &d);
    CHECK(re && samla_re_test(re, "Art. 12 Budget") && !samla_re_test(re, "Art 12 Budget"));
    samla_re_free(re);
    CHECK(d.count == 0);
    CHECK(samla_data_pattern(map, "unknown", "test.yaml", &d) == NULL);
    CHECK(d.count == 1 && strstr(d.msgs[0].message, "test.yaml: patterns.unknown: fragment {NAME} is not in fragments"));
    samla_diag_clear(&d);
    CHECK(samla_data_pattern(map, "cycle", "test.yaml", &d) == NULL && d.count == 1);
    samla_diag_clear(&d);
    CHECK(samla_data_pattern(map, "broken", "test.yaml", &d) == NULL);   /* one line: file, key, PCRE2's reason */
    CHECK(d.count == 1 && strstr(d.msgs[0].message, "test.yaml: patterns.broken: bad pattern at offset"));
    samla_diag_clear(&d);

    /* a plugin's table of lists and patterns from one data file; the patterns belong to the arena */
    char dir[] = "/tmp/samla-phrases-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char *file = samla_arena_printf(a, "%s/test-words.yaml", dir);
    FILE *f = fopen(file, "w");
    CHECK(f != NULL);
    fputs("goals:\n  labels: [Aktiviteter, Ansvarig]\n  scalar: no list\n  patterns:\n    code: '^(\\p{Lu}\\d)\\b'\n"
          "words: [a, b]\n", f);
    fclose(f);
    setenv("SAMLA_DATA_PATH", dir, 1);
    samla_runtime *rt = samla_runtime_new(NULL);
    samla_arena *pa = samla_arena_new();
    samla_phrases labels = {0}, top = {0};
    samla_re *code = NULL;
    const samla_data_item items[] = {SAMLA_DATA_PHRASES("goals", "labels", &labels),
                                     SAMLA_DATA_PHRASES(NULL, "words", &top), SAMLA_DATA_PATTERN("goals", "code", &code)};
    CHECK(samla_data_load(rt, pa, "test-words.yaml", items, 3, NULL) == SAMLA_OK);
    CHECK(labels.n == 2 && top.n == 2 && code && samla_re_test(code, "B2 Trygg uppväxt"));
    /* every bad item is reported once, the first failure returned */
    samla_re *missing = NULL, *nosection = NULL;
    const samla_data_item bad[] = {SAMLA_DATA_PHRASES("goals", "scalar", &none),
                                   SAMLA_DATA_PATTERN("goals", "absent", &missing),
                                   SAMLA_DATA_PATTERN("activities", "code", &nosection),
                                   SAMLA_DATA_PHRASES("activities", "labels", &none),
                                   SAMLA_DATA_PATTERN("goals", "code", &code)};
    CHECK(samla_data_load(rt, pa, "test-words.yaml", bad, 5, &d) == SAMLA_ERR_CONFIG);
    CHECK(d.count == 3);
    CHECK(d.count == 3 && strstr(d.msgs[1].message, "test-words.yaml: patterns.absent is missing") != NULL);
    CHECK(d.count == 3 && strstr(d.msgs[2].message, "test-words.yaml: no 'activities' map") != NULL);
    CHECK(!missing && !nosection && code);
    samla_diag_clear(&d);
    CHECK(samla_data_load(rt, pa, "no-such-words.yaml", items, 3, &d) == SAMLA_ERR_CONFIG && d.count == 1);
    samla_diag_clear(&d);
    samla_arena_free(pa); /* frees both compiled `code` patterns: LSan checks it */
    samla_runtime_free(rt);
    remove(file);
    rmdir(dir);

    CHECK(samla_text_lower_start("ändå fortsätter raden"));
    CHECK(!samla_text_lower_start("Ändå"));
    CHECK_STR(samla_text_trim_end(a, "2.1. : "), "2.1");
    samla_arena_free(a);
    return CHECK_DONE();
}
