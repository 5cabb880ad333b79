#!/usr/bin/env bash
# archive.sh: routing by document kind (pipelines/archive.yaml, `when:` step conditions), one batch of seven
# documents of six kinds:
#  - every document stored with the gold's kind and a confidence
#  - a decision extract with a strategy attached (KS § 70 + the strategy) is a decision_extract and still yields
#    the strategy's goals and its decision (F1 1.0 against the gold)
#  - a protocol skips the goal and activity extractors (not run, not listed); a report (other) skips the
#    protocol extractors; a strategy yields its goals and front matter
#  - a schema-1 store is upgraded to schema 2 (documents.kind_confidence) when opened
#  - a bad condition is a pipeline error naming file and line, before any document (exit 2)
set -u
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { "$PY" -c "import sys, yaml; m = yaml.safe_load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }
names() { echo "[q[\"name\"] for q in m[\"samla\"][\"plugins\"]]"; }

docs="corpus/docx/strategi-hsvo-2024-2026.docx corpus/docx/protokoll-ks-bjorkvik-2025-03-11.docx
  corpus/docx/protokollsutdrag-regionfullmaktige-vastmark-2024-12-10.docx
  corpus/real/nykarleby-stadsstyrelsen-foredragningslista-2022-09-26.pdf
  corpus/docx/handlingsplan-folkhalsa-sjovik-2025.docx corpus/docx/folkhalsostrategi-kustlanda-2024-2030.docx
  corpus/docx/verksamhetsberattelse-folkhalsa-strandby-2024.docx"
# shellcheck disable=SC2086
# ocr: never: this test is about routing by kind; OCR of the föredragningslista's garbled pages would add ~40 s of
# Tesseract to each build's run (OCR inside batch workers is checked by read_pdf_ocr_scans, label ocr)
"$SAMLA" batch archive $docs --db "$tmp/a.db" -j 2 -O read-pdf.ocr=never >"$tmp/batch.out" 2>&1
rc=$?
check '[ $rc = 0 ]' "samla batch archive exits 0 ($(tail -3 "$tmp/batch.out"))"
"$PY" - "$tmp/a.db" <<'PY' || fail=1
import glob, os, sqlite3, sys, yaml
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT p.path, d.kind, d.kind_confidence, d.status FROM documents d JOIN paths p ON p.document_id = d.id").fetchall()
bad = 0
if len(rows) != 7:
    print("FAIL: 7 documents stored, not", len(rows)); bad = 1
kinds = set()
for path, kind, conf, status in rows:
    stem = os.path.basename(path).rsplit(".", 1)[0]
    gold = (glob.glob("corpus/gold/%s.yaml" % stem) + glob.glob("corpus/real/gold/%s.yaml" % stem))[0]
    want = yaml.safe_load(open(gold, encoding="utf-8"))["document"]["kind"]
    kinds.add(kind)
    if kind != want or status != "ok" or conf is None or not 0.5 <= conf <= 1.0:
        print("FAIL: %s stored as %s (%s, %s), gold %s" % (path, kind, conf, status, want)); bad = 1
if kinds != {"protocol", "decision_extract", "agenda", "plan", "strategy", "other"}:
    print("FAIL: the batch holds every kind:", kinds); bad = 1
sys.exit(bad)
PY
"$SAMLA" search --db "$tmp/a.db" --doc-kind agenda --section agenda >"$tmp/s.out"
rc=$?
check '[ $rc = 0 ] && grep -q "foredragningslista.*pdf$" "$tmp/s.out" && ! grep -q "protokoll-ks" "$tmp/s.out"' \
  "search --doc-kind agenda finds the agenda's items only"

# a schema-1 store (before documents.kind_confidence) is upgraded when opened, and answers as before
cp "$tmp/a.db" "$tmp/old.db"
"$PY" -c "import sqlite3,sys; c = sqlite3.connect(sys.argv[1]); c.execute('ALTER TABLE documents DROP COLUMN kind_confidence'); c.execute(\"UPDATE meta SET value = '1' WHERE key = 'schema'\"); c.commit()" "$tmp/old.db"
"$SAMLA" search --db "$tmp/old.db" --doc-kind agenda --section agenda >"$tmp/old.out"
rc=$?
check '[ $rc = 0 ] && cmp -s "$tmp/old.out" "$tmp/s.out"' "a schema-1 store is searched after its upgrade (rc $rc)"
check '[ "$("$PY" -c "import sqlite3,sys; c = sqlite3.connect(sys.argv[1]); print(c.execute(\"select value from meta where key = '"'"'schema'"'"'\").fetchone()[0], [r[1] for r in c.execute(\"pragma table_info(documents)\")].count(\"kind_confidence\"))" "$tmp/old.db")" = "2 1" ]' \
  "the upgraded store is schema 2 with documents.kind_confidence"

# the models as stored (export writes what `samla run archive` writes)
mkdir -p "$tmp/x"
for f in $docs; do "$SAMLA" export --db "$tmp/a.db" "$f" >"$tmp/x/$(basename "$f").yaml"; done
x="$tmp/x/strategi-hsvo-2024-2026.docx.yaml"
check '[ "$(field "$x" "m[\"document\"][\"kind\"]")" = decision_extract ]' "the KS § 70 extract is a decision_extract"
check '[ "$(field "$x" "{\"extract-protocol\", \"extract-goals\", \"extract-activities\"} <= set($(names))")" = True ]' \
  "a decision extract runs the protocol, goal and activity extractors"
mkdir -p "$tmp/hsvo" && cp "$x" "$tmp/hsvo/"
"$SAMLA" eval -q -f json -m goals=1.0 -m decisions=1.0 -m 'document.kind=1.0' corpus/gold "$tmp/hsvo" >"$tmp/eval.json"
rc=$?
check '[ $rc = 0 ]' "the strategy bundled in the decision extract yields its goals and the decision (F1 1.0)"
check '[ "$("$PY" -c "import json,sys; r = json.load(open(sys.argv[1])); print(r[\"sections\"][\"goals\"][\"items\"][\"soft\"][\"tp\"])" "$tmp/eval.json")" = 11 ]' \
  "the bundled strategy's 11 goals are there"
p="$tmp/x/protokoll-ks-bjorkvik-2025-03-11.docx.yaml"
check '[ "$(field "$p" "[n for n in $(names) if n in (\"extract-goals\", \"extract-activities\")]")" = "[]" ]' \
  "a protocol skips the goal and activity extractors"
check '[ "$(field "$p" "\"goals\" in m[\"samla\"][\"sections\"] or \"activities\" in m[\"samla\"][\"sections\"]")" = False ]' \
  "skipped steps' sections are not listed (eval does not score them)"
check '[ "$(field "$p" "len(m[\"decisions\"]) > 0 and len(m[\"attendees\"]) > 0")" = True ]' "the protocol is extracted"
s="$tmp/x/folkhalsostrategi-kustlanda-2024-2030.docx.yaml"
check '[ "$(field "$s" "(len(m[\"goals\"]) > 5, m[\"document\"].get(\"adopted\"))")" = "(True, '"'"'2023-11-21'"'"')" ]' \
  "a strategy yields its goals and its front matter (adopted)"
r="$tmp/x/verksamhetsberattelse-folkhalsa-strandby-2024.docx.yaml"
check '[ "$(field "$r" "(len(m[\"activities\"]) > 5, \"extract-protocol\" in $(names))")" = "(True, False)" ]' \
  "a report (other) yields the activities it follows up and skips the protocol extractors"

# a bad condition: pipeline error with file and line, no document read
printf 'name: bad\nsteps:\n  - plugin: read-docx\n  - plugin: extract-document\n  - plugin: extract-goals\n    when: {kind: [strategi]}\n  - plugin: write-yaml\n' >"$tmp/bad.yaml"
"$SAMLA" run "$tmp/bad.yaml" corpus/docx/strategi-fjallmark-2025-2028.docx >/dev/null 2>"$tmp/bad.err"
rc=$?
check '[ $rc = 2 ] && grep -q "bad.yaml:6: .*unknown document kind '"'"'strategi'"'"'" "$tmp/bad.err"' \
  "an unknown kind in 'when' is a pipeline error with file and line ($(cat "$tmp/bad.err"))"
exit $fail
