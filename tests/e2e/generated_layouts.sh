#!/bin/sh
# generated_layouts: documents of the generated sets picked for a layout the committed slice
# (corpus/generated) does not draw, each read from its DOCX and its PDF (LibreOffice) and scored
# against the generator's gold (corpus/generated/layouts, README.md there lists why each is in).
# 1. Each picked source and gold is what the generator makes for its seed (the first 70 plans and
#    strategies of a seed hold them: a group depends only on the seed and its number).
# 2. Strategies in two text columns of bold focus lines over bullets (PDF-TEXT-COLUMNS-LISTS; from PDF
#    0 of 20 goals before it): every goal with code, kind, title and parent, from DOCX and from PDF.
# 3. An activity table grouped by rows of one cell spanning it (PL-ACTIVITY-GROUP-ROW): the PDF's table
#    has the same spanning rows as the DOCX's gridSpan rows (PDF-TABLE-GROUP-ROW: no column rule runs
#    through them), with the same texts.
# 4. Plans: activities with their area, then links through `samla coverage` against the group's
#    strategy, at each format's floor. Activities written as paragraphs carrying their delmål code
#    (`Text (A1)`, `A1 – Text`; PL-ACTIVITY-CODE-PARAGRAPH; seed 2 s004, s017): 0 of 15 before.
# 5. Round `plans` (README.md there): delmål in one summary-table cell a focus area (PL-GOAL-TABLE-CELLS:
#    PDF goals of seed 1 s004/s012 0.40/0.75 before), a delmål column read out of order from PDF
#    (PL-GOAL-CODE-PARENT), numbered headings holding the delmål code as the area (PL-ACTIVITY-AREA-CODE:
#    area 0 of 12 before), a bold *Insatser* label (0 of 3), a bold label set close under its heading in
#    a PDF (PDF-BOLD-SIZE-BREAK), one *Ansvarig:* line after a numbered list (PL-ACTIVITY-LIST-RESPONSIBLE:
#    5 of 11 responsible before); activities with their responsible are scored too.
set -u
PY=${PY:-/usr/bin/python3}
L=corpus/generated/layouts
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for seed in $(sed -n 's/^gen-\([0-9]*\)-.*/\1/p' "$L/manifest.tsv" | sort -u); do
  "$PY" corpus/generate/generate.py --seed "$seed" --protocols 0 --plans 70 --out "$tmp/gen-$seed" >/dev/null || exit 1
done
while IFS=$(printf '\t') read -r stem _ _ _; do
  seed=${stem#gen-}; seed=${seed%%-*}
  cmp -s "$tmp/gen-$seed/src/$stem.sdoc" "$L/src/$stem.sdoc" && cmp -s "$tmp/gen-$seed/gold/$stem.yaml" "$L/gold/$stem.yaml" || {
    echo "generated_layouts: $stem differs from the generator's seed-$seed output (re-pick it)" >&2; exit 1; }
done < "$L/manifest.tsv"
for f in "$L"/gold/links/*.yaml; do
  b=$(basename "$f"); seed=${b#gen-}; seed=${seed%%-*}
  cmp -s "$tmp/gen-$seed/gold/links/$b" "$f" || { echo "generated_layouts: links $b differs" >&2; exit 1; }
done

# score FORMAT GOALS ACTIVITIES AREA LINKS_P LINKS_R RESPONSIBLE: floors for one format
score() {
  fmt=$1 out="$tmp/out-$1"
  mkdir -p "$out" "$tmp/links-$fmt"
  for pipeline in strategy plan; do
    files=$(awk -F'\t' -v p="$pipeline" -v f="$fmt" '$4 == p { print "'"$L"'/" f "/" $1 "." f }' "$L/manifest.tsv")
    # shellcheck disable=SC2086 # stems have no spaces
    "$SAMLA" run -q "$pipeline" -o "$out" $files 2>/dev/null || { echo "generated_layouts: samla run $pipeline ($fmt) failed" >&2; exit 1; }
  done
  "$SAMLA" eval -q -m "goals[code+kind+title+parent]=$2" -m "activities[text]=$3" -m "activities[text+area]=$4" \
    -m "activities[text+responsible]=$7" \
    "$L/gold" "$out" >/dev/null || { echo "generated_layouts: $fmt below its floors" >&2; exit 1; }
  for plan in $(awk -F'\t' '$2 == "plan" { print $1 }' "$L/manifest.tsv"); do
    group=${plan%-plan*}
    "$SAMLA" coverage -q --strategy "$L/$fmt/$group-strategi.$fmt" -o "$tmp/cov-$fmt-$plan" "$L/$fmt/$plan.$fmt" >/dev/null ||
      { echo "generated_layouts: coverage of $plan ($fmt) failed" >&2; exit 1; }
    cp "$tmp/cov-$fmt-$plan/$plan.$fmt.yaml" "$tmp/links-$fmt/" || exit 1
  done
  "$SAMLA" eval -q --min "links[activity+goal].precision=$5" --min "links[activity+goal].recall=$6" \
    "$L/gold/links" "$tmp/links-$fmt" >/dev/null || { echo "generated_layouts: $fmt links below their floors" >&2; exit 1; }
}
# spanning rows of the group-row plan's table, DOCX against PDF
for fmt in docx pdf; do
  "$SAMLA" dump -q -f json -o "$tmp/dump-$fmt" "$L/$fmt/gen-1-s011-plan1.$fmt" >/dev/null || exit 1
done
"$PY" - "$tmp/dump-docx/gen-1-s011-plan1.docx.json" "$tmp/dump-pdf/gen-1-s011-plan1.pdf.json" <<'PYEOF' || exit 1
import json, sys
def spans(path):
    doc = json.load(open(path, encoding="utf-8"))
    out = []
    for page in doc["content"]["pages"]:
        for b in page.get("blocks", []):
            if b.get("kind") != "table":
                continue
            for row in b["cells"]:
                if row and row[0].get("colspan", 1) == len(row) > 1 and all(c.get("covered") for c in row[1:]):
                    out.append(row[0].get("text"))
    return out
d, p = spans(sys.argv[1]), spans(sys.argv[2])
if len(d) != 8 or d != p:
    sys.exit("generated_layouts: spanning rows differ (DOCX %d, PDF %d): %s / %s" % (len(d), len(p), d, p))
PYEOF
score docx 1.00 1.00 1.00 1.00 1.00 1.00
score pdf 1.00 1.00 1.00 1.00 1.00 1.00
