#!/usr/bin/env bash
# fuzz.sh: builds the libFuzzer targets (clang; library, plugins and targets instrumented,
# ASan + UBSan; build dir build-fuzz) and runs each for a bounded time from its seed corpus.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 30 s; every target)
# Seeds: corpus/pdf, corpus/docx, corpus/seeds, tests/data, tests/fuzz/cases, pipelines/ (the OCR
# target: the scanned test files only, copied to build-fuzz/fuzz-seeds/ocr). New
# inputs go to build-fuzz/fuzz-corpus/TARGET (kept between runs, so a later run starts where
# this one stopped); a crash is written to build-fuzz/fuzz-crashes/ and fails the script.
# docs/fuzzing.md says how to run longer and how to replay a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
shift || true
targets=("$@")
b=build-fuzz
CC=clang SAMLA_WITH_CLANG=1 SAMLA_BUILD_TARGET=fuzz scripts/setup.sh "$b" -DSAMLA_FUZZ=ON
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_read_pdf fuzz_read_docx fuzz_read_text fuzz_pipeline)
  [ -x "$b/tests/fuzz_read_pdf_ocr" ] && targets+=(fuzz_read_pdf_ocr) # built when Tesseract was found
fi
mkdir -p "$b/fuzz-seeds/ocr"
cp tests/data/scanned.pdf tests/data/partly-scanned.pdf "$b/fuzz-seeds/ocr/"

seeds() { # target -> seed folders
  case $1 in
    fuzz_read_pdf) echo corpus/pdf tests/data tests/fuzz/cases ;;
    fuzz_read_docx) echo corpus/docx tests/fuzz/cases ;;
    fuzz_read_text) echo corpus/seeds tests/fuzz/cases ;;
    fuzz_pipeline) echo pipelines tests/fuzz/pipelines tests/fuzz/cases ;;
    fuzz_input) echo corpus/seeds corpus/docx tests/fuzz/cases ;;
    fuzz_read_pdf_ocr) echo "$b/fuzz-seeds/ocr" ;;
  esac
}
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=1:malloc_context_size=10
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export SAMLA_BUILD=$PWD/$b
mkdir -p "$b/fuzz-crashes"
status=0
for t in "${targets[@]}"; do
  mkdir -p "$b/fuzz-corpus/$t"
  # shellcheck disable=SC2046
  timeout=25
  [ "$t" = fuzz_read_pdf_ocr ] && timeout=90 # Tesseract under the sanitizers: seconds per page
  if "$b/tests/$t" -max_total_time="$secs" -timeout="$timeout" -rss_limit_mb=2048 -max_len=262144 \
       -artifact_prefix="$b/fuzz-crashes/$t-" -print_final_stats=1 \
       "$b/fuzz-corpus/$t" $(seeds "$t") > "$b/fuzz-$t.log" 2>&1; then
    echo "fuzz: $t: $(grep -o 'cov: [0-9]*' "$b/fuzz-$t.log" | tail -1), $(grep -o 'stat::number_of_executed_units: [0-9]*' "$b/fuzz-$t.log" | awk '{print $2}') runs in ${secs} s, no crash"
  else
    echo "fuzz: $t: FAILED (log $b/fuzz-$t.log, inputs $b/fuzz-crashes/$t-*)" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY)|runtime error' "$b/fuzz-$t.log" | head -5 >&2
    status=1
  fi
done
exit $status
