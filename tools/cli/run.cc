// `carbonscope run [options] -- CMD ARGS...`: runs CMD, measures it and its process
// tree, forwards signals to it, and exits with its status (128+N if signal N killed
// it; 127 not found; 126 not executable). The footprint is written in every case.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <memory>

#include <fmt/format.h>

#include "carbonscope/tracked_command.h"
#include "carbonscope/tracker.h"
#include "command.h"
#include "live_status.h"
#include "rank_run.h"
#include "start_when_clean.h"
#include "tracking_options.h"

namespace carbonscope::cli {
namespace {

int run_command(const Context& ctx, const TrackingOptions& o, const StartWhenCleanOptions& when,
                const std::vector<std::string>& argv) {
  if (argv.empty()) {
    std::cerr << "carbonscope: run needs a command: carbonscope run [options] -- CMD ARGS...\n";
    return kExitUsage;
  }
  // One tracker per node under srun/torchrun: local rank 0 charges the launcher's tree.
  const NodeRank rank = node_rank_from_env(Environment::current());
  if (rank.follower()) return run_untracked(argv, rank, o.quiet);
  auto data = load_data(ctx);
  if (!data.ok()) return report_error(data.status());
  auto config = make_tracker_config(**data, o, RunKind::kRun);
  if (!config.ok()) return report_error(config.status());
  auto requests = make_request_source(o.requests);
  if (!requests.ok()) return report_error(requests.status());
  config->count_requests = o.requests.any();
  const Duration interval = config->interval;
  recover_and_report(o);
  if (const std::optional<int> stop = wait_for_clean_start(ctx, **data, o, when)) return *stop;
  // The whole tree's CPU time in one read when the child can have a cgroup of its own;
  // CARBONSCOPE_JOB_CGROUP=0 turns it off. A rank that shares its node charges its
  // launcher's tree (local rank 0 of srun/torchrun).
  TrackedCommandOptions command;
  command.charge_parent_tree = rank.shares_node();
  const char* cgroup_env = std::getenv("CARBONSCOPE_JOB_CGROUP");
  command.job_cgroup = cgroup_env == nullptr || std::string_view(cgroup_env) != "0";
  std::unique_ptr<RequestPoller> poller;
  command.on_start = [&](Tracker& t) { poller = start_request_poller(std::move(*requests), t, interval); };
  command.on_exit = [&] { stop_request_poller(poller.get()); };
  // CMD inherits stdout and stderr: no status line on a terminal it writes to.
  const LiveStatus status(o.quiet, {STDOUT_FILENO, STDERR_FILENO});
  config->on_sample = status.on_sample();
  auto run = run_tracked_command(std::move(config).value(), argv, command);
  if (!run.ok()) return report_error(run.status());
  if (!run->exit.launch.ok()) std::cerr << "carbonscope: " << run->exit.launch.message() << "\n";
  const int exit_code = run->exit.code;  // 127 not found, 126 not executable
  auto& report = run->report;
  auto& tracker = run->tracker;
  status.end();
  if (!report.ok()) {
    report_error(report.status());
    return exit_code;
  }
  if (tracker->ledger_status().ok() && tracker->files_status().ok() && !o.quiet) {
    const std::string dir = tracker->run_dir();
    std::cerr << summary_line(*report, dir.empty() ? "" : dir + "/report.json") << "\n";
  }
  if (report.ok()) print_inference(*report, poller.get(), o.quiet);
  // The child's exit code passes through; 75 instead of 0 when the run waits for the ledger.
  return report_run_end(*tracker, exit_code);
}

}  // namespace

void add_run_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("run", "Run a command and measure the energy and carbon of it and its children");
  auto options = std::make_shared<TrackingOptions>();
  auto argv = std::make_shared<std::vector<std::string>>();
  add_tracking_options(cmd, *options, "1s");
  auto when = std::make_shared<StartWhenCleanOptions>();
  add_start_when_clean_options(cmd, *when);
  cmd->add_option("command", *argv, "The command and its arguments, after --");
  cmd->callback([&ctx, options, when, argv] { ctx.exit_code = run_command(ctx, *options, *when, *argv); });
}

}  // namespace carbonscope::cli
