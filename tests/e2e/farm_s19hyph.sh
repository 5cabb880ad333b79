#!/bin/sh
# farm_s19hyph: the exact text samla reads where a line ends in a hyphen (session 19, s19-hyph).
# 1. strategi-narvard's source address (…/samverkan-och-utveckling/halsa-och-varld/…/vard-i-samverkan/), which
#    LibreOffice, Word, Chromium, WeasyPrint and pdfTeX break at its own hyphens: read whole with every hyphen
#    (PDF-HYPHEN-ADDRESS). Before (main 1d56b56) each producer dropped the hyphen at its break (*halsa-ochvarld*,
#    *vardi-samverkan*, *vard-isamverkan*).
# 2. pdfTeX's runnebo plan (re-rendered with Swedish hyphenation): its delmål rows are set in the narrow first
#    column a word or two a line, hyphenated (*psy-* / *kisk*), so a line as wide as the column over a lower-case
#    line is two words, not a word cut without a hyphen (PDF-CELL-HYPHENATED-NO-CUT). Before: *ohälsafår*,
#    *teckenpå*, *individuellaplanerupprättas*, *ungaspsykiska*. The hyphenated words join (*fritidsförvalt-* /
#    *ningen*) and a compound's shared tail keeps its hyphen (*Kultur- och fritidsförvaltningen*).
set -u
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
A='uppsala.se/samverkanswebben/samverkan-och-utveckling/halsa-och-varld/halsa-och-varld/vard-i-samverkan/'
for p in chromium lo lo-tagged pdftex weasyprint word; do
  "$SAMLA" dump "corpus/farm/$p/strategi-narvard-2021-2023.pdf" > "$tmp/$p.yaml" 2>/dev/null ||
    { echo "farm_s19hyph: $p dump failed" >&2; exit 1; }
  "$PY" - "$tmp/$p.yaml" "$A" <<'PY' || { echo "farm_s19hyph: $p: the address is not read whole" >&2; fail=1; }
import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
texts = [b.get("text") or "" for pg in d["content"]["pages"] for b in pg["blocks"]]
assert any(sys.argv[2] in t for t in texts), [t for t in texts if "samverkanswebben" in t]
PY
done
"$SAMLA" dump corpus/farm/pdftex/samverkansplan-barn-unga-runnebo-2025-2026.pdf > "$tmp/runnebo.yaml" 2>/dev/null ||
  { echo "farm_s19hyph: runnebo dump failed" >&2; exit 1; }
"$PY" - "$tmp/runnebo.yaml" <<'PY' || { echo "farm_s19hyph: pdftex runnebo cells wrong" >&2; fail=1; }
import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
cells = [c.get("text") for pg in d["content"]["pages"] for b in pg["blocks"] if b.get("kind") == "table"
         for row in b["cells"] for c in row if c and c.get("text")]
want = ["Delmål 1.1 Barn och unga med lätt till måttlig psykisk ohälsa får stöd inom en månad",
        "Delmål 1.2 Samordnade individuella planer upprättas när barnet har insatser från båda huvudmännen",
        "Delmål 2.1 Fler barn och unga har en meningsfull fritid",
        "Delmål 3.1 Medarbetare i skola och socialtjänst känner igen tidiga tecken på psykisk ohälsa",
        "Delmål 3.2 Huvudmännen har gemensam statistik över barns och ungas psykiska hälsa",
        "Kultur- och fritidsförvaltningen"]
missing = [w for w in want if w not in cells]
assert not missing, (missing, [c for c in cells if c.startswith("Delmål")])
PY
# the farm's scoring of the same render against the structure put in: every table cell right
"$SAMLA" compare corpus/farm/pdftex/samverkansplan-barn-unga-runnebo-2025-2026.yaml \
  corpus/farm/pdftex/samverkansplan-barn-unga-runnebo-2025-2026.pdf 2>/dev/null |
  grep -q '^table_cells .* 1\.000$' || { echo "farm_s19hyph: runnebo pdftex table cells below 1.000" >&2; fail=1; }
exit $fail
