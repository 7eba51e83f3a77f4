// Which rank of a distributed launch (torchrun, DeepSpeed, srun, mpirun) this process
// is on its node, from the launcher's environment, so that one tracker measures each
// node instead of one per rank: local rank 0 tracks the launcher's process tree on
// the node (every local rank), the others track nothing. The Python package applies
// the same rules (python/carbonscope/_ranks.py).
#pragma once

#include <optional>
#include <string>

#include "carbonscope/environment.h"

namespace carbonscope {

struct NodeRank {
  std::optional<int>
      local_rank;  // LOCAL_RANK, SLURM_LOCALID, OMPI_COMM_WORLD_LOCAL_RANK, RANK % LOCAL_WORLD_SIZE
  std::optional<int>
      local_world_size;  // LOCAL_WORLD_SIZE, OMPI_COMM_WORLD_LOCAL_SIZE, SLURM_STEP_TASKS_PER_NODE
  std::string job;       // slurm-JOB.STEP, torchelastic-ID, master-ADDR:PORT; "" unknown

  // A rank other than its node's first, in a job its ranks can be told apart in.
  bool follower() const { return !job.empty() && local_rank && *local_rank > 0; }
  // Several ranks share this node: the first one must measure all of them.
  bool shares_node() const { return !job.empty() && local_rank && local_world_size.value_or(1) > 1; }
};

NodeRank node_rank_from_env(const Environment& env);

}  // namespace carbonscope
