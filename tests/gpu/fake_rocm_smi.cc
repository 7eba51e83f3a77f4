// A fake librocm_smi64: the rsmi entry points carbonscope uses, driven by
// FAKE_ROCM_DEVICES (see fake_devices.h). Counter resolution 15.3 uJ.
#include <cstdint>
#include <cstdio>

#include "fake_devices.h"

namespace {
std::vector<FakeDevice> g_devices;
struct ProcessInfo {
  std::uint32_t process_id, pasid;
  std::uint64_t vram_usage, sdma_usage;
  std::uint32_t cu_occupancy;
};
}  // namespace

extern "C" {
int rsmi_init(std::uint64_t) {
  g_devices = fake_devices("FAKE_ROCM_DEVICES");
  return 0;
}
int rsmi_shut_down() { return 0; }
int rsmi_num_monitor_devices(std::uint32_t* n) {
  *n = static_cast<std::uint32_t>(g_devices.size());
  return 0;
}
int rsmi_dev_name_get(std::uint32_t i, char* name, std::size_t len) {
  std::snprintf(name, len, "%s", g_devices.at(i).name.c_str());
  return 0;
}
int rsmi_dev_energy_count_get(std::uint32_t i, std::uint64_t* count, float* res, std::uint64_t* ts) {
  FakeDevice& d = g_devices.at(i);
  if (d.kind != "energy") return 2;  // RSMI_STATUS_NOT_SUPPORTED
  d.counter += 1000;
  *count = d.counter;
  *res = 15.3f;
  *ts = 0;
  return 0;
}
int rsmi_dev_power_ave_get(std::uint32_t i, std::uint32_t, std::uint64_t* uw) {
  if (g_devices.at(i).kind == "broken") return 8;
  *uw = 50000000;
  return 0;
}
int rsmi_compute_process_info_get(ProcessInfo* procs, std::uint32_t* n) {
  std::uint32_t k = 0;
  for (const FakeDevice& d : g_devices) {
    for (unsigned pid : d.pids) {
      if (procs != nullptr && k < *n) procs[k] = {pid, 0, 0, 0, 0};
      ++k;
    }
  }
  *n = k;
  return 0;
}
int rsmi_compute_process_gpus_get(std::uint32_t pid, std::uint32_t* idx, std::uint32_t* n) {
  std::uint32_t k = 0;
  for (std::uint32_t i = 0; i < g_devices.size(); ++i) {
    for (unsigned p : g_devices[i].pids) {
      if (p == pid && k < *n) idx[k++] = i;
    }
  }
  *n = k;
  return 0;
}
}
