// The Slurm identity of the current process, from the environment Slurm gives every
// task (SLURM_JOB_ID, SLURM_STEP_ID, SLURMD_NODENAME, SLURM_ARRAY_*), as the tags a
// tracked run carries so that `slurm job JOBID` can merge one job's per-node runs.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace carbonscope::cluster {

inline constexpr const char* kJobTag = "slurm_job=";
inline constexpr const char* kStepTag = "slurm_step=";
inline constexpr const char* kNodeTag = "slurm_node=";
inline constexpr const char* kClusterTag = "slurm_cluster=";

// `getenv` returns null for unset names. Empty outside a Slurm job.
std::vector<std::string> slurm_tags(const std::function<const char*(const char*)>& getenv);
std::vector<std::string> slurm_tags_from_environment();

}  // namespace carbonscope::cluster
