#!/usr/bin/env bash
# generated_genheads: the headings of a generated render (corpus/generated/genheads) against the structure file
# its source put in. lo gen-1701-s001-plan1: goals as small bold lines (11.5 pt over a 12 pt body) over dash
# lists; no two paragraphs in a row gave a paragraph gap, so no heading was read by its spacing
# (PDF-HEAD-GAP-ITEMS). Before (main 52b14a4): headings 0.667, paragraphs 0.400 (the six goal lines paragraphs).
set -u
fail=0
d=corpus/generated/genheads
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }

"$SAMLA" compare -q --min-each headings=1 --min-each paragraphs=1 -R "$d/lo" "$d/lo/gen-1701-s001-plan1.pdf" \
  >/dev/null 2>"$tmp/e"
rc=$?
check '[ $rc = 0 ]' "lo plan headings: $(cat "$tmp/e")"
"$SAMLA" dump -q "$d/lo/gen-1701-s001-plan1.pdf" >"$tmp/plan.yaml" 2>/dev/null
check 'grep -B1 "text: Krisberedskapen är gemensamt planerad" "$tmp/plan.yaml" | grep -q "level: 3"' \
  "lo plan: the goal Krisberedskapen är gemensamt planerad is not a level-3 heading"
check 'grep -B1 "text: Fler invånare är fysiskt aktiva i vardagen" "$tmp/plan.yaml" | grep -q "level: 3"' \
  "lo plan: the goal Fler invånare är fysiskt aktiva i vardagen is not a level-3 heading"
exit $fail
