/* decisions.c: decisions and proposals. A lead line ("Kommunfullmäktige
 * beslutar", "X föreslår kommunfullmäktige besluta att", "X godkände
 * informationen") followed by its clauses (numbered or `att` lines, or `att`
 * parts of the lead itself); status from the lead and the sub-heading
 * (Förslag till beslut / ... förslag = proposed); recipients from
 * "Beslutet skickas till" / "Expedieras till"; omedelbar justering. A
 * proposal superseded by the same body's decision in the same item is
 * dropped. Clauses are stored without their number and `att` marker. */
#include <string.h>

#include "protocol.h"

typedef struct dec {
    samla_node *node;
    const char *body, *status;
    pitem *item;
    const char *proposer;        /* "X föreslår Y att": X (the body is Y), else NULL */
    samla_node *clauses;
    bool formula;                /* P-DEC-FORMULA: read by its formula alone */
} dec;

/* P-DEC-HISTORY: the last treatment sub-heading ("Stadsstyrelsen 26.9.2022,
 * 194 §") of an item opens this meeting's treatment; what stands before it
 * is the item's earlier treatments, by other meetings. Returns its line, or
 * the item's body start when it has none. */
static size_t today_start(const pdoc *d, const pitem *it)
{
    size_t at = it->body;
    for (size_t i = it->body; i < it->end; i++)
        if (d->l[i].row < 0 && samla_re_test(d->st->re[RE_TREATMENT], d->l[i].text)) at = i;
    return at;
}

/* P-DEC-REF-STOP: text is a registry code alone ("KOM/12/00.01.00/2024": office, running number, archive code, year), the line that
 * heads the next item's page: no sentence of a decision, which ends before it (a decision whose closing rule OCR
 * did not read ran on over the page break into it). */
static bool bare_reference(const pdoc *d, const char *text)
{
    return samla_re_test(d->st->re[RE_REF_CODE], text);
}

/* P-DEC-FI-PROPOSAL: a short decision that only refers to the proposal
 * ("Förslaget godkändes.", "Enligt förslag.", "Nämnden godkände förslaget."). */
static bool adopts_proposal(const pdoc *d, const char *text)
{
    if (!text || strlen(text) > 100) return false;
    if (samla_re_test(d->st->re[RE_ADOPT_GENITIVE], text)) return true;
    char *soft = samla_text_soft(d->ctx->arena, text);
    for (size_t i = 0; soft && i < d->st->as_proposed.n; i++)
        if (strstr(soft, d->st->as_proposed.label[i])) return true;
    return false;
}

static const char *const bad_start[] = {"Ordförande", "Med ", "Den ", "Det ", "Efter ", "Sammanträdet", NULL};
static const char *const bad_last[] = {"har", "hade", "ska", "skall", "kommer", "finner", "att", "som", "också", "därför", NULL};

static bool body_ok(const char *b)
{
    if (!b || !*b || strpbrk(b, "0123456789") || strlen(b) > 80) return false;
    for (size_t i = 0; bad_start[i]; i++)
        if (strncmp(b, bad_start[i], strlen(bad_start[i])) == 0) return false;
    const char *last = strrchr(b, ' ');
    last = last ? last + 1 : b;
    for (size_t i = 0; bad_last[i]; i++)
        if (strcmp(last, bad_last[i]) == 0) return false;
    return true;
}

static const char *clause_text(samla_arena *a, const char *s)
{
    return strip_end(a, samla_text_trim(a, s), ",;. ");
}

/* A point under a decision heading without a lead: as written, without a leading "att" ("Beslut" / "att anta
 * planen" / "att ge nämnden i uppdrag …", P-DEC-HEADING-ATT). */
static const char *point_text(const pdoc *d, const char *s)
{
    samla_match m;
    if (samla_re_search(d->st->re[RE_CLAUSE], s, 0, &m)) return clause_text(d->ctx->arena, group_text(d, d->st->re[RE_CLAUSE], s, &m, 1));
    return clause_text(d->ctx->arena, s);
}

/* Splits "a, att b och att c" into clauses. */
static void split_inline(samla_arena *a, const char *s, samla_node *seq)
{
    static const char *const seps[] = {", samt att ", " samt att ", ", och att ", " och att ", ", att ", "; att "};
    char *c = samla_arena_strdup(a, s);
    while (c && *c) {
        char *best = NULL;
        size_t bl = 0;
        for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
            char *f = strstr(c, seps[i]);
            if (f && (!best || f < best)) { best = f; bl = strlen(seps[i]); }
        }
        if (best) *best = 0;
        const char *t = clause_text(a, c);
        if (t && *t) samla_seq_append_str(a, seq, t);
        c = best ? best + bl : NULL;
    }
}

static bool same_clauses(const samla_node *x, const samla_node *y)
{
    if (samla_node_len(x) != samla_node_len(y)) return false;
    for (size_t i = 0; i < samla_node_len(x); i++)
        if (strcmp(samla_seq_at(x, i)->u.s, samla_seq_at(y, i)->u.s) != 0) return false;
    return true;
}

static char *cap(samla_arena *a, const char *s)
{
    char *c = samla_arena_strdup(a, s);
    if (c && c[0] >= 'a' && c[0] <= 'z') c[0] = (char)(c[0] - 32);
    else if (c && (unsigned char)c[0] == 0xC3 && (unsigned char)c[1] >= 0xA0 && (unsigned char)c[1] <= 0xBE) c[1] = (char)(c[1] - 0x20);
    return c;
}

/* The body a decision/proposal heading names in the genitive
 * ("Stadsbyggnadsnämndens beslut" -> "Stadsbyggnadsnämnden",
 * "Arbetsutskottets förslag" -> "Arbetsutskottet"), or NULL for a bare
 * heading ("Beslut", "Förslag till beslut"). */
static const char *genitive_body(samla_arena *a, const char *heading)
{
    char *h = strip_end(a, samla_text_trim(a, heading), ": ");
    char *sp = h ? strrchr(h, ' ') : NULL;
    if (!sp || sp == h) return NULL;
    *sp = 0;
    size_t n = strlen(h);
    if (n < 4 || h[n - 1] != 's') return NULL;
    /* one word, or a coordinated compound ("Miljö- och hälsoskyddsnämndens") */
    for (char *w = strchr(h, ' '); w; w = strchr(w + 1, ' '))
        if (!(w > h && w[-1] == '-') && strncmp(w, " och ", 5) != 0 && !(w - h >= 3 && strncmp(w - 3, "och", 3) == 0))
            return NULL;
    h[n - 1] = 0;
    return h;
}

/* True when item it has a sub-heading (Beslut, Förslag, Yrkanden, …) or a decision lead: it is no plain
 * association point whose decisions are sentences (P-DEC-ASSOC-SENTENCE). */
static bool item_structured(pdoc *d, const pitem *it)
{
    for (size_t i = it->body; i < it->end; i++) {
        const pline *l = &d->l[i];
        if (line_section(d, l) != SECT_NONE || samla_re_test(d->st->re[RE_DECIDE], l->text) ||
            samla_re_test(d->st->re[RE_PROPOSE], l->text))
            return true;
    }
    return false;
}

/* P-DEC-ASSOC-SENTENCE: the sentences of paragraph s that record a decision in an association's way
 * ("Till justerare valdes A och B.", "Dagordningen godkändes.", "Föreningen ansöker om bidrag."), appended
 * to clauses without their full stop; returns how many. */
static size_t assoc_sentences(pdoc *d, const char *s, samla_node *clauses)
{
    samla_arena *a = d->ctx->arena;
    const char **sv;
    size_t n = sentences(a, s, &sv), k = 0;
    for (size_t i = 0; i < n; i++)
        if (samla_re_test(d->st->re[RE_ASSOC_DECISION], sv[i]) && !samla_re_test(d->st->re[RE_ASSOC_NOT], sv[i])) {
            samla_seq_append_str(a, clauses, clause_text(a, sv[i]));
            k++;
        }
    return k;
}

/* P-DEC-POINT-RUNON: text begins in lower case (a letter, not a digit or a sign): the rest of a line above. */
static bool run_on(const char *t)
{
    const unsigned char *u = (const unsigned char *)t;
    if (u[0] >= 'a' && u[0] <= 'z') return true;
    /* å ä ö é ü in UTF-8: C3 A5, C3 A4, C3 B6, C3 A9, C3 BC (lower case is C3 A0-BF) */
    return u[0] == 0xC3 && u[1] >= 0xA0 && u[1] <= 0xBF;
}

static bool ends_section(pdoc *d, size_t i, const pitem *it);

/* P-DEC-LEAD-AFTER-BACKGROUND: line i of item it is a decision lead in the present tense ("X beslutar att",
 * "X beslutar:") that names no point of its own and is followed by a point of the same item ("a) …", "1. …",
 * "att …", a list item); or one that names its points ("X beslutar att fastställa planen.") and is the last
 * paragraph of its section (a sub-heading, the item's end, a terminator or a recipients line follows); or
 * P-DEC-INFO-AFTER-BACKGROUND's note of the information, the last paragraph of its section. */
static bool lead_after_background(pdoc *d, size_t i, const pitem *it)
{
    const pline *l = &d->l[i];
    samla_match m;
    /* P-DEC-INFO-AFTER-BACKGROUND: "Utskottet tackar för informationen." (P-DEC-INFO in the present tense) as the
     * last paragraph of its section: the decision of an information item whose summary had no heading of its own
     * between it and the decision */
    if (it && l->kind == SAMLA_BLOCK_PARAGRAPH && l->row < 0 && samla_re_test(d->st->re[RE_INFO_PRESENT], l->text) &&
        samla_re_search(d->st->re[RE_INFO], l->text, 0, &m) && body_ok(samla_match_group(d->ctx->arena, &m, l->text, 1)))
        return ends_section(d, i, it);
    if (!it || l->kind != SAMLA_BLOCK_PARAGRAPH || !samla_re_test(d->st->re[RE_DECIDE_PRESENT], l->text) ||
        !samla_re_search(d->st->re[RE_DECIDE], l->text, 0, &m))
        return false;
    const char *inl = samla_match_group(d->ctx->arena, &m, l->text, 3);
    if (inl && *inl) return l->row < 0 && ends_section(d, i, it);
    if (i + 1 >= d->n || item_at(d, i + 1) != it) return false;
    const pline *n = &d->l[i + 1];
    if (n->row >= 0) return false;
    return n->kind == SAMLA_BLOCK_LIST_ITEM || n->numbered || samla_re_test(d->st->re[RE_CLAUSE], n->text) ||
           samla_re_test(d->st->re[RE_NUMBERED], n->text) || samla_re_test(d->st->re[RE_LETTERED], n->text);
}

/* The line n ends a decision written as whole sentences without a lead (under a decision heading, s, or by its
 * formula, P-DEC-FORMULA): a line of another kind, a sub-heading, a motion, vote, reservation or jäv, a recipients
 * line, a terminator. P-DEC-IMMEDIATE: "Paragrafen förklaras omedelbart justerad." is one of its sentences (a
 * clause, as every sentence of such a decision is) and does not end it. */
static bool run_ends(pdoc *d, const pline *n, sect s)
{
    return n->row >= 0 || n->kind != SAMLA_BLOCK_PARAGRAPH || line_is_heading(n) || n->italic ||
           line_section(d, n) != SECT_NONE || line_terminates(d, n) ||
           samla_re_test(d->st->re[RE_RULE], n->text) || samla_re_test(d->st->re[RE_TREATMENT], n->text) ||
           ptable_prefix(d, &d->st->recips_inline, n->text, true, NULL) ||
           ptable_prefix(d, &d->st->sections, n->text, false, NULL) ||
           samla_re_test(d->st->re[RE_MOTION], n->text) || samla_re_test(d->st->re[RE_RESERVE], n->text) ||
           samla_re_test(d->st->re[RE_JAV], n->text) || samla_re_test(d->st->re[RE_VOTE_COUNTS], n->text) ||
           samla_re_test(d->st->re[RE_DISSENT], n->text) ||
           /* P-DEC-RUN-REMARK: a protokollsanteckning or särskilt yttrande after the decision is none of it */
           samla_re_test(d->st->re[RE_NOTE], n->text) || samla_re_test(d->st->re[RE_STATEMENT], n->text) ||
           /* a proposal without a lead runs to the next sub-heading, whatever its sentences say, but a paragraph
            * proposing to another body ("Styrelsen föreslår för fullmäktige att …") is a proposal of its own
            * (P-DEC-FI-FORWARD-PART) */
           (s == SECT_DECISION && (samla_re_test(d->st->re[RE_DECIDE], n->text) ||
                                   samla_re_test(d->st->re[RE_PROPOSE], n->text))) ||
           (s == SECT_PROPOSAL && samla_re_test(d->st->re[RE_PROPOSE], n->text)) ||
           strlen(n->text) > 400 || bare_reference(d, n->text);
}

/* P-DEC-FORMULA: line i opens a decision written as sentences with neither a decision heading nor a lead
 * ("§ 12 Sammanträdesplan" / "Sammanträdesplanen för 2025 fastställs."): a paragraph whose first sentence
 * is a decision formula (a present passive of deciding: fastställs, godkänns, antas, beviljas, avslås, utses,
 * väljs, läggs till handlingarna, anses besvarad, får i uppdrag …), in an item that has no decision heading,
 * no lead and no other decision. In a background section it must also be the last run of its paragraphs
 * (the decision follows the background; a formula inside the background's text is description). */
static bool formula_opens(pdoc *d, size_t i, const pitem *it, sect s)
{
    const pline *l = &d->l[i];
    if (!it || d->agenda_doc || l->row >= 0 || l->kind != SAMLA_BLOCK_PARAGRAPH || line_is_heading(l) ||
        !samla_re_test(d->st->re[RE_FORMULA], l->text) || samla_re_test(d->st->re[RE_MOTION], l->text) ||
        samla_re_test(d->st->re[RE_JAV], l->text) || samla_re_test(d->st->re[RE_RESERVE], l->text))
        return false;
    /* what a label of another kind introduces ("Föredragandens förslag:" a reader could not read) is its text */
    if (i > it->body) {
        const char *pt = d->l[i - 1].text;
        size_t pn = strlen(pt);
        if (pn && pt[pn - 1] == ':' && line_section(d, &d->l[i - 1]) == SECT_NONE) return false;
    }
    /* a decision heading, or a lead outside the debate (the chair's "finner att nämnden beslutar enligt …"
     * under Beslutsgång is the order of propositions) */
    sect ks = SECT_NONE;
    for (size_t k = it->body; k < it->end; k++) {
        const pline *m = &d->l[k];
        sect ms = line_section(d, m);
        if (ms == SECT_DECISION || ms == SECT_PROPOSAL) return false;
        if (ms != SECT_NONE) { ks = ms; continue; }
        if (m->row >= 0 || (ks != SECT_NONE && ks != SECT_BACKGROUND)) continue;
        samla_match dm;
        if (samla_re_test(d->st->re[RE_PROPOSE], m->text) || samla_re_test(d->st->re[RE_INFO], m->text)) return false;
        if (samla_re_search(d->st->re[RE_DECIDE], m->text, 0, &dm)) {
            const char *b = samla_match_group(d->ctx->arena, &dm, m->text, 1);
            if (!b) b = samla_match_group(d->ctx->arena, &dm, m->text, 2);
            if (!b || body_ok(b)) return false;
        }
    }
    if (s != SECT_BACKGROUND) return true;
    size_t j = i + 1;
    while (j < it->end && !run_ends(d, &d->l[j], SECT_DECISION)) j++;
    if (j >= it->end) return true;
    const pline *n = &d->l[j];
    return line_section(d, n) != SECT_NONE || line_is_heading(n) || line_terminates(d, n) ||
           ptable_prefix(d, &d->st->recips_inline, n->text, true, NULL) || ptable_prefix(d, &d->st->sections, n->text, false, NULL);
}

/* The line after line i is no more of its section: the item ends, or a sub-heading, terminator or recipients
 * line follows. */
static bool ends_section(pdoc *d, size_t i, const pitem *it)
{
    if (i + 1 >= d->n || item_at(d, i + 1) != it) return true;
    const pline *n = &d->l[i + 1];
    return line_section(d, n) != SECT_NONE || line_is_heading(n) || line_terminates(d, n) ||
           ptable_prefix(d, &d->st->recips_inline, n->text, true, NULL) || ptable_prefix(d, &d->st->sections, n->text, false, NULL);
}

/* P-ITEM-INFO-KIND: every decision the item keeps only takes note of the information ("Informationen läggs
 * till handlingarna.", "Nämnden tackar för informationen.", "att notera informationen"): an information item. */
static bool info_only(pdoc *d, const dec *v, size_t nv, const bool *adopted, const pitem *it)
{
    size_t n = 0;
    for (size_t k = 0; k < nv; k++) {
        if (v[k].item != it || adopted[k] || strcmp(v[k].status, "decided") != 0) continue;
        if (!samla_node_len(v[k].clauses)) return false;
        for (size_t c = 0; c < samla_node_len(v[k].clauses); c++)
            if (!samla_re_test(d->st->re[RE_INFO_NOTE], samla_seq_at(v[k].clauses, c)->u.s)) return false;
        n++;
    }
    return n > 0;
}

samla_status decisions_extract(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    samla_node *out = samla_ctx_section(d->ctx, "decisions");
    dec *v = NULL;
    size_t nv = 0;
    sect s = SECT_NONE;
    pitem *cur = NULL;
    bool first_after_heading = false;
    const char *heading_body = NULL;
    samla_node *recips = NULL;
    size_t today = 0;
    for (size_t i = 0; i < d->n; i++) {
        const pline *l = &d->l[i];
        pitem *it = item_at(d, i);
        if (it != cur) { cur = it; s = SECT_NONE; recips = NULL; today = it ? today_start(d, it) : 0; }
        if (it && (i < it->body || i < today)) continue;
        if (line_terminates(d, l) || samla_re_test(d->st->re[RE_RULE], l->text)) { s = SECT_NONE; continue; }
        sect ns = line_section(d, l);
        const char *rrest = NULL;
        const char *rk = ns == SECT_NONE && l->row < 0 ? ptable_prefix(d, &d->st->sections, l->text, false, &rrest) : NULL;
        /* P-DEC-RECIPIENTS: "Beslutet meddelas A, B och C." */
        if (!rk && ns == SECT_NONE && l->row < 0 && ptable_prefix(d, &d->st->recips_inline, l->text, true, &rrest))
            rk = "recipients";
        if (rk && strcmp(rk, "recipients") == 0 && rrest && *rrest) {
            /* "Beslutet skickas till: A, B och C" */
            recips = samla_node_seq(a);
            char *c = strip_end(a, rrest, " .");
            for (char *q = c; q && *q;) {
                char *e = strstr(q, ", ");
                char *o = strstr(q, " och ");
                size_t skip = 2;
                if (o && (!e || o < e)) { e = o; skip = 5; }
                if (e) *e = 0;
                const char *t = samla_text_trim(a, q);
                if (t && *t) samla_seq_append_str(a, recips, t);
                q = e ? e + skip : NULL;
            }
            for (size_t k = nv; k-- > 0 && v[k].item == it;)
                samla_map_set(a, v[k].node, "recipients", recips);
            s = SECT_NONE;
            continue;
        }
        if (ns != SECT_NONE) {
            s = ns;
            first_after_heading = true;
            heading_body = s == SECT_DECISION || s == SECT_PROPOSAL ? genitive_body(a, l->text) : NULL;
            if (s == SECT_RECIPIENTS) recips = samla_node_seq(a);
            continue;
        }
        if (s == SECT_RECIPIENTS) {
            if (l->row >= 0 || strcmp(l->text, "-") == 0 || strcmp(l->text, "–") == 0 || strlen(l->text) > 120 || l->kind == SAMLA_BLOCK_HEADING) {
                s = SECT_NONE;
                continue;
            }
            samla_seq_append_str(a, recips, strip_end(a, l->text, " ."));
            for (size_t k = nv; k-- > 0 && v[k].item == it;)
                samla_map_set(a, v[k].node, "recipients", recips);
            continue;
        }
        /* a jäv declaration is one paragraph: a decision lead may follow it
         * without a sub-heading of its own */
        if (s == SECT_CONFLICT && !samla_re_test(d->st->re[RE_JAV], l->text) &&
            (samla_re_test(d->st->re[RE_DECIDE], l->text) || samla_re_test(d->st->re[RE_PROPOSE], l->text)))
            s = SECT_NONE;
        /* P-DEC-LEAD-AFTER-BACKGROUND: a present-tense lead announcing its points ("Utskottet beslutar att:" /
         * "a) …") after the background's sub-heading, with no decision heading of its own, is the decision:
         * the background ends before it (its history says "beslutade", and gives no points below) */
        if (s == SECT_BACKGROUND && l->row < 0 && lead_after_background(d, i, it)) s = SECT_NONE;
        /* P-DEC-FORMULA: a decision in sentences with neither heading nor lead, after the background or in
         * place of it */
        bool formula = (s == SECT_NONE || s == SECT_BACKGROUND) && !(nv && v[nv - 1].item == it) &&
                       formula_opens(d, i, it, s);
        if (formula) s = SECT_NONE;
        if (s != SECT_NONE && s != SECT_DECISION && s != SECT_PROPOSAL) continue;
        /* P-DEC-IMMEDIATE: a line declaring the paragraph immediately adjusted marks the item's decisions; a
         * lead that names it among its points ("beslutar att avge yttrande samt att förklara paragrafen
         * omedelbart justerad") is a decision like any other, below */
        if (it && samla_re_test(d->st->re[RE_IMMEDIATE], l->text) && s == SECT_DECISION &&
            !samla_re_test(d->st->re[RE_DECIDE], l->text) && !samla_re_test(d->st->re[RE_PROPOSE], l->text) &&
            /* "Förslaget godkändes. Paragrafen justerades omedelbart.": the formula adopts, the line is a decision */
            !adopts_proposal(d, l->text)) {
            for (size_t k = nv; k-- > 0 && v[k].item == it;)
                samla_map_set_bool(a, v[k].node, "immediate_adjustment", true);
            continue;
        }
        if (l->row >= 0) continue;
        samla_match m;
        const char *body = NULL, *status = NULL, *inl = NULL, *proposer = NULL;
        if (samla_re_search(d->st->re[RE_PROPOSE], l->text, 0, &m)) {
            proposer = samla_match_group(a, &m, l->text, 1);
            body = samla_match_group(a, &m, l->text, 2);
            inl = samla_match_group(a, &m, l->text, 3);
            status = "proposed";
        } else if (samla_re_search(d->st->re[RE_DECIDE], l->text, 0, &m)) {
            body = samla_match_group(a, &m, l->text, 1);
            if (!body) body = samla_match_group(a, &m, l->text, 2);
            inl = samla_match_group(a, &m, l->text, 3);
            status = s == SECT_PROPOSAL ? "proposed" : "decided";
            if (!body && m.start[1] == SIZE_MAX && m.start[2] == SIZE_MAX) {
                /* P-DEC-PASSIVE-LEAD: "Beslutades att …", "Det beslutades att …": the body is the one the
                 * heading names, else the meeting's */
                body = heading_body ? heading_body : d->body_name;
                if (!body) body = samla_map_get_str(samla_ctx_section(d->ctx, "meeting"), "body");
                if (!body) body = "";
            } else if (!body_ok(body)) body = NULL;
        } else if (samla_re_search(d->st->re[RE_INFO], l->text, 0, &m)) {
            body = samla_match_group(a, &m, l->text, 1);
            inl = NULL;
            status = "decided";
            if (!body_ok(body)) body = NULL;
            else {
                samla_node *cl = samla_node_seq(a);
                samla_seq_append_str(a, cl, clause_text(a, samla_match_group(a, &m, l->text, 2)));
                inl = "";
                (void)cl;
            }
        }
        samla_node *clauses = samla_node_seq(a);
        const char *text = l->text;
        if (!body && (((s == SECT_DECISION || s == SECT_PROPOSAL) && first_after_heading) || formula) && it &&
            (l->kind == SAMLA_BLOCK_PARAGRAPH || l->kind == SAMLA_BLOCK_LIST_ITEM) && strchr(l->text, ' ')) {
            /* a decision written without a lead ("Beslut" / "Nämndens beslut"
             * followed by the decision itself, or by numbered points written
             * as whole sentences): the body is the one the heading names,
             * else the meeting's body. Likewise a proposal without a lead
             * ("Förslag:" / "Stadsdirektör N.N:s förslag:" and the proposal's
             * sentences, P-DEC-FI-PROPOSAL): no body (the föredragande's) */
            if (s == SECT_PROPOSAL) {
                status = "proposed";
                body = NULL;
            } else {
                status = "decided";
                body = heading_body && !formula ? heading_body : d->body_name;
                if (!body) body = samla_map_get_str(samla_ctx_section(d->ctx, "meeting"), "body");
            }
            if (l->numbered && samla_re_search(d->st->re[RE_NUMBERED], l->text, 0, &m))
                samla_seq_append_str(a, clauses, clause_text(a, samla_match_group(a, &m, l->text, 1)));
            else if (samla_re_search(d->st->re[RE_LETTERED], l->text, 0, &m))
                samla_seq_append_str(a, clauses, clause_text(a, samla_match_group(a, &m, l->text, 1)));
            else {
                samla_seq_append_str(a, clauses, point_text(d, l->text));
                /* further whole-sentence paragraphs of the same decision, up to
                 * the next sub-heading, motion, vote, reservation or jäv */
                size_t j = i + 1;
                bool colon_list = false;
                for (; j < d->n && item_at(d, j) == it; j++) {
                    const pline *n = &d->l[j];
                    if (run_ends(d, n, formula ? SECT_DECISION : s)) break;
                    /* P-DEC-COLON-LIST: lines that complete a clause ending in a colon ("håller möte enligt
                     * följande:" / "20.2.2023 kl. 16.15" / ...) are no sentences of their own but its end */
                    size_t nc = samla_node_len(clauses);
                    samla_node *last = nc ? samla_seq_at(clauses, nc - 1) : NULL;
                    size_t ll = last && last->u.s ? strlen(last->u.s) : 0;
                    colon_list = colon_list || (ll && last->u.s[ll - 1] == ':');
                    if (colon_list && n->text[0] >= '0' && n->text[0] <= '9' && strlen(n->text) <= 60 &&
                        !samla_re_test(d->st->re[RE_NUMBERED], n->text)) {
                        last->u.s = samla_arena_printf(a, "%s %s", last->u.s, clause_text(a, n->text));
                        text = samla_arena_printf(a, "%s\n%s", text, n->text);
                        continue;
                    }
                    colon_list = false;
                    samla_seq_append_str(a, clauses, point_text(d, n->text));
                    text = samla_arena_printf(a, "%s\n%s", text, n->text);
                }
                i = j - 1;
            }
        } else if (!body && it && s == SECT_NONE && l->kind == SAMLA_BLOCK_PARAGRAPH && !line_is_heading(l) &&
                   !item_structured(d, it) && assoc_sentences(d, l->text, clauses)) {
            /* P-DEC-ASSOC-SENTENCE: a plain association point records its decision as sentences; the
             * item's further such paragraphs are clauses of the same decision */
            status = "decided";
            body = d->body_name ? d->body_name : samla_map_get_str(samla_ctx_section(d->ctx, "meeting"), "body");
            if (!body) body = "";
            size_t j = i + 1;
            for (; j < d->n && item_at(d, j) == it && j != it->start; j++) {
                const pline *n = &d->l[j];
                if (n->row >= 0 || n->kind != SAMLA_BLOCK_PARAGRAPH || line_is_heading(n) || line_terminates(d, n)) break;
                if (assoc_sentences(d, n->text, clauses)) text = samla_arena_printf(a, "%s\n%s", text, n->text);
            }
            i = j - 1;
            inl = text;     /* its clauses are complete: no points below to collect */
        } else if (!body) {
            first_after_heading = false;
            continue;
        } else if (inl && *inl && inl[strlen(inl) - 1] == ':') {
            /* "X beslutar att uppta lån enligt följande:" — the points below are the clauses */
            inl = NULL;
        } else if (inl && *inl) {
            split_inline(a, inl, clauses);
        } else if (samla_re_search(d->st->re[RE_INFO], l->text, 0, &m)) {
            samla_seq_append_str(a, clauses, clause_text(a, samla_match_group(a, &m, l->text, 2)));
        }
        first_after_heading = false;
        size_t j = i + 1;
        for (; j < d->n && !(inl && *inl) && item_at(d, j) == it; j++) {
            const pline *n = &d->l[j];
            if (n->row >= 0 || (it && j == it->start)) break;
            /* P-DEC-LEAD-POINTS: after a lead that announces its points ("beslutar att:", "föreslår X besluta:"),
             * a paragraph numbered as text ("1. godkänna …", no list numbering) or a bullet point without its
             * "att" ("- anta planen") is a clause */
            bool point = n->kind == SAMLA_BLOCK_PARAGRAPH || n->kind == SAMLA_BLOCK_LIST_ITEM || n->numbered || n->cell >= 0;
            if (samla_re_search(d->st->re[RE_CLAUSE], n->text, 0, &m) ||
                (point && samla_re_search(d->st->re[RE_NUMBERED], n->text, 0, &m)) ||
                samla_re_search(d->st->re[RE_LETTERED], n->text, 0, &m)) {
                samla_seq_append_str(a, clauses, clause_text(a, samla_match_group(a, &m, n->text, 1)));
                text = samla_arena_printf(a, "%s\n%s", text, n->text);
            } else if (n->kind == SAMLA_BLOCK_LIST_ITEM && !n->numbered && !line_is_heading(n)) {
                samla_seq_append_str(a, clauses, clause_text(a, n->text));
                text = samla_arena_printf(a, "%s\n%s", text, n->text);
            } else if (n->kind == SAMLA_BLOCK_PARAGRAPH && n->row < 0 && run_on(n->text) && samla_node_len(clauses) &&
                       j > i + 1) {
                /* P-DEC-POINT-RUNON: a point's second line that the reader set as a paragraph of its own
                 * ("a) utse A att justera pro-" / "tokollet"): it begins in lower case and completes the point */
                samla_node *last = samla_seq_at(clauses, samla_node_len(clauses) - 1);
                const char *prev = d->l[j - 1].text;
                size_t pl = strlen(prev);
                bool hyphen = pl > 1 && prev[pl - 1] == '-' && prev[pl - 2] != ' ';
                size_t ll = strlen(last->u.s);
                const char *head = hyphen && ll && last->u.s[ll - 1] == '-' ? samla_arena_strndup(a, last->u.s, ll - 1) : last->u.s;
                last->u.s = samla_arena_strdup(a, clause_text(a, samla_arena_printf(a, "%s%s%s", head, hyphen ? "" : " ", n->text)));
                text = samla_arena_printf(a, "%s\n%s", text, n->text);
            } else if (n->cell >= 0 && n->cell == l->cell) {
                /* the points of a decision in a table cell, numbering lost by the reader */
                samla_seq_append_str(a, clauses, clause_text(a, n->text));
                text = samla_arena_printf(a, "%s\n%s", text, n->text);
            } else break;
        }
        i = j - 1;
        /* the same item, body, status and clauses once */
        bool dup = false;
        for (size_t k = 0; k < nv; k++)
            if (v[k].item == it && strcmp(v[k].status, status) == 0 && same_clauses(v[k].clauses, clauses)) dup = true;
        if (dup) continue;
        samla_node *n = samla_node_map(a);
        if (it) samla_map_set_str(a, n, "item", it->number);
        samla_map_set_str(a, n, "body", body && *body ? cap(a, body) : NULL);
        samla_map_set_str(a, n, "status", status);
        if (proposer) samla_map_set_str(a, n, "proposed_by", proposer);
        samla_map_set_str(a, n, "text", text);
        samla_map_set(a, n, "clauses", clauses);
        if (it && samla_re_test(d->st->re[RE_IMMEDIATE], text)) samla_map_set_bool(a, n, "immediate_adjustment", true);
        samla_map_set(a, n, "source", samla_ctx_source(d->ctx, l->blk));
        dec *nvv = samla_arena_grow(a, v, nv, nv + 1, sizeof *v);
        if (!nvv) return SAMLA_ERR_NOMEM;
        v = nvv;
        v[nv++] = (dec){.node = n, .body = body ? body : "", .status = status, .item = it, .clauses = clauses,
                        .proposer = proposer, .formula = formula};
    }
    /* P-DEC-FI-PROPOSAL: a decision that only refers to the proposal adopts
     * the item's last proposal before it: its clauses are the decision's (its
     * text stays the formula as written, `as_proposed: true` says so), and the
     * proposal, having become the decision, is not listed apart */
    bool *adopted = samla_arena_alloc(a, (nv ? nv : 1) * sizeof *adopted);
    if (!adopted) return SAMLA_ERR_NOMEM;
    memset(adopted, 0, (nv ? nv : 1) * sizeof *adopted);
    for (size_t k = 0; k < nv; k++) {
        if (strcmp(v[k].status, "decided") != 0 || !v[k].item || samla_node_len(v[k].clauses) != 1 ||
            !adopts_proposal(d, samla_seq_at(v[k].clauses, 0)->u.s))
            continue;
        for (size_t j = k; j-- > 0 && v[j].item == v[k].item;)
            if (strcmp(v[j].status, "proposed") == 0 && samla_node_len(v[j].clauses)) {
                /* P-DEC-FI-FORWARD: adopting a proposal to another body ("föreslår för kommunfullmäktige att")
                 * forwards it: the proposal stays that body's, the formula is no decision of its own */
                if (v[j].proposer && *v[j].body &&
                    strcmp(samla_text_lower(a, v[j].body), samla_text_lower(a, v[k].body)) != 0) {
                    adopted[k] = true;
                    /* P-DEC-FI-FORWARD-PART: the proposal's own part before the forwarded one (a lead-less
                     * proposal right before it in the same item) is decided by the formula */
                    if (j > 0 && v[j - 1].item == v[k].item && strcmp(v[j - 1].status, "proposed") == 0 &&
                        !v[j - 1].proposer && !*v[j - 1].body && samla_node_len(v[j - 1].clauses)) {
                        samla_map_set(a, v[k].node, "clauses", v[j - 1].clauses);
                        samla_map_set_bool(a, v[k].node, "as_proposed", true);
                        /* the decision takes the adopted part's place, before the forwarded proposal */
                        dec t = v[j - 1];
                        v[j - 1] = v[k];
                        v[k] = t;
                        adopted[j - 1] = false;
                        adopted[k] = true;
                    }
                    break;
                }
                samla_map_set(a, v[k].node, "clauses", v[j].clauses);
                samla_map_set_bool(a, v[k].node, "as_proposed", true);
                adopted[j] = true;
                break;
            }
    }
    for (size_t k = 0; k < nv; k++) {
        bool drop = adopted[k];
        /* P-DEC-FORMULA: only in an item without another decision (one read further down, under a heading a
         * reader garbled, wins) */
        if (v[k].formula)
            for (size_t j = 0; j < nv; j++)
                if (j != k && v[j].item == v[k].item && !v[j].formula && !adopted[j]) drop = true;
        /* P-AGENDA-NOT-DECIDED: nothing in an agenda document is decided */
        if (d->agenda_doc && strcmp(v[k].status, "decided") == 0) drop = true;
        if (strcmp(v[k].status, "proposed") == 0)
            for (size_t j = 0; j < nv; j++)
                if (j != k && v[j].item == v[k].item && v[k].item && strcmp(v[j].status, "decided") == 0 && !d->agenda_doc &&
                    (!*v[k].body || strcmp(samla_text_lower(a, v[j].body), samla_text_lower(a, v[k].body)) == 0)) drop = true;
        if (drop) continue;
        samla_seq_append(a, out, v[k].node);
        if (v[k].item && v[k].item->node && !v[k].item->information)
            samla_map_set_str(a, v[k].item->node, "kind", info_only(d, v, nv, adopted, v[k].item) ? "information" : "decision");
    }
    return SAMLA_OK;
}
