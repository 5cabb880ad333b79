"""extract_document_test.py: document kind (against the gold), date, title and organisation on every corpus PDF
and DOCX."""
import glob
import json
import os
import re
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from samlatest import SAMLA, check, finish  # noqa: E402



def documents(paths):
    """The document section of each path, from one `samla run` (one process: under the sanitizers
    most of a run's cost is starting it). JSON Lines, matched by document.source."""
    out = subprocess.run([SAMLA, "run", "-q", "-f", "json", "all", *paths], capture_output=True, text=True,
                         check=True).stdout
    got = {}
    for line in out.splitlines():
        d = json.loads(line)["document"]
        got[d["source"]] = d
    return got


files = sorted(glob.glob("corpus/pdf/*.pdf") + glob.glob("corpus/docx/*.docx"))
check(len(files) >= 20, "corpus has PDF and DOCX renderings")
docs = documents(files)
check(len(docs) == len(files), f"one model per file: {len(docs)} of {len(files)}")
for f in files:
    stem = os.path.basename(f).rsplit(".", 1)[0]
    d = docs.get(f, {"kind": None, "kind_confidence": 0})
    # the kind the gold gives the whole file (docs/model.md: a protokollsutdrag with a strategy attached
    # is a decision extract, a tjänsteskrivelse carrying a plan is the plan)
    want = yaml.safe_load(open(f"corpus/gold/{stem}.yaml", encoding="utf-8"))["document"]["kind"]
    check(d["kind"] == want, f"{f}: kind {d['kind']} != {want}")
    check(0.5 <= d["kind_confidence"] <= 1.0, f"{f}: kind_confidence {d['kind_confidence']} (a winner has >= 0.5)")
    check(d.get("title"), f"{f}: has a title")
    check(not re.match(r"^(§|Paragraf)\s*\d", d.get("title") or ""), f"{f}: an item marker is not a title")
    check(d.get("organisation"), f"{f}: has an organisation")
    m = re.search(r"(\d{4}-\d{2}-\d{2})$", stem)
    if stem.startswith("protokoll") and m:  # protocols are named after their meeting date
        check(d.get("date") == m.group(1), f"{f}: date {d.get('date')} != {m.group(1)}")
d = docs["corpus/docx/uppsala-verksamhetsplan-2022.docx"]
check(d.get("reference") == "AMN-2021-00362" and d.get("date") == "2021-12-02", "labelled reference and date")

# a short protocol whose only other labelled date is a signature's: the document date is the meeting's
import tempfile
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
    f.write("Protokoll Miljönämnden\n\nSammanträdesdag: tisdagen den 4 mars 2025 kl. 13.00–15.00\n\n"
            "Plats: Rådhuset, sal 2\n\n§ 1 Val av justerare\n\n"
            "Miljönämnden beslutar att utse Eva Ek (S) att justera protokollet.\n\n"
            "Signerat av: Eva Ek\nDatum: 2025-03-10 14:03\n")
out = subprocess.run([SAMLA, "run", "-q", "protocol", f.name], capture_output=True, text=True, check=True).stdout
os.unlink(f.name)
m = yaml.safe_load(out)
check(m["document"].get("date") == "2025-03-04", f"document date is the meeting's: {m['document'].get('date')}")
check(m["document"]["kind"] == "protocol", "a first line 'Protokoll …' makes a protocol without headings")
check(m["meeting"].get("start") == "13:00" and m["meeting"].get("end") == "15:00", "times on the date line")
finish()
