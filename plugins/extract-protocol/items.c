/* items.c: the protocol's items (§ 12, Paragraf 70, numbered headings "17.
 * Aktuellt i samverkan") with their spans, and the agenda section: number,
 * title, kind, presenters (split from "Föredragande:" lines), reference. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "protocol.h"

bool protocol_detect(pdoc *d);

pitem *item_at(pdoc *d, size_t i)
{
    for (size_t k = 0; k < d->nitems; k++)
        if (i >= d->items[k].start && i < d->items[k].end) return &d->items[k];
    return NULL;
}

/* A plain paragraph "1. Mötets öppnande" (or a numbered list item, as a PDF
 * reader may take it) that may head an item: a short line outside tables, a number, a capitalised title without a final
 * period, and a line of another kind after it (the item's text). */
static bool plain_item(const pdoc *d, size_t i)
{
    const pline *l = &d->l[i];
    size_t n = strlen(l->text);
    samla_match m;
    if (l->row >= 0 || !(l->kind == SAMLA_BLOCK_PARAGRAPH || (l->kind == SAMLA_BLOCK_LIST_ITEM && l->numbered)) || n > 90 || l->text[n - 1] == '.' || l->text[n - 1] == ':' ||
        !samla_re_search(d->st->re[RE_ITEM_NUM], l->text, 0, &m) || !samla_re_test(d->st->re[RE_CAPITAL], l->text + m.start[2]))
        return false;
    return i + 1 < d->n && !samla_re_test(d->st->re[RE_ITEM_NUM], d->l[i + 1].text);
}

/* An association's minutes number their items "1. Mötets öppnande", "2. Val
 * av justerare" as plain paragraphs, without § and without a list or heading
 * style. Such lines head the items only in a protocol with no § item at all,
 * when they run 1, 2, 3 … (at least three) each followed by its text. One number of the run may be missing
 * (P-ITEM-PLAIN-GAP: a reader that set a wide title over two text columns took "3. Godkännande av dagordning"
 * into the title's line), never two in a row. */
static bool plain_numbered(const pdoc *d)
{
    long next = 1, found = 0;
    bool gap = false;
    for (size_t i = 0; i < d->n; i++) {
        if (samla_re_test(d->st->re[RE_ITEM_PARA], d->l[i].text) && d->l[i].row < 0) return false;
        samla_match m;
        if (!plain_item(d, i) || !samla_re_search(d->st->re[RE_ITEM_NUM], d->l[i].text, 0, &m)) continue;
        long k = strtol(d->l[i].text + m.start[1], NULL, 10);
        if (k == next || (k == next + 1 && next > 1 && !gap)) {
            gap = gap || k != next;
            next = k + 1;
            found++;
        }
    }
    return found >= 3;
}

/* P-ITEM-TOC: a table-of-contents line "16 § Val av justerare ........ 3":
 * an item number and title followed by a leader and a page number. */
static bool toc_line(const pdoc *d, size_t i)
{
    return d->l[i].row < 0 && samla_re_test(d->st->re[RE_TOC], d->l[i].text);
}

/* A § heading below line i (outside tables) carries item number n: the first one below only (`next`), or any. */
static bool para_below(const pdoc *d, size_t i, long n, bool next)
{
    for (size_t j = i + 1; j < d->n; j++) {
        samla_match m;
        if (d->l[j].row >= 0 || !samla_re_search(d->st->re[RE_ITEM_PARA], d->l[j].text, 0, &m)) continue;
        if (strtol(d->l[j].text + m.start[1], NULL, 10) == n) return true;
        if (next) return false;
    }
    return false;
}

/* The first and last number of a range "1–8", "§§ 10 - 16" (false when s holds no two numbers). */
static bool range_ends(const char *s, long *lo, long *hi)
{
    while (*s && !isdigit((unsigned char)*s)) s++;
    if (!*s) return false;
    char *e;
    *lo = strtol(s, &e, 10);
    while (*e && !isdigit((unsigned char)*e)) e++;
    if (!*e) return false;
    *hi = strtol(e, NULL, 10);
    return *hi > *lo;
}

/* P-ITEM-FRONT-RANGE: a range of items without a title, "§§ 1–8", is the front's statement of the meeting's
 * items ("Ärenden: §§ 1–8", "Justerade paragrafer §§ 10–16", the value under its label), not a joint item, when
 * a § heading below carries the range's first number: that heading is the item (a joint item's numbers never
 * come again below it). Taken for an item, the range swallowed the protocol, every § heading in it numbered
 * within it (Word's borderless front table in its PDF, the value on a line under its label). */
static bool front_range(pdoc *d, size_t i, const char *num, const char *rest)
{
    long lo, hi;
    return !(rest && *rest) && range_ends(num, &lo, &hi) && para_below(d, i, lo, false);
}

/* Number and rest of an item start at line i, or NULL. */
static const char *item_start(pdoc *d, size_t i, const char **rest, long prev)
{
    const pline *l = &d->l[i];
    samla_arena *a = d->ctx->arena;
    samla_match m;
    if (strlen(l->text) > 200 || toc_line(d, i)) return NULL;
    if (l->row >= 0 && (l->col != 0 || l->cell_line != 0)) return NULL;
    if (samla_re_search(d->st->re[RE_ITEM_PARA], l->text, 0, &m)) {
        *rest = samla_match_group(a, &m, l->text, 2);
        if (l->row >= 0 && *rest && **rest) return NULL;
        if (front_range(d, i, samla_match_group(a, &m, l->text, 1), *rest)) return NULL;
        if (strtol(l->text + m.start[1], NULL, 10) <= prev) return NULL;
        return samla_match_group(a, &m, l->text, 1);
    }
    if (!d->protocol || l->row >= 0) return NULL;
    /* P-ITEM-BODY-LINE: "Kommunstyrelsen § 44 14.5.2024" on a bold line or heading of its own; the title below */
    if ((l->kind == SAMLA_BLOCK_HEADING || l->bold) && samla_re_search(d->st->re[RE_ITEM_BODY_LINE], l->text, 0, &m)) {
        if (strtol(l->text + m.start[1], NULL, 10) <= prev) return NULL;
        *rest = "";
        return samla_match_group(a, &m, l->text, 1);
    }
    bool plain = d->plain_numbered && plain_item(d, i);
    if (!(l->kind == SAMLA_BLOCK_HEADING || l->numbered || l->bold || plain)) return NULL;
    if (!samla_re_search(d->st->re[RE_ITEM_NUM], l->text, 0, &m)) return NULL;
    long n = strtol(l->text + m.start[1], NULL, 10);
    if (n <= prev) return NULL;
    /* P-ITEM-POINT-BEFORE-PARA: a numbered point ("2. protokollet justeras 2025-04-10") whose number is the next
     * item's is no item when the next § heading below carries that number: the item is that heading */
    if (l->kind != SAMLA_BLOCK_HEADING && para_below(d, i, n, true)) return NULL;
    /* P-ITEM-PLAIN-GAP: a plain run may lack one number */
    if (l->kind != SAMLA_BLOCK_HEADING && prev >= 0 && n != prev + 1 && !(plain && n == prev + 2 && prev >= 1))
        return NULL;
    if (l->kind != SAMLA_BLOCK_HEADING && prev < 0 && !(plain && n == 1)) {
        /* a first numbered list item starts the items only in the stated range */
        const char *r = samla_map_get_str(samla_ctx_section(d->ctx, "meeting"), "items");
        if (!r) return NULL;
        const char *p = r;
        while (*p && (*p < '0' || *p > '9')) p++;
        if (strtol(p, NULL, 10) != n) return NULL;
    }
    *rest = samla_match_group(a, &m, l->text, 2);
    return samla_match_group(a, &m, l->text, 1);
}

/* A title without a dash or an agenda number of its own: "– Title",
 * "Ärende 5 – Title" under "§ 112" -> "Title". */
static const char *item_title(pdoc *d, const char *t)
{
    samla_match m;
    if (samla_re_search(d->st->re[RE_ITEM_PARA], t, 0, &m) && m.end[2] > m.start[2])
        t = samla_match_group(d->ctx->arena, &m, t, 2);
    while (*t == ' ' || *t == '-' || *t == ':' || strncmp(t, "–", strlen("–")) == 0)
        t += *t == ' ' || *t == '-' || *t == ':' ? 1 : strlen("–");
    return t;
}

/* P-ITEM-BODY-LINE: "Kommunstyrelsen § 18 20.2.2024" dated other than the meeting is an earlier treatment of the
 * next item (a meeting system prints the item's history above its line of this meeting): it ends the item before. */
static bool earlier_treatment(pdoc *d, const pline *l)
{
    samla_match m;
    if (l->row >= 0 || !(l->kind == SAMLA_BLOCK_HEADING || l->bold) ||
        !samla_re_search(d->st->re[RE_ITEM_BODY_LINE], l->text, 0, &m))
        return false;
    const char *date = samla_map_get_str(samla_ctx_section(d->ctx, "meeting"), "date");
    const char *p = l->text + m.end[1];
    while (*p == ' ') p++;
    int dd, mm, yy;
    char iso[32];
    if (!date || !*p) return false;
    if (sscanf(p, "%d.%d.%d", &dd, &mm, &yy) == 3 && yy > 999 && yy < 10000 && mm > 0 && mm < 13 && dd > 0 && dd < 32) snprintf(iso, sizeof iso, "%04d-%02d-%02d", yy, mm, dd);
    else snprintf(iso, sizeof iso, "%.10s", p);
    return strcmp(iso, date) != 0;
}

static bool ends_item(pdoc *d, size_t i, const pitem *it)
{
    const pline *l = &d->l[i];
    if (line_terminates(d, l)) return true;
    if (earlier_treatment(d, l)) return true;
    if (line_is_heading(l) && l->row < 0 && ptable_exact(d, &d->st->attendance, l->text)) return true;
    if (l->title && i > it->body) return true;
    return false;
}

static void take_reference(pdoc *d, pitem *it, const char *s)
{
    samla_match m;
    if (!it->reference && samla_re_search(d->st->re[RE_REF], s, 0, &m))
        it->reference = strip_end(d->ctx->arena, samla_match_group(d->ctx->arena, &m, s, 1), ". ");
}

/* An extract of one § whose number stands only in the front matter
 * ("Sammanträde | Datum | Paragraf" over "Regionfullmäktige | 2024-12-10 |
 * § 187"): the item is the first heading below it, up to the end. */
static samla_status single_item(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    const char *r = samla_map_get_str(samla_ctx_section(d->ctx, "meeting"), "items");
    if (!r) return SAMLA_OK;
    while (*r && (*r < '0' || *r > '9')) r++;
    char *e;
    long num = strtol(r, &e, 10);
    if (e == r || *samla_text_trim(a, e)) return SAMLA_OK;
    for (size_t i = 0; i < d->n && i < 20; i++) {
        const pline *l = &d->l[i];
        if (l->row >= 0 || l->title || l->kind != SAMLA_BLOCK_HEADING ||
            samla_re_test(d->st->re[RE_PROTOCOL_WORD], l->text)) continue;
        d->items = samla_arena_alloc(a, sizeof *d->items);
        if (!d->items) return SAMLA_ERR_NOMEM;
        d->nitems = 1;
        pitem *it = &d->items[0];
        *it = (pitem){.number = samla_arena_printf(a, "%ld", num), .start = i, .title = l->text};
        size_t j = i + 1;
        samla_match m;
        for (; j < d->n && j < i + 4; j++)
            if (samla_re_search(d->st->re[RE_REF], d->l[j].text, 0, &m) && m.start[0] == 0 && strlen(d->l[j].text) < 80)
                take_reference(d, it, d->l[j].text);
            else break;
        it->body = j;
        for (size_t k = j; k < d->n && !it->end; k++)
            if (ends_item(d, k, it)) it->end = k;
        if (!it->end) it->end = d->n;
        return SAMLA_OK;
    }
    return SAMLA_OK;
}

static int by_number(const void *x, const void *y)
{
    long a = strtol(((const pitem *)x)->number, NULL, 10), b = strtol(((const pitem *)y)->number, NULL, 10);
    if (a != b) return a < b ? -1 : 1;
    return ((const pitem *)x)->start < ((const pitem *)y)->start ? -1 : 1;
}

/* P-ITEM-TOC: the contents lines give the items' titles without their
 * leaders and page numbers; an item listed there whose heading in the body
 * was not found (a page without a usable text layer) is an agenda item of
 * its own, spanning its contents line. Items stay in number order. */
static samla_status toc_items(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    size_t body_items = d->nitems;
    for (size_t i = 0; i < d->n; i++) {
        samla_match m, tm;
        const pline *l = &d->l[i];
        if (!toc_line(d, i) || !samla_re_search(d->st->re[RE_ITEM_PARA], l->text, 0, &m) ||
            !samla_re_search(d->st->re[RE_TOC], l->text, 0, &tm))
            continue;
        const char *num = samla_match_group(a, &m, l->text, 1);
        size_t ts = m.start[2], te = tm.start[0];
        if (!num || te <= ts) continue;
        const char *title = item_title(d, samla_text_trim(a, samla_arena_strndup(a, l->text + ts, te - ts)));
        if (!title || !*title) continue;
        pitem *hit = NULL;
        for (size_t k = 0; k < body_items; k++)
            if (strcmp(d->items[k].number, num) == 0) hit = &d->items[k];
        if (hit) {
            hit->title = title;
            continue;
        }
        pitem *ni = samla_arena_grow(a, d->items, d->nitems, d->nitems + 1, sizeof *ni);
        if (!ni) return SAMLA_ERR_NOMEM;
        d->items = ni;
        d->items[d->nitems++] = (pitem){.number = num, .title = title, .start = i, .end = i + 1, .body = i + 1};
    }
    if (d->nitems > body_items) qsort(d->items, d->nitems, sizeof *d->items, by_number);
    return SAMLA_OK;
}

samla_status items_find(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    protocol_detect(d);
    /* P-AGENDA-NOT-DECIDED: the document's first word names an agenda ("Föredragningslista 16/2022") */
    for (size_t i = 0; i < d->n && i < 3 && !d->agenda_doc; i++) {
        const char *t = d->l[i].text;
        size_t w = strcspn(t, " \t");
        d->agenda_doc = w && ptable_exact(d, &d->st->agenda_doc, samla_arena_strndup(d->ctx->arena, t, w)) != NULL;
    }
    /* the meeting's items range may gate numbered list items: read it first */
    if (d->protocol) {
        samla_status s = meeting_extract(d);
        if (s != SAMLA_OK) return s;
    }
    d->plain_numbered = d->protocol && plain_numbered(d);
    long prev = -1;
    for (size_t i = 0; i < d->n; i++) {
        const char *rest = NULL;
        const char *num = item_start(d, i, &rest, prev);
        if (!num) {
            if (d->nitems) {
                pitem *last = &d->items[d->nitems - 1];
                if (last->end == 0 && ends_item(d, i, last)) last->end = i;
            }
            continue;
        }
        if (d->nitems && d->items[d->nitems - 1].end == 0) d->items[d->nitems - 1].end = i;
        pitem *ni = samla_arena_grow(a, d->items, d->nitems, d->nitems + 1, sizeof *ni);
        if (!ni) return SAMLA_ERR_NOMEM;
        d->items = ni;
        pitem *it = &d->items[d->nitems++];
        *it = (pitem){.number = num, .start = i};
        /* a range "8–9" is one item; the next starts after its last number */
        const char *last = num + strcspn(num, "-\xe2");
        prev = strtol(*last ? last + strcspn(last, "0123456789") : num, NULL, 10);
        /* title: the rest of the line (minus a "Dnr ..." part) or the next line */
        samla_match m;
        if (rest && samla_re_search(d->st->re[RE_REF], rest, 0, &m)) {
            /* "Dnr SN 2025/2 — Title": the title follows the reference after a dash */
            const char *after = NULL;
            samla_match dm;
            if (samla_re_search(d->st->re[RE_REF_DASH], rest, m.start[0], &dm)) {
                after = samla_match_group(a, &dm, rest, 1);
                take_reference(d, it, samla_arena_strndup(a, rest, dm.start[0]));
            } else {
                take_reference(d, it, rest);
            }
            rest = samla_text_trim(a, samla_arena_strndup(a, rest, m.start[0]));
            if (after && *after) rest = rest && *rest ? samla_arena_printf(a, "%s %s", rest, after) : after;
        }
        size_t j = i + 1;
        if (rest && *rest) it->title = item_title(d, rest);
        for (; j < d->n && j < i + 4; j++) {
            const pline *n = &d->l[j];
            if (samla_re_search(d->st->re[RE_REF], n->text, 0, &m) && m.start[0] == 0 && strlen(n->text) < 80) {
                take_reference(d, it, n->text);
                continue;
            }
            if (n->row >= 0 && n->table == d->l[i].table) continue;
            if (!it->title && strlen(n->text) < 200 && line_section(d, n) == SECT_NONE) { it->title = item_title(d, n->text); continue; }
            break;
        }
        it->body = j;
    }
    if (d->nitems && d->items[d->nitems - 1].end == 0) d->items[d->nitems - 1].end = d->n;
    if (d->protocol) {
        samla_status s = toc_items(d);
        if (s != SAMLA_OK) return s;
    }
    if (!d->nitems && d->protocol) return single_item(d);
    return SAMLA_OK;
}

static bool name_like(const pdoc *d, const char *s)
{
    size_t n = person_name_len(d, s);
    return n && (s[n] == 0 || s[n] == ' ' || s[n] == ',');
}

/* "A, B, C, titel X, Y och D, titel" -> persons with the title after a
 * name belonging to that person. */
static samla_node *presenters(pdoc *d, const char *s, samla_node *seq)
{
    samla_arena *a = d->ctx->arena;
    char *c = strip_end(a, s, ". ");
    samla_node *cur = NULL;
    for (char *p = c; p && *p;) {
        char *e = strchr(p, ',');
        if (e) *e = 0;
        char *piece = samla_text_trim(a, p);
        p = e ? e + 1 : NULL;
        /* "X och Name Surname": split when a name follows "och" */
        while (piece && *piece) {
            char *och = strstr(piece, " och ");
            char *next = NULL;
            if (och && name_like(d, och + 5)) { *och = 0; next = och + 5; }
            size_t nl = person_name_len(d, piece);
            if (nl && (piece[nl] == 0 || piece[nl] == ' ') ) {
                cur = samla_node_map(a);
                samla_map_set_str(a, cur, "name", samla_arena_strndup(a, piece, nl));
                const char *t = samla_text_trim(a, piece + nl);
                if (t && *t) samla_map_set_str(a, cur, "title", t);
                samla_seq_append(a, seq, cur);
            } else if (cur) {
                const char *old = samla_map_get_str(cur, "title");
                samla_map_set_str(a, cur, "title", old ? samla_arena_printf(a, "%s, %s", old, piece) : piece);
            }
            piece = next;
        }
    }
    return seq;
}

samla_status agenda_extract(pdoc *d)
{
    samla_arena *a = d->ctx->arena;
    samla_node *ag = samla_ctx_section(d->ctx, "agenda");
    if (!ag) return SAMLA_ERR_NOMEM;
    for (size_t k = 0; k < d->nitems; k++) {
        pitem *it = &d->items[k];
        samla_node *n = samla_node_map(a);
        if (!n) return SAMLA_ERR_NOMEM;
        it->node = n;
        samla_map_set_str(a, n, "number", it->number);
        samla_map_set_str(a, n, "title", it->title);
        samla_node *pres = samla_node_seq(a);
        char *text = NULL;
        for (size_t i = it->start; i < it->end; i++) {
            const pline *l = &d->l[i];
            samla_match m;
            char *soft = samla_text_soft(a, l->text);
            if (soft && strcmp(soft, "informationsärende") == 0) it->information = true;
            if (samla_re_search(d->st->re[RE_PRESENTER], l->text, 0, &m))
                presenters(d, samla_match_group(a, &m, l->text, 1), pres);
            else if (samla_re_search(d->st->re[RE_PRESENTS], l->text, 0, &m)) {
                samla_node *p = samla_node_map(a);
                samla_map_set_str(a, p, "name", samla_match_group(a, &m, l->text, 2));
                samla_map_set_str(a, p, "title", samla_text_lower(a, samla_match_group(a, &m, l->text, 1)));
                samla_seq_append(a, pres, p);
            }
            if (i >= it->body && l->row < 0)
                text = text ? samla_arena_printf(a, "%s\n%s", text, l->text) : samla_arena_strdup(a, l->text);
        }
        if (it->title && samla_text_starts_with_ci(it->title, "Information ")) it->information = true;
        /* P-ITEM-INFO-KIND: "Informationsärende – parkering", "Aktuell information från förvaltningen",
         * "Förvaltningschefen informerar" */
        if (it->title && samla_re_test(d->st->re[RE_INFO_TITLE], it->title)) it->information = true;
        samla_map_set_str(a, n, "kind", it->information ? "information" : "other");
        if (samla_node_len(pres)) samla_map_set(a, n, "presenters", pres);
        samla_map_set_str(a, n, "reference", it->reference);
        samla_node *span = samla_node_map(a);
        samla_map_set_int(a, span, "first_block", d->l[it->start].blk->index);
        samla_map_set_int(a, span, "last_block", d->l[it->end - 1].blk->index);
        samla_map_set(a, n, "blocks", span);
        samla_map_set_str(a, n, "text", text);
        samla_map_set(a, n, "source", samla_ctx_source(d->ctx, d->l[it->start].blk));
        samla_seq_append(a, ag, n);
    }
    if (d->protocol && d->nitems) {
        samla_node *m = samla_ctx_section(d->ctx, "meeting");
        if (!samla_map_get(m, "items"))
            samla_map_set_str(a, m, "items", d->nitems == 1 ? d->items[0].number
                              : samla_arena_printf(a, "%s–%s", d->items[0].number, d->items[d->nitems - 1].number));
    }
    return SAMLA_OK;
}
