#!/usr/bin/env bash
# run_output.sh: `samla run` output hygiene: same file name from two folders in one -o
# folder (both kept, ~2 rule, told on stderr), temporary files removed after SIGTERM and
# stale ones of a killed run cleaned, several JSON models on stdout as JSON Lines, a file
# name that is not UTF-8 (escaped in the model and in messages), a zero-byte input.
set -u
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seed=corpus/seeds/003_08022e0c29402457.txt
mkdir -p "$tmp/a" "$tmp/b"
cp "$seed" "$tmp/a/x.txt"
printf 'Protokoll\n\nAnnan text i b.\n' > "$tmp/b/x.txt"

# same name from two folders: both kept, the second as x.txt~2.yaml, a note names both
"$SAMLA" run dump -o "$tmp/o" "$tmp/a/x.txt" "$tmp/b/x.txt" 2>"$tmp/err"
check '[ $? = 0 ]' "two inputs with one name exit 0"
check 'grep -q "Samråd hälsa, vård och omsorg" "$tmp/o/x.txt.yaml"' "first input keeps x.txt.yaml"
check 'grep -q "Annan text i b" "$tmp/o/x.txt~2.yaml"' "second input written to x.txt~2.yaml"
check 'grep -q "b/x.txt: note: x.txt.yaml is taken by .*a/x.txt in this run: writing x.txt~2.yaml" "$tmp/err"' \
  "note on stderr: $(cat "$tmp/err")"
check '[ $(ls -A "$tmp/o" | wc -l) = 2 ]' "only the two models in the folder: $(ls -A "$tmp/o")"
# running again gives the same folder (files of an earlier run are replaced, not numbered on)
"$SAMLA" run -q dump -o "$tmp/o" "$tmp/a/x.txt" "$tmp/b/x.txt"
check '[ $(ls -A "$tmp/o" | wc -l) = 2 ]' "second run replaces: $(ls -A "$tmp/o")"

# a stale temporary file of a dead process is removed; one of a live process stays
sh -c 'exit 0' & dead=$!; wait $dead
: > "$tmp/o/.samla-$dead-AbC123.tmp"
: > "$tmp/o/.samla-$$-XyZ789.tmp"
"$SAMLA" run -q dump -o "$tmp/o" "$tmp/a/x.txt"
check '[ ! -e "$tmp/o/.samla-$dead-AbC123.tmp" ]' "stale temporary file of a dead process removed"
check '[ -e "$tmp/o/.samla-$$-XyZ789.tmp" ]' "temporary file of a live process kept"
rm -f "$tmp/o/.samla-$$-XyZ789.tmp"

# SIGTERM while a model is being written: the temporary file is removed, status 128+15
# (the corpus twenty times over, polled every 5 ms: a model is written in a few ms, so a short run
# could end before a poll ever saw a temporary file)
pdfs=()
for _ in $(seq 20); do pdfs+=(corpus/pdf/*.pdf); done
"$SAMLA" run -q all -o "$tmp/k" "${pdfs[@]}" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 4000); do compgen -G "$tmp/k/.samla-*.tmp" >/dev/null && break; sleep 0.005; done
check 'compgen -G "$tmp/k/.samla-*.tmp" >/dev/null' "a temporary file exists while running"
kill -TERM $pid
wait $pid
rc=$?
check '[ $rc = 143 ]' "killed by SIGTERM (status $rc)"
check '[ -z "$(ls -A "$tmp/k" | grep -v "\.yaml$")" ]' "no temporary file left after SIGTERM: $(ls -A "$tmp/k")"

# several JSON models on stdout: JSON Lines, one model a line, in input order
"$SAMLA" run -q dump -f json "$tmp/a/x.txt" "$tmp/b/x.txt" > "$tmp/out.jsonl"
check '[ $(wc -l < "$tmp/out.jsonl") = 2 ]' "two lines for two inputs"
check '"$PY" -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert [r[\"document\"][\"source\"].split(\"/\")[-2] for r in rows] == [\"a\", \"b\"], rows
" "$tmp/out.jsonl"' "each line is one JSON model"
# one input: the pretty JSON document as before
"$SAMLA" run -q dump -f json "$tmp/a/x.txt" > "$tmp/one.json"
check '[ $(wc -l < "$tmp/one.json") -gt 10 ]' "one input stays pretty-printed JSON"
# a failed input writes no line and the others still come
"$SAMLA" run -q dump -f json "$tmp/a/x.txt" "$tmp/missing.txt" "$tmp/b/x.txt" > "$tmp/out2.jsonl" 2>/dev/null
check '[ $? = 1 ] && [ $(wc -l < "$tmp/out2.jsonl") = 2 ]' "failed input: no line, exit 1"

# a file name that is not UTF-8: escaped as \xFF in the model and messages, output named by its bytes
bad=$(printf 'm\xf6te.txt')
cp "$seed" "$tmp/$bad"
"$SAMLA" run -q dump "$tmp/$bad" > "$tmp/bad.yaml"
check '[ $? = 0 ]' "non-UTF-8 name runs"
check 'grep -q "source: .*/m\\\\xF6te.txt" "$tmp/bad.yaml"' "source escaped: $(grep source: "$tmp/bad.yaml")"
"$SAMLA" run -q dump -f json "$tmp/$bad" "$tmp/a/x.txt" > "$tmp/bad.jsonl"
check '"$PY" -c "
import json, sys
r = json.loads(open(sys.argv[1]).readline())
assert r[\"document\"][\"source\"].endswith(\"m\\\\xF6te.txt\"), r[\"document\"]
" "$tmp/bad.jsonl"' "JSON keeps the escaped source"
"$SAMLA" run -q dump -o "$tmp/ob" "$tmp/$bad"
check '[ -s "$tmp/ob/$bad.yaml" ]' "output file named by the input bytes"
"$SAMLA" run dump "$tmp/missing-$bad" 2>"$tmp/err2"
check 'grep -q "missing-m\\\\xF6te.txt: cannot open" "$tmp/err2" && "$PY" -c "open(\"$tmp/err2\", encoding=\"utf-8\").read()"' \
  "message escaped, valid UTF-8: $(cat "$tmp/err2")"

# a zero-byte input: one clear error line, exit 1
: > "$tmp/empty.pdf"
"$SAMLA" run dump "$tmp/empty.pdf" >"$tmp/e.out" 2>"$tmp/e.err"
check '[ $? = 1 ]' "zero-byte input exits 1"
check '[ "$(cat "$tmp/e.err")" = "samla: $tmp/empty.pdf: empty file (0 bytes)" ]' "one error line: $(cat "$tmp/e.err")"
check '[ ! -s "$tmp/e.out" ]' "no output for a zero-byte input"
exit $fail
