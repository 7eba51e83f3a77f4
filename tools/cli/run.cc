// `carbonscope run [options] -- CMD ARGS...`: runs CMD, measures it and its process
// tree, forwards signals to it, and exits with its status (128+N if signal N killed
// it; 127 not found; 126 not executable). The footprint is written in every case.
#include <unistd.h>

#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "carbonscope/tracker.h"
#include "command.h"
#include "live_status.h"
#include "platform/child_process.h"
#include "tracking_options.h"

namespace carbonscope::cli {
namespace {

int run_command(const Context& ctx, const TrackingOptions& o, const std::vector<std::string>& argv) {
  if (argv.empty()) {
    std::cerr << "carbonscope: run needs a command: carbonscope run [options] -- CMD ARGS...\n";
    return kExitUsage;
  }
  auto data = load_data(ctx);
  if (!data.ok()) return report_error(data.status());
  auto config = make_tracker_config(**data, o, RunKind::kRun);
  if (!config.ok()) return report_error(config.status());
  recover_and_report(o);
  auto child = ChildProcess::spawn(argv);
  if (!child.ok()) return report_error(child.status());
  config->pid = child->pid();
  config->command = argv;
  // CMD inherits stdout and stderr: no status line on a terminal it writes to.
  const LiveStatus status(o.quiet, {STDOUT_FILENO, STDERR_FILENO});
  config->on_sample = status.on_sample();
  // From here until release(), every early return must let the held child go: cancel()
  // (also done by ~ChildProcess) makes it exit without running the command.
  auto tracker = Tracker::create(std::move(config).value());
  if (!tracker.ok()) {
    child->cancel();
    return report_error(tracker.status().with_context("cannot track"));
  }
  if (Status st = (*tracker)->start(); !st.ok()) {
    child->cancel();
    return report_error(st);
  }
  forward_signals_to(child->pid(), give_own_process_group(child->pid()));
  int exit_code;
  if (Status st = child->release(); !st.ok()) {
    const bool not_found = st.code() == StatusCode::kNotFound;
    std::cerr << fmt::format("carbonscope: {}: {}\n", argv[0], not_found ? "command not found" : st.message());
    exit_code = child->reap();
    exit_code = not_found ? kExitNotFound : kExitNotRunnable;
  } else {
    exit_code = child->wait_exited();
  }
  auto report = (*tracker)->stop(exit_code);
  child->reap();
  status.end();
  if (!report.ok()) {
    report_error(report.status());
    return exit_code;
  }
  if ((*tracker)->ledger_status().ok() && (*tracker)->files_status().ok() && !o.quiet) {
    const std::string dir = (*tracker)->run_dir();
    std::cerr << summary_line(*report, dir.empty() ? "" : dir + "/report.json") << "\n";
  }
  // The child's exit code passes through; 75 instead of 0 when the run waits for the ledger.
  return report_run_end(**tracker, exit_code);
}

}  // namespace

void add_run_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("run", "Run a command and measure the energy and carbon of it and its children");
  auto options = std::make_shared<TrackingOptions>();
  auto argv = std::make_shared<std::vector<std::string>>();
  add_tracking_options(cmd, *options, "1s");
  cmd->add_option("command", *argv, "The command and its arguments, after --");
  cmd->callback([&ctx, options, argv] { ctx.exit_code = run_command(ctx, *options, *argv); });
}

}  // namespace carbonscope::cli
