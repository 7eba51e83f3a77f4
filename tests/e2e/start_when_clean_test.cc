// End-to-end: `run --start-when-clean` on the shipped PJM 2022 series, with the current
// time set by CARBONSCOPE_TEST_NOW and the wait sped up by CARBONSCOPE_TEST_TIME_SCALE:
// the chosen start is printed and the command runs after it; Ctrl-C while waiting exits
// without running the command; zones without hourly data start at once, saying so; bad
// windows are refused.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "e2e/cli.h"
#include "support/scratch_dir.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_swc") {}
};

std::vector<std::string> run_args(const TempDir& d, const std::string& cloud,
                                  const std::vector<std::string>& more, const std::string& marker) {
  std::vector<std::string> a{
      "run",     "--no-ledger", "--quiet",           "--output-dir", (d.path / "runs").string(),
      "--cloud", cloud,         "--start-when-clean"};
  a.insert(a.end(), more.begin(), more.end());
  a.insert(a.end(), {"--", "touch", marker});
  return a;
}

TEST(StartWhenClean, WaitsForTheBestStartThenRuns) {
  TempDir d;
  const std::string marker = (d.path / "ran").string();
  // 2022-07-01 00:00 UTC, 8 h window, 2 h job: PJM's cleanest 2 h start is later that night.
  const CliResult r =
      run_cli(run_args(d, "aws:us-east-1", {"--deadline", "8h", "--expected-duration", "2h"}, marker),
              {"CARBONSCOPE_TEST_NOW=2022-07-01T00:00Z", "CARBONSCOPE_TEST_TIME_SCALE=36000"}, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(marker));
  EXPECT_NE(r.err.find("hourly intensity, PJM 2022 [eia930]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("best start 2022-07-01T"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("expected saving"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("starting at 2022-07-01T"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("best start 2022-07-01T00:00Z"), std::string::npos) << r.err;
}

TEST(StartWhenClean, ADeadlineAsATimeAndAProfileForAnotherYear) {
  TempDir d;
  const std::string marker = (d.path / "ran").string();
  const CliResult r =
      run_cli(run_args(d, "gcp:us-central1", {"--deadline", "2026-07-01T12:00Z", "--expected-duration", "2h"},
                       marker),
              {"CARBONSCOPE_TEST_NOW=2026-07-01T00:00Z", "CARBONSCOPE_TEST_TIME_SCALE=36000"}, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(marker));
  EXPECT_NE(r.err.find("profile estimate from MISO 2022"), std::string::npos) << r.err;
}

TEST(StartWhenClean, CtrlCWhileWaitingDoesNotStartTheCommand) {
  TempDir d;
  const std::string marker = (d.path / "ran").string();
  const fs::path err = d.path / "stderr";
  std::vector<std::string> args =
      run_args(d, "aws:us-east-1", {"--deadline", "8h", "--expected-duration", "2h"}, marker);
  args.insert(args.begin(), CARBONSCOPE_BINARY);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("CARBONSCOPE_TEST_NOW", "2022-07-01T00:00Z", 1);  // real speed: a wait of hours
    FILE* f = std::freopen(err.c_str(), "w", stderr);
    (void)f;
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(99);
  }
  // Wait (at most 30 s) until it says it is waiting.
  bool waiting = false;
  for (int i = 0; i < 300 && !waiting; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    waiting = slurp(err).find("waiting until then") != std::string::npos;
  }
  ::kill(pid, SIGINT);
  int st = 0;
  for (int i = 0; i < 100; ++i) {  // at most 10 s
    if (::waitpid(pid, &st, WNOHANG) == pid) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (i == 99) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &st, 0);
      FAIL() << "still waiting after SIGINT";
    }
  }
  ASSERT_TRUE(waiting) << slurp(err);
  ASSERT_TRUE(WIFEXITED(st));
  EXPECT_EQ(WEXITSTATUS(st), 128 + SIGINT);
  EXPECT_FALSE(fs::exists(marker));
  EXPECT_NE(slurp(err).find("the command was not started"), std::string::npos) << slurp(err);
  EXPECT_FALSE(fs::exists(d.path / "runs") && !fs::is_empty(d.path / "runs"));
}

TEST(StartWhenClean, NoHourlyDataStartsAtOnceAndSaysSo) {
  TempDir d;
  const std::string marker = (d.path / "ran").string();
  const CliResult r =
      run_cli(run_args(d, "aws:eu-west-3", {"--within", "8h", "--expected-duration", "2h"}, marker),
              {"CARBONSCOPE_TEST_NOW=2022-07-01T00:00Z"}, 60);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(marker));
  EXPECT_NE(r.err.find("no hourly series for this place"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("starting at once"), std::string::npos) << r.err;
}

TEST(StartWhenClean, BadWindowsAreRefusedWithoutRunning) {
  TempDir d;
  const std::string marker = (d.path / "ran").string();
  const std::vector<std::string> now{"CARBONSCOPE_TEST_NOW=2022-07-01T00:00Z"};
  struct Case {
    std::vector<std::string> flags;
    std::string message;
  };
  const std::vector<Case> cases{
      {{"--deadline", "2022-06-30T00:00Z", "--expected-duration", "1h"}, "is not after now"},
      {{"--deadline", "1h", "--expected-duration", "2h"}, "does not fit"},
      {{"--deadline", "8h"}, "needs --expected-duration"},
      {{"--expected-duration", "2h"}, "needs --deadline"},
      {{"--deadline", "2022-07-01T08:00", "--expected-duration", "1h"}, "--deadline"},
      {{"--deadline", "8h", "--within", "8h", "--expected-duration", "1h"}, "give one"},
  };
  for (const Case& c : cases) {
    const CliResult r = run_cli(run_args(d, "aws:us-east-1", c.flags, marker), now, 60);
    EXPECT_EQ(r.exit_code, 2) << c.message << ": " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(marker)) << c.message;
  }
  // The flags need --start-when-clean.
  const CliResult r = run_cli({"run", "--no-ledger", "--deadline", "8h", "--", "touch", marker}, now, 60);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_FALSE(fs::exists(marker));
}

}  // namespace
}  // namespace carbonscope::test
