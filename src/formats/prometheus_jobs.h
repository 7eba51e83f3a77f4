// The per-Slurm-step families of the node agent (`carbonscope exporter`), rendered after
// MetricsBoard's node families: each live step's CPU time (a measured counter), and the
// energy, power and emissions charged to it per component (attributed, see
// docs/clusters.md). Labels node_name, job_id, step_id, and uid / slurm_node where known.
// A step that has ended is not rendered any more: its series end (Prometheus marks
// them stale); a step's counters only grow while it lives.
#pragma once

#include <cstdint>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "formats/prometheus_text.h"

namespace carbonscope {

// One live step's figures, as the collector keeps them.
struct JobStepSeries {
  std::string job_id;
  std::string step_id;
  std::string uid;         // "" when unknown
  std::string slurm_node;  // "" unless a multiple-slurmd node
  double cpu_seconds = 0;       // since the step's cgroup was created
  std::vector<double> joules;   // per component, since the exporter first saw the step
  std::vector<double> watts;    // per component, over the last interval
};

class JobBoard {
 public:
  // The scope's node_name label (and PUE, intensity) apply; its job_id / step_id do not.
  explicit JobBoard(const MetricsScope& scope);

  // Copies the figures of the live steps. `components` names the entries of each step's
  // joules and watts. The label text is rebuilt only when `changed` (steps came or went).
  void update(std::span<const std::string> components, std::span<const JobStepSeries> steps, bool changed);
  // Appends the job families to `out`: HELP and TYPE always, one series per live step
  // (and component).
  void render(std::string& out) const;

 private:
  struct Series {
    std::string labels;  // node_name="h",job_id="7",step_id="0" (no braces)
    double cpu_seconds = 0;
    std::vector<double> joules, watts;
  };

  std::string node_;  // node_name="h" or ""
  double pue_;
  double grams_per_kwh_;
  mutable std::mutex mu_;
  std::vector<std::string> components_;
  std::vector<Series> series_;
};

}  // namespace carbonscope
