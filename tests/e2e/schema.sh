#!/usr/bin/env bash
# schema.sh: every output of every pipeline on every corpus file validates against
# docs/schema/samla.schema.json.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=(corpus/seeds/*.txt)
for f in corpus/pdf/*.pdf corpus/docx/*.docx; do [ -e "$f" ] && files+=("$f"); done
n=0
for p in pipelines/*.yaml; do
  name=$(basename "$p" .yaml)
  case $name in coverage|synonyms|*.lexicon) continue ;; esac
  grep -q '^steps:' "$p" || continue
  mkdir -p "$tmp/$name"
  "$SAMLA" run -q "$name" -o "$tmp/$name" "${files[@]}" 2>"$tmp/$name.err"
  rc=$?
  if [ $rc = 2 ]; then echo "pipeline $name refused:"; cat "$tmp/$name.err"; exit 1; fi
  if [ $rc != 0 ]; then echo "pipeline $name: some inputs failed:"; cat "$tmp/$name.err"; exit 1; fi
  n=$((n + $(ls "$tmp/$name" | wc -l)))
done
echo "validating $n outputs"
"$PY" tests/tools/validate.py $(find "$tmp" -name '*.yaml')
