/* civic.h: what the OParl and Popolo writers share: an index of the protocol sections of a
 * model (meeting, agenda, decisions, votes, attendees, signatures), the persons and parties it
 * names, and the identifiers both exports give them. */
#ifndef SAMLA_CIVIC_H
#define SAMLA_CIVIC_H

#include <jansson.h>
#include "samla/json.h"
#include "samla/samla.h"

/* The options both writers take (base, timezone), their table, and the init that checks them. */
typedef struct civic_config {
    const char *base;      /* identifier prefix */
    const char *timezone;  /* IANA zone of the meeting's times */
} civic_config;
extern const samla_option civic_options[];
samla_status civic_init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag);

typedef struct civic_person {
    const char *name;
    const char *id;                 /* "<base>person/<n>" */
    const char *party;              /* abbreviation from the first mention that has one, or NULL */
    const samla_node *attendee;     /* the attendees entry, or NULL (named only in votes/signatures) */
} civic_person;

typedef struct civic_party {
    const char *abbr, *name, *id;
} civic_party;

typedef struct civic {
    samla_ctx *ctx;
    const char *base;               /* identifier prefix: "<base option><document id>/" */
    const samla_node *document, *meeting, *agenda, *decisions, *votes, *attendees, *signatures;
    civic_person *persons;
    size_t npersons;
    civic_party *parties;
    size_t nparties;
    const char *body_id;            /* the deciding body's organisation id, or NULL */
} civic;

/* Indexes ctx->model. base_option is the configured identifier prefix ("urn:samla:" by default).
 * Everything is allocated in ctx->arena. */
samla_status civic_index(civic *c, samla_ctx *ctx, const char *base_option);
/* The person of that name (as written), or NULL. */
const civic_person *civic_person_named(const civic *c, const char *name);
/* The party with that abbreviation, or NULL. */
const civic_party *civic_party_of(const civic *c, const char *abbr);
/* "<base><kind>/<n>" in the arena. */
const char *civic_id(const civic *c, const char *kind, size_t n);

/* jansson helpers: set key to the string s when s is non-empty (nothing otherwise). */
void civic_set_str(json_t *obj, const char *key, const char *s);
/* A JSON array of the string items of a samla seq (or NULL when empty). */
json_t *civic_str_array(const samla_node *seq);
/* RFC 3339 date-time of date (YYYY-MM-DD) and time (HH:MM) in time zone tz (an IANA name), in
 * the arena; NULL when either is missing or malformed. */
const char *civic_datetime(const civic *c, const char *date, const char *time, const char *tz);
/* Writes root to ctx->out, pretty-printed UTF-8, and frees it. */
samla_status civic_write(samla_ctx *ctx, json_t *root);
#endif
