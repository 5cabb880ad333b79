"""read_pdf_textlayer_test.py: read-pdf's garbled-text-layer judgement (page `text_layer: garbled`, a warning per
page) scored against corpus/real/garbled-pages.yaml, the page list written by comparing each rendered page of the
four real Nykarleby documents with its text layer before samla read them.

Asserted: no sound page (sound or ligatures-only) is flagged; on the front page of personalsektionen, whose Calibri
ligature glyphs are mapped to their first letter, the letters are restored from the glyphs' widths
(PDF-TEXT-LIGATURE-GLYPH: the page shows Martin, Kristina, underskrifter); at least GARBLED_FOUND_MIN of the garbled pages are
(today's count: pages garbled only in a few letters, digits or spaces are beyond a word-list check); every flagged
page has its score and exactly one warning; a page without text is never flagged; the one page whose text poppler cuts
short at a U+0000 (ungdomsfullmäktige page 6, PDF-TEXT-NUL) is warned about. The found/missed pages are printed.
Run by ctest with SAMLA and SAMLA_SOURCE set; /usr/bin/python3 only.
"""
import os
import sys
import subprocess

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from samlatest import SAMLA, SRC, check, finish  # noqa: E402

REAL = os.path.join(SRC, "corpus/real")
GARBLED_FOUND_MIN = 58


with open(os.path.join(REAL, "garbled-pages.yaml"), encoding="utf-8") as f:
    docs = yaml.safe_load(f)["documents"]
found = total = 0
# the four documents read side by side (the test stays short under the sanitizers)
procs = {name: subprocess.Popen([SAMLA, "dump", "-q", "-O", "read-pdf.ocr=never", os.path.join(REAL, name)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True) for name in sorted(docs)}
for name, info in sorted(docs.items()):
    out, err = procs[name].communicate(timeout=120)
    rc = procs[name].returncode
    check(rc == 0, "%s: samla dump exit %d: %s" % (name, rc, err.strip()))
    if rc != 0:
        continue
    m = yaml.safe_load(out)
    pages = m["content"]["pages"]
    check(len(pages) == info["pages"], "%s: %d pages, the list says %d" % (name, len(pages), info["pages"]))
    flagged = {pg["number"]: pg.get("text_layer_score") for pg in pages if pg.get("text_layer") == "garbled"}
    garbled, sound = set(info.get("garbled") or []), set(info.get("sound") or [])
    false = sorted(set(flagged) & sound)
    check(not false, "%s: sound pages flagged garbled: %r" % (name, false))
    image_only = sorted(set(flagged) & set(info.get("image_only") or []))
    check(not image_only, "%s: pages without a text layer flagged garbled: %r" % (name, image_only))
    check(all(isinstance(s, float) and 0 < s <= 1 for s in flagged.values()), "%s: scores %r" % (name, flagged))
    warned = sorted(w.get("page") for w in m["samla"]["warnings"] if "garbled text layer" in w["message"])
    check(warned == sorted(flagged), "%s: one warning per flagged page: %r vs %r" % (name, warned, sorted(flagged)))
    if name.startswith("nykarleby-personalsektionen"):
        def texts(node):
            if isinstance(node, dict):
                for k, v in node.items():
                    if k == "text" and isinstance(v, str):
                        yield v
                    else:
                        yield from texts(v)
            elif isinstance(node, list):
                for v in node:
                    yield from texts(v)
        front = " ".join(texts(pages[0]))
        for want, lost in (("Norrgård Martin", "Martn"), ("Wikblad Kristina", "Kristna"),
                           ("Elektroniska underskrifter", "underskrifer")):
            check(want in front and lost not in front, "%s page 1: %r not restored (%r)" % (name, want, lost))
    if name.startswith("nykarleby-ungdomsfullmaktige"):
        # PDF-TEXT-NUL: page 6's map gives '§' as U+00A7 U+0000; poppler's text stops there, and a warning says so
        cut = [w.get("page") for w in m["samla"]["warnings"] if "cut short" in w["message"]]
        check(cut == [6], "%s: text layer cut short warned on pages %r, expected [6]" % (name, cut))
    hit = sorted(set(flagged) & garbled)
    found += len(hit)
    total += len(garbled)
    print("%s: garbled pages found %d/%d %r, missed %r" % (name, len(hit), len(garbled), hit,
                                                          sorted(garbled - set(flagged))))
print("garbled pages found: %d of %d (floor %d); sound pages flagged: see above" % (found, total, GARBLED_FOUND_MIN))
check(found >= GARBLED_FOUND_MIN, "garbled pages found %d < %d" % (found, GARBLED_FOUND_MIN))
finish()
