// AMD GPUs through ROCm SMI (librocm_smi64.so), loaded with dlopen like NVML: the
// accumulated-energy counter where the device has it, else average power sampled and
// integrated; and the compute processes on each device for job attribution.
#pragma once

#include <memory>
#include <string>

#include "carbonscope/sensor.h"

namespace carbonscope {

inline constexpr const char* kDefaultRocmSmiLibrary = "librocm_smi64.so.1";

Result<std::unique_ptr<Sensor>> make_rocm_smi(const std::string& library);

}  // namespace carbonscope
