# generated_s19groffcentre: strategies of generated seeds 5102 and 6101 whose summary table groff's tbl sets unruled,
# each focus area spanning its delmål and centred beside them (corpus/generated/s19groffcentre), scored against the
# generator's gold (session 19).
samla_sh_test(e2e_generated_s19groffcentre e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_s19groffcentre.sh)
