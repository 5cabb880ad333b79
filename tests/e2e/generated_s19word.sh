#!/bin/sh
# generated_s19word: plans as the generator drew them (corpus/generated/s19word, README.md there), rendered by the
# Word-style producer, scored against the generator's gold: activities [text+area+responsible] = 1 on the PDF and
# the DOCX. Each plan's table has a cell holding two activities as two paragraphs, the first line filling the
# column, the paragraphs 2 pt further apart than the cell's wrapped lines (PDF-CELL-PARA-SPACE):
# 1. seed 6501 gen-6501-s003-plan3 (*Sprida information om kostråd via vårdcentralen* over *Erbjuda simskola för
#    nyanlända barn*). Before: one activity of the two, 10 of 12 right.
# 2. seed 5304 gen-5304-s004-plan2 (two such cells). Before: two activities of four, 14 of 18 right.
exec sh "$(dirname "$0")/generated_seeds.sh" generated_s19word s19word plan 'activities[text+area+responsible]=1' \
  6501:20 5304:40
