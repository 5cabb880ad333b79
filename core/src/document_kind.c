/* document_kind.c: the document kinds of the model (`document.kind`, docs/model.md): the one list that
 * extract-document classifies into, step conditions (`when: {kind: ...}`) are checked against and the
 * schema enumerates. */
#include <string.h>

#include "samla/model.h"

static const char *const kinds[] = {"protocol", "decision_extract", "agenda", "plan", "strategy", "other", NULL};

const char *const *samla_document_kinds(void) { return kinds; }

bool samla_document_kind_known(const char *kind)
{
    for (const char *const *k = kinds; kind && *k; k++)
        if (strcmp(*k, kind) == 0) return true;
    return false;
}
