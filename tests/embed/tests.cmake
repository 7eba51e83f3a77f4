# The embedder (tools/embed): fixture files with every byte value and what a literal
# writer can get wrong go through carbonscope_embed() as data/ and web/ do, and come
# back byte for byte; the program's refusals and its write-only-if-changed.
file(GLOB embed_fixture_files CONFIGURE_DEPENDS ${CARBONSCOPE_FIXTURES}/embed/*)
list(FILTER embed_fixture_files EXCLUDE REGEX "/[.][^/]*$")  # .gitattributes
add_executable(embed_tests ${CMAKE_CURRENT_LIST_DIR}/embed_test.cc)
target_link_libraries(embed_tests PRIVATE cs_core carbonscope_internal GTest::gtest GTest::gtest_main
  carbonscope_warnings)
target_include_directories(embed_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_compile_definitions(embed_tests PRIVATE
  CARBONSCOPE_FIXTURES="${CARBONSCOPE_FIXTURES}"
  CARBONSCOPE_EMBED="$<TARGET_FILE:carbonscope_embed>")
carbonscope_embed(TARGET embed_tests HEADER embed/embed_fixture.h FUNCTION carbonscope::test::embed_fixture
  FILES ${embed_fixture_files})
gtest_discover_tests(embed_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS embed)
