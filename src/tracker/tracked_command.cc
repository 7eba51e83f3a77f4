// A command run as the tracked (or untracked) child: ChildProcess, JobCgroup and the
// signal policy of platform/child_process.h, in the order the tracker needs.
#include "carbonscope/tracked_command.h"

#include <optional>
#include <utility>

#include <fmt/format.h>

#include "platform/child_process.h"
#include "platform/file_reader.h"
#include "platform/job_cgroup.h"
#include "platform/system_info.h"

namespace carbonscope {
namespace {

// Lets the held child exec and waits for it to exit (left unreaped when it ran, so its
// /proc entry stays readable for the tracker's last sample).
CommandExit release_and_wait(ChildProcess& child, const std::string& command) {
  if (Status st = child.release(); !st.ok()) {
    child.reap();
    if (st.code() == StatusCode::kNotFound)
      return {kExitCommandNotFound, Status::not_found(fmt::format("{}: command not found", command))};
    return {kExitCommandNotExecutable, Status::permission_denied(fmt::format("{}: {}", command, st.message()))};
  }
  return {child.wait_exited(), Status()};
}

}  // namespace

Result<CommandExit> run_untracked_command(const std::vector<std::string>& argv) {
  CS_ASSIGN_OR_RETURN(ChildProcess child, ChildProcess::spawn(argv));
  forward_signals_to(child.pid());
  CommandExit exit = release_and_wait(child, argv[0]);
  if (exit.launch.ok()) exit.code = child.reap();
  return exit;
}

Result<TrackedCommand> run_tracked_command(TrackerConfig config, const std::vector<std::string>& argv,
                                           const TrackedCommandOptions& options) {
  CS_ASSIGN_OR_RETURN(ChildProcess child, ChildProcess::spawn(argv));
  config.pid = options.charge_parent_tree ? parent_pid() : child.pid();
  // Moved into its cgroup before it execs; removed when this returns, after the child is
  // reaped (left in place while something still runs in it). Not for a rank that charges
  // its launcher's tree (the node's other ranks are there).
  std::optional<JobCgroup> cgroup;
  if (!options.charge_parent_tree && options.job_cgroup) {
    if (auto g = JobCgroup::place(FileReader(config.proc_root), child.pid()); g.ok()) {
      cgroup.emplace(std::move(g).value());
      config.job_cgroup = cgroup->path();
    }
  }
  config.command = argv;
  // Until release(), every early return lets the held child go: cancel() makes it exit
  // without running the command (and is reaped, so its cgroup can be removed).
  auto tracker = Tracker::create(std::move(config));
  if (!tracker.ok()) {
    child.cancel();
    return tracker.status().with_context("cannot track");
  }
  if (Status st = (*tracker)->start(); !st.ok()) {
    child.cancel();
    return st;
  }
  if (options.on_start) options.on_start(**tracker);
  forward_signals_to(child.pid(), give_own_process_group(child.pid()));
  TrackedCommand run;
  run.exit = release_and_wait(child, argv[0]);
  if (options.on_exit) options.on_exit();
  run.report = (*tracker)->stop(run.exit.code);
  if (run.exit.launch.ok()) child.reap();
  run.tracker = std::move(tracker).value();
  return run;
}

}  // namespace carbonscope
