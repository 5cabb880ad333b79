#!/usr/bin/env bash
# compare.sh: the `samla compare` contract on hand-made models (tests/data/compare:
# a heading level, a list nesting and a cell column wrong, a hyphenated paragraph
# that still matches, two paragraphs swapped, the running header in the body),
# its exit statuses and reports, and one farm render against its structure file.
set -u
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
d=tests/data/compare

"$SAMLA" compare "$d/ref.yaml" "$d/ref.yaml" >"$tmp/t" 2>"$tmp/e"
check '[ $? = 0 ]' "a model against itself exits 0"
check '[ $(grep -Ec "^(headings|list_items|table_cells|paragraphs|label_values) .* 1\.000 +1\.000 +1\.000$" "$tmp/t") = 5 ]' \
  "a model against itself agrees fully: $(cat "$tmp/t")"
check 'grep -q "^furniture  *0 " "$tmp/t"' "no furniture against itself"

"$SAMLA" compare -f json "$d/ref.yaml" "$d/cand.yaml" >"$tmp/j" 2>"$tmp/e"
check '[ $? = 0 ]' "no minimum: exit 0"
check '"$PY" -c "
import json,sys
d=json.load(open(sys.argv[1]))
k=d[\"kinds\"]
c=lambda n: (k[n][\"reference\"],k[n][\"candidate\"],k[n][\"matched\"],k[n][\"correct\"])
assert c(\"headings\")==(3,3,3,2), c(\"headings\")
assert c(\"list_items\")==(2,2,2,1), c(\"list_items\")
assert c(\"table_cells\")==(4,3,3,2), c(\"table_cells\")
assert c(\"paragraphs\")==(4,5,4,4), c(\"paragraphs\")
assert c(\"label_values\")==(1,1,1,1), c(\"label_values\")
assert abs(k[\"table_cells\"][\"f1\"]-0.5714)<1e-4
assert k[\"headings\"][\"text_f1\"]==1.0 and abs(k[\"table_cells\"][\"text_f1\"]-0.8571)<1e-4
assert d[\"reading_order\"][\"in_order\"]==3 and d[\"reading_order\"][\"matched\"]==4
assert d[\"furniture_in_body\"]==1 and d[\"pairs\"]==1
" "$tmp/j"' "counts per kind, reading order, furniture: $(cat "$tmp/j")"

"$SAMLA" compare -d "$d/ref.yaml" "$d/cand.yaml" >/dev/null 2>"$tmp/e"
check 'grep -q "headings wrong .*§ 2 Budget" "$tmp/e"' "details name the wrong heading level"
check 'grep -q "table_cells missing .*120" "$tmp/e"' "details name the missing cell"

"$SAMLA" compare -q --min headings=0.6 --min reading_order=0.9 --min-each list_items=0.6 -F 0 \
  "$d/ref.yaml" "$d/cand.yaml" >/dev/null 2>"$tmp/e"
rc=$?
check '[ $rc = 1 ]' "minimums not met exit 1 (got $rc)"
check '[ $(wc -l < "$tmp/e") = 3 ]' "one line per failing minimum: $(cat "$tmp/e")"
check 'grep -q "below minimum: reading_order=0.9 (0.7500)" "$tmp/e"' "failing line names spec and value"
check 'grep -q "1 running header/footer blocks in the body (at most 0)" "$tmp/e"' "furniture maximum"

# usage errors exit 2
"$SAMLA" compare "$d/ref.yaml" >/dev/null 2>&1; check '[ $? = 2 ]' "one input exits 2"
"$SAMLA" compare --min headings.nope=1 "$d/ref.yaml" "$d/cand.yaml" >/dev/null 2>&1; check '[ $? = 2 ]' "bad spec exits 2"
"$SAMLA" compare -R "$d/nope" "$d/cand.yaml" >/dev/null 2>"$tmp/e"; check '[ $? = 2 ]' "missing -R folder exits 2"
"$SAMLA" compare --help | grep -q "table_cells" ; check '[ $? = 0 ]' "--help lists the kinds"
# an unreadable input: one line, exit 1
printf 'content: [unclosed\n' > "$tmp/bad.yaml"
"$SAMLA" compare "$d/ref.yaml" "$tmp/bad.yaml" >/dev/null 2>"$tmp/e"
check '[ $? = 1 ]' "malformed model exits 1"
check 'grep -q "bad.yaml" "$tmp/e"' "malformed model named"

# -R without a reference: one line naming what was looked for, nothing printed, exit 1
"$SAMLA" compare -R "$d" "$tmp/bad.yaml" >"$tmp/t" 2>"$tmp/e"
check '[ $? = 1 ]' "no reference exits 1"
check 'grep -q "bad.yaml: no reference $d/bad\.{yaml" "$tmp/e"' "no reference named: $(cat "$tmp/e")"
check '[ ! -s "$tmp/t" ]' "no report when nothing was compared"

# a real render: a document read with the dump pipeline against its farm structure
f=corpus/farm/lo/protokoll-samrad-2024-05-03
"$SAMLA" compare -q -f json "$f.yaml" "$f.pdf" >"$tmp/j"
check '"$PY" -c "
import json,sys
d=json.load(open(sys.argv[1]))
k=d[\"kinds\"]
assert k[\"headings\"][\"f1\"]==1.0, k[\"headings\"]
assert k[\"list_items\"][\"f1\"]>=0.9, k[\"list_items\"]
assert k[\"paragraphs\"][\"recall\"]>=0.85, k[\"paragraphs\"]
" "$tmp/j"' "farm render of protokoll-samrad against its structure: $(head -c 600 "$tmp/j")"
# -R pairs a PDF with its DOCX twin when the folder holds documents
"$SAMLA" compare -q -f json -v -R corpus/docx corpus/pdf/protokoll-samrad-2024-05-03.pdf >"$tmp/j"
check '"$PY" -c "
import json,sys
d=json.load(open(sys.argv[1]))
p=d[\"per_pair\"][0]
assert d[\"pairs\"]==1 and p[\"reference\"].endswith(\"corpus/docx/protokoll-samrad-2024-05-03.docx\"), p[\"reference\"]
assert d[\"kinds\"][\"list_items\"][\"f1\"]>=0.9, d[\"kinds\"][\"list_items\"]
" "$tmp/j"' "-R pairs the PDF with its DOCX: $(head -c 400 "$tmp/j")"
exit $fail
