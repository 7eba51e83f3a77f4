# The fault campaign as tests: damaged, foreign, read-only and full ledgers, 64 writers
# at once, and bounded mutation loops (fixed seeds) over data tables, project files,
# report imports and sysfs trees. They run the real binary, like tests/e2e.
file(GLOB fault_test_srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.cc)
add_executable(faults_tests ${fault_test_srcs} ${CMAKE_CURRENT_LIST_DIR}/../e2e/cli.cc
                            ${CMAKE_CURRENT_LIST_DIR}/../e2e/ledger_util.cc)
target_link_libraries(faults_tests PRIVATE cs_sinks carbonscope_internal fmt::fmt nlohmann_json::nlohmann_json SQLite::SQLite3
                      GTest::gtest GTest::gtest_main carbonscope_warnings)
target_include_directories(faults_tests PRIVATE ${CMAKE_CURRENT_LIST_DIR}/..)
target_compile_definitions(faults_tests PRIVATE
  CARBONSCOPE_FIXTURES="${CARBONSCOPE_FIXTURES}"
  CARBONSCOPE_BINARY="$<TARGET_FILE:carbonscope>"
  CARBONSCOPE_BUILD_DIR="${PROJECT_BINARY_DIR}"
  CARBONSCOPE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_dependencies(faults_tests carbonscope)
gtest_discover_tests(faults_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS faults)
include(${CMAKE_CURRENT_LIST_DIR}/fuzz.cmake)
