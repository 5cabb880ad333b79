#!/bin/sh
# generated_s19groffhead: documents of generated seeds 5101 and 6201 (tuning seeds of session 19, helper
# s19-groffhead) as the farm's groff and pdfTeX producers render them with every heading level bold at the body
# size (corpus/generated/s19groffhead, README.md there), scored strictly against the generator's gold:
#  - a groff strategy of uncoded focus areas and delmål as headings (PL-GOAL-FLAT-FIRST-SUB,
#    PL-GOAL-FLAT-SECTION-AFTER; main read 2 of 15 goals);
#  - two pdfTeX plans of numbered activities under delmål headings under *Planerade aktiviteter*
#    (PL-ACTIVITY-CONTAINER-FLAT-LEVEL, PL-ACTIVITY-NUMBERED-AREA; main read 8 of 19 activities of the first and
#    5 areas of the second wrong).
set -u
PY=${PY:-/usr/bin/python3}
P=corpus/generated/s19groffhead
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/generated_gold.sh"
generated_gold_check generated_s19groffhead "$P/gold" "$tmp" 5101:40 6201:40 || exit 1
"$SAMLA" run -q strategy -o "$tmp/out" "$P"/pdf/*-strategi-*.pdf 2>/dev/null || exit 1
"$SAMLA" run -q plan -o "$tmp/out" "$P"/pdf/*-plan*-*.pdf 2>/dev/null || exit 1
"$SAMLA" eval -q -M strict -m 'goals[code+kind+title+parent].f1.strict=1' -m 'activities[text].f1.strict=1' \
  -m 'activities.area.f1.strict=1' -m 'activities.responsible.f1.strict=1' "$P/gold" "$tmp/out" >/dev/null ||
  { "$SAMLA" eval -v -M strict "$P/gold" "$tmp/out" >&2; exit 1; }
# the page-top *Uppföljning* read as a bold line is no focus area
! grep -q '^  title: Uppföljning$' "$tmp/out/gen-5101-s000-strategi-groff.pdf.yaml" || {
  echo "generated_s19groffhead: the section after is a focus area" >&2; exit 1; }
exit 0
