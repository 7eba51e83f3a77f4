// NVML sensor: symbol table, device probing, counter or power per device, processes.
#include "sensors/nvml.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "platform/dynamic_library.h"
#include "sensors/nvml_api.h"

namespace carbonscope {
namespace {

template <typename Fn>
Status sym(const DynamicLibrary& lib, const char* name, Fn& out) {
  auto p = lib.symbol(name);
  if (!p.ok()) return p.status();
  out = reinterpret_cast<Fn>(*p);
  return {};
}

template <typename Fn>
Fn optional_sym(const DynamicLibrary& lib, const char* name) {
  auto p = lib.symbol(name);
  return p.ok() ? reinterpret_cast<Fn>(*p) : nullptr;
}

struct Api {
  nvml::InitFn init = nullptr;
  nvml::ShutdownFn shutdown = nullptr;
  nvml::ErrorStringFn error_string = nullptr;
  nvml::GetCountFn count = nullptr;
  nvml::GetHandleFn handle = nullptr;
  nvml::GetNameFn name = nullptr;
  nvml::GetTotalEnergyFn energy = nullptr;
  nvml::GetPowerFn power = nullptr;
  nvml::GetProcessesFn processes = nullptr;
  nvml::GetProcessesV1Fn processes_v1 = nullptr;
};

class Nvml final : public Sensor {
 public:
  Nvml(DynamicLibrary lib, Api api, std::vector<nvml::Device> devices, std::vector<SensorDomain> domains)
      : lib_(std::move(lib)), api_(api), devices_(std::move(devices)), domains_(std::move(domains)) {}
  ~Nvml() override { api_.shutdown(); }
  std::string_view name() const override { return "nvml"; }
  const std::vector<SensorDomain>& domains() const override { return domains_; }

  Status read(const SampleContext& ctx, std::span<DomainReading> out) override {
    Status first;
    for (std::size_t i = 0; i < devices_.size(); ++i) {
      nvml::Return rc;
      if (domains_[i].kind == ReadingKind::kCounter) {
        unsigned long long mj = 0;
        rc = api_.energy(devices_[i], &mj);
        out[i].counter = mj;
      } else {
        unsigned int mw = 0;
        rc = api_.power(devices_[i], &mw);
        out[i].watts = mw / 1000.0;
      }
      out[i].ok = rc == nvml::kSuccess;
      if (!out[i].ok && first.ok()) {
        first = Status::unavailable(fmt::format("NVML {}: {}", domains_[i].name, api_.error_string(rc)));
      }
      out[i].job_share = ctx.job_mode ? job_share(devices_[i], ctx.job_pids) : -1;
    }
    return first;
  }

 private:
  // Share of the device's compute processes that belong to the job; -1 when NVML
  // cannot say (the job is then charged the whole device, and the report says so).
  double job_share(nvml::Device dev, std::span<const int> pids) {
    unsigned int n = static_cast<unsigned int>(procs_.size());
    nvml::Return rc;
    if (api_.processes != nullptr) {
      rc = api_.processes(dev, &n, procs_.data());
      if (rc == nvml::kErrorInsufficientSize) {
        procs_.resize(n + 16);
        n = static_cast<unsigned int>(procs_.size());
        rc = api_.processes(dev, &n, procs_.data());
      }
    } else if (api_.processes_v1 != nullptr) {
      procs_v1_.resize(procs_.size());
      rc = api_.processes_v1(dev, &n, procs_v1_.data());
      for (unsigned int i = 0; rc == nvml::kSuccess && i < n && i < procs_.size(); ++i) procs_[i].pid = procs_v1_[i].pid;
    } else {
      return -1;
    }
    if (rc != nvml::kSuccess) return -1;
    if (n == 0) return 0;
    unsigned int mine = 0;
    for (unsigned int i = 0; i < n && i < procs_.size(); ++i) {
      if (std::binary_search(pids.begin(), pids.end(), static_cast<int>(procs_[i].pid))) ++mine;
    }
    return static_cast<double>(mine) / n;
  }

  DynamicLibrary lib_;
  Api api_;
  std::vector<nvml::Device> devices_;
  std::vector<SensorDomain> domains_;
  std::vector<nvml::ProcessInfo> procs_ = std::vector<nvml::ProcessInfo>(64);
  std::vector<nvml::ProcessInfoV1> procs_v1_;
};

}  // namespace

Result<std::unique_ptr<Sensor>> make_nvml(const std::string& library) {
  const std::string path = library.empty() ? kDefaultNvmlLibrary : library;
  auto lib = DynamicLibrary::open(path);
  if (!lib.ok()) {
    return Status::unavailable(fmt::format("{} (no NVIDIA driver; set CARBONSCOPE_NVML_LIBRARY if it is elsewhere)",
                                           lib.status().message()));
  }
  Api api;
  CS_RETURN_IF_ERROR(sym(*lib, "nvmlInit_v2", api.init));
  CS_RETURN_IF_ERROR(sym(*lib, "nvmlShutdown", api.shutdown));
  CS_RETURN_IF_ERROR(sym(*lib, "nvmlErrorString", api.error_string));
  CS_RETURN_IF_ERROR(sym(*lib, "nvmlDeviceGetCount_v2", api.count));
  CS_RETURN_IF_ERROR(sym(*lib, "nvmlDeviceGetHandleByIndex_v2", api.handle));
  CS_RETURN_IF_ERROR(sym(*lib, "nvmlDeviceGetName", api.name));
  CS_RETURN_IF_ERROR(sym(*lib, "nvmlDeviceGetPowerUsage", api.power));
  api.energy = optional_sym<nvml::GetTotalEnergyFn>(*lib, "nvmlDeviceGetTotalEnergyConsumption");
  api.processes = optional_sym<nvml::GetProcessesFn>(*lib, "nvmlDeviceGetComputeRunningProcesses_v3");
  if (api.processes == nullptr) {
    api.processes = optional_sym<nvml::GetProcessesFn>(*lib, "nvmlDeviceGetComputeRunningProcesses_v2");
  }
  if (api.processes == nullptr) {
    api.processes_v1 = optional_sym<nvml::GetProcessesV1Fn>(*lib, "nvmlDeviceGetComputeRunningProcesses");
  }
  if (const nvml::Return rc = api.init(); rc != nvml::kSuccess) {
    return Status::unavailable(fmt::format("nvmlInit failed: {}", api.error_string(rc)));
  }
  unsigned int count = 0;
  if (const nvml::Return rc = api.count(&count); rc != nvml::kSuccess || count == 0) {
    api.shutdown();
    return Status::unavailable(rc != nvml::kSuccess ? fmt::format("nvmlDeviceGetCount: {}", api.error_string(rc))
                                                    : std::string("NVML sees no GPU"));
  }
  std::vector<nvml::Device> devices;
  std::vector<SensorDomain> domains;
  for (unsigned int i = 0; i < count; ++i) {
    nvml::Device dev = nullptr;
    if (api.handle(i, &dev) != nvml::kSuccess) continue;
    char name[96] = {};
    if (api.name(dev, name, sizeof name) != nvml::kSuccess) std::snprintf(name, sizeof name, "NVIDIA GPU");
    SensorDomain d;
    d.name = fmt::format("gpu-{}", i);
    d.component = "gpu";
    d.label = fmt::format("GPU {} {}", i, name);
    unsigned long long mj = 0;
    if (api.energy != nullptr && api.energy(dev, &mj) == nvml::kSuccess) {
      d.kind = ReadingKind::kCounter;
      d.joules_per_unit = 1e-3;
      d.provenance = {Method::kMeasured, "", fmt::format("NVML total-energy counter of GPU {}", i), "", 0};
    } else {
      unsigned int mw = 0;
      if (api.power(dev, &mw) != nvml::kSuccess) continue;  // neither counter nor power: skip this GPU
      d.kind = ReadingKind::kPower;
      d.provenance = {Method::kMeasured, "",
                      fmt::format("NVML power of GPU {} sampled each interval, trapezoid rule (no energy counter)", i),
                      "", 0};
    }
    devices.push_back(dev);
    domains.push_back(std::move(d));
  }
  if (devices.empty()) {
    api.shutdown();
    return Status::unavailable("NVML lists GPUs but none reports energy or power");
  }
  return std::unique_ptr<Sensor>(new Nvml(std::move(lib).value(), api, std::move(devices), std::move(domains)));
}

}  // namespace carbonscope
