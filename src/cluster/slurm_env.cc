// Slurm's task environment -> run tags.
#include "cluster/slurm_env.h"

namespace carbonscope {

using cluster::kClusterTag;
using cluster::kJobTag;
using cluster::kNodeTag;
using cluster::kStepTag;

std::vector<std::string> slurm_tags(const Environment& env) {
  const auto get = [&env](const char* name) { return env.get(name); };
  std::string job = get("SLURM_JOB_ID");
  if (job.empty()) job = get("SLURM_JOBID");
  if (job.empty()) return {};
  // An array task is known to sacct as ARRAYJOB_TASK, not by its own raw id.
  const std::string array = get("SLURM_ARRAY_JOB_ID"), task = get("SLURM_ARRAY_TASK_ID");
  if (!array.empty() && !task.empty()) job = array + "_" + task;
  std::vector<std::string> tags = {kJobTag + job};
  std::string step = get("SLURM_STEP_ID");
  if (step.empty()) step = get("SLURM_STEPID");
  if (step.empty()) step = "batch";  // sbatch's script itself has no step id
  tags.push_back(kStepTag + step);
  const std::string node = get("SLURMD_NODENAME");
  if (!node.empty()) tags.push_back(kNodeTag + node);
  const std::string cluster = get("SLURM_CLUSTER_NAME");
  if (!cluster.empty()) tags.push_back(kClusterTag + cluster);
  return tags;
}

}  // namespace carbonscope
