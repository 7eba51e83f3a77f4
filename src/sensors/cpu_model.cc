// CPU model sensor: utilisation x TDP.
#include "sensors/cpu_model.h"

#include <algorithm>

#include <fmt/format.h>

#include "sensors/procfs.h"

namespace carbonscope {
namespace {

class CpuModel final : public Sensor {
 public:
  CpuModel(Power tdp, std::vector<SensorDomain> domains) : tdp_(tdp), domains_(std::move(domains)) {}
  std::string_view name() const override { return "cpu-model"; }
  const std::vector<SensorDomain>& domains() const override { return domains_; }
  Status read(const SampleContext& ctx, std::span<DomainReading> out) override {
    out[0].ok = true;
    out[0].watts = cpu_model_power(tdp_, ctx.node_utilisation).watts();
    return {};
  }

 private:
  Power tdp_;
  std::vector<SensorDomain> domains_;
};

}  // namespace

Power cpu_model_power(Power tdp, double utilisation) {
  const double u = std::clamp(utilisation, 0.0, 1.0);
  return tdp * (kCpuIdleFraction + (1.0 - kCpuIdleFraction) * u);
}

Result<std::unique_ptr<Sensor>> make_cpu_model(const FileReader& proc_reader, CpuModelConfig config) {
  if (config.logical_cpus <= 0) {
    CS_ASSIGN_OR_RETURN(std::string stat, proc_reader.read("/proc/stat"));
    CS_ASSIGN_OR_RETURN(CpuTimes times, parse_proc_stat(stat));
    config.logical_cpus = times.cpus;
  }
  if (config.cpu_brand.empty()) {
    auto info = proc_reader.read_static("/proc/cpuinfo");
    config.cpu_brand = info.ok() ? parse_cpu_brand(*info) : "";
    if (config.cpu_brand.empty()) config.cpu_brand = "unknown CPU";
  }
  if (config.tdp.watts() <= 0) {
    config.tdp = Power::watts(kFallbackWattsPerThread * config.logical_cpus);
    config.tdp_source = fmt::format("no TDP known for '{}': {} W per logical CPU x {} (CodeCarbon's default)",
                                    config.cpu_brand, kFallbackWattsPerThread, config.logical_cpus);
  }
  SensorDomain d;
  d.name = "cpu-model";
  d.component = "cpu";
  d.label = fmt::format("{} x{} (model)", config.cpu_brand, config.logical_cpus);
  d.kind = ReadingKind::kPower;
  d.provenance = {Method::kEstimated, "",
                  fmt::format("CPU model P = TDP x ({} + {} x u), u = busy fraction of /proc/stat, TDP = {} W ({}); "
                              "range x{}..x{}",
                              kCpuIdleFraction, 1 - kCpuIdleFraction, config.tdp.watts(), config.tdp_source,
                              kCpuModelLow, kCpuModelHigh),
                  "", 0};
  d.range_low = kCpuModelLow;
  d.range_high = kCpuModelHigh;
  return std::unique_ptr<Sensor>(new CpuModel(config.tdp, {std::move(d)}));
}

}  // namespace carbonscope
