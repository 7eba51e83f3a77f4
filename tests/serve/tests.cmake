# The dashboard tests: a real HTTP client on loopback, and a real headless Chromium
# (skipped when Debian's chromium is not installed). Screenshots go to
# ${PROJECT_BINARY_DIR}/test-artifacts/.
file(GLOB serve_test_srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cc)
add_executable(serve_tests ${serve_test_srcs})
target_link_libraries(serve_tests PRIVATE cs_serve carbonscope_internal GTest::gtest GTest::gtest_main carbonscope_warnings)
target_include_directories(serve_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_compile_definitions(serve_tests PRIVATE
  CARBONSCOPE_FIXTURES="${CARBONSCOPE_FIXTURES}"
  CARBONSCOPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
  CARBONSCOPE_ARTIFACTS="${PROJECT_BINARY_DIR}/test-artifacts")
gtest_discover_tests(serve_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS serve)
