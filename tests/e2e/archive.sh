#!/usr/bin/env bash
# archive.sh: routing by document kind (pipelines/archive.yaml, `when:` step conditions).
#  - a decision extract with a strategy attached (KS § 70 + the strategy) is a decision_extract and still yields
#    the strategy's goals (goals F1 = 1.0 against the gold) and its decision
#  - a protocol skips the goal and activity extractors (not run, not listed); a strategy skips activities
#  - `samla batch archive` over mixed folders stores every document with the gold's kind and a confidence
#  - a bad condition is a pipeline error naming file and line, before any document (exit 2)
set -u
fail=0
check() { if ! eval "$1"; then echo "FAIL: $2"; fail=1; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { "$PY" -c "import sys, yaml; m = yaml.safe_load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

mkdir -p "$tmp/out" "$tmp/x"
"$SAMLA" run archive -q -o "$tmp/x" corpus/docx/strategi-hsvo-2024-2026.docx 2>"$tmp/err" &&
  "$SAMLA" run archive -q -o "$tmp/out" corpus/docx/protokoll-ks-bjorkvik-2025-03-11.docx \
  corpus/docx/strategi-fjallmark-2025-2028.docx 2>>"$tmp/err"
rc=$?
check '[ $rc = 0 ]' "samla run archive exits 0 ($(cat "$tmp/err"))"
x="$tmp/x/strategi-hsvo-2024-2026.docx.yaml"
check '[ "$(field "$x" "m[\"document\"][\"kind\"]")" = decision_extract ]' "the KS § 70 extract is a decision_extract"
check '[ "$(field "$x" "{\"extract-protocol\", \"extract-goals\", \"extract-activities\"} <= {p[\"name\"] for p in m[\"samla\"][\"plugins\"]}")" = True ]' \
  "a decision extract runs the protocol, goal and activity extractors"
"$SAMLA" eval -q -f json -m goals=1.0 -m decisions=1.0 -m 'document.kind=1.0' corpus/gold "$tmp/x" >"$tmp/eval.json"
rc=$?
check '[ $rc = 0 ]' "the strategy bundled in the decision extract yields its goals and the decision (F1 1.0)"
check '[ "$("$PY" -c "import json,sys; r = json.load(open(sys.argv[1])); print(r[\"sections\"][\"goals\"][\"items\"][\"soft\"][\"tp\"])" "$tmp/eval.json")" -ge 11 ]' \
  "the bundled strategy's goals are there (11 or more)"
p="$tmp/out/protokoll-ks-bjorkvik-2025-03-11.docx.yaml"
check '[ "$(field "$p" "m[\"document\"][\"kind\"]")" = protocol ]' "a protocol is a protocol"
check '[ "$(field "$p" "[q[\"name\"] for q in m[\"samla\"][\"plugins\"] if q[\"name\"] in (\"extract-goals\", \"extract-activities\")]")" = "[]" ]' \
  "a protocol skips the goal and activity extractors"
check '[ "$(field "$p" "\"goals\" in m[\"samla\"][\"sections\"] or \"activities\" in m[\"samla\"][\"sections\"]")" = False ]' \
  "skipped steps' sections are not listed (eval does not score them)"
check '[ "$(field "$p" "len(m[\"decisions\"]) > 0 and len(m[\"attendees\"]) > 0")" = True ]' "the protocol is extracted"
s="$tmp/out/strategi-fjallmark-2025-2028.docx.yaml"
check '[ "$(field "$s" "(m[\"document\"][\"kind\"], len(m[\"goals\"]) > 5, \"extract-activities\" in [q[\"name\"] for q in m[\"samla\"][\"plugins\"]])")" = "('"'"'strategy'"'"', True, False)" ]' \
  "a strategy yields goals and skips the activity extractor"

# a batch of mixed folders: every document stored with the gold's kind and a confidence
"$SAMLA" batch archive corpus/docx corpus/real/*.pdf --db "$tmp/a.db" -j 2 >"$tmp/batch.out" 2>&1
rc=$?
check '[ $rc = 0 ]' "samla batch archive over corpus/docx and corpus/real/*.pdf exits 0 ($(tail -3 "$tmp/batch.out"))"
"$PY" - "$tmp/a.db" <<'PY' || fail=1
import glob, os, sqlite3, sys, yaml
con = sqlite3.connect(sys.argv[1])
rows = con.execute("SELECT p.path, d.kind, d.kind_confidence, d.status FROM documents d JOIN paths p ON p.document_id = d.id").fetchall()
bad = 0
if len(rows) != 30:
    print("FAIL: 30 documents stored, not", len(rows)); bad = 1
for path, kind, conf, status in rows:
    stem = os.path.basename(path).rsplit(".", 1)[0]
    gold = (glob.glob("corpus/gold/%s.yaml" % stem) + glob.glob("corpus/real/gold/%s.yaml" % stem))[0]
    want = yaml.safe_load(open(gold, encoding="utf-8"))["document"]["kind"]
    if kind != want or status != "ok" or conf is None or not 0.5 <= conf <= 1.0:
        print("FAIL: %s stored as %s (%s, %s), gold %s" % (path, kind, conf, status, want)); bad = 1
sys.exit(bad)
PY
"$SAMLA" search --db "$tmp/a.db" --doc-kind agenda --section agenda >"$tmp/s.out"
rc=$?
check '[ $rc = 0 ] && grep -q foredragningslista "$tmp/s.out" && ! grep -q "protokoll-" "$tmp/s.out"' \
  "search --doc-kind agenda finds the agenda's items only"

# a bad condition: pipeline error with file and line, no document read
printf 'name: bad\nsteps:\n  - plugin: read-docx\n  - plugin: extract-document\n  - plugin: extract-goals\n    when: {kind: [strategi]}\n  - plugin: write-yaml\n' >"$tmp/bad.yaml"
"$SAMLA" run "$tmp/bad.yaml" corpus/docx/strategi-fjallmark-2025-2028.docx >/dev/null 2>"$tmp/bad.err"
rc=$?
check '[ $rc = 2 ] && grep -q "bad.yaml:6: .*unknown document kind '"'"'strategi'"'"'" "$tmp/bad.err"' \
  "an unknown kind in 'when' is a pipeline error with file and line ($(cat "$tmp/bad.err"))"
exit $fail
