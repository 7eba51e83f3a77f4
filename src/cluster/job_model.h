// The energy and emissions of one Slurm job: measured where the cluster measured it
// (ConsumedEnergy from Slurm's acct_gather_energy plugin: RAPL, IPMI, NVML...), else
// estimated from what it was allocated, as Green Algorithms for HPC does: CPU time
// (TotalCPU, or Elapsed x CPUs when not logged) x per-core power, GPUs x Elapsed x GPU
// power, memory GB x Elapsed x W/GB; x PUE x grid intensity of the partition's place.
// Partitions are resolved once; the per-job work is a few multiplications.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "carbonscope/data.h"
#include "carbonscope/location.h"
#include "carbonscope/provenance.h"
#include "cluster/cluster_config.h"
#include "cluster/slurm_fields.h"
#include "cluster/slurm_job.h"

namespace carbonscope::cluster {

struct PartitionModel {
  std::string name;
  bool listed = false;  // in cluster.toml (else the file's defaults)
  Range<double> cpu_w_per_core;
  std::string cpu_label;
  Provenance cpu_provenance;
  double gpu_w = 0;  // untyped GPUs; 0: unknown
  std::string gpu_label;
  Provenance gpu_provenance;
  Range<double> ram_w_per_gb;
  Provenance ram_provenance;
  Location location;  // intensity and PUE with their provenance
};

struct JobFigures {
  bool measured = false;
  double cpu_j = 0, gpu_j = 0, ram_j = 0;  // estimated components (0 when measured)
  Range<double> it_j;                      // IT energy
  Range<double> kg;                        // emissions: IT energy x PUE x intensity
  StateClass state_class = StateClass::kUnfinished;
};

class JobModel {
 public:
  static Result<JobModel> build(std::shared_ptr<const DataSet> data, ClusterConfig config);

  JobFigures figures(const SlurmJob& job);
  const PartitionModel& partition(const std::string& name);
  // What the model had to assume (unlisted partitions, unknown GPU types), once each.
  const std::vector<std::string>& notes() const { return notes_; }
  const ClusterConfig& config() const { return config_; }

 private:
  JobModel(std::shared_ptr<const DataSet> data, ClusterConfig config)
      : data_(std::move(data)), config_(std::move(config)) {}
  Result<PartitionModel> resolve(const std::string& name, const PartitionSpec& spec, bool listed) const;
  double gpu_watts(const PartitionModel& p, const std::string& type);

  std::shared_ptr<const DataSet> data_;
  ClusterConfig config_;
  PartitionModel defaults_;
  std::map<std::string, PartitionModel, std::less<>> partitions_;
  std::map<std::string, double, std::less<>> gpu_types_;  // gres type -> W (0: unknown)
  std::set<std::string, std::less<>> gpu_warned_;         // partitions already noted for unknown GPU power
  std::vector<std::string> notes_;
};

}  // namespace carbonscope::cluster
