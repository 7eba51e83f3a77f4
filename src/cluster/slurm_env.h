// The Slurm identity of the current process, from the environment Slurm gives every
// task (SLURM_JOB_ID, SLURM_STEP_ID, SLURMD_NODENAME, SLURM_ARRAY_*), as the tags a
// tracked run carries so that `slurm job JOBID` can merge one job's per-node runs.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/environment.h"

namespace carbonscope::cluster {

inline constexpr const char* kJobTag = "slurm_job=";
inline constexpr const char* kStepTag = "slurm_step=";
inline constexpr const char* kNodeTag = "slurm_node=";
inline constexpr const char* kClusterTag = "slurm_cluster=";

// Empty outside a Slurm job.
std::vector<std::string> slurm_tags(const Environment& env);

}  // namespace carbonscope::cluster
