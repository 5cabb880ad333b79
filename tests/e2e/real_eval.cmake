# real_eval_*: the four real Nykarleby documents (corpus/real) scored against their gold, on all pages and on the
# pages whose text layer is sound, at today's scores as floors (docs/eval.md, "Real documents"); see real_eval.sh.
# One test per document, so each stays fast under the sanitizers.
samla_sh_test(real_eval_ungdomsfullmaktige e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-ungdomsfullmaktige-2023-01-30 -1
  --all agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1" decisions=0.94 meeting=1
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
  --sound attendees=1 "attendees[name+status+party+roles]=1" meeting=1 "meeting[date+start+end+place]=1"
  signatures=1 "signatures[name+role]=1")
samla_sh_test(real_eval_valfardsnamnden e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-valfardsnamnden-2022-09-15 -1
  --all agenda=1 "agenda[number+title]=1" decisions=0.84 attendees=1 "attendees[name+status+party+roles]=1" meeting=1
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
  --sound agenda=1 "agenda[number+title]=1" attendees=1 "attendees[name+status+party+roles]=1"
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1")
samla_sh_test(real_eval_personalsektionen e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-personalsektionen-2023-03-28 -1
  --all agenda=1 "agenda[number+title]=1" attendees=0.83 "attendees[name+status+party+roles]=0.83" decisions=0.8 meeting=1
  "meeting[date+start+end+place]=1" signatures=1 "signatures[name+role]=1"
  --sound attendees=0.83 "attendees[name+status+party+roles]=0.83" meeting=1 "meeting[date+start+end+place]=1"
  signatures=1 "signatures[name+role]=1")
# the agenda document: no decided decision at all (P-AGENDA-NOT-DECIDED), its proposals found on sound pages
samla_sh_test(real_eval_foredragningslista e2e sh ${CMAKE_CURRENT_LIST_DIR}/real_eval.sh
  nykarleby-stadsstyrelsen-foredragningslista-2022-09-26 0
  --all agenda=1 "agenda[number+title]=1" decisions=0.78
  --sound agenda=1 "agenda[number+title]=1" decisions=1)
# The gold and the page list stay consistent (every entry on a page of its document, classes disjoint).
samla_sh_test(real_gold_check e2e ${SAMLA_PY} ${CMAKE_CURRENT_LIST_DIR}/real_gold_check.py corpus/real)
