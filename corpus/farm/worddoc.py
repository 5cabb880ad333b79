"""A DOCX written the way Microsoft Word writes one, from an .sdoc, for the
Word-style producer (LibreOffice exports it to PDF): bullets from the Symbol and
Wingdings fonts (so the PDF text holds private-use code points such as U+F0B7),
`Label:<tab>value` lines on a tab stop, headerless tables as borderless layout
tables, a subtitle in a text box, numbered headings with a tab after the number
(when the source's headings carry no number of their own), running headers and
footers with PAGE / NUMPAGES fields, real footnotes. Records the structure put in."""

import re
import zipfile
from xml.sax.saxutils import escape

import sdoc

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'

FONTS = [("Calibri", "Calibri Light"), ("Arial", "Arial"), ("Times New Roman", "Arial"), ("Cambria", "Calibri")]
# (font, private-use code point) of level-1 bullets as Word's bullet library writes them
BULLETS = [("Symbol", "\uf0b7"), ("Symbol", "\uf0b7"), ("Wingdings", "\uf0a7"), ("Wingdings", "\uf0d8")]
LABEL_VALUE_RE = re.compile(r"^([^:]{1,40}):\s+(\S.*)$")


def variation(src, producer):
    p = lambda key, opts: sdoc.pick(src.stem, producer, key, opts)
    return {"fonts": p("fonts", FONTS), "size": p("size", [20, 22, 24]), "bullet": p("bullet", BULLETS),
            "margin": p("margin", [1134, 1417, 1701])}  # twips: 2.0, 2.5, 3.0 cm


def t(s):
    return '<w:t xml:space="preserve">%s</w:t>' % escape(s)


class WordDoc:
    def __init__(self, src, producer, v):
        self.src, self.producer, self.v = src, producer, v
        self.st = sdoc.Structure(src, producer)
        self.notes = []
        self.nums = []          # (num id, abstract id)
        self.parts = {}         # header/footer part name -> xml
        self.numbered_headings = not any(
            re.match(r"^\d", sdoc.plain(b["text"])) for b in src.blocks if b["type"] == "h")
        land = src.settings["landscape"]
        self.page_w, self.page_h = (16838, 11906) if land else (11906, 16838)
        self.text_w = self.page_w - 2 * v["margin"]

    # -- runs ---------------------------------------------------------------
    def runs(self, s, extra_rpr=""):
        out = []
        for r in sdoc.runs(s):
            if r[0] == "br":
                out.append("<w:r><w:br/></w:r>")
            elif r[0] == "note":
                self.notes.append(r[1])
                out.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                           '<w:footnoteReference w:id="%d"/></w:r>' % len(self.notes))
            else:
                rpr = extra_rpr + ("<w:b/>" if r[2] else "") + ("<w:i/>" if r[3] else "")
                out.append("<w:r>%s%s</w:r>" % ("<w:rPr>%s</w:rPr>" % rpr if rpr else "", t(r[1])))
        return "".join(out)

    def p(self, style, content, ppr=""):
        return '<w:p><w:pPr><w:pStyle w:val="%s"/>%s</w:pPr>%s</w:p>' % (style, ppr, content)

    def new_num(self, abstract):
        nid = len(self.nums) + 10
        self.nums.append((nid, abstract))
        return nid

    # -- header / footer parts ------------------------------------------------
    def hf_part(self, kind, parts):
        name = "%s%d.xml" % (kind, len(self.parts) + 1)
        runs = []
        for i, part in enumerate(parts or ["", "", ""]):
            if i:
                runs.append("<w:r><w:tab/></w:r>")
            for piece in re.split(r"(\{page\}|\{pages\})", part):
                if piece in ("{page}", "{pages}"):
                    instr = "PAGE" if piece == "{page}" else "NUMPAGES"
                    runs.append('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> '
                                '%s </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r>%s</w:r>'
                                '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (instr, t("1")))
                elif piece:
                    runs.append("<w:r>%s</w:r>" % t(piece))
        style = "Header" if kind == "header" else "Footer"
        tag = "hdr" if kind == "header" else "ftr"
        self.parts[name] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:%s %s>%s</w:%s>'
                            % (tag, W, self.p(style, "".join(runs)), tag))
        return name

    def sect_pr(self, header, footer, first_plain):
        refs = []
        for kind, parts in (("header", header), ("footer", footer)):
            name = self.hf_part(kind, parts) if parts else self.hf_part(kind, ["", "", ""])
            refs.append('<w:%sReference w:type="default" r:id="rId_%s"/>' % (kind, name[:-4]))
            if first_plain:
                empty = self.hf_part(kind, ["", "", ""])
                refs.append('<w:%sReference w:type="first" r:id="rId_%s"/>' % (kind, empty[:-4]))
        m = self.v["margin"]
        orient = ' w:orient="landscape"' if self.src.settings["landscape"] else ""
        return ('<w:sectPr>%s<w:pgSz w:w="%d" w:h="%d"%s/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" '
                'w:header="567" w:footer="567" w:gutter="0"/>%s</w:sectPr>'
                % ("".join(refs), self.page_w, self.page_h, orient, m, m, m, m, "<w:titlePg/>" if first_plain else ""))

    # -- blocks ---------------------------------------------------------------
    def list_xml(self, b):
        out, counters = [], {}
        num = {"bullet": self.new_num(1), "number": self.new_num(2)}
        for it in b["items"]:
            lvl = max(1, it["level"])
            counters[lvl] = counters.get(lvl, 0) + 1
            for deeper in [k for k in counters if k > lvl]:
                del counters[deeper]
            kind = it["kind"]
            out.append(self.p("ListParagraph", self.runs(it["text"]),
                              '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (lvl - 1, num[kind])))
            mark = (self.v["bullet"][1] if lvl == 1 else "o" if lvl == 2 else "\uf0a7") if kind == "bullet" \
                else "%d." % counters[lvl]
            self.st.list_item(lvl, mark, it["text"])
        return "".join(out)

    def cell_xml(self, text, nested):
        out = []
        bnum = nnum = None
        for kind, s in sdoc.cell_paragraphs(text):
            if kind == "p":
                out.append(self.p("TableText", self.runs(s)))
            else:
                if kind == "bullet":
                    bnum = bnum or self.new_num(1)
                    n = bnum
                else:
                    nnum = nnum or self.new_num(2)
                    n = nnum
                out.append(self.p("TableText", self.runs(s), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>'
                                  % n))
        if nested:
            out.append(self.p("TableText", self.runs(" ".join(
                c for row in nested["rows"] for c in row["cells"] if c not in (">>", "^^")))))
        return "".join(out) or self.p("TableText", "")

    def table_xml(self, b):
        if not b["rows"][0]["header"]:
            b = sdoc.signature_rows_merged(b)  # a borderless layout table, below
        ncols, grid, owner, spans = b["layout"]
        self.st.table(b["layout"], b["rows"])
        header = b["rows"][0]["header"]
        widths = b["widths"] or [1] * ncols
        widths = (list(widths) + [1] * ncols)[:ncols]
        tot = sum(widths) or 1
        tw = [int(self.text_w * w / tot) for w in widths]
        # a table without a header row is a layout table: no borders, as Word users make front pages
        borders = "" if not header else ("<w:tblBorders>" + "".join(
            '<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>' % e
            for e in ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>")
        out = ['<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/>%s<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>%s'
               '</w:tblGrid>' % (self.text_w, borders, "".join('<w:gridCol w:w="%d"/>' % x for x in tw))]
        for r, row in enumerate(grid):
            trpr = "<w:trPr><w:tblHeader/></w:trPr>" if b["rows"][r]["header"] else ""
            out.append("<w:tr>%s" % trpr)
            c = 0
            while c < ncols:
                o = owner[r][c]
                r0, c0, r1, c1 = spans[o]
                span = c1 - c0 + 1
                tcpr = '<w:tcW w:w="%d" w:type="dxa"/>' % sum(tw[c0:c1 + 1])
                if span > 1:
                    tcpr += '<w:gridSpan w:val="%d"/>' % span
                if r1 > r0:
                    tcpr += '<w:vMerge w:val="restart"/>' if r == r0 else "<w:vMerge/>"
                if o == (r, c):
                    nested = b["rows"][r].get("nested") if c1 == ncols - 1 else None
                    body = self.cell_xml(row[c], nested)
                else:
                    body = self.p("TableText", "")
                out.append("<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (tcpr, body))
                c = c1 + 1
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    def paragraph_xml(self, text, style="Normal"):
        plain = sdoc.plain(text)
        m = LABEL_VALUE_RE.match(text) if style == "Normal" and "[^" not in text and "**" not in text else None
        if m and len(plain) < 400:
            # Word's front-page habit: the label, a tab to a stop, the value (hanging indent)
            ppr = '<w:tabs><w:tab w:val="left" w:pos="2835"/></w:tabs><w:ind w:left="2835" w:hanging="2835"/>'
            return self.p("Normal", self.runs(m.group(1) + ":") + "<w:r><w:tab/></w:r>" + self.runs(m.group(2)), ppr)
        return self.p(style, self.runs(text))

    def body(self):
        out = []
        pending_sect = None
        first = True
        for b in self.src.blocks:
            if "master" in b:
                _, header, footer = b["master"]
                self.st.header_footer(header, footer)
                if pending_sect is not None:
                    # the previous section ends with the paragraph before this block
                    out.append('<w:p><w:pPr>%s</w:pPr></w:p>' % pending_sect)
                pending_sect = self.sect_pr(header, footer, first and self.src.settings["firstpage_plain"])
            first = False
            if b.get("pagebreak"):
                out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            typ = b["type"]
            if typ == "h":
                ppr = ('<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="3"/></w:numPr>' % (b["level"] - 1)
                       if self.numbered_headings else "")
                out.append(self.p("Heading%d" % b["level"], self.runs(b["text"]), ppr))
                self.st.heading(b["level"], b["text"])
            elif typ == "p":
                s = b["style"]
                if s == "Spacer":
                    out.append(self.p("Normal", ""))
                elif s == "Title":
                    out.append(self.p("Title", self.runs(b["text"])))
                    self.st.heading(1, b["text"])
                elif s == "Subtitle":
                    # a subtitle in a text box, as cover pages are often made
                    box = ('<w:r><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
                           'path="m,l,21600r21600,l21600,xe"/><v:shape id="tb%d" type="#_x0000_t202" '
                           'style="width:400pt;height:36pt" stroked="f"><v:textbox><w:txbxContent>%s'
                           '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>'
                           % (len(out), self.p("Subtitle", self.runs(b["text"]))))
                    out.append(self.p("Normal", box))
                    self.st.paragraph(b["text"])
                else:
                    style = {"Centered": "Centered", "Right": "Right", "Caption": "Caption"}.get(s, "Normal")
                    out.append(self.paragraph_xml(b["text"], style))
                    self.st.paragraph(b["text"])
            elif typ == "toc":
                out.append(self.p("TOC%d" % b["level"], self.runs(b["text"]) + "<w:r><w:tab/></w:r>" +
                                  "<w:r>%s</w:r>" % t(b["page"])))
                self.st.paragraph(("%s %s" % (b["text"], b["page"])).strip())
            elif typ == "list":
                out.append(self.list_xml(b))
            elif typ == "table":
                out.append(self.table_xml(b))
                out.append(self.p("Normal", ""))
            elif typ == "columns":
                # Word makes columns with a continuous section break; keep the running header
                pass
        final = pending_sect or self.sect_pr(None, None, False)
        return "".join(out), final

    # -- package ----------------------------------------------------------------
    def styles(self):
        body, head = self.v["fonts"]
        sz = self.v["size"]
        st = []

        def style(sid, name, ppr="", rpr="", based="Normal", typ="paragraph"):
            st.append('<w:style w:type="%s" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="%s"/>'
                      '<w:qFormat/><w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>' % (typ, sid, name, based, ppr, rpr))
        st.append('<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s"/>'
                  '<w:sz w:val="%d"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
                  '<w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
                  % (body, body, body, sz))
        st.append('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
                  '</w:style>')
        hf = '<w:rFonts w:ascii="%s" w:hAnsi="%s"/>' % (head, head)
        for lvl, size in ((1, sz + 12), (2, sz + 6), (3, sz + 2), (4, sz)):
            style("Heading%d" % lvl, "heading %d" % lvl,
                  '<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:outlineLvl w:val="%d"/>' % (lvl - 1),
                  hf + '<w:b/><w:sz w:val="%d"/>' % size)
        style("Title", "Title", '<w:spacing w:after="120"/>', hf + '<w:sz w:val="%d"/>' % (sz * 2 + 8))
        style("Subtitle", "Subtitle", "", '<w:color w:val="5A5A5A"/><w:sz w:val="%d"/>' % (sz + 4))
        style("ListParagraph", "List Paragraph", '<w:ind w:left="720"/><w:contextualSpacing/>')
        style("TableText", "Table Text", '<w:spacing w:after="40" w:line="240" w:lineRule="auto"/>',
              '<w:sz w:val="%d"/>' % (sz - 2))
        style("Centered", "Centered", '<w:jc w:val="center"/>')
        style("Right", "Right", '<w:jc w:val="right"/>')
        style("Caption", "caption", "", '<w:i/><w:sz w:val="%d"/>' % (sz - 4))
        tabs = '<w:tabs><w:tab w:val="center" w:pos="%d"/><w:tab w:val="right" w:pos="%d"/></w:tabs>' % (
            self.text_w // 2, self.text_w)
        style("Header", "header", tabs + '<w:spacing w:after="0"/>', '<w:sz w:val="18"/>')
        style("Footer", "footer", tabs + '<w:spacing w:after="0"/>', '<w:sz w:val="18"/>')
        style("FootnoteText", "footnote text", '<w:spacing w:after="0"/>', '<w:sz w:val="18"/>')
        st.append('<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
                  '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>')
        for lvl in (1, 2, 3):
            style("TOC%d" % lvl, "toc %d" % lvl, '<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="%d"/></w:tabs>'
                  '<w:ind w:left="%d"/><w:spacing w:after="60"/>' % (self.text_w, 220 * (lvl - 1)))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s>%s</w:styles>'
                % (W, "".join(st)))

    def numbering(self):
        font, glyph = self.v["bullet"]
        bl = []
        for i, (f, g) in enumerate([(font, glyph), ("Courier New", "o"), ("Wingdings", "\uf0a7")] * 3):
            bl.append('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="%s"/>'
                      '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr><w:rPr>'
                      '<w:rFonts w:ascii="%s" w:hAnsi="%s" w:hint="default"/></w:rPr></w:lvl>'
                      % (i, escape(g), 720 * (i + 1), f, f))
        dl = []
        for i in range(9):
            fmt = ["decimal", "lowerLetter", "lowerRoman"][i % 3]
            dl.append('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%%%d."/>'
                      '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr></w:lvl>'
                      % (i, fmt, i + 1, 720 * (i + 1)))
        hl = []
        for i in range(9):
            text = ".".join("%%%d" % (k + 1) for k in range(i + 1))
            hl.append('<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Heading%d"/>'
                      '<w:suff w:val="tab"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/><w:pPr>'
                      '<w:tabs><w:tab w:val="num" w:pos="%d"/></w:tabs><w:ind w:left="%d" w:hanging="%d"/></w:pPr></w:lvl>'
                      % (i, min(i + 1, 9), text, 567 + 284 * i, 567 + 284 * i, 567 + 284 * i))
        out = ['<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>%s</w:abstractNum>'
               % "".join(bl),
               '<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>%s</w:abstractNum>'
               % "".join(dl),
               '<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="multilevel"/>%s</w:abstractNum>'
               % "".join(hl),
               '<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>']
        for nid, ab in self.nums:
            out.append('<w:num w:numId="%d"><w:abstractNumId w:val="%d"/><w:lvlOverride w:ilvl="0">'
                       '<w:startOverride w:val="1"/></w:lvlOverride></w:num>' % (nid, ab))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>%s</w:numbering>'
                % (W, "".join(out)))

    def footnotes(self):
        out = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
               '</w:footnote>']
        for i, rs in enumerate(self.notes, 1):
            body = "".join("<w:r>%s</w:r>" % t(r[1]) for r in rs if r[0] == "text")
            out.append('<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr>'
                       '<w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r>%s</w:r>%s</w:p>'
                       '</w:footnote>' % (i, t(" "), body))
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes %s>%s</w:footnotes>'
                % (W, "".join(out)))

    def write(self, path):
        body, sect = self.body()
        doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s%s</w:body>'
               '</w:document>' % (W, body, sect))
        rels = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                'styles" Target="styles.xml"/>',
                '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/numbering" Target="numbering.xml"/>',
                '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/footnotes" Target="footnotes.xml"/>']
        overrides = []
        for name in self.parts:
            kind = "header" if name.startswith("header") else "footer"
            rels.append('<Relationship Id="rId_%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                        'relationships/%s" Target="%s"/>' % (name[:-4], kind, name))
            overrides.append('<Override PartName="/word/%s" ContentType="application/vnd.openxmlformats-'
                             'officedocument.wordprocessingml.%s+xml"/>' % (name, kind))
        ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
              'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
              'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
              'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+'
              'xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
              'wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.'
              'openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/footnotes.xml" '
              'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>%s</Types>'
              % "".join(overrides))
        root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
                     'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                     'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                     '</Relationships>')
        doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
                    'openxmlformats.org/package/2006/relationships">%s</Relationships>' % "".join(rels))
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", root_rels),
                               ("word/document.xml", doc), ("word/_rels/document.xml.rels", doc_rels),
                               ("word/styles.xml", self.styles()), ("word/numbering.xml", self.numbering()),
                               ("word/footnotes.xml", self.footnotes())) + tuple(
                                   ("word/" + n, x) for n, x in self.parts.items()):
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, data.encode("utf-8"))
