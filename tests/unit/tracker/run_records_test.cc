// Runs are never lost (F3, F4, F17): ids that cannot collide, in one process or across
// forks; a run whose id is taken in the ledger still recorded; a run whose ledger write
// failed queued and recorded by the next recovery; concurrent recoverers recording each
// dead run exactly once.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "carbonscope/ledger.h"
#include "carbonscope/run_filter.h"
#include "carbonscope/tracker.h"
#include "platform/fake_clock.h"
#include "platform/file_writer.h"
#include "sensors/fake.h"
#include "sinks/run_files.h"
#include "store/sqlite_vfs.h"
#include "support/fake_tracker.h"
#include "support/faulty_writer.h"
#include "support/integrity_check.h"
#include "support/scratch_dir.h"
#include "tracker/run_finish.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

TrackerConfig config_for(FakeClock& clock, const std::string& out, const std::string& ledger) {
  TrackerConfig c = test::fake_gpu_config(clock, out, 100, 1.0);
  c.ledger_path = ledger;
  return c;
}

std::int64_t ledger_count(const std::string& path) {
  auto l = Ledger::open(path, {Ledger::Mode::kReadOnly, 15000});
  if (!l.ok()) return -1;
  return l->count().value_or(-1);
}

int csv_rows(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  int n = -1;  // the header
  while (std::getline(in, line)) n += !line.empty();
  return n;
}

// A tracker that started, sampled and then "died": destroyed without stop().
std::string dead_run(const std::string& out, const std::string& ledger) {
  FakeClock clock;
  return test::dead_run(clock, config_for(clock, out, ledger));
}

TEST(RunIds, ManyIdsInOneSecondNeverCollide) {
  std::set<std::string> ids;
  for (int i = 0; i < 200000; ++i) ids.insert(new_run_id(1764633600.0));
  EXPECT_EQ(ids.size(), 200000u);
}

TEST(RunIds, ForkedProcessesDrawTheirOwnIds) {
  test::ScratchDir dir("cs_run_ids");
  (void)new_run_id(0);  // the parent's state exists before the forks: children must not reuse it
  constexpr int kChildren = 16, kEach = 2000;
  for (int c = 0; c < kChildren; ++c) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      std::FILE* f = std::fopen((dir.path / std::to_string(c)).c_str(), "w");
      for (int i = 0; i < kEach; ++i) std::fprintf(f, "%s\n", new_run_id(1764633600.0).c_str());
      std::fclose(f);
      ::_exit(0);
    }
  }
  for (int c = 0; c < kChildren; ++c) ::wait(nullptr);
  std::set<std::string> ids;
  for (int i = 0; i < 1000; ++i) ids.insert(new_run_id(1764633600.0));
  for (int c = 0; c < kChildren; ++c) {
    std::ifstream in(dir.path / std::to_string(c));
    for (std::string line; std::getline(in, line);) ids.insert(line);
  }
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kChildren * kEach + 1000));
}

TEST(RunRecords, ARunWhoseIdIsTakenInTheLedgerIsStillRecorded) {  // F4
  test::ScratchDir dir("cs_collision");
  const std::string ledger = (dir.path / "l.db").string();
  FakeClock clock;
  auto first = Tracker::create(config_for(clock, (dir.path / "runs").string(), ledger));
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE((*first)->start().ok());
  clock.advance(Duration(5));
  auto r1 = (*first)->stop();
  ASSERT_TRUE(r1.ok());
  auto second = Tracker::create(config_for(clock, (dir.path / "runs").string(), ledger));
  ASSERT_TRUE(second.ok());
  // Inject the collision: another run (an earlier start) already holds the new run's id.
  Report other = *r1;
  other.run.id = (*second)->run_id();
  other.run.start_unix -= 1000;
  {
    auto l = Ledger::open(ledger);
    ASSERT_TRUE(l.ok());
    ASSERT_TRUE(l->append(other).ok());
  }
  ASSERT_TRUE((*second)->start().ok());
  clock.advance(Duration(5));
  auto r2 = (*second)->stop();
  ASSERT_TRUE(r2.ok()) << r2.status().to_string();
  EXPECT_TRUE((*second)->ledger_status().ok()) << (*second)->ledger_status().to_string();
  EXPECT_NE(r2->run.id, other.run.id);
  EXPECT_EQ(ledger_count(ledger), 3);
  // The ledger settles the id before any sink writes (RunSink::prepare): report.json and
  // the emissions.csv row carry the id the ledger has, with the note saying why.
  const auto j = nlohmann::json::parse(test::slurp(fs::path((*second)->run_dir()) / kReportJson));
  EXPECT_EQ(j["run"]["id"].get<std::string>(), r2->run.id);
  EXPECT_NE(j.dump().find("was already taken in the ledger"), std::string::npos);
  EXPECT_NE(test::slurp(dir.path / "runs" / kEmissionsCsv).find(r2->run.id), std::string::npos);
}

TEST(RunRecords, AFailedLedgerWriteIsQueuedAndRecordedByTheNextRecovery) {  // F3
  test::ScratchDir dir("cs_queue");
  const std::string out = (dir.path / "runs").string();
  const std::string ledger = (dir.path / "l.db").string();
  std::ofstream(ledger) << std::string(300, 'x');  // damaged: nothing can be recorded
  FakeClock clock;
  auto t = Tracker::create(config_for(clock, out, ledger));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(5));
  ASSERT_TRUE((*t)->stop().ok());
  EXPECT_FALSE((*t)->ledger_status().ok());
  EXPECT_TRUE((*t)->ledger_queued());
  EXPECT_NE((*t)->ledger_status().message().find("queued"), std::string::npos);
  const std::string id = (*t)->run_id();
  EXPECT_FALSE(recover_runs(out).problems.empty());  // still damaged: still queued, and said
  fs::remove(ledger);                                // repaired
  const RecoveryResult r = recover_runs(out);
  ASSERT_EQ(r.recorded.size(), 1u);
  EXPECT_EQ(r.recorded[0], id);
  EXPECT_EQ(ledger_count(ledger), 1);
  EXPECT_EQ(csv_rows(out + "/emissions.csv"), 1);  // the row is not written twice
  const RecoveryResult again = recover_runs(out);
  EXPECT_TRUE(again.recorded.empty() && again.finished.empty() && again.problems.empty());
}

TEST(RunRecords, ConcurrentRecoverersRecordEachDeadRunOnce) {  // F17
  test::ScratchDir dir("cs_recoverers");
  const std::string out = (dir.path / "runs").string();
  const std::string ledger = (dir.path / "l.db").string();
  constexpr int kRuns = 6, kRecoverers = 8;
  for (int i = 0; i < kRuns; ++i) dead_run(out, ledger);
  std::vector<pid_t> pids;
  for (int p = 0; p < kRecoverers; ++p) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      const RecoveryResult r = recover_runs(out);
      ::_exit(r.problems.empty() ? static_cast<int>(r.finished.size()) : 100);
    }
    pids.push_back(pid);
  }
  int finished = 0;
  for (pid_t pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_NE(WEXITSTATUS(status), 100);
    finished += WEXITSTATUS(status);
  }
  EXPECT_EQ(finished, kRuns);  // each run finished by exactly one process
  EXPECT_EQ(ledger_count(ledger), kRuns);
  EXPECT_EQ(csv_rows(out + "/emissions.csv"), kRuns);
}

TEST(RunRecords, ALiveTrackersRunIsLeftAlone) {
  test::ScratchDir dir("cs_alive");
  const std::string out = (dir.path / "runs").string();
  FakeClock clock;
  auto t = Tracker::create(config_for(clock, out, ""));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  const pid_t pid = ::fork();  // another process: the tracker's lock says it is alive
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const RecoveryResult r = recover_runs(out);
    ::_exit(r.finished.empty() && r.recorded.empty() ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ASSERT_TRUE((*t)->stop().ok());
}

// Nothing lost on a full disk (ENOSPC injected through the file seam): report.json goes
// to the first fallback directory, the error says where and why, the emissions.csv row
// and the ledger entry are written, and no torn report.json or .tmp is left behind.
TEST(RunRecords, AFullDiskSendsTheReportToTheFallbackDirectory) {
  test::ScratchDir dir("cs_enospc");
  FakeClock clock;
  auto t = Tracker::create(config_for(clock, "", ""));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(10));
  auto report = (*t)->stop(0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  RunPaths p;
  p.output_dir = (dir.path / "runs").string();
  p.dir = p.output_dir + "/" + report->run.id;
  p.ledger = (dir.path / "ledger.db").string();
  fs::create_directories(p.dir);
  test::FaultyWriter full;  // a full disk under the run's directory only
  full.only_under = p.dir;
  full.budget = 0;
  p.files = &full;
  const FinishOutcome o = finish_run(*report, p);
  EXPECT_EQ(o.files.code(), StatusCode::kIoError);
  EXPECT_NE(o.files.message().find("disk full"), std::string::npos) << o.files.message();
  const std::string fallback = (dir.path / "carbonscope-unsaved" / report->run.id / kReportJson).string();
  EXPECT_EQ(o.report_path, fallback);
  EXPECT_NE(o.files.message().find("written to " + fallback + " instead"), std::string::npos) << o.files.message();
  EXPECT_TRUE(fs::exists(fallback));
  EXPECT_FALSE(fs::exists(p.dir + "/" + kReportJson));
  EXPECT_FALSE(fs::exists(p.dir + "/" + kReportJson + ".tmp"));
  EXPECT_FALSE(fs::exists(p.dir + "/" + kRecordedMarker));  // not "done": recovery moves it back
  EXPECT_EQ(csv_rows(p.output_dir + "/" + kEmissionsCsv), 1);
  EXPECT_TRUE(o.ledger.ok()) << o.ledger.to_string();
  EXPECT_EQ(ledger_count(p.ledger), 1);
}

// The ledger writes through the same seam (store/sqlite_vfs.h): a commit on a full disk
// fails with a message that says so, the run's own files are written and the run is
// queued; the next recovery records it, once.
TEST(RunRecords, ALedgerCommitOnAFullDiskIsQueuedAndRecordedOnceLater) {
  test::ScratchDir dir("cs_ledger_full");
  const std::string out = (dir.path / "runs").string();
  const std::string ledger = (dir.path / "l.db").string();
  ASSERT_TRUE(Ledger::open(ledger).ok());  // an existing ledger: the commit is what fails
  test::FaultyWriter full;  // no room for the ledger's WAL (it outlives the tracker's connection)
  full.only_under = ledger + "-wal";
  full.budget = 0;
  FakeClock clock;
  auto t = Tracker::create(config_for(clock, out, ledger));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(5));
  {
    const LedgerWriterScope writes(full);
    ASSERT_TRUE((*t)->stop().ok());
  }
  const Status& s = (*t)->ledger_status();
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE((*t)->ledger_queued());
  EXPECT_NE(s.message().find("disk full"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("free some space"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("is queued"), std::string::npos) << s.message();
  EXPECT_TRUE((*t)->files_status().ok()) << (*t)->files_status().to_string();
  const fs::path run_dir = (*t)->run_dir();
  EXPECT_TRUE(fs::exists(run_dir / kReportJson));
  EXPECT_FALSE(fs::exists(run_dir / kRecordedMarker));
  EXPECT_EQ(csv_rows(out + "/" + kEmissionsCsv), 1);
  EXPECT_EQ(ledger_count(ledger), 0);

  const RecoveryResult r = recover_runs(out);
  EXPECT_EQ(r.recorded, std::vector<std::string>{(*t)->run_id()});
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(ledger_count(ledger), 1);
  EXPECT_TRUE(fs::exists(run_dir / kRecordedMarker));
  const RecoveryResult again = recover_runs(out);
  EXPECT_TRUE(again.recorded.empty() && again.finished.empty() && again.problems.empty());
  EXPECT_EQ(ledger_count(ledger), 1);
  EXPECT_EQ(csv_rows(out + "/" + kEmissionsCsv), 1);  // the row is not written twice
}

// A tracker whose stop() writes `budget` bytes into the ledger's files, then is killed in
// the middle of a write (a torn write); -1: no tear, and the bytes it wrote come back in
// `bytes`. Runs in a child process; true when the child was killed.
bool stop_torn(const std::string& out, const std::string& ledger, std::size_t budget, std::size_t* bytes) {
  int fds[2];
  if (::pipe(fds) != 0) return false;
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    test::FaultyWriter disk;
    disk.only_under = ledger;
    disk.budget = budget;
    disk.crash_at_budget = true;
    FakeClock clock;
    auto t = Tracker::create(config_for(clock, out, ledger));
    if (!t.ok() || !(*t)->start().ok()) ::_exit(2);
    clock.advance(Duration(5));
    {
      const LedgerWriterScope writes(disk);
      if (!(*t)->stop().ok() || !(*t)->ledger_status().ok()) ::_exit(3);
    }
    const std::size_t n = disk.written;
    ::_exit(::write(fds[1], &n, sizeof n) == sizeof n ? 0 : 4);
  }
  ::close(fds[1]);
  if (bytes != nullptr && ::read(fds[0], bytes, sizeof *bytes) != sizeof *bytes) *bytes = 0;
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

// A tracker killed in the middle of its ledger commit (a torn write of the WAL or of the
// checkpoint into the database): the ledger opens and is whole, and the next recovery
// records the run exactly once, with its files as the tracker wrote them.
TEST(RunRecords, ATrackerKilledMidCommitIsRecordedOnceByRecovery) {
  test::ScratchDir dir("cs_torn_commit");
  std::size_t total = 0;
  {
    const std::string ledger = (dir.path / "whole.db").string();
    ASSERT_TRUE(Ledger::open(ledger).ok());
    ASSERT_FALSE(stop_torn((dir.path / "whole").string(), ledger, static_cast<std::size_t>(-1), &total));
    ASSERT_EQ(ledger_count(ledger), 1);
  }
  ASSERT_GT(total, 0u);
  for (int k = 1; k <= 5; ++k) {
    const std::size_t budget = total * static_cast<std::size_t>(k) / 6 + 3;
    const std::string out = (dir.path / fmt::format("runs{}", k)).string();
    const std::string ledger = (dir.path / fmt::format("l{}.db", k)).string();
    ASSERT_TRUE(Ledger::open(ledger).ok());  // an existing ledger, as for every run but the first
    ASSERT_TRUE(stop_torn(out, ledger, budget, nullptr)) << "budget " << budget << " of " << total;
    const RecoveryResult r = recover_runs(out);
    EXPECT_EQ(r.recorded.size(), 1u) << "budget " << budget;
    EXPECT_TRUE(r.problems.empty()) << "budget " << budget;
    EXPECT_EQ(ledger_count(ledger), 1) << "budget " << budget;
    EXPECT_EQ(csv_rows(out + "/" + kEmissionsCsv), 1) << "budget " << budget;
    EXPECT_TRUE(recover_runs(out).recorded.empty()) << "budget " << budget;
    EXPECT_EQ(ledger_count(ledger), 1) << "budget " << budget;
    EXPECT_EQ(test::integrity_check(ledger), "ok") << "budget " << budget;
  }
}

// Recovery gives the sinks the dead run's points again from its samples.csv: the ledger
// keeps the same series a live stop would have kept (the job's, without the baseline).
TEST(RunRecords, ARecoveredRunKeepsItsPowerSeriesInTheLedger) {
  test::ScratchDir dir("cs_recovered_series");
  const std::string out = (dir.path / "runs").string();
  const std::string ledger = (dir.path / "l.db").string();
  const std::string id = dead_run(out, ledger);
  const RecoveryResult r = recover_runs(out);
  ASSERT_EQ(r.finished.size(), 1u);
  auto l = Ledger::open(ledger, {Ledger::Mode::kReadOnly, 15000});
  ASSERT_TRUE(l.ok());
  auto samples = l->samples(id);
  ASSERT_TRUE(samples.ok());
  ASSERT_EQ(samples->size(), 2u);  // job total and gpu-0, over the one 10 s window
  for (const PowerSample& s : *samples) {
    EXPECT_DOUBLE_EQ(s.t_s, 10) << s.component;
    EXPECT_NEAR(s.power.watts(), 100, 1e-9) << s.component;
  }
}

// The series comes from the points in memory, so a run that keeps no files still has
// its series in the ledger.
TEST(RunRecords, TheLedgerSeriesNeedsNoRunDirectory) {
  test::ScratchDir dir("cs_series_no_dir");
  const std::string ledger = (dir.path / "l.db").string();
  FakeClock clock;
  auto t = Tracker::create(config_for(clock, "", ledger));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  for (int i = 0; i < 4; ++i) {
    clock.advance(Duration(2));
    (*t)->sample_now();
  }
  auto report = (*t)->stop(0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_TRUE((*t)->run_dir().empty());
  auto l = Ledger::open(ledger, {Ledger::Mode::kReadOnly, 15000});
  ASSERT_TRUE(l.ok());
  auto samples = l->samples(report->run.id);
  ASSERT_TRUE(samples.ok());
  EXPECT_EQ(samples->size(), 2u * 4);
}

}  // namespace
}  // namespace carbonscope
