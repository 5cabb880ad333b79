#!/usr/bin/env bash
# bench/generated.sh: the generated-set benchmark (issue 12). Generates a seeded set of protocols,
# plans and strategies with corpus/generate, renders each as DOCX and PDF (LibreOffice through
# corpus/render.py's writer), runs samla on every rendering and prints `samla eval`'s per-section F1
# table per format/producer, per protocol family, and the drawn conventions worst first; plans also go
# through `samla coverage` against their strategy and the links are scored against gold/links.
#
#   bench/generated.sh SEED [PROTOCOLS [PLANS]]      # default 200 protocols, 100 plans+strategies
#
# The fixed set of docs/eval.md is seed 1 (200 + 100); any other seed is a fresh set that shows
# whether a rule generalises or was fitted. Needs a built build/samla (SAMLA=... to override),
# LibreOffice (soffice) and python3-yaml. The set is written to $GEN_OUT (default
# /tmp/samla-generated-SEED-P-L) and kept, so a second run re-scores without re-rendering.
# Other producers: PRODUCERS=chromium,weasyprint,word,... renders the set through the producer farm
# (corpus/farm/farm.py -o $GEN_OUT/farm) too; each producer's PDFs (and the word producer's DOCX)
# are scored as columns of their own (Chromium takes about 10 s a document: use a smaller N).
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:?usage: bench/generated.sh SEED [PROTOCOLS [PLANS]]}
np=${2:-200}
nl=${3:-100}
samla=${SAMLA:-build/samla}
PY=/usr/bin/python3
out=${GEN_OUT:-/tmp/samla-generated-$seed-$np-$nl}
[ -x "$samla" ] || { echo "bench/generated.sh: $samla not built" >&2; exit 2; }

$PY corpus/generate/generate.py --seed "$seed" --protocols "$np" --plans "$nl" --out "$out" >&2
$PY corpus/generate/render_set.py "$out" >&2
if [ -n "${PRODUCERS:-}" ]; then
  # a document a producer fails on is left out of that producer's column (farm.py lists it and exits 1)
  $PY corpus/farm/farm.py -o "$out/farm" -p "$PRODUCERS" "$out"/src/*.sdoc >&2 ||
    echo "bench/generated.sh: the farm failed on the documents listed above; they are not scored" >&2
fi

# one column per rendering: docx, pdf-lo (LibreOffice through render.py), and per farm producer
# pdf-<producer> (and docx-<producer> where it keeps a DOCX)
columns=("docx:$out/docx:docx" "pdf-lo:$out/pdf:pdf")
for dir in "$out"/farm/*/; do
  [ -d "$dir" ] || continue
  p=$(basename "$dir")
  ls "$dir"*.pdf >/dev/null 2>&1 && columns+=("pdf-$p:${dir%/}:pdf")
  ls "$dir"*.docx >/dev/null 2>&1 && columns+=("docx-$p:${dir%/}:docx")
done
runs=()
for col in "${columns[@]}"; do
  IFS=: read -r name dir ext <<< "$col"
  run="$out/run-$name"
  rm -rf "$run"
  mkdir -p "$run"
  for kind in protocol plan strategy; do
    files=()
    while IFS=$'\t' read -r stem k _ pipeline; do
      [ "$k" = "$kind" ] && [ -f "$dir/$stem.$ext" ] && files+=("$dir/$stem.$ext")
    done < "$out/manifest.tsv"
    [ ${#files[@]} -gt 0 ] || continue
    "$samla" run -q "$kind" -o "$run" "${files[@]}" 2>>"$out/samla-$name.log" || true
  done
  # links: each plan through `samla coverage` against its group's strategy, scored against gold/links
  links="$out/links-$name"
  rm -rf "$links"
  mkdir -p "$links/all"
  while IFS=$'\t' read -r stem k _ _; do
    [ "$k" = strategy ] && [ -f "$dir/$stem.$ext" ] || continue
    group=${stem%-strategi}
    plans=()
    for f in "$dir/$group"-plan*."$ext"; do [ -f "$f" ] && plans+=("$f"); done
    [ ${#plans[@]} -gt 0 ] || continue
    "$samla" coverage -q --strategy "$dir/$stem.$ext" -o "$links/$group" "${plans[@]}" >/dev/null \
      2>>"$out/samla-$name.log" || true
    cp "$links/$group"/*."$ext".yaml "$links/all/" 2>/dev/null || true
  done < "$out/manifest.tsv"
  runs+=("$run")
done
$PY corpus/generate/score.py "$samla" "$out" "${runs[@]}"
