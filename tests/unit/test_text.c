/* test_text.c: text cleaning, folding, similarity, Swedish dates and times. */
#include <string.h>

#include "check.h"
#include "samla/samla.h"

int main(void)
{
    samla_arena *a = samla_arena_new();
    CHECK_STR(samla_text_clean(a, "  e\xef\xac\x81" "ektiv  sam\xc2\xadverkan\t\n"), "efiektiv samverkan");
    CHECK_STR(samla_text_clean(a, "e\xef\xac\x81" "fektiv"), "efifektiv");
    CHECK_STR(samla_text_clean(a, "sam\xc2\xadverkan"), "samverkan");
    CHECK_STR(samla_text_clean(a, "A\xcc\x88ldre"), "Äldre"); /* NFD -> NFC */
    CHECK_STR(samla_text_soft(a, "Anna-Lena  Danielsson (S)"), "anna lena danielsson s");
    /* lower: ASCII, precomposed Swedish (no normalising needed), NFD input and folds that
     * decompose (İ -> i + U+0307, ǰ stays one code point after NFC) all end NFC */
    CHECK_STR(samla_text_lower(a, "KS 2024/12 Beslut"), "ks 2024/12 beslut");
    CHECK_STR(samla_text_lower(a, "ÅRSMÖTE Äldrenämnden É"), "årsmöte äldrenämnden é");
    CHECK_STR(samla_text_lower(a, "A\xcc\x8aRSMO\xcc\x88TE"), "årsmöte");
    CHECK_STR(samla_text_lower(a, "\xc7\xb0"), "\xc7\xb0");
    CHECK_STR(samla_text_lower(a, "\xc4\xb0"), "i\xcc\x87");
    CHECK_STR(samla_text_lower(a, "Stra\xc3\x9f" "e"), "strasse");
    CHECK_STR(samla_text_lower(a, "\xc3\x98RE 2\xc3\x97" "4 \xc2\xb5g \xc3\xbf\xc3\xb7"), "\xc3\xb8re 2\xc3\x97" "4 \xce\xbcg \xc3\xbf\xc3\xb7");
    CHECK_STR(samla_text_lower(a, "BAD\xff"), "bad\xef\xbf\xbd"); /* invalid byte -> U+FFFD */
    {   /* the fold without allocation: Swedish text as samla_text_lower folds it, anything else refused */
        char buf[64];
        CHECK(samla_text_lower_latin1("ÅRSMÖTE Äldre É", strlen("ÅRSMÖTE Äldre É"), buf));
        CHECK_STR(buf, "årsmöte äldre é");
        CHECK(!samla_text_lower_latin1("Stra\xc3\x9f" "e", 7, buf));      /* ß folds to ss */
        CHECK(!samla_text_lower_latin1("2\xc3\x97" "4", 4, buf));         /* × */
        CHECK(!samla_text_lower_latin1("A\xcc\x8a", 3, buf));             /* a combining mark */
    }
    /* block text with dashes, quotes, bullets and € (no normalisation needed) and with U+2000 (NFC: U+2002) */
    CHECK_STR(samla_text_clean(a, "\xe2\x80\xa2 Beslut \xe2\x80\x93 \xe2\x80\x9dja\xe2\x80\x9d 5 \xe2\x82\xac"),
              "\xe2\x80\xa2 Beslut \xe2\x80\x93 \xe2\x80\x9dja\xe2\x80\x9d 5 \xe2\x82\xac");
    CHECK_STR(samla_text_lower(a, "A\xe2\x80\x80" "B"), "a\xe2\x80\x82" "b");
    CHECK_STR(samla_text_soft(a, "\xc3\x85R 2\xc3\x97" "4 \xc3\xb7 ok"), "år 2 4 ok");
    CHECK(samla_text_similarity("Zembrén", "Zemrén") > 0.8);
    CHECK(samla_text_similarity("abc", "abc") == 1.0);
    CHECK_STR(samla_text_find_date(a, "Datum och tid: 20240503 Kl. 09.30", NULL), "2024-05-03");
    CHECK_STR(samla_text_find_date(a, "Den 21 oktober 2021 fastställde", NULL), "2021-10-21");
    CHECK_STR(samla_text_find_date(a, "onsdagen den 22 november 2023", NULL), "2023-11-22");
    CHECK_STR(samla_text_find_date(a, "Tid: tisdag 9.5.2023 kl. 18.00", NULL), "2023-05-09");   /* Finland-Swedish d.m.yyyy */
    CHECK_STR(samla_text_find_date(a, "Protokollet justerat 12.05.2023", NULL), "2023-05-12");
    CHECK_STR(samla_text_find_date(a, "daterad 2024-03-15.", NULL), "2024-03-15");
    CHECK(samla_text_find_date(a, "KS2024/286", NULL) == NULL);
    CHECK_STR(samla_text_find_time(a, "Kl. 09.30 – 15.00", NULL), "09:30");
    size_t end = 0;
    const char *span = "Kl. 09.30 – 15.00";
    CHECK_STR(samla_text_find_time(a, span, &end), "09:30");
    CHECK_STR(samla_text_find_time(a, &span[end], NULL), "15:00");
    CHECK_STR(samla_text_find_time(a, "kl 13-15", NULL), "13:00");
    /* meeting time spans (P-FRONT-TIME-SPAN): start and end in every written form */
    static const struct { const char *s, *start, *end; } spans[] = {
        {"kl 17:00-20:40", "17:00", "20:40"},
        {"kl. 13.00–16.30", "13:00", "16:30"},             /* en dash */
        {"13:00 - 15:45", "13:00", "15:45"},
        {"kl 9-12", "09:00", "12:00"},
        {"18.30–ca 21.00", "18:30", "21:00"},
        {"klockan 14.00— 16.03", "14:00", "16:03"},           /* em dash */
        {"Kl. 09.30 – 15.00", "09:30", "15:00"},
        {"kl 14 till kl 16", "14:00", "16:00"},
        {"Kommunhuset, kl. 08.30-12.00, 13.00-15.15", "08:30", "15:15"}, /* the last span's end */
        {"kl. 18.00 och 19.30–21.00", "18:00", NULL},       /* no dash after the start: no span */
        {"kl. 18.00", "18:00", NULL},
        {"23.1.2023 klockan 18.00–21.18", "18:00", "21:18"},
    };
    for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++) {
        char *st = NULL, *en = NULL;
        CHECK(samla_text_find_time_span(a, spans[i].s, &st, &en, NULL, NULL));
        CHECK_STR(st, spans[i].start);
        if (spans[i].end) CHECK_STR(en, spans[i].end);
        else CHECK(en == NULL);
    }
    {
        char *st = (char *)"x", *en = (char *)"x";
        CHECK(!samla_text_find_time_span(a, "Kommunhuset, sal 2", &st, &en, NULL, NULL));
        CHECK(st == NULL && en == NULL);
        size_t so = 0, off = 0;
        CHECK(samla_text_find_time_span(a, "Sal 2, kl 17:00-20:40, ajournering", &st, &en, &so, &off));
        CHECK(so == strlen("Sal 2, ") && off == strlen("Sal 2, kl 17:00-20:40"));
        size_t ds = 0, de = 0;
        CHECK_STR(samla_text_find_date_at(a, "Stadshuset, sal 2, 23.1.2023", &ds, &de), "2023-01-23");
        CHECK(ds == 19 && de == 28);
        size_t ts = 0;
        CHECK_STR(samla_text_find_time_at(a, "Rådhuset kl. 9", &ts, NULL), "09:00");
        CHECK(ts == strlen("Rådhuset "));
    }
    samla_arena_free(a);
    return CHECK_DONE();
}
