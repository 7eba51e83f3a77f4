// End-to-end: the real binary on real child processes: exit status passthrough,
// signals, 127/126, crashes still written, SIGKILL of the tracker then recovery,
// monitor, sensors, and a GPU seen through the fake NVML.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "support/scratch_dir.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_e2e") {}
};

// The one run directory's report.
nlohmann::json only_report(const std::string& out) {
  for (const auto& e : fs::directory_iterator(out)) {
    if (e.is_directory()) return nlohmann::json::parse(slurp(e.path() / "report.json"));
  }
  return {};
}

// Starts the binary without waiting; returns its pid.
pid_t start_cli(std::vector<std::string> args) {
  args.insert(args.begin(), CARBONSCOPE_BINARY);
  const pid_t pid = ::fork();
  if (pid == 0) {
    // Like run_cli: never the user's real ledger.
    ::setenv("CARBONSCOPE_LEDGER", ("/tmp/cs_e2e_ledger_" + std::to_string(::getppid()) + ".db").c_str(), 0);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(99);
  }
  return pid;
}

int wait_status(pid_t pid) {
  int st = 0;
  ::waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

// Waits until some run directory's samples.csv has `lines` lines; returns its dir.
fs::path wait_for_samples(const std::string& out, int lines) {
  for (int i = 0; i < 500; ++i) {
    if (fs::exists(out)) {
      for (const auto& e : fs::directory_iterator(out)) {
        const std::string s = slurp(e.path() / "samples.csv");
        if (std::count(s.begin(), s.end(), '\n') >= lines) return e.path();
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return {};
}

TEST(Run, PassesTheExitStatusThroughAndWritesEverything) {
  TempDir d;
  auto r = run_cli({"run", "--quiet", "--output-dir", d.out(), "--intensity", "57g", "--", "sh", "-c", "exit 7"});
  EXPECT_EQ(r.exit_code, 7);
  EXPECT_EQ(r.err, "");
  const auto j = only_report(d.out());
  EXPECT_EQ(j["run"]["exit_code"], 7);
  EXPECT_TRUE(j["run"]["complete"].get<bool>());
  EXPECT_EQ(j["intensity_g_per_kwh"]["central"], 57.0);
  EXPECT_EQ(j["intensity_g_per_kwh"]["method"], "given");
  EXPECT_EQ(j["run"]["command"][0], "sh");
  const std::string csv = slurp(fs::path(d.out()) / "emissions.csv");
  std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), 37);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2);
}

TEST(Run, SuccessPrintsASummary) {
  TempDir d;
  auto r = run_cli({"run", "--output-dir", d.out(), "--", "true"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("g CO2e"), std::string::npos);
  EXPECT_NE(r.err.find("(default)"), std::string::npos);  // intensity is a stated default
}

TEST(Run, CrashStillWritesTheFootprint) {
  TempDir d;
  auto r = run_cli({"run", "--quiet", "--output-dir", d.out(), "--", "sh", "-c", "kill -SEGV $$"});
  EXPECT_EQ(r.exit_code, 128 + SIGSEGV);
  EXPECT_EQ(only_report(d.out())["run"]["exit_code"], 128 + SIGSEGV);
}

TEST(Run, CommandNotFoundIs127AndStillRecorded) {
  TempDir d;
  auto r = run_cli({"run", "--quiet", "--output-dir", d.out(), "--", "no-such-command-xyz"});
  EXPECT_EQ(r.exit_code, 127);
  EXPECT_NE(r.err.find("no-such-command-xyz: command not found"), std::string::npos);
  EXPECT_EQ(only_report(d.out())["run"]["exit_code"], 127);
}

TEST(Run, NotExecutableIs126) {
  TempDir d;
  const fs::path script = d.path / "script.sh";
  std::ofstream(script) << "#!/bin/sh\necho hi\n";
  fs::permissions(script, fs::perms::owner_read | fs::perms::owner_write);
  auto r = run_cli({"run", "--quiet", "--output-dir", d.out(), "--", script.string()});
  EXPECT_EQ(r.exit_code, 126);
}

TEST(Run, UsageErrors) {
  TempDir d;
  EXPECT_EQ(run_cli({"run", "--output-dir", d.out()}).exit_code, 2);
  EXPECT_EQ(run_cli({"run", "--interval", "1ms", "--output-dir", d.out(), "--", "true"}).exit_code, 2);
  EXPECT_EQ(run_cli({"run", "--intensity", "lots", "--output-dir", d.out(), "--", "true"}).exit_code, 2);
  EXPECT_EQ(run_cli({"run", "--pue", "0.5", "--output-dir", d.out(), "--", "true"}).exit_code, 2);
}

TEST(Run, ForwardsSigtermToTheChild) {
  TempDir d;
  const pid_t cli = start_cli({"run", "--quiet", "--interval", "10ms", "--output-dir", d.out(), "--", "sleep", "30"});
  ASSERT_FALSE(wait_for_samples(d.out(), 3).empty());
  ::kill(cli, SIGTERM);
  EXPECT_EQ(wait_status(cli), 128 + SIGTERM);  // sleep died of the forwarded SIGTERM
  EXPECT_EQ(only_report(d.out())["run"]["exit_code"], 128 + SIGTERM);
}

TEST(Run, KilledTrackerIsRecoveredByTheNextCommand) {
  TempDir d;
  const fs::path pidfile = d.path / "child.pid";
  const pid_t cli = start_cli({"run", "--quiet", "--interval", "10ms", "--output-dir", d.out(), "--", "sh", "-c",
                               "echo $$ > " + pidfile.string() + "; exec sleep 30"});
  const fs::path run = wait_for_samples(d.out(), 5);
  ASSERT_FALSE(run.empty());
  ::kill(cli, SIGKILL);
  wait_status(cli);
  ::kill(std::stoi(slurp(pidfile)), SIGKILL);  // the orphaned child
  ASSERT_FALSE(fs::exists(run / "report.json"));
  auto r = run_cli({"run", "--output-dir", d.out(), "--", "true"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.err.find("finished the record of run " + run.filename().string()), std::string::npos) << r.err;
  const auto j = nlohmann::json::parse(slurp(run / "report.json"));
  EXPECT_FALSE(j["run"]["complete"].get<bool>());
  EXPECT_GT(j["run"]["duration_s"].get<double>(), 0.02);
  const std::string csv = slurp(fs::path(d.out()) / "emissions.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);  // header, recovered run, new run
}

TEST(Monitor, RunsForADurationOnTheWholeMachine) {
  TempDir d;
  auto r = run_cli({"monitor", "--quiet", "--duration", "300ms", "--interval", "50ms", "--output-dir", d.out()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto j = only_report(d.out());
  EXPECT_EQ(j["run"]["kind"], "monitor");
  EXPECT_GT(j["energy_kwh"]["central"].get<double>(), 0);
}

TEST(Monitor, StopsOnSigint) {
  TempDir d;
  const pid_t cli = start_cli({"monitor", "--quiet", "--interval", "10ms", "--output-dir", d.out()});
  ASSERT_FALSE(wait_for_samples(d.out(), 3).empty());
  ::kill(cli, SIGINT);
  EXPECT_EQ(wait_status(cli), 0);
  EXPECT_TRUE(only_report(d.out())["run"]["complete"].get<bool>());
}

TEST(Sensors, ListsEveryBackendWithReasons) {
  const std::string root = std::string(CARBONSCOPE_FIXTURES) + "/powercap/two_sockets_dram";
  auto r = run_cli({"sensors"}, {"CARBONSCOPE_SYSFS_ROOT=" + root, "CARBONSCOPE_PROC_ROOT=" + root,
                                 "CARBONSCOPE_NVML_LIBRARY=/nonexistent/libnvidia-ml.so.1"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("rapl-powercap  used"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("nvml           unavailable"), std::string::npos);
  EXPECT_NE(r.out.find("standby"), std::string::npos);
}

#ifdef FAKE_NVML
TEST(Run, GpuThroughTheFakeNvml) {
  TempDir d;
  auto r = run_cli({"run", "--quiet", "--interval", "10ms", "--output-dir", d.out(), "--", "sleep", "0.05"},
                   {std::string("CARBONSCOPE_NVML_LIBRARY=") + FAKE_NVML, "FAKE_NVML_DEVICES=energy:Fake A100:"});
  EXPECT_EQ(r.exit_code, 0);
  const auto j = only_report(d.out());
  bool gpu = false;
  for (const auto& c : j["components"]) gpu = gpu || c["component"] == "gpu";
  EXPECT_TRUE(gpu) << j.dump(1);
  EXPECT_EQ(j["run"]["gpu_count"], 1);
}
#endif

}  // namespace
}  // namespace carbonscope::test

namespace carbonscope::test {
namespace {

TEST(Run, LocationFromTheDataTables) {
  TempDir d;
  auto r = run_cli({"run", "--quiet", "--output-dir", d.out(), "--country", "France", "--year", "2022", "--", "true"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = only_report(d.out());
  EXPECT_EQ(j["intensity_g_per_kwh"]["method"], "reference");
  EXPECT_EQ(j["intensity_g_per_kwh"]["region"], "FR");
  EXPECT_EQ(j["intensity_g_per_kwh"]["year"], 2022);
  EXPECT_EQ(j["run"]["region"], "France (FR)");

  TempDir c;
  auto g = run_cli({"run", "--quiet", "--output-dir", c.out(), "--cloud", "gcp:europe-west1", "--", "true"});
  ASSERT_EQ(g.exit_code, 0) << g.err;
  const auto k = only_report(c.out());
  EXPECT_EQ(k["pue"]["method"], "reference");
  EXPECT_GT(k["pue"]["central"].get<double>(), 1.0);

  auto bad = run_cli({"run", "--quiet", "--output-dir", c.out(), "--country", "Frnace", "--", "true"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("France"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace carbonscope::test

namespace carbonscope::test {
namespace {

TEST(Run, RecordsTheRunInTheLedgerForReports) {
  TempDir d;
  const std::string ledger = (d.path / "ledger.db").string();
  auto r = run_cli({"run", "--quiet", "--output-dir", d.out(), "--interval", "50ms", "--project", "e2e", "--", "sh",
                    "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"},
                   {"CARBONSCOPE_LEDGER=" + ledger});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string id = only_report(d.out())["run"]["id"];
  auto list = run_cli({"runs", "list", "--json", "--ledger", ledger});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const auto runs = nlohmann::json::parse(list.out);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0]["id"], id);
  auto text = run_cli({"report", "last", "--ledger", ledger, "-f", "md"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("estimated"), std::string::npos) << text.out;
  auto html = run_cli({"report", id, "--ledger", ledger, "-f", "html"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_NE(html.out.find("<polyline"), std::string::npos) << "the power series reached the ledger";

  auto none = run_cli({"run", "--quiet", "--no-ledger", "--output-dir", d.out(), "--", "true"},
                      {"CARBONSCOPE_LEDGER=" + ledger});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(nlohmann::json::parse(run_cli({"runs", "list", "--json", "--ledger", ledger}).out).size(), 1u);
}

}  // namespace
}  // namespace carbonscope::test
