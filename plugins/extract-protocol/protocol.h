/* protocol.h: shared types of the extract-protocol plugin.
 *
 * The plugin reads a protocol's document model as a list of lines (`pline`):
 * one per paragraph, heading or list item, and one per paragraph inside a
 * table cell (with its row and column), in reading order. Running headers and
 * footers are left out. Items (§ / Paragraf / numbered headings) are found
 * once and shared by the section extractors. */
#ifndef EXTRACT_PROTOCOL_H
#define EXTRACT_PROTOCOL_H

#include <stdbool.h>
#include <stddef.h>
#include "samla/samla.h"

/* A word table loaded from data: labels (as written) and their key. */
typedef struct ptable {
    const char **label;   /* lowercase labels, longest first */
    const char **key;
    size_t n;
    size_t longest;       /* bytes of the longest label */
} ptable;

typedef enum sect {
    SECT_NONE = 0, SECT_DECISION, SECT_PROPOSAL, SECT_MOTIONS, SECT_PROCEDURE, SECT_VOTE,
    SECT_RESERVATION, SECT_CONFLICT, SECT_NOTE, SECT_STATEMENT, SECT_RECIPIENTS, SECT_BACKGROUND
} sect;

/* Regular expressions, compiled once in init. */
enum {
    RE_ITEM_PARA, RE_ITEM_NUM, RE_REF, RE_PRESENTER, RE_PRESENTS, RE_PERSON_PARTY, RE_PROPOSE,
    RE_DECIDE, RE_INFO, RE_CLAUSE, RE_NUMBERED, RE_VOTE_RESULT, RE_VOTE_COUNTS, RE_ABSTAIN, RE_RESERVE, RE_JAV,
    RE_JAV_SUB, RE_MOTION, RE_SUBST, RE_ITEMS_RANGE, RE_ESIGN, RE_SIGNED, RE_DOTS, RE_ADJUSTED, RE_REF_TOP,
    RE_IMMEDIATE, RE_SERVES_GAP, RE_ADJOURN, RE_PROTOCOL_WORD, RE_WORD, RE_LETTERED, RE_CAPITAL, RE_REF_DASH, RE_MEETING_NO, RE_SERVES_FOR, RE_NOTE, RE_STATEMENT,
    RE_TOC, RE_TREATMENT, RE_RULE, RE_HEADER_TAIL, RE_MOTION_FI, RE_DISSENT, RE_PROPOSITION, RE_ITEMS_TAIL,
    RE_PLACE_TAIL, RE_MEETING_END, RE_ASSOC_DECISION, RE_ASSOC_NOT, RE_REF_CODE, RE_DECIDE_PRESENT, RE_FORMULA, RE_INFO_NOTE,
    RE_INFO_TITLE, RE_ITEM_BODY_LINE, RE_ADOPT_GENITIVE, RE_VOTE_TALLY, RE_INFO_PRESENT, RE_COUNT
};

typedef struct pstate {
    samla_arena *arena;          /* owns the tables below */
    samla_re *re[RE_COUNT];
    ptable roles;                /* label -> role key */
    ptable parties;              /* abbr/alias -> abbr; names in party_name */
    ptable party_name;           /* abbr -> full name */
    ptable meeting_labels;       /* label -> field */
    ptable attendance;           /* label -> "present" | "absent" | "group" | "adjusters" */
    ptable terminators;          /* label -> "end" */
    ptable att_columns;          /* attendance table header -> "party" | "presence" | "items" */
    ptable presence;             /* presence cell value -> "present" | "absent" */
    ptable prefixes;             /* words before a name -> "p" */
    ptable heading_suffixes;     /* last word of a section heading -> "decision" | "proposal" */
    ptable sections;             /* label -> section kind name */
    ptable name_columns;         /* first header cell of a person-a-row attendance table -> "name" */
    ptable checkbox;             /* check-box mark -> "present" | "absent" */
    ptable remote;               /* descriptor of remote participation -> "remote" */
    ptable propositions;         /* procedure headings holding the order of propositions */
    ptable vote_columns;         /* voting list header -> "name" | "substitute" | "yes" | "no" | "abstain" */
    ptable vote_values;          /* a ballot column's cell ("Ja", "Nej", "Avstår") -> "yes" | "no" | "abstain" */
    ptable given_names;          /* given name -> "g" (surname-first detection) */
    /* from protocol-conventions.yaml */
    ptable run_docs;             /* P-ITEM-RUNNING-HEADER: first word of a running header -> "d" */
    ptable run_pages;            /* P-ITEM-RUNNING-HEADER: its page word -> "p" */
    ptable history;              /* P-DEC-HISTORY: headings listing earlier treatments -> "h" */
    ptable as_proposed;          /* P-DEC-FI-PROPOSAL: phrases of a decision adopting the proposal (soft form) -> "a" */
    ptable recips_inline;        /* P-DEC-RECIPIENTS: "Beslutet meddelas A, B och C" lead-ins -> "r" */
    ptable agenda_doc;           /* P-AGENDA-NOT-DECIDED: first word of an agenda document -> "a" */
    ptable sig_headings;         /* P-SIG-ELECTRONIC: headings of signature blocks -> "s" */
    ptable sig_roles;            /* P-SIG-ELECTRONIC: heading -> the role of the block's signers */
    ptable sig_columns;          /* P-SIG-TABLE: signature table header -> "role" | "name" | "time" | "signature" */
    ptable sig_stamp;            /* P-SIG-ELECTRONIC: the signing service's stamp line -> "s" */
    ptable certify;              /* P-SIG-CERTIFY: "Intygar" -> "c" */
    const char **ligs; size_t nligs;   /* P-TEXT-LIGATURE-LOSS: letter groups a ligature glyph stands for */
    const char **org_prefix; size_t norg_prefix;
    const char **org_suffix; size_t norg_suffix;
} pstate;

typedef struct pline {
    const char *text;
    const samla_block *blk;      /* top-level block (source) */
    samla_block_kind kind;
    int level;
    bool bold, italic, title, numbered;  /* numbered: list/heading with a digit numbering */
    int row, col;                /* table position, -1 outside tables */
    int cell_line;               /* index of the line inside its cell */
    int table;                   /* table number (block index), -1 outside */
    int cell;                    /* lines of one flattened "Label | text" row's text cell share it, else -1 */
} pline;

typedef struct pitem {
    const char *number, *title, *reference;
    size_t start, end;           /* lines [start, end) */
    size_t body;                 /* first line after number/title/reference */
    samla_node *node;            /* agenda entry */
    bool has_decision, information;
} pitem;

typedef struct pdoc {
    samla_ctx *ctx;
    const pstate *st;
    pline *l;
    size_t n;
    pitem *items;
    size_t nitems;
    bool protocol;               /* protocol front matter or title seen */
    bool plain_numbered;         /* items are plain "1. Title" paragraphs (associations) */
    bool agenda_doc;             /* a föredragningslista / kallelse: nothing in it is decided (P-AGENDA-NOT-DECIDED) */
    size_t body_start, body_end; /* lines holding items */
    const char *body_name;       /* the meeting body */
    const char **local_parties;  /* P-ATT-PARTY-LOCAL: party abbreviations this document writes in brackets
                                  * after a name and data/parties.yaml lacks (lowercase; arena) */
    size_t nlocal;
} pdoc;

/* tables.c */
samla_status ptable_from_map(samla_arena *a, const samla_node *map, ptable *t);
samla_status ptable_from_list(samla_arena *a, const samla_node *seq, const char *key, ptable *t,
                              bool append);
void ptable_sort(ptable *t);
/* Key of the label equal to s (case-insensitive, trimmed of ':' and spaces). */
const char *ptable_exact(const pdoc *d, const ptable *t, const char *s);
/* Key of the longest label starting s followed by ':', end, or (if space_ok)
 * a space; *rest gets the value after it. */
const char *ptable_prefix(const pdoc *d, const ptable *t, const char *s, bool space_ok,
                          const char **rest);

/* Bytes of text (lowercase) that label (lowercase) covers at its start,
 * letter groups of lost ligatures allowed (P-TEXT-LIGATURE-LOSS); -1 if none. */
long ptable_lig_prefix(const pdoc *d, const char *label, const char *text);

/* lines.c */
samla_status lines_build(pdoc *d);
bool line_is_heading(const pline *l);
sect line_section(const pdoc *d, const pline *l);
bool line_terminates(const pdoc *d, const pline *l);
const char *group_text(const pdoc *d, const samla_re *re, const char *s, const samla_match *m, int g);
char *strip_end(samla_arena *a, const char *s, const char *chars);
/* Splits text into sentences (". " followed by an upper-case letter). */
size_t sentences(samla_arena *a, const char *s, const char ***out);

/* persons.c: "Name (p) Org, role, title, §§ 1-3" */
/* P-ATT-PARTY-LOCAL: collects the document's local parties (d->local_parties) */
void persons_local_parties(pdoc *d);
typedef struct person {
    const char *name, *party, *organisation, *title, *items, *substitutes_for, *subst_party;
    bool remote;                 /* "distans": took part from elsewhere */
    const char **roles, **labels;
    size_t nroles;
} person;
bool person_parse(const pdoc *d, const char *s, person *p);
/* Start offset and length of a leading person name in s, 0 if none. */
size_t person_name_len(const pdoc *d, const char *s);
/* All "Name (p)" mentions; returns count, names/parties in arena arrays. */
size_t person_mentions(const pdoc *d, const char *s, const char ***names, const char ***parties);
void person_role(const pdoc *d, person *p, const char *label);
const char *role_key(const pdoc *d, const char *label);

/* the section extractors */
samla_status meeting_extract(pdoc *d);
samla_status items_find(pdoc *d);
samla_status agenda_extract(pdoc *d);
samla_status decisions_extract(pdoc *d);
samla_status votes_extract(pdoc *d);
samla_status attendees_extract(pdoc *d);
samla_status attendees_signers(pdoc *d);   /* after signatures_extract */
samla_status signatures_extract(pdoc *d);
/* A signature's time as ISO: "28.5.2025 kl. 09.41" -> 2025-05-28T09:41; the date alone without a time. */
char *sig_time(samla_arena *a, const char *s);
samla_status esign_extract(pdoc *d);

/* Item holding line i, or NULL. */
pitem *item_at(pdoc *d, size_t i);

#endif
