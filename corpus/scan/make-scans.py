#!/usr/bin/env python3
"""make-scans.py: scanned versions of born-digital corpus PDFs, made reproducibly.

Usage: make-scans.py [--out DIR] NAME...   (NAME: a corpus/pdf file stem; default: the list in SCANS below)

Each page is rendered grey with pdftoppm (poppler-utils) at the document's scan resolution, then made to look like
a office-copier scan with Pillow (python3-pil), every random draw from a generator seeded by the file name and page:
  - turned by a skew of up to ±1.5° (white fill: the scanner lid), shifted by a few pixels;
  - paper grey and toner contrast: white becomes ~235, black ~25;
  - a slight blur (toner spread), then grain (uniform noise of ±14 levels) and specks (dark and light dots);
  - JPEG at quality ≤ 70, one image a page in a PDF at the scan resolution (Pillow's PDF writer: DCTDecode
    images, no text layer), the pages joined with pdfunite.
One page per document (the seeded draw picks which) is harsh: 150 dpi, skew ±1.3–1.5°, stronger grain and specks,
lower contrast and JPEG quality 45. The others use 200 dpi (or 150 for the documents marked so), quality 60–70.
The renders in this folder share the born-digital gold (corpus/gold/<stem>.yaml): same stem, same content.
Only pdftoppm, pdfinfo and pdfunite are run, with fixed arguments and the corpus path; nothing document-derived reaches a shell.
"""
import argparse
import io
import math
import os
import random
import subprocess
import sys
import tempfile
import zlib

from PIL import Image, ImageFilter

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)

# stem -> base resolution of the scan (the harsh page is always 150 dpi)
SCANS = {
    "protokoll-socialnamnden-ekeby-2025-01-21": 200,
    "protokoll-ks-bjorkvik-2025-03-11": 200,
    "aktivitetsplan-granliden-2025": 200,
}


def seeded(stem, page):
    return random.Random(zlib.crc32(("%s/%d" % (stem, page)).encode("utf-8")))


def degrade(img, rng, harsh):
    """One grey page image -> a scanned-looking grey page image."""
    w, h = img.size
    skew = rng.uniform(1.3, 1.5) * rng.choice((-1, 1)) if harsh else rng.uniform(-1.2, 1.2)
    dx, dy = rng.randint(-6, 6), rng.randint(-6, 6)
    img = img.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255, translate=(dx, dy))
    # paper and toner: map 0..255 to black..paper
    paper = rng.randint(222, 230) if harsh else rng.randint(232, 240)
    black = rng.randint(40, 55) if harsh else rng.randint(20, 32)
    img = img.point(lambda v: black + (paper - black) * v // 255)
    img = img.filter(ImageFilter.GaussianBlur(0.8 if harsh else 0.5))
    # grain: uniform noise centred on 0
    amp = 22 if harsh else 14
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h))
    lut = [v * (2 * amp + 1) // 256 for v in range(256)]
    noise = noise.point(lut)  # 0..2*amp
    px = bytes(max(0, min(255, a + n - amp)) for a, n in zip(img.tobytes(), noise.tobytes()))
    img = Image.frombytes("L", (w, h), px)
    # specks: dark dots on the paper, light dropouts in the toner
    specks = (w * h) // (6000 if harsh else 20000)
    pix = img.load()
    for _ in range(specks):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((0, 0, 1))
        v = rng.randint(30, 90) if rng.random() < 0.7 else 255
        for yy in range(max(0, y - r), min(h, y + r + 1)):
            for xx in range(max(0, x - r), min(w, x + r + 1)):
                pix[xx, yy] = v
    return img, skew


def render(pdf, page, dpi, tmp):
    base = os.path.join(tmp, "p%d" % page)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page), "-singlefile", pdf, base],
                   check=True)
    return Image.open(base + ".pgm").convert("L")


def pages_of(pdf):
    out = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise SystemExit("%s: no page count" % pdf)


def make(stem, base_dpi, out_dir):
    pdf = os.path.join(CORPUS, "pdf", stem + ".pdf")
    n = pages_of(pdf)
    harsh_page = seeded(stem, 0).randint(1, n)
    images, notes = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for p in range(1, n + 1):
            rng = seeded(stem, p)
            harsh = p == harsh_page
            dpi = 150 if harsh else base_dpi
            img, skew = degrade(render(pdf, p, dpi, tmp), rng, harsh)
            q = 45 if harsh else rng.randint(60, 70)
            # JPEG round trip at the page's quality (the PDF holds these bytes)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=q)
            buf.seek(0)
            images.append((Image.open(buf), dpi, q))
            notes.append("p%d %d dpi skew %+.2f° q%d%s" % (p, dpi, skew, q, " harsh" if harsh else ""))
        # one PDF a page (Pillow gives a file one resolution), joined by pdfunite
        parts = []
        for i, (im, dpi, q) in enumerate(images):
            parts.append(os.path.join(tmp, "page%03d.pdf" % i))
            im.save(parts[-1], "PDF", resolution=dpi, quality=q)
        os.makedirs(out_dir, exist_ok=True)
        subprocess.run(["pdfunite"] + parts + [os.path.join(out_dir, stem + ".pdf")], check=True)
    return notes


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=HERE)
    ap.add_argument("names", nargs="*")
    a = ap.parse_args(argv)
    for stem in a.names or SCANS:
        if stem not in SCANS:
            raise SystemExit("%s: not in SCANS (add it with its scan resolution)" % stem)
        notes = make(stem, SCANS[stem], a.out)
        print("%s: %s" % (stem, "; ".join(notes)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
