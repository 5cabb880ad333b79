#!/usr/bin/env bash
# serve.sh MODE: `samla serve` on an ephemeral loopback port, checked with tests/e2e/serve_check.py.
#   corpus:  every corpus document POSTed gives the bytes `samla run all` writes (YAML)
#   formats: the protocols as JSON (the default answer), four of them as OParl and Popolo: `samla run`'s bytes
#   api:     endpoints, format negotiation, multipart, request errors, 413, the hostile files of the batch test
#            one request each (4xx/422 with the file and the cause)
#   limits:  a worker crash (500) and hang (422 at --timeout), 503 + Retry-After when full, still serving after;
#            then SIGINT while busy: the queued document 503 at once, the running one 503 after --grace, exit 0
#   load:    100 requests (20 under the sanitizers), 8 at a time, no failure, same answers for the same file, the
#            server's resident set flat (bench/serve-load.sh runs 1000)
# Each mode ends with SIGTERM (limits: SIGINT): the server must stop cleanly (exit 0, no sanitizer report).
set -u
mode=$1
fail=0
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

start() {
  "$SAMLA" serve -l 127.0.0.1:0 "$@" 2> "$tmp/server.err" &
  pid=$!
  port=$("$PY" tests/e2e/serve_check.py port "$tmp/server.err") || { cat "$tmp/server.err"; exit 1; }
}

# stop [stopping]: SIGTERM the server (or, with stopping, wait for it: the client sent the signal) and check
# its clean exit
stop() {
  if [ "${1:-}" = stopping ]; then
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && { echo "FAIL: still running 10 s after SIGINT"; fail=1; kill -TERM "$pid"; }
  else
    kill -0 "$pid" 2>/dev/null || { echo "FAIL: the server died: $(tail -5 "$tmp/server.err")"; fail=1; }
    kill -TERM "$pid"
  fi
  wait "$pid"
  rc=$?
  pid=
  [ $rc = 0 ] || { echo "FAIL: exit status $rc after SIGTERM"; fail=1; }
  grep -q "^samla serve: stopped$" "$tmp/server.err" || { echo "FAIL: no clean stop"; fail=1; }
  if grep -q "Sanitizer\|runtime error" "$tmp/server.err"; then
    echo "FAIL: sanitizer report:"; grep -A30 "Sanitizer\|runtime error" "$tmp/server.err" | head -60; fail=1
  fi
}

case $mode in
corpus)
  start -j 2 -q
  docs=(corpus/pdf/*.pdf corpus/docx/*.docx)
  "$SAMLA" run -q all -o "$tmp/all" "${docs[@]}" || { echo "FAIL: samla run all"; fail=1; }
  "$PY" tests/e2e/serve_check.py corpus "$port" "$tmp/all" yaml all "${docs[@]}" || fail=1
  ;;
formats)
  start -j 2 -q
  protocols=(corpus/pdf/protokoll*.pdf corpus/docx/protokoll*.docx)
  some=(corpus/pdf/protokoll-kf-solvik-2024-03-18.pdf corpus/pdf/protokoll-bun-norrsater-2024-11-12.pdf
        corpus/docx/protokoll-ks-bjorkvik-2025-03-11.docx corpus/docx/protokoll-socialnamnden-ekeby-2025-01-21.docx)
  "$SAMLA" run -q protocol -f json -o "$tmp/json" "${protocols[@]}" || { echo "FAIL: samla run -f json"; fail=1; }
  "$PY" tests/e2e/serve_check.py corpus "$port" "$tmp/json" json protocol "${protocols[@]}" || fail=1
  for f in oparl popolo; do
    "$SAMLA" run -q protocol -f $f -o "$tmp/$f" "${some[@]}" || { echo "FAIL: samla run -f $f"; fail=1; }
    "$PY" tests/e2e/serve_check.py corpus "$port" "$tmp/$f" $f protocol "${some[@]}" || fail=1
  done
  ;;
api)
  "$PY" tests/e2e/batch_hostile.py "$tmp/bad"
  cp tests/data/truncated.pdf tests/data/encrypted.pdf "$tmp/bad/"
  start -j 2 --queue 4 --max-pages 100 --max-body 1
  "$PY" tests/e2e/serve_check.py api "$port" "$tmp/bad" || fail=1
  grep -q '^samla serve: POST /run/protocol 422 .* encrypted.pdf$' "$tmp/server.err" || { echo "FAIL: access log"; fail=1; }
  ;;
limits)
  # the test-only misbehave pipeline and plugin beside the real ones
  export SAMLA_PLUGIN_PATH=$SAMLA_BUILD/tests/fixture-plugins SAMLA_PIPELINE_PATH=tests/data/worker
  start -j 1 --queue 1 --timeout 8 --grace 1
  "$PY" tests/e2e/serve_check.py limits "$port" "$pid" || fail=1
  stop stopping
  grep -q "^samla serve: Interrupt: stopping$" "$tmp/server.err" || { echo "FAIL: no stop at SIGINT"; fail=1; }
  exit $fail
  ;;
load)
  n=100; [ "${SAMLA_SANITIZE:-0}" = 1 ] && n=20   # a document costs several times more under the sanitizers
  start -j 2 --queue 8 -q
  "$PY" tests/e2e/serve_check.py load "$port" "$pid" $n 8 corpus/docx/protokoll-samrad-2024-05-03.docx \
    corpus/pdf/protokoll-kf-solvik-2024-03-18.pdf corpus/docx/protokoll-ks-bjorkvik-2025-03-11.docx > "$tmp/load.json" || fail=1
  cat "$tmp/load.json"
  "$PY" - "$tmp/load.json" $n "${SAMLA_SANITIZE:-0}" <<'PY' || fail=1
import json, sys
r = json.load(open(sys.argv[1]))
assert r['ok'] == int(sys.argv[2]) and r['failed'] == 0 and r['different'] == 0, r
# flat memory: the server's resident set at the end within 2 MiB of where it was after the first 20 % of the
# requests (once the pipeline is loaded); not under the sanitizers, whose allocator keeps freed memory
rss = r['server_rss_kb']
if sys.argv[3] != '1':
    assert rss['last'] - rss['after_first_20pct'] <= 2048, 'the server grew: %s' % rss
PY
  ;;
esac
stop
exit $fail
