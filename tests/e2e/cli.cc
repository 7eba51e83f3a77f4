// posix_spawn-based runner for the carbonscope binary.
#include "e2e/cli.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace carbonscope::test {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const std::vector<std::string>& env, double timeout_s) {
  char out_tmpl[] = "/tmp/cs_e2e_out_XXXXXX";
  char err_tmpl[] = "/tmp/cs_e2e_err_XXXXXX";
  const int out_fd = mkstemp(out_tmpl);
  const int err_fd = mkstemp(err_tmpl);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);

  std::vector<std::string> argv_s = {CARBONSCOPE_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_s;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry = *e;
    if (entry.rfind("CARBONSCOPE_", 0) == 0) continue;  // tests choose their own
    if (entry.rfind("COLUMNS=", 0) == 0) continue;       // text is 80 columns unless a test sets it
    env_s.push_back(entry);
  }
  // Every test process records into its own ledger unless the test names one: never
  // into the user's real ledger.
  bool has_ledger = false;
  for (const std::string& e : env) {
    has_ledger = has_ledger || e.rfind("CARBONSCOPE_LEDGER=", 0) == 0 || e.rfind("XDG_DATA_HOME=", 0) == 0 ||
                 e.rfind("HOME=", 0) == 0;
  }
  if (!has_ledger) env_s.push_back("CARBONSCOPE_LEDGER=/tmp/cs_e2e_ledger_" + std::to_string(getpid()) + ".db");
  env_s.insert(env_s.end(), env.begin(), env.end());
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);

  // Its own process group, so a timeout kills whatever it started too.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  CliResult r;
  pid_t pid = 0;
  if (posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data()) == 0) {
    r.pid = pid;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    for (;;) {
      const pid_t done = waitpid(pid, &status, WNOHANG);
      if (done == pid || (done < 0 && errno != EINTR)) break;
      if (std::chrono::steady_clock::now() > deadline) {
        kill(-pid, SIGKILL);
        waitpid(pid, &status, 0);
        r.timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    r.exit_code = r.timed_out ? 124 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  close(out_fd);
  close(err_fd);
  r.out = slurp(out_tmpl);
  r.err = slurp(err_tmpl);
  unlink(out_tmpl);
  unlink(err_tmpl);
  return r;
}

}  // namespace carbonscope::test
