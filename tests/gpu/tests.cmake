# Fake NVML and ROCm SMI shared libraries, loaded by the GPU sensor tests through the
# real dlopen path (and usable by CARBONSCOPE_NVML_LIBRARY in demos).
add_library(fake_nvml SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_nvml.cc)
add_library(fake_rocm_smi SHARED ${CMAKE_CURRENT_LIST_DIR}/fake_rocm_smi.cc)
foreach(lib fake_nvml fake_rocm_smi)
  target_include_directories(${lib} PRIVATE ${CMAKE_CURRENT_LIST_DIR})
endforeach()
add_executable(gpu_tests ${CMAKE_CURRENT_LIST_DIR}/nvml_test.cc ${CMAKE_CURRENT_LIST_DIR}/rocm_smi_test.cc)
target_link_libraries(gpu_tests PRIVATE cs_sensors carbonscope_internal GTest::gtest GTest::gtest_main carbonscope_warnings)
target_compile_definitions(gpu_tests PRIVATE FAKE_NVML="$<TARGET_FILE:fake_nvml>"
  FAKE_ROCM_SMI="$<TARGET_FILE:fake_rocm_smi>")
add_dependencies(gpu_tests fake_nvml fake_rocm_smi)
gtest_discover_tests(gpu_tests DISCOVERY_TIMEOUT 60 PROPERTIES LABELS gpu)
if(TARGET e2e_tests)
  target_compile_definitions(e2e_tests PRIVATE FAKE_NVML="$<TARGET_FILE:fake_nvml>")
  add_dependencies(e2e_tests fake_nvml)
endif()
