# generated_eval: the committed slice of the generated set (corpus/generated) scored against the
# generator's gold at today's floors (target 0.95); see generated_eval.sh and bench/generated.sh.
samla_sh_test(e2e_generated_eval e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_eval.sh)
