"""read_pdf_compare.py: compares the PDF and DOCX renderings of each corpus
document through `samla dump` (read-docx reads the structure exactly, so it
is the reference for read-pdf).

Per document: counts of headings, list items, paragraphs, tables (with their
shapes rows x columns) and header/footer blocks, and the body lines (headings,
paragraphs, list items, cell blocks; whitespace folded) that only one side has.

usage: /usr/bin/python3 tests/plugins/read_pdf_compare.py SAMLA [NAME...] [-v]
  SAMLA  the samla binary (e.g. build/samla); NAME filters documents by substring
  -v     print the body lines that differ (otherwise only counts)
"""
import difflib
import os
import re
import subprocess
import sys

import yaml

SRC = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def dump(samla, path):
    p = subprocess.run([samla, "dump", path], capture_output=True, text=True, timeout=300)
    if p.returncode != 0:
        raise SystemExit("samla dump %s failed: %s" % (path, p.stderr))
    return yaml.safe_load(p.stdout)


def blocks(m):
    return [b for pg in m["content"]["pages"] for b in pg.get("blocks", [])]


def norm(t):
    return re.sub(r"\s+", " ", t or "").strip()


def stats(bl):
    s = {"heading": 0, "list_item": 0, "paragraph": 0, "table": 0, "furniture": 0, "shapes": []}
    lines = []
    for b in bl:
        k = b["kind"]
        if k in ("header", "footer"):
            s["furniture"] += 1
            continue
        if k in s:
            s[k] += 1
        if k == "table":
            s["shapes"].append("%dx%d" % (b["rows"], b["columns"]))
            for row in b.get("cells", []):
                for c in row:
                    for cb in c.get("blocks") or ([{"kind": "cell", "text": c["text"]}] if c.get("text") else []):
                        lines.append("cell: " + norm(cb["text"]))
        elif k in ("heading", "paragraph", "list_item"):
            tag = "h%s" % b.get("level", "") if k == "heading" else ("li" if k == "list_item" else "p")
            lines.append("%s: %s" % (tag, norm(b["text"])))
    return s, lines


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "-v" in sys.argv
    if not args:
        raise SystemExit(__doc__)
    samla, names = args[0], args[1:]
    pdfdir, docxdir = os.path.join(SRC, "corpus/pdf"), os.path.join(SRC, "corpus/docx")
    fmt = "%-40s %8s %8s %8s %6s %6s %5s %s"
    print(fmt % ("document (pdf/docx)", "headings", "lists", "paras", "tables", "hd/ft", "diff", "shapes pdf | docx"))
    for f in sorted(os.listdir(pdfdir)):
        base = f[:-4]
        if names and not any(n in base for n in names):
            continue
        dx = os.path.join(docxdir, base + ".docx")
        if not os.path.exists(dx):
            continue
        sp, lp = stats(blocks(dump(samla, os.path.join(pdfdir, f))))
        sd, ld = stats(blocks(dump(samla, dx)))
        # compare texts without the kind tag for the diff count
        tp = [l.split(": ", 1)[1] for l in lp]
        td = [l.split(": ", 1)[1] for l in ld]
        sm = difflib.SequenceMatcher(None, tp, td, autojunk=False)
        ndiff = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")
        print(fmt % (base[:40], "%d/%d" % (sp["heading"], sd["heading"]), "%d/%d" % (sp["list_item"], sd["list_item"]),
                     "%d/%d" % (sp["paragraph"], sd["paragraph"]), "%d/%d" % (sp["table"], sd["table"]),
                     sp["furniture"], ndiff,
                     " ".join(sp["shapes"]) + " | " + " ".join(sd["shapes"])))
        if verbose:
            for line in difflib.unified_diff(ld, lp, "docx", "pdf", n=0, lineterm=""):
                print("    " + line)


if __name__ == "__main__":
    main()
