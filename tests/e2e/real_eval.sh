#!/bin/sh
# real_eval: one real Nykarleby document (corpus/real, public records) through the protocol pipeline, scored
# against its gold (written by reading the rendered pages before samla first ran on it) twice: on all pages, and
# on the pages whose text layer is sound (corpus/real/garbled-pages.yaml; tests/e2e/real_pages.py drops the gold
# and output entries of garbled and image-only pages). The minimums given are the scores reached today (first
# contact and after, docs/eval.md "Real documents"), held as floors so that the extraction work can only raise
# them; the bar is F1 >= 0.9 for attendees, agenda and decisions on sound pages.
#
# usage: real_eval.sh STEM MAX_DECIDED [--ocr MODE] [--all SPEC...] [--sound SPEC...]
#   --ocr MODE: read-pdf's option ocr (auto, the default, or never: the text layer as it is, garbled pages too).
#   MAX_DECIDED: the most output decisions with status `decided` allowed (-1: no limit). A föredragningslista has
#   none (its target is 0); today's count is held as a ceiling.
set -u
stem=$1 max_decided=$2
shift 2
all="" sound="" where="" ocr=auto
for a in "$@"; do
  case $a in
    --all|--sound|--ocr) where=$a ;;
    *) if [ "$where" = --ocr ]; then ocr=$a; where=""; continue; fi
       if [ "$where" = --all ]; then all="$all -m $a"; else sound="$sound -m $a"; fi ;;
  esac
done
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
mkdir "$work/out" || exit 1
"$SAMLA" run protocol -O "read-pdf.ocr=$ocr" -o "$work/out" "corpus/real/$stem.pdf" 2>"$work/stderr" || { cat "$work/stderr"; exit 1; }
mkdir "$work/gold" && cp "corpus/real/gold/$stem.yaml" "$work/gold/" || exit 1
# shellcheck disable=SC2086
"$SAMLA" eval -q -M soft $all "$work/gold" "$work/out" || exit 1
"$PY" tests/e2e/real_pages.py corpus/real/garbled-pages.yaml "$work/gold" "$work/out" "$work/sg" "$work/so" || exit 1
# shellcheck disable=SC2086
"$SAMLA" eval -q -M soft $sound "$work/sg" "$work/so" || exit 1
if [ "$max_decided" -ge 0 ]; then
  n=$("$PY" -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(sum(1 for x in d.get("decisions") or [] if x.get("status") == "decided"))' "$work/out/$stem.pdf.yaml") || exit 1
  if [ "$n" -gt "$max_decided" ]; then
    echo "real_eval: $stem: $n decisions marked decided (at most $max_decided; an agenda has none)" >&2
    exit 1
  fi
fi
exit 0
