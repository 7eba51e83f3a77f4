// End-to-end: every way `run` and `monitor` can stop before the command runs (an output
// dir that cannot be created, a bad ledger, location or interval, no usable sensor)
// exits at once with its message and leaves no held-back child behind; and what the
// run is asked to record (arguments in any bytes, tags) reaches its files and ledger.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;

[[maybe_unused]] std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct TempDir {
  TempDir() {
    path = fs::temp_directory_path() / ("cs_life_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path / "ro", fs::perms::owner_all, ec);
    fs::remove_all(path);
  }
  std::string at(const std::string& name) const { return (path / name).string(); }
  fs::path path;
};

constexpr double kTimeout = 20;  // seconds; these all end in well under one

// Nothing the CLI started is still alive: its process group is empty.
bool nothing_left(const CliResult& r) { return r.pid > 0 && ::kill(-r.pid, 0) != 0 && errno == ESRCH; }

// `run` stops before the command: exit `code` with `message` on stderr, no hang, the
// command never ran (it would have created `marker`), nothing left behind.
void expect_early_exit(const TempDir& d, std::vector<std::string> args, int code, const std::string& message,
                       const std::vector<std::string>& env = {}) {
  const std::string marker = d.at("ran");
  args.insert(args.end(), {"--", "sh", "-c", "touch " + marker});
  const CliResult r = run_cli(args, env, kTimeout);
  EXPECT_FALSE(r.timed_out) << "hung: " << r.err;
  EXPECT_EQ(r.exit_code, code) << r.err;
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(marker)) << "the command ran";
  EXPECT_TRUE(nothing_left(r)) << "a held-back child is still alive";
}

TEST(RunEarlyExit, OutputDirIsARegularFile) {
  TempDir d;
  std::ofstream(d.at("afile")) << "x";
  expect_early_exit(d, {"run", "--output-dir", d.at("afile")}, 1, "Not a directory");
}

TEST(RunEarlyExit, OutputDirUnderProc) {
  TempDir d;
  expect_early_exit(d, {"run", "--output-dir", "/proc/carbonscope-nope"}, 1, "cannot create directory /proc/");
}

TEST(RunEarlyExit, OutputDirReadOnly) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write a read-only directory";
  TempDir d;
  fs::create_directories(d.path / "ro");
  fs::permissions(d.path / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  expect_early_exit(d, {"run", "--output-dir", d.at("ro/runs")}, 1, "Permission denied");
}

TEST(RunEarlyExit, NoUsableSensor) {
  TempDir d;
  expect_early_exit(d, {"run", "--output-dir", d.at("runs")}, 1, "fake sensor spec 'bogus'",
                    {"CARBONSCOPE_FAKE_SENSORS=bogus"});
}

TEST(RunEarlyExit, BadLocationOrInterval) {
  TempDir d;
  expect_early_exit(d, {"run", "--output-dir", d.at("runs"), "--country", "Frnace"}, 2, "France");
  expect_early_exit(d, {"run", "--output-dir", d.at("runs"), "--interval", "1ms"}, 2, "10ms");
  expect_early_exit(d, {"run", "--output-dir", d.at("runs"), "--pue", "0.5"}, 2, "PUE");
}

// A ledger that cannot be written does not stop the command: it runs, its files are
// written, the failure is a warning, and the child's status is the exit status.
TEST(RunEarlyExit, BadLedgerIsAWarning) {
  TempDir d;
  std::ofstream(d.at("bad.db")) << "not sqlite";
  std::ofstream(d.at("afile")) << "x";
  for (const std::string& ledger : {d.at("bad.db"), d.at("afile") + "/ledger.db"}) {
    const CliResult r = run_cli({"run", "--output-dir", d.at("runs"), "--ledger", ledger, "--", "sh", "-c", "exit 3"},
                                {}, kTimeout);
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_NE(r.err.find("in the ledger " + ledger), std::string::npos) << r.err;
    EXPECT_TRUE(nothing_left(r));
  }
}

TEST(MonitorEarlyExit, EveryPathExitsAtOnce) {
  TempDir d;
  std::ofstream(d.at("afile")) << "x";
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> env;
    int code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"--output-dir", d.at("afile")}, {}, 1, "Not a directory"},
      {{"--output-dir", "/proc/carbonscope-nope"}, {}, 1, "cannot create directory /proc/"},
      {{"--output-dir", d.at("runs")}, {"CARBONSCOPE_FAKE_SENSORS=bogus"}, 1, "fake sensor spec 'bogus'"},
      {{"--output-dir", d.at("runs"), "--country", "Frnace"}, {}, 2, "France"},
      {{"--output-dir", d.at("runs"), "--duration", "soon"}, {}, 2, "--duration"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"monitor", "--duration", "30s"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    if (c.message == "--duration") args = {"monitor", "--duration", "soon", "--output-dir", d.at("runs")};
    const CliResult r = run_cli(args, c.env, kTimeout);
    EXPECT_FALSE(r.timed_out) << c.message;
    EXPECT_EQ(r.exit_code, c.code) << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_TRUE(nothing_left(r));
  }
}

}  // namespace
}  // namespace carbonscope::test
