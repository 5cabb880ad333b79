# extract-protocol / normalise-protocol (label: plugins): specific values
# from the corpus protocols, read from both their PDF and DOCX renderings,
# and empty protocol sections for plans and strategies.
samla_sh_test(plugins_protocol plugins bash ${CMAKE_CURRENT_LIST_DIR}/protocol.sh)
samla_sh_test(plugins_protocol_conventions plugins bash ${CMAKE_CURRENT_LIST_DIR}/protocol_conventions.sh)
samla_sh_test(plugins_protocol_data_errors plugins bash ${CMAKE_CURRENT_LIST_DIR}/protocol_data_errors.sh)
samla_sh_test(plugins_protocol_meeting plugins bash ${CMAKE_CURRENT_LIST_DIR}/protocol_meeting.sh)
samla_sh_test(plugins_protocol_decisions plugins bash ${CMAKE_CURRENT_LIST_DIR}/protocol_decisions.sh)
