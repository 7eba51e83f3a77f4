// ChildProcess: the command `run` tracks. It is forked held back, so the tracker can
// take its baseline first, then released to exec; exec failures come back through a
// close-on-exec pipe (127: not found, 126: not executable). Waiting leaves the child
// unreaped, so its /proc entry stays readable for the last sample. A child whose
// parent goes away before releasing it exits (it never holds the release pipe's
// write end itself).
#pragma once

#include <string>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

class ChildProcess {
 public:
  // Forks a child that waits for release() before exec'ing argv (PATH is searched).
  static Result<ChildProcess> spawn(const std::vector<std::string>& argv);
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&&) = delete;
  ChildProcess(const ChildProcess&) = delete;
  ~ChildProcess();

  int pid() const { return pid_; }
  // Lets the child exec. kNotFound or kPermissionDenied (with the reason) when exec
  // failed; the child then exits with 127 or 126.
  Status release();
  // The command will not run (the tracker could not start): the held child exits
  // without exec'ing and is reaped. No-op after release(). The destructor does this
  // for a child never released, so every early return leaves nothing behind.
  void cancel();
  // Blocks until the child has exited, without reaping it (signals do not end the
  // wait); returns its exit status, or 128+N when signal N killed it.
  int wait_exited();
  // Reaps the child: its exit status, or 128+N when signal N killed it.
  int reap();

 private:
  ChildProcess(int pid, int go_fd, int err_fd) : pid_(pid), go_fd_(go_fd), err_fd_(err_fd) {}
  int pid_ = -1;
  int go_fd_ = -1;
  int err_fd_ = -1;
  bool reaped_ = false;
};

// Forwards SIGINT, SIGTERM, SIGHUP and SIGQUIT sent to this process (kill, systemd,
// Slurm) to `pid`. Signals from the terminal are not forwarded: the child, in the same
// process group, already received them. This process survives them.
void forward_signals_to(int pid);

// Blocks SIGINT and SIGTERM in this thread (call before starting other threads) and
// waits for one, at most `timeout_s` seconds (< 0: forever). Returns the signal or 0.
void block_stop_signals();
int wait_for_stop_signal(double timeout_s);

}  // namespace carbonscope
