#!/bin/sh
# generated_s18wordstrat: strategies as the generator drew them (corpus/generated/wordstrat, README.md there), scored
# against the generator's gold, goals [code+kind+title+parent] = 1 on every rendering:
# 1. seed 5302 gen-5302-s005-strategi, Word-style DOCX and its PDF: the container heading numbered by Word's
#    multilevel list (*2⇥Strategiska områden*), focus areas typed *1 Kompetensförsörjning* on bold lines: the
#    typed number does not continue the container's and is the focus area's code (PL-GOAL-CODE-OUTSIDE-SECTION).
#    Before: the four focus areas without codes.
# 2. seed 1 gen-1-s029-strategi (pdfTeX, groff) and gen-1-s022-strategi (groff): delmål as bold lines at the body
#    size under 14 pt bold focus-area headings are delmål (PL-GOAL-BOLD-UNDER-HEADING). Before: focus areas.
# 3. seed 5301 gen-5301-s001-strategi, Word-style PDF: a summary table whose first cell *Sammanhållen vård och
#    omsorg* spans three rows and wraps beside the second; the rule under the delmål column alone starts no full
#    row (PDF-TABLE-ROWSPAN-RULE-FIRST). Before: a focus area *Sammanhållen vård och* and one *omsorg*.
# 4. seed 5304 gen-5304-s001-strategi, Word-style PDF: the header *Målområde | Målsättningar* over cells whose bullets
#    start at the label's x (*➢⇥Mål 1.1 …*) and a cell of only *–* is the table's header row
#    (PDF-TABLE-HEADER-LABEL-X). Before: a table of its own, the first focus area taken for the header and lost.
exec sh "$(dirname "$0")/generated_seeds.sh" generated_s18wordstrat wordstrat strategy 'goals[code+kind+title+parent]=1' \
  1:100 5301:40 5302:40 5304:40
