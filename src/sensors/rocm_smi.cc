// ROCm SMI sensor. The few rsmi types and signatures are declared here (they match
// rocm_smi.h), so the build never needs ROCm.
#include "sensors/rocm_smi.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include <fmt/format.h>

#include "platform/dynamic_library.h"

namespace carbonscope {
namespace {

using RsmiStatus = int;  // rsmi_status_t; RSMI_STATUS_SUCCESS == 0
struct RsmiProcessInfo {  // rsmi_process_info_t
  std::uint32_t process_id;
  std::uint32_t pasid;
  std::uint64_t vram_usage;
  std::uint64_t sdma_usage;
  std::uint32_t cu_occupancy;
};
using InitFn = RsmiStatus (*)(std::uint64_t);
using ShutDownFn = RsmiStatus (*)();
using NumDevicesFn = RsmiStatus (*)(std::uint32_t*);
using NameFn = RsmiStatus (*)(std::uint32_t, char*, std::size_t);
using EnergyFn = RsmiStatus (*)(std::uint32_t, std::uint64_t*, float*, std::uint64_t*);  // count, uJ/count, ts
using PowerFn = RsmiStatus (*)(std::uint32_t, std::uint32_t, std::uint64_t*);           // uW
using ProcessesFn = RsmiStatus (*)(RsmiProcessInfo*, std::uint32_t*);
using ProcessGpusFn = RsmiStatus (*)(std::uint32_t, std::uint32_t*, std::uint32_t*);

struct Api {
  ShutDownFn shut_down = nullptr;
  NameFn name = nullptr;
  EnergyFn energy = nullptr;
  PowerFn power = nullptr;
  ProcessesFn processes = nullptr;
  ProcessGpusFn process_gpus = nullptr;
};

template <typename Fn>
Fn find(const DynamicLibrary& lib, const char* name) {
  auto p = lib.symbol(name);
  return p.ok() ? reinterpret_cast<Fn>(*p) : nullptr;
}

class RocmSmi final : public Sensor {
 public:
  RocmSmi(DynamicLibrary lib, Api api, std::vector<std::uint32_t> devices, std::vector<SensorDomain> domains)
      : lib_(std::move(lib)), api_(api), devices_(std::move(devices)), domains_(std::move(domains)) {}
  ~RocmSmi() override { api_.shut_down(); }
  std::string_view name() const override { return "rocm-smi"; }
  const std::vector<SensorDomain>& domains() const override { return domains_; }

  Status read(const SampleContext& ctx, std::span<DomainReading> out) override {
    Status first;
    if (ctx.job_mode) count_job_processes(ctx.job_pids);
    for (std::size_t i = 0; i < devices_.size(); ++i) {
      RsmiStatus rc;
      if (domains_[i].kind == ReadingKind::kCounter) {
        float res = 0;
        std::uint64_t ts = 0;
        rc = api_.energy(devices_[i], &out[i].counter, &res, &ts);
      } else {
        std::uint64_t uw = 0;
        rc = api_.power(devices_[i], 0, &uw);
        out[i].watts = static_cast<double>(uw) / 1e6;
      }
      out[i].ok = rc == 0;
      if (!out[i].ok && first.ok()) first = Status::unavailable(fmt::format("ROCm SMI {}: status {}", domains_[i].name, rc));
      out[i].job_share = -1;
      if (ctx.job_mode && procs_ok_) {
        const std::uint32_t all = all_[i], mine = mine_[i];
        out[i].job_share = all == 0 ? 0.0 : static_cast<double>(mine) / all;
      }
    }
    return first;
  }

 private:
  // Per device: how many compute processes run there, and how many are the job's.
  void count_job_processes(std::span<const int> pids) {
    std::fill(all_.begin(), all_.end(), 0u);
    std::fill(mine_.begin(), mine_.end(), 0u);
    procs_ok_ = false;
    if (api_.processes == nullptr || api_.process_gpus == nullptr) return;
    std::uint32_t n = static_cast<std::uint32_t>(procs_.size());
    if (api_.processes(procs_.data(), &n) != 0) return;
    n = std::min<std::uint32_t>(n, static_cast<std::uint32_t>(procs_.size()));
    for (std::uint32_t p = 0; p < n; ++p) {
      std::uint32_t idx[64];
      std::uint32_t nd = 64;
      if (api_.process_gpus(procs_[p].process_id, idx, &nd) != 0) continue;
      const bool mine = std::binary_search(pids.begin(), pids.end(), static_cast<int>(procs_[p].process_id));
      for (std::uint32_t k = 0; k < nd && k < 64; ++k) {
        for (std::size_t i = 0; i < devices_.size(); ++i) {
          if (devices_[i] != idx[k]) continue;
          ++all_[i];
          if (mine) ++mine_[i];
        }
      }
    }
    procs_ok_ = true;
  }

  DynamicLibrary lib_;
  Api api_;
  std::vector<std::uint32_t> devices_;
  std::vector<SensorDomain> domains_;
  std::vector<RsmiProcessInfo> procs_ = std::vector<RsmiProcessInfo>(256);
  std::vector<std::uint32_t> all_ = std::vector<std::uint32_t>(devices_.size());
  std::vector<std::uint32_t> mine_ = std::vector<std::uint32_t>(devices_.size());
  bool procs_ok_ = false;
};

}  // namespace

Result<std::unique_ptr<Sensor>> make_rocm_smi(const std::string& library) {
  const std::string path = library.empty() ? kDefaultRocmSmiLibrary : library;
  auto lib = DynamicLibrary::open(path);
  if (!lib.ok()) {
    return Status::unavailable(fmt::format("{} (no ROCm; set CARBONSCOPE_ROCM_SMI_LIBRARY if it is elsewhere)",
                                           lib.status().message()));
  }
  auto init = find<InitFn>(*lib, "rsmi_init");
  auto num = find<NumDevicesFn>(*lib, "rsmi_num_monitor_devices");
  Api api;
  api.shut_down = find<ShutDownFn>(*lib, "rsmi_shut_down");
  api.name = find<NameFn>(*lib, "rsmi_dev_name_get");
  api.energy = find<EnergyFn>(*lib, "rsmi_dev_energy_count_get");
  api.power = find<PowerFn>(*lib, "rsmi_dev_power_ave_get");
  api.processes = find<ProcessesFn>(*lib, "rsmi_compute_process_info_get");
  api.process_gpus = find<ProcessGpusFn>(*lib, "rsmi_compute_process_gpus_get");
  if (init == nullptr || num == nullptr || api.shut_down == nullptr || api.power == nullptr) {
    return Status::unavailable(fmt::format("{} lacks rsmi_init/rsmi_num_monitor_devices/rsmi_dev_power_ave_get", path));
  }
  if (const RsmiStatus rc = init(0); rc != 0) return Status::unavailable(fmt::format("rsmi_init failed: status {}", rc));
  std::uint32_t count = 0;
  if (num(&count) != 0 || count == 0) {
    api.shut_down();
    return Status::unavailable("ROCm SMI sees no GPU");
  }
  std::vector<std::uint32_t> devices;
  std::vector<SensorDomain> domains;
  for (std::uint32_t i = 0; i < count; ++i) {
    char name[96] = "AMD GPU";
    if (api.name != nullptr && api.name(i, name, sizeof name) != 0) std::snprintf(name, sizeof name, "AMD GPU");
    SensorDomain d;
    d.name = fmt::format("amdgpu-{}", i);
    d.component = "gpu";
    d.label = fmt::format("GPU {} {}", i, name);
    std::uint64_t count_value = 0, ts = 0, uw = 0;
    float res = 0;
    if (api.energy != nullptr && api.energy(i, &count_value, &res, &ts) == 0 && res > 0) {
      d.kind = ReadingKind::kCounter;
      d.joules_per_unit = static_cast<double>(res) * 1e-6;
      d.provenance = {Method::kMeasured, "", fmt::format("ROCm SMI energy counter of GPU {}", i), "", 0};
    } else if (api.power(i, 0, &uw) == 0) {
      d.kind = ReadingKind::kPower;
      d.provenance = {Method::kMeasured, "",
                      fmt::format("ROCm SMI average power of GPU {} sampled each interval, trapezoid rule", i), "", 0};
    } else {
      continue;
    }
    devices.push_back(i);
    domains.push_back(std::move(d));
  }
  if (devices.empty()) {
    api.shut_down();
    return Status::unavailable("ROCm SMI lists GPUs but none reports energy or power");
  }
  return std::unique_ptr<Sensor>(new RocmSmi(std::move(lib).value(), api, std::move(devices), std::move(domains)));
}

}  // namespace carbonscope
