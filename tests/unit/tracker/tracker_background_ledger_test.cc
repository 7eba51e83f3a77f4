// TrackerConfig::background_ledger: stop() returns with the run's files written and the
// run still queued in its directory (no "recorded" marker, its index entry and its lock
// held) until the ledger has it; wait_ledger() then finds it recorded once. Ordering is
// forced by holding the ledger's write lock, never by timing.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "carbonscope/ledger.h"
#include "carbonscope/tracker.h"
#include "platform/clock.h"
#include "sensors/fake.h"
#include "support/scratch_dir.h"
#include "tracker/run_finish.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

TrackerConfig background_config(FakeClock& clock, const fs::path& dir, const std::string& ledger) {
  TrackerConfig c;
  c.clock = &clock;
  c.output_dir = (dir / "runs").string();
  c.ledger_path = ledger;
  c.background_ledger = true;
  c.proc_root = std::string(CARBONSCOPE_FIXTURES) + "/vm";
  c.intensity.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(500));
  c.pue.value = Range<double>::exact(1.0);
  FakeDomain cpu;
  cpu.domain.name = "cpu-0";
  cpu.domain.component = "cpu";
  cpu.domain.kind = ReadingKind::kPower;
  cpu.domain.provenance.method = Method::kMeasured;
  cpu.values = {100};
  c.sensors.push_back(make_fake_sensor({cpu}));
  return c;
}

std::size_t runs_in(const std::string& ledger) {
  auto l = Ledger::open(ledger, {Ledger::Mode::kReadOnly, 1000});
  if (!l.ok()) return 0;
  auto runs = l->list(RunFilter{});
  return runs.ok() ? runs->size() : 0;
}

TEST(TrackerBackgroundLedger, TheRunStaysQueuedUntilTheLedgerHasItThenIsRecordedOnce) {
  test::ScratchDir dir("cs_tracker_bg_ledger");
  const std::string ledger = (dir.path / "ledger.db").string();
  {  // the ledger exists (its schema committed), as after any earlier run
    auto l = Ledger::open(ledger, {});
    ASSERT_TRUE(l.ok()) << l.status().to_string();
  }
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(ledger.c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);  // writers wait

  FakeClock clock;
  auto t = Tracker::create(background_config(clock, dir.path, ledger));
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(5));
  auto report = (*t)->stop(0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  const fs::path run = (*t)->run_dir();
  const std::string name = run.filename().string();
  EXPECT_TRUE((*t)->ledger_pending());
  EXPECT_TRUE(fs::exists(run / "report.json"));
  EXPECT_FALSE(fs::exists(run / kRecordedMarker));  // queued: recovery would record it
  EXPECT_TRUE(fs::exists(fs::path((dir.path / "runs").string()) / (std::string(kPendingPrefix) + name)));
  const int lock = try_lock_run(run.string());  // held: no recoverer can take the run meanwhile
  EXPECT_EQ(lock, -1);
  if (lock >= 0) ::close(lock);

  ASSERT_EQ(sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(holder);
  (*t)->wait_ledger();
  EXPECT_FALSE((*t)->ledger_pending());
  EXPECT_TRUE((*t)->ledger_status().ok()) << (*t)->ledger_status().to_string();
  EXPECT_FALSE((*t)->ledger_queued());
  EXPECT_TRUE(fs::exists(run / kRecordedMarker));
  EXPECT_FALSE(fs::exists(fs::path((dir.path / "runs").string()) / (std::string(kPendingPrefix) + name)));
  const int free_lock = try_lock_run(run.string());
  EXPECT_GE(free_lock, 0);
  if (free_lock >= 0) ::close(free_lock);
  EXPECT_EQ(runs_in(ledger), 1u);
  // A recovery afterwards has nothing to do and adds nothing.
  const RecoveryResult r = recover_runs((dir.path / "runs").string(), ledger);
  EXPECT_TRUE(r.finished.empty() && r.recorded.empty());
  EXPECT_EQ(runs_in(ledger), 1u);
}

TEST(TrackerBackgroundLedger, ALedgerThatDoesNotExistYetIsCreatedOnTheLedgerThread) {
  test::ScratchDir dir("cs_tracker_bg_ledger");
  const std::string ledger = (dir.path / "new" / "ledger.db").string();
  FakeClock clock;
  auto t = Tracker::create(background_config(clock, dir.path, ledger));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(2));
  ASSERT_TRUE((*t)->stop(0).ok());
  EXPECT_TRUE(fs::is_directory(dir.path / "new"));  // made (and checked) before stop() returned
  (*t)->wait_ledger();
  EXPECT_TRUE((*t)->ledger_status().ok()) << (*t)->ledger_status().to_string();
  EXPECT_TRUE(fs::exists(fs::path((*t)->run_dir()) / kRecordedMarker));
  EXPECT_EQ(runs_in(ledger), 1u);
}

TEST(TrackerBackgroundLedger, WithoutAnOutputDirTheLedgerIsWrittenBeforeStopReturns) {
  test::ScratchDir dir("cs_tracker_bg_ledger");
  const std::string ledger = (dir.path / "ledger.db").string();
  FakeClock clock;
  TrackerConfig c = background_config(clock, dir.path, ledger);
  c.output_dir = "";  // nothing to recover the run from: no thread
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(2));
  ASSERT_TRUE((*t)->stop(0).ok());
  EXPECT_FALSE((*t)->ledger_pending());
  EXPECT_EQ(runs_in(ledger), 1u);
}

TEST(TrackerBackgroundLedger, ALedgerThatCannotOpenIsKnownWhenStopReturns) {
  test::ScratchDir dir("cs_tracker_bg_ledger");
  const std::string bad = (dir.path / "afile" / "ledger.db").string();
  fs::create_directories(dir.path);
  { std::FILE* f = std::fopen((dir.path / "afile").c_str(), "w"); std::fputs("x", f); std::fclose(f); }
  FakeClock clock;
  auto t = Tracker::create(background_config(clock, dir.path, bad));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(1));
  ASSERT_TRUE((*t)->stop(0).ok());
  EXPECT_FALSE((*t)->ledger_pending());  // the ledger's open failed in stop(): nothing left for a thread
  EXPECT_EQ((*t)->ledger_status().code(), StatusCode::kIoError) << (*t)->ledger_status().to_string();
  EXPECT_TRUE((*t)->ledger_queued());
}

// Destroying the tracker waits for its ledger write: the run is recorded, not lost.
TEST(TrackerBackgroundLedger, TheDestructorWaitsForTheLedger) {
  test::ScratchDir dir("cs_tracker_bg_ledger");
  const std::string ledger = (dir.path / "ledger.db").string();
  std::string run;
  {
    FakeClock clock;
    auto t = Tracker::create(background_config(clock, dir.path, ledger));
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE((*t)->start().ok());
    clock.advance(Duration(3));
    ASSERT_TRUE((*t)->stop(0).ok());
    run = (*t)->run_dir();
  }
  EXPECT_TRUE(fs::exists(fs::path(run) / kRecordedMarker));
  EXPECT_EQ(runs_in(ledger), 1u);
}

}  // namespace
}  // namespace carbonscope
