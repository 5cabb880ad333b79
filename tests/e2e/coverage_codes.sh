#!/bin/bash
# Issue 12, "activities marked with a code the strategy has (A1) are listed as unlinked": a text plan whose
# activities carry code marks in four forms (A1: …, A.2 – …, [B1] …, … (B2); PL-ACTIVITY-CODE-MARK) run through
# `samla coverage` against a strategy with the codes A1–D1. Each marked activity links to its delmål by code
# (method explicit); the one marked Z9, a code the strategy lacks, is a warning naming the code and the activity
# (on stderr and in the plan's samla.warnings), and stays unlinked in the report.
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
D=tests/data/link
"$SAMLA" coverage --strategy $D/strategy-2024.yaml -o "$T/cov" $D/plan-code-marks.txt > "$T/table.txt" 2> "$T/err.txt"
cat "$T/err.txt"
grep -q 'goal code Z9 is not in the strategy' "$T/err.txt"
grep -q 'act-5 "Ordna en temadag om läsning"' "$T/err.txt"
"$PY" - "$T" <<'PY'
import sys, yaml
t = sys.argv[1]
plan = yaml.safe_load(open(f"{t}/cov/plan-code-marks.txt.yaml"))
acts = {a["id"]: a for a in plan["activities"]}
assert [a["text"] for a in plan["activities"]][:2] == ["Erbjuda hälsosamtal till alla elever i årskurs 7",
    "Utbilda skolpersonal i att upptäcka psykisk ohälsa"], plan["activities"]
got = sorted((acts[l["activity"]]["text"].split()[0], l["goal"], l["method"]) for l in plan["links"]
             if l["method"] == "explicit")
assert got == [("Erbjuda", "A1", "explicit"), ("Införa", "B1", "explicit"), ("Ta", "B2", "explicit"),
               ("Utbilda", "A2", "explicit")], got
w = [x["message"] for x in plan["samla"]["warnings"] if "Z9" in x["message"]]
assert len(w) == 1 and "act-5" in w[0], plan["samla"]["warnings"]
cov = yaml.safe_load(open(f"{t}/cov/coverage.yaml"))["coverage"]
covered = {g["code"] for g in cov["goals"] if g["covered"]}
assert {"A1", "A2", "B1", "B2"} <= covered, covered
print("coverage codes ok:", got)
PY
