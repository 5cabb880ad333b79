#!/usr/bin/env bash
# test.sh: build samla twice (normal, and with AddressSanitizer + UndefinedBehaviorSanitizer)
# and run the whole test suite in both. Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
export SAMLA_WITH_BROWSER=1
scripts/setup.sh build
ctest --test-dir build --output-on-failure -j"$(nproc)"
# Prefix /usr: the install test of this build checks the Debian layout (lib/<multiarch>/samla/plugins),
# the normal build's checks the plain one (lib/samla/plugins).
scripts/setup.sh build-asan -DSAMLA_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug -DCMAKE_INSTALL_PREFIX=/usr
# Fast (frame-pointer) unwinding and short allocation stacks: slow unwinding made one 117-page PDF
# take 83 s instead of 4 s; reports still have the frames that matter.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=1:malloc_context_size=10
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# OCR tests (label ocr) run in the normal build only: Tesseract is not instrumented, and its seconds a page
# would only repeat the normal run's work (issue 13, "Test time").
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -LE "slow|ocr"
echo "test: all tests passed (normal and sanitizer builds)"
