#!/bin/bash
# extract-protocol's patterns come from data/protocol-conventions.yaml: a pattern missing, one that does not
# compile and one naming an unknown fragment each stop init with one error line naming the file and the key
# (never a crash, never a run with the pattern silently absent).
set -euo pipefail
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
printf 'Protokoll\n\nStyrelsen\n\n§ 1 Budget\n\nStyrelsen beslutar att anta budgeten.\n' > "$T/p.txt"
check() {   # check NAME SED-EXPRESSION EXPECTED-MESSAGE
  rm -rf "$T/data"; cp -r data "$T/data"
  sed -i "$2" "$T/data/protocol-conventions.yaml"
  if SAMLA_DATA_PATH="$T/data" "$SAMLA" run -q protocol -o "$T/out" "$T/p.txt" 2> "$T/err-$1"; then
    echo "$1: samla exited 0"; exit 1
  fi
  grep -q "$3" "$T/err-$1" || { echo "$1: no '$3' in:"; cat "$T/err-$1"; exit 1; }
  [ "$(grep -c 'protocol-conventions.yaml' "$T/err-$1")" = 1 ] || { echo "$1: not one line:"; cat "$T/err-$1"; exit 1; }
}
check missing '/^  decide:/d' 'protocol-conventions.yaml: patterns.decide is missing'
check broken "s/^  clause: '^/  clause: '^(/" 'protocol-conventions.yaml: patterns.clause: bad pattern at offset'
check fragment 's/({NAME})s?/({PERSON})s?/' 'protocol-conventions.yaml: patterns.person_party: fragment {PERSON} is not in fragments'
# the data as shipped reads the item and its decision
"$SAMLA" run -q protocol -o "$T/out" "$T/p.txt"
grep -q "anta budgeten" "$T/out/p.txt.yaml"
