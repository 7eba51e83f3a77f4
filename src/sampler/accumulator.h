// Accumulator: turns the stream of Samples into energy per domain, exactly (counter
// deltas with wraparound, trapezoids for power), split into idle and dynamic, with the
// job's share; standby models fill the intervals where the measured host sensor fails.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "carbonscope/sensor.h"
#include "sampler/sample.h"

namespace carbonscope {

struct DomainTotals {
  const SensorDomain* domain = nullptr;
  std::size_t sensor = 0;
  bool standby = false;
  bool counted = false;     // top-level: part of the total (sub-domains are information)
  Energy machine;           // what the domain drew while it was counted
  Energy idle;
  Energy dynamic;
  Energy job;               // charged to the job (== machine without a job)
  Power peak;
  Power last;               // power over the last interval
  Power baseline;           // lowest interval power seen (GPU idle baseline)
  std::int64_t intervals = 0;
  std::int64_t rejected = 0;          // intervals whose counter went backwards
  std::optional<Duration> failed_at;  // first failing interval (seconds from start)
  std::string failure;                // and why
  std::optional<Duration> used_from;  // standby: first interval it was counted
  bool unknown_job_share = false;     // a GPU whose processes could not be listed
};

class Accumulator {
 public:
  // `sensors` and `standby` as in SensorSet; `host` the measured host sensor or -1.
  Accumulator(const std::vector<const Sensor*>& sensors, const std::vector<bool>& standby, int host);

  void add(const Sample& s);

  const std::vector<DomainTotals>& domains() const { return domains_; }
  Duration elapsed() const { return last_t_ - start_t_; }
  double start_unix() const { return start_unix_; }
  double last_unix() const { return last_unix_; }
  std::int64_t samples() const { return samples_; }
  // Sum over counted domains of the job's energy, and its power over the last interval.
  Energy total() const { return total_; }
  Power power() const { return power_; }
  Energy machine_total() const { return machine_total_; }
  double mean_node_utilisation() const;

 private:
  std::vector<DomainTotals> domains_;
  std::vector<DomainReading> prev_;
  std::vector<bool> prev_ok_;
  std::vector<std::optional<Energy>> energy_;  // scratch: this interval's, per domain
  int host_;
  std::int64_t samples_ = 0;
  Duration start_t_{}, last_t_{};
  double start_unix_ = 0, last_unix_ = 0;
  Energy total_, machine_total_;
  Power power_;
  double util_time_ = 0;  // integral of node utilisation over time
};

}  // namespace carbonscope
