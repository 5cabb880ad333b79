/* plugin.c: the extract-protocol plugin: descriptor, pattern table, init
 * (patterns and data tables), process (runs the section extractors in
 * order) and fini.
 *
 * It fills meeting, agenda, decisions, votes, attendees and signatures from
 * a protocol's structure. Words (parties, roles, organisation naming,
 * front-page labels, sub-headings) come from data/parties.yaml, roles.yaml,
 * organisations.yaml and protocol-labels.yaml; the patterns below hold only
 * the grammar of Swedish protocols. */
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

/* An item heading, in either order of number and sign (a branch reset keeps
 * the number in group 1 and the rest in group 2): "§ 12 Title", "§§ 8–9
 * Title" (a range is one item), "KS § 1" (the body's abbreviation before the
 * sign), "Paragraf 70", "16 § Title" / "18§" (number first, as
 * Finland-Swedish protocols write it; the rest, if any, starts upper-case). */
#define ITEM_NUM "\\d{1,4}(?:\\s?[a-z](?![\\p{L}]))?(?:\\s*[–-]\\s*\\d{1,4}(?!\\s*§))?"
#define ITEM_PARA_FMT "^(?|(?:\\p{Lu}{1,8}\\s+)?(?:§§?|%s)\\s*(" ITEM_NUM ")\\b[.:]?\\s*(.*)" \
                      "|(\\d{1,4})\\s?§(?!§)[.:]?\\s*((?:\\p{Lu}.*)?))$"
#define NAME_RE "\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?:\\s+\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?){1,3}"

static const struct { int id; const char *re; unsigned flags; } patterns[] = {
    /* RE_ITEM_PARA ("§ 12 Title", "§ 102 Dnr SN 2023/0067", "Paragraf 70",
     * "Ärende 3 Title") is built in init from item_words in
     * protocol-labels.yaml around ITEM_PARA_FMT */
    /* "17. Aktuellt i samverkan" (numbered heading or list item) */
    {RE_ITEM_NUM, "^(\\d{1,3})\\.\\s+(\\S.*)$", 0},
    /* registry references: "Ärendenummer KS2023/101", "Dnr KS 2024/12" */
    {RE_REF, "(?:^|\\s)(?:Ärendenummer|Diarienummer|Dnr|Diarienr)\\.?:?\\s*(\\S.*)$", SAMLA_RE_CASELESS},
    {RE_PRESENTER, "^Föredragande\\s*:\\s*(.+)$", SAMLA_RE_CASELESS},
    /* "Controller Johan Pekkari föredrar ärendet." */
    {RE_PRESENTS, "^(?:(\\p{L}+)\\s+)?(" NAME_RE ")\\s+(?:föredrar|redogör för)\\s+(?:ärendet|valberedningens förslag)", 0},
    {RE_PERSON_PARTY, "(" NAME_RE ")s?\\s*\\((\\p{L}{1,25}|-|–)\\)", 0},
    /* "X föreslår kommunfullmäktige besluta att ..." */
    {RE_PROPOSE, "^(\\p{Lu}[^.:;]{0,80}?)\\s+föreslår\\s+(?:att\\s+)?(\\p{L}+)\\s+(?:(?:att\\s+)?beslut(?:a|ar)\\b(?:\\s+att\\b)?|att\\b)\\s*:?\\s*(.*)$", 0},
    /* "Kommunfullmäktige beslutar", "X beslutar att: ...", "För egen del beslutar socialnämnden att ..."
     * ("at": the same word from a text layer that lost its tt ligature, which no Swedish sentence has here) */
    {RE_DECIDE, "^(?:För egen del\\s+beslutar\\s+(\\p{L}+)|(\\p{Lu}[^.:;]{0,80}?)\\s+(?:beslutar|beslutade|beslöt))(?:\\s+att?\\b\\s*:?|\\s*:|\\s*$)\\s*(.*)$", 0},
    {RE_INFO, "^(\\p{Lu}[^.:;]{0,80}?)\\s+((?:godkände|godkänner|noterar|noterade)\\s+informationen.*|tackar för informationen.*)$", 0},
    /* a clause line: "att anta ...", "1. att anta ...", "1. anta ..." */
    {RE_CLAUSE, "^(?:\\d{1,2}[.)]\\s*)?att\\s+(\\S.*)$", 0},
    {RE_NUMBERED, "^\\d{1,2}[.)]\\s+(\\S.*)$", 0},
    /* "Omröstningsresultat: 6 ja, 5 nej", "8 ja-röster och 5 nej-röster, 1 avstår" */
    {RE_VOTE_COUNTS, "(\\d+)\\s+ja(?:-röster|röster)?\\s*(?:,|och|mot|;)\\s*(\\d+)\\s+nej(?:-röster|röster)?\\b(?:\\s*(?:,|och|;)\\s*(\\d+)\\s+(?:avstår|avstående|nedlagda|avstod))?", SAMLA_RE_CASELESS},
    {RE_VOTE_RESULT, "Med\\s+(\\d+|\\p{L}+)\\s+ja-röster\\s+mot\\s+(\\d+|\\p{L}+)\\s+nej-röster(?:\\s+och\\s+(\\d+|\\p{L}+)\\s+(?:som\\s+avstår|avstående|nedlagda))?", SAMLA_RE_CASELESS},
    {RE_ABSTAIN, "(\\d+|\\p{L}+)\\s+(?:ledamot|ledamöter)\\s+avstår", SAMLA_RE_CASELESS},
    {RE_RESERVE, "^(.*?)\\s+reserverar\\s+sig\\b\\s*(.*)$", 0},
    /* P-JAV: "X anmäler/anmälde jäv", "X var jävig", "X deltar/deltog inte … på grund av jäv", "På grund av jäv
     * deltar inte X i handläggningen" (branch reset: the person in group 1) */
    {RE_JAV, "^(?|(.+?)\\s+(?:anmäler jäv|anmälde jäv|anmäler sig jävig|anmälde sig jävig|var jävig|är jävig|(?:deltar|deltog) inte .*på grund av jäv)"
             "|På grund av jäv (?:deltar|deltog) inte (.+?) i (?:handläggningen|behandlingen|beslutet))", 0},
    /* "Y tjänstgör i hennes ställe", "Y tjänstgjorde i hans ställe", "Y tjänstgör istället", "Ersättare Y tjänstgör" */
    {RE_JAV_SUB, "(?:Ersättare\\s+)?(" NAME_RE ")(?:\\s*\\(\\p{L}+\\))?\\s+(?:tjänstgör|tjänstgjorde)(?:\\s+i\\s+(?:hans|hennes|dennes|dess)\\s+ställe|\\s+i\\s*stället|\\s*[.;,]|$)", 0},
    /* P-MOTION-FI: "Under diskussionen föreslog X, understödd av Y, att ärendet återremitteras." */
    {RE_MOTION_FI, "(?:^|\\s)föreslog\\s+(.+?)(?:,\\s+understödd\\s+av\\s+(.+?),)?\\s+att\\s+(.+)$", 0},
    /* P-RESERVATION (Finland): "X anmälde avvikande mening", "X lämnade en avvikande åsikt" */
    {RE_DISSENT, "^(.+?)\\s+(?:anmälde|anmäler|lämnade|lämnar)\\s+(?:en\\s+)?avvikande\\s+(?:mening|åsikt)", 0},
    /* P-PROPOSITION-ORDER in running text: the chair's proposition, the order of the vote */
    {RE_PROPOSITION, "ställ(?:er|de)\\s+(?:proposition|förslagen\\s+mot\\s+varandra)|kontraproposition|röstar\\s+ja,\\s+den\\s+som", 0},
    /* an item range ending a value, number before the sign: "… e-möte 1–9§", "39 – 49 §" */
    {RE_ITEMS_TAIL, "(?:^|\\s)(\\d{1,4}\\s*[–-]\\s*\\d{1,4}\\s?§)$", 0},
    {RE_MOTION, "^(.*?)\\s+yrkar,?\\s+(.*)$", 0},
    /* "tjänstgörande ersättare för Roger Lind (s)", "ersätter X" */
    {RE_SUBST, ",?\\s*(tjänstgörande ersättare|tjg\\.? ersättare|ersättare|ersätter)\\s+(?:för\\s+)?(" NAME_RE ")(?:\\s*\\((\\p{L}{1,4})\\))?", SAMLA_RE_CASELESS},
    {RE_ITEMS_RANGE, "(§§?\\s*\\d+(?:\\s*[–-]\\s*\\d+)?(?:\\s*,\\s*\\d+(?:\\s*[–-]\\s*\\d+)?)*)", 0},
    /* electronic signature page: "NAMN: X", "TITEL, ORGANISATION: ...", "TID: ..." */
    {RE_ESIGN, "^(NAMN|TITEL, ORGANISATION|TITEL|ORGANISATION|TID)\\s*:\\s*(.*)$", 0},
    /* a digital signature line: "Signerat av: Anna Ek, ordförande Datum: 2025-02-12 14:03" */
    {RE_SIGNED, "^(?:Signerat|Signerad|Undertecknat|Undertecknad)(?:\\s+digitalt)?\\s+av\\s*:?\\s*(.+?)\\s+(?:Datum|Tid|Tidpunkt)\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2}(?:\\s+\\d{1,2}[:.]\\d{2}(?::\\d{2})?)?)", SAMLA_RE_CASELESS},
    {RE_DOTS, "(?:…{2,}|\\.{5,}|_{5,})", 0},
    /* "Protokollet justerat 2025-02-06 av X (s), ordförande, och Y (m), justerare." */
    {RE_ADJUSTED, "^Protokollet (?:är )?justerat\\s+(?:den\\s+)?(.+?)\\s+av\\s+(.+)$", 0},
    /* a registry-like reference line on a front page: "HSN: 50:2-2024" */
    {RE_REF_TOP, "^(\\p{Lu}{2,6}):?\\s+(\\d[\\d:\\-/ ]*\\d)$", 0},
    {RE_IMMEDIATE, "(?:förklaras|förklarades)\\s+omedelbart\\s+justerad|justeras omedelbart\\.?$|omedelbart justerad", SAMLA_RE_CASELESS},
    /* one capitalised name word at the search offset */
    {RE_WORD, "\\G(\\s*)(\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?)(?=$|[\\s,(.;:])", 0},
    /* a sub-lettered decision point: "a) Investeringsplanen godkänns.", "b) att uppdra ..." */
    {RE_LETTERED, "^\\p{Ll}[).]\\s+(?:att\\s+)?(\\S.*)$", 0},
    /* an upper-case letter at the search offset */
    {RE_CAPITAL, "^\\p{Lu}", 0},
    /* the title after a reference on an item's line: "SN 2025/2 — Title" */
    {RE_REF_DASH, "\\s+[—–-]\\s+(\\p{Lu}.*)$", 0},
    /* a body and its meeting number in the year: "Bildningsnämnden 3/2023", "Styrelsen nr 4/2025" */
    {RE_MEETING_NO, "^(\\p{Lu}[\\p{L} -]*?\\p{L})\\s+(?:nr\\.?\\s*|möte\\s+)?\\d{1,2}\\s*/\\s*(?:19|20)\\d\\d$", 0},
    /* a presence cell naming the member served for: "Tjänstgör för Anna Berg (M)", "Ersätter X" */
    {RE_SERVES_FOR, "^(?i:tjänstgör(?:ande)?(?:\\s+ersättare)?\\s+för|tjg\\.?\\s+för|ersätter)\\s+(" NAME_RE ")(?:\\s*\\((\\p{L}{1,25}|-|–)\\))?\\s*(.*)$", 0},
    /* "X (SD) lämnar en protokollsanteckning", "… får föra följande anteckning till protokollet" */
    {RE_NOTE, "^(.+?)\\s+(?:lämnar|lämnade|anmäler|anmälde|får|fick|begär|begärde)\\s+(?:en\\s+|följande\\s+)?(?:protokollsanteckning|(?:föra\\s+(?:följande\\s+)?)?(?:anteckning\\s+)?till\\s+protokollet)", 0},
    /* "Nils Berg (L) anmäler ett särskilt yttrande" */
    {RE_STATEMENT, "^(.+?)\\s+(?:lämnar|lämnade|anmäler|anmälde|avger|avgav)\\s+(?:ett\\s+|följande\\s+)?särskil(?:t|da)\\s+yttrande", 0},
    /* P-ITEM-TOC: a contents line ends in a leader and a page number: "16 § Val av justerare ........ 3" */
    {RE_TOC, "\\s*(?:\\.(?:\\s?\\.){3,}|…{2,}|_{4,})\\s*\\d{1,4}$", 0},
    /* P-DEC-HISTORY: a treatment sub-heading naming a body, a date and its paragraph: "Stadsstyrelsen
     * 29.11.2021, 393 §", "Personalsektionen 28.3.2023, 17 §" */
    {RE_TREATMENT, "^\\p{Lu}[\\p{L}.:-]*(?:\\s+\\p{L}[\\p{L}.:-]*){0,4}\\s+\\d{1,2}\\.\\d{1,2}\\.\\d{4},?\\s+\\d{1,4}\\s?§$", 0},
    /* a separator line of rule characters ("_____", "-----") that closes an item's decision */
    {RE_RULE, "^[_\\-–—=\\s]{3,}$", 0},
    /* the second line of a running header: the body and the page number, "Stadsstyrelsen 3" */
    {RE_HEADER_TAIL, "^\\p{Lu}[\\p{L} .:-]{1,60}?\\p{L}\\s+\\d{1,4}$", 0},
    {RE_PROTOCOL_WORD, "\\b(?:protokoll|protokollsutdrag|sammanträdesprotokoll|mötesprotokoll)\\b", SAMLA_RE_CASELESS},
};

static void fini(void *state)
{
    pstate *st = state;
    if (!st) return;
    for (int i = 0; i < RE_COUNT; i++) samla_re_free(st->re[i]);
    samla_arena_free(st->arena);
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
        (s = ptable_from_list(st->arena, samla_map_get(labels, "checkbox_present"), "present", &st->checkbox, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "checkbox_absent"), "absent", &st->checkbox, true)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "remote"), "remote", &st->remote, false)) != SAMLA_OK ||
        (s = ptable_from_list(st->arena, samla_map_get(labels, "propositions"), "p", &st->propositions, false)) != SAMLA_OK ||
        (s = ptable_from_map(st->arena, samla_map_get(labels, "vote_columns"), &st->vote_columns)) != SAMLA_OK)
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
    /* item words ("Paragraf", "Ärende") into the item-start pattern */
    samla_node *iw = samla_map_get(labels, "item_words");
    const char *alt = NULL;
    for (size_t i = 0; i < samla_node_len(iw); i++) {
        const char *w = samla_seq_at(iw, i)->u.s;
        if (!w) continue;
        alt = alt ? samla_arena_printf(st->arena, "%s|%s", alt, w) : w;
    }
    const char *re = samla_arena_printf(st->arena, ITEM_PARA_FMT, alt ? alt : "Paragraf");
    if (!re || !(st->re[RE_ITEM_PARA] = samla_re_compile(re, 0, diag))) return SAMLA_ERR_CONFIG;
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
    for (size_t i = 0; i < sizeof patterns / sizeof *patterns; i++) {
        st->re[patterns[i].id] = samla_re_compile(patterns[i].re, patterns[i].flags, diag);
        if (!st->re[patterns[i].id]) return SAMLA_ERR_INTERNAL;
    }
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
