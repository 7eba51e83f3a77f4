# The library boundary: tools/ and python/ include public headers only
# (cmake/check_public_includes.cmake; the tree has no allowlist any more, the fixture has one).
set(boundary_check ${PROJECT_SOURCE_DIR}/cmake/check_public_includes.cmake)
add_test(NAME boundary.public_includes COMMAND ${CMAKE_COMMAND} -DROOT=${PROJECT_SOURCE_DIR} -P ${boundary_check})
# The check itself, on a tree with an unlisted internal include in python/ and tools/,
# a public header with a third-party include, an internal include and an Impl, and a
# stale allowance: it must name all six.
add_test(NAME boundary.public_includes_detects
         COMMAND ${CMAKE_COMMAND} -DROOT=${CARBONSCOPE_FIXTURES}/boundary -P ${boundary_check})
set_tests_properties(boundary.public_includes_detects PROPERTIES WILL_FAIL TRUE)
add_test(NAME boundary.public_includes_names
         COMMAND ${CMAKE_COMMAND} -DROOT=${CARBONSCOPE_FIXTURES}/boundary -P ${boundary_check})
set_tests_properties(boundary.public_includes_names PROPERTIES PASS_REGULAR_EXPRESSION
  "python/src/binding.cc: #include \"sinks/ledger.h\" is internal.*tools/cli/cmd.cc: #include \"sinks/ledger.h\" is internal.*include/carbonscope/bad.h: #include <nlohmann/json.hpp> puts a third-party type.*include/carbonscope/bad.h: #include \"sinks/ledger.h\" is internal.*include/carbonscope/bad.h: declares an Impl.*'sinks/gone.h' is listed but no longer included")
