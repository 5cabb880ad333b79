#!/usr/bin/env bash
# bench/ocr.sh [scores|speed|all] [COPIES]: read-pdf's OCR (issue 15), the sweep behind the ocr-labelled tests.
#   scores  the scanned renders of corpus/scan (protocols through `protocol`, the plan through `plan`) scored with
#           `samla eval -M soft` against the born-digital gold, one document at a time; then the four real
#           Nykarleby documents (corpus/real) under ocr: never and ocr: auto (their garbled pages read by OCR)
#   speed   OCR'd pages per second of `samla batch protocol` with -j 1 and -j 2 over COPIES (default 4) copies of
#           each scan (a comment appended to each copy, so every copy is a document of its own: 9 x COPIES pages,
#           every one OCR'd), with the load average before each run (the machine is shared: read it beside the
#           numbers)
# REALDOCS='' (or a list of PDFs) limits the real documents scored. Prints Markdown rows; docs/eval.md ("Scanned documents", "Real documents read by OCR") and docs/benchmarks.md
# ("OCR") hold the latest. Needs a built build/ with OCR.
set -euo pipefail
cd "$(dirname "$0")/.."
samla=${SAMLA:-build/samla}
what=${1:-all}
copies=${2:-4}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# f1 OUTDIR GOLD SECTION: the soft F1 of SECTION
f1() {
  "$samla" eval -q -M soft "$2" "$1" 2>/dev/null | awk -v s="$3" '$1 == s && $2 == "(items:" {print $(NF-3)}'
}

# score PIPELINE OPTION FILE SECTIONS...: one document, one row
score() {
  local pipeline=$1 opt=$2 file=$3 stem
  shift 3
  stem=$(basename "$file" .pdf)
  rm -rf "$tmp/o" "$tmp/g"
  mkdir -p "$tmp/o" "$tmp/g"
  cp "$(ls corpus/gold/"$stem".yaml corpus/real/gold/"$stem".yaml 2>/dev/null | head -1)" "$tmp/g/"
  local t0 t1
  t0=$(date +%s.%N)
  "$samla" run -q "$pipeline" -O "read-pdf.ocr=$opt" -o "$tmp/o" "$file" || true
  t1=$(date +%s.%N)
  local row="| $stem | $opt |"
  for s in "$@"; do row="$row $(f1 "$tmp/o" "$tmp/g" "$s") |"; done
  echo "$row $(echo "$t1 - $t0" | bc | xargs printf '%.1f') |"
}

if [ "$what" = scores ] || [ "$what" = all ]; then
  echo "| scanned protocol | ocr | attendees | decisions | agenda | votes | seconds |"
  echo "|---|---|---|---|---|---|---|"
  for f in corpus/scan/protokoll*.pdf; do score protocol auto "$f" attendees decisions agenda votes; done
  echo
  echo "| scanned plan | ocr | activities | goals | seconds |"
  echo "|---|---|---|---|---|"
  for f in corpus/scan/*plan*.pdf; do score plan auto "$f" activities goals; done
  echo
  echo "| real document | ocr | attendees | decisions | agenda | seconds |"
  echo "|---|---|---|---|---|---|"
  for f in ${REALDOCS-corpus/real/*.pdf}; do
    for m in never auto; do score protocol "$m" "$f" attendees decisions agenda; done
  done
  echo
fi

if [ "$what" = speed ] || [ "$what" = all ]; then
  mkdir -p "$tmp/in"
  pages=0
  for f in corpus/scan/*.pdf; do
    n=$(/usr/bin/python3 -c 'import re,sys; print(len(re.findall(rb"/Type\s*/Page\b", open(sys.argv[1],"rb").read())))' "$f")
    for i in $(seq 1 "$copies"); do
      { cat "$f"; printf '\n%% copy %d\n' "$i"; } > "$tmp/in/$(basename "$f" .pdf)-$i.pdf"
      pages=$((pages + n))
    done
  done
  echo "| workers | documents | OCR'd pages | seconds | pages/s | CPU s (user+sys) | load average before |"
  echo "|---|---|---|---|---|---|---|"
  for j in 1 2; do
    rm -f "$tmp/s.db"*
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$samla" batch protocol -q -j "$j" --db "$tmp/s.db" "$tmp/in" >/dev/null
    read -r wall user sys < "$tmp/time"
    # the workers are children of samla batch: their CPU time is counted in %U/%S
    echo "| $j | $((copies * 3)) | $pages | $wall | $(echo "scale=3; $pages / $wall" | bc) | $(echo "$user + $sys" | bc) | $load |"
  done
fi
