/* test_pipeline.c: bad pipelines are refused before any document, naming file and line; step conditions
 * (`when`) are checked with the pipeline and applied by the runner. */
#include <stdlib.h>
#include <unistd.h>
#include "check.h"
#include "samla/samla.h"

static char *write_tmp(const char *text)
{
    static const char tmpl[] = "/tmp/samla-pipeline-XXXXXX.yaml";
    char *path = malloc(sizeof tmpl);
    memcpy(path, tmpl, sizeof tmpl);
    int fd = mkstemps(path, 5);
    if (fd < 0) return path;
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

/* Loads text as a pipeline; returns the status and copies "line: message" of the first error. */
static samla_status load(samla_runtime *rt, const char *text, char *msg, size_t n, int *line)
{
    char *path = write_tmp(text);
    samla_diag d;
    samla_diag_init(&d);
    samla_pipeline *p = NULL;
    samla_status st = samla_pipeline_load(rt, path, &p, &d);
    snprintf(msg, n, "%s", d.count ? d.msgs[0].message : "");
    *line = d.count ? d.msgs[0].line : -1;
    if (d.count) CHECK(d.msgs[0].file && strcmp(d.msgs[0].file, path) == 0);
    samla_diag_clear(&d);
    samla_pipeline_free(p);
    unlink(path);
    free(path);
    return st;
}

int main(void)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", getenv("SAMLA_BUILD") ? getenv("SAMLA_BUILD") : ".");
    samla_runtime *rt = samla_runtime_new(dir);
    samla_diag d;
    samla_diag_init(&d);
    samla_runtime_load_plugins(rt, &d);
    samla_diag_clear(&d);
    CHECK(samla_runtime_find_plugin(rt, "read-text") != NULL);
    char msg[512];
    int line;

    CHECK(load(rt, "name: ok\nsteps:\n  - plugin: read-text\n  - plugin: write-yaml\n", msg, sizeof msg, &line) == SAMLA_OK);

    CHECK(load(rt, "name: x\nsteps:\n  - plugin: read-text\n  - plugin: no-such-plugin\n", msg, sizeof msg, &line) ==
          SAMLA_ERR_CONFIG);
    CHECK(line == 4);
    CHECK(strstr(msg, "unknown plugin 'no-such-plugin'") != NULL);

    CHECK(load(rt, "steps:\n  - plugin: read-text\n  - plugin: example\n    options:\n      min_wordz: 3\n", msg,
               sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 5);
    CHECK(strstr(msg, "has no option 'min_wordz'") != NULL && strstr(msg, "min_words") != NULL);

    CHECK(load(rt, "steps:\n  - plugin: read-text\n  - plugin: example\n    options: {min_words: many}\n", msg,
               sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 4);
    CHECK(strstr(msg, "must be an integer") != NULL);

    CHECK(load(rt, "steps:\n  - plugin: example\n", msg, sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(strstr(msg, "no reader") != NULL);

    CHECK(load(rt, "steps:\n  - plugin: read-text\n  - plugin: write-yaml\n  - plugin: example\n", msg, sizeof msg,
               &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 4 && strstr(msg, "after the writer") != NULL);

    CHECK(load(rt, "name: x\nstepz: []\n", msg, sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 2 && strstr(msg, "unknown pipeline key 'stepz'") != NULL);

    CHECK(load(rt, "steps: [\n", msg, sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(strstr(msg, "YAML") != NULL);

    /* --set: unknown step and bad value are refused */
    samla_diag_init(&d);
    samla_pipeline *p = NULL;
    char *path = write_tmp("steps:\n  - plugin: read-text\n  - plugin: example\n  - plugin: write-yaml\n");
    CHECK(samla_pipeline_load(rt, path, &p, &d) == SAMLA_OK);
    CHECK(samla_pipeline_set_option(p, "example.min_words=7", &d) == SAMLA_OK);
    CHECK(samla_pipeline_set_option(p, "example.min_words=x", &d) == SAMLA_ERR_CONFIG);
    CHECK(samla_pipeline_set_option(p, "nope.key=1", &d) == SAMLA_ERR_CONFIG);
    CHECK(samla_pipeline_set_output_format(p, "json", &d) == SAMLA_OK);
    CHECK(samla_pipeline_set_output_format(p, "xml", &d) == SAMLA_ERR_CONFIG);
    samla_pipeline_free(p);
    unlink(path);
    free(path);
    samla_diag_clear(&d);

    /* when: conditions are checked with the pipeline, naming file and line */
    static const char head[] = "steps:\n  - plugin: read-text\n  - plugin: extract-document\n  - plugin: example\n";
    char text[512];
    snprintf(text, sizeof text, "%s    when: {kind: [protocol, decision_extract], format: [text, pdf]}\n", head);
    CHECK(load(rt, text, msg, sizeof msg, &line) == SAMLA_OK);
    snprintf(text, sizeof text, "%s    when:\n      kind: [protocol, protokoll]\n", head);
    CHECK(load(rt, text, msg, sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 6 && strstr(msg, "unknown document kind 'protokoll'") != NULL && strstr(msg, "decision_extract"));
    snprintf(text, sizeof text, "%s    when:\n      knd: plan\n", head);
    CHECK(load(rt, text, msg, sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 6 && strstr(msg, "unknown or repeated condition 'knd'") != NULL);
    snprintf(text, sizeof text, "%s    when: {format: odt}\n", head);
    CHECK(load(rt, text, msg, sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 5 && strstr(msg, "unknown format 'odt'") != NULL);
    snprintf(text, sizeof text, "%s    when: {kind: []}\n", head);
    CHECK(load(rt, text, msg, sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 5 && strstr(msg, "names no document kind") != NULL);
    snprintf(text, sizeof text, "%s    when: plan\n", head);
    CHECK(load(rt, text, msg, sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 5 && strstr(msg, "must be a mapping") != NULL);
    CHECK(load(rt, "steps:\n  - plugin: read-text\n    when: {format: text}\n  - plugin: write-yaml\n", msg,
               sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 3 && strstr(msg, "reader 'read-text' cannot carry 'when'") != NULL);
    /* a kind condition needs a step before it that decides the kind */
    CHECK(load(rt, "steps:\n  - plugin: read-text\n  - plugin: example\n    when: {kind: plan}\n", msg,
               sizeof msg, &line) == SAMLA_ERR_CONFIG);
    CHECK(line == 4 && strstr(msg, "no earlier step decides the document kind") != NULL);

    /* the runner skips a step whose condition does not hold: neither run nor listed */
    char *doc = write_tmp("Protokoll Miljönämnden\n\nSammanträdesdatum 2025-03-04\n\n§ 1 Val av justerare\n\n"
                          "Nämnden beslutar att utse Eva Ek att justera protokollet.\n\n§ 2 Budget\n\n"
                          "Nämnden beslutar att anta budgeten.\n\nJusterare\n");
    for (int want_protocol = 0; want_protocol < 2; want_protocol++) {
        snprintf(text, sizeof text, "%s    when: {kind: %s}\n  - plugin: write-yaml\n", head,
                 want_protocol ? "[agenda, protocol]" : "plan");
        char *pp = write_tmp(text);
        samla_diag_init(&d);
        p = NULL;
        CHECK(samla_pipeline_load(rt, pp, &p, &d) == SAMLA_OK);
        samla_arena *a = samla_arena_new();
        samla_node *model = NULL;
        CHECK(p && samla_pipeline_run(p, doc, NULL, &d, a, &model) == SAMLA_OK && model);
        const samla_node *document = samla_map_get(model, "document");
        CHECK(strcmp(samla_map_get_str(document, "kind"), "protocol") == 0);
        CHECK((samla_map_get(document, "words") != NULL) == (want_protocol == 1));
        const samla_node *plugins = samla_map_get(samla_map_get(model, "samla"), "plugins");
        bool listed = false;
        for (size_t i = 0; i < samla_node_len(plugins); i++)
            listed |= strcmp(samla_map_get_str(samla_seq_at(plugins, i), "name"), "example") == 0;
        CHECK(listed == (want_protocol == 1));
        samla_arena_free(a);
        samla_pipeline_free(p);
        samla_diag_clear(&d);
        unlink(pp);
        free(pp);
    }
    unlink(doc);
    free(doc);

    samla_runtime_free(rt);
    return CHECK_DONE();
}
