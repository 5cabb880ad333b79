#!/bin/sh
# generated_s18tagged: three generated plans whose activity tables group their rows under a row of one cell across
# the table (seeds 5401 and 5402, layouts table_two_line_group_rows, table_marked_group_rows,
# table_bold_row_group_rows), each as Chromium and tagged LibreOffice render it (corpus/generated/s18tagged,
# README.md there), read through the tags and scored against the generator's gold.
# Before (main 6d9288b), strict: activities F1 0.854, area 0.301 (a group row read as row spans of the cells above
# it: the cell above covered the free positions, the group row an activity). PDF-TAG-GROUP-ROW: 1.000, area 1.000.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/s18tagged
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/generated_gold.sh"
generated_gold_check generated_s18tagged "$P/gold" "$tmp" 5401:20 5402:20 || exit 1
"$SAMLA" run -q plan -o "$tmp/out" "$P"/pdf/*.pdf 2>/dev/null || exit 1
# every activity with its area; responsible but one cut word (*Folkhälsosamor dnaren*, lo-tagged, not joined)
"$SAMLA" eval -q -M strict -m 'activities[text].f1.strict=1' -m 'activities.area.f1.strict=1' \
  -m 'activities.responsible.f1.strict=0.98' \
  "$P/gold" "$tmp/out" >/dev/null || { "$SAMLA" eval -v -M strict "$P/gold" "$tmp/out" >&2; exit 1; }
# the group rows are no activities, and the activities under one have it as their area, on both producers
for p in chromium lo-tagged; do
  o=$tmp/out/gen-5402-s002-plan2-$p.pdf.yaml
  n=$(grep -c '^  text: ' "$o")
  [ "$n" -eq 15 ] || { echo "generated_s18tagged: $p plan2 has $n activities, not 15" >&2; exit 1; }
  n=$(grep -c '^  area: Fler får vård och omsorg i hemmet$' "$o")
  [ "$n" -eq 3 ] || { echo "generated_s18tagged: $p plan2 has $n activities of its second group, not 3" >&2; exit 1; }
done
exit 0
