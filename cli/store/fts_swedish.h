/* fts_swedish.h: the FTS5 tokenizer "samla_swedish": unicode61 (case folded,
 * diacritics kept: å, ä, ö are letters of their own) with each token reduced
 * to its Swedish stem by libstemmer, so "beslut", "beslutet" and "besluten"
 * match each other. Prefix queries ("budg*") are not stemmed. */
#ifndef SAMLA_CLI_FTS_SWEDISH_H
#define SAMLA_CLI_FTS_SWEDISH_H

#include <sqlite3.h>

/* Registers the tokenizer on db (needed on every connection that writes or
 * queries the FTS table). SQLITE_OK or an SQLite error code. */
int fts_swedish_register(sqlite3 *db);

#endif
