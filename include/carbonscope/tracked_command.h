// Running a command as a child of this process, the way `carbonscope run` does: started
// held back (so the tracker takes its baseline first), given a cgroup v2 directory of its
// own when the machine allows (its whole tree's CPU time in one read; else the tracker
// walks its /proc tree and says so), moved into a process group of its own when no
// terminal drives the job, sent every catchable signal that would end this process, waited
// for, and its exit status passed through (128+N when signal N killed it).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "carbonscope/report.h"
#include "carbonscope/status.h"
#include "carbonscope/tracker.h"

namespace carbonscope {

// The shell's codes for a command that could not be run.
inline constexpr int kExitCommandNotFound = 127;
inline constexpr int kExitCommandNotExecutable = 126;

// How a command ended.
struct CommandExit {
  int code = 0;   // its exit status; 128+N when signal N killed it; 127 or 126 when it never ran
  Status launch;  // OK when it ran; else why not: kNotFound ("CMD: command not found", code 127)
                  // or kPermissionDenied ("CMD: Permission denied", code 126)
};

// Runs argv (PATH is searched) untracked, forwarding the signals that would end this
// process to it, and waits for it. The child keeps this process's group (a follower rank
// under srun or torchrun: its launcher signals the group). An error only when the command
// could not be started at all (no argv, no process).
Result<CommandExit> run_untracked_command(const std::vector<std::string>& argv);

struct TrackedCommandOptions {
  // Charge this process's parent's tree (a node's launcher, whose tree holds every local
  // rank) instead of the command's; the command then gets no cgroup of its own.
  bool charge_parent_tree = false;
  // Give the command a cgroup v2 directory of its own when the machine allows.
  bool job_cgroup = true;
  // After the tracker started, before the command may exec (a request poller, say).
  std::function<void(Tracker&)> on_start;
  // After the command exited, before the tracker takes its last sample.
  std::function<void()> on_exit;
};

struct TrackedCommand {
  CommandExit exit;
  std::unique_ptr<Tracker> tracker;  // stopped: its run_dir(), ledger_status(), files_status()
  Result<Report> report = Status::internal("the tracker was not stopped");  // stop()'s
};

// Runs argv as the tracked child of a Tracker made from `config` (its pid, job_cgroup and
// command are set here) and stops the tracker with the command's exit status. An error
// (the command not run, nothing recorded) when the command could not be started or the
// tracker could not be created or started; a command that is not found or not executable
// is not an error: its run is recorded with exit 127 or 126 (TrackedCommand::exit).
Result<TrackedCommand> run_tracked_command(TrackerConfig config, const std::vector<std::string>& argv,
                                           const TrackedCommandOptions& options = {});

}  // namespace carbonscope
