/* test_abi.c: the plugin loader refuses wrong-ABI and entry-less plugins with clear messages. */
#include <stdlib.h>
#include "check.h"
#include "samla/samla.h"

static const char *first_message(const samla_diag *d) { return d->count ? d->msgs[0].message : ""; }

int main(void)
{
    const char *dir = getenv("SAMLA_TEST_PLUGINS");
    CHECK(dir != NULL);
    if (!dir) return 1;
    char path[1024];
    samla_runtime *rt = samla_runtime_new(NULL);
    samla_diag d;

    samla_diag_init(&d);
    snprintf(path, sizeof path, "%s/bad-abi.so", dir);
    CHECK(samla_runtime_load_plugin_file(rt, path, &d) == SAMLA_ERR_ABI);
    CHECK(strstr(first_message(&d), "built for samla plugin ABI 2.0") != NULL);
    CHECK(strstr(first_message(&d), "this samla has ABI 1.") != NULL);
    CHECK(d.count == 1 && d.msgs[0].file && strstr(d.msgs[0].file, "bad-abi.so"));
    samla_diag_clear(&d);

    samla_diag_init(&d);
    snprintf(path, sizeof path, "%s/no-entry.so", dir);
    CHECK(samla_runtime_load_plugin_file(rt, path, &d) == SAMLA_ERR_CONFIG);
    CHECK(strstr(first_message(&d), "no entry symbol 'samla_plugin_entry'") != NULL);
    samla_diag_clear(&d);

    samla_diag_init(&d);
    snprintf(path, sizeof path, "%s/missing.so", dir);
    CHECK(samla_runtime_load_plugin_file(rt, path, &d) == SAMLA_ERR_CONFIG);
    CHECK(strstr(first_message(&d), "cannot load plugin") != NULL);
    samla_diag_clear(&d);

    samla_diag_init(&d);
    snprintf(path, sizeof path, "%s/old-minor.so", dir);
    CHECK(samla_runtime_load_plugin_file(rt, path, &d) == SAMLA_OK);
    const samla_plugin *p = samla_runtime_find_plugin(rt, "old-minor");
    CHECK(p != NULL);
    CHECK(p && p->fini == NULL && p->process != NULL);
    CHECK(samla_runtime_plugin_count(rt) == 1);
    samla_diag_clear(&d);

    samla_runtime_free(rt);
    return CHECK_DONE();
}
