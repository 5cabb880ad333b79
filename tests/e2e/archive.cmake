# Routing by document kind: pipelines/archive.yaml and `when:` step conditions (label: e2e).
samla_sh_test(e2e_archive e2e bash ${CMAKE_CURRENT_LIST_DIR}/archive.sh)
