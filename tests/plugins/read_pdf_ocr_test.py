"""read_pdf_ocr_test.py: read-pdf's OCR (Tesseract) — which pages it reads, what it records, how well.

  auto   every born-digital corpus PDF (corpus/pdf) gives a byte-identical model and the same warnings under
         ocr: auto and ocr: never: a sound page is never OCR'd (one samla process per mode, ~3 s).
  scans  the scanned protocols of corpus/scan (made by corpus/scan/make-scans.py: 150-200 dpi, skew up to 1.5°,
         grain, JPEG q <= 70, one harsh page each) run through the protocol pipeline and scored by `samla eval`
         against the born-digital gold at floors (SCAN_FLOORS: today's scores, below the issue's targets of
         attendees 0.9 / decisions 0.85 — see docs/eval.md); every page is read_from: ocr with its reason, blocks
         carry source.ocr_confidence, a warning names each OCR'd page; a 30 dpi scan (tests/data/scanned.pdf) is
         OCR'd but not used (confidence too low) and ends in the one-line "no text layer" error.
  plan   the scanned plan through the plan pipeline, activities at PLAN_FLOORS.
Run by ctest with SAMLA and SAMLA_SOURCE set; /usr/bin/python3 only.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from samlatest import SAMLA, SRC, check, finish, run  # noqa: E402

SCAN = os.path.join(SRC, "corpus/scan")
GOLD = os.path.join(SRC, "corpus/gold")
PROTOCOLS = ["protokoll-socialnamnden-ekeby-2025-01-21", "protokoll-ks-bjorkvik-2025-03-11"]
PLAN = "aktivitetsplan-granliden-2025"
# soft F1 floors: today's scores (docs/eval.md, "Scanned documents", row "now")
SCAN_FLOORS = ["attendees=0.95", "decisions=0.95", "agenda=0.95", "votes=0.95", "meeting=1"]
PLAN_FLOORS = ["activities=0.9", "goals=0.8"]


def dump(path, *opts):
    return run("dump", *opts, path, timeout=300)


def test_auto():
    pdfs = sorted(glob.glob(os.path.join(SRC, "corpus/pdf/*.pdf")))
    check(len(pdfs) >= 20, "corpus PDFs found: %d" % len(pdfs))
    with tempfile.TemporaryDirectory() as tmp:
        out, err = {}, {}
        for mode in ("auto", "never"):
            out[mode] = os.path.join(tmp, mode)
            p = subprocess.run([SAMLA, "dump", "-O", "read-pdf.ocr=" + mode, "-o", out[mode], *pdfs],
                               capture_output=True, text=True, timeout=300)
            check(p.returncode == 0, "dump under ocr: %s: %s" % (mode, p.stderr.strip()[-300:]))
            err[mode] = p.stderr
        check(err["auto"] == err["never"] and "by OCR" not in err["auto"], "the warnings differ under auto")
        for pdf in pdfs:
            name = os.path.basename(pdf) + ".yaml"
            with open(os.path.join(out["auto"], name), "rb") as f:
                a = f.read()
            with open(os.path.join(out["never"], name), "rb") as f:
                n = f.read()
            check(a == n, "%s: ocr auto and never differ" % os.path.basename(pdf))
            check(b"read_from: ocr" not in a, "%s: OCR under auto" % os.path.basename(pdf))


def score(pipeline, names, floors):
    with tempfile.TemporaryDirectory() as out:
        files = [os.path.join(SCAN, n + ".pdf") for n in names]
        p = subprocess.run([SAMLA, "run", "-q", pipeline, "-o", out, *files], capture_output=True, text=True,
                           timeout=600)
        check(p.returncode == 0, "%s run: %s" % (pipeline, p.stderr.strip()))
        gold = os.path.join(out, "gold")
        os.makedirs(gold)
        for n in names:
            os.symlink(os.path.join(GOLD, n + ".yaml"), os.path.join(gold, n + ".yaml"))
        args = [SAMLA, "eval", "-M", "soft", gold, out]
        for f in floors:
            args += ["-m", f]
        e = subprocess.run(args, capture_output=True, text=True, timeout=60)
        print(e.stdout)
        check(e.returncode == 0, "%s: below the floors %s: %s" % (pipeline, floors, e.stderr.strip()))
        models = {}
        for n in names:
            with open(os.path.join(out, n + ".pdf.yaml"), encoding="utf-8") as f:
                models[n] = yaml.safe_load(f)
        return models


def check_items(name, m):
    items = [i for s in ("decisions", "attendees") for i in m.get(s) or []]
    check(items and all("ocr_confidence" in i["source"] for i in items), "%s: items carry source.ocr_confidence" % name)


def check_recorded(name, m):
    pages = m["content"]["pages"]
    check(all(p.get("read_from") == "ocr" and p["ocr"]["reason"] == "no_text_layer" and p["ocr"]["used"]
              for p in pages), "%s: every page read by OCR with its reason" % name)
    check(all(0.5 <= p["ocr"]["confidence"] <= 1 and abs(p["ocr"]["skew"]) <= 2 for p in pages),
          "%s: page confidence and skew %r" % (name, [(p["ocr"]["confidence"], p["ocr"]["skew"]) for p in pages]))
    blocks = [b for p in pages for b in p["blocks"]]
    check(blocks and all(0 < b.get("source", {}).get("ocr_confidence", 0) <= 1 for b in blocks
                         if b["kind"] != "table"), "%s: blocks carry source.ocr_confidence" % name)
    warned = sorted(w["page"] for w in m["samla"]["warnings"] if "read by OCR (no text layer)" in w["message"])
    check(warned == [p["number"] for p in pages], "%s: a warning per OCR'd page: %r" % (name, warned))


def check_ruled(name, m):
    """The ruled attendance table (Namn | Parti | Roll | Närvaro), read cell by cell along its rulings: each row an
    attendee of its own with the party of the one-letter column (page-wide recognition dropped that column and
    merged the first two rows into one attendee)."""
    got = {a["name"]: a.get("party") for a in m.get("attendees") or []}
    want = {"Maria Holm": "s", "Per Sandström": "m", "Jonas Wiklund": "s", "Anna Berg": "m", "Elin Forsberg": "sd",
            "Mats Ek": "kd", "Olof Lindqvist": "m", "Lotta Nyberg": "m", "Hassan Amini": "v"}
    check(all(got.get(k) == v for k, v in want.items()), "%s: attendees and parties %r" % (name, got))


def test_scans():
    models = score("protocol", PROTOCOLS, SCAN_FLOORS)
    for name, m in models.items():
        check_items(name, m)
    check_ruled(PROTOCOLS[1], models[PROTOCOLS[1]])
    # what is recorded (not how well it reads), by OCR in an archive worker (samla batch: its time and memory
    # limits hold Tesseract too): at 150 dpi, the scans' own resolution, in 2/3 of the time
    with tempfile.TemporaryDirectory() as tmp:
        p = subprocess.run([SAMLA, "batch", "protocol", "-q", "-j", "1", "--db", os.path.join(tmp, "s.db"), "--jsonl", "-",
                            "-O", "read-pdf.ocr_dpi=150", os.path.join(SCAN, PROTOCOLS[0] + ".pdf")],
                           capture_output=True, text=True, timeout=300)
        check(p.returncode == 0 and p.stdout.count("\n") == 1, "%s: batch protocol: %s" % (PROTOCOLS[0], p.stderr))
        if p.returncode == 0:
            m = json.loads(p.stdout)  # the stored model: no content section
            warned = sorted(w["page"] for w in m["samla"]["warnings"] if "read by OCR (no text layer)" in w["message"])
            check(warned == [1, 2], "%s: batch: a warning per OCR'd page: %r" % (PROTOCOLS[0], warned))
            check_items(PROTOCOLS[0] + " (batch)", m)
    rc, out, err = dump(os.path.join(SCAN, PROTOCOLS[0] + ".pdf"), "-O", "read-pdf.ocr_dpi=150")
    check(rc == 0, "%s: dump" % PROTOCOLS[0])
    if rc == 0:
        check_recorded(PROTOCOLS[0], yaml.safe_load(out))
    rc, out, err = dump(os.path.join(SRC, "tests/data/scanned.pdf"), "-q")
    check(rc == 1 and "no text layer (pages 1–2): scanned document; OCR read no usable text" in err,
          "30 dpi scan: %d %r" % (rc, err))


def test_plan():
    for name, m in score("plan", [PLAN], PLAN_FLOORS).items():
        check(m.get("activities"), "%s: activities read by OCR" % name)


{"auto": test_auto, "scans": test_scans, "plan": test_plan}[sys.argv[1]]()
finish()
