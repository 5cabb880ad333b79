#!/bin/sh
# generated_seeds.sh: the shared body of the e2e tests over generated documents kept by seed
# (corpus/generated/<set>/seedS/{manifest.tsv,gold,PRODUCER}): checks each kept gold against the generator's
# (the generator may have changed its draws) and scores every producer's PDF and DOCX against it.
#   SAMLA=... sh generated_seeds.sh NAME SET PIPELINE METRIC SEED:PLANS...
# NAME names the test in its messages, SET is the folder under corpus/generated, PIPELINE the samla pipeline
# (plan, strategy), METRIC a `samla eval -m` bar; each SEED:PLANS is generated with 0 protocols and PLANS plans.
set -u
PY=${PY:-/usr/bin/python3}
name=$1 P=corpus/generated/$2 pipeline=$3 metric=$4
shift 4
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/generated_gold.sh"
for spec in "$@"; do
  seed=${spec%%:*}
  generated_gold_check "$name" "$P/seed$seed/gold" "$tmp" "$spec" || exit 1
  for dir in "$P/seed$seed"/*/; do
    prod=$(basename "$dir")
    [ "$prod" = gold ] && continue
    for ext in pdf docx; do
      ls "$dir"*."$ext" >/dev/null 2>&1 || continue
      out="$tmp/out-$seed-$prod-$ext"
      "$SAMLA" run -q "$pipeline" -o "$out" "$dir"*."$ext" 2>/dev/null || exit 1
      "$SAMLA" eval -q -m "$metric" "$P/seed$seed/gold" "$out" >/dev/null 2>&1 || {
        "$SAMLA" eval -v -M soft "$P/seed$seed/gold" "$out" >&2
        echo "$name: seed $seed $prod $ext below $metric" >&2; exit 1; }
    done
  done
done
