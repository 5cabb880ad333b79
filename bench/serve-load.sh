#!/usr/bin/env bash
# bench/serve-load.sh [N [C]]: load test of `samla serve` on loopback: N requests (default 1000), C at a time
# (default 8), cycling over the corpus protocols (PDF and DOCX, pipeline protocol, JSON), against a server
# with -j 2 --queue 8. Fails on any failed request, a changed answer or a server whose resident set grew by more
# than 2 MiB from the first 20 % of the requests to the end; prints the throughput, latency and the resident set
# over the run (JSON, then a Markdown row). docs/benchmarks.md holds the latest.
# Needs a built build/ and /usr/bin/python3 (tests/e2e/serve_check.py; standard library only).
set -euo pipefail
cd "$(dirname "$0")/.."
samla=${SAMLA:-build/samla}
n=${1:-1000}
c=${2:-8}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
"$samla" serve -l 127.0.0.1:0 -j 2 --queue 8 -q 2> "$tmp/err" &
pid=$!
port=$(/usr/bin/python3 tests/e2e/serve_check.py port "$tmp/err")
rc=0
rss0=$(awk '/^VmRSS:/ {print $2}' /proc/$pid/status)
/usr/bin/python3 tests/e2e/serve_check.py load "$port" "$pid" "$n" "$c" corpus/pdf/protokoll*.pdf corpus/docx/protokoll*.docx \
  > "$tmp/load.json" || rc=1
kill -TERM "$pid"
wait "$pid" || rc=1
pid=
cat "$tmp/load.json"
/usr/bin/python3 - "$tmp/load.json" "$rss0" <<'PY' || rc=1
import json, sys
r = json.load(open(sys.argv[1]))
s = r['server_rss_kb']
print('| %d | %d | %d | %d | %.1f | %.1f | %.3f | %.3f | %.1f | %.1f | %.1f |' % (
    r['requests'], r['concurrency'], r['ok'], r['failed'], r['seconds'], r['per_second'], r['p50_s'], r['p95_s'],
    int(sys.argv[2]) / 1024, s['after_first_20pct'] / 1024, s['last'] / 1024))
if s['last'] - s['after_first_20pct'] > 2048:
    sys.exit('serve-load: the server grew from %d to %d KiB' % (s['after_first_20pct'], s['last']))
PY
exit $rc
