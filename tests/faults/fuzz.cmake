# Optional libFuzzer targets (not built in CI): configure with clang,
#   cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
#         -DCARBONSCOPE_FUZZ=ON "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link -Wno-unknown-warning-option"
#   cmake --build build-fuzz --target fuzz_args
#   build-fuzz/tests/fuzz_args -seed=1706 -max_total_time=60 tests/faults/corpus/argv
# (docs/validation.md, "Fault campaign").
option(CARBONSCOPE_FUZZ "Build the libFuzzer targets of tests/faults/fuzz (clang only)" OFF)
if(CARBONSCOPE_FUZZ)
  foreach(target args data_tables project_files report_imports)
    add_executable(fuzz_${target} ${CMAKE_CURRENT_LIST_DIR}/fuzz/fuzz_targets.cc)
    target_compile_definitions(fuzz_${target} PRIVATE CS_FUZZ_${target})
    target_compile_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(fuzz_${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    if(target STREQUAL "args")
      target_link_libraries(fuzz_${target} PRIVATE cs_core carbonscope_internal)  # the quantity parsers only
    else()
      target_link_libraries(fuzz_${target} PRIVATE cs_project cs_sinks carbonscope_internal nlohmann_json::nlohmann_json)
    endif()
  endforeach()
endif()
