// One Slurm job as carbonscope records it: the job's own accounting row with its steps
// (batch, extern, srun steps), every field already parsed from sacct's text or JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carbonscope::cluster {

struct SlurmStep {
  std::string step;  // "batch", "extern", "0", ...
  std::string state;
  double elapsed_s = 0;
  double total_cpu_s = 0;
  int ncpus = 0;
  int nnodes = 0;
  std::string nodes;
  std::optional<double> energy_j;  // ConsumedEnergy, when the cluster measures it
  std::optional<double> max_rss_mb;
  std::size_t line = 0;
};

struct SlurmJob {
  std::string cluster;
  std::string job;  // "123", "123_4" (array task), "123+0" (heterogeneous component)
  std::string name, user, account, partition, state, nodes;
  std::optional<double> submit_unix, start_unix, end_unix;
  double elapsed_s = 0;
  int ncpus = 0;
  int nnodes = 0;
  std::int64_t gpus = 0;
  std::string gpu_type;               // gres/gpu:TYPE, "" when untyped
  double mem_mb = 0;                  // allocated (AllocTRES mem), else requested (ReqMem)
  std::optional<double> total_cpu_s;  // TotalCPU of the job row (the sum of its steps)
  std::optional<double> energy_j;     // ConsumedEnergy of the job row
  std::vector<SlurmStep> steps;
  std::size_t line = 0;  // of the job row (parsable2) or its index in "jobs" (JSON)
};

}  // namespace carbonscope::cluster
