// End-to-end: every way `run` and `monitor` can stop before the command runs (an output
// dir that cannot be created, a bad ledger, location or interval, no usable sensor)
// exits at once with its message and leaves no held-back child behind; and what the
// run is asked to record (arguments in any bytes, tags) reaches its files and ledger.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <random>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "carbonscope/utf8.h"
#include "e2e/cli.h"
#include "support/scratch_dir.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_life") {}
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

// The one run directory's report.
nlohmann::json only_report(const std::string& out) {
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.is_directory()) return nlohmann::json::parse(slurp(e.path() / "report.json"));
  }
  return {};
}

// Arguments are bytes, not text: invalid UTF-8 is recorded as \xHH in run.json,
// report.json and the ledger, and the command runs with the bytes it was given.
TEST(RunRecords, NonUtf8ArgumentsAreEscaped) {
  TempDir d;
  const std::string ledger = d.at("ledger.db");
  const std::string out = d.at("got");
  const CliResult r = run_cli({"run", "--quiet", "--output-dir", d.at("runs"), "--project", "p\xff", "--tag", "t\xfe",
                               "--", "sh", "-c", "printf %s \"$1\" > " + out, "sh", "\xff\xc3"},
                              {"CARBONSCOPE_LEDGER=" + ledger}, kTimeout);
  ASSERT_FALSE(r.timed_out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(out), "\xff\xc3");  // the child got the raw bytes
  const auto j = only_report(d.at("runs"));
  EXPECT_EQ(j["run"]["command"].back(), "\\xff\\xc3");
  EXPECT_EQ(j["run"]["project"], "p\\xff");
  EXPECT_EQ(j["run"]["tags"][0], "t\\xfe");
  for (const auto& e : fs::directory_iterator(d.at("runs"))) {
    if (!e.is_directory()) continue;
    const auto run = nlohmann::json::parse(slurp(e.path() / "run.json"), nullptr, false);
    EXPECT_FALSE(run.is_discarded());
  }
  const CliResult list = run_cli({"runs", "list", "--json", "--ledger", ledger}, {}, kTimeout);
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto runs = nlohmann::json::parse(list.out);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["project"], "p\\xff");
  const CliResult report = run_cli({"runs", "show", "last", "--ledger", ledger}, {}, kTimeout);
  EXPECT_EQ(report.exit_code, 0) << report.err;
}

// Whatever records a run (here a saved estimate), the ledger's columns hold the same
// escaped text as its report, so listing never meets invalid UTF-8.
TEST(RunRecords, SavedEstimateWithNonUtf8ProjectLists) {
  TempDir d;
  const std::string ledger = d.at("ledger.db");
  const CliResult e = run_cli({"estimate", "--gpu", "NVIDIA A100 SXM4 80GB", "--hours", "1", "--save", "--project",
                               "x\xff", "--ledger", ledger}, {}, kTimeout);
  ASSERT_EQ(e.exit_code, 0) << e.err;
  const CliResult list = run_cli({"runs", "list", "--json", "--ledger", ledger}, {}, kTimeout);
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto runs = nlohmann::json::parse(list.out);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["project"], "x\\xff");
}

// Bounded fuzz (fixed seed): `run -- CMD <random bytes>...` never crashes; the exit
// status is the command's, and report.json and the ledger hold every run.
TEST(RunRecords, RandomByteArgumentsNeverCrash) {
  TempDir d;
  const std::string ledger = d.at("ledger.db");
  std::mt19937 rng(1202);
  std::uniform_int_distribution<int> nargs(1, 4), len(1, 8), byte(1, 255);
  constexpr int kRuns = 24;
  for (int i = 0; i < kRuns; ++i) {
    const std::string out = d.at("runs" + std::to_string(i));
    const int code = i % 3 == 0 ? 5 : 0;
    std::vector<std::string> args = {"run", "--quiet", "--output-dir", out, "--"};
    if (code == 0) {
      args.push_back("true");
    } else {
      args.insert(args.end(), {"sh", "-c", "exit 5"});
    }
    std::vector<std::string> extra;
    for (int a = nargs(rng); a > 0; --a) {
      std::string s(static_cast<std::size_t>(len(rng)), ' ');
      for (char& c : s) c = static_cast<char>(byte(rng));
      extra.push_back(s);
    }
    args.insert(args.end(), extra.begin(), extra.end());
    const CliResult r = run_cli(args, {"CARBONSCOPE_LEDGER=" + ledger}, kTimeout);
    ASSERT_FALSE(r.timed_out) << i;
    ASSERT_EQ(r.exit_code, code) << i << ": " << r.err;
    const auto j = only_report(out);
    ASSERT_TRUE(j.contains("run")) << i;
    const auto& cmd = j["run"]["command"];
    ASSERT_EQ(cmd.size(), (code == 0 ? 1 : 3) + extra.size()) << i;
    for (std::size_t k = 0; k < extra.size(); ++k) {
      EXPECT_EQ(cmd[cmd.size() - extra.size() + k], escape_utf8(extra[k])) << i;
    }
  }
  const CliResult list = run_cli({"runs", "list", "--json", "--ledger", ledger}, {}, kTimeout);
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(nlohmann::json::parse(list.out).size(), static_cast<std::size_t>(kRuns));
}

// Tags given to run and monitor are recorded and can be filtered on.
TEST(RunRecords, TagsReachTheLedger) {
  TempDir d;
  const std::string ledger = d.at("ledger.db");
  const std::vector<std::string> env = {"CARBONSCOPE_LEDGER=" + ledger};
  const CliResult a = run_cli({"run", "--quiet", "--output-dir", d.at("runs"), "--tag", "sweep", "--tag", "lr=0.1",
                               "--", "true"}, env, kTimeout);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const CliResult b = run_cli({"run", "--quiet", "--output-dir", d.at("runs"), "--tag", "sweep", "true"}, env, kTimeout);
  ASSERT_EQ(b.exit_code, 0) << b.err;  // one value per --tag: `true` is the command
  const CliResult m = run_cli({"monitor", "--quiet", "--duration", "50ms", "--interval", "10ms", "--output-dir",
                               d.at("runs"), "--tag", "idle"}, env, kTimeout);
  ASSERT_EQ(m.exit_code, 0) << m.err;
  const auto count = [&](const std::vector<std::string>& tags) {
    std::vector<std::string> args = {"runs", "list", "--json", "--ledger", ledger};
    for (const std::string& t : tags) args.insert(args.end(), {"--tag", t});
    const CliResult r = run_cli(args, {}, kTimeout);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out).size();
  };
  EXPECT_EQ(count({"sweep"}), 2u);
  EXPECT_EQ(count({"sweep", "lr=0.1"}), 1u);
  EXPECT_EQ(count({"idle"}), 1u);
  const CliResult empty = run_cli({"run", "--output-dir", d.at("runs"), "--tag", "", "--", "true"}, env, kTimeout);
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("--tag: a tag cannot be empty"), std::string::npos) << empty.err;
}

}  // namespace
}  // namespace carbonscope::test
