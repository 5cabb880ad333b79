#!/usr/bin/env bash
# plan_eval.sh: goals (both strategies, restated goals of the plans) and activities (four plans)
# scored by `samla eval` against corpus/gold.
# Targets: F1 >= 0.95 for goals and activities (with their indicators and responsible), PDF and
# DOCX. (PDF activities were 0.83 until read-pdf kept the paragraphs of a table cell apart.)
# The Region Fjällmark documents (strategy + Granliden and Renberg plans, written before the
# extractors saw them) are also held alone at F1 1.00 (first contact: goals 0.38 PDF / 0.42 DOCX,
# activities 0.68).
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
strategies=(strategi-hsvo-2024-2026 strategi-narvard-2021-2023 strategi-fjallmark-2025-2028)
plans=(uppsala-verksamhetsplan-2022 arjeplog-handlingsplan-nara-vard samverkansplan-2025-ekby handlingsplan-2025-tallasen
       aktivitetsplan-granliden-2025 verksamhetsplan-renberg-2026)
for fmt in pdf docx; do
  mkdir -p "$tmp/$fmt"
  s=(); for d in "${strategies[@]}"; do s+=("corpus/$fmt/$d.$fmt"); done
  p=(); for d in "${plans[@]}"; do p+=("corpus/$fmt/$d.$fmt"); done
  "$SAMLA" run -q strategy -o "$tmp/$fmt" "${s[@]}" || { echo "strategy run failed ($fmt)"; exit 1; }
  "$SAMLA" run -q plan -o "$tmp/$fmt" "${p[@]}" || { echo "plan run failed ($fmt)"; exit 1; }
done
rc=0
"$SAMLA" eval -M soft corpus/gold "$tmp/docx" -m goals=0.95 -m 'goals[code+kind+title+parent]=0.95' \
  -m activities=0.95 -m activities.indicators=0.95 -m activities.responsible=0.95 2>/dev/null || rc=1
"$SAMLA" eval -M soft corpus/gold "$tmp/pdf" -m goals=0.95 -m 'goals[code+kind+title+parent]=0.95' \
  -m activities=0.95 -m activities.indicators=0.95 -m activities.responsible=0.95 2>/dev/null || rc=1
fj=(strategi-fjallmark-2025-2028 aktivitetsplan-granliden-2025 verksamhetsplan-renberg-2026)
for fmt in pdf docx; do
  mkdir -p "$tmp/fj-$fmt"
  for d in "${fj[@]}"; do cp "$tmp/$fmt/$d.$fmt.yaml" "$tmp/fj-$fmt/"; done
  "$SAMLA" eval -q -M soft corpus/gold "$tmp/fj-$fmt" -m goals=1.0 -m 'goals[code+kind+title+parent]=1.0' \
    -m goals.text=1.0 -m activities=1.0 -m activities.indicators=1.0 -m activities.responsible=1.0 \
    -m activities.area=1.0 -m activities.section=1.0 2>/dev/null || { echo "fjallmark $fmt below 1.00"; rc=1; }
done
# Region Kustlanda (no codes anywhere; written before the extractors saw it): "Område: …" headings with a bold
# "Målsättningar" list and an appendix table; Sjövik's table with a Koppling column, a Nr cell "5 6" over two
# activities and a headerless continuation table; Strandby's bold lines with "Status:" lines. First contact: goals
# F1 0.09 (both formats), activities 0.46 (area 0.00). Now goals and activities 1.00; PDF responsible 0.54 (the
# PDF splits long words in a narrow cell without a hyphen: "utbildningsförvaltni ngen").
kl=(folkhalsostrategi-kustlanda-2024-2030 handlingsplan-folkhalsa-sjovik-2025 verksamhetsberattelse-folkhalsa-strandby-2024)
for fmt in pdf docx; do
  mkdir -p "$tmp/kl-$fmt"
  "$SAMLA" run -q strategy -o "$tmp/kl-$fmt" "corpus/$fmt/${kl[0]}.$fmt" || { echo "kustlanda strategy failed"; rc=1; }
  "$SAMLA" run -q plan -o "$tmp/kl-$fmt" "corpus/$fmt/${kl[1]}.$fmt" "corpus/$fmt/${kl[2]}.$fmt" || { echo "kustlanda plans failed"; rc=1; }
  resp=1.0; [ $fmt = pdf ] && resp=0.5
  "$SAMLA" eval -q -M soft corpus/gold "$tmp/kl-$fmt" -m goals=1.0 -m 'goals[code+kind+title+parent]=1.0' \
    -m goals.text=1.0 -m activities=1.0 -m activities.area=1.0 -m activities.section=1.0 -m activities.period=1.0 \
    -m activities.responsible=$resp 2>/dev/null || { echo "kustlanda $fmt below target"; rc=1; }
done
# Havsby kulturstrategi (session 15, gold before the first run): focus areas and delmål only in a table
# Fokusområde | Inriktning och delmål, the focus area's text and a bold "Delmål" label in the goal cell. First contact:
# goals[code+kind+title+parent] 0.11 on DOCX and every PDF. Held at 1.00 on DOCX and the LibreOffice PDF.
for fmt in pdf docx; do
  mkdir -p "$tmp/kb-$fmt"
  "$SAMLA" run -q strategy -o "$tmp/kb-$fmt" "corpus/$fmt/kulturstrategi-havsby-2025-2030.$fmt" || { echo "havsby failed"; rc=1; }
  "$SAMLA" eval -q -M soft corpus/gold "$tmp/kb-$fmt" -m goals=1.0 -m 'goals[code+kind+title+parent]=1.0' \
    -m goals.text=1.0 2>/dev/null || { echo "havsby $fmt below 1.00"; rc=1; }
done
# Lövsala handlingsplan (session 16, gold before the first run): the plan's own delmål as noun phrases in a numbered
# list under the heading "2 Delmål" (no focus areas), one activity table Delmål | Insats | Indikator | Utgångsvärde
# 2024 | Målvärde 2027 | Ansvarig enhet (baseline and target value are no indicators). First contact:
# goals[code+kind+title+parent] 0.00 on DOCX and every PDF (activities, area, responsible, indicators 1.00 already).
# Held at 1.00 on DOCX and the LibreOffice PDF.
for fmt in pdf docx; do
  mkdir -p "$tmp/lv-$fmt"
  "$SAMLA" run -q plan -o "$tmp/lv-$fmt" "corpus/$fmt/handlingsplan-aldres-halsa-lovsala-2026-2027.$fmt" || { echo "lovsala failed"; rc=1; }
  "$SAMLA" eval -q -M soft corpus/gold "$tmp/lv-$fmt" -m goals=1.0 -m 'goals[code+kind+title+parent]=1.0' \
    -m activities=1.0 -m activities.area=1.0 -m activities.responsible=1.0 -m activities.indicators=1.0 \
    -m activities.period=1.0 2>/dev/null || { echo "lovsala $fmt below 1.00"; rc=1; }
done
# the tagged LibreOffice render: its table tags hold a row of zero-height empty cells after one row's real ones, which
# made ten columns of six and shifted the rows under the merged Delmål cells (activities 0.32 before
# PDF-TAG-TABLE-EMPTY-TAIL, 0.92 now)
mkdir -p "$tmp/lv-tag"
"$SAMLA" run -q plan -o "$tmp/lv-tag" corpus/farm/lo-tagged/handlingsplan-aldres-halsa-lovsala-2026-2027.pdf || { echo "lovsala tagged failed"; rc=1; }
"$SAMLA" eval -q -M soft corpus/gold "$tmp/lv-tag" -m activities=0.9 -m activities.area=0.8 -m activities.indicators=0.9 \
  2>/dev/null || { echo "lovsala lo-tagged below floor"; rc=1; }
exit $rc
