#!/usr/bin/python3
"""Render a generated set: DIR/src/*.sdoc -> DIR/build/*.fodt -> DIR/pdf/*.pdf + DIR/docx/*.docx.

    /usr/bin/python3 corpus/generate/render_set.py DIR [--batch N]

Uses corpus/render.py's own source parser and Flat ODT writer (so a generated document is
rendered exactly as a corpus document is) and LibreOffice headless with a private profile, in
batches of N files per soffice run (default 40). Files already rendered and newer than their
source are skipped, so an interrupted run resumes.
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import render  # noqa: E402  corpus/render.py


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    batch = 40
    if "--batch" in argv:
        batch = int(argv[argv.index("--batch") + 1])
        args = [a for a in args if a != str(batch)]
    if len(args) != 1:
        sys.stderr.write("usage: render_set.py DIR [--batch N]\n")
        return 2
    top = args[0]
    src, build = os.path.join(top, "src"), os.path.join(top, "build")
    os.makedirs(build, exist_ok=True)
    todo = {"pdf": [], "docx": []}
    for f in sorted(os.listdir(src)):
        if not f.endswith(".sdoc"):
            continue
        stem = f[:-5]
        path = os.path.join(src, f)
        fodt = os.path.join(build, stem + ".fodt")
        try:
            xml = render.Doc(path).fodt()
        except (render.SdocError, ValueError) as e:
            sys.stderr.write("render_set: %s: %s\n" % (path, e))
            return 1
        with open(fodt, "w", encoding="utf-8") as fh:
            fh.write(xml)
        for ext in ("pdf", "docx"):
            out = os.path.join(top, ext, stem + "." + ext)
            if not os.path.exists(out) or os.path.getmtime(out) < os.path.getmtime(path):
                todo[ext].append(fodt)
    for ext, fmt in (("pdf", "pdf"), ("docx", "docx:MS Word 2007 XML")):
        files = todo[ext]
        for i in range(0, len(files), batch):
            render.soffice(files[i:i + batch], fmt, os.path.join(top, ext))
        print("render_set: %d %s rendered in %s" % (len(files), ext, os.path.join(top, ext)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
