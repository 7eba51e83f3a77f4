// clone(CLONE_VM)/exec with a release pipe and an exec-error pipe; signal forwarding; the
// stop-signal wait of carbonscope/stop_signals.h (it shares the forwarded signals).
#include "platform/child_process.h"

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <ctime>

#include <fmt/format.h>

#include "carbonscope/stop_signals.h"

namespace carbonscope {
namespace {

volatile sig_atomic_t g_forward_pid = 0;
volatile sig_atomic_t g_own_group = 0;  // the child leads a process group of its own
volatile sig_atomic_t g_self_pid = 0;

// Every catchable signal whose default action ends a process (SIGKILL and SIGSTOP
// cannot be caught; job-control and ignored-by-default signals keep their default).
constexpr int kForwarded[] = {SIGINT,  SIGTERM, SIGHUP,    SIGQUIT, SIGUSR1, SIGUSR2,
                              SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ};

void forward_handler(int sig, siginfo_t* info, void*) {
  if (g_forward_pid <= 0 || info == nullptr) return;
  // A signal this process raised itself (SIGPIPE from a write to a closed pipe) is
  // not the child's business.
  if (info->si_pid == g_self_pid && info->si_code <= 0) return;
  // si_code > 0 (SI_KERNEL) marks a signal the terminal sent to the whole foreground
  // process group: a child sharing our group received it already. kill(2), sigqueue(3)
  // and tkill(2) give SI_USER, SI_QUEUE, SI_TKILL <= 0.
  if (!g_own_group && info->si_code > 0) return;
  ::kill(g_forward_pid, sig);
}

// True when this process is in the foreground process group of its controlling
// terminal (an interactive shell's job): the terminal's Ctrl-C then reaches the child
// only if it shares our group.
bool terminal_foreground() {
  for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    const pid_t fg = ::tcgetpgrp(fd);
    if (fg > 0) return fg == ::getpgrp();
  }
  return false;
}

}  // namespace

namespace {

// What the held child needs, on the parent's memory: the child shares the parent's
// address space until it execs (clone(CLONE_VM), as posix_spawn does), so it touches
// nothing but this block, its own stack and the pipes; it calls only system-call
// wrappers that neither allocate nor lock (execvp searches PATH in a stack buffer),
// and none that can fail before the release (errno is the parent thread's).
struct HeldChild {
  char** args;
  int go_read, go_write, err_read, err_write;
};

}  // namespace

// Owned by the ChildProcess until the child can no longer use it (it exec'd or was reaped).
struct ChildProcess::Held {
  std::vector<std::string> argv;
  std::vector<char*> args;
  HeldChild child{};
  void* stack = nullptr;
  std::size_t stack_size = 0;
  ~Held() {
    if (stack != nullptr) ::munmap(stack, stack_size);
  }
};

namespace {

int held_child_main(void* arg) {
  const HeldChild& h = *static_cast<const HeldChild*>(arg);
  // Only the parent may hold the write end of the release pipe: if it exits without
  // releasing us (an error, a crash, SIGKILL), the read below sees EOF and we leave.
  ::close(h.go_write);
  ::close(h.err_read);
  // The parent's handlers would run on the parent's memory: every caught signal goes
  // back to its default action (ignored ones stay ignored, as across fork and exec).
  // All signals stay blocked (the parent blocked them around clone) until exec.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) {
    // glibc's own signals (32, 33): its sigaction would fail and set errno, which is
    // the parent's here.
    if (sig >= __SIGRTMIN && sig < SIGRTMIN) continue;
    struct sigaction old {};
    if (::sigaction(sig, nullptr, &old) != 0) continue;
    if (old.sa_handler != SIG_DFL && old.sa_handler != SIG_IGN) ::sigaction(sig, &dfl, nullptr);
  }
  char c = 0;
  ssize_t n;
  do {
    n = ::read(h.go_read, &c, 1);
  } while (n < 0 && errno == EINTR);
  if (n != 1) ::_exit(127);  // the tracker went away before releasing us
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  ::execvp(h.args[0], h.args);
  const int e = errno;
  (void)!::write(h.err_write, &e, sizeof e);
  ::_exit(e == ENOENT || e == ENOTDIR ? 127 : 126);
}

}  // namespace

Result<ChildProcess> ChildProcess::spawn(const std::vector<std::string>& argv) {
  if (argv.empty()) return Status::invalid_argument("no command to run");
  int go[2], err[2];
  if (::pipe2(go, O_CLOEXEC) != 0) return Status::io_error(fmt::format("pipe: {}", std::strerror(errno)));
  if (::pipe2(err, O_CLOEXEC) != 0) {
    ::close(go[0]);
    ::close(go[1]);
    return Status::io_error(fmt::format("pipe: {}", std::strerror(errno)));
  }
  auto held = std::make_unique<Held>();
  held->argv = argv;
  for (const std::string& a : held->argv) held->args.push_back(const_cast<char*>(a.c_str()));
  held->args.push_back(nullptr);
  // A stack of its own for the held child (execvp's PATH buffer and a script's argv
  // live there), reserved, not committed: untouched pages cost nothing.
  held->stack_size = (std::size_t{256} << 10) + 16 * held->args.size();
  void* stack = ::mmap(nullptr, held->stack_size, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (stack == MAP_FAILED) {
    const int e = errno;
    for (int fd : {go[0], go[1], err[0], err[1]}) ::close(fd);
    return Status::io_error(fmt::format("cannot map the child's stack: {}", std::strerror(e)));
  }
  held->stack = stack;
  HeldChild& h = held->child;
  h.args = held->args.data();
  h.go_read = go[0];
  h.go_write = go[1];
  h.err_read = err[0];
  h.err_write = err[1];
  // No signal may run a handler in the child while it shares our memory.
  sigset_t all, mask;
  sigfillset(&all);
  ::pthread_sigmask(SIG_SETMASK, &all, &mask);
  const pid_t pid = ::clone(held_child_main, static_cast<char*>(stack) + held->stack_size, CLONE_VM | SIGCHLD, &h);
  const int clone_errno = errno;
  ::pthread_sigmask(SIG_SETMASK, &mask, nullptr);
  ::close(go[0]);
  ::close(err[1]);
  if (pid < 0) {
    ::close(go[1]);
    ::close(err[0]);
    return Status::io_error(fmt::format("cannot start the command (clone): {}", std::strerror(clone_errno)));
  }
  return ChildProcess(pid, go[1], err[0], std::move(held));
}

ChildProcess::ChildProcess(int pid, int go_fd, int err_fd, std::unique_ptr<Held> held)
    : pid_(pid), go_fd_(go_fd), err_fd_(err_fd), held_(std::move(held)) {}

ChildProcess::ChildProcess(ChildProcess&& o) noexcept
    : pid_(o.pid_), go_fd_(o.go_fd_), err_fd_(o.err_fd_), reaped_(o.reaped_), held_(std::move(o.held_)) {
  o.pid_ = -1;
  o.go_fd_ = o.err_fd_ = -1;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !reaped_ && go_fd_ >= 0) {
    cancel();
    return;
  }
  if (go_fd_ >= 0) ::close(go_fd_);
  if (err_fd_ >= 0) ::close(err_fd_);
  if (pid_ > 0 && !reaped_) reap();
}

void ChildProcess::cancel() {
  if (go_fd_ < 0) return;  // released already
  ::close(go_fd_);         // EOF on the release pipe: the child exits without exec'ing
  go_fd_ = -1;
  if (err_fd_ >= 0) ::close(err_fd_);
  err_fd_ = -1;
  if (pid_ > 0 && !reaped_) reap();
}

Status ChildProcess::release() {
  const char c = 'g';
  (void)!::write(go_fd_, &c, 1);
  ::close(go_fd_);
  go_fd_ = -1;
  int e = 0;
  ssize_t n;
  do {
    n = ::read(err_fd_, &e, sizeof e);
  } while (n < 0 && errno == EINTR);
  ::close(err_fd_);
  err_fd_ = -1;
  if (n != static_cast<ssize_t>(sizeof e)) {  // closed by a successful exec: the child has its own memory now
    held_.reset();
    return {};
  }
  if (e == ENOENT || e == ENOTDIR) return Status::not_found(std::strerror(e));
  return Status::permission_denied(std::strerror(e));
}

int ChildProcess::wait_exited() {
  siginfo_t info{};
  while (::waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT) != 0) {
    if (errno != EINTR) return 1;
  }
  if (info.si_code == CLD_EXITED) return info.si_status;
  return 128 + info.si_status;  // CLD_KILLED, CLD_DUMPED
}

int ChildProcess::reap() {
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  reaped_ = true;
  held_.reset();
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return 1;
}

bool give_own_process_group(int pid) {
  // Only a job that no terminal drives: an interactive job keeps the terminal's group,
  // so reading the terminal and Ctrl-Z keep working for the command.
  if (terminal_foreground()) return false;
  // The child is held until release(), so it cannot have exec'd yet: the parent may
  // still move it (setpgid(2) refuses only after exec).
  return ::setpgid(pid, pid) == 0;
}

void forward_signals_to(int pid, bool own_group) {
  g_self_pid = ::getpid();
  g_own_group = own_group ? 1 : 0;
  g_forward_pid = pid;
  struct sigaction sa {};
  sa.sa_sigaction = forward_handler;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&sa.sa_mask);
  for (int sig : kForwarded) ::sigaction(sig, &sa, nullptr);
}

namespace {

// The signals that stop `monitor` (it records the run first); the others of
// kForwarded are ignored, so no catchable signal ends it without its record.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&set, sig);
  return set;
}

}  // namespace

void block_stop_signals() {
  const sigset_t set = stop_signals();
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
  for (int sig : kForwarded) {
    if (sigismember(&set, sig) == 0) ::signal(sig, SIG_IGN);
  }
}

int wait_for_stop_signal(std::optional<Duration> timeout) {
  const sigset_t set = stop_signals();
  for (;;) {
    int sig;
    if (!timeout) {
      sig = ::sigwaitinfo(&set, nullptr);
    } else {
      const double s = std::max(timeout->count(), 0.0);
      timespec ts{};
      ts.tv_sec = static_cast<time_t>(s);
      ts.tv_nsec = static_cast<long>((s - std::floor(s)) * 1e9);
      sig = ::sigtimedwait(&set, nullptr, &ts);
    }
    if (sig > 0) return sig;
    if (errno == EAGAIN) return 0;
    if (errno != EINTR) return 0;
  }
}

}  // namespace carbonscope
