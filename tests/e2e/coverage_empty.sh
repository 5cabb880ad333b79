#!/bin/bash
# Issue 12, "the coverage report then tells an analyst that a plan covers nothing": a plan where no activity is
# found, and a plan whose activities link to no goal, are said to be so in the terminal table, coverage.yaml, the
# HTML page and the XLSX workbook, with one line each on stderr and exit status 1, never as "0, ej täckt".
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
D=tests/data/link
S=$D/strategy-2024.yaml
# 1. an empty plan beside a plan with linked activities
set +e
"$SAMLA" coverage -f html -f xlsx --strategy $S -o "$T/a" $D/plan-empty.txt $D/plan-code-marks.txt > "$T/a.txt" 2> "$T/a.err"
rc=$?
# 2. the empty plan alone, and a plan whose activities serve none of the goals
"$SAMLA" coverage -q -f html -f xlsx --strategy $S -o "$T/b" $D/plan-empty.txt > "$T/b.txt" 2> "$T/b.err"
rc_b=$?
"$SAMLA" coverage -q --strategy $S -o "$T/c" $D/plan-unrelated.txt > "$T/c.txt" 2> "$T/c.err"
rc_c=$?
set -e
cat "$T/a.txt" "$T/a.err" "$T/b.txt" "$T/c.txt" "$T/c.err"
[ $rc -eq 1 ] && [ $rc_b -eq 1 ] && [ $rc_c -eq 1 ]
grep -q "plan-empty.txt: no activities found in the plan" "$T/a.err"
grep -q "plan-empty.txt: no activities found in the plan" "$T/b.err"      # said also with -q
grep -q "plan-unrelated.txt: none of its 2 activities links to a goal" "$T/c.err"
grep -q "OBS: plan-empty.txt: inga aktiviteter hittades i planen" "$T/a.txt"
grep -q "OBS: ingen plan hade aktiviteter att koppla" "$T/b.txt"
grep -q "OBS: plan-unrelated.txt: ingen av planens 2 aktiviteter kopplades till strategins mål" "$T/c.txt"
! grep -q "NEJ" "$T/b.txt"
"$PY" - "$T" <<'PY'
import sys, re, yaml, openpyxl
t = sys.argv[1]
def rep(d): return yaml.safe_load(open(f"{t}/{d}/coverage.yaml"))["coverage"]
a = rep("a")
assert [(p["name"], p["status"]) for p in a["plans"]] == [("plan-empty.txt", "no_activities"),
                                                          ("plan-code-marks.txt", "ok")], a["plans"]
assert a["plans"][0]["note"] == "inga aktiviteter hittades i planen", a["plans"][0]
for g in a["goals"]:
    empty, marks = g["plans"]
    assert empty == {"plan": "plan-empty.txt", "status": "no_activities", "count": None}, empty
    assert isinstance(marks["count"], int) and isinstance(g["covered"], bool), g
assert {g["code"] for g in a["goals"] if g["covered"]} >= {"A1", "A2", "B1", "B2"}
b = rep("b")
assert all(g["covered"] is None for g in b["goals"]), b["goals"]
c = rep("c")
assert c["plans"][0]["status"] == "no_links" and c["plans"][0]["activities"] == 2, c["plans"]
assert [len(u["activities"]) for u in c["unlinked"]] == [2], c["unlinked"]
# HTML: the plain note above the matrix, the empty plan's cells "inga aktiviteter" (no data-count), "okänt" alone
h = open(f"{t}/a/coverage.html", encoding="utf-8").read()
assert re.search(r'<p class="warn" data-status="no_activities"><strong>Obs:</strong> plan-empty.txt: inga aktiviteter '
                 r'hittades i planen', h), "no note in the HTML"
assert h.count('data-status="no_activities">– <span class="gap">inga aktiviteter</span>') == len(a["goals"])
assert h.count("data-count=") == len(a["goals"]), "the empty plan must have no counts"
hb = open(f"{t}/b/coverage.html", encoding="utf-8").read()
assert "ej täckt" not in hb and hb.count('class="unk">okänt') == len(b["goals"])
# XLSX: the same words
ws = openpyxl.load_workbook(f"{t}/a/coverage.xlsx", read_only=True)["Täckning"]
rows = [r for r in ws.iter_rows(values_only=True)]
body = rows[1:1 + len(a["goals"])]
assert all(r[3] == "inga aktiviteter" and isinstance(r[4], (int, float)) for r in body), body
assert any(r[0] == "Obs: plan-empty.txt: inga aktiviteter hittades i planen" for r in rows), rows
wb = openpyxl.load_workbook(f"{t}/b/coverage.xlsx", read_only=True)["Täckning"]
assert all(r[-1] == "okänt" for r in list(wb.iter_rows(values_only=True))[1:1 + len(b["goals"])])
print("coverage of empty and unlinked plans ok")
PY
