/* test_model.c: the YAML writer quotes what YAML 1.1 would retype, keeps Swedish readable, and round-trips;
 * the JSON writer and the tree to and from jansson values (samla/json.h). */
#include <math.h>
#include <stdlib.h>
#include "check.h"
#include "samla/json.h"
#include "samla/samla.h"

int main(void)
{
    samla_arena *a = samla_arena_new();
    samla_node *m = samla_node_map(a);
    samla_map_set_str(a, m, "number", "15");
    samla_map_set_str(a, m, "date", "2024-05-03");
    samla_map_set_str(a, m, "start", "15:00");
    samla_map_set_str(a, m, "answer", "no");
    samla_map_set_str(a, m, "code", "007");
    samla_map_set_str(a, m, "title", "Hälsa, stöd, vård och omsorg");
    samla_map_set_str(a, m, "empty", "");
    samla_map_set_int(a, m, "pages", 12);
    samla_map_set_float(a, m, "score", 0.5);
    samla_map_set_bool(a, m, "covered", true);
    samla_node *l = samla_map_ensure_seq(a, m, "list");
    samla_seq_append_str(a, l, "att anta strategin");
    samla_map_set_str(a, m, "number", "16"); /* replaces, keeps position */

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    samla_diag d;
    samla_diag_init(&d);
    CHECK(samla_model_write_yaml(m, f, &d) == SAMLA_OK);
    fclose(f);
    CHECK(strstr(buf, "number: \"16\"") != NULL);
    CHECK(strstr(buf, "date: \"2024-05-03\"") != NULL);
    CHECK(strstr(buf, "start: \"15:00\"") != NULL);
    CHECK(strstr(buf, "answer: \"no\"") != NULL);
    CHECK(strstr(buf, "code: \"007\"") != NULL);
    CHECK(strstr(buf, "title: Hälsa, stöd, vård och omsorg") != NULL);
    CHECK(strstr(buf, "pages: 12") != NULL);
    CHECK(strstr(buf, "covered: true") != NULL);
    CHECK(strstr(buf, "number") < strstr(buf, "date"));

    samla_node *back = NULL;
    CHECK(samla_model_load_yaml(a, buf, len, "mem", &back, &d) == SAMLA_OK);
    CHECK_STR(samla_map_get_str(back, "number"), "16");
    CHECK_STR(samla_map_get_str(back, "start"), "15:00");
    CHECK_STR(samla_map_get_str(back, "answer"), "no");
    CHECK_STR(samla_map_get_str(back, "title"), "Hälsa, stöd, vård och omsorg");
    CHECK(samla_map_get_int(back, "pages", 0) == 12);
    CHECK(samla_map_get(back, "covered")->type == SAMLA_NODE_BOOL);
    CHECK_STR(samla_map_get_str(samla_seq_at(samla_map_get(back, "list"), 0), NULL) == NULL ? "x" : "x", "x");
    CHECK_STR(samla_seq_at(samla_map_get(back, "list"), 0)->u.s, "att anta strategin");
    free(buf);

    /* JSON */
    buf = NULL;
    f = open_memstream(&buf, &len);
    CHECK(samla_model_write_json(m, f, &d) == SAMLA_OK);
    fclose(f);
    CHECK(strstr(buf, "\"number\": \"16\"") != NULL);
    CHECK(strstr(buf, "\"title\": \"Hälsa, stöd, vård och omsorg\"") != NULL);
    free(buf);

    /* to jansson and back: order, types and text kept; a float JSON cannot hold becomes null */
    samla_map_set_float(a, m, "nan", NAN);
    json_t *j = samla_node_to_json(m);
    CHECK(j && json_is_null(json_object_get(j, "nan")));
    CHECK_STR(json_string_value(json_object_get(j, "title")), "Hälsa, stöd, vård och omsorg");
    char *text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    const char *head = "{\"number\":\"16\",\"date\":\"2024-05-03\",\"start\":\"15:00\"";
    CHECK(text && strncmp(text, head, strlen(head)) == 0);
    free(text);
    samla_node *tree = samla_node_from_json(a, j);
    json_decref(j);
    CHECK_STR(samla_map_get_str(tree, "number"), "16");
    CHECK(samla_map_get_int(tree, "pages", 0) == 12 && samla_map_get(tree, "covered")->type == SAMLA_NODE_BOOL);
    CHECK(samla_map_get(tree, "score")->type == SAMLA_NODE_FLOAT && samla_map_get(tree, "score")->u.f == 0.5);
    CHECK_STR(samla_seq_at(samla_map_get(tree, "list"), 0)->u.s, "att anta strategin");
    CHECK(samla_map_get(tree, "nan")->type == SAMLA_NODE_NULL);

    /* aliases are refused (no billion laughs through the loader) */
    const char *bomb = "a: &a [x, x]\nb: [*a, *a]\n";
    CHECK(samla_model_load_yaml(a, bomb, strlen(bomb), "bomb", &back, &d) != SAMLA_OK);

    samla_diag_clear(&d);
    samla_arena_free(a);
    return CHECK_DONE();
}
