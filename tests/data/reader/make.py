#!/usr/bin/python3
"""make.py: writes the small Word-style DOCX fixtures of the reader tests and
their PDFs exported by LibreOffice (soffice --headless --convert-to pdf).

The DOCX files are built the way Word writes them (not by LibreOffice): list
bullets in numbering.xml as Symbol / Wingdings / Courier New glyphs (the
text layer of the PDF then holds the private-use code points U+F0B7 and
U+F0A7), tab stops between a label and its value, and a page-number field in
the footer. Run from anywhere: /usr/bin/python3 tests/data/reader/make.py
(needs libreoffice-writer; the outputs are committed, tests never render).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def esc(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(t, bold=False, size=None):
    rpr = ("<w:b/>" if bold else "") + ('<w:sz w:val="%d"/>' % (size * 2) if size else "")
    parts = t.split("\t")
    inner = '<w:tab/>'.join('<w:t xml:space="preserve">%s</w:t>' % esc(x) for x in parts)
    return "<w:r>%s%s</w:r>" % ("<w:rPr>%s</w:rPr>" % rpr if rpr else "", inner)


def para(inner, ppr=""):
    return "<w:p><w:pPr>%s</w:pPr>%s</w:p>" % (ppr, inner)


def item(t, lvl=0, num=1):
    return para(run(t), '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (lvl, num))


def tabs(*pos):
    return "<w:tabs>%s</w:tabs>" % "".join('<w:tab w:val="left" w:pos="%d"/>' % p for p in pos)


NUMBERING = '''<w:numbering %s>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0a7"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>''' % W

STYLES = '''<w:styles %s><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/>
<w:sz w:val="22"/><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>''' % W


def footer(label):
    """A footer "<label> Sida N (M)" with PAGE and NUMPAGES complex fields whose stored results are 1 and 1."""
    def field(instr, result):
        return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> %s </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>%s</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>' % (instr, result))
    return '<w:ftr %s>%s</w:ftr>' % (W, para(run(label + "\tSida ") + field("PAGE", 1) + run(" (") +
                                               field("NUMPAGES", 1) + run(")"), tabs(7400)))


def docx(path, body, foot=None):
    sect = ('<w:sectPr>%s<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" '
            'w:left="1417" w:header="708" w:footer="708"/></w:sectPr>' % ('<w:footerReference w:type="default" r:id="rId9"/>' if foot else ""))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document %s %s><w:body>%s%s</w:body></w:document>'
           % (W, R, "".join(body), sect))
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
          '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
             '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
             '</Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/_rels/document.xml.rels", drels),
                           ("word/document.xml", doc), ("word/numbering.xml", NUMBERING), ("word/styles.xml", STYLES),
                           ("word/footer1.xml", foot or '<w:ftr %s>%s</w:ftr>' % (W, para("")))):
            zi = zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def word_bullets():
    """Activities as Word bullets: Symbol U+F0B7 level 1, Courier "o" level 2, Wingdings U+F0A7."""
    return [
        para(run("Prioriterade insatser", bold=True, size=16)),
        para(run("Nämnden arbetar under året med följande insatser för att nå målen i strategin.")),
        item("Samverkan med skolor och föreningar kring fysisk aktivitet för barn och unga i kommunens alla delar"),
        item("Utbildning i suicidprevention för personal"),
        item("Öppna mötesplatser för äldre", 1),
        item("Anhörigstöd i hemtjänsten", 1),
        item("Uppföljning av levnadsvanor i skolan"),
        para(run("Ansvar och uppföljning sker i nämndens ordinarie process.")),
        item("Tobaksfri skoltid", 0, 2),
        item("Alkohol- och drogförebyggande arbete", 0, 2),
        para(run("Planen följs upp i december.")),
    ]


def main():
    made = []
    path = os.path.join(HERE, "word-bullets.docx")
    docx(path, word_bullets(), footer("Handlingsplan folkhälsa 2025"))
    made.append(path)
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("make.py: soffice (libreoffice-writer) is needed for the PDFs")
    with tempfile.TemporaryDirectory() as prof:
        for p in made:
            subprocess.run([soffice, "-env:UserInstallation=file://" + prof, "--headless", "--convert-to", "pdf",
                            "--outdir", HERE, p], check=True, capture_output=True)
    print("\n".join(made))


if __name__ == "__main__":
    main()
