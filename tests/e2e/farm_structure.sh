#!/usr/bin/env bash
# farm_structure.sh: the committed farm structure files (corpus/farm/<producer>/*.yaml)
# are what corpus/farm/farm.py writes from today's sources: a source or farm change
# without re-rendering fails here. Only the structure is regenerated (no producer runs).
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$PY" corpus/farm/farm.py --structure-only -o "$tmp" >/dev/null || { echo "FAIL: farm.py --structure-only"; exit 1; }
fail=0
n=0
for d in "$tmp"/*/; do
  p=$(basename "$d")
  for f in "$d"*.yaml; do
    n=$((n + 1))
    c="corpus/farm/$p/$(basename "$f")"
    if ! cmp -s "$f" "$c"; then
      echo "FAIL: $c differs from what farm.py writes now (re-render: corpus/farm/farm.py -p $p)"
      fail=1
    fi
  done
done
[ "$n" -ge 100 ] || { echo "FAIL: only $n structure files written"; fail=1; }
exit $fail
