// Running the command of a follower rank without a tracker.
#include "rank_run.h"

#include <iostream>

#include <fmt/format.h>

#include "carbonscope/tracked_command.h"
#include "command.h"

namespace carbonscope::cli {

int run_untracked(const std::vector<std::string>& argv, const NodeRank& rank, bool quiet) {
  if (!quiet) {
    std::cerr << fmt::format(
        "carbonscope: local rank {} of job {}: local rank 0 tracks this node; running the "
        "command untracked\n",
        rank.local_rank.value_or(0), rank.job);
  }
  auto exit = run_untracked_command(argv);
  if (!exit.ok()) return report_error(exit.status());
  if (!exit->launch.ok()) std::cerr << "carbonscope: " << exit->launch.message() << "\n";
  return exit->code;
}

}  // namespace carbonscope::cli
