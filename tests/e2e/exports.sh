#!/usr/bin/env bash
# exports.sh: `samla run protocol --format oparl|popolo` on the corpus protocols (DOCX: the
# same content as the PDFs, read cheaply; read-pdf has its own tests), validated against the
# schemas with format checking and counted against the YAML model (exports_check.py).
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
files=(corpus/docx/protokoll*.docx)
for fmt in yaml oparl popolo; do
  "$SAMLA" run -q protocol --format "$fmt" -o "$T" "${files[@]}"
done
[ "$(ls "$T"/*.oparl.json | wc -l)" -eq ${#files[@]} ]
"$PY" tests/e2e/exports_check.py "$T"
# the meeting times carry the configured zone (Stockholm by default; Helsinki for Finland-Swedish protocols)
"$SAMLA" run -q protocol -f oparl -O write-oparl.timezone=Europe/Helsinki corpus/docx/protokoll-ks-storvika-2025-01-29.docx > "$T/fi.json"
grep -q '"start": "2025-01-29T13:00:00+02:00"' "$T/fi.json"
# a plan has no meeting: the export says so with a warning, not silently
"$SAMLA" run protocol -f popolo corpus/docx/handlingsplan-2025-tallasen.docx > /dev/null 2> "$T/warn"
grep -q "no meeting and no agenda" "$T/warn"
