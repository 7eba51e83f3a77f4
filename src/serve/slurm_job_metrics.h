// SlurmJobMetrics: the per-step half of the node agent (`carbonscope exporter`). On each
// tracker sample (config.on_sample, the sampler thread) it reads the Slurm steps' CPU
// time from their cgroups (SlurmSteps) and the node's from /proc/stat, charges each step
// its share of the interval's energy of every CPU-like domain (split_cpu with
// cpu_shares: the dynamic part by busy-time share, the idle part by capacity share, as
// `carbonscope run` charges a job on a shared node), and publishes the figures to a
// JobBoard that the metrics server renders after the node families. GPU and memory
// energy are not charged to steps (docs/clusters.md says why). After the first sample
// a sample allocates nothing unless steps came or went.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "carbonscope/tracker.h"
#include "platform/file_reader.h"
#include "platform/open_file.h"
#include "sampler/attribution.h"
#include "sensors/procfs.h"
#include "sensors/slurm_steps.h"
#include "formats/prometheus_jobs.h"

namespace carbonscope {

struct SlurmJobOptions {
  std::string cgroup_mount = "/sys/fs/cgroup";  // a path under the cgroup reader's root
  int rescan_every = 10;                        // samples between full listings (a backstop)
};

class SlurmJobMetrics {
 public:
  // `cgroups` roots the cgroup tree, `proc` the /proc/stat read (fixtures in tests).
  SlurmJobMetrics(const FileReader& cgroups, const FileReader& proc, const MetricsScope& scope,
                  long ticks_per_second, SlurmJobOptions options = {});
  SlurmJobMetrics(const SlurmJobMetrics&) = delete;
  SlurmJobMetrics& operator=(const SlurmJobMetrics&) = delete;

  // One tracker sample: `s` carries each component's energy so far.
  void update(const Snapshot& s);
  const JobBoard& board() const { return board_; }
  // Where the steps come from (or where none were found), for the exporter's stderr.
  std::string description() const { return steps_.description(); }

  // Tests: the live steps' figures (valid until the next update), the charged
  // components, and each component's node energy over the intervals charged so far.
  const std::vector<JobStepSeries>& steps() const { return series_; }
  const std::vector<std::string>& components() const { return groups_; }
  double attributed_node_joules(std::size_t component) const { return attributed_[component]; }
  std::uint64_t scans() const { return steps_.scans(); }

 private:
  struct Kept {
    std::uint64_t id = 0;
    double prev_cpu = 0;  // CPU seconds at the last charged interval's end
  };
  void describe(const Snapshot& s);
  bool merge_steps();  // true when steps came or went
  std::optional<CpuTimes> read_proc_stat();

  FileReader proc_;
  SlurmSteps steps_;
  JobBoard board_;
  double ticks_per_second_;
  std::optional<OpenFile> proc_stat_;
  std::optional<CpuTimes> prev_times_;
  double prev_elapsed_ = 0;
  bool described_ = false;
  std::vector<std::string> groups_;   // the charged components ("cpu", "psys")
  std::vector<int> group_of_;         // per snapshot component: its group, or -1
  std::vector<double> energy_now_, prev_energy_, attributed_;  // per group, joules
  std::vector<Kept> kept_;            // parallel to series_, in step id order
  std::vector<JobStepSeries> series_;
  std::vector<double> cpu_delta_;     // scratch, per step
  std::vector<CpuShare> shares_;      // scratch, per step
};

}  // namespace carbonscope
