# real_eval_*: the four real Nykarleby documents (corpus/real) scored against their gold, on all pages and on the
# pages whose text layer is sound, at today's scores as floors (docs/eval.md, "Real documents"); see real_eval.sh.
# One test per document, so each stays fast under the sanitizers. These read the text layer as it is (--ocr never):
# they hold the floors of the text-layer reader, garbled pages included, and stay fast in both builds (OCR of the
# garbled pages costs 4-25 s of CPU per document). The same documents under ocr: auto (the default, garbled pages
# read by OCR) are scored by real_eval_ocr_* below (label ocr, normal build only, all four) and by
# bench/ocr.sh; docs/eval.md "Real documents read by OCR" has both sets of scores and why they differ.
samla_sh_test(real_eval_ungdomsfullmaktige e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-ungdomsfullmaktige-2023-01-30 -1 --ocr never
  --all agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1" decisions=0.94 meeting=1
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
  --sound attendees=1 "attendees[name+status+party+roles]=1" meeting=1 "meeting[date+start+end+place]=1"
  signatures=1 "signatures[name+role]=1")
samla_sh_test(real_eval_valfardsnamnden e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-valfardsnamnden-2022-09-15 -1 --ocr never
  --all agenda=1 "agenda[number+title]=1" decisions=0.95 attendees=1 "attendees[name+status+party+roles]=1" meeting=1
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
  --all agenda=1 "agenda[number+title]=1" decisions=0.78 "decisions[item+status+clauses]=0.60"
  --sound agenda=1 "agenda[number+title]=1" decisions=1)
# The gold and the page list stay consistent (every entry on a page of its document, classes disjoint).
samla_sh_test(real_gold_check e2e ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/real_gold_check.py corpus/real)
# ocr: auto (the default): the garbled pages the detector finds (55 of the 61) are read by OCR onto the geometry and
# fonts of their text layer (P-OCR-LAYER-GEOMETRY, docs/conventions.md), so headings, labels, rules and the layer's
# '§' stay as the text layer gives them and the letters are OCR's. Each document scores at least its --ocr never
# floors above, with the decision text of the OCR'd pages read right (the clause group: the --ocr never runs read
# the garbled letters); docs/eval.md "Real documents read by OCR" has both sets of scores.
if(OCR_FOUND)
  samla_sh_test(real_eval_ocr_ungdomsfullmaktige ocr sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
    nykarleby-ungdomsfullmaktige-2023-01-30 -1 --ocr auto
    --all agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1" decisions=1
    "decisions[item+status+clauses]=1" meeting=1 "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
    --sound attendees=1 "attendees[name+status+party+roles]=1" meeting=1 "meeting[date+start+end+place]=1"
    signatures=1 "signatures[name+role]=1")
  samla_sh_test(real_eval_ocr_valfardsnamnden ocr sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
    nykarleby-valfardsnamnden-2022-09-15 -1 --ocr auto
    --all agenda=1 "agenda[number+title]=1" decisions=1 "decisions[item+status+clauses]=0.9" attendees=1
    "attendees[name+status+party+roles]=1" meeting=1 "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
    --sound agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1"
    "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1")
  samla_sh_test(real_eval_ocr_personalsektionen ocr sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
    nykarleby-personalsektionen-2023-03-28 -1 --ocr auto
    --all agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1" decisions=1
    "decisions[item+status+clauses]=0.91" meeting=1 "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
    --sound attendees=1 "attendees[name+status+party+roles]=1" meeting=1 "meeting[date+start+end+place]=1"
    signatures=1 "signatures[name+role]=1")
  samla_sh_test(real_eval_ocr_foredragningslista ocr sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
    nykarleby-stadsstyrelsen-foredragningslista-2022-09-26 0 --ocr auto
    --all agenda=1 "agenda[number+title]=1" decisions=1 "decisions[item+status+clauses]=0.92"
    --sound agenda=1 "agenda[number+title]=1" decisions=1)
endif()
