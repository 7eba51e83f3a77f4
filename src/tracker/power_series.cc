// Cumulative energies -> power points, merging sub-interval samples.
#include "tracker/power_series.h"

#include <algorithm>

namespace carbonscope {

PowerSeries::PowerSeries(std::size_t columns, Duration interval)
    : half_interval_(interval / 2), job_peak_(columns), machine_peak_(columns) {}

std::optional<PowerPoint> PowerSeries::add(Duration t, const std::vector<Energy>& job,
                                           const std::vector<Energy>& machine, bool last) {
  const std::size_t n = job_peak_.size();
  PowerPoint p;
  p.t = t;
  p.job.resize(n);
  p.machine.resize(n);
  if (!last_) {  // the baseline: no window yet
    last_ = Mark{t, job, machine};
    return p;
  }
  const bool short_window = t - last_->t < half_interval_;
  if (short_window && !last) return std::nullopt;
  if (t <= last_->t) return std::nullopt;  // no time has passed: nothing to average
  // A short last window averages over the one before it too (when there is one).
  const Mark& from = short_window && before_ ? *before_ : *last_;
  p.window = t - from.t;
  for (std::size_t k = 0; k < n; ++k) {
    p.job[k] = (job[k] - from.job[k]) / p.window;
    p.machine[k] = (machine[k] - from.machine[k]) / p.window;
    p.job_total += p.job[k];
    p.machine_total += p.machine[k];
    job_peak_[k] = std::max(job_peak_[k], p.job[k]);
    machine_peak_[k] = std::max(machine_peak_[k], p.machine[k]);
  }
  last_total_ = p.job_total;
  before_ = std::move(last_);
  last_ = Mark{t, job, machine};
  return p;
}

}  // namespace carbonscope
