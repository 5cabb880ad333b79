#!/bin/sh
# generated_producers: protocols of the generated set (seed 1) as other PDF producers render them
# (corpus/generated/producers, README.md there), each scored against the generator's gold. They hold the
# front-page and signature conventions of session 8 (docs/eval.md, "Generated set across producers, session 8"):
# 1. Each gold is what the generator makes for seed 1 (40 protocols, 20 plans and strategies hold them).
# 2. The meeting (date, start, end, place) of each is read whole: a Word-style PDF whose borderless label/value
#    table the reader joins into one row, labels and values stacked (P-FRONT-STACKED-LABELS) and values of two
#    rows run together (P-FRONT-STACKED-JOINED: "Rådhuset, den 24 januari 2024 08.00 - 11.18 Frida Korhonen (V)");
#    a label over its value in one cell (P-FRONT-LABEL-OVER-VALUE: "Klockslag" over "klockan 14.15–15.46"; groff's
#    "Datum" over "2023-08-07"). Before (main e996184): the meeting whole in 1 of the 4 (group F1 0.25).
# 3. A tagged Chromium PDF whose signature table has the dotted lines under the roles (PDF-TAG-KEYLESS-COLUMN,
#    P-SIG-PAPER): the three signers with their roles. Before: none of them (signatures F1 0.86 over the four).
# 4. A groff strategy whose page repeats *Delmål* and *Fokusområde* in its bold headings (å five times its share in
#    that font, every one of its words a word): the text layer is sound (P-GARBLED-LETTERS needs non-words in the
#    font), so the page is read from its text, not by OCR, and its 14 goals come out whole with their parents.
#    Before (main aaaef87): page 2 OCR'd, the bullets read as «, 5 of 14 goals (goals F1 0.53).
# 5. A groff plan whose activity table has a narrow first column: its group rows run on past the second column's
#    start (PDF-TABLE-SPANNING-LINE) and its justified narrow cells stretch their word spaces (*Kultur-       och*,
#    PDF-CELL-JUSTIFIED): the 14 activities whole with their area and responsible. Before (main aaaef87): the first
#    two columns read as one, cells split at the stretched spaces (activities F1 0.21, 42 read for 14).
# 6. A Word-style strategy whose focus areas and delmål stand in a two-column table, the delmål a bulleted list in
#    their cell: the gap after each bullet is no column (PDF-TABLE-MARKER-GAP) and the header *Målområde | Mål*,
#    whose *Mål* starts left of the bullets it names, is the table's header row (PDF-TABLE-HEADER-INDENT): its 9
#    goals whole. Before (main aaaef87): three columns, the header a paragraph, no goal.
# 7. A pdfTeX protocol whose front-page label wraps beside its value (*Sammanträdesplats och* | *Församlingshemmet,
#    2023-01-09 kl. 18.00–19.19* over *tid*): a one-row label/value table (PDF-LINE-WRAPPED-LABEL), the meeting
#    whole. Before (main aaaef87): one line ending *… 18.00–19.19 tid*, no date, time or place.
# 8. A pdfTeX protocol whose front page is an indented label/value table of one-word labels and lower-case values
#    (*Tid* | *klockan 18.15–19.49*): not two text columns, one row a line (PDF-TABLE-LABEL-LINES), the meeting
#    whole. Before (main aaaef87): labels then values as two paragraphs, no meeting field.
# 9. Plans (helper s10-plan): a groff plan whose bullets lost their glyph (groff's font lacks *▪*): plain lines
#    under bold delmål lines are the activities (PL-ACTIVITY-BARE-LINES; before, main 81591be: none of 15); a
#    Word-style PDF whose heading naming activities carries its typed number (*1 Insatser*,
#    PL-ACTIVITY-NUMBERED-LABEL; before: none of 15). Both whole with area and responsible.
# 10. Plans (helper s13-plans): a pdfTeX activity table whose header cells carry hints in brackets (*Uppföljning
#    (hur följs det upp)* over two lines) is read with its header row (PDF-TABLE-HEADER-HINT), so its activity
#    column is no one centred cell (before, main f056971: none of 11); a pdfTeX plan whose delmål headings come out
#    as bold body text over a bold *Planerade aktiviteter* label (PL-ACTIVITY-LABEL-BOLD-AREA; before: area 0 of
#    11); a WeasyPrint plan whose *Aktiviteter per delmål* and focus-area headings are bold lines over *1.1 …*
#    headings (PL-ACTIVITY-CONTAINER-LINE-BOLD; before: area 0 of 12, the code dropped); a pdfTeX plan whose
#    overfull responsible cells are printed into the next column (*Äldreomsorgen* over *Genomförd*): its page is
#    sound, read from the text layer, not by OCR (P-GARBLED-OVERPRINT), its 14 activities whole with their area.
# 11. Plans (helper s15-plans): that pdfTeX plan's header set to its foot (*Nr i*, *Ansvarig* over *strategin
#    Aktiviteter verksamhet Uppföljning När*) names the follow-up column by its second line (PDF-TABLE-HEADER-FOOT),
#    its overfull responsible cells no longer hide it (PDF-TABLE-HEADER-OVERFULL-LONE, PDF-TABLE-GLUED-OVERFULL):
#    the 14 responsible whole (before, main b50f994: none of 14, each run into the follow-up text); a groff
#    strategy whose focus areas and delmål are uncoded headings of one look, under a bold *Målområden* line
#    (PL-GOAL-FLAT-HEADINGS): its 8 goals with their parents (before: none).
# 12. groff `.2C` protocols (helper s15-groff): a front page whose label/value table in the left column stands beside
#    the first items in the right on one line pitch (PDF-LINE-GUTTER-EVEN-TABLE), and justified `§ N Dnr … — title`
#    headings in the columns (PDF-MARKER-SPACED-JUSTIFIED, PDF-PARA-LOWER-GAP-SIZE): agenda and votes whole, one
#    decision of p026 still lost (decisions F1 0.9 or more). Before (main b50f994): 8 agenda items, 6 decisions,
#    7 votes lost.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/producers
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$PY" corpus/generate/generate.py --seed 1 --protocols 40 --plans 20 --out "$tmp/gen" >/dev/null || exit 1
while IFS=$(printf '\t') read -r stem _; do
  cmp -s "$tmp/gen/gold/$stem.yaml" "$P/gold/$stem.yaml" || {
    echo "generated_producers: $stem differs from the generator's seed-1 gold (re-pick it)" >&2; exit 1; }
done < "$P/manifest.tsv"
"$SAMLA" run -q protocol -o "$tmp/out" "$P"/pdf/gen-1-p*.pdf 2>/dev/null || exit 1
# 11: the groff .2C protocols are scored on their items (agenda, decisions, votes) on their own
mkdir -p "$tmp/groff2c" || exit 1
mv "$tmp/out/gen-1-p021-fi.pdf.yaml" "$tmp/out/gen-1-p026-namnd.pdf.yaml" "$tmp/groff2c/" || exit 1
"$SAMLA" eval -q -m 'agenda[number+title]=1' -m 'decisions[item+status+clauses]=0.9' -m 'votes[item+kind]=1' \
  "$P/gold" "$tmp/groff2c" >/dev/null || { "$SAMLA" eval -v -M soft "$P/gold" "$tmp/groff2c" >&2; exit 1; }
"$SAMLA" eval -q -m 'meeting[date+start+end+place]=1' -m 'signatures[name+role]=1' "$P/gold" "$tmp/out" >/dev/null || {
  "$SAMLA" eval -v -M soft "$P/gold" "$tmp/out" >&2; exit 1; }
"$SAMLA" run -q strategy -o "$tmp/strat" "$P"/pdf/gen-1-s*-strategi.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -m 'goals[code+kind+title+parent]=1' "$P/gold" "$tmp/strat" >/dev/null || {
  "$SAMLA" eval -v -M soft "$P/gold" "$tmp/strat" >&2; exit 1; }
"$SAMLA" run -q plan -o "$tmp/plan" "$P"/pdf/gen-1-s*-plan*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -m 'activities[text+area+responsible]=1' "$P/gold" "$tmp/plan" >/dev/null 2>&1 || {
  "$SAMLA" eval -v -M soft "$P/gold" "$tmp/plan" >&2; exit 1; }
! grep -q 'garbled text layer' "$tmp/plan/gen-1-s000-plan2.pdf.yaml" || {
  echo "generated_producers: the pdfTeX plan's overprinted cells made its sound page garbled" >&2; exit 1; }
# the content itself: an activity under its goal line (pdfTeX's third-level heading set as bold body text,
# 11), and under a heading whose code the bold container line keeps (WeasyPrint, 12)
grep -q '^  area: Invånarna är delaktiga i utvecklingen av välfärden$' "$tmp/plan/gen-1-s001-plan2.pdf.yaml" &&
  grep -q '^  area: 2.2 Invånarna är delaktiga i utvecklingen av välfärden$' "$tmp/plan/gen-1-s004-plan1.pdf.yaml" &&
  grep -q '^  text: Ta fram en enkät till anhöriga$' "$tmp/plan/gen-1-s001-plan1.pdf.yaml" || {
  echo "generated_producers: a plan's activity or its area is missing" >&2; exit 1; }
grep -q '^  responsible: Kultur- och fritidsförvaltningen$' "$tmp/plan/gen-1-s005-plan2.pdf.yaml" || {
  echo "generated_producers: the groff plan's justified responsible cell is not read whole" >&2; exit 1; }
grep -q '^  responsible: Kultur- och fritidsförvaltningen$' "$tmp/plan/gen-1-s000-plan2.pdf.yaml" || {
  echo "generated_producers: the pdfTeX plan's overfull responsible cell is not read whole" >&2; exit 1; }
grep -q '^  title: Suicidpreventivt arbete bedrivs i samverkan$' "$tmp/strat/gen-1-s001-strategi.pdf.yaml" || {
  echo "generated_producers: the groff strategy's delmål heading is missing" >&2; exit 1; }
! grep -q 'garbled text layer' "$tmp/strat/gen-1-s000-strategi.pdf.yaml" || {
  echo "generated_producers: the groff strategy's sound page was judged garbled" >&2; exit 1; }
# the content itself, as the model writes it
grep -q '^  place: Rådhuset$' "$tmp/out/gen-1-p009-ks.pdf.yaml" &&
  grep -q '^  start: "08:00"$' "$tmp/out/gen-1-p009-ks.pdf.yaml" &&
  grep -q '^  start: "14:15"$' "$tmp/out/gen-1-p017-ks.pdf.yaml" &&
  grep -q '^  date: "2023-08-07"$' "$tmp/out/gen-1-p011-utskott.pdf.yaml" &&
  grep -q '^  place: Församlingshemmet$' "$tmp/out/gen-1-p007-arsmote.pdf.yaml" &&
  grep -q '^  place: ordförandens bostad$' "$tmp/out/gen-1-p038-styrelse.pdf.yaml" || {
  echo "generated_producers: a meeting field is missing" >&2; exit 1; }
[ "$(grep -c '^  role: adjuster$' "$tmp/out/gen-1-p001-ks.pdf.yaml")" -ge 1 ] || {
  echo "generated_producers: the adjuster's signature of the Chromium PDF is missing" >&2; exit 1; }
