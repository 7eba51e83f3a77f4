// Running the command of a follower rank without a tracker.
#include "rank_run.h"

#include <iostream>

#include <fmt/format.h>

#include "command.h"
#include "platform/child_process.h"

namespace carbonscope::cli {

int run_untracked(const std::vector<std::string>& argv, const NodeRank& rank, bool quiet) {
  if (!quiet) {
    std::cerr << fmt::format(
        "carbonscope: local rank {} of job {}: local rank 0 tracks this node; running the "
        "command untracked\n",
        rank.local_rank.value_or(0), rank.job);
  }
  auto child = ChildProcess::spawn(argv);
  if (!child.ok()) return report_error(child.status());
  forward_signals_to(child->pid());
  if (Status st = child->release(); !st.ok()) {
    const bool not_found = st.code() == StatusCode::kNotFound;
    std::cerr << fmt::format("carbonscope: {}: {}\n", argv[0],
                             not_found ? "command not found" : st.message());
    child->reap();
    return not_found ? kExitNotFound : kExitNotRunnable;
  }
  child->wait_exited();
  return child->reap();
}

}  // namespace carbonscope::cli
