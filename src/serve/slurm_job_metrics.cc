// Charging each Slurm step its share of the node's CPU-like energy, sample by sample.
#include "serve/slurm_job_metrics.h"

#include <algorithm>

namespace carbonscope {

SlurmJobMetrics::SlurmJobMetrics(const FileReader& cgroups, const FileReader& proc, const MetricsScope& scope,
                                 long ticks_per_second, SlurmJobOptions options)
    : proc_(proc),
      steps_(cgroups, std::move(options.cgroup_mount), options.rescan_every),
      board_(scope),
      ticks_per_second_(static_cast<double>(ticks_per_second > 0 ? ticks_per_second : 100)) {}

void SlurmJobMetrics::describe(const Snapshot& s) {
  groups_.clear();
  group_of_.assign(s.components.size(), -1);
  for (std::size_t k = 0; k < s.components.size(); ++k) {
    const std::string& c = s.components[k].component;
    if (c == "gpu" || c == "ram") continue;  // not charged to steps (see the header)
    auto it = std::find(groups_.begin(), groups_.end(), c);
    if (it == groups_.end()) it = groups_.insert(groups_.end(), c);
    group_of_[k] = static_cast<int>(it - groups_.begin());
  }
  energy_now_.assign(groups_.size(), 0);
  prev_energy_.assign(groups_.size(), 0);
  attributed_.assign(groups_.size(), 0);
  for (JobStepSeries& x : series_) {
    x.joules.assign(groups_.size(), 0);
    x.watts.assign(groups_.size(), 0);
  }
  prev_times_.reset();  // the baselines start again at the next sample
  described_ = true;
}

std::optional<CpuTimes> SlurmJobMetrics::read_proc_stat() {
  if (!proc_stat_) {
    auto f = OpenFile::open(proc_, "/proc/stat");
    if (!f.ok()) return std::nullopt;
    proc_stat_.emplace(std::move(f).value());
  }
  auto text = proc_stat_->read();
  if (!text.ok()) {
    proc_stat_.reset();
    return std::nullopt;
  }
  auto t = parse_proc_stat(*text);
  if (!t.ok()) return std::nullopt;
  return *t;
}

bool SlurmJobMetrics::merge_steps() {
  // Both lists are in id order, and new steps have the largest ids: keep the entries
  // whose step is still there, drop the others, append the new ones.
  const auto live = steps_.steps();
  bool changed = false;
  std::size_t out = 0, j = 0;
  for (const SlurmStep& st : live) {
    while (j < kept_.size() && kept_[j].id < st.id) {
      ++j;  // ended
      changed = true;
    }
    if (j < kept_.size() && kept_[j].id == st.id) {
      if (out != j) {
        kept_[out] = kept_[j];
        series_[out] = std::move(series_[j]);
      }
      ++out;
      ++j;
      continue;
    }
    break;  // the rest are new
  }
  if (j < kept_.size()) changed = true;
  kept_.resize(out);
  series_.resize(out);
  for (std::size_t i = out; i < live.size(); ++i) {
    const SlurmStep& st = live[i];
    changed = true;
    // A step born in the interval starts from zero CPU time; one found later (the
    // exporter's start, a periodic scan) is charged from now on.
    kept_.push_back({st.id, st.born_in_interval ? 0.0 : st.cpu_seconds});
    JobStepSeries x;
    x.job_id = st.job_id;
    x.step_id = st.step_id;
    x.uid = st.uid;
    x.slurm_node = st.slurmd;
    x.joules.assign(groups_.size(), 0);
    x.watts.assign(groups_.size(), 0);
    series_.push_back(std::move(x));
  }
  for (std::size_t i = 0; i < live.size(); ++i) series_[i].cpu_seconds = live[i].cpu_seconds;
  return changed;
}

void SlurmJobMetrics::update(const Snapshot& s) {
  const std::optional<CpuTimes> now = read_proc_stat();
  steps_.read();
  if (!described_ || group_of_.size() != s.components.size()) describe(s);
  std::fill(energy_now_.begin(), energy_now_.end(), 0.0);
  for (std::size_t k = 0; k < s.components.size(); ++k) {
    if (group_of_[k] >= 0) energy_now_[static_cast<std::size_t>(group_of_[k])] += s.components[k].energy.joules();
  }
  const bool changed = merge_steps();
  const double elapsed = s.elapsed.count();
  const bool first = !prev_times_;
  // An interval without a clock tick says nothing about the shares: it is charged with
  // the next one (the baselines stay where they are).
  if (!first && now && now->total > prev_times_->total && now->busy >= prev_times_->busy) {
    const double busy = static_cast<double>(now->busy - prev_times_->busy) / ticks_per_second_;
    const double capacity = static_cast<double>(now->total - prev_times_->total) / ticks_per_second_;
    const double dt = elapsed - prev_elapsed_;
    cpu_delta_.resize(series_.size());
    shares_.resize(series_.size());
    for (std::size_t i = 0; i < series_.size(); ++i) {
      cpu_delta_[i] = std::max(0.0, series_[i].cpu_seconds - kept_[i].prev_cpu);
      kept_[i].prev_cpu = series_[i].cpu_seconds;
    }
    cpu_shares(cpu_delta_, busy, capacity, shares_);
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const Energy e = Energy::joules(std::max(0.0, energy_now_[g] - prev_energy_[g]));
      attributed_[g] += e.joules();
      for (std::size_t i = 0; i < series_.size(); ++i) {
        const double j = split_cpu(e, busy / capacity, shares_[i].busy, shares_[i].capacity).job.joules();
        series_[i].joules[g] += j;
        series_[i].watts[g] = dt > 0 ? j / dt : 0;
      }
    }
    prev_times_ = now;
    prev_energy_ = energy_now_;
    prev_elapsed_ = elapsed;
  } else if (first && now) {
    for (std::size_t i = 0; i < series_.size(); ++i) kept_[i].prev_cpu = series_[i].cpu_seconds;
    prev_times_ = now;
    prev_energy_ = energy_now_;
    prev_elapsed_ = elapsed;
  }
  board_.update(groups_, series_, changed);
}

}  // namespace carbonscope
