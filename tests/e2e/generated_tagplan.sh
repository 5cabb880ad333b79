#!/bin/sh
# generated_tagplan: a plan of generated seed 2203 as the farm's tagged LibreOffice producer renders it
# (corpus/generated/tagplan, README.md there), read from its structure tree and scored against the generator's gold
# (docs/eval.md, "Tagged plans, session 16 (helper s16-tagplan)"):
# 1. The gold is what the generator makes for seed 2203 (0 protocols, 10 plans and strategies).
# 2. The activity table's narrow *Ansvar* column breaks each office's name without a hyphen (*Äldreomsor* /
#    *gen*); the tag reader joined the pieces with a space (PDF-TAG-CELL-BROKEN-WORD). Before (main 52b14a4):
#    responsible 0.43 soft (the seed's 28 cells; 0 of this plan's 17 strict).
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/tagplan
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$PY" corpus/generate/generate.py --seed 2203 --protocols 0 --plans 10 --out "$tmp/gen" >/dev/null || exit 1
cut -f1 "$P/manifest.tsv" | sort -u | while read -r stem; do
  cmp -s "$tmp/gen/gold/$stem.yaml" "$P/gold/$stem.yaml" || {
    echo "generated_tagplan: $stem differs from the generator's seed-2203 gold (re-pick it)" >&2; exit 1; }
done || exit 1
"$SAMLA" run -q plan -o "$tmp/tags" "$P"/lo-tagged/*.pdf 2>/dev/null || exit 1
"$SAMLA" dump -q "$P/lo-tagged/gen-2203-s000-plan3.pdf" | grep -q 'read_from: tags' || {
  echo "generated_tagplan: the plan is not read from its tags" >&2; exit 1; }
"$SAMLA" eval -q -m 'activities.responsible.strict=1' -m 'activities[text]=1' -m 'activities.area=1' "$P/gold" \
  "$tmp/tags" >/dev/null 2>&1 || {
  "$SAMLA" eval -v -M strict "$P/gold" "$tmp/tags" >&2; echo "generated_tagplan: below its floors" >&2; exit 1; }
# the content itself, as the model writes it
for name in 'Äldreomsorgen' 'Kommunledningskontoret' 'HR-avdelningen' 'Kultur- och fritidsförvaltningen' \
  'Barn- och utbildningsförvaltningen' 'Vårdcentralen'; do
  grep -q "^  responsible: $name\$" "$tmp/tags/gen-2203-s000-plan3.pdf.yaml" || {
    echo "generated_tagplan: responsible $name is not read whole from the tags" >&2; exit 1; }
done
exit 0
