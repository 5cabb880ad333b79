# samla batch, search, export, merge (label: e2e): hostile inputs, resume, kill -9, shards.
samla_sh_test(e2e_batch e2e bash ${CMAKE_CURRENT_LIST_DIR}/batch.sh)
samla_sh_test(e2e_scale_out e2e bash ${CMAKE_CURRENT_LIST_DIR}/scale_out.sh)
