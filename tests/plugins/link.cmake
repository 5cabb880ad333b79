# link-strategy tests (label: plugins): a fixture plugin supplies activities
# from tests/data/link/*.yaml until the activity extractor is used.
samla_add_plugin(link-fixture SOURCES ${CMAKE_CURRENT_LIST_DIR}/link_fixture/link_fixture.c)
samla_sh_test(plugins_link plugins bash ${CMAKE_CURRENT_LIST_DIR}/link.sh)
