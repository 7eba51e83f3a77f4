// End-to-end on a pseudo-terminal: `run` never draws its status line into the
// command's output (every line the command prints starts at column 0, also after
// Ctrl-C), while `monitor`, which shares the terminal with nobody, still draws it.
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "support/scratch_dir.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;

struct PtyResult {
  std::string out;  // everything written to the terminal
  int exit_code = -1;
  bool timed_out = false;
};

// Runs the binary with `args` on a new pty (stdin, stdout and stderr), reading until
// it exits, at most `timeout_s`; `interrupt_after_s` >= 0 sends the terminal's Ctrl-C.
PtyResult run_on_pty(std::vector<std::string> args, const std::string& dir, double timeout_s,
                     double interrupt_after_s = -1) {
  args.insert(args.begin(), CARBONSCOPE_BINARY);
  int master = -1;
  winsize ws{};
  ws.ws_row = 24;
  ws.ws_col = 200;
  const pid_t pid = ::forkpty(&master, nullptr, nullptr, &ws);
  if (pid == 0) {
    ::setenv("CARBONSCOPE_LEDGER", (dir + "/ledger.db").c_str(), 1);
    ::unsetenv("CARBONSCOPE_FAKE_SENSORS");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(99);
  }
  PtyResult r;
  const auto start = std::chrono::steady_clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  bool interrupted = false;
  for (;;) {
    if (!interrupted && interrupt_after_s >= 0 && elapsed() > interrupt_after_s) {
      const char ctrl_c = 3;  // the line discipline sends SIGINT to the foreground group
      (void)!::write(master, &ctrl_c, 1);
      interrupted = true;
    }
    if (elapsed() > timeout_s) {
      ::kill(pid, SIGKILL);
      r.timed_out = true;
      break;
    }
    pollfd p{master, POLLIN, 0};
    if (::poll(&p, 1, 20) <= 0) continue;
    char buf[4096];
    const ssize_t n = ::read(master, buf, sizeof buf);
    if (n <= 0) break;  // EIO: the last process on the pty is gone
    r.out.append(buf, static_cast<std::size_t>(n));
  }
  int st = 0;
  ::waitpid(pid, &st, 0);
  ::close(master);
  r.exit_code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_pty") {}
};

TEST(LiveStatus, RunNeverDrawsIntoTheCommandsLines) {
  TempDir d;
  const auto r = run_on_pty({"run", "--interval", "20ms", "--output-dir", (d.path / "runs").string(), "--", "sh", "-c",
                             "for i in 1 2 3 4; do echo epoch $i; sleep 0.3; done"},
                            d.path.string(), 30);
  ASSERT_FALSE(r.timed_out) << r.out;
  EXPECT_EQ(r.exit_code, 0) << r.out;
  int epochs = 0;
  for (const std::string& line : lines_of(r.out)) {
    const std::size_t at = line.find("epoch ");
    if (at == std::string::npos) continue;
    ++epochs;
    EXPECT_EQ(at, 0u) << "glued to a status line: " << line;
  }
  EXPECT_EQ(epochs, 4) << r.out;
  EXPECT_NE(r.out.find("carbonscope: report "), std::string::npos) << "the summary is still printed";
}

TEST(LiveStatus, RunInterruptedNeverGluesText) {
  TempDir d;
  const auto r = run_on_pty({"run", "--interval", "20ms", "--output-dir", (d.path / "runs").string(), "--", "sh", "-c",
                             "trap 'echo job stopped; exit 3' INT; echo job started; sleep 0.8; sleep 0.8; sleep 5"},
                            d.path.string(), 30, 1.0);
  ASSERT_FALSE(r.timed_out) << r.out;
  for (const std::string& line : lines_of(r.out)) {
    for (const char* text : {"job started", "job stopped"}) {
      const std::size_t at = line.find(text);
      if (at != std::string::npos) {
        EXPECT_TRUE(at == 0 || line.substr(0, at) == "^C") << line;
      }
    }
    EXPECT_EQ(line.find("CO2e (estimate)"), std::string::npos) << "a status line was drawn: " << line;
  }
  EXPECT_NE(r.out.find("job started"), std::string::npos) << r.out;
}

TEST(LiveStatus, MonitorStillDrawsItOnItsOwnTerminal) {
  TempDir d;
  const auto r = run_on_pty({"monitor", "--duration", "1500ms", "--interval", "100ms", "--output-dir",
                             (d.path / "runs").string()},
                            d.path.string(), 30);
  ASSERT_FALSE(r.timed_out) << r.out;
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\r\033[Kcarbonscope 00:00:0"), std::string::npos) << r.out;
  // At most twice a second of tracked time, not once per 100 ms sample (15 before the
  // fix); the bound leaves room for a loaded machine stretching the run.
  std::size_t draws = 0;
  for (std::size_t at = r.out.find("\033[Kcarbonscope 00:"); at != std::string::npos;
       at = r.out.find("\033[Kcarbonscope 00:", at + 1)) {
    ++draws;
  }
  EXPECT_GE(draws, 1u);
  EXPECT_LE(draws, 8u) << r.out;
  // The summary starts on a cleared line, not after the status text.
  const std::size_t summary = r.out.find("carbonscope: ");
  ASSERT_NE(summary, std::string::npos);
  EXPECT_EQ(r.out.substr(summary - 4, 4), "\r\033[K") << r.out;
}

}  // namespace
}  // namespace carbonscope::test
