/* document_kind.c: the document kinds of the model (`document.kind`, docs/model.md): the one list that
 * extract-document classifies into, step conditions (`when: {kind: ...}`) are checked against and the
 * schema enumerates; and, for each kind, the section a document of that kind is read for (the runner
 * warns when a pipeline that extracts none of it finds nothing: run.c). */
#include <string.h>

#include "samla/model.h"

static const char *const kinds[] = {"protocol", "decision_extract", "agenda", "plan", "strategy", "other", NULL};
/* kind_sections[i] is the section of kinds[i] */
static const char *const kind_sections[] = {"agenda", "decisions", "agenda", "activities", "goals", NULL};

const char *const *samla_document_kinds(void) { return kinds; }

bool samla_document_kind_known(const char *kind)
{
    for (const char *const *k = kinds; kind && *k; k++)
        if (strcmp(*k, kind) == 0) return true;
    return false;
}

const char *samla_document_kind_section(const char *kind)
{
    for (size_t i = 0; kind && kinds[i]; i++)
        if (strcmp(kinds[i], kind) == 0) return kind_sections[i];
    return NULL;
}
