/* fts_swedish.c: an FTS5 tokenizer wrapping unicode61 with libstemmer's
 * Swedish stemmer (see fts_swedish.h), the way FTS5's own porter tokenizer
 * wraps another tokenizer. */
#include "fts_swedish.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#define STEM_MAX_BYTES 64 /* longer tokens (URLs, chains of compounds) are kept whole */

typedef struct swedish_tok {
    fts5_tokenizer parent;
    Fts5Tokenizer *parent_tok;
    struct sb_stemmer *stemmer;
} swedish_tok;

typedef struct stem_cb {
    void *ctx;
    int (*token)(void *, int, const char *, int, int, int);
    struct sb_stemmer *stemmer;
    int prefix_query;
} stem_cb;

static fts5_api *get_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    return api;
}

static void tok_delete(Fts5Tokenizer *t)
{
    swedish_tok *s = (swedish_tok *)t;
    if (!s) return;
    if (s->parent_tok) s->parent.xDelete(s->parent_tok);
    if (s->stemmer) sb_stemmer_delete(s->stemmer);
    free(s);
}

static int tok_create(void *api_ptr, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)argv;
    (void)argc;
    fts5_api *api = api_ptr;
    swedish_tok *s = calloc(1, sizeof *s);
    if (!s) return SQLITE_NOMEM;
    void *udata = NULL;
    int rc = api->xFindTokenizer(api, "unicode61", &udata, &s->parent);
    static const char *const args[] = {"remove_diacritics", "0"};
    if (rc == SQLITE_OK) rc = s->parent.xCreate(udata, (const char **)args, 2, &s->parent_tok);
    if (rc == SQLITE_OK) {
        s->stemmer = sb_stemmer_new("swedish", "UTF_8");
        if (!s->stemmer) rc = SQLITE_ERROR;
    }
    if (rc != SQLITE_OK) {
        tok_delete((Fts5Tokenizer *)s);
        return rc;
    }
    *out = (Fts5Tokenizer *)s;
    return SQLITE_OK;
}

static int stem_token(void *p, int flags, const char *tok, int n, int start, int end)
{
    stem_cb *c = p;
    if (c->prefix_query || n <= 0 || n > STEM_MAX_BYTES) return c->token(c->ctx, flags, tok, n, start, end);
    const sb_symbol *stem = sb_stemmer_stem(c->stemmer, (const sb_symbol *)tok, n);
    if (!stem) return c->token(c->ctx, flags, tok, n, start, end);
    return c->token(c->ctx, flags, (const char *)stem, sb_stemmer_length(c->stemmer), start, end);
}

static int tok_tokenize(Fts5Tokenizer *t, void *ctx, int flags, const char *text, int n,
                        int (*token)(void *, int, const char *, int, int, int))
{
    swedish_tok *s = (swedish_tok *)t;
    stem_cb c = {ctx, token, s->stemmer, (flags & FTS5_TOKENIZE_PREFIX) != 0};
    return s->parent.xTokenize(s->parent_tok, &c, flags, text, n, stem_token);
}

int fts_swedish_register(sqlite3 *db)
{
    fts5_api *api = get_api(db);
    if (!api) return SQLITE_ERROR;
    fts5_tokenizer tok = {tok_create, tok_delete, tok_tokenize}; /* FTS5 keeps a copy */
    return api->xCreateTokenizer(api, "samla_swedish", api, &tok, NULL);
}
