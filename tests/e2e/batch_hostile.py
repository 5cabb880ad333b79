"""batch_hostile.py OUTDIR: writes the hostile inputs of the batch test.

zipbomb.docx (a document.xml of 300 MB of spaces, about 300 kB compressed), xxe.docx (an external
entity naming /etc/passwd), laughs.docx (billion laughs), random.bin (seeded random bytes with NULs),
zero.pdf (0 bytes) and pages.pdf (a valid 600-page PDF, for --max-pages). Python's zipfile and
plain PDF objects; nothing here parses anything.
"""
import os
import random
import sys
import zipfile

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml"'
      ' ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(name, document_xml_chunks):
    with zipfile.ZipFile(os.path.join(out, name), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        with z.open('word/document.xml', 'w', force_zip64=True) as f:
            for chunk in document_xml_chunks:
                f.write(chunk)


def bomb():
    yield ('<?xml version="1.0"?><w:document %s><w:body><w:p><w:r><w:t>' % W).encode()
    block = b' ' * (1 << 20)
    for _ in range(300):
        yield block
    yield b'</w:t></w:r></w:p></w:body></w:document>'


docx('zipbomb.docx', bomb())
docx('xxe.docx', [('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                   '<w:document %s><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % W).encode()])
lol = ['<!ENTITY l0 "lol">'] + ['<!ENTITY l%d "%s">' % (i, ('&l%d;' % (i - 1)) * 10) for i in range(1, 10)]
docx('laughs.docx', [('<?xml version="1.0"?><!DOCTYPE d [%s]><w:document %s><w:body><w:p><w:r><w:t>&l9;</w:t>'
                      '</w:r></w:p></w:body></w:document>' % (''.join(lol), W)).encode()])

rng = random.Random(14)
with open(os.path.join(out, 'random.bin'), 'wb') as f:
    f.write(bytes([0, 1, 2]) + bytes(rng.randrange(256) for _ in range(4096)))
open(os.path.join(out, 'zero.pdf'), 'wb').close()

# a valid PDF of many pages, each with one line of text
N = 600
objs = {1: b'<< /Type /Catalog /Pages 2 0 R >>',
        3: b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'}
kids = []
for i in range(N):
    page, content = 4 + 2 * i, 5 + 2 * i
    kids.append(b'%d 0 R' % page)
    text = b'BT /F1 12 Tf 72 720 Td (Sida %d) Tj ET' % (i + 1)
    objs[page] = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> '
                  b'/Contents %d 0 R >>' % content)
    objs[content] = b'<< /Length %d >>\nstream\n%s\nendstream' % (len(text), text)
objs[2] = b'<< /Type /Pages /Kids [' + b' '.join(kids) + b'] /Count %d >>' % N
pdf = bytearray(b'%PDF-1.4\n')
offsets = {}
for num in sorted(objs):
    offsets[num] = len(pdf)
    pdf += b'%d 0 obj\n' % num + objs[num] + b'\nendobj\n'
xref = len(pdf)
count = max(objs) + 1
pdf += b'xref\n0 %d\n0000000000 65535 f \n' % count
for num in range(1, count):
    pdf += b'%010d 00000 n \n' % offsets[num]
pdf += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (count, xref)
with open(os.path.join(out, 'pages.pdf'), 'wb') as f:
    f.write(pdf)
