#!/usr/bin/env bash
# batch.sh: samla batch / search / export / merge on corpus files mixed with hostile ones.
#  - every good document stored, every bad one recorded as failed with its own reason (exit 1, listed)
#  - the same file under two paths is one document with both paths
#  - a second run stores nothing twice; kill -9 mid-run leaves only whole documents and the rerun completes
#  - four shards merged equal one run, merging twice changes nothing; export gives back `samla run`'s YAML
#  - search answers the archive questions (a body's decisions in a year, reservations by a group and by a
#    person, plan activities by their words and every activity linked to a delmål)
set -u
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db() { "$PY" - "$@" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for row in con.execute(sys.argv[2]):
    print('|'.join('' if v is None else str(v) for v in row))
PY
}

mkdir -p "$tmp/in/sub" "$tmp/bad"
cp corpus/pdf/protokoll-kf-solvik-2024-03-18.pdf "$tmp/in/"
cp corpus/pdf/protokoll-kf-solvik-2024-03-18.pdf "$tmp/in/sub/copy.pdf"
cp corpus/docx/protokoll-ks-bjorkvik-2025-03-11.docx "$tmp/in/sub/"  # a reservation by one person
cp corpus/docx/samverkansplan-2025-ekby.docx "$tmp/in/"              # activities naming their delmål
printf 'not a document\0\1\2' > "$tmp/in/sub/image.bin"          # in a folder: skipped, not a document
"$PY" tests/e2e/batch_hostile.py "$tmp/bad"
cp tests/data/truncated.pdf tests/data/encrypted.pdf "$tmp/bad/"
ls "$tmp"/bad/* > "$tmp/manifest"
echo "$tmp/missing.pdf" >> "$tmp/manifest"

run() { "$SAMLA" batch all "$tmp/in" "@$tmp/manifest" -j 2 --timeout 60 --max-pages 100 "$@"; }
run --db "$tmp/a.db" --jsonl "$tmp/a.jsonl" >"$tmp/out1" 2>"$tmp/err1"
rc=$?
check '[ $rc = 1 ]' "some failed: exit 1 (got $rc): $(cat "$tmp/err1")"
check '[ ! -s "$tmp/out1" ]' "nothing on stdout"
check '! grep -q $'"'"'\r\|\033'"'"' "$tmp/err1"' "no control characters on a pipe"
check 'grep -q "^samla batch: 11 of 11 documents run .*: 3 stored, 8 failed; 0 already stored, 1 duplicate paths, 1 unreadable, 1 files skipped" "$tmp/err1"' "summary: $(head -1 "$tmp/err1")"
for f in zipbomb.docx xxe.docx laughs.docx random.bin zero.pdf pages.pdf truncated.pdf encrypted.pdf missing.pdf; do
  check 'grep -q "^samla: $tmp/bad/$f: \|^samla: $tmp/$f: " "$tmp/err1"' "$f listed as failed"
done
check '[ "$(db "$tmp/a.db" "select count(*) from documents where status = '"'ok'"'")" = 3 ]' "3 good documents stored"
check '[ "$(db "$tmp/a.db" "select count(*) from documents where status = '"'failed'"'")" = 8 ]' "8 bad documents recorded"
check '[ "$(db "$tmp/a.db" "select outcome from documents d join paths p on p.document_id = d.id where p.path like '"'%pages.pdf'"'")" = pages ]' "many-page PDF refused by --max-pages"
check 'db "$tmp/a.db" "select error from documents d join paths p on p.document_id = d.id where p.path like '"'%pages.pdf'"'" | grep -q "600 pages, more than the limit of 100"' "page limit reason"
check 'db "$tmp/a.db" "select error from documents d join paths p on p.document_id = d.id where p.path like '"'%encrypted.pdf'"'" | grep -qi "encrypt\|password"' "encrypted reason"
check 'db "$tmp/a.db" "select error from documents d join paths p on p.document_id = d.id where p.path like '"'%zero.pdf'"'" | grep -q "empty file"' "empty file reason"
check '[ "$(db "$tmp/a.db" "select count(*) from paths where document_id = (select document_id from paths where path like '"'%copy.pdf'"')")" = 2 ]' "one document, both paths"
check '[ "$(wc -l < "$tmp/a.jsonl")" = 3 ]' "--jsonl: one line per stored model"
agenda=$(db "$tmp/a.db" "select count(*) from agenda")
check '[ "$agenda" -ge 8 ]' "agenda rows stored ($agenda)"
check '[ "$(db "$tmp/a.db" "select number from agenda a join paths p on p.document_id = a.document_id where p.path like '"'%copy.pdf'"' and ord = 2")" = 14 ]' "agenda item 14 in its table"

# a second run stores nothing twice (and still reports the failures it knows)
run --db "$tmp/a.db" >/dev/null 2>"$tmp/err2"
rc=$?
check '[ $rc = 1 ]' "rerun with stored failures exits 1 (got $rc)"
check 'grep -q "^samla batch: 0 of 0 documents run .*11 already stored" "$tmp/err2"' "rerun skips everything: $(head -1 "$tmp/err2")"
check '[ "$(db "$tmp/a.db" "select count(*) from documents")|$(db "$tmp/a.db" "select count(*) from agenda")" = "11|$agenda" ]' "nothing stored twice"

# export gives back what `samla run` writes
"$SAMLA" export --db "$tmp/a.db" "$tmp/in/protokoll-kf-solvik-2024-03-18.pdf" > "$tmp/exp.yaml"
"$SAMLA" run -q all "$tmp/in/protokoll-kf-solvik-2024-03-18.pdf" > "$tmp/run.yaml"
check 'cmp -s "$tmp/exp.yaml" "$tmp/run.yaml"' "export = run: $(diff "$tmp/exp.yaml" "$tmp/run.yaml" | head -5)"
"$SAMLA" export --db "$tmp/a.db" -f json > "$tmp/all.jsonl"
check '[ "$(wc -l < "$tmp/all.jsonl")" = 3 ] && "$PY" -c "import json,sys; [json.loads(l) for l in open(sys.argv[1])]" "$tmp/all.jsonl"' "export -f json: JSON Lines"

# search: a body's decisions in a year; stems; reservations; conflict of interest by a person; plan activities
"$SAMLA" search --db "$tmp/a.db" --section decisions --body kommunfullmäktige --year 2024 --format json > "$tmp/s1.json"
check '"$PY" -c "import json,sys; h=json.load(open(sys.argv[1])); assert len(h)==8 and {x[\"item\"] for x in h}>={\"12\",\"14\",\"15\"} and all(x[\"date\"]==\"2024-03-18\" for x in h), h" "$tmp/s1.json"' "decisions of Kommunfullmäktige in 2024"
"$SAMLA" search --db "$tmp/a.db" --year 2023 --section decisions >/dev/null; rc=$?
check '[ $rc = 1 ]' "no decisions in 2023: exit 1"
"$SAMLA" search --db "$tmp/a.db" --section decisions "interpellation" > "$tmp/s2.txt"
check 'grep -q "§ 13  decisions/decided  p. 3" "$tmp/s2.txt" && grep -q "\[Interpellationen\]" "$tmp/s2.txt"' "stemmed query finds the decision with page: $(head -3 "$tmp/s2.txt")"
"$SAMLA" search --db "$tmp/a.db" --section votes --kind reservation --person "Vänsterpartiets ledamöter" > "$tmp/s3.txt"
check 'grep -q "§ 15  votes/reservation  p. 6" "$tmp/s3.txt"' "reservations by a group: $(cat "$tmp/s3.txt")"
"$SAMLA" search --db "$tmp/a.db" --section activities "hälsosamtal" --format json > "$tmp/s4.json"
check '"$PY" -c "import json,sys; h=json.load(open(sys.argv[1])); assert h and h[0][\"section\"]==\"activities\" and \"hälsosamtal\" in h[0][\"text\"]" "$tmp/s4.json"' "plan activity found"
"$SAMLA" search --db "$tmp/a.db" --section votes --kind reservation --person "Karin Åkesson" --format json > "$tmp/s5.json"
check '"$PY" -c "import json,sys; h=json.load(open(sys.argv[1])); assert [(x[\"item\"], x[\"kind\"], x[\"page\"]) for x in h]==[(\"24\", \"reservation\", 2)] and \"Karin Åkesson (c)\" in str(h[0][\"persons\"]), h" "$tmp/s5.json"' \
  "every reservation by a person: $(cat "$tmp/s5.json")"
"$SAMLA" search --db "$tmp/a.db" --section votes --kind reservation --person "Karin Ekesson" >/dev/null; rc=$?
check '[ $rc = 1 ]' "no reservation by another person: exit 1"
# every plan activity linked to a delmål: the plan's three activities under A2, not those of A1 (a prefix of A10...)
"$SAMLA" search --db "$tmp/a.db" --section activities --goal A2 --format json > "$tmp/s6.json"
check '"$PY" -c "import json,sys; h=json.load(open(sys.argv[1])); assert len(h)==3 and all(x[\"section\"]==\"activities\" and x[\"goals\"]==[\"A2\"] for x in h) and any(\"suicidförsök\" in x[\"text\"] for x in h), h" "$tmp/s6.json"' \
  "every activity linked to delmål A2: $(head -c 300 "$tmp/s6.json")"
"$SAMLA" search --db "$tmp/a.db" --goal A2 "suicidförsök" > "$tmp/s7.txt"
check '[ "$(grep -c "activities" "$tmp/s7.txt")" = 1 ]' "--goal with a query narrows to one activity: $(cat "$tmp/s7.txt")"

# kill -9 mid-run: the store holds only whole documents; the rerun completes it
mkdir -p "$tmp/k"
# every PDF protocol, four distinct copies of each (a comment after %%EOF): with long-lived workers the twelve
# DOCX protocols this used to take were all stored before the first poll below returned; the kill comes after
# the first stored one, polled every 20 ms (-j 1), with dozens still to go
for f in corpus/pdf/protokoll-*.pdf; do
  for c in 1 2 3 4; do b=$(basename "$f" .pdf); cp "$f" "$tmp/k/$b-$c.pdf"; printf '%% copy %s\n' "$c" >> "$tmp/k/$b-$c.pdf"; done
done
"$SAMLA" batch all "$tmp/k" --db "$tmp/k.db" -j 1 >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 1000); do
  n=$(db "$tmp/k.db" "select count(*) from documents" 2>/dev/null || echo 0)
  [ "${n:-0}" -ge 1 ] && break
  sleep 0.02
done
kill -9 $pid; wait $pid 2>/dev/null
partial=$(db "$tmp/k.db" "select count(*) from documents")
total=$(ls "$tmp/k" | wc -l)
check '[ "$partial" -ge 1 ] && [ "$partial" -lt "$total" ]' "killed mid-run ($partial of $total stored)"
check '[ "$(db "$tmp/k.db" "pragma integrity_check")" = ok ]' "store intact after kill -9"
whole='select count(*) from documents d where status = '"'ok'"' and (select count(*) from agenda a where a.document_id = d.id) != json_array_length(d.model, '"'$.agenda'"')'
check '[ "$(db "$tmp/k.db" "$whole")" = 0 ]' "every stored document whole"
"$SAMLA" batch all "$tmp/k" --db "$tmp/k.db" -j 2 >/dev/null 2>"$tmp/err3"
rc=$?
check '[ $rc = 0 ] && [ "$(db "$tmp/k.db" "select count(*) from documents where status = '"'ok'"'")" = "$total" ]' "resumed run completes (rc $rc): $(cat "$tmp/err3")"
check 'grep -q "$partial already stored" "$tmp/err3"' "resume skipped the $partial stored"

# four shards merged equal one run; merging again changes nothing. The shards take the good documents and two
# failed ones (the hostile rest was run above and would only be run again): the merged store must equal the first
# run's rows for exactly those documents.
printf '%s\n' "$tmp/bad/truncated.pdf" "$tmp/bad/zero.pdf" > "$tmp/manifest2"
for i in 0 1 2 3; do
  "$SAMLA" batch all "$tmp/in" "@$tmp/manifest2" -j 2 --timeout 60 --max-pages 100 --db "$tmp/s$i.db" --shard $i/4 \
    >/dev/null 2>&1
done
"$SAMLA" merge "$tmp/m.db" "$tmp"/s[0-3].db 2>/dev/null
"$SAMLA" merge "$tmp/m.db" "$tmp"/s[0-3].db 2>/dev/null
check '[ "$(db "$tmp/m.db" "select group_concat(status) from (select status from documents order by status)")" = "failed,failed,ok,ok,ok" ]' \
  "the merged shards hold the 3 good and 2 failed documents"
ids="($(db "$tmp/m.db" "select group_concat(quote(id)) from documents"))"
dump='select id, status, outcome, error, pages, pipeline_version, model from documents where id in '"$ids"' order by id'
check '[ "$(db "$tmp/m.db" "$dump" | md5sum)" = "$(db "$tmp/a.db" "$dump" | md5sum)" ]' "merged documents = one run"
for q in "select * from paths where document_id in $ids order by 1, 2" \
         "select * from decisions where document_id in $ids order by 1, 2" \
         "select * from votes where document_id in $ids order by 1, 2" \
         "select document_id, section, ord, number, kind, body, date, page, title, text, persons, goals from search_items
          where document_id in $ids order by 1, 2, 3"; do
  check '[ -n "$(db "$tmp/m.db" "$q")" ] && [ "$(db "$tmp/m.db" "$q" | md5sum)" = "$(db "$tmp/a.db" "$q" | md5sum)" ]' \
    "merged = one run: $q"
done
check '[ "$(db "$tmp/s0.db" "select count(*) from documents")" -lt 5 ]' "a shard holds a slice"
"$SAMLA" search --db "$tmp/m.db" --section decisions --body kommunfullmäktige --year 2024 | grep -c "^2024" > "$tmp/c"
check '[ "$(cat "$tmp/c")" = 8 ]' "search over the merged store"

"$SAMLA" batch all "$tmp/in" >/dev/null 2>&1; check '[ $? = 2 ]' "no --db: exit 2"
"$SAMLA" batch all "$tmp/in" --db "$tmp/x.db" --shard 4/4 >/dev/null 2>&1; check '[ $? = 2 ]' "bad shard: exit 2"
"$SAMLA" batch nosuchpipeline "$tmp/in" --db "$tmp/x.db" >/dev/null 2>&1; check '[ $? = 2 ]' "bad pipeline: exit 2"
exit $fail
