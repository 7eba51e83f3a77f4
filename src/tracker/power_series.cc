// Cumulative energies -> power points, merging sub-interval samples.
#include "tracker/power_series.h"

#include <algorithm>

namespace carbonscope {

PowerSeries::PowerSeries(std::size_t columns, Duration interval)
    : half_interval_(interval / 2), job_peak_(columns), machine_peak_(columns) {}

std::optional<PowerPoint> PowerSeries::add(Duration t, const std::vector<Energy>& job,
                                           const std::vector<Energy>& machine, bool last) {
  PowerPoint p;
  if (!add(t, job, machine, last, p)) return std::nullopt;
  return p;
}

bool PowerSeries::add(Duration t, const std::vector<Energy>& job, const std::vector<Energy>& machine, bool last,
                      PowerPoint& p) {
  const std::size_t n = job_peak_.size();
  if (!has_last_) {  // the baseline: no window yet
    last_ = Mark{t, job, machine};
    has_last_ = true;
    p = PowerPoint{};
    p.t = t;
    p.job.assign(n, Power{});
    p.machine.assign(n, Power{});
    return true;
  }
  const bool short_window = t - last_.t < half_interval_;
  if (short_window && !last) return false;
  if (t <= last_.t) return false;  // no time has passed: nothing to average
  // A short last window averages over the one before it too (when there is one).
  const Mark& from = short_window && has_before_ ? before_ : last_;
  p.t = t;
  p.window = t - from.t;
  p.job.resize(n);
  p.machine.resize(n);
  p.job_total = p.machine_total = Power{};
  for (std::size_t k = 0; k < n; ++k) {
    p.job[k] = (job[k] - from.job[k]) / p.window;
    p.machine[k] = (machine[k] - from.machine[k]) / p.window;
    p.job_total += p.job[k];
    p.machine_total += p.machine[k];
    job_peak_[k] = std::max(job_peak_[k], p.job[k]);
    machine_peak_[k] = std::max(machine_peak_[k], p.machine[k]);
  }
  last_total_ = p.job_total;
  std::swap(before_, last_);  // the vectors change places: no allocation
  has_before_ = true;
  last_.t = t;
  last_.job.assign(job.begin(), job.end());
  last_.machine.assign(machine.begin(), machine.end());
  return true;
}

}  // namespace carbonscope
