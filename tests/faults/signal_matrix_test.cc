// F9/F10: the signal matrix. For each catchable signal that would end a process, sent
// once to carbonscope alone and once to its process group (as a batch system or
// `kill -SIG -PGID` does), carbonscope survives it until its child ends, the child
// receives it exactly once, and no process of the job is left behind. carbonscope is
// started in a session of its own without a terminal, as a batch system starts it.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"

extern char** environ;

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The child: counts each signal it receives, says it is ready, and exits 0 one second
// after the first signal, writing its counts and its pid.
constexpr const char* kChild = R"(
import os, signal, sys, time
d = sys.argv[1]
# Each C-level delivery writes one byte (the signal number) to the wakeup fd, so two
# deliveries count twice even when Python runs its handler once.
r, w = os.pipe()
os.set_blocking(r, False)
os.set_blocking(w, False)
signal.set_wakeup_fd(w)
first = []
def on(sig, frame):
    if not first: first.append(time.monotonic())
for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1, signal.SIGUSR2,
          signal.SIGALRM, signal.SIGPIPE, signal.SIGVTALRM, signal.SIGPROF, signal.SIGXCPU, signal.SIGXFSZ):
    signal.signal(s, on)
with open(d + "/pid.tmp", "w") as f: f.write(str(os.getpid()))
os.rename(d + "/pid.tmp", d + "/pid")
deadline = time.monotonic() + 20
while time.monotonic() < deadline and not (first and time.monotonic() > first[0] + 1.0):
    time.sleep(0.01)
data = b""
try:
    data = os.read(r, 4096)
except BlockingIOError:
    pass
counts = {b: data.count(bytes([b])) for b in set(data)}
with open(d + "/counts.tmp", "w") as f: f.write(" ".join(f"{k}:{v}" for k, v in sorted(counts.items())))
os.rename(d + "/counts.tmp", d + "/counts")
)";

struct Cell {
  int sig;
  bool group;
  std::string dir;
  pid_t pid = -1;  // carbonscope, leader of its own session and group
};

pid_t start_in_new_session(const std::vector<std::string>& args, const std::string& dir) {
  std::vector<std::string> a = {CARBONSCOPE_BINARY};
  a.insert(a.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : a) argv.push_back(s.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, (dir + "/out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, (dir + "/err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &fa, &attr, argv.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&attr);
  return pid;
}

bool alive(pid_t pid) { return pid > 0 && ::kill(pid, 0) == 0; }

TEST(SignalMatrix, EverySignalReachesTheChildOnceAndOrphansNothing) {
  const std::string root = temp_dir();
  write_file(root + "/child.py", kChild);
  const std::vector<int> sigs = {SIGINT,  SIGTERM, SIGHUP,    SIGQUIT, SIGUSR1, SIGUSR2,
                                 SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ};
  std::vector<Cell> cells;
  for (int sig : sigs) {
    for (bool group : {false, true}) cells.push_back({sig, group, "", -1});
  }
  // In batches, so a loaded machine stays responsive; each cell takes about 2 s.
  constexpr std::size_t kBatch = 8;
  int failures = 0;
  for (std::size_t from = 0; from < cells.size(); from += kBatch) {
    const std::size_t to = std::min(cells.size(), from + kBatch);
    for (std::size_t i = from; i < to; ++i) {
      Cell& c = cells[i];
      c.dir = root + "/cell" + std::to_string(i);
      fs::create_directories(c.dir);
      c.pid = start_in_new_session({"run", "-q", "--no-ledger", "--interval", "100ms", "--output-dir",
                                    c.dir + "/runs", "--", "/usr/bin/python3", root + "/child.py", c.dir},
                                   c.dir);
      ASSERT_GT(c.pid, 0);
    }
    for (std::size_t i = from; i < to; ++i) {
      Cell& c = cells[i];
      const std::string name =
          std::string(strsignal(c.sig)) + (c.group ? " to the group" : " to carbonscope");
      const auto deadline = Clock::now() + std::chrono::seconds(30);
      while (!fs::exists(c.dir + "/pid") && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      ASSERT_TRUE(fs::exists(c.dir + "/pid")) << name << ": the child never started";
      const pid_t child = std::stoi(read_file(c.dir + "/pid"));
      // The deterministic half of F10: with no terminal, the child has a group of its
      // own, so a signal to carbonscope's group never reaches it directly. (Its count
      // alone cannot show a double delivery reliably: the kernel merges a standard
      // signal that is still pending when the second copy arrives.)
      const bool own_group = ::getpgid(child) != ::getpgid(c.pid);
      if (!own_group) ADD_FAILURE() << name << ": the child shares carbonscope's process group";
      if (c.group) {
        ::kill(-c.pid, c.sig);
      } else {
        ::kill(c.pid, c.sig);
      }
      int status = 0;
      pid_t w = 0;
      while ((w = ::waitpid(c.pid, &status, WNOHANG)) == 0 && Clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      bool ok = true;
      if (w != c.pid) {
        ADD_FAILURE() << name << ": carbonscope did not end";
        ::kill(-c.pid, SIGKILL);
        ::waitpid(c.pid, &status, 0);
        ok = false;
      } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ADD_FAILURE() << name << ": carbonscope ended with " << (WIFEXITED(status) ? "exit " : "signal ")
                      << (WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status))
                      << " instead of its child's 0\n"
                      << read_file(c.dir + "/err");
        ok = false;
      }
      // The child wrote its counts before exiting, and is gone.
      const std::string counts = fs::exists(c.dir + "/counts") ? read_file(c.dir + "/counts") : "(none)";
      const std::string want = std::to_string(c.sig) + ":1";
      if (counts != want) {
        ADD_FAILURE() << name << ": the child counted '" << counts << "', expected '" << want << "'";
        ok = false;
      }
      for (int k = 0; k < 100 && alive(child); ++k)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      if (alive(child)) {
        ADD_FAILURE() << name << ": the child " << child << " was left running";
        ::kill(child, SIGKILL);
        ok = false;
      }
      failures += !ok || !own_group;
    }
  }
  std::printf(
      "[ campaign ] signal matrix: %zu cells (%zu signals x to carbonscope, to its group), %d failures\n",
      cells.size(), sigs.size(), failures);
}

}  // namespace
}  // namespace carbonscope::test
