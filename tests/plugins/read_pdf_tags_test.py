"""read-pdf on tagged PDFs (plugins/read-pdf/tags.c): a slice of the producer farm's tagged renders
(LibreOffice UseTaggedPDF, Chromium/Skia), read with tags: auto and tags: never.

Holds: the share of pages read from their tags (>= 90%), the tag-based model's agreement with the
structure the farm put in (samla compare, pooled per kind, at floors), the agreement of the tag-based
with the geometry-based model (reported; paragraphs and list items held at floors), merged cells
from the tags (Solvik's front page), a title tagged P read as the level-1 heading and kept apart from a running
header repeating it (PDF-TAG-TITLE; Björkvik, and Ekeby's one-page header), typed "1. " paragraphs read as list
items (PDF-TAG-TYPED-LABEL; the Lövnäs hembygdsförening protocol), Chromium's two-column pages with text
poppler cut at a ligature read whole and in order (PDF-TAG-CUT-KEY, PDF-TAG-COLUMN-TOP, PDF-TAG-COLUMN-ORDER,
PDF-TAG-START-IN-PLACE; Fjällmark), its contents boxes one line (PDF-TAG-LINE-PARTS), a table broken into the next
column in its columns (PDF-TAG-TABLE-LOCAL-COLUMNS; Kustlanda), LibreOffice's notes as footnotes (PDF-TAG-NOTE;
Närvård), a key keeping case and non-ASCII letters (PDF-TAG-KEY-LETTERS: *Vårdcentralen* not read off
*vårdcentralen*, *för* not off *får*; a Chromium render of tests/data/reader/chromium-tag-key.html), and a bad
option value refused before any document is read.
Usage: read_pdf_tags_test.py SAMLA"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FARM = os.path.join(ROOT, "corpus", "farm")
PRODUCERS = ("lo-tagged", "chromium")
DOCS = ("protokoll-kf-solvik-2024-03-18", "protokoll-samrad-2024-05-03", "strategi-narvard-2021-2023")
# pooled F1 of the tag-based model against the farm's structure files (first measured values minus a margin)
TRUTH_FLOORS = {"headings": 0.97, "list_items": 0.97, "table_cells": 0.97, "paragraphs": 0.95}
# tag-based against geometry-based model (geometry is the weaker side: headings by size only)
GEOMETRY_FLOORS = {"list_items": 0.95, "paragraphs": 0.85}
# title and typed-label conventions: document -> (title, running header text or None, typed list items)
TITLES = {
    "protokoll-ks-bjorkvik-2025-03-11": ("Sammanträdesprotokoll", "Björkviks kommun", []),
    "protokoll-socialnamnden-ekeby-2025-01-21": ("Protokoll Socialnämnden", "Ekeby kommun", []),
    "protokoll-styrelsemote-hembygdsforening-2025-04-02": (
        "Protokoll fört vid styrelsemöte i Lövnäs hembygdsförening", None,
        [("1.", "Mötets öppnande"), ("2.", "Val av justerare"), ("3.", "Godkännande av dagordningen"),
         ("4.", "Ekonomisk rapport"), ("5.", "Valborgsfirandet"), ("6.", "Mötets avslutande")]),
}
failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL: " + msg)


def dump(samla, pdf, mode, out):
    r = subprocess.run([samla, "dump", "-O", "read-pdf.tags=" + mode, "-o", out, pdf],
                       capture_output=True, text=True, timeout=120)
    check(r.returncode == 0, "%s (%s): exit %d %s" % (pdf, mode, r.returncode, r.stderr.strip()))
    path = os.path.join(out, os.path.basename(pdf) + ".yaml")
    with open(path, encoding="utf-8") as f:
        return path, yaml.safe_load(f)


def compare(samla, ref_dir, files):
    r = subprocess.run([samla, "compare", "-f", "json", "-R", ref_dir] + files, capture_output=True, text=True,
                       timeout=300)
    check(r.returncode == 0, "compare %s: exit %d %s" % (ref_dir, r.returncode, r.stderr.strip()))
    return json.loads(r.stdout)["kinds"] if r.returncode == 0 else {}


def main():
    samla = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="samla-tags-")
    pages = tagged = 0
    for prod in PRODUCERS:
        auto_dir, never_dir = os.path.join(tmp, prod, "auto"), os.path.join(tmp, prod, "never")
        os.makedirs(auto_dir)
        os.makedirs(never_dir)
        auto_files, models = [], {}
        for stem in DOCS:
            pdf = os.path.join(FARM, prod, stem + ".pdf")
            path, model = dump(samla, pdf, "auto", auto_dir)
            auto_files.append(path)
            models[stem] = model
            for p in model["content"]["pages"]:
                pages += 1
                tagged += p.get("read_from") == "tags"
            never_path, never = dump(samla, pdf, "never", never_dir)
            os.rename(never_path, os.path.join(never_dir, stem + ".yaml"))
            check(all(p.get("read_from") == "geometry" for p in never["content"]["pages"]),
                  "%s/%s: tags: never still read pages from tags" % (prod, stem))
        truth = compare(samla, os.path.join(FARM, prod), auto_files)
        geometry = compare(samla, never_dir, auto_files)
        for kind, floor in TRUTH_FLOORS.items():
            f1 = truth.get(kind, {}).get("f1")
            print("%s tags vs structure %-12s F1 %s" % (prod, kind, f1))
            check(f1 is not None and f1 >= floor, "%s: tags vs structure %s F1 %s < %.2f" % (prod, kind, f1, floor))
        for kind in ("headings", "list_items", "table_cells", "paragraphs"):
            f1 = geometry.get(kind, {}).get("f1")
            print("%s tags vs geometry  %-12s F1 %s" % (prod, kind, f1))
            floor = GEOMETRY_FLOORS.get(kind)
            if floor is not None:
                check(f1 is not None and f1 >= floor, "%s: tags vs geometry %s F1 %s < %.2f" % (prod, kind, f1, floor))
        if prod == "lo-tagged":
            solvik = models["protokoll-kf-solvik-2024-03-18"]["content"]["pages"][0]
            tables = [b for b in solvik["blocks"] if b["kind"] == "table"]
            check(tables and tables[0]["columns"] == 3, "solvik front table: %s columns, want 3 (DOCX grid)"
                  % (tables[0]["columns"] if tables else None))
            if tables:
                cell = tables[0]["cells"][0][1]
                check(cell.get("colspan") == 2 and cell["text"].startswith("Kommunhuset, Solvikssalen"),
                      "solvik front table: (0,1) %r, want the place spanning 2 columns" % cell)
        if prod == "lo-tagged":
            pages_n = models["strategi-narvard-2021-2023"]["content"]["pages"]
            notes = [b for p in pages_n for b in p["blocks"] if b["kind"] == "footnote"]
            paras = [b["text"] for p in pages_n for b in p["blocks"] if b["kind"] == "paragraph"]
            check(len(notes) >= 10 and notes[0].get("numbering") == "1" and notes[0]["text"].startswith("SOU 2018:39")
                  and not any(t.startswith("SOU 2018:39") for t in paras),
                  "narvard: %d footnotes (first %r), want the Note elements as footnotes"
                  % (len(notes), notes[0] if notes else None))
    cols = os.path.join(tmp, "columns")
    os.makedirs(cols)
    _, fj = dump(samla, os.path.join(FARM, "chromium", "strategi-fjallmark-2025-2028.pdf"), "auto", cols)
    blocks = [b for p in fj["content"]["pages"] for b in p["blocks"]]
    texts = [(b["kind"], b.get("text") or "") for b in blocks]
    region = [t for k, t in texts if k == "paragraph" and t.startswith("Region Fjällmark och de sju")]
    check(region and region[0].endswith("svårigheter att rekrytera personal till flera yrken. Samtidigt ökar antalet "
                                        "invånare som behöver insatser från både regionen och kommunen under lång tid."),
          "fjällmark: the paragraph cut at 'fl' %r, want it whole" % region)
    strat = [t for k, t in texts if k == "paragraph" and t.startswith("Strategin är huvudmännens")]
    check(strat and strat[0].endswith("tillsammans med regionens hälsocentraler."),
          "fjällmark: the paragraph over the column break %r, want it in order" % strat)
    check(("heading", "Mål 1.1 Invånarna har goda levnadsvanor genom hela livet") in texts,
          "fjällmark: heading Mål 1.1 mixed with the other column")
    check(("paragraph", "1 Bakgrund och syfte 2") in texts and ("paragraph", "2") not in texts,
          "fjällmark: contents line boxes not one paragraph")
    _, ku = dump(samla, os.path.join(FARM, "chromium", "folkhalsostrategi-kustlanda-2024-2030.pdf"), "auto", cols)
    goals = [b for p in ku["content"]["pages"] for b in p["blocks"] if b["kind"] == "table"]
    row = [r for t in goals for r in t["cells"] if any((c.get("text") or "").startswith("Föräldrar erbjuds") for c in r)]
    check(row and (row[0][1].get("text") or "").startswith("Föräldrar erbjuds"),
          "kustlanda: the goal under a row span not in the second column: %r" % (row[0] if row else None))
    for prod in PRODUCERS:
        out = os.path.join(tmp, prod, "titles")
        os.makedirs(out)
        for stem, (title, header, items) in TITLES.items():
            _, model = dump(samla, os.path.join(FARM, prod, stem + ".pdf"), "auto", out)
            blocks = model["content"]["pages"][0]["blocks"]
            body = [b for b in blocks if b["kind"] not in ("header", "footer")]
            got = (body[0]["kind"], body[0].get("level"), body[0].get("text")) if body else None
            check(got == ("heading", 1, title), "%s/%s: first body block %r, want the title %r as heading 1"
                  % (prod, stem, got, title))
            if header:
                heads = [b["text"] for b in blocks if b["kind"] == "header"]
                check(any(h.startswith(header) for h in heads) and
                      not any(header in (b.get("text") or "") for b in body),
                      "%s/%s: running header %r not kept apart from the body (headers %r)" % (prod, stem, header, heads))
            lists = [(b.get("numbering"), b["text"]) for p in model["content"]["pages"] for b in p["blocks"]
                     if b["kind"] == "list_item"]
            check(lists == items, "%s/%s: list items %r, want %r" % (prod, stem, lists, items))
    # PDF-TAG-KEY-LETTERS: a key keeps case and non-ASCII letters (tests/data/reader/chromium-tag-key.html: each
    # pair's second paragraph set above the first by CSS, so the first paragraph's key meets the other's word first)
    _, model = dump(samla, os.path.join(ROOT, "tests", "data", "reader", "chromium-tag-key.pdf"), "auto", out)
    paras = [b["text"] for p in model["content"]["pages"] for b in p["blocks"] if b["kind"] == "paragraph"]
    check(paras == ["Vårdcentralen", "vårdcentralen", "för", "får"],
          "chromium-tag-key: paragraphs %r, want each on its own words" % (paras,))
    share = tagged / pages if pages else 0
    print("pages read from tags: %d of %d (%.3f)" % (tagged, pages, share))
    check(share >= 0.9, "only %d of %d pages read from tags" % (tagged, pages))
    r = subprocess.run([samla, "dump", "-O", "read-pdf.tags=sometimes",
                        os.path.join(FARM, "lo-tagged", DOCS[0] + ".pdf")], capture_output=True, text=True)
    check(r.returncode == 2 and "tags must be auto or never" in r.stderr, "bad tags option: exit %d %r"
          % (r.returncode, r.stderr))
    shutil.rmtree(tmp, ignore_errors=True)
    print("%d check(s) failed" % len(failures) if failures else "ok")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
