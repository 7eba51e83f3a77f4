// cluster.toml: what the nodes of each Slurm partition are (CPU model, GPU model,
// powers when the tables lack them) and where they run (region or cloud, PUE, or a
// given intensity), so that jobs whose energy the cluster did not measure can be
// estimated. Documented in docs/clusters.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope::cluster {

struct PartitionSpec {
  std::string cpu;                          // "AMD EPYC 7763": TDP / cores per core-second
  std::optional<Power> cpu_power_per_core;  // given instead of (or over) the model's
  std::string gpu;                          // "A100 SXM4 80GB": the GPUs of untyped gres/gpu
  std::optional<Power> gpu_power;           // per GPU, given
  std::string region, cloud;                // where; the cluster's when both are empty
  std::optional<CarbonIntensity> intensity;
  std::optional<double> pue;
  int year = 0;
};

struct ClusterConfig {
  std::string path;        // "" when no file was given (every partition on the defaults)
  std::string name;        // the cluster's name when sacct's output has no Cluster column
  PartitionSpec defaults;  // the top-level keys: every partition not listed
  std::map<std::string, PartitionSpec, std::less<>> partitions;
  std::map<std::string, std::string, std::less<>> gpu_types;  // gres type "a100" -> accelerator name
};

// Every error of the file at once, each "path:line:col: reason".
Result<ClusterConfig> parse_cluster_config(std::string_view text, const std::string& path);
Result<ClusterConfig> load_cluster_config(const std::string& path);

}  // namespace carbonscope::cluster
