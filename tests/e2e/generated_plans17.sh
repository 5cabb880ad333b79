#!/bin/sh
# generated_plans17: plans and strategies of generated seed 131 as groff, pdfTeX and WeasyPrint render them
# (corpus/generated/plans17, README.md there), scored against the generator's gold (session 17, helper s17-plans).
# Before (main 31ce8e9), strict: 18 of 36 goals whole, activities F1 0.78 (area 0.56, responsible 0.60).
# - summary tables listing delmål one a line beside centred (groff) or top (pdfTeX) focus areas: PDF-TABLE-ITEM-COLUMN;
#   a coded series jumping to the next area's *3.1*: PDF-TABLE-CODE-SERIES-NEXT.
# - activity tables with group rows: a group row's word ending at the next column's start set the first column's
#   wrap edge (PDF-TABLE-SPANNING-LINE-TOUCH); pdfTeX's group rows wrapped in the first column
#   (PDF-TABLE-GROUP-ROW-WRAP); groff's justified cells (PDF-TABLE-EVEN-SPACES-CELL, PDF-CELL-JUSTIFIED-EDGE,
#   PDF-CELL-HYPHEN-RUNS-ON); pdfTeX's empty cell under a merged first cell (PDF-TABLE-ROWSPAN-FRESH).
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/plans17
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$PY" corpus/generate/generate.py --seed 131 --protocols 0 --plans 20 --out "$tmp/gen" >/dev/null || exit 1
for f in "$P"/gold/*.yaml; do
  b=$(basename "$f" .yaml); stem=${b%-*}
  cmp -s "$tmp/gen/gold/$stem.yaml" "$f" || {
    echo "generated_plans17: $b differs from the generator's seed-131 gold (re-pick it)" >&2; exit 1; }
done
"$SAMLA" run -q strategy -o "$tmp/out" "$P"/pdf/*-strategi-*.pdf 2>/dev/null || exit 1
"$SAMLA" run -q plan -o "$tmp/out" "$P"/pdf/*-plan*-*.pdf 2>/dev/null || exit 1
# every goal whole; the activities but the known losses (README.md)
"$SAMLA" eval -q -M strict -m 'goals[code+kind+title+parent].f1.strict=1' -m 'activities[text].f1.strict=0.93' \
  -m 'activities.area.f1.strict=0.88' -m 'activities.responsible.f1.strict=0.92' \
  "$P/gold" "$tmp/out" >/dev/null || { "$SAMLA" eval -v -M strict "$P/gold" "$tmp/out" >&2; exit 1; }
# the content itself, as the model writes it
o=$tmp/out
grep -q '^  title: Brukarnas erfarenheter tas tillvara$' "$o/gen-131-s000-strategi-groff.pdf.yaml" &&
  grep -q '^  title: Brukarnas erfarenheter tas tillvara$' "$o/gen-131-s000-strategi-pdftex.pdf.yaml" &&
  grep -q '^  title: Informationsöverföringen mellan huvudmännen är säker$' "$o/gen-131-s003-strategi-groff.pdf.yaml" || {
  echo "generated_plans17: a delmål is missing" >&2; exit 1; }
grep -q '^  text: Genomföra gemensamma utbildningar om SIP för personer med funktionsnedsättning$' \
    "$o/gen-131-s005-plan2-weasyprint.pdf.yaml" &&
  grep -q '^  text: Införa digitala vårdmöten i hemtjänsten$' "$o/gen-131-s005-plan2-groff.pdf.yaml" &&
  grep -q '^  area: Den enskilde har en samordnad individuell plan vid behov$' "$o/gen-131-s005-plan2-pdftex.pdf.yaml" &&
  grep -q '^  responsible: Äldreomsorgen$' "$o/gen-131-s004-plan2-groff.pdf.yaml" &&
  grep -q '^  responsible: Region Norrbrand och kommunen$' "$o/gen-131-s004-plan2-groff.pdf.yaml" &&
  grep -q '^  area: Utskrivning från sluten vård sker tryggt och säkert$' "$o/gen-131-s001-plan2-groff.pdf.yaml" &&
  grep -q '^  area: Utskrivning från sluten vård sker tryggt och säkert$' "$o/gen-131-s001-plan3-groff.pdf.yaml" &&
  grep -q '^  text: Kartlägga kompetensbehovet till 2023$' "$o/gen-131-s003-plan2-pdftex.pdf.yaml" || {
  echo "generated_plans17: an activity or its area/responsible is missing" >&2; exit 1; }
exit 0
