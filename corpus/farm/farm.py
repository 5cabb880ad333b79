#!/usr/bin/python3
"""The producer farm: renders .sdoc documents to PDF by several producers, and
writes beside each PDF the structure its producer put in (the truth).

Usage (standard library only; run with /usr/bin/python3 from anywhere):

    corpus/farm/farm.py                                   # every corpus/src/*.sdoc, every producer
    corpus/farm/farm.py -p chromium,weasyprint            # only these producers
    corpus/farm/farm.py -o /tmp/gen gen/*.sdoc            # other documents, other folder
    corpus/farm/farm.py --structure-only                  # only the structure files
    corpus/farm/farm.py --list                            # the producers

Output: OUT/<producer>/<stem>.pdf and OUT/<producer>/<stem>.yaml (plus
<stem>.docx for the Word-style producer). See corpus/farm/README.md.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sdoc  # noqa: E402
import htmldoc as farm_html  # noqa: E402
import latexdoc  # noqa: E402
import worddoc  # noqa: E402
import groffdoc  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
SRC_DIR = os.path.join(ROOT, "corpus", "src")

LO_PAIRS = [("Liberation Serif", "Liberation Sans"), ("DejaVu Serif", "DejaVu Sans"),
            ("Noto Serif", "Noto Sans"), ("Liberation Sans", "Liberation Sans"),
            ("DejaVu Sans", "DejaVu Sans")]


class FarmError(Exception):
    """A producer failed on one document (or on a batch of them)."""


# (producer, document or batch, reason) of every failure of this run: a failure costs that document,
# never the producer's other documents or the other producers; main() exits 1 and lists them.
FAILED = []


def run(cmd, **kw):
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)
    if r.returncode != 0:
        sys.stderr.write(r.stdout[-4000:])
        raise FarmError("%s failed (exit %d)" % (cmd[0], r.returncode))
    return r.stdout


def each_document(producer, sources, fn):
    """fn(src) for every source; a document that fails is recorded in FAILED and skipped."""
    for src in sources:
        try:
            fn(src)
        except FarmError as e:
            FAILED.append((producer, src.stem, str(e)))
            sys.stderr.write("farm: %s: %s: %s (skipped)\n" % (producer, src.stem, e))


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# ---------------------------------------------------------------------------
# Producers. Each: fn(sources, outdir, tmp) -> writes outdir/<stem>.pdf + .yaml
# ---------------------------------------------------------------------------

def structure_html(src, producer, notes):
    """The structure of a producer that follows the source's blocks one to one."""
    v = farm_html.variation(src, producer)
    if producer.startswith("lo"):
        v["ruled"] = True  # LibreOffice renders corpus/render.py's ODT, whose cells all have borders
    d = farm_html.HtmlDoc(src, producer, v, notes=notes)
    d.body()
    return d.st


def lo_fodt(src, producer):
    """corpus/render.py's Flat ODT with this producer's fonts, margins and heading
    sizes (headings by size, or by bold alone at the body size)."""
    r = sdoc.render
    saved = (r.SERIF, r.SANS, r.MARGIN_LR, r.MARGIN_TB)
    serif, sans = sdoc.pick(src.stem, producer, "fonts", LO_PAIRS)
    r.SERIF, r.SANS = serif, sans
    r.MARGIN_LR = sdoc.pick(src.stem, producer, "margin", [1.5, 2.0, 2.5, 3.0])
    r.MARGIN_TB = sdoc.pick(src.stem, producer, "margin-tb", [1.2, 1.5, 2.0])
    try:
        xml = r.Doc(src.path).fodt()
    finally:
        r.SERIF, r.SANS, r.MARGIN_LR, r.MARGIN_TB = saved
    size = sdoc.pick(src.stem, producer, "size", ["10pt", "11pt", "12pt"])
    bold_only = sdoc.pick(src.stem, producer, "headings", ["size", "size", "bold"]) == "bold"
    chunks = xml.split("</style:style>")
    for i, ch in enumerate(chunks):
        if 'style:default-style style:family="paragraph"' in ch or 'style:name="Text_20_body"' in ch:
            chunks[i] = re.sub(r'(<style:default-style style:family="paragraph">.*?fo:font-size=")11pt"',
                               r'\g<1>%s"' % size, ch, flags=re.S)
        if bold_only and re.search(r'style:name="Heading_20_\d"', ch):
            chunks[i] = re.sub(r'fo:font-size="[^"]+"', 'fo:font-size="%s"' % size, ch)
    return "</style:style>".join(chunks)


def soffice(files, fmt, outdir):
    """Convert files with LibreOffice in one run. soffice can end a long batch early and still exit 0
    (seed 1's 300 Word DOCX: 247 PDFs written, session 17): a file without a fresh output is converted
    once more in a run of its own profile, and files still without one raise FarmError naming them."""
    ext = fmt.split(":")[0]
    start = time.time() - 1

    def missing(fs):
        out = []
        for f in fs:
            o = os.path.join(outdir, os.path.splitext(os.path.basename(f))[0] + "." + ext)
            if not os.path.exists(o) or os.path.getmtime(o) < start:
                out.append(f)
        return out

    todo = files
    for attempt in range(2):
        profile = tempfile.mkdtemp(prefix="lo-farm-%d-" % os.getpid())
        try:
            run(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", fmt,
                 "--outdir", outdir] + todo)
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        todo = missing(todo)
        if not todo:
            return
        sys.stderr.write("farm: soffice wrote no %s for %d of %d files%s\n" % (
            ext, len(todo), len(files), ", converting them again" if attempt == 0 else ""))
    raise FarmError("soffice wrote no %s for %d files: %s" % (
        ext, len(todo), " ".join(os.path.basename(f) for f in todo[:10]) + (" ..." if len(todo) > 10 else "")))


def produce_lo(sources, outdir, tmp, producer="lo", tagged=False):
    fodts = []
    for src in sources:
        p = os.path.join(tmp, src.stem + ".fodt")
        write(p, lo_fodt(src, producer))
        fodts.append(p)
        write(os.path.join(outdir, src.stem + ".yaml"), structure_html(src, producer, "footnotes").yaml())
    fmt = "pdf:writer_pdf_Export"
    if tagged:
        fmt += ':{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
    soffice(fodts, fmt, outdir)


def produce_lo_tagged(sources, outdir, tmp):
    produce_lo(sources, outdir, tmp, "lo-tagged", tagged=True)


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-pdf-header-footer",
                  "--generate-pdf-document-outline"]


def produce_chromium(sources, outdir, tmp):
    profile = tempfile.mkdtemp(prefix="chromium-farm-")
    def one(src):
        d = farm_html.HtmlDoc(src, "chromium", farm_html.variation(src, "chromium"), notes="endnotes")
        page = os.path.join(tmp, src.stem + ".chromium.html")
        write(page, d.html())
        out = os.path.join(outdir, src.stem + ".pdf")
        run(["chromium"] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "--print-to-pdf=" + out,
                                             "file://" + page])
        write(os.path.join(outdir, src.stem + ".yaml"), d.st.yaml())

    try:
        each_document("chromium", sources, one)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def produce_weasyprint(sources, outdir, tmp):
    def one(src):
        d = farm_html.HtmlDoc(src, "weasyprint", farm_html.variation(src, "weasyprint"), notes="footnotes")
        page = os.path.join(tmp, src.stem + ".weasyprint.html")
        write(page, d.html())
        run(["weasyprint", "-q", page, os.path.join(outdir, src.stem + ".pdf")])
        write(os.path.join(outdir, src.stem + ".yaml"), d.st.yaml())

    each_document("weasyprint", sources, one)


def produce_pdftex(sources, outdir, tmp):
    def one(src):
        d = latexdoc.LatexDoc(src, "pdftex", latexdoc.variation(src, "pdftex"))
        md = os.path.join(tmp, src.stem + ".md")
        write(md, d.markdown())
        inc = os.path.join(tmp, src.stem + ".header.tex")
        write(inc, d.header_includes())
        run(["pandoc", "-f", "markdown-smart-tex_math_dollars-tex_math_single_backslash", "-t", "latex",
             "--pdf-engine=pdflatex", "-H", inc, "-o", os.path.join(outdir, src.stem + ".pdf"), md]
            + d.pandoc_args(), cwd=tmp)
        write(os.path.join(outdir, src.stem + ".yaml"), d.st.yaml())

    each_document("pdftex", sources, one)


def word_structure(src, producer="word"):
    d = worddoc.WordDoc(src, producer, worddoc.variation(src, producer))
    return d


def produce_word(sources, outdir, tmp):
    docs = []
    for src in sources:
        d = word_structure(src)
        p = os.path.join(outdir, src.stem + ".docx")
        d.write(p)
        docs.append(p)
        write(os.path.join(outdir, src.stem + ".yaml"), d.st.yaml())
    soffice(docs, "pdf:writer_pdf_Export", outdir)


def produce_groff(sources, outdir, tmp):
    def one(src):
        d = groffdoc.GroffDoc(src, "groff", groffdoc.variation(src, "groff"))
        ms = os.path.join(tmp, src.stem + ".ms")
        write(ms, d.source())
        # gropdf's paper: A4, turned for a landscape source (-P-l), as the ms page length and line length are
        paper = ["-dpaper=a4l", "-P-pa4", "-P-l"] if src.settings["landscape"] else ["-dpaper=a4", "-P-pa4"]
        r = subprocess.run(["groff", "-k", "-t", "-ms", "-Tpdf"] + paper + [ms],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0 or not r.stdout.startswith(b"%PDF"):
            sys.stderr.write(r.stderr.decode("utf-8", "replace")[-4000:])
            raise FarmError("groff failed (exit %d)" % r.returncode)
        with open(os.path.join(outdir, src.stem + ".pdf"), "wb") as f:
            f.write(r.stdout)
        write(os.path.join(outdir, src.stem + ".yaml"), d.st.yaml())

    each_document("groff", sources, one)


PRODUCERS = {
    "lo": (produce_lo, "LibreOffice 7.4 Writer, untagged (writer_pdf_Export)"),
    "lo-tagged": (produce_lo_tagged, "LibreOffice 7.4 Writer, tagged (UseTaggedPDF)"),
    "chromium": (produce_chromium, "Chromium headless --print-to-pdf (Skia, tagged) from generated HTML"),
    "weasyprint": (produce_weasyprint, "WeasyPrint from generated HTML (paged CSS, footnotes)"),
    "word": (produce_word, "DOCX written as Word writes it (Symbol/Wingdings bullets, tab stops, layout tables, "
                           "text boxes, numbered headings, PAGE/NUMPAGES), exported by LibreOffice"),
    "groff": (produce_groff, "groff 1.22 ms + tbl -> gropdf (base Type 1 fonts, not embedded); the producer added last"),
    "pdftex": (produce_pdftex, "pandoc 2.17 Markdown -> LaTeX -> pdfTeX (fancyhdr running headers/footers)"),
}


# Producers left out of a default run (a producer held back to measure first
# contact after reader work, docs/readers.md). groff was, until 2026-12-05.
HELD_BACK = []


def main(argv):
    ap = argparse.ArgumentParser(description="Render .sdoc documents by several PDF producers (the producer farm).")
    ap.add_argument("files", nargs="*", help=".sdoc files (default: corpus/src/*.sdoc)")
    ap.add_argument("-o", "--out", default=HERE, help="output folder (default: corpus/farm)")
    ap.add_argument("-p", "--producers", default=",".join(p for p in PRODUCERS if p not in HELD_BACK),
                    help="comma-separated producers (default: all%s)" % (
                        " but " + ", ".join(HELD_BACK) if HELD_BACK else ""))
    ap.add_argument("--structure-only", action="store_true", help="write only the structure files")
    ap.add_argument("--list", action="store_true", help="list the producers and exit")
    a = ap.parse_args(argv)
    if a.list:
        for name, (_, what) in PRODUCERS.items():
            print("%-12s %s" % (name, what))
        return 0
    files = a.files or sorted(os.path.join(SRC_DIR, f) for f in os.listdir(SRC_DIR) if f.endswith(".sdoc"))
    producers = [p for p in a.producers.split(",") if p]
    for p in producers:
        if p not in PRODUCERS:
            raise SystemExit("farm: unknown producer %r (see --list)" % p)
    sources = []
    for f in files:
        try:
            sources.append(sdoc.Source(f))
        except sdoc.SdocError as e:
            raise SystemExit("farm: %s" % e)
    for p in producers:
        outdir = os.path.join(a.out, p)
        os.makedirs(outdir, exist_ok=True)
        tmp = tempfile.mkdtemp(prefix="farm-%s-" % p)
        try:
            if a.structure_only:
                for src in sources:
                    if p == "groff":
                        d = groffdoc.GroffDoc(src, p, groffdoc.variation(src, p))
                        d.source()
                        st = d.st
                    elif p == "word":
                        d = word_structure(src)
                        d.body()
                        st = d.st
                    elif p == "pdftex":
                        d = latexdoc.LatexDoc(src, p, latexdoc.variation(src, p))
                        d.markdown()
                        st = d.st
                    else:
                        st = structure_html(src, p, "endnotes" if p == "chromium" else "footnotes")
                    write(os.path.join(outdir, src.stem + ".yaml"), st.yaml())
            else:
                PRODUCERS[p][0](sources, outdir, tmp)
        except FarmError as e:  # a batch producer (LibreOffice) failed on its batch
            FAILED.append((p, "(batch of %d)" % len(sources), str(e)))
            sys.stderr.write("farm: %s: %s\n" % (p, e))
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        lost = sum(1 for f in FAILED if f[0] == p)
        print("farm: %s: %d documents -> %s%s" % (p, len(sources), os.path.relpath(outdir),
                                                   " (%d failed)" % lost if lost else ""))
    for producer, doc, why in FAILED:
        sys.stderr.write("farm: failed: %s %s: %s\n" % (producer, doc, why))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
