#!/usr/bin/env bash
# samla coverage -f html -f xlsx on two corpus plans (DOCX, cheap): the workbook read back with
# openpyxl equals the YAML report and the HTML page (coverage_xlsx.py); a bad format is a usage error.
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
"$SAMLA" coverage -q -f html -f xlsx --strategy corpus/docx/strategi-hsvo-2024-2026.docx -o "$T" \
  corpus/docx/samverkansplan-2025-ekby.docx corpus/docx/handlingsplan-2025-tallasen.docx > /dev/null
"$PY" tests/e2e/coverage_xlsx.py "$T"
set +e; "$SAMLA" coverage -f ods --strategy x y 2> "$T/err"; rc=$?; set -e
[ $rc -eq 2 ] && grep -q "unknown format 'ods'" "$T/err"
