// The few NVML types and function signatures carbonscope uses, declared here so the
// build never needs CUDA headers (they match nvml.h; NVML keeps its ABI stable).
#pragma once

namespace carbonscope::nvml {

using Return = int;  // nvmlReturn_t
inline constexpr Return kSuccess = 0;
inline constexpr Return kErrorNotSupported = 3;
inline constexpr Return kErrorInsufficientSize = 7;
using Device = struct DeviceSt*;  // nvmlDevice_t

// nvmlProcessInfo_t as returned by the _v2 and _v3 running-process queries.
struct ProcessInfo {
  unsigned int pid;
  unsigned long long used_gpu_memory;
  unsigned int gpu_instance_id;
  unsigned int compute_instance_id;
};
// The original nvmlProcessInfo_t (v1 query).
struct ProcessInfoV1 {
  unsigned int pid;
  unsigned long long used_gpu_memory;
};

using InitFn = Return (*)();
using ShutdownFn = Return (*)();
using ErrorStringFn = const char* (*)(Return);
using GetCountFn = Return (*)(unsigned int*);
using GetHandleFn = Return (*)(unsigned int, Device*);
using GetNameFn = Return (*)(Device, char*, unsigned int);
using GetTotalEnergyFn = Return (*)(Device, unsigned long long*);  // mJ since the driver loaded
using GetPowerFn = Return (*)(Device, unsigned int*);              // mW
using GetProcessesFn = Return (*)(Device, unsigned int*, ProcessInfo*);
using GetProcessesV1Fn = Return (*)(Device, unsigned int*, ProcessInfoV1*);

}  // namespace carbonscope::nvml
