// Runs are never lost (F3, F18, F21), end to end: a locked ledger queues the run (exit
// 75, said on stderr) and the next run records it; a run killed while waiting for the
// ledger is recorded later; 100 SIGKILLs at seeded random points leave every started run
// in the ledger exactly once; a run killed inside a PID namespace is recovered from
// outside it; a disk that fills mid-run keeps the result (fallback report, ledger row).
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"
#include "faults/fault_util.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const std::string kFake = "CARBONSCOPE_FAKE_SENSORS=cpu=45W";

// Run directories (with run.json) under `out`.
std::vector<std::string> run_ids(const std::string& out) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(out, ec)) {
    if (fs::exists(e.path() / "run.json")) ids.push_back(e.path().filename().string());
  }
  return ids;
}

// emissions.csv rows per run id (the first column that holds an id).
std::map<std::string, int> csv_rows_by_id(const std::string& out, const std::vector<std::string>& ids) {
  std::map<std::string, int> n;
  const std::string text = read_file(out + "/emissions.csv");
  for (const std::string& id : ids) {
    for (std::size_t at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) ++n[id];
  }
  return n;
}

// Holds the ledger's write lock (BEGIN IMMEDIATE) for `seconds`, from a child process.
pid_t hold_ledger_lock(const std::string& ledger, double seconds, const std::string& flag) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const std::string py = "import sqlite3,time; c=sqlite3.connect('" + ledger +
                           "', isolation_level=None); c.execute('begin immediate'); open('" + flag +
                           "','w').close(); time.sleep(" + std::to_string(seconds) + ")";
    ::execl("/usr/bin/python3", "python3", "-c", py.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (!fs::exists(flag) && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return pid;
}

TEST(RecoveryFaults, ALockedLedgerQueuesTheRunAndTheNextRunRecordsIt) {  // F3
  const std::string dir = temp_dir();
  const std::string ledger = dir + "/ledger.db", out = dir + "/runs";
  const std::vector<std::string> env = {"CARBONSCOPE_LEDGER=" + ledger, kFake};
  ASSERT_EQ(run_cli({"run", "-q", "--output-dir", out, "--", "true"}, env).exit_code, 0);
  const pid_t holder = hold_ledger_lock(ledger, 17, dir + "/locked");
  const CliResult r = run_cli({"run", "-q", "--output-dir", out, "--", "true"}, env, 60);
  ::waitpid(holder, nullptr, 0);
  EXPECT_EQ(r.exit_code, 75) << r.err;  // not 0: the run is not in the ledger yet
  EXPECT_NE(r.err.find("queued"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("locked"), std::string::npos) << r.err;
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), "1");
  const CliResult next = run_cli({"run", "--output-dir", out, "--", "true"}, env);
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.err.find("recorded queued run"), std::string::npos) << next.err;
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), "3");
}

TEST(RecoveryFaults, ARunKilledWhileTheLedgerIsLockedIsRecordedLater) {  // F3, the report's reproduction
  const std::string dir = temp_dir();
  const std::string ledger = dir + "/ledger.db", out = dir + "/runs";
  const std::vector<std::string> env = {"CARBONSCOPE_LEDGER=" + ledger, kFake};
  ASSERT_EQ(run_cli({"run", "-q", "--output-dir", out, "--", "true"}, env).exit_code, 0);
  const pid_t holder = hold_ledger_lock(ledger, 3, dir + "/locked");
  const Started s = start_cli({"run", "-q", "--output-dir", out, "--", "true"}, env);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  ::kill(s.pid, SIGKILL);
  EXPECT_EQ(finish(s).exit_code, 137);
  ::waitpid(holder, nullptr, 0);
  const CliResult next = run_cli({"run", "-q", "--output-dir", out, "--", "true"}, env);
  EXPECT_EQ(next.exit_code, 0) << next.err;
  const std::vector<std::string> ids = run_ids(out);
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), "3");
  for (const auto& [id, n] : csv_rows_by_id(out, ids)) EXPECT_EQ(n, 1) << id;
}

TEST(RecoveryFaults, AHundredKillsAtRandomPointsLoseNoRun) {  // the crash campaign, bounded
  const std::string dir = temp_dir();
  const std::string ledger = dir + "/ledger.db", out = dir + "/runs";
  const std::vector<std::string> env = {"CARBONSCOPE_LEDGER=" + ledger, kFake};
  std::mt19937 rng(1705);
  constexpr int kKills = 100, kParallel = 5;
  const auto start = Clock::now();
  int kills = 0;
  while (kills < kKills && Clock::now() - start < std::chrono::seconds(90)) {
    std::vector<std::pair<Started, int>> batch;
    for (int p = 0; p < kParallel; ++p) {
      batch.emplace_back(
          start_cli({"run", "-q", "--interval", "20ms", "--output-dir", out, "--", "sleep", "0.15"}, env),
          static_cast<int>(rng() % 400));  // ms: startup, running, or shutdown
    }
    const auto t0 = Clock::now();
    for (auto& [s, at] : batch) {
      std::this_thread::sleep_until(t0 + std::chrono::milliseconds(at));
      ::kill(s.pid, SIGKILL);
      ++kills;
    }
    for (auto& [s, at] : batch) finish(s);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // orphaned `sleep`s end
  const CliResult rec = run_cli({"run", "-q", "--output-dir", out, "--", "true"}, env);
  EXPECT_EQ(rec.exit_code, 0) << rec.err;
  const std::vector<std::string> ids = run_ids(out);
  EXPECT_EQ(sql_text(ledger, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), std::to_string(ids.size()));
  int missing = 0;
  for (const std::string& id : ids) {
    if (sql_text(ledger, "SELECT count(*) FROM runs WHERE id = '" + id + "'") != "1") {
      ++missing;
      ADD_FAILURE() << "run " << id << " is not in the ledger exactly once";
    }
    EXPECT_TRUE(fs::exists(out + "/" + id + "/report.json")) << id;
  }
  for (const auto& [id, n] : csv_rows_by_id(out, ids)) EXPECT_EQ(n, 1) << id << " in emissions.csv";
  std::printf("[ campaign ] kills: %d SIGKILLs, %zu runs started, %d lost (%.0f s)\n", kills, ids.size() - 1,
              missing, std::chrono::duration<double>(Clock::now() - start).count());
  EXPECT_GE(kills, kKills);
}

TEST(RecoveryFaults, ARunKilledInAPidNamespaceIsRecoveredFromOutside) {  // F18
  if (geteuid() != 0) GTEST_SKIP() << "unshare --pid needs root (CI runs as root)";
  if (run_program({"unshare", "--pid", "--fork", "--mount-proc", "true"}).exit_code != 0) {
    GTEST_SKIP() << "unshare --pid is not permitted here (a container without CAP_SYS_ADMIN)";
  }
  const std::string dir = temp_dir();
  const std::string out = dir + "/runs";
  const std::string script = std::string(CARBONSCOPE_BINARY) +
                             " run -q --no-ledger --interval 100ms --output-dir " + out +
                             " -- sleep 30 & sleep 1; kill -9 $!; sleep 0.2";
  const CliResult ns =
      run_program({"env", kFake, "unshare", "--pid", "--fork", "--mount-proc", "sh", "-c", script});
  EXPECT_EQ(ns.exit_code, 0) << ns.err;
  ASSERT_EQ(run_ids(out).size(), 1u);
  const CliResult r = run_cli({"run", "--no-ledger", "--output-dir", out, "--", "true"}, {kFake});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("finished the record of run "), std::string::npos) << r.err;
  for (const std::string& id : run_ids(out)) EXPECT_TRUE(fs::exists(out + "/" + id + "/report.json")) << id;
}

TEST(RecoveryFaults, ADiskThatFillsMidRunKeepsTheResult) {  // F21
  if (geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root (CI runs as root)";
  const std::string dir = temp_dir();
  const std::string disk = dir + "/small", ledger = dir + "/ledger.db", out = disk + "/runs";
  fs::create_directory(disk);
  if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=1m") != 0) {
    GTEST_SKIP() << "cannot mount a tmpfs here (" << std::strerror(errno) << ")";
  }
  const std::vector<std::string> env = {"CARBONSCOPE_LEDGER=" + ledger, kFake, "TMPDIR=" + dir};
  const Started s = start_cli({"run", "--interval", "10ms", "--output-dir", out, "--", "sleep", "1.5"}, env);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  {  // fill the disk while the run samples
    FILE* f = std::fopen((disk + "/filler").c_str(), "w");
    const std::string block(4096, 'x');
    while (f != nullptr && std::fwrite(block.data(), 1, block.size(), f) == block.size() &&
           std::fflush(f) == 0) {
    }
    if (f != nullptr) std::fclose(f);
  }
  const CliResult r = finish(s);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("carbonscope-unsaved"), std::string::npos) << r.err;  // says where the report went
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs WHERE complete = 1"), "1") << r.err;
  const std::string id = sql_text(ledger, "SELECT id FROM runs");
  EXPECT_GT(std::stod(sql_text(ledger, "SELECT duration_s FROM runs")), 1.4);  // the whole run, from memory
  fs::remove(disk + "/filler");  // space returns: the next run moves the report back
  const CliResult next = run_cli({"run", "-q", "--output-dir", out, "--", "true"}, env);
  EXPECT_EQ(next.exit_code, 0) << next.err;
  EXPECT_TRUE(fs::exists(out + "/" + id + "/report.json")) << next.err;
  EXPECT_EQ(sql_text(ledger, "SELECT count(*) FROM runs"), "2");
  ::umount2(disk.c_str(), MNT_DETACH);
}

}  // namespace
}  // namespace carbonscope::test
