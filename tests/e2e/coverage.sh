#!/bin/bash
# samla coverage on the corpus plans (the real coverage pipeline when the
# activity extractor is built, else the fixture pipeline with hand-written
# activities); checks the YAML, the HTML DOM in headless Chromium and a PNG.
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
S=corpus/docx/strategi-hsvo-2024-2026.docx
if [ -e "$SAMLA_BUILD/plugins/extract-activities.so" ]; then
  PLANS=(corpus/docx/samverkansplan-2025-ekby.docx corpus/docx/handlingsplan-2025-tallasen.docx corpus/pdf/arjeplog-handlingsplan-nara-vard.pdf)
  PIPE=coverage
else
  PLANS=(tests/data/link/plan.txt); PIPE=tests/data/link/coverage-fixture.yaml
fi
"$SAMLA" coverage -q --strategy "$S" -p "$PIPE" -o "$T/out" "${PLANS[@]}" > "$T/summary.txt"
test -s "$T/out/coverage.yaml"; test -s "$T/out/coverage.html"
grep -q 'täckt' "$T/summary.txt"
# usage errors: exit 2 with one line
set +e; "$SAMLA" coverage "${PLANS[0]}" 2>"$T/err"; rc=$?; set -e
[ $rc -eq 2 ] && [ "$(wc -l < "$T/err")" -eq 1 ]
CHROME=$(command -v chromium || true)
if [ -z "$CHROME" ]; then echo "chromium missing: DOM checks skipped"; exit 77; fi
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update
       --disable-sync --no-first-run --user-data-dir="$T/profile")
"$CHROME" "${flags[@]}" --dump-dom "file://$T/out/coverage.html" > "$T/dom.html" 2>/dev/null
"$CHROME" "${flags[@]}" --screenshot="$T/shot.png" --window-size=1400,1000 "file://$T/out/coverage.html" >/dev/null 2>&1
test -s "$T/shot.png"
"$PY" - "$T" <<'PY'
import sys, yaml, html, re
t = sys.argv[1]
rep = yaml.safe_load(open(f"{t}/out/coverage.yaml"))["coverage"]
dom = html.unescape(open(f"{t}/dom.html", encoding="utf-8").read())
assert rep["goals"], "no goal rows"
for g in rep["goals"]:
    if g.get("code"): assert g["code"] in dom, g["code"]
    assert g["title"] in dom, g["title"]
    for c in g["plans"]:
        assert f'data-count="{c["count"]}"' in dom, (g["id"], c["count"])
assert "ej täckt" in dom or all(g["covered"] for g in rep["goals"])
png = open(f"{t}/shot.png", "rb").read()
assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000
print("coverage ok:", len(rep["goals"]), "goals")
PY
