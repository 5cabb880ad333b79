#!/usr/bin/env bash
# bench/run.sh: throughput and peak memory of samla on the corpus and on a large
# synthetic PDF (the corpus PDFs joined 20 times with pdfunite, ~1000 pages).
# Needs a built build/ and poppler-utils (pdfunite) and GNU time (/usr/bin/time).
# Prints a Markdown table; docs/benchmarks.md holds the latest results.
set -euo pipefail
cd "$(dirname "$0")/.."
samla=${SAMLA:-build/samla}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

measure() { # label pipeline files...  (env OPTS: extra `samla run` options, e.g. -O read-pdf.tags=never)
  local label=$1 pipeline=$2; shift 2
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$samla" run -q ${OPTS:-} "$pipeline" -o "$tmp/out" "$@" >/dev/null 2>&1 || true
  read -r secs kb < "$tmp/t"
  local pages=0
  for f in "$@"; do
    case $f in *.pdf) pages=$((pages + $(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}'))) ;; esac
  done
  printf '| %s | %s | %d | %d | %.2f | %d |\n' "$label" "$pipeline" "$#" "$pages" "$secs" "$((kb / 1024))"
}

printf '| input | pipeline | files | PDF pages | seconds | peak RSS MiB |\n|---|---|---|---|---|---|\n'
measure "corpus PDFs" dump corpus/pdf/*.pdf
measure "corpus DOCX" dump corpus/docx/*.docx
for p in protocol plan strategy all; do
  [ -f "pipelines/$p.yaml" ] && measure "corpus PDF+DOCX" "$p" corpus/pdf/*.pdf corpus/docx/*.docx
done
if command -v pdfunite >/dev/null; then
  list=()
  for i in $(seq 20); do list+=(corpus/pdf/*.pdf); done
  pdfunite "${list[@]}" "$tmp/big.pdf"
  measure "joined corpus x20" dump "$tmp/big.pdf"
  [ -f pipelines/all.yaml ] && measure "joined corpus x20" all "$tmp/big.pdf"
fi
# tagged PDFs (the producer farm's tagged renders): read from their tags, and by geometry alone
for prod in lo-tagged chromium; do
  if compgen -G "corpus/farm/$prod/*.pdf" >/dev/null; then
    measure "farm $prod, tags: auto" dump corpus/farm/$prod/*.pdf
    OPTS="-O read-pdf.tags=never" measure "farm $prod, tags: never" dump corpus/farm/$prod/*.pdf
  fi
done
