# generated_s19groffhead: a groff strategy and two pdfTeX plans whose headings are all bold at the body size
# (corpus/generated/s19groffhead), scored against the generator's gold (session 19, helper s19-groffhead).
samla_sh_test(e2e_generated_s19groffhead e2e sh ${CMAKE_CURRENT_LIST_DIR}/generated_s19groffhead.sh)
