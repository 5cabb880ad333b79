#!/usr/bin/env python3
"""coverage_xlsx.py DIR: DIR/coverage.xlsx (samla coverage -f xlsx) read back with openpyxl holds
the same goals, counts per plan, covered flags, linked and unlinked activities as
DIR/coverage.yaml, and the same counts as the HTML page DIR/coverage.html (its data-count cells)."""
import re
import sys

import openpyxl
import yaml

d = sys.argv[1]
rep = yaml.safe_load(open(f"{d}/coverage.yaml", encoding="utf-8"))["coverage"]
wb = openpyxl.load_workbook(f"{d}/coverage.xlsx", read_only=True)
assert wb.sheetnames == ["Täckning", "Aktiviteter", "Utan koppling"], wb.sheetnames

rows = list(wb["Täckning"].iter_rows(values_only=True))
plans = [p["name"] for p in rep["plans"]]
assert list(rows[0]) == ["Fokusområde", "Kod", "Mål"] + plans + ["Täckt"], rows[0]
body = rows[1:]
assert len(body) == len(rep["goals"]) > 0, (len(body), len(rep["goals"]))
xlsx_counts = []
for row, g in zip(body, rep["goals"]):
    assert row[1] == g.get("code") and row[2] == g["title"], (row, g["title"])
    counts = [c["count"] for c in g["plans"]]
    assert [int(v) for v in row[3:3 + len(plans)]] == counts, (g["title"], row)
    assert row[-1] == ("täckt" if g["covered"] else "ej täckt"), row
    xlsx_counts += counts

html = open(f"{d}/coverage.html", encoding="utf-8").read()
assert [int(n) for n in re.findall(r'data-count="(\d+)"', html)] == xlsx_counts, "XLSX and HTML counts differ"

acts = list(wb["Aktiviteter"].iter_rows(values_only=True))[1:]
want = [(g["title"], c["plan"], a["text"]) for g in rep["goals"] for c in g["plans"] for a in c.get("activities", [])]
assert [(r[1], r[2], r[3]) for r in acts] == want, "linked activities differ"
un = list(wb["Utan koppling"].iter_rows(values_only=True))[1:]
want = [(u["plan"], a["text"]) for u in rep["unlinked"] for a in u["activities"]]
assert [(r[0], r[1]) for r in un] == want, "unlinked activities differ"
print(f"coverage.xlsx: {len(body)} goals x {len(plans)} plans, {sum(xlsx_counts)} links, {len(acts)} activity rows, "
      f"{len(un)} unlinked: same as coverage.yaml and coverage.html")
