// `carbonscope run` on a rank other than its node's first (srun with several tasks per
// node, torchrun): the node is tracked once, by local rank 0, so this one only runs the
// command, forwarding signals and passing its exit status through.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/node_rank.h"

namespace carbonscope::cli {

int run_untracked(const std::vector<std::string>& argv, const NodeRank& rank, bool quiet);

}  // namespace carbonscope::cli
