# The installed package: cmake --install into a temporary prefix, then examples/cpp built
# against it with find_package and with pkg-config (tests/install/install_test.sh).
add_test(NAME Install.ExampleBuildsAgainstTheInstalledPackage
  COMMAND ${CMAKE_CURRENT_LIST_DIR}/install_test.sh ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
set_tests_properties(Install.ExampleBuildsAgainstTheInstalledPackage PROPERTIES LABELS install TIMEOUT 240)
