#!/usr/bin/env bash
# eval_basic.sh: the `samla eval` contract: printed scores, --min exit statuses
# (0 / 1 with one line per failing minimum / 2 on usage errors), YAML/JSON
# reports, skipped outputs and gold without output, malformed files.
set -u
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
d=tests/data/eval

# exact match: every score 1.0, exit 0 with a minimum of 1
"$SAMLA" eval --min 'attendees[name+status+party+roles]=1' --min 'meeting[date+start+end+place].strict=1' \
  "$d/exact/gold" "$d/exact/out" >"$tmp/t" 2>"$tmp/e"
rc=$?
check '[ $rc = 0 ]' "exact match exits 0 (got $rc: $(cat "$tmp/e"))"
check 'grep -Eq "^attendees +\(items: 2 gold, 2 out, 1 doc\) +strict +1.000 +1.000 +1.000" "$tmp/t"' "attendees line"
check '! grep -Eq " 0\.[0-9]{3} " "$tmp/t"' "no score below 1"

# protocol case: a missing attendee (recall 2/3), a fuzzy-only signer
"$SAMLA" eval "$d/protocol/gold" "$d/protocol/out" >"$tmp/t" 2>"$tmp/e"
check '[ $? = 0 ]' "no minimum: exit 0"
check 'grep -Eq "^ +soft +1.000 +0.667 +0.800 +2 +0 +1$" "$tmp/t"' "attendees soft recall 2/3"
check 'grep -q "other.pdf.yaml: no gold" "$tmp/e"' "output without gold listed"
check 'grep -q "lonely.yaml: gold without output" "$tmp/e"' "gold without output reported"
check '! grep -q "^goals" "$tmp/t"' "goals (not in samla.sections) not scored"

"$SAMLA" eval -q --min 'attendees.recall=0.9' --min 'signatures.fuzzy=0.9' --min 'signatures.strict=0.5' \
  "$d/protocol/gold" "$d/protocol/out" >/dev/null 2>"$tmp/e"
rc=$?
check '[ $rc = 1 ]' "minimum not met exits 1 (got $rc)"
check '[ $(wc -l < "$tmp/e") = 2 ]' "one line per failing minimum: $(cat "$tmp/e")"
check 'grep -q "below minimum: attendees.recall=0.9 (soft recall 0.6667)" "$tmp/e"' "failing line names spec and value"

# machine-readable reports through the model writers
"$SAMLA" eval -q -f json -v --min 'links.precision.strict=0.6' "$d/plan/gold" "$d/plan/out" >"$tmp/j"
check '[ $? = 0 ]' "plan: json exit 0"
check '"$PY" -c "
import json,sys
d=json.load(open(sys.argv[1]))
l=d[\"sections\"][\"links\"][\"items\"][\"strict\"]
assert (l[\"tp\"],l[\"fp\"],l[\"fn\"])==(4,2,0), l
assert abs(l[\"precision\"]-0.6667)<1e-4
assert d[\"documents\"]==2 and len(d[\"per_document\"])==2
assert d[\"thresholds\"][0][\"ok\"] is True
" "$tmp/j"' "json report: links resolved over two renderings"
"$SAMLA" eval -q -f yaml -o "$tmp/r.yaml" "$d/plan/gold" "$d/plan/out" >/dev/null
check '"$PY" -c "import yaml,sys; d=yaml.safe_load(open(sys.argv[1])); assert d[\"sections\"][\"goals\"][\"groups\"][\"code+kind+title+parent\"][\"soft\"][\"f1\"]==1.0" "$tmp/r.yaml"' "-o writes the YAML report"

# usage errors exit 2
"$SAMLA" eval "$d/nope" "$d/plan/out" >/dev/null 2>"$tmp/e"; check '[ $? = 2 ]' "missing dir exits 2"
check 'grep -q "nope: not a folder" "$tmp/e"' "missing dir named"
"$SAMLA" eval --min 'attendees.nope=0.9' "$d/plan/gold" "$d/plan/out" >/dev/null 2>"$tmp/e"; check '[ $? = 2 ]' "bad spec exits 2"
check 'grep -q "unknown field" "$tmp/e"' "bad spec explained"
"$SAMLA" eval "$d/plan/gold" >/dev/null 2>&1; check '[ $? = 2 ]' "one folder exits 2"
# an empty output folder is a warning and its gold is listed as without output (nothing scored, so a
# minimum fails), not taken for an unreadable folder
mkdir -p "$tmp/empty"
"$SAMLA" eval --min 'attendees=0.5' "$d/exact/gold" "$tmp/empty" >"$tmp/t" 2>"$tmp/e"; rc=$?
check '[ $rc = 1 ]' "empty output folder: minimum not met, exit 1 (got $rc: $(cat "$tmp/e"))"
check 'grep -q "empty: no model files" "$tmp/e"' "empty output folder warned: $(cat "$tmp/e")"
check '! grep -q "cannot list" "$tmp/e"' "empty output folder is no listing error"
check 'grep -q "protocol.yaml: gold without output" "$tmp/e"' "empty output folder: its gold listed as without output"
check 'grep -q "no section scored" "$tmp/t"' "empty output folder: nothing scored"
mkdir -p "$tmp/empty2"
"$SAMLA" eval -q "$tmp/empty2" "$tmp/empty" >/dev/null 2>"$tmp/e"; rc=$?
check '[ $rc = 0 ]' "empty gold and output folders: exit 0 (got $rc: $(cat "$tmp/e"))"
mkdir -p "$tmp/g" "$tmp/o"
printf 'attendees:\n  - name: [unclosed\n' > "$tmp/g/x.yaml"
printf 'samla: {sections: [attendees]}\nattendees: []\n' > "$tmp/o/x.pdf.yaml"
"$SAMLA" eval "$tmp/g" "$tmp/o" >/dev/null 2>"$tmp/e"; rc=$?
check '[ $rc = 2 ]' "malformed gold exits 2 (got $rc)"
check 'grep -q "x.yaml:[0-9]" "$tmp/e"' "malformed gold named with its line: $(cat "$tmp/e")"

exit $fail
