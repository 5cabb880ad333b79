#!/usr/bin/env bash
# cli.sh: the samla tool's contract: exit statuses, one error line per bad input,
# other inputs still processed, -o writes <name>.yaml atomically, JSON output.
set -u
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seed=corpus/seeds/003_08022e0c29402457.txt

"$SAMLA" --version | grep -q '^samla ' ; check '[ $? = 0 ]' "--version"
for c in run dump eval coverage plugins pipelines; do
  "$SAMLA" $c --help >/dev/null 2>&1; check '[ $? = 0 ]' "$c --help"
done
"$SAMLA" frobnicate >/dev/null 2>&1; check '[ $? = 2 ]' "unknown command exits 2"

# a bad numeric option value: exit 2 and one line naming the option, its range and the value
"$SAMLA" serve --max-mem 1.5 >/dev/null 2>"$tmp/opt"; rc=$?
check '[ $rc = 2 ] && [ "$(cat "$tmp/opt")" = "samla serve: --max-mem wants a whole number of MB from 0 to 10000000, not '"'"'1.5'"'"'" ]' "serve --max-mem 1.5: $(cat "$tmp/opt")"
"$SAMLA" batch all x --db "$tmp/x.db" --timeout nan >/dev/null 2>"$tmp/opt"; rc=$?
check '[ $rc = 2 ] && grep -qx "samla batch: --timeout wants seconds from 0 to 1000000000, not .nan." "$tmp/opt"' "batch --timeout nan: $(cat "$tmp/opt")"
"$SAMLA" search --db "$tmp/x.db" --limit -1 >/dev/null 2>"$tmp/opt"; rc=$?
check '[ $rc = 2 ] && grep -qx "samla search: --limit wants a whole number from 0 to 1000000000, not .-1." "$tmp/opt"' "search --limit -1: $(cat "$tmp/opt")"
check '[ ! -e "$tmp/x.db" ]' "no store created on a usage error"

# a missing file and an old Word file fail on one line each; the good file is still processed
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest' > "$tmp/minutes.doc"
"$SAMLA" run -q dump "$tmp/missing.pdf" "$tmp/minutes.doc" "$seed" >"$tmp/out.yaml" 2>"$tmp/err"
rc=$?
check '[ $rc = 1 ]' "partial failure exits 1 (got $rc)"
check '[ $(wc -l < "$tmp/err") = 2 ]' "two error lines: $(cat "$tmp/err")"
check 'grep -q "missing.pdf: cannot open" "$tmp/err"' "missing file named with cause"
check 'grep -q "minutes.doc: unsupported format (samla reads PDF, DOCX and plain text)" "$tmp/err"' "unsupported format"
check 'grep -q "Samråd hälsa, vård och omsorg" "$tmp/out.yaml"' "good input still processed"

# -o writes <input name>.yaml; nothing for the failed input
"$SAMLA" run -q dump -o "$tmp/o" "$seed" "$tmp/minutes.doc" 2>/dev/null
check '[ -s "$tmp/o/$(basename $seed).yaml" ]' "-o writes <name>.yaml"
check '[ ! -e "$tmp/o/minutes.doc.yaml" ] && [ -z "$(ls "$tmp/o" | grep tmp)" ]' "no partial output for a failed input"

# JSON
"$SAMLA" run -q dump --format json "$seed" > "$tmp/o.json"
check '"$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"samla\"][\"version\"]==1" "$tmp/o.json"' "JSON output parses"
"$SAMLA" run -q dump --format xml "$seed" >/dev/null 2>&1; check '[ $? = 2 ]' "unknown format exits 2"

# a bad pipeline is refused before any document, with file and line
printf 'name: bad\nsteps:\n  - plugin: read-text\n  - plugin: no-such\n' > "$tmp/bad.yaml"
"$SAMLA" run "$tmp/bad.yaml" "$seed" >"$tmp/o2" 2>"$tmp/err2"
rc=$?
check '[ $rc = 2 ]' "bad pipeline exits 2"
check 'grep -q "bad.yaml:4: unknown plugin .no-such." "$tmp/err2"' "bad pipeline names file and line: $(cat "$tmp/err2")"
check '[ ! -s "$tmp/o2" ]' "no output for a bad pipeline"
printf 'steps:\n  - plugin: read-text\n  - plugin: write-yaml\n    options: {contnet: true}\n' > "$tmp/bad2.yaml"
"$SAMLA" run "$tmp/bad2.yaml" "$seed" >/dev/null 2>"$tmp/err3"
check 'grep -q "bad2.yaml:4: plugin .write-yaml. has no option .contnet." "$tmp/err3"' "unknown option: $(cat "$tmp/err3")"
"$SAMLA" run -O write-yaml.content=maybe dump "$seed" >/dev/null 2>"$tmp/err4"
check 'grep -q "must be true or false" "$tmp/err4"' "mistyped -O value"

# a pipeline that does not extract what the document is read for, and found nothing, says so (exit 0: the
# model is written); a fitting pipeline gives no such warning
"$SAMLA" run protocol corpus/pdf/aktivitetsplan-granliden-2025.pdf >"$tmp/mis.yaml" 2>"$tmp/mis"; rc=$?
check '[ $rc = 0 ] && grep -q "aktivitetsplan-granliden-2025.pdf: warning: the document reads as a plan (kind_confidence [0-9.]*), and pipeline .protocol. does not extract activities: it found nothing" "$tmp/mis"' "protocol pipeline on a plan warns: $(cat "$tmp/mis")"
check 'grep -q "reads as a plan" "$tmp/mis.yaml"' "the misfit warning is in samla.warnings"
"$SAMLA" run plan corpus/docx/protokoll-ks-storvika-2025-01-29.docx >/dev/null 2>"$tmp/mis2"
check 'grep -q "reads as a protocol (kind_confidence [0-9.]*), and pipeline .plan. does not extract agenda" "$tmp/mis2"' "plan pipeline on a protocol warns: $(cat "$tmp/mis2")"
"$SAMLA" run plan corpus/pdf/aktivitetsplan-granliden-2025.pdf >/dev/null 2>"$tmp/mis3"
check '! grep -q "reads as a" "$tmp/mis3"' "a fitting pipeline does not warn: $(cat "$tmp/mis3")"
"$SAMLA" run dump corpus/pdf/aktivitetsplan-granliden-2025.pdf >/dev/null 2>"$tmp/mis4"
check '! grep -q "reads as a" "$tmp/mis4"' "dump extracts nothing and expects nothing: $(cat "$tmp/mis4")"

# plugins lists readers and writers with ABI
"$SAMLA" plugins > "$tmp/pl"
check 'grep -Eq "^read-text +[0-9.]+ +1\.0 +reader" "$tmp/pl"' "plugins lists read-text with ABI and stage"
exit $fail
