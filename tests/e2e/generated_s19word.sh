#!/bin/sh
# generated_s19word: plans as the generator drew them (corpus/generated/s19word, README.md there), rendered by the
# Word-style producer, scored against the generator's gold: activities [text+area+responsible] = 1 on the PDF and
# the DOCX. Each plan's table has a cell holding two activities as two paragraphs, the first line filling the
# column, the paragraphs 2 pt further apart than the cell's wrapped lines (PDF-CELL-PARA-SPACE):
# 1. seed 6501 gen-6501-s003-plan3 (*Sprida information om kostråd via vårdcentralen* over *Erbjuda simskola för
#    nyanlända barn*). Before: one activity of the two, 10 of 12 right.
# 2. seed 5304 gen-5304-s004-plan2 (two such cells). Before: two activities of four, 14 of 18 right.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/s19word
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
for spec in 6501:20 5304:40; do
  seed=${spec%%:*}; plans=${spec#*:}
  "$PY" corpus/generate/generate.py --seed "$seed" --protocols 0 --plans "$plans" --out "$tmp/gen$seed" >/dev/null || exit 1
  cut -f1 "$P/seed$seed/manifest.tsv" | sort -u | while read -r stem; do
    cmp -s "$tmp/gen$seed/gold/$stem.yaml" "$P/seed$seed/gold/$stem.yaml" || {
      echo "generated_s19word: $stem differs from the generator's seed-$seed gold (re-pick it)" >&2; exit 1; }
  done || exit 1
  for ext in pdf docx; do
    out="$tmp/out-$seed-$ext"
    "$SAMLA" run -q plan -o "$out" "$P/seed$seed/word/"*."$ext" 2>/dev/null || exit 1
    "$SAMLA" eval -q -m 'activities[text+area+responsible]=1' "$P/seed$seed/gold" "$out" >/dev/null 2>&1 || {
      "$SAMLA" eval -v -M soft "$P/seed$seed/gold" "$out" >&2
      echo "generated_s19word: seed $seed word $ext activities below 1" >&2; exit 1; }
  done
done
