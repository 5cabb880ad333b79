#!/usr/bin/env bash
# run-corpus.sh: build samla and run it over the corpus: one model per document in out/,
# and the coverage report of the corpus plans against the 2024–2026 strategy in out/coverage/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
rm -rf out && mkdir -p out
status=0
./build/samla run all -o out corpus/pdf/*.pdf corpus/docx/*.docx || status=$?
if ./build/samla coverage --help >/dev/null 2>&1; then
  ./build/samla coverage --strategy corpus/pdf/strategi-hsvo-2024-2026.pdf -o out/coverage \
    corpus/pdf/uppsala-verksamhetsplan-2022.pdf corpus/pdf/arjeplog-handlingsplan-nara-vard.pdf \
    corpus/pdf/samverkansplan-2025-ekby.pdf corpus/pdf/handlingsplan-2025-tallasen.pdf || status=$?
fi
echo "run-corpus: $(ls out/*.yaml | wc -l) models in out/ (exit $status)"
exit $status
