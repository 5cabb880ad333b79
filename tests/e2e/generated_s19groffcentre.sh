#!/bin/sh
# generated_s19groffcentre: strategies of generated seeds 5102 and 6101 (tuning seeds of session 19, helper
# s19-groffcentre) as the farm's groff producer renders them (corpus/generated/s19groffcentre, README.md there),
# scored against the generator's gold. Each has a summary table that tbl sets without rules, the focus area
# spanning its delmål (`^`) and centred vertically beside them: its lines off the delmål's baselines
# (PDF-TABLE-OFFSET-LINES), a header row over a one-line first delmål (PDF-TABLE-CENTRED-HEADER), a label wrapped
# after its code (PDF-TABLE-CENTRED-CODE-WRAP), labelled codes *Mål 3.1* / *Mål 3.2* (PDF-TABLE-CODE-LABEL).
# Main's reader (before session 19) read them at goals F1 0.815: one table not found at all, first groups lost.
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/s19groffcentre
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/generated_gold.sh"
generated_gold_check generated_s19groffcentre "$P/gold" "$tmp" 5102:40 6101:40 || exit 1
"$SAMLA" run -q strategy -o "$tmp/out" "$P"/pdf/*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -M strict -m 'goals[code+kind+title+parent].f1.strict=1' -m 'goals.parent.f1.strict=1' \
  "$P/gold" "$tmp/out" >/dev/null ||
  { "$SAMLA" eval -v -M strict "$P/gold" "$tmp/out" >&2; exit 1; }
exit 0
