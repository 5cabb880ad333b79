#!/usr/bin/env bash
# schema.sh: the outputs of the pipelines on the corpus validate against
# docs/schema/samla.schema.json: `all` (every extractor; the other extracting
# pipelines run a subset of its steps with the same options) and `dump` on every
# corpus file, the narrower pipelines on the seed texts and the DOCX files only
# (their sections are `all`'s; reading every PDF again would repeat work).
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=(corpus/seeds/*.txt)
for f in corpus/docx/*.docx; do [ -e "$f" ] && files+=("$f"); done
some=("${files[@]}")
for f in corpus/pdf/*.pdf; do [ -e "$f" ] && files+=("$f"); done
n=0
for p in pipelines/*.yaml; do
  name=$(basename "$p" .yaml)
  case $name in coverage|synonyms|*.lexicon) continue ;; esac
  grep -q '^steps:' "$p" || continue
  mkdir -p "$tmp/$name"
  case $name in all|dump) inputs=("${files[@]}") ;; *) inputs=("${some[@]}") ;; esac
  "$SAMLA" run -q "$name" -o "$tmp/$name" "${inputs[@]}" 2>"$tmp/$name.err"
  rc=$?
  if [ $rc = 2 ]; then echo "pipeline $name refused:"; cat "$tmp/$name.err"; exit 1; fi
  if [ $rc != 0 ]; then echo "pipeline $name: some inputs failed:"; cat "$tmp/$name.err"; exit 1; fi
  n=$((n + $(ls "$tmp/$name" | wc -l)))
done
echo "validating $n outputs"
"$PY" tests/tools/validate.py $(find "$tmp" -name '*.yaml')
