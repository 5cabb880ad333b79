#!/bin/sh
# generated_s19columns: strategies of generated seeds 5201 and 5202 set in two text columns (layout `columns`) as
# pdfTeX (with Swedish hyphenation) and WeasyPrint render them (corpus/generated/s19columns, README.md there),
# scored against the generator's gold (session 19, helper s19-columns). pdfTeX: the first focus line at the left
# column's top is a bold paragraph like its peers, not a heading (PDF-HEAD-COLUMN-PEERS). WeasyPrint: a title
# overflowing its CSS column over the right column's first line leaves the gutter to the columns
# (PDF-WORD-SIZE-STEP, PDF-LINE-GUTTER-SIZE-SEAM, PDF-LINE-GUTTER-OVERHANG-SIZE).
# Before (main 1d56b56), strict goals [code+kind+title+parent] F1 0.711 (16 of 29 goals); with the rules 1.000.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/s19columns
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/generated_gold.sh"
generated_gold_check generated_s19columns "$P/gold" "$tmp" 5201:40 5202:40 || exit 1
"$SAMLA" run -q strategy -o "$tmp/out" "$P"/pdf/*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -M strict -m 'goals[code+kind+title+parent].f1.strict=1.0' \
  "$P/gold" "$tmp/out" >/dev/null || { "$SAMLA" eval -v -M strict "$P/gold" "$tmp/out" >&2; exit 1; }
o=$tmp/out
# the first focus area's delmål (pdfTeX), the overflowing title's page (WeasyPrint)
grep -q '^  title: Informationsöverföringen mellan huvudmännen är säker$' "$o/gen-5201-s003-strategi-pdftex.pdf.yaml" || {
  echo "generated_s19columns: the first focus area's delmål of gen-5201-s003-strategi-pdftex is missing" >&2; exit 1; }
grep -q '^  title: Delaktighet och inflytande$' "$o/gen-5201-s001-strategi-weasyprint.pdf.yaml" || {
  echo "generated_s19columns: the focus areas of gen-5201-s001-strategi-weasyprint are missing" >&2; exit 1; }
exit 0
