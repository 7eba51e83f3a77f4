// Per-interval integration, fallback and attribution.
#include "sampler/accumulator.h"

#include <algorithm>

#include <fmt/format.h>

#include "sampler/attribution.h"
#include "sampler/integrate.h"

namespace carbonscope {

Accumulator::Accumulator(const std::vector<const Sensor*>& sensors, const std::vector<bool>& standby, int host)
    : host_(host) {
  for (std::size_t i = 0; i < sensors.size(); ++i) {
    for (const SensorDomain& d : sensors[i]->domains()) {
      DomainTotals t;
      t.domain = &d;
      t.sensor = i;
      t.standby = i < standby.size() && standby[i];
      t.counted = d.parent < 0;
      domains_.push_back(t);
    }
  }
  prev_.resize(domains_.size());
  prev_ok_.assign(domains_.size(), false);
}

double Accumulator::mean_node_utilisation() const {
  const double t = elapsed().count();
  return t > 0 ? util_time_ / t : 0;
}

void Accumulator::add(const Sample& s) {
  ++samples_;
  if (samples_ == 1) {
    start_t_ = last_t_ = s.t;
    start_unix_ = last_unix_ = s.unix_time;
    for (std::size_t i = 0; i < domains_.size(); ++i) {
      prev_[i] = s.readings[i];
      prev_ok_[i] = s.readings[i].ok;
    }
    return;
  }
  const Duration dt = s.t - last_t_;
  if (dt.count() <= 0) return;
  const Duration at = last_t_ - start_t_;  // start of this interval, from the run's start
  util_time_ += s.ctx.node_utilisation * dt.count();

  // 1. Integrate each domain over the interval.
  std::vector<std::optional<Energy>>& e = energy_;
  e.assign(domains_.size(), std::nullopt);
  bool host_failed = false;
  for (std::size_t i = 0; i < domains_.size(); ++i) {
    DomainTotals& t = domains_[i];
    const SensorDomain& d = *t.domain;
    const DomainReading& cur = s.readings[i];
    std::string why;
    if (!cur.ok) {
      why = s.sensor_status[t.sensor].ok() ? "read failed" : s.sensor_status[t.sensor].message();
    } else if (!prev_ok_[i]) {
      why = "no previous reading";
    } else if (d.kind == ReadingKind::kCounter) {
      auto delta = counter_delta(prev_[i].counter, cur.counter, d.wrap);
      const double max_w = d.max_watts > 0 ? d.max_watts : kMaxDomainWatts;
      const double joules = delta.ok() ? static_cast<double>(*delta) * d.joules_per_unit : 0;
      if (delta.ok() && joules / dt.count() > max_w) {
        why = fmt::format("counter rose by {:.0f} J in {:.3f} s, {:.3g} W, more than this device can draw ({:.0f} W): "
                          "not a real reading", joules, dt.count(), joules / dt.count(), max_w);
        ++t.rejected;
      } else if (delta.ok()) {
        e[i] = Energy::joules(joules);
      } else {
        why = delta.status().message();
        ++t.rejected;
      }
    } else {
      e[i] = trapezoid(Power::watts(prev_[i].watts), Power::watts(cur.watts), dt);
    }
    const bool prev_ok_before = prev_ok_[i];
    prev_[i] = cur;
    prev_ok_[i] = cur.ok;
    const bool failed = !cur.ok || (cur.ok && prev_ok_before && !e[i]);
    if (failed && !t.failed_at) {
      t.failed_at = at;
      t.failure = why;
    }
    if (!e[i] && t.counted && static_cast<int>(t.sensor) == host_) host_failed = true;
  }

  // 2. Attribute the counted ones.
  Power interval_power;
  for (std::size_t i = 0; i < domains_.size(); ++i) {
    DomainTotals& t = domains_[i];
    if (!e[i]) continue;
    const Power p = *e[i] / dt;
    t.last = p;
    t.peak = std::max(t.peak, p);
    t.baseline = t.intervals == 0 ? p : std::min(t.baseline, p);
    ++t.intervals;
    const bool count_now = t.counted && (!t.standby || host_failed);
    if (!count_now) {
      if (!t.counted) t.machine += *e[i];  // sub-domains: information only
      continue;
    }
    if (t.standby && !t.used_from) t.used_from = at;
    const std::string& c = t.domain->component;
    Split split;
    if (c == "gpu") {
      double share = 1.0;
      if (s.ctx.job_mode) {
        share = s.readings[i].job_share;
        if (share < 0) {
          share = 1.0;
          t.unknown_job_share = true;
        }
      }
      split = split_gpu(*e[i], t.baseline, dt, share);
    } else if (c == "ram") {
      split = split_memory(*e[i], s.job_memory_share);
    } else {
      split = split_cpu(*e[i], s.ctx.node_utilisation, s.job_busy_share, s.job_capacity_share);
    }
    t.machine += *e[i];
    t.idle += split.idle;
    t.dynamic += split.dynamic;
    t.job += split.job;
    total_ += split.job;
    machine_total_ += *e[i];
    interval_power += split.job / dt;
  }
  power_ = interval_power;
  last_t_ = s.t;
  last_unix_ = s.unix_time;
}

}  // namespace carbonscope
