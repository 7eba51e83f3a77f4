// The Slurm identity of the current process, from the environment Slurm gives every
// task (SLURM_JOB_ID, SLURM_STEP_ID, SLURMD_NODENAME, SLURM_ARRAY_*), as the tags a
// tracked run carries so that `slurm job JOBID` can merge one job's per-node runs.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/environment.h"
#include "carbonscope/slurm.h"

namespace carbonscope::cluster {

inline constexpr const char* kJobTag = "slurm_job=";
inline constexpr const char* kStepTag = "slurm_step=";
inline constexpr const char* kNodeTag = "slurm_node=";
inline constexpr const char* kClusterTag = "slurm_cluster=";

// The tags themselves: carbonscope::slurm_tags (public, carbonscope/slurm.h).
using carbonscope::slurm_tags;

}  // namespace carbonscope::cluster
