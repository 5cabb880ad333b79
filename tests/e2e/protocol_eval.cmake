# protocol_eval: corpus protocols (PDF and DOCX) scored against corpus/gold at
# the issue's targets; see protocol_eval.sh.
samla_sh_test(protocol_eval e2e sh ${CMAKE_CURRENT_LIST_DIR}/protocol_eval.sh)
