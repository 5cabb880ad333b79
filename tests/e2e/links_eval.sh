#!/bin/bash
# Link scoring end to end: `samla coverage` for the five judged (plan, strategy)
# pairs on PDF and DOCX (the same code for both strategies), all outputs in one
# folder, then `samla eval` against corpus/gold/links with minimums.
# Minimums are the targets: precision 0.85, recall 0.8 (measured 0.867 / 0.860;
# see docs/coverage.md, "Measured"). The two Region Fjällmark pairs are scored apart.
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
if [ ! -e "$SAMLA_BUILD/plugins/extract-activities.so" ]; then echo "extract-activities not built"; exit 77; fi
mkdir -p "$T/all" "$T/docx"
for fmt in docx pdf; do
  "$SAMLA" coverage -q --strategy corpus/$fmt/strategi-hsvo-2024-2026.$fmt -o "$T/hsvo-$fmt" \
    corpus/$fmt/samverkansplan-2025-ekby.$fmt corpus/$fmt/handlingsplan-2025-tallasen.$fmt \
    corpus/$fmt/uppsala-verksamhetsplan-2022.$fmt corpus/$fmt/arjeplog-handlingsplan-nara-vard.$fmt > /dev/null
  "$SAMLA" coverage -q --strategy corpus/$fmt/strategi-narvard-2021-2023.$fmt -o "$T/nv-$fmt" \
    corpus/$fmt/uppsala-verksamhetsplan-2022.$fmt > /dev/null
  "$SAMLA" coverage -q --strategy corpus/$fmt/strategi-fjallmark-2025-2028.$fmt -o "$T/fj-$fmt" \
    corpus/$fmt/aktivitetsplan-granliden-2025.$fmt corpus/$fmt/verksamhetsplan-renberg-2026.$fmt > /dev/null
  mkdir -p "$T/fj"
  for f in "$T/fj-$fmt"/*.$fmt.yaml; do cp "$f" "$T/fj/"; done
  for s in hsvo nv; do
    for f in "$T/$s-$fmt"/*.$fmt.yaml; do
      cp "$f" "$T/all/$s-$(basename "$f")"
      [ $fmt = docx ] && cp "$f" "$T/docx/$s-$(basename "$f")"
    done
  done
done
# eval pairs each output with <plan>--<strategy>.yaml from the documents it records
[ "$(ls "$T/all" | wc -l)" -eq 10 ]
"$SAMLA" eval -q -M soft -o "$T/docx.txt" --min 'links[activity+goal].precision=0.85' \
  --min 'links[activity+goal].recall=0.83' corpus/gold/links "$T/docx" || { cat "$T/docx.txt"; exit 1; }
"$SAMLA" eval -q -M soft -o "$T/all.txt" --min 'links[activity+goal].precision=0.85' \
  --min 'links[activity+goal].recall=0.8' corpus/gold/links "$T/all" || { cat "$T/all.txt"; exit 1; }
grep -E "items:.*10 docs" "$T/all.txt"
cat "$T/all.txt"
# Region Fjällmark (another county, written before the linker saw it): "Mål 1.1" headings and a
# Mål column citing goals by title. First contact P 0.00 / R 0.00 (goal tree not found); now 1.00 / 1.00.
"$SAMLA" eval -q -M soft -o "$T/fj.txt" --min 'links[activity+goal].precision=0.95' \
  --min 'links[activity+goal].recall=0.95' corpus/gold/links "$T/fj" || { cat "$T/fj.txt"; exit 1; }
grep -E "items:.*4 docs" "$T/fj.txt"
# Region Kustlanda (no codes; written before the linker saw it): Sjövik cites areas by (shortened) name in a
# Koppling column, Strandby's follow-up report never names them (lexical only). First contact P 0.00 / R 0.00
# (no focus areas, Koppling not read); now P 0.87 / R 0.83 in each format.
for fmt in pdf docx; do
  "$SAMLA" coverage -q --strategy corpus/$fmt/folkhalsostrategi-kustlanda-2024-2030.$fmt -o "$T/kl-$fmt" \
    corpus/$fmt/handlingsplan-folkhalsa-sjovik-2025.$fmt corpus/$fmt/verksamhetsberattelse-folkhalsa-strandby-2024.$fmt > /dev/null
  mkdir -p "$T/kl"
  for f in "$T/kl-$fmt"/*.$fmt.yaml; do cp "$f" "$T/kl/"; done
done
"$SAMLA" eval -q -M soft -o "$T/kl.txt" --min 'links[activity+goal].precision=0.85' \
  --min 'links[activity+goal].recall=0.8' corpus/gold/links "$T/kl" || { cat "$T/kl.txt"; exit 1; }
grep -E "items:.*4 docs" "$T/kl.txt"
# Lövsala (session 16; gold before the linker saw it): a plan whose own delmål are noun phrases ("Färre fallolyckor
# …"), against the uncoded Kustlanda strategy, whose areas it names in its text. First contact P 0.31 / R 0.38
# (the delmål's direction words "färre" matched "Färre invånare …"; the plan's named areas not weighed); now
# P 0.50 / R 0.54 in each format (PL-LINK-DIRECTION-WORDS, PL-LINK-NAMED-AREA).
for fmt in pdf docx; do
  "$SAMLA" coverage -q --strategy corpus/$fmt/folkhalsostrategi-kustlanda-2024-2030.$fmt -o "$T/lv-$fmt" \
    corpus/$fmt/handlingsplan-aldres-halsa-lovsala-2026-2027.$fmt > /dev/null
  mkdir -p "$T/lv"
  for f in "$T/lv-$fmt"/*.$fmt.yaml; do cp "$f" "$T/lv/"; done
done
"$SAMLA" eval -q -M soft -o "$T/lv.txt" --min 'links[activity+goal].precision=0.48' \
  --min 'links[activity+goal].recall=0.52' corpus/gold/links "$T/lv" || { cat "$T/lv.txt"; exit 1; }
grep -E "items:.*2 docs" "$T/lv.txt"
# the level rule: Uppsala against 2021-2023 links to priorities, judged at focus areas
"$SAMLA" eval -q -f yaml -o "$T/nv.yaml" corpus/gold/links "$T/nv-docx"
"$PY" - "$T/nv.yaml" "$T/nv-docx/uppsala-verksamhetsplan-2022.docx.yaml" <<'PY'
import sys, yaml
rep = yaml.safe_load(open(sys.argv[1]))
out = yaml.safe_load(open(sys.argv[2]))
kinds = {g["id"]: g.get("kind") for g in out["strategy"]["goals"]}
assert any(kinds[l["goal"]] == "priority" for l in out["links"]), "expected priority links"
soft = rep["sections"]["links"]["items"]["soft"]
assert soft["tp"] >= 30, soft
print("level rule ok:", soft)
PY
