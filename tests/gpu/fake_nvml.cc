// A fake libnvidia-ml: the NVML entry points carbonscope uses, driven by
// FAKE_NVML_DEVICES (see fake_devices.h); FAKE_NVML_INIT_FAIL=1 makes nvmlInit fail.
#include <cstdio>
#include <cstring>

#include "fake_devices.h"

namespace {
std::vector<FakeDevice> g_devices;
struct ProcessInfo {
  unsigned int pid;
  unsigned long long used_gpu_memory;
  unsigned int gpu_instance_id;
  unsigned int compute_instance_id;
};
constexpr int kSuccess = 0, kNotSupported = 3, kInsufficientSize = 7, kUnknown = 999;
FakeDevice* dev(void* d) { return static_cast<FakeDevice*>(d); }
}  // namespace

extern "C" {
int nvmlInit_v2() {
  const char* fail = std::getenv("FAKE_NVML_INIT_FAIL");
  if (fail != nullptr && std::strcmp(fail, "1") == 0) return 9;  // NVML_ERROR_DRIVER_NOT_LOADED
  g_devices = fake_devices("FAKE_NVML_DEVICES");
  return kSuccess;
}
int nvmlShutdown() { return kSuccess; }
const char* nvmlErrorString(int rc) {
  return rc == kNotSupported ? "Not Supported" : rc == 9 ? "Driver Not Loaded" : "Unknown Error";
}
int nvmlDeviceGetCount_v2(unsigned int* n) {
  *n = static_cast<unsigned int>(g_devices.size());
  return kSuccess;
}
int nvmlDeviceGetHandleByIndex_v2(unsigned int i, void** d) {
  if (i >= g_devices.size()) return 2;  // NVML_ERROR_INVALID_ARGUMENT
  *d = &g_devices[i];
  return kSuccess;
}
int nvmlDeviceGetName(void* d, char* name, unsigned int len) {
  std::snprintf(name, len, "%s", dev(d)->name.c_str());
  return kSuccess;
}
int nvmlDeviceGetTotalEnergyConsumption(void* d, unsigned long long* mj) {
  FakeDevice* f = dev(d);
  if (f->kind == "power") return kNotSupported;
  if (f->kind == "broken" || (f->kind == "flaky" && f->reads > 0)) return kUnknown;
  ++f->reads;
  f->counter += 1000;
  *mj = f->counter;
  return kSuccess;
}
int nvmlDeviceGetPowerUsage(void* d, unsigned int* mw) {
  if (dev(d)->kind == "broken") return kUnknown;
  *mw = 50000;
  return kSuccess;
}
int nvmlDeviceGetComputeRunningProcesses_v3(void* d, unsigned int* n, ProcessInfo* infos) {
  const auto& pids = dev(d)->pids;
  if (*n < pids.size()) {
    *n = static_cast<unsigned int>(pids.size());
    return kInsufficientSize;
  }
  *n = static_cast<unsigned int>(pids.size());
  for (std::size_t i = 0; i < pids.size(); ++i) infos[i] = {pids[i], 0, 0, 0};
  return kSuccess;
}
}
