/* sections.h: the store's per-section tables, their columns (the model's
 * keys, docs/model.md) and the rows of the search index. Internal to cli/store. */
#ifndef SAMLA_CLI_STORE_SECTIONS_H
#define SAMLA_CLI_STORE_SECTIONS_H

#include <sqlite3.h>

#include "samla/samla.h"

typedef struct store_section {
    const char *name;            /* model section = table name */
    const char *const *columns;  /* the model keys stored as columns, NULL-terminated */
} store_section;

/* Every section table, NULL-name terminated. Static storage. */
const store_section *store_sections(void);

/* CREATE TABLE statements of the section tables (malloc'd, caller frees). */
char *store_sections_schema(void);

/* Inserts the rows of every section of model (document id) and its search
 * rows. SQLITE_OK or an error code (message in *err). */
int store_sections_insert(sqlite3 *db, const char *id, const samla_node *model, char **err);

/* Deletes the section and search rows of a document. */
int store_sections_delete(sqlite3 *db, const char *id, char **err);

#endif
