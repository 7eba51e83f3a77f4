// NVIDIA GPUs through NVML, loaded with dlopen (never linked): every device, its
// total-energy counter where it has one (Volta and newer), else its power sampled and
// integrated; and which processes run on it, so a job is charged only for its GPUs.
#pragma once

#include <memory>
#include <string>

#include "carbonscope/sensor.h"

namespace carbonscope {

inline constexpr const char* kDefaultNvmlLibrary = "libnvidia-ml.so.1";

// `library`: a path or soname ("" = the default). kUnavailable with the reason when
// the library, its symbols or any GPU are missing.
Result<std::unique_ptr<Sensor>> make_nvml(const std::string& library);

}  // namespace carbonscope
