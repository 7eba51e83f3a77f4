// The run's power over time, on one basis: each point is the energy charged to the job
// between two points over the time between them, per column and in total, with the
// machine's total beside it (labelled as the machine's). samples.csv, the ledger's
// series, the live status line and the report's peaks all come from these points.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "carbonscope/units.h"

namespace carbonscope {

struct PowerPoint {
  Duration t{};                // end of the window, from the run's start
  Duration window{};           // the time the powers are averaged over (0 for the baseline)
  std::vector<Power> job;      // per column: the job's share
  Power job_total;             // sum of `job`
  std::vector<Power> machine;  // per column: what the machine drew
  Power machine_total;
};

// A sample less than half an interval after the last point (a phase boundary, an
// explicit sample_now) makes no point of its own: over a few milliseconds the counters
// and /proc/stat are too coarse for a power figure, and the dips and spikes they gave
// were artefacts. Its energy goes into the next point, which averages over the whole
// window. The run's last sample always makes a point (its cumulative energy must be
// on disk); when that one is short, its window reaches back over the point before.
class PowerSeries {
 public:
  PowerSeries(std::size_t columns, Duration interval);

  // Cumulative energies per column at `t` (the first call is the baseline, t = 0 of
  // the series). Returns the point to record, or nullopt when this sample is merged.
  std::optional<PowerPoint> add(Duration t, const std::vector<Energy>& job, const std::vector<Energy>& machine,
                                bool last = false);
  // The same into `out` (its vectors reused: no allocation after the first call);
  // false when the sample is merged.
  bool add(Duration t, const std::vector<Energy>& job, const std::vector<Energy>& machine, bool last,
           PowerPoint& out);

  // Over the points recorded so far (the baseline excluded).
  Power job_peak(std::size_t column) const { return job_peak_[column]; }
  Power machine_peak(std::size_t column) const { return machine_peak_[column]; }
  // The job's total power at the latest point (zero before the first interval).
  Power last_job_total() const { return last_total_; }

 private:
  struct Mark {
    Duration t{};
    std::vector<Energy> job, machine;
  };
  Duration half_interval_;
  Mark last_;    // the latest point (when has_last_)
  Mark before_;  // the point before it (when has_before_)
  bool has_last_ = false, has_before_ = false;
  std::vector<Power> job_peak_, machine_peak_;
  Power last_total_;
};

}  // namespace carbonscope
