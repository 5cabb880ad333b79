"""read_pdf_test.py: tests of the read-pdf plugin through `samla dump`.

Corpus PDFs (rendered by LibreOffice) must give real content: 4-column
activity tables with exact cell text and row counts, a table continued on
the next page, heading levels by font size, running headers/footers as
header/footer blocks and never inside body text, two-column pages read
column by column, a two-column attendance table, suspended compounds kept.
Small files in tests/data give the one-line errors for encrypted, damaged
and image-only PDFs. Run by ctest with SAMLA and SAMLA_SOURCE set;
/usr/bin/python3 only.
"""
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from samlatest import SRC, blocks, check, finish, model, run as samla  # noqa: E402

PDF = os.path.join(SRC, "corpus/pdf")
DATA = os.path.join(SRC, "tests/data")


def run(path, *opts):
    return samla("dump", *opts, path)


def dump(path):
    return model("dump", path)


def cell_text(c):
    if c.get("blocks"):
        return "\n".join(b["text"] for b in c["blocks"])
    return c.get("text", "")


def table_after(bl, heading_start):
    """The first table after the heading whose text starts with heading_start."""
    seen = False
    for b in bl:
        if b["kind"] == "heading" and b["text"].startswith(heading_start):
            seen = True
        elif seen and b["kind"] == "table":
            return b
    return None


def body_text(bl):
    return [b["text"] for b in bl if b["kind"] in ("paragraph", "heading", "list_item")]


def validate(model, name):
    schema_path = os.path.join(SRC, "docs/schema/samla.schema.json")
    try:
        import jsonschema
    except ImportError:
        return
    with open(schema_path) as f:
        schema = json.load(f)
    try:
        jsonschema.validate(json.loads(json.dumps(model, default=str)), schema)
    except jsonschema.ValidationError as e:
        check(False, "%s: schema: %s" % (name, e.message))


def test_uppsala():
    m = dump(os.path.join(PDF, "uppsala-verksamhetsplan-2022.pdf"))
    validate(m, "uppsala")
    bl = blocks(m)
    tables = [b for b in bl if b["kind"] == "table"]
    activity = [t for t in tables if cell_text(t["cells"][0][0]) == "Prioriterat område"]
    check(len(activity) >= 8, "uppsala: at least 8 activity tables, got %d" % len(activity))
    for t in activity:
        check(t["columns"] == 4, "uppsala: activity table has 4 columns, got %d" % t["columns"])
        check([cell_text(c) for c in t["cells"][0]] ==
              ["Prioriterat område", "Aktiviteter 2022", "Indikatorer för uppföljning", "Ansvar"],
              "uppsala: header row %r" % [cell_text(c) for c in t["cells"][0]])
        check(all(c.get("header") for c in t["cells"][0]), "uppsala: header cells marked")
        check(not any(c.get("header") for c in t["cells"][1]), "uppsala: body cells not header")
    t = table_after(bl, "2.1.2")
    check(t is not None and t["rows"] == 2, "uppsala 2.1.2: 2 rows")
    if t:
        check(cell_text(t["cells"][1][0]) ==
              "Kunskapsstyrning och verksamhetsstyrning gällande gemensamma frågor samordnas och berikar varandra",
              "uppsala 2.1.2: first cell text: %r" % cell_text(t["cells"][1][0]))
        acts = t["cells"][1][1].get("blocks", [])
        check(len(acts) == 2 and acts[0]["text"] ==
              "Synkronisera planarbetet mellan huvudmännen och berörda förvaltningar",
              "uppsala 2.1.2: two activities in one cell, got %r" % [a["text"] for a in acts])
        check(cell_text(t["cells"][1][3]) == "Samråd och TL HSVO Uppsala", "uppsala 2.1.2: Ansvar cell")
    # 2.2.3's table continues on the next page: header once, 4 body rows
    t = table_after(bl, "2.2.3")
    check(t is not None and t["rows"] == 5, "uppsala 2.2.3: 5 rows across the page break, got %s" % (t and t["rows"]))
    if t:
        check(sum(cell_text(r[0]) == "Prioriterat område" for r in t["cells"]) == 1, "uppsala 2.2.3: header once")
        check(cell_text(t["cells"][4][0]) == "Samverkan vid in- och utskrivning", "uppsala 2.2.3: last row (next page)")
    # running header/footer: footer blocks, never body text
    footers = [b["text"] for b in bl if b["kind"] in ("footer", "header")]
    check(any("Sida 2 av" in f for f in footers), "uppsala: 'Sida 2 av' is a footer block")
    check(sum("Beslutad 2021-10-21" in f for f in footers) >= 5, "uppsala: plan footer on every plan page")
    check(not any("Sida " in t and " av " in t and len(t) < 40 for t in body_text(bl)) and
          not any("Sida 2 av" in t for t in body_text(bl)), "uppsala: no page footer in body text")
    # headings by size: chapter above section above subsection
    lv = {b["text"]: b.get("level") for b in bl if b["kind"] == "heading"}
    ch = [l for t, l in lv.items() if t.startswith("2 Fokusområden")]
    se = [l for t, l in lv.items() if t.startswith("2.1 Fokusområde")]
    su = [l for t, l in lv.items() if t.startswith("2.1.1 Det finns")]
    check(ch and se and su and ch[0] < se[0] < su[0], "uppsala: heading levels 2 < 2.1 < 2.1.1: %s %s %s" % (ch, se, su))
    # suspended compound kept, line-end hyphen joined
    text = "\n".join(body_text(bl))
    check("hälso- och sjukvård" in text, "uppsala: 'hälso- och sjukvård' kept")
    check(any(b["kind"] == "list_item" and b.get("numbering") == "1." and b["text"].startswith("att anta")
              for b in bl), "uppsala: numbered decision list item")
    check(any(b["kind"] == "list_item" and b.get("level") == 2 for b in bl), "uppsala: nested list item level 2")


def test_two_columns():
    m = dump(os.path.join(PDF, "protokollsutdrag-regionstyrelsen-2025-02-04.pdf"))
    bl = blocks(m)
    text = body_text(bl)
    check(any("Kostnaden för inhyrd personal vid närakuten uppgick 2024 till 14,2 miljoner kronor." in t for t in text),
          "regionstyrelsen: sentence wrapped inside the left column is contiguous")
    check(any("Ordföranden ställer proposition på arbetsutskottets förslag mot Ali Hassans (v) yrkande" in t
              for t in text), "regionstyrelsen: right column sentence contiguous")
    order = [t for t in text if t in ("Ärendebeskrivning", "Förslag till beslut", "Beslutsunderlag", "Yrkanden", "Beslut")]
    check(order == ["Ärendebeskrivning", "Förslag till beslut", "Beslutsunderlag", "Yrkanden", "Beslut"],
          "regionstyrelsen: left column before right column: %r" % order)
    # the boxed reference line is the source's one-row table (PDF-TABLE-BOXED-ROW); the body is no table
    tables = [b for b in bl if b["kind"] == "table"]
    check(all(t["rows"] == 1 and cell_text(t["cells"][0][0]) == "Paragraf 23" for t in tables),
          "regionstyrelsen: two-column text is not a table")
    check(len(tables) == 1 and cell_text(tables[0]["cells"][0][1]) == "Diarienummer RS 2024-00873",
          "regionstyrelsen: the boxed reference line is a table of one row")


def test_attendance():
    m = dump(os.path.join(PDF, "protokoll-socialnamnden-bergsjo-2023-11-22.pdf"))
    bl = blocks(m)
    t = next((b for b in bl if b["kind"] == "table" and cell_text(b["cells"][0][0]) == "Ledamöter"), None)
    check(t is not None, "bergsjö: attendance table")
    if t:
        check(t["columns"] == 2 and cell_text(t["cells"][0][1]) == "Ersättare", "bergsjö: 2 columns")
        check(cell_text(t["cells"][1][0]) == "Gunnel Forsberg (S), ordförande", "bergsjö: first member")
        check(cell_text(t["cells"][1][1]) == "Kent Åslund (S), tjänstgörande ersättare för Leif Sjödin (S)",
              "bergsjö: two-line cell joined: %r" % cell_text(t["cells"][1][1]))
    check(sum(b["kind"] == "footer" and "Justerares sign" in b["text"] for b in bl) >= 3,
          "bergsjö: signature line is a footer on every page")


def test_item_lines_not_furniture():
    """One § per page: the '§ 102 Dnr SN 2023/0067' lines at the top of each
    page differ only in digits, yet they start items and stay body text."""
    bl = blocks(dump(os.path.join(PDF, "protokoll-socialnamnden-bergsjo-2023-11-22.pdf")))
    furn = [b["text"] for b in bl if b["kind"] in ("header", "footer")]
    check(not any(t.startswith("§") for t in furn), "bergsjö: no § line is a header: %r" %
          [t for t in furn if t.startswith("§")])
    body = body_text(bl)
    for n in range(102, 107):
        check(any(t.startswith("§ %d Dnr SN" % n) for t in body), "bergsjö: '§ %d Dnr' in body text" % n)
    check(sum(b["kind"] == "header" and "Bergsjö kommun PROTOKOLL" in b["text"] for b in bl) == 8,
          "bergsjö: running header on all 8 pages")
    # a strategy included twice (two municipalities' documents): its repeated
    # lines at the same place are content, not running headers
    hs = blocks(dump(os.path.join(PDF, "strategi-hsvo-2024-2026.pdf")))
    furn = [b["text"] for b in hs if b["kind"] in ("header", "footer")]
    check(not any("Inriktning strategi" in t or t.startswith("A2 ") for t in furn),
          "hsvo: repeated content lines are not furniture")
    check(sum("Sida " in t for t in furn) == 17, "hsvo: page footer on all 17 pages")


def test_signatures():
    """Paper signature tables: dotted line, name under it, one block each, in
    the DOCX order (role/line, name, then the next sub-column)."""
    bl = blocks(dump(os.path.join(PDF, "protokoll-kf-solvik-2024-03-18.pdf")))
    t = next((b for b in bl if b["kind"] == "table" and cell_text(b["cells"][-1][0]) == "Underskrifter"), None)
    check(t is not None, "solvik: Underskrifter table row")
    if t:
        got = [x["text"] for x in t["cells"][-1][1].get("blocks", [])]
        want = ["Sekreterare ………………………………………", "Ewa Granath", "Paragrafer §§ 12–19",
                "Ordförande ………………………………………", "Björn Wikström", "Justerande ………………………………………",
                "Jonas Åbergh", "……………………………………", "Nora Lindahl"]
        check(got == want, "solvik: signature cell blocks %r" % got)
    sig = [b for b in bl if b["kind"] == "table" and any("Björn Wikström" in cell_text(c) for r in b["cells"] for c in r)
           and any("justerare" == cell_text(c).split("\n")[-1] for r in b["cells"] for c in r)]
    check(bool(sig), "solvik § 18: signature table with name and role in separate blocks")
    bg = blocks(dump(os.path.join(PDF, "protokoll-socialnamnden-bergsjo-2023-11-22.pdf")))
    cells = [x["text"] for b in bg if b["kind"] == "table" for r in b["cells"] for c in r for x in c.get("blocks", [])]
    for name in ("Elin Hedqvist", "Gunnel Forsberg", "Margareta Hägglund"):
        check(name in cells, "bergsjö: signature name %r is its own block" % name)


def test_voting_table():
    """Namn | Ja | Nej | Avstår twice side by side: the header row's labels
    name the columns, so columns empty in every member row (the left Nej and
    Avstår) stay columns and each X lands in its own column; rows without any
    wrapped line are one row per line (also the attendance list)."""
    bl = blocks(dump(os.path.join(PDF, "protokoll-kf-solvik-2024-03-18.pdf")))
    want = []
    with open(os.path.join(SRC, "corpus/src/protokoll-kf-solvik-2024-03-18.sdoc"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("|= Namn") or (line.startswith("| ") and line.count("|") == 9):
                want.append([x.strip() for x in line.strip().lstrip("|=").strip("|").split("|")])
    t = next((b for b in bl if b["kind"] == "table" and cell_text(b["cells"][0][0]) == "Namn"), None)
    check(t is not None and t["columns"] == 8 and t["rows"] == 26,
          "solvik: voting table 26x8, got %s" % (t and "%dx%d" % (t["rows"], t["columns"])))
    if t:
        got = [[cell_text(c) for c in r] for r in t["cells"]]
        bad = [(g, w) for g, w in zip(got, want) if g != w]
        check(len(got) == len(want) and not bad, "solvik: voting rows as the sdoc: %r" % bad[:3])
    att = next((b for b in bl if b["kind"] == "table" and cell_text(b["cells"][0][0]).startswith("Björn Wikström")),
               None)
    check(att is not None and att["rows"] == 22 and att["columns"] == 2,
          "solvik: attendance list one row per member, got %s" % (att and "%dx%d" % (att["rows"], att["columns"])))


def test_headings():
    """Headings need a larger font; bold body-size lines are bold paragraphs."""
    bl = blocks(dump(os.path.join(PDF, "protokoll-kf-solvik-2024-03-18.pdf")))
    heads = [b["text"] for b in bl if b["kind"] == "heading"]
    check(len(heads) == 10, "solvik: 10 headings (as the DOCX), got %d" % len(heads))
    check(any(b["kind"] == "paragraph" and b["text"] == "Beslut" and b.get("style", {}).get("bold") for b in bl),
          "solvik: 'Beslut' is a bold paragraph")
    ek = blocks(dump(os.path.join(PDF, "samverkansplan-2025-ekby.pdf")))
    heads = [b["text"] for b in ek if b["kind"] == "heading"]
    check(not any(t.startswith("Hälsa, stöd, vård") or t.startswith("Planen har tagits fram") for t in heads),
          "ekby: body-size sentences are not headings: %r" % heads)
    check(len(heads) == 8, "ekby: 8 headings, got %d" % len(heads))
    sa = blocks(dump(os.path.join(PDF, "protokoll-samrad-2024-05-03.pdf")))
    check(any(b["kind"] == "heading" and b["text"].startswith("18. Läns gemensamma medel") and
              b["text"].endswith("(UPH-medel)") for b in sa), "samråd: numbered two-line heading")


def test_continued_table():
    m = dump(os.path.join(PDF, "samverkansplan-2025-ekby.pdf"))
    bl = blocks(m)
    t = table_after(bl, "Fokusområde A")
    check(t is not None and t["columns"] == 4, "ekby: 4-column table")
    if t:
        check(sum(cell_text(r[0]) == "Delmål" for r in t["cells"]) == 1, "ekby: repeated header dropped")
        row = next((r for r in t["cells"] if cell_text(r[1]).startswith("Utbilda medarbetare")), None)
        check(row is not None and "hjälpen till psykisk hälsa." in cell_text(row[1]),
              "ekby: row split by the page break joined")


def sdoc_cells(name):
    """Cells of the sdoc source with several paragraphs (' // ' between them), as lists of texts."""
    out = []
    with open(os.path.join(SRC, "corpus/src", name + ".sdoc"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("|") and " // " in line:
                for cell in line.strip().strip("|").split(" | "):
                    if " // " in cell:
                        out.append([" ".join(p.replace("*", "").split()) for p in cell.split(" // ")])
    return out


def pdf_cells(bl):
    return [[x["text"] for x in c.get("blocks", [])] or [c.get("text", "")]
            for b in bl if b["kind"] == "table" for r in b["cells"] for c in r]


def test_cell_paragraphs():
    # paragraphs inside a table cell: one block per sdoc paragraph, exact texts
    # (paragraph spacing splits, a wrapped paragraph stays one block)
    for name, least in (("uppsala-verksamhetsplan-2022", 18), ("samverkansplan-2025-ekby", 8)):
        bl = blocks(dump(os.path.join(PDF, name + ".pdf")))
        cells = pdf_cells(bl)
        found = 0
        for want in sdoc_cells(name):
            hit = [c for c in cells if " ".join(" ".join(c).split()) == " ".join(want)]
            if not hit:
                continue
            found += 1
            check(want in hit, "%s: cell paragraphs %r, got %r" % (name, want, hit[0]))
        check(found >= least, "%s: %d multi-paragraph cells found, want >= %d" % (name, found, least))
        if name.startswith("uppsala"):
            want = ["Genomförande av pilot kring styrning och ledning inom Vårdcentrum centrala Uppsala",
                    "Geografiska noder definieras för Kungsgärdet, Gottsunda och Årsta",
                    "Aktiviteter enligt plan för långsiktig etablering av den nära vården",
                    "Närvårdsplatser/korttidsplatser",
                    "Utveckla teamsamverkan mellan vårdcentraler och hemsjukvård",
                    "Utveckla teamsamverkan mellan specialistfunktioner inom barnmedicin/psykiatri och kommun och "
                    "vårdcentral (se punkt 2.3.4)"]
            check(want in cells, "uppsala 2.3.1: six activities in one cell")
            check(["Lokalt och länsgemensamt arbete", "Analysgrupper"] in cells,
                  "uppsala: two one-line paragraphs in a cell")
            # a line of the next column set between two lines of this cell
            # (paragraph spacing) does not chain them into one line (2.3.3)
            want = ["Kartläggning genomförd", "Lokala behov identifierade",
                    "Arbete sker i enlighet med beslut i HSVO på regional nivå"]
            check(want in cells, "uppsala 2.3.3: offset lines of two columns kept apart: %r" %
                  [c for c in cells if any("Arbete" in x for x in c)])
        else:
            check(["Utbilda medarbetare i socialtjänst, skola och primärvård i Första hjälpen till psykisk hälsa."]
                  in cells, "ekby: cell paragraph split by the page break is one block")
            # a table where no cell wraps has no pitch of its own: one line per paragraph at 1.25 em
            check(["Ekby kommun KS 2024/512", "Region Uppsala RS2024-01377"] in cells,
                  "ekby: header table Dnr cell is two paragraphs")


def test_page_break_paragraph():
    # a body paragraph split by a page break (full last line, lower-case start) is one block on its first page
    bl = blocks(dump(os.path.join(PDF, "protokoll-samrad-2024-05-03.pdf")))
    b = next((b for b in bl if "Prioriterade områden är personer med" in b["text"]), None)
    check(b is not None and "personer med samsjuklighet, ett stärkt" in b["text"] and
          b["text"].endswith("fyra fokusområden:"), "samråd: paragraph across the page break joined")
    check(not any(b["kind"] == "paragraph" and b["text"].startswith("samsjuklighet") for b in bl),
          "samråd: no paragraph starting with the continuation")


def test_broken_words():
    # a word wider than a narrow cell, broken without a hyphen at the cell's edge, is joined again;
    # a normal wrap in the same column keeps its space
    bl = blocks(dump(os.path.join(PDF, "handlingsplan-folkhalsa-sjovik-2025.pdf")))
    texts = [" ".join(c) for c in pdf_cells(bl)]
    check("Barn- och utbildningsförvaltningen" in texts, "sjövik: 'utbildningsförvaltni' + 'ngen' joined")
    check("Vård- och omsorgsförvaltningen" in texts, "sjövik: 'omsorgsförvaltning' + 'en' joined")
    check(any(t.startswith("Barn- och utbildningsförvaltningen, miljö- och byggförvaltningen") for t in texts),
          "sjövik: broken word before more text joined")
    check(not any("förvaltni ngen" in t or "förvaltning en" in t for t in texts), "sjövik: no broken word left")
    check("Hälsosamma levnadsvanor" in texts, "sjövik: a normal wrap keeps its space")
    bl = blocks(dump(os.path.join(PDF, "arjeplog-handlingsplan-nara-vard.pdf")))
    check(any("Dokumentinformation" in t for c in pdf_cells(bl) for t in c), "arjeplog: 'Dokumentinform' + 'ation'")


def test_strategy():
    path = os.path.join(PDF, "strategi-hsvo-2024-2026.pdf")
    if not os.path.exists(path):
        print("skip: strategi-hsvo-2024-2026.pdf not rendered")
        return
    bl = blocks(dump(path))
    lv = {b["text"]: b.get("level") for b in bl if b["kind"] == "heading"}
    top = [l for t, l in lv.items() if t.startswith("A. ")]
    sub = [l for t, l in lv.items() if t.startswith("A1")]
    check(top and sub and top[0] < sub[0], "strategy: A1 deeper than A.: %s %s" % (top, sub))


def test_errors():
    cases = [
        ("encrypted.pdf", 1, "encrypted PDF (password protected)"),
        ("truncated.pdf", 1, "damaged PDF: "),
        ("scanned.pdf", 1, "no text layer (pages 1–2): scanned document; OCR is off (option ocr: never)"),
    ]
    # OCR is off here: what OCR makes of scans is tests/plugins/read_pdf_ocr_test.py's (label ocr)
    for name, rc_want, msg in cases:
        rc, out, err = run(os.path.join(DATA, name), "-O", "read-pdf.ocr=never")
        check(rc == rc_want, "%s: exit %d, got %d" % (name, rc_want, rc))
        lines = [l for l in err.splitlines() if l.strip()]
        check(len(lines) == 1 and msg in lines[0], "%s: one-line error with %r, got %r" % (name, msg, err))
    rc, out, err = run(os.path.join(DATA, "partly-scanned.pdf"), "-O", "read-pdf.ocr=never")
    check(rc == 0, "partly-scanned: reads")
    check("no text layer on page 2 (scanned? OCR is off (option ocr: never))" in err + out, "partly-scanned: warning")


for test in (test_uppsala, test_two_columns, test_attendance, test_item_lines_not_furniture, test_signatures,
             test_voting_table, test_headings, test_continued_table, test_cell_paragraphs, test_page_break_paragraph, test_broken_words,
             test_strategy,
             test_errors):
    test()
finish("read-pdf")
