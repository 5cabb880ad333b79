#!/bin/sh
# generated_eval: the committed slice of the generated set (corpus/generated: the first 12 protocols
# and 16 plans/strategies of the fixed seed-1 set of bench/generated.sh, rendered as DOCX and PDF by
# LibreOffice) run through samla and scored against the generator's gold.
# 1. The slice is what the generator makes: regenerating seed 1 (12 + 6) gives the committed sources
#    and gold byte for byte (re-render with corpus/generate/render_set.py after changing the generator).
# 2. Floors: each section group's soft F1 (DOCX and PDF together) may not fall below what samla reached
#    when the slice was committed (first contact, before any tuning on generated documents, minus 0.02).
#    The target of issue 12 is 0.95 for every one of them; raise a floor whenever a fix lifts it. The
#    gold lists the order of propositions, protokollsanteckningar and särskilda yttranden as votes of
#    their kinds (propositions, note, statement), so every kind samla writes is scored. Signatures 1 (session 8:
#    0.987 before the association's *Pia Engström, mötesordförande* signer read as the chair, P-SIG-PAPER).
set -u
PY=${PY:-/usr/bin/python3}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$PY" corpus/generate/generate.py --seed 1 --protocols 12 --plans 16 --out "$tmp/gen" >/dev/null || exit 1
for d in src gold; do
  diff -r "$tmp/gen/$d" "corpus/generated/$d" >/dev/null || {
    echo "generated_eval: corpus/generated/$d differs from the generator's seed-1 output (regenerate the slice)" >&2
    exit 1; }
done
cmp -s "$tmp/gen/manifest.tsv" corpus/generated/manifest.tsv || { echo "generated_eval: manifest differs" >&2; exit 1; }
mkdir -p "$tmp/out"
for pipeline in protocol plan strategy; do
  files=$(awk -F'\t' -v p="$pipeline" '$4 == p { print "corpus/generated/docx/" $1 ".docx"; print "corpus/generated/pdf/" $1 ".pdf" }' \
          corpus/generated/manifest.tsv)
  # shellcheck disable=SC2086 # stems have no spaces
  "$SAMLA" run -q "$pipeline" -o "$tmp/out" $files 2>/dev/null || exit 1
done
"$SAMLA" eval -q \
  -m 'attendees[name+status+party+roles]=0.98' \
  -m 'agenda[number+title]=0.72' \
  -m 'decisions[item+status+clauses]=0.94' \
  -m 'votes[item+kind]=0.96' \
  -m 'meeting[date+start+end+place]=0.98' \
  -m 'signatures[name+role]=1' \
  -m 'goals[code+kind+title+parent]=0.98' \
  -m 'activities[text]=0.98' \
  -m 'activities[text+area]=0.98' \
  corpus/generated/gold "$tmp/out" >/dev/null || exit 1
# 3. Links: each generated plan through `samla coverage` against its group's strategy (same format), scored
#    against the generator's gold links (gold/links/<plan>--<strategy>.yaml: each activity to the delmål it
#    was drawn under). First contact (before the marked-code rule) P 0.81 / R 0.70 / F1 0.75 (DOCX 0.83, PDF 0.66);
#    floors = today's scores − 0.02 (docs/eval.md, "Links"; round `plans`: 1.00 / 1.00, goals 1.00, activities
#    with their area 1.00, both formats).
mkdir -p "$tmp/links"
for fmt in docx pdf; do
  for strategy in $(awk -F'\t' '$2 == "strategy" { print $1 }' corpus/generated/manifest.tsv); do
    group=${strategy%-strategi}
    plans=$(awk -F'\t' -v g="$group-plan" -v f=$fmt 'index($1, g) == 1 { print "corpus/generated/" f "/" $1 "." f }' \
            corpus/generated/manifest.tsv)
    [ -n "$plans" ] || continue
    # shellcheck disable=SC2086 # stems have no spaces
    "$SAMLA" coverage -q --strategy "corpus/generated/$fmt/$strategy.$fmt" -o "$tmp/cov-$fmt-$group" $plans >/dev/null || exit 1
    cp "$tmp/cov-$fmt-$group"/*."$fmt".yaml "$tmp/links/" || exit 1
  done
done
"$SAMLA" eval -q -M soft --min 'links[activity+goal].precision=0.98' --min 'links[activity+goal].recall=0.98' \
  corpus/generated/gold/links "$tmp/links" >/dev/null
