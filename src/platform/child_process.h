// ChildProcess: the command `run` tracks. It is started held back, so the tracker can
// take its baseline first, then released to exec. It is a clone sharing this process's
// memory until exec (no page tables copied, no copy-on-write faults on the tracker's
// pages while it sets up, whatever its size), with its own stack and signal
// handlers at their defaults; exec failures come back through a
// close-on-exec pipe (127: not found, 126: not executable). Waiting leaves the child
// unreaped, so its /proc entry stays readable for the last sample. A child whose
// parent goes away before releasing it exits (it never holds the release pipe's
// write end itself).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

class ChildProcess {
 public:
  // Starts a child that waits for release() before exec'ing argv (PATH is searched).
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
  struct Held;  // the argv and stack the held child uses until it execs
  ChildProcess(int pid, int go_fd, int err_fd, std::unique_ptr<Held> held);
  int pid_ = -1;
  int go_fd_ = -1;
  int err_fd_ = -1;
  bool reaped_ = false;
  std::unique_ptr<Held> held_;
};

// The process-group policy. A job no terminal drives (a batch system, systemd, a
// script) gets its child moved into a process group of its own, so a signal sent to
// carbonscope's group (kill -INT -PGID) reaches carbonscope only, which forwards it
// once. An interactive job (carbonscope in its terminal's foreground group) keeps the
// child in its group, so the terminal's Ctrl-C reaches both and is not forwarded.
// Call between spawn() and release(); true when the child has its own group.
bool give_own_process_group(int pid);

// Forwards every catchable signal that would end this process (INT, TERM, HUP, QUIT,
// USR1, USR2, ALRM, PIPE, VTALRM, PROF, XCPU, XFSZ) to `pid`, so this process survives
// them and never orphans the child. Not forwarded: signals this process raised itself,
// and, when the child shares our group (own_group false), the terminal's.
void forward_signals_to(int pid, bool own_group = false);

}  // namespace carbonscope
