"""read_docx_test.py: tests of the read-docx plugin through `samla run`.

Corpus DOCX files (rendered by LibreOffice) must give real content: the
Uppsala plan's 4-column activity tables with a vertically merged Ansvar
cell, the heading levels of the HSVO strategy, numbered lists, footnotes and
running headers/footers kept out of the body. A small DOCX made here with
zipfile checks tracked changes, fields, numbering, merged and nested cells
and page breaks; hostile files (zip bomb, billion laughs, XXE, no
word/document.xml, truncated, bad XML) must each fail with their own
one-line error and no crash.
Run by ctest with SAMLA (binary) and SAMLA_SOURCE set; /usr/bin/python3 only.
"""
import os
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from samlatest import SRC, check, finish, model, run as samla  # noqa: E402

PIPELINE = os.path.join(SRC, "tests/data/docx-dump.yaml")
DOCX = os.path.join(SRC, "corpus/docx")


def run(path):
    return samla("run", PIPELINE, path)


def dump(path):
    return model("run", PIPELINE, path, what="samla")


def blocks(model):
    return [b for pg in model["content"]["pages"] for b in pg["blocks"]]


def cell_text(c):
    return c.get("text", "")


def corpus(stem):
    path = os.path.join(DOCX, stem + ".docx")
    if not os.path.exists(path):
        print("skip: %s not rendered" % stem)
        return None
    return dump(path)


# ---------------------------------------------------------------- corpus
m = corpus("uppsala-verksamhetsplan-2022")
if m:
    bs = blocks(m)
    tables = [b for b in bs if b["kind"] == "table"]
    act = [t for t in tables if cell_text(t["cells"][0][0]) == "Prioriterat område"]
    check(len(act) >= 5, "uppsala: at least 5 activity tables, got %d" % len(act))
    check(all(t["columns"] == 4 for t in act), "uppsala: activity tables have 4 columns")
    check([cell_text(c) for c in act[0]["cells"][0]] ==
          ["Prioriterat område", "Aktiviteter 2022", "Indikatorer för uppföljning", "Ansvar"],
          "uppsala: header row text")
    check(all(c.get("header") for c in act[0]["cells"][0]), "uppsala: header row marked header")
    merged = [(t, r, c) for t in act for r, row in enumerate(t["cells"]) for c, cell in enumerate(row)
              if cell.get("rowspan", 1) > 1]
    check(any(c == 3 for _, _, c in merged), "uppsala: a merged Ansvar cell (rowspan > 1 in column 4)")
    four = [(t, r, c) for t, r, c in merged if t["cells"][r][c]["rowspan"] == 4]
    check(bool(four), "uppsala: an Ansvar cell spanning 4 rows")
    if four:
        t, r, c = four[0]
        check(t["rows"] == 5, "uppsala: the table with the 4-row Ansvar cell has 5 rows, got %d" % t["rows"])
        check(cell_text(t["cells"][r][c]) == "TL HSVO Uppsala", "uppsala: merged Ansvar text")
        check(all(t["cells"][r + k][c].get("covered") for k in range(1, 4)), "uppsala: cells below covered")
        check("Utbilda kursinstruktörer" in cell_text(t["cells"][r][1]), "uppsala: activity cell text")
    heads = [b for b in bs if b["kind"] == "header"]
    foots = [b for b in bs if b["kind"] == "footer"]
    check(any("Uppsala kommun" in h["text"] for h in heads), "uppsala: header block")
    check(any("Samråd HSVO Uppsala" in f["text"] for f in foots), "uppsala: footer block")
    body = [b["text"] for b in bs if b["kind"] in ("paragraph", "heading", "list_item")]
    for h in heads + foots:
        check(h["text"] not in body, "uppsala: header/footer text %r not in the body" % h["text"])
    nums = [b for b in bs if b["kind"] == "list_item" and b.get("numbering") == "1."]
    check(any(b["text"].startswith("att anta verksamhetsplanen") for b in nums), "uppsala: list item 1.")
    check(any(b.get("numbering") == "2." for b in bs if b["kind"] == "list_item"), "uppsala: list item 2.")

m = corpus("strategi-hsvo-2024-2026")
if m:
    hs = {b["text"].split()[0]: b["level"] for b in blocks(m) if b["kind"] == "heading"}
    check(hs.get("A.") == 2, "hsvo: 'A. …' is a level-2 heading")
    check(hs.get("A1") == 3, "hsvo: 'A1 …' is a level-3 heading")
    check(hs.get("B1") == 3, "hsvo: 'B1 …' is a level-3 heading")

m = corpus("strategi-narvard-2021-2023")
if m:
    notes = [b for b in blocks(m) if b["kind"] == "footnote"]
    check(len(notes) >= 3, "narvard: footnotes read")
    check(notes and notes[0].get("numbering") == "1" and notes[0]["text"].startswith("SOU 2018:39"),
          "narvard: footnote 1 text")

m = corpus("protokoll-kf-solvik-2024-03-18")
if m:
    bs = blocks(m)
    foots = [b["text"] for b in bs if b["kind"] == "footer"]
    # the PAGE field's result as the file stores it (issue 11: never "Sida ()")
    check(foots == ["Justerandes signatur Utdragsbestyrkande 8"], "solvik: footer with the stored page number: %r" % foots)
    check(any(b["kind"] == "list_item" and b.get("numbering") == "•" for b in bs), "solvik: bullet items")
    check(m["content"]["pages"][0]["number"] == 1, "solvik: page breaks give pages")

# DOCX-TYPED-LIST: labels typed by hand in a run are list items, as read-pdf reads them on the page
m = corpus("protokoll-ks-storvika-2025-01-29")
if m:
    typed = [(b.get("numbering"), b["text"]) for b in blocks(m) if b["kind"] == "list_item"]
    check(("a)", "Investeringsplanen för skollokaler 2025–2029 godkänns.") in typed and
          ("c)", "Finansieringen sker inom befintlig låneram.") in typed, "storvika: typed a) b) c) items: %r" % typed)
    check(not any(b["kind"] == "paragraph" and b["text"].startswith("b) ") for b in blocks(m)),
          "storvika: no paragraph keeps a typed label")
farm = os.path.join(SRC, "corpus/farm/word")
if os.path.exists(os.path.join(farm, "protokoll-styrelsemote-hembygdsforening-2025-04-02.docx")):
    bs = blocks(dump(os.path.join(farm, "protokoll-styrelsemote-hembygdsforening-2025-04-02.docx")))
    agenda = [(b.get("numbering"), b["text"]) for b in bs if b["kind"] == "list_item"]
    check(agenda[:2] == [("1.", "Mötets öppnande"), ("2.", "Val av justerare")] and len(agenda) == 6,
          "hembygd: typed agenda numbers with their text between are one list: %r" % agenda)
    check(any(b["kind"] == "paragraph" and b["text"].startswith("Ordföranden Birgitta Sundin") for b in bs),
          "hembygd: the text between the items stays a paragraph")
    bs = blocks(dump(os.path.join(farm, "aktivitetsplan-granliden-2025.docx")))
    check(any(b["kind"] == "list_item" and b.get("numbering") == "1." and b["text"].startswith("Ge fyra")
              for b in bs), "granliden: a lone typed 1. in a form the document's typed lists use is an item")

# ------------------------------------------------------- a hand-made DOCX
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
PKG_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="%sofficeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
            'metadata/core-properties" Target="docProps/core.xml"/></Relationships>' % REL)
DOC_RELS = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships">' + "".join(
                '<Relationship Id="r%d" Type="%s%s" Target="%s"/>' % (i, REL, t, f) for i, (t, f) in enumerate(
                    [("styles", "styles.xml"), ("numbering", "numbering.xml"), ("footnotes", "footnotes.xml"),
                     ("header", "header1.xml"), ("footer", "footer1.xml")])) + '</Relationships>')
STYLES = ('<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault>'
          '</w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
          '<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Beslutsrubrik"><w:name w:val="Beslutsrubrik"/>'
          '<w:basedOn w:val="Rubrik2"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Lista"><w:name w:val="Lista"/>'
          '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
          '</w:styles>' % W)
NUMBERING = ('<w:numbering %s><w:abstractNum w:abstractNumId="0">'
             '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1."/></w:lvl>'
             '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
             '<w:lvlText w:val="%%1.%%2)"/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
             '<w:startOverride w:val="7"/></w:lvlOverride></w:num>'
             '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num></w:numbering>' % W)


def p(inner, ppr=""):
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", inner)


def r(text, rpr=""):
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, text)


def li(text, num, lvl=0):
    return p(r(text), '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (lvl, num))


def tc(inner, tcpr=""):
    return "<w:tc>%s%s</w:tc>" % ("<w:tcPr>%s</w:tcPr>" % tcpr if tcpr else "", inner)


TABLE = ('<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
         '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + tc(p(r("Rubrik AB")), '<w:gridSpan w:val="2"/>') +
         tc(p(r("C"))) + '</w:tr>'
         '<w:tr>' + tc(p(r("X")), '<w:vMerge w:val="restart"/>') + tc(p(r("Y"))) +
         tc('<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr>' + tc(p(r("Inre"))) + '</w:tr></w:tbl>' + p("")) +
         '</w:tr><w:tr>' + tc(p(""), '<w:vMerge/>') + tc(p(r("Z"))) + tc(li("Cellpunkt", 3)) + '</w:tr></w:tbl>')

BODY = "".join([
    p(r("Ärende om beslut"), '<w:pStyle w:val="Beslutsrubrik"/>'),
    p(r("Beslut: ") + '<w:ins w:id="1" w:author="a">' + r("antaget") + '</w:ins>'
      '<w:del w:id="2" w:author="a"><w:r><w:delText>avslaget</w:delText></w:r></w:del>' + r(" i dag.")),
    p(r("Datum ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy-MM-dd"'
      '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("2024-05-03") +
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + r(" enligt ") +
      '<w:fldSimple w:instr=" REF bilaga "><w:r><w:t>bilaga 2</w:t></w:r></w:fldSimple>'),
    p('<w:moveFrom w:id="3" w:author="a">' + r("gammal plats ") + '</w:moveFrom>' + r("Flyttad") +
      '<w:moveTo w:id="4" w:author="a">' + r(" text") + '</w:moveTo>'),
    p(r("Hälso") + '<w:r><w:softHyphen/><w:t>och</w:t><w:noBreakHyphen/><w:t>sjukvård</w:t><w:tab/>'
      '<w:t>x</w:t><w:sym w:font="Symbol" w:char="F0B3"/></w:r>'),
    '<w:sdt><w:sdtPr><w:alias w:val="fält"/></w:sdtPr><w:sdtContent>' + p(r("Innehållskontroll")) +
    '</w:sdtContent></w:sdt>',
    li("Första", 1), li("Under a", 1, 1), li("Under b", 1, 1), li("Andra", 1),
    li("Under igen", 1, 1), p(r("Via stil"), '<w:pStyle w:val="Lista"/>'), li("Omstart", 2),
    p(r("Kapitel"), '<w:outlineLvl w:val="0"/>'),
    p(r("Fetstil", "<w:rPr><w:b/></w:rPr>") + '<w:r><w:footnoteReference w:id="5"/></w:r>'),
    p(r("1. januari 2024 flyttades mötet till Ekby.")), p(r("\u2013 Punkt ett")), p(r("\u2013\tPunkt två")),
    TABLE,
    p('<w:r><w:br w:type="page"/></w:r>' + r("Sida två")),
    p(r("Sida tre"), "<w:pageBreakBefore/>"),
])
DOCUMENT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s><w:body>%s</w:body></w:document>' % (W, BODY)
FOOTNOTES = ('<w:footnotes %s><w:footnote w:type="separator" w:id="-1">%s</w:footnote>'
             '<w:footnote w:id="5">%s</w:footnote></w:footnotes>' % (W, p('<w:r><w:separator/></w:r>'),
                                                                    p(r("Fotnotens text"))))
HEADER = '<w:hdr %s>%s</w:hdr>' % (W, p(r("Sidhuvud Ekby kommun")))
FOOTER = ('<w:ftr %s>%s</w:ftr>' % (W, p(r("Sida ") + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>4</w:t></w:r>'
                                         '</w:fldSimple>')))
CORE = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        '<dc:title>Testplan</dc:title><dc:creator>Anna Andersson</dc:creator>'
        '<dcterms:created>2024-05-03T10:00:00Z</dcterms:created></cp:coreProperties>')

PARTS = {"[Content_Types].xml": CT, "_rels/.rels": PKG_RELS, "word/_rels/document.xml.rels": DOC_RELS,
         "word/document.xml": DOCUMENT, "word/styles.xml": STYLES, "word/numbering.xml": NUMBERING,
         "word/footnotes.xml": FOOTNOTES, "word/header1.xml": HEADER, "word/footer1.xml": FOOTER,
         "docProps/core.xml": CORE}


def make(path, parts):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


tmp = tempfile.mkdtemp(prefix="read_docx_")
m = dump(make(os.path.join(tmp, "liten.docx"), PARTS))
bs = blocks(m)
texts = [b.get("text", "") for b in bs]
by = {b.get("text", ""): b for b in bs}
check(by.get("Ärende om beslut", {}).get("kind") == "heading" and by["Ärende om beslut"]["level"] == 2,
      "small: basedOn chain gives heading 2")
check(by.get("1. januari 2024 flyttades mötet till Ekby.", {}).get("kind") == "paragraph",
      "small: a lone typed number in a document without typed number lists stays a paragraph")
check([(b.get("numbering"), b["text"]) for b in bs if b["kind"] == "list_item" and b["text"].startswith("Punkt")] ==
      [("\u2013", "Punkt ett"), ("\u2013", "Punkt två")], "small: a typed dash on two paragraphs is a list")
check("Beslut: antaget i dag." in texts, "small: tracked insert kept, delete dropped: %r" % texts[:4])
check("Datum 2024-05-03 enligt bilaga 2" in texts, "small: complex field result, no instrText")
check(not any("DATE" in t for t in texts), "small: no field instructions")
check("Flyttad text" in texts, "small: moveTo kept, moveFrom dropped")
check("Hälsooch-sjukvård x≥" in texts, "small: soft hyphen, no-break hyphen, tab, symbol: %r" %
      [t for t in texts if t.startswith("Häls")])
check("Innehållskontroll" in texts, "small: sdt content")
labels = [(b["text"], b.get("numbering"), b.get("level")) for b in bs if b["kind"] == "list_item"]
check(labels[:7] == [("Första", "3.", 1), ("Under a", "3.a)", 2), ("Under b", "3.b)", 2), ("Andra", "4.", 1),
                     ("Under igen", "4.a)", 2), ("Via stil", "5.", 1), ("Omstart", "7.", 1)],
      "small: numbering labels %r" % labels)
check(by.get("Kapitel", {}).get("kind") == "heading" and by["Kapitel"]["level"] == 1, "small: outlineLvl heading")
fet = by.get("Fetstil", {})
check(fet.get("style", {}).get("bold") is True and fet["style"].get("font_size") == 11, "small: bold, size")
tab = [b for b in bs if b["kind"] == "table"]
check(len(tab) == 1 and tab[0]["rows"] == 3 and tab[0]["columns"] == 3, "small: table 3x3")
if tab:
    c = tab[0]["cells"]
    check(c[0][0].get("colspan") == 2 and c[0][1].get("covered") and c[0][0].get("header"), "small: gridSpan")
    check(c[1][0].get("rowspan") == 2 and c[2][0].get("covered"), "small: vMerge")
    nested = c[1][2].get("blocks", [])
    check(nested and nested[0]["kind"] == "table" and cell_text(nested[0]["cells"][0][0]) == "Inre",
          "small: nested table")
    cl = c[2][2].get("blocks", [{}])[0]
    check(cl.get("kind") == "list_item" and cl.get("numbering") == "•", "small: bullet in a cell")
fn = [b for b in bs if b["kind"] == "footnote"]
check(len(fn) == 1 and fn[0]["text"] == "Fotnotens text" and fn[0].get("numbering") == "1", "small: footnote")
check([b["text"] for b in bs if b["kind"] == "header"] == ["Sidhuvud Ekby kommun"], "small: header")
check([b["text"] for b in bs if b["kind"] == "footer"] == ["Sida 4"], "small: footer keeps the stored PAGE result")
pages = {b.get("text", ""): pg["number"] for pg in m["content"]["pages"] for b in pg["blocks"]}
check(pages.get("Ärende om beslut") == 1 and pages.get("Sida två") == 2 and pages.get("Sida tre") == 3,
      "small: pages from explicit breaks %r" % [(pg["number"], len(pg["blocks"])) for pg in m["content"]["pages"]])
check(m["document"].get("title") == "Testplan", "small: dc:title as document title: %r" % m["document"])

# ------------------------------------------------------------ hostile files
def expect_error(name, path, words):
    rc, out, err = run(path)
    lines = [l for l in err.splitlines() if l.strip()]
    check(rc == 1, "%s: exit status 1, got %d" % (name, rc))
    check(len(lines) == 1 and words in lines[0], "%s: one line with %r, got %r" % (name, words, err))
    check("AddressSanitizer" not in err and "runtime error" not in err, "%s: no sanitizer report" % name)


bomb = os.path.join(tmp, "bomb.docx")
with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in PARTS.items():
        if n != "word/document.xml":
            z.writestr(n, d)
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        f.write(b'<?xml version="1.0"?><w:document ' + W.encode() + b'><w:body><w:p><w:r><w:t>')
        chunk = b"A" * (1 << 20)
        for _ in range(300):
            f.write(chunk)
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
expect_error("zip bomb", bomb, "zip bomb refused: word/document.xml unpacks to more than 64 MiB")

# a bomb that lies: its central directory declares 1000 bytes for 80 MiB of document.xml, so the declared-size
# check passes and the caps while inflating must refuse it
liar = os.path.join(tmp, "liar.docx")
with zipfile.ZipFile(liar, "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in PARTS.items():
        if n != "word/document.xml":
            z.writestr(n, d)
    with z.open("word/document.xml", "w") as f:
        f.write(b'<?xml version="1.0"?><w:document ' + W.encode() + b'><w:body><w:p><w:r><w:t>')
        for _ in range(80):
            f.write(b"A" * (1 << 20))
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
raw = bytearray(open(liar, "rb").read())
at = raw.find(b"PK\x01\x02")
while at >= 0:  # central directory entries: name length at +28, name at +46, uncompressed size at +24
    if raw[at + 46:at + 46 + int.from_bytes(raw[at + 28:at + 30], "little")] == b"word/document.xml":
        raw[at + 24:at + 28] = (1000).to_bytes(4, "little")
    at = raw.find(b"PK\x01\x02", at + 4)
open(liar, "wb").write(raw)
expect_error("lying zip bomb", liar, "zip bomb refused: word/document.xml compression ratio over 200:1")

LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">' +
          "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10)
                  for i in range(1, 10)) +
          ']>\n<w:document %s><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>' % W)
expect_error("billion laughs", make(os.path.join(tmp, "laughs.docx"), dict(PARTS, **{"word/document.xml": LAUGHS})),
             "XML entity/DTD declarations refused in word/document.xml")
XXE = ('<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       '<w:styles %s><w:style w:styleId="&xxe;"/></w:styles>' % W)
expect_error("XXE", make(os.path.join(tmp, "xxe.docx"), dict(PARTS, **{"word/styles.xml": XXE})),
             "XML entity/DTD declarations refused in word/styles.xml")
nodoc = {k: v for k, v in PARTS.items() if k != "word/document.xml"}
expect_error("no document", make(os.path.join(tmp, "nodoc.docx"), nodoc), "not a DOCX file (no word/document.xml)")
expect_error("bad XML", make(os.path.join(tmp, "badxml.docx"),
                             dict(PARTS, **{"word/document.xml": "<w:document %s><w:body><w:p>" % W})),
             "damaged DOCX: word/document.xml is not well-formed XML")
data = open(os.path.join(tmp, "liten.docx"), "rb").read()
trunc = os.path.join(tmp, "trunc.docx")
open(trunc, "wb").write(data[: len(data) // 2])
expect_error("truncated", trunc, "damaged DOCX")

finish("read-docx")
