#!/bin/sh
# generated_s18cells: plans of generated seed 5101 (a tuning seed of session 18, helper s18-cells) as the farm's
# groff and pdfTeX producers render them (corpus/generated/s18cells, README.md there), scored against the
# generator's gold. The renders hold the farm's FARM-CELL-LINES (a table cell's two activities a line each, as
# Word and LibreOffice show them; before, groff and pdfTeX ran them into one paragraph, read as one activity) and
# FARM-GROFF-LONG (a table longer than a page runs on; before, tbl dropped it: no activity at all).
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/s18cells
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/generated_gold.sh"
generated_gold_check generated_s18cells "$P/gold" "$tmp" 5101:40 || exit 1
"$SAMLA" run -q plan -o "$tmp/out" "$P"/pdf/*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -M strict -m 'activities[text].f1.strict=1' -m 'activities.area.f1.strict=1' \
  -m 'activities.responsible.f1.strict=1' "$P/gold" "$tmp/out" >/dev/null ||
  { "$SAMLA" eval -v -M strict "$P/gold" "$tmp/out" >&2; exit 1; }
# two activities of one cell, each whole, under the cell's delmål
o=$tmp/out
grep -q '^  text: Ta fram en lokal handlingsplan för suicidprevention$' "$o/gen-5101-s000-plan2-groff.pdf.yaml" &&
  grep -q '^  text: Införa gemensamma rutiner mellan elevhälsa och barn- och ungdomspsykiatri$' \
    "$o/gen-5101-s000-plan2-pdftex.pdf.yaml" &&
  [ "$(grep -c '^  text: ' "$o/gen-5101-s009-plan1-groff.pdf.yaml")" -eq 22 ] || {
  echo "generated_s18cells: an activity is missing or run together" >&2; exit 1; }
exit 0
