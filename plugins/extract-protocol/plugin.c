/* plugin.c: the extract-protocol plugin: descriptor, pattern keys, init
 * (patterns and data tables), process (runs the section extractors in
 * order) and fini.
 *
 * It fills meeting, agenda, decisions, votes, attendees and signatures from
 * a protocol's structure. Words (parties, roles, organisation naming,
 * front-page labels, sub-headings) come from data/parties.yaml, roles.yaml,
 * organisations.yaml and protocol-labels.yaml; the grammar of Swedish
 * protocols (the patterns, with their convention ids and examples) from
 * protocol-conventions.yaml. */
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

/* The key in protocol-conventions.yaml `patterns:` of each pattern id (the
 * patterns, their convention ids and examples are there). */
static const char *const pattern_keys[RE_COUNT] = {
    [RE_ITEM_PARA] = "item_para", [RE_ITEM_NUM] = "item_num", [RE_REF] = "ref", [RE_PRESENTER] = "presenter",
    [RE_PRESENTS] = "presents", [RE_PERSON_PARTY] = "person_party", [RE_PROPOSE] = "propose", [RE_DECIDE] = "decide", [RE_DECIDE_PRESENT] = "decide_present",
    [RE_INFO] = "info", [RE_CLAUSE] = "clause", [RE_NUMBERED] = "numbered", [RE_VOTE_COUNTS] = "vote_counts",
    [RE_VOTE_RESULT] = "vote_result", [RE_ABSTAIN] = "abstain", [RE_RESERVE] = "reserve", [RE_JAV] = "jav",
    [RE_JAV_SUB] = "jav_sub", [RE_MOTION_FI] = "motion_fi", [RE_DISSENT] = "dissent",
    [RE_PROPOSITION] = "proposition", [RE_ITEMS_TAIL] = "items_tail", [RE_MOTION] = "motion", [RE_SUBST] = "subst",
    [RE_ITEMS_RANGE] = "items_range", [RE_ESIGN] = "esign", [RE_SIGNED] = "signed", [RE_DOTS] = "dots",
    [RE_ADJUSTED] = "adjusted", [RE_REF_TOP] = "ref_top", [RE_IMMEDIATE] = "immediate", [RE_WORD] = "word",
    [RE_LETTERED] = "lettered", [RE_CAPITAL] = "capital", [RE_REF_DASH] = "ref_dash", [RE_REF_CODE] = "ref_code", [RE_MEETING_NO] = "meeting_no",
    [RE_SERVES_FOR] = "serves_for", [RE_NOTE] = "note", [RE_STATEMENT] = "statement", [RE_TOC] = "toc",
    [RE_TREATMENT] = "treatment", [RE_RULE] = "rule", [RE_HEADER_TAIL] = "header_tail",
    [RE_PROTOCOL_WORD] = "protocol_word", [RE_PLACE_TAIL] = "place_tail", [RE_MEETING_END] = "meeting_end",
    [RE_ASSOC_DECISION] = "assoc_decision", [RE_ASSOC_NOT] = "assoc_not", [RE_SERVES_GAP] = "serves_gap",
    [RE_ADJOURN] = "adjourn", [RE_FORMULA] = "formula", [RE_INFO_NOTE] = "info_note",
    [RE_INFO_TITLE] = "info_title", [RE_ITEM_BODY_LINE] = "item_body_line", [RE_ADOPT_GENITIVE] = "adopt_genitive", [RE_VOTE_TALLY] = "vote_tally",
    [RE_INFO_PRESENT] = "info_present",
};

static void fini(void *state)
{
    pstate *st = state;
    if (!st) return;
    samla_arena_free(st->arena);   /* the tables and the patterns (samla_data_fill) live in it */
    free(st);
}

static const char *const att_keys[] = {"status_present", "status_absent", "groups", "adjusters"};
static const char *const att_vals[] = {"present", "absent", "group", "adjusters"};

static samla_status load_tables(samla_runtime *rt, pstate *st, samla_diag *diag)
{
    samla_node *roles, *parties, *orgs, *labels;
    samla_status s;
    if ((s = samla_runtime_load_data(rt, st->arena, "roles.yaml", &roles, diag)) != SAMLA_OK) return s;
    if ((s = samla_runtime_load_data(rt, st->arena, "parties.yaml", &parties, diag)) != SAMLA_OK) return s;
    if ((s = samla_runtime_load_data(rt, st->arena, "organisations.yaml", &orgs, diag)) != SAMLA_OK) return s;
    if ((s = samla_runtime_load_data(rt, st->arena, "protocol-labels.yaml", &labels, diag)) != SAMLA_OK) return s;
    samla_node *given;
    if ((s = samla_runtime_load_data(rt, st->arena, "given-names.yaml", &given, diag)) != SAMLA_OK) return s;
    if ((s = ptable_from_list(st->arena, samla_map_get(given, "given_names"), "g", &st->given_names, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "name_columns"), "name", &st->name_columns, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "member_columns"), "member", &st->name_columns, true)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "checkbox_present"), "present", &st->checkbox, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "checkbox_absent"), "absent", &st->checkbox, true)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "remote"), "remote", &st->remote, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "propositions"), "p", &st->propositions, false)) != SAMLA_OK ||
        (s = ptable_from_map(st->arena, samla_map_get(labels, "vote_columns"), &st->vote_columns)) != SAMLA_OK ||
        (s = ptable_from_map(st->arena, samla_map_get(labels, "vote_values"), &st->vote_values)) != SAMLA_OK)
        return s;
    samla_node *rl = samla_map_get(roles, "roles");
    for (size_t i = 0; i < samla_node_len(rl); i++) {
        samla_node *r = samla_seq_at(rl, i);
        if ((s = ptable_from_list(st->arena, samla_map_get(r, "labels"), samla_map_get_str(r, "key"),
                                  &st->roles, true)) != SAMLA_OK) return s;
    }
    samla_node *pl = samla_map_get(parties, "parties");
    for (size_t i = 0; i < samla_node_len(pl); i++) {
        samla_node *p = samla_seq_at(pl, i);
        const char *abbr = samla_map_get_str(p, "abbr");
        samla_node *one = samla_node_seq(st->arena);
        if (!abbr || !one) return SAMLA_ERR_CONFIG;
        samla_seq_append_str(st->arena, one, abbr);
        if ((s = ptable_from_list(st->arena, one, abbr, &st->parties, true)) != SAMLA_OK) return s;
        if ((s = ptable_from_list(st->arena, samla_map_get(p, "aliases"), abbr, &st->parties, true)) != SAMLA_OK) return s;
        /* the party's name written out ("socialdemokraterna") reads as the party too */
        samla_node *full = samla_node_seq(st->arena);
        if (!full) return SAMLA_ERR_NOMEM;
        if (samla_map_get_str(p, "name")) samla_seq_append_str(st->arena, full, samla_map_get_str(p, "name"));
        if ((s = ptable_from_list(st->arena, full, abbr, &st->parties, true)) != SAMLA_OK) return s;
        samla_node *nm = samla_node_seq(st->arena);
        if (!nm) return SAMLA_ERR_NOMEM;
        samla_seq_append_str(st->arena, nm, abbr);
        if ((s = ptable_from_list(st->arena, nm, samla_map_get_str(p, "name"), &st->party_name, true)) != SAMLA_OK) return s;
    }
    samla_node *o = samla_map_get(orgs, "organisations");
    ptable tp = {0}, ts = {0};
    if ((s = ptable_from_list(st->arena, samla_map_get(o, "prefixes"), "p", &tp, false)) != SAMLA_OK) return s;
    if ((s = ptable_from_list(st->arena, samla_map_get(o, "suffixes"), "s", &ts, false)) != SAMLA_OK) return s;
    st->org_prefix = tp.label; st->norg_prefix = tp.n;
    st->org_suffix = ts.label; st->norg_suffix = ts.n;
    if ((s = ptable_from_map(st->arena, samla_map_get(labels, "meeting"), &st->meeting_labels)) != SAMLA_OK) return s;
    if ((s = ptable_from_map(st->arena, samla_map_get(labels, "sections"), &st->sections)) != SAMLA_OK) return s;
    if ((s = ptable_from_map(st->arena, samla_map_get(labels, "attendance_columns"), &st->att_columns)) != SAMLA_OK) return s;
    if ((s = ptable_from_map(st->arena, samla_map_get(labels, "presence_values"), &st->presence)) != SAMLA_OK) return s;
    for (size_t i = 0; i < sizeof att_keys / sizeof *att_keys; i++)
        if ((s = ptable_from_list(st->arena, samla_map_get(labels, att_keys[i]), att_vals[i], &st->attendance, true)) != SAMLA_OK)
            return s;
    if ((s = ptable_from_list(st->arena, samla_map_get(labels, "terminators"), "end", &st->terminators, false)) != SAMLA_OK)
        return s;
    if ((s = ptable_from_list(st->arena, samla_map_get(labels, "name_prefixes"), "p", &st->prefixes, false)) != SAMLA_OK)
        return s;
    if ((s = ptable_from_list(st->arena, samla_map_get(labels, "decision_suffix"), "decision", &st->heading_suffixes,
                              false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "proposal_suffix"), "proposal", &st->heading_suffixes,
                              true)) != SAMLA_OK)
        return s;
    /* the words of conventions catalogued in docs/conventions.md */
    samla_node *conv;
    if ((s = samla_runtime_load_data(rt, st->arena, "protocol-conventions.yaml", &conv, diag)) != SAMLA_OK) return s;
    samla_node *rh = samla_map_get(conv, "running_header");
    if ((s = ptable_from_list(st->arena, samla_map_get(rh, "documents"), "d", &st->run_docs, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(rh, "page"), "p", &st->run_pages, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(conv, "history_headings"), "h", &st->history, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(conv, "decision_as_proposed"), "a", &st->as_proposed, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(conv, "recipients_inline"), "r", &st->recips_inline, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(conv, "agenda_document"), "a", &st->agenda_doc, false)) != SAMLA_OK ||
        /* P-SIG-ELECTRONIC: a signature block's heading ends the attendance list above it */
        (s = ptable_from_list(st->arena, samla_map_get(conv, "signature_headings"), "end", &st->terminators, true)) != SAMLA_OK)
        return s;
    if ((s = ptable_from_list(st->arena, samla_map_get(conv, "signature_headings"), "s", &st->sig_headings, false)) != SAMLA_OK ||
        (s = ptable_from_map(st->arena, samla_map_get(conv, "signature_heading_roles"), &st->sig_roles)) != SAMLA_OK ||
        (s = ptable_from_map(st->arena, samla_map_get(conv, "signature_columns"), &st->sig_columns)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(conv, "signature_stamp"), "s", &st->sig_stamp, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(conv, "certify"), "c", &st->certify, false)) != SAMLA_OK)
        return s;
    ptable_sort(&st->sig_stamp);
    ptable_sort(&st->certify);
    ptable lig = {0};
    if ((s = ptable_from_list(st->arena, samla_map_get(conv, "ligature_loss"), "l", &lig, false)) != SAMLA_OK) return s;
    ptable_sort(&lig);   /* longest first: "ffi" before "ff" */
    st->ligs = lig.label;
    st->nligs = lig.n;
    /* phrases are matched on soft forms */
    for (size_t i = 0; i < st->as_proposed.n; i++)
        st->as_proposed.label[i] = samla_text_soft(st->arena, st->as_proposed.label[i]);
    ptable_sort(&st->recips_inline);
    /* the patterns: one error naming the file and the key for each one missing or bad */
    samla_data_item items[RE_COUNT];
    for (int i = 0; i < RE_COUNT; i++) {
        if (!pattern_keys[i]) return SAMLA_ERR_INTERNAL;   /* an id added to the enum without its key */
        items[i] = (samla_data_item)SAMLA_DATA_PATTERN(NULL, pattern_keys[i], &st->re[i]);
    }
    if ((s = samla_data_fill(conv, st->arena, "protocol-conventions.yaml", items, RE_COUNT, diag)) != SAMLA_OK) return s;
    ptable_sort(&st->prefixes);
    ptable_sort(&st->roles);
    ptable_sort(&st->parties);
    ptable_sort(&st->meeting_labels);
    ptable_sort(&st->sections);
    ptable_sort(&st->attendance);
    ptable_sort(&st->terminators);
    ptable_sort(&st->checkbox);
    ptable_sort(&st->remote);
    return SAMLA_OK;
}

static samla_status init(samla_runtime *rt, const void *cfg, void **state, samla_diag *diag)
{
    (void)cfg;
    pstate *st = calloc(1, sizeof *st);
    if (!st) return SAMLA_ERR_NOMEM;
    *state = st;
    st->arena = samla_arena_new();
    if (!st->arena) return SAMLA_ERR_NOMEM;
    return load_tables(rt, st, diag);
}

static samla_status process(void *state, samla_ctx *ctx)
{
    pdoc d = {.ctx = ctx, .st = state};
    samla_status s;
    if ((s = lines_build(&d)) != SAMLA_OK) return s;
    if ((s = items_find(&d)) != SAMLA_OK) return s;
    if ((s = agenda_extract(&d)) != SAMLA_OK) return s;
    if ((s = decisions_extract(&d)) != SAMLA_OK) return s;
    if ((s = votes_extract(&d)) != SAMLA_OK) return s;
    if ((s = attendees_extract(&d)) != SAMLA_OK) return s;
    if ((s = signatures_extract(&d)) != SAMLA_OK) return s;
    if ((s = esign_extract(&d)) != SAMLA_OK) return s;
    if ((s = attendees_signers(&d)) != SAMLA_OK) return s;
    /* a protocol read without items or attendees is said, never silent (an
     * extract of one § usually has no attendance list: no warning then) */
    if (d.protocol && !d.nitems)
        samla_ctx_warn(ctx, 0, "protocol with no agenda items found (no '§ N', 'N §', 'Paragraf N' or numbered item headings recognised)");
    if (d.protocol && d.nitems > 1 && !samla_node_len(samla_ctx_section(ctx, "attendees")))
        samla_ctx_warn(ctx, 0, "protocol with no attendees found (no attendance list recognised)");
    return SAMLA_OK;
}

static const char *const needs[] = {"content", NULL};
static const char *const provides[] = {"meeting", "agenda", "decisions", "votes", "attendees", "signatures", NULL};

static const samla_plugin descriptor = {
    SAMLA_PLUGIN_HEADER,
    .name = "extract-protocol",
    .version = "0.1.0",
    .description = "protocols: meeting, agenda items, decisions, votes, attendees, signatures",
    .stage = SAMLA_STAGE_EXTRACTOR,
    .needs = needs,
    .provides = provides,
    .init = init,
    .process = process,
    .fini = fini,
};

SAMLA_EXPORT const samla_plugin *SAMLA_PLUGIN_ENTRY(void) { return &descriptor; }
