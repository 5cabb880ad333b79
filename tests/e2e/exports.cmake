# OParl and Popolo exports of the corpus protocols: schema-valid, everything carried over (label: e2e).
samla_sh_test(e2e_exports e2e bash ${CMAKE_CURRENT_LIST_DIR}/exports.sh)
