#!/bin/sh
# generated_s18columns: strategies of generated seed 5201 set in two text columns (layout `columns`) as pdfTeX and
# WeasyPrint render them (corpus/generated/s18columns, README.md there), scored against the generator's gold
# (session 18, helper s18-columns). A right column's focus line stands at the column's edge, its bullets an indent
# in: the gutter band ends at the focus line's start (PDF-LINE-GUTTER-LINE-START), not at the bullets.
# Before (main 6d9288b), strict goals [code+kind+title+parent] F1 0.43 (20 of 32 titles); with the rule 0.97.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/s18columns
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/generated_gold.sh"
generated_gold_check generated_s18columns "$P/gold" "$tmp" 5201:40 || exit 1
"$SAMLA" run -q strategy -o "$tmp/out" "$P"/pdf/*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -M strict -m 'goals[code+kind+title+parent].f1.strict=0.96' \
  "$P/gold" "$tmp/out" >/dev/null || { "$SAMLA" eval -v -M strict "$P/gold" "$tmp/out" >&2; exit 1; }
# the right column's focus areas with their delmål, as the model writes them
o=$tmp/out
for f in gen-5201-s003-strategi-weasyprint gen-5201-s003-strategi-pdftex; do
  grep -q '^  title: Goda levnadsvanor$' "$o/$f.pdf.yaml" &&
    grep -q '^  title: Fler invånare är fysiskt aktiva i vardagen$' "$o/$f.pdf.yaml" &&
    grep -q '^  title: Vuxna med psykisk ohälsa får samordnat stöd$' "$o/$f.pdf.yaml" || {
    echo "generated_s18columns: a focus area or delmål of $f is missing" >&2; exit 1; }
done
grep -q '^  title: Sammanhållen vård och omsorg$' "$o/gen-5201-s004-strategi-pdftex.pdf.yaml" &&
  grep -q '^  title: Huvudmännen rekryterar och behåller personal tillsammans$' \
    "$o/gen-5201-s004-strategi-pdftex.pdf.yaml" || {
  echo "generated_s18columns: a focus area or delmål of gen-5201-s004-strategi-pdftex is missing" >&2; exit 1; }
exit 0
