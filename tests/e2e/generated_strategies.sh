#!/bin/sh
# generated_strategies: strategies of the generated set (seeds 41 and 105, 20 plans and strategies each) as
# LibreOffice, pdfTeX and groff render them (corpus/generated/strategies, README.md there), each scored against
# the generator's gold: every goal with its code, kind, title and parent (84 goals in seven strategies), and a
# plan's activities with their area. Before (main b2676d5): 25 of 84 goals, none of the plan's 15 activities.
# 1. LibreOffice: delmål as a bulleted list in a summary table's cell, each bullet a tab before its text
#    (PDF-CELL-MARKER-GAP): before, the bullets were read as a sub-cell and the delmål run together.
# 2. pdfTeX: a two-column page with justified columns less than 0.7 em apart (PDF-LINE-GUTTER-LEFT-EDGE): before,
#    lines were built across the gutter and no goal came out; uncoded focus areas and delmål all set as bold body
#    text under a bold *Fokusområden* line (PL-GOAL-FLAT-LINES): before, every delmål a focus area.
# 2b. pdfTeX: the delmål of a summary table's cells a bullet a line (the farm sets them so since session 16), and a
#    plan's two-column page whose right column holds two bullets and *Uppföljning*, four lines parting over the
#    gutter (PDF-LINE-GUTTER-FEW-GAPS): before, no gutter found, the page read across both columns, no activity.
# 3. groff: a summary table without rules, its focus areas centred beside their delmål or its cells justified,
#    under a bold header row (PDF-TEXT-COLUMNS-FLOW-HEAD), and *Uppföljning* after it as a bold line
#    (PL-GOAL-TABLE-SECTION-AFTER): before, read as two text columns; focus-area headings whose level the space
#    above changed, each followed by a *Mål* label (PL-GOAL-CONTAINER-LABELLED-SIBLING): before, one focus area.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/strategies
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for seed in 41 105; do
  "$PY" corpus/generate/generate.py --seed "$seed" --protocols 0 --plans 20 --out "$tmp/gen$seed" >/dev/null || exit 1
done
for f in "$P"/gold/*.yaml; do
  b=$(basename "$f" .yaml); stem=${b%-*}; seed=$(echo "$stem" | cut -d- -f2)
  cmp -s "$tmp/gen$seed/gold/$stem.yaml" "$f" || {
    echo "generated_strategies: $b differs from the generator's seed-$seed gold (re-pick it)" >&2; exit 1; }
done
"$SAMLA" run -q strategy -o "$tmp/out" "$P"/pdf/*-strategi-*.pdf 2>/dev/null || exit 1
"$SAMLA" run -q plan -o "$tmp/out" "$P"/pdf/*-plan*-*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -M strict -m 'goals[code+kind+title+parent].f1.strict=1' -m 'activities[text+area].f1.strict=1' \
  "$P/gold" "$tmp/out" >/dev/null || { "$SAMLA" eval -v -M strict "$P/gold" "$tmp/out" >&2; exit 1; }
# the content itself, as the model writes it
grep -q '^  title: Barn och unga har goda matvanor$' "$tmp/out/gen-105-s005-strategi-lo.pdf.yaml" &&
  grep -q '^  code: "C3"$' "$tmp/out/gen-105-s003-strategi-pdftex.pdf.yaml" &&
  grep -q '^  title: Krisberedskapen är gemensamt planerad$' "$tmp/out/gen-105-s000-strategi-pdftex.pdf.yaml" &&
  grep -q '^  title: Brukarnas erfarenheter tas tillvara$' "$tmp/out/gen-105-s005-strategi-pdftex.pdf.yaml" || {
  echo "generated_strategies: a delmål is missing" >&2; exit 1; }
grep -q '^  text: Starta en gå-grupp för pedagoger i förskolan$' "$tmp/out/gen-105-s003-plan1-pdftex.pdf.yaml" || {
  echo "generated_strategies: the pdfTeX plan's right-column activity is missing" >&2; exit 1; }
! grep -q '^  title: Uppföljning$' "$tmp/out/gen-41-s005-strategi-groff.pdf.yaml" || {
  echo "generated_strategies: the section after the groff summary table was read as a focus area" >&2; exit 1; }
exit 0
