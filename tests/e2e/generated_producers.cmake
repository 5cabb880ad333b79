# generated_producers: generated protocols rendered by other PDF producers (corpus/generated/producers),
# scored against the generator's gold for the front-page and signature conventions they hold.
samla_sh_test(e2e_generated_producers e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_producers.sh)
