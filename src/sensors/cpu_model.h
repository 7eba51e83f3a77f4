// The CPU model, for machines without RAPL (VMs, most clouds): the machine's CPU power
// from its utilisation and a TDP, P = TDP x (kIdleFraction + (1 - kIdleFraction) x u),
// u the busy fraction of /proc/stat over the interval. An estimate, and it says so.
#pragma once

#include <memory>
#include <string>

#include "carbonscope/sensor.h"
#include "platform/file_reader.h"

namespace carbonscope {

// Idle floor as a fraction of TDP: CodeCarbon's load model uses 10 % at u = 0.
inline constexpr double kCpuIdleFraction = 0.1;
// Used when the caller has no TDP for this CPU: CodeCarbon's DEFAULT_POWER_PER_CORE,
// 4 W per logical CPU (e.g. a 64-thread, 250 W server CPU is ~3.9 W per thread).
inline constexpr double kFallbackWattsPerThread = 4.0;
// Uncertainty of the model, as factors: software power models err by up to 40 %
// against a wall meter (Fischer 2025, arXiv 2509.22092).
inline constexpr double kCpuModelLow = 0.6;
inline constexpr double kCpuModelHigh = 1.4;

struct CpuModelConfig {
  Power tdp{};             // zero: kFallbackWattsPerThread x logical CPUs
  std::string tdp_source;  // where the TDP came from ("data/cpus.csv row ...")
  std::string cpu_brand;   // for the label; read from /proc/cpuinfo when empty
  int logical_cpus = 0;    // 0: from /proc/stat
};

// Pure: the modelled power at utilisation u (clamped to [0, 1]).
Power cpu_model_power(Power tdp, double utilisation);

// Reads the brand and CPU count through `proc_reader` (rooted at the procfs root).
Result<std::unique_ptr<Sensor>> make_cpu_model(const FileReader& proc_reader, CpuModelConfig config);

}  // namespace carbonscope
