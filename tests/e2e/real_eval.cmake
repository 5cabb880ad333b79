# real_eval_*: the four real Nykarleby documents (corpus/real) scored against their gold, on all pages and on the
# pages whose text layer is sound, at today's scores as floors (docs/eval.md, "Real documents"); see real_eval.sh.
# One test per document, so each stays fast under the sanitizers. These read the text layer as it is (--ocr never):
# they hold the floors of the text-layer reader, garbled pages included, and stay fast in both builds (OCR of the
# garbled pages costs 4-25 s of CPU per document). The same documents under ocr: auto (the default, garbled pages
# read by OCR) are scored by real_eval_ocr below (label ocr, normal build only) and, all four, by
# bench/ocr.sh; docs/eval.md "Real documents read by OCR" has both sets of scores and why they differ.
samla_sh_test(real_eval_ungdomsfullmaktige e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-ungdomsfullmaktige-2023-01-30 -1 --ocr never
  --all agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1" decisions=0.94 meeting=1
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
  --sound attendees=1 "attendees[name+status+party+roles]=1" meeting=1 "meeting[date+start+end+place]=1"
  signatures=1 "signatures[name+role]=1")
samla_sh_test(real_eval_valfardsnamnden e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-valfardsnamnden-2022-09-15 -1 --ocr never
  --all agenda=1 "agenda[number+title]=1" decisions=0.84 attendees=1 "attendees[name+status+party+roles]=1" meeting=1
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
  --sound agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1"
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1")
samla_sh_test(real_eval_personalsektionen e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-personalsektionen-2023-03-28 -1 --ocr never
  --all agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1" decisions=0.8 meeting=1
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
  --sound attendees=1 "attendees[name+status+party+roles]=1" meeting=1 "meeting[date+start+end+place]=1"
  signatures=1 "signatures[name+role]=1")
# the agenda document: no decided decision at all (P-AGENDA-NOT-DECIDED), its proposals found on sound pages
samla_sh_test(real_eval_foredragningslista e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-stadsstyrelsen-foredragningslista-2022-09-26 0 --ocr never
  --all agenda=1 "agenda[number+title]=1" decisions=0.78 "decisions[item+status+clauses]=0.26"
  --sound agenda=1 "agenda[number+title]=1" decisions=1)
# The gold and the page list stay consistent (every entry on a page of its document, classes disjoint).
samla_sh_test(real_gold_check e2e ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/real_gold_check.py corpus/real)
# ocr: auto on the smallest real document: its garbled pages 5, 8 and 11 are found and read by OCR (their text then
# scores 0.92-0.95 known words against 0.33-0.39 of the layer), at today's floors. Decisions reach the --ocr never
# floor (0.94; 0.625 before): Tesseract reads the item sign written against the number ('3§') as '38', which the item
# sequence settles (P-OCR-ITEM-SIGN, docs/conventions.md; docs/eval.md "Real documents read by OCR").
if(OCR_FOUND)
  samla_sh_test(real_eval_ocr_ungdomsfullmaktige ocr sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
    nykarleby-ungdomsfullmaktige-2023-01-30 -1 --ocr auto
    --all agenda=1 "agenda[number+title]=1" attendees=0.78 "attendees[name+status+party+roles]=0.64" decisions=0.94 meeting=1
    --sound attendees=0.78 "attendees[name+status+party+roles]=0.64" meeting=1)
endif()
