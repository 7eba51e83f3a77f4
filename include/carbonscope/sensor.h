// Sensor: one source of energy or power readings (a RAPL tree, the NVIDIA GPUs, a
// model). It names its domains, each saying which domain already includes its energy,
// and fills one reading per domain each sample. Built by a probing factory that says
// why it was rejected when it is (ProbeResult; probe_sensor_backends() in
// carbonscope/tracker_setup.h lists them).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/provenance.h"
#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

enum class ReadingKind {
  kCounter,  // a cumulative energy counter: integrate by differences (with wraparound)
  kPower,    // an instantaneous power: integrate with the trapezoid rule
};

// No single measured device (a CPU package, a GPU, DRAM) draws this much.
inline constexpr double kMaxDomainWatts = 10000;

struct SensorDomain {
  std::string name;       // "package-0", "dram-0", "psys", "gpu-0"
  std::string component;  // "cpu", "ram", "gpu", "psys"
  std::string label;      // "RAPL package-0 (powercap)", "GPU 0 NVIDIA A100"
  int parent = -1;        // index of the domain whose energy already includes this one
  ReadingKind kind = ReadingKind::kCounter;
  double joules_per_unit = 1.0;  // counters: value of one count
  std::uint64_t wrap = 0;        // counters: the value range, 0 when it never wraps
  // Counters: the most power the device can draw, with a margin (its rating x 2, else
  // kMaxDomainWatts); an interval implying more is rejected as a bad reading.
  double max_watts = 0;
  Provenance provenance;         // measured (which counter) or estimated (which model)
  // The figure's uncertainty as factors of the central value (1, 1: taken as exact).
  double range_low = 1.0;
  double range_high = 1.0;
};

// What the sampler knows before it reads the sensors; models and GPU attribution use it.
struct SampleContext {
  double node_utilisation = 0;          // busy / total CPU time over the last interval, 0..1
  double job_cpu_share = 0;             // job CPU time / (cpus x interval), 0..1
  double job_rss_bytes = 0;             // resident memory of the job's process tree
  double mem_total_bytes = 0;           // installed memory (MemTotal)
  bool job_mode = false;                // attributing to a process tree, not the machine
  std::span<const int> job_pids;        // the job's process tree (sorted), when job_mode
};

struct DomainReading {
  bool ok = false;
  std::uint64_t counter = 0;  // kCounter
  double watts = 0;           // kPower
  double job_share = -1;      // GPUs: the job's share of this device (0..1); -1 not known
};

class Sensor {
 public:
  virtual ~Sensor() = default;
  virtual std::string_view name() const = 0;
  virtual const std::vector<SensorDomain>& domains() const = 0;
  // Fills out[i] for domains()[i]. A domain that cannot be read has ok == false; the
  // Status explains the first failure (the sampler reports it and falls back).
  virtual Status read(const SampleContext& ctx, std::span<DomainReading> out) = 0;
};

// One backend of the preference chain as probed: used, available (but not needed) or
// rejected, with why.
struct ProbeResult {
  std::string backend;  // "rapl-powercap", "rapl-msr", "nvml", ...
  bool available = false;
  bool used = false;
  std::string detail;  // what it found, or why it was rejected and how to fix it
};

}  // namespace carbonscope
