#!/bin/sh
# generated_session16: protocols of generated seeds 1 and 47 as groff, pdfTeX and the Word-style producer render
# them (corpus/generated/session16, README.md there), scored against the generator's gold (docs/eval.md, "Generated
# protocols across producers, session 16"):
# 1. Each gold is what the generator makes for its seed (seed 1: 40 protocols, 20 plans; seed 47: 20 protocols).
# 2. groff gen-1-p009-ks: a signature table whose third column's rule runs past the page's edge; poppler's page
#    text ended inside that block and lost the name under the rule (PDF-TEXT-PAST-EDGE). Before (main b2676d5):
#    2 of 3 signers. These two seed-1 renders are from before the farm cut typed rules to their cells' width
#    (FARM-RULES-FIT, session 16 s16-proto2): they keep the overflow the reader rules were made for.
# 3. pdfTeX gen-1-p009-ks: the three rules, each wider than its column, overlap into one run the reader keeps as
#    one cell over the columns (P-SIG-RULES-ONE-CELL); pdfTeX gen-1-p002-namnd: the role row is a table row, the
#    joined rule and the names line paragraphs under it (P-SIG-ROLE-ROW-CELLS). Before: 1 of 6 signers.
# 4. groff gen-47-p016-kf: no running header on page 1, the front page's date, time and place each under a label
#    of its own (P-FRONT-LABEL-TRIO): a protocol. Before: not taken for a protocol (no meeting, attendees or
#    signatures). Rendered again since groff draws č (FARM-GROFF-CARON): Kovačević in attendees, motions,
#    reservations and the vote (before: printed Kovaević, attendees 0.96).
# 5. pdfTeX and Word-style gen-47-p009-ks: an attendance table set without row spacing, lower-case party letters
#    (PDF-TABLE-CODE-COLUMN) and names filling a narrow first column (PDF-TABLE-NAME-LINES): a row a member.
#    Before: 0 and 2 of 15 attendees.
# 6. groff gen-1-p015-arsmote: a four-column signature table of underscored rules, cut to the cells' width by
#    the farm (FARM-RULES-FIT): the fourth signer stands inside the page. Before (rules 31 underscores wide):
#    3 of 4 signers, the last past the page's edge.
# 7. WeasyPrint gen-47-p016-kf: the last item's marker, *Paragraf 139*, the first line under page 5's running
#    header, has the shape of a header's second line (a word and a number) and was dropped with it; an item marker
#    is no header tail (P-HEADER-TAIL-NOT-ITEM). Before: 6 of 7 agenda items, item 138 holding 139's decision.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/session16
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$PY" corpus/generate/generate.py --seed 1 --protocols 40 --plans 20 --out "$tmp/gen1" >/dev/null || exit 1
"$PY" corpus/generate/generate.py --seed 47 --protocols 20 --plans 0 --out "$tmp/gen47" >/dev/null || exit 1
for s in 1 47; do
  cut -f1 "$P/seed$s/manifest.tsv" | sort -u | while read -r stem; do
    cmp -s "$tmp/gen$s/gold/$stem.yaml" "$P/seed$s/gold/$stem.yaml" || {
      echo "generated_session16: $stem differs from the generator's seed-$s gold (re-pick it)" >&2; exit 1; }
  done || exit 1
done
# each producer on its own: the stems repeat across producers
for d in seed1/groff seed1/pdftex seed47/groff seed47/pdftex seed47/word seed47/weasyprint; do
  "$SAMLA" run -q protocol -o "$tmp/$d" "$P/$d"/*.pdf 2>/dev/null || exit 1
done
for d in seed1/groff seed1/pdftex; do
  "$SAMLA" eval -q -m 'signatures[name+role]=1' -m 'meeting[date+start+end+place]=1' "$P/${d%/*}/gold" "$tmp/$d" \
    >/dev/null 2>&1 || {
    "$SAMLA" eval -v -M soft "$P/${d%/*}/gold" "$tmp/$d" >&2; echo "generated_session16: $d below its floors" >&2; exit 1; }
done
for d in seed47/groff:1 seed47/pdftex:1 seed47/word:1 seed47/weasyprint:1; do
  "$SAMLA" eval -q -m 'signatures[name+role]=1' -m 'meeting[date+start+end+place]=1' \
    -m "attendees[name+status+party+roles]=${d#*:}" "$P/seed47/gold" "$tmp/${d%:*}" >/dev/null 2>&1 || {
    "$SAMLA" eval -v -M soft "$P/seed47/gold" "$tmp/${d%:*}" >&2; echo "generated_session16: ${d%:*} below its floors" >&2
    exit 1; }
done
# the content itself, as the model writes it
signers() { awk '/^signatures:/ { on = 1; next } /^[a-z]/ { on = 0 } on && /^- name:/ { sub(/^- name: /, ""); print }' "$1"; }
signers "$tmp/seed1/groff/gen-1-p009-ks.pdf.yaml" | grep -q '^Frida Korhonen$' || {
  echo "generated_session16: groff gen-1-p009-ks's third signer under the rule past the page's edge is missing" >&2; exit 1; }
grep -q '^- name: Britt-Marie Danielsson$' "$tmp/seed1/pdftex/gen-1-p002-namnd.pdf.yaml" || {
  echo "generated_session16: pdfTeX gen-1-p002-namnd's chair is missing" >&2; exit 1; }
grep -q '^  place: Kommunkontoret, sal 2$' "$tmp/seed47/groff/gen-47-p016-kf.pdf.yaml" || {
  echo "generated_session16: groff gen-47-p016-kf is not read as a protocol (no meeting place)" >&2; exit 1; }
grep -q '^- name: Kovačević Klara$' "$tmp/seed47/groff/gen-47-p016-kf.pdf.yaml" || {
  echo "generated_session16: groff gen-47-p016-kf's Klara Kovačević is missing (č not drawn)" >&2; exit 1; }
signers "$tmp/seed1/groff/gen-1-p015-arsmote.pdf.yaml" | grep -q '^Helena Karlsson$' || {
  echo "generated_session16: groff gen-1-p015-arsmote's fourth signer is missing (the table wider than the page)" >&2
  exit 1; }
grep -q '^- number: "139"$' "$tmp/seed47/weasyprint/gen-47-p016-kf.pdf.yaml" || {
  echo "generated_session16: WeasyPrint gen-47-p016-kf's item 139 at the top of page 5 is missing" >&2; exit 1; }
for p in pdftex word; do
  grep -q '^- name: Kvist Ingrid$\|^- name: Ingrid Kvist$' "$tmp/seed47/$p/gen-47-p009-ks.pdf.yaml" || {
    echo "generated_session16: $p gen-47-p009-ks's attendance table is not read a row a member" >&2; exit 1; }
done
