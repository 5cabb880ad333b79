#!/bin/sh
# generated_wordfront: seed 1's gen-1-p161-ks as the Word-style producer renders it (corpus/generated/wordfront,
# README.md there), scored against the generator's gold (docs/eval.md, "The fixed set and a fresh seed, session 17"):
# 1. The gold is what the generator makes for seed 1 (200 protocols; the documents are drawn one by one, so the
#    first 161 do not depend on the count).
# 2. The front's "Justerade paragrafer: §§ 30–34", in Word's borderless layout table, comes out of the PDF as the
#    line "§§ 30–34" under its label; a range of items without a title is no joint item when a § heading below
#    carries its first number (P-ITEM-FRONT-RANGE). Before (main 31ce8e9): one agenda item "30–34" holding the
#    whole protocol (agenda, decisions and votes 0 of 5, 5 and 1).
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/wordfront
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$PY" corpus/generate/generate.py --seed 1 --protocols 200 --plans 0 --out "$tmp/gen1" >/dev/null || exit 1
cut -f1 "$P/seed1/manifest.tsv" | sort -u | while read -r stem; do
  cmp -s "$tmp/gen1/gold/$stem.yaml" "$P/seed1/gold/$stem.yaml" || {
    echo "generated_wordfront: $stem differs from the generator's seed-1 gold (re-pick it)" >&2; exit 1; }
done || exit 1
"$SAMLA" run -q protocol -o "$tmp/word" "$P/seed1/word"/*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -m 'agenda[number+title]=1' -m 'decisions[item+status+clauses]=1' -m 'votes[item+kind]=1' \
  "$P/seed1/gold" "$tmp/word" >/dev/null 2>&1 || {
  "$SAMLA" eval -v -M soft "$P/seed1/gold" "$tmp/word" >&2; echo "generated_wordfront: word below its floors" >&2; exit 1; }
f="$tmp/word/gen-1-p161-ks.pdf.yaml"
grep -q '^- number: "30"$' "$f" && grep -q '^- number: "34"$' "$f" || {
  echo "generated_wordfront: Word gen-1-p161-ks's items 30 and 34 are missing" >&2; exit 1; }
if grep -q '^- number: 30–34$\|^- number: "30–34"$' "$f"; then
  echo "generated_wordfront: Word gen-1-p161-ks's front range 30–34 read as an item" >&2; exit 1
fi
