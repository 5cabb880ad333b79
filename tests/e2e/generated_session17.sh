#!/bin/sh
# generated_session17: four pdfTeX protocols and a groff one of generated seed 151, a pdfTeX one of seed 47 (corpus/generated/session17, README.md there),
# scored against the generator's gold (docs/eval.md, "Generated protocols across producers, session 17"):
# 1. Each gold is what the generator makes for seed 151 (20 protocols, no plans).
# 2. gen-151-p008-kf: Latin Modern italic kerns *ll* 0.077 em apart; the first *l* of *Kommunfullmäktiges beslut*
#    was taken for another glyph read as *l* (P-GARBLED-WIDE) and both pages went to OCR (P-GARBLED-WIDE-DOUBLE).
#    Before (main 31ce8e9): agenda 4 of 7, votes 11 of 22, signatures 2 of 4.
# 3. gen-151-p013-fi: narrow justified columns stretch *123§ Fastställande av* past a table's gap; the right column
#    failed the one-column test and page 1 was read across the gutter (PDF-LINE-GUTTER-JUSTIFIED). Before: agenda
#    6 of 10, attendees 13 of 16.
# 4. gen-151-p003-utskott: *MBN § 2* left at the left column's foot, level with the right column's last line, was
#    taken for a two-part footer (PDF-FURN-ITEM-CODE); *Förvaltningens förslag till beslut* set in
#    NimbusSanL-ReguItal was not italic (PDF-FONT-URW-ITAL). Before: decisions 2 of 6.
# 5. gen-151-p011-utskott: the heading *§ 1 Val av justerare* under two attendance columns, at the left column's
#    pitch by chance, was read as that column's last line, before the right column (PDF-LINE-GUTTER-BALANCED-SIZE).
#    Before: 8 of 9 attendees (Johan Yilmaz lost), item 1's decision without its item.
# 6. gen-151-p003-utskott (every producer): item 5's decision *Plan- och byggutskottet tackar för informationen.*
#    ends the item's summary, under no decision heading (P-DEC-INFO-AFTER-BACKGROUND). Before: not read.
# 7. groff gen-151-p010-namnd: a voting list ends in *Summa*; *Reservationer* and the sentence under it, beside
#    which a later column's boundary runs on, were rows of the list (PDF-TABLE-SPAN-TAIL). Before: reservations
#    of items 134 and 137 lost (votes 15 of 17).
# 8. pdfTeX gen-47-p019-utskott (seed 47): two short attendance columns of multicol, the right set half a line lower;
#    a ragged left line reaching into the gutter band (PDF-LINE-GUTTER-OVERHANG-RUN) and two lines set across
#    (PDF-LINE-GUTTER-ACROSS-SHORT). Before: 3 of 8 attendees.
# 9. Word-style gen-47-p008-kf (seed 47): a three-column front table (*Mötesdatum | Tid för sammanträdet |
#    Sammanträdesplats*) right over a label table of two columns, whose boundary ran up through the front table: one
#    region of two columns, the place lost (PDF-TABLE-STACKED). Before: meeting without its place.
# 10. Word-style gen-151-p005-fi: *Tid och plats: …, 2024-04-18 19.00* wraps *– 21.02* to a line of its own, which
#    was a list item (PDF-MARKER-DASH-RANGE). Before: meeting without its end.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/session17/seed151
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
Q=corpus/generated/session17/seed47
"$PY" corpus/generate/generate.py --seed 151 --protocols 20 --plans 0 --out "$tmp/gen" >/dev/null || exit 1
"$PY" corpus/generate/generate.py --seed 47 --protocols 20 --plans 0 --out "$tmp/gen47" >/dev/null || exit 1
for s in 151 47; do
  d=$P; g=$tmp/gen
  [ $s = 47 ] && d=$Q g=$tmp/gen47
  cut -f1 "$d/manifest.tsv" | sort -u | while read -r stem; do
    cmp -s "$g/gold/$stem.yaml" "$d/gold/$stem.yaml" || {
      echo "generated_session17: $stem differs from the generator's seed-$s gold (re-pick it)" >&2; exit 1; }
  done || exit 1
done
"$SAMLA" run -q protocol -o "$tmp/out" "$P"/pdftex/*.pdf "$P"/groff/*.pdf "$P"/word/*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -m 'agenda[number+title]=1' -m 'votes[item+kind]=1' -m 'attendees[name+status+party+roles]=1' \
  -m 'signatures[name+role]=1' -m 'meeting[date+start+end+place]=1' -m 'decisions[item+status+clauses]=1' \
  "$P/gold" "$tmp/out" >/dev/null 2>&1 || {
  "$SAMLA" eval -v -M soft "$P/gold" "$tmp/out" >&2; echo "generated_session17: below its floors" >&2; exit 1; }
# the content itself, as the model writes it
grep -q 'read_from: ocr' "$tmp/out/gen-151-p008-kf.pdf.yaml" && {
  echo "generated_session17: gen-151-p008-kf's pages were read by OCR (italic ll taken for a broken map)" >&2; exit 1; }
grep -q '^- number: "123"$' "$tmp/out/gen-151-p013-fi.pdf.yaml" || {
  echo "generated_session17: gen-151-p013-fi's item 123 (right column of page 1) is missing" >&2; exit 1; }
grep -q '^- name: Johan Yilmaz$' "$tmp/out/gen-151-p011-utskott.pdf.yaml" || {
  echo "generated_session17: gen-151-p011-utskott's Johan Yilmaz (top of the right column) is missing" >&2; exit 1; }
awk '/^decisions:/ { on = 1; next } /^[a-z]/ { on = 0 } on && /^- item: "3"$/ { found = 1 } END { exit !found }' \
  "$tmp/out/gen-151-p003-utskott.pdf.yaml" || {
  echo "generated_session17: gen-151-p003-utskott's item 3 proposal (under an italic label) is missing" >&2; exit 1; }
awk '/^agenda:/ { on = 1; next } /^[a-z]/ { on = 0 } on && /^- number: "2"$/ { found = 1 } END { exit !found }' \
  "$tmp/out/gen-151-p003-utskott.pdf.yaml" || {
  echo "generated_session17: gen-151-p003-utskott's item 2 (marker at the column's foot) is missing" >&2; exit 1; }
awk '/^decisions:/ { on = 1; next } /^[a-z]/ { on = 0 } on && /^- item: "5"$/ { found = 1 } END { exit !found }' \
  "$tmp/out/gen-151-p003-utskott.pdf.yaml" || {
  echo "generated_session17: gen-151-p003-utskott's item 5 (tackar för informationen) is missing" >&2; exit 1; }
grep -q '^  - name: Tove Sundberg$' "$tmp/out/gen-151-p010-namnd.pdf.yaml" || {
  echo "generated_session17: groff gen-151-p010-namnd's reservation by Tove Sundberg is missing" >&2; exit 1; }
"$SAMLA" run -q protocol -o "$tmp/out47" "$Q"/pdftex/*.pdf "$Q"/word/*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -m 'attendees[name+status+party+roles]=1' -m 'meeting[date+start+end+place]=1' "$Q/gold" "$tmp/out47" \
  >/dev/null 2>&1 || {
  "$SAMLA" eval -v -M soft "$Q/gold" "$tmp/out47" >&2; echo "generated_session17: seed 47 below its floors" >&2; exit 1; }
grep -q '^- name: Tomas Sjöberg$' "$tmp/out47/gen-47-p019-utskott.pdf.yaml" || {
  echo "generated_session17: pdfTeX gen-47-p019-utskott's right attendance column is not read" >&2; exit 1; }
grep -q '^  place: Biblioteket$' "$tmp/out47/gen-47-p008-kf.pdf.yaml" || {
  echo "generated_session17: Word-style gen-47-p008-kf's meeting place (front table's third column) is missing" >&2; exit 1; }
grep -q '^  end: "21:02"$' "$tmp/out/gen-151-p005-fi.pdf.yaml" || {
  echo "generated_session17: Word-style gen-151-p005-fi's meeting end (a wrapped '– 21.02') is missing" >&2; exit 1; }
