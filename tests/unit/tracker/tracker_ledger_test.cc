// The Tracker and the ledger: a ledger that cannot be written is reported beside the
// finished run (ledger_status), never instead of it; tags reach report.json and the
// ledger's run tags; a stopped tracker says it measures one run; with background_ledger
// the run stays queued until the ledger thread has recorded it.
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "carbonscope/ledger.h"
#include "carbonscope/tracker.h"
#include "platform/fake_clock.h"
#include "sensors/fake.h"
#include "support/scratch_dir.h"
#include "tracker/run_finish.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_tracker_ledger") {}
};

TrackerConfig config_with_ledger(FakeClock& clock, const fs::path& dir, const std::string& ledger) {
  TrackerConfig c;
  c.clock = &clock;
  c.output_dir = (dir / "runs").string();
  c.ledger_path = ledger;
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

Result<Report> run_for(Tracker& t, FakeClock& clock, double seconds) {
  if (Status st = t.start(); !st.ok()) return st;
  clock.advance(Duration(seconds));
  return t.stop(0);
}

TEST(TrackerLedger, ADamagedLedgerIsAWarningBesideTheFinishedRun) {
  TempDir dir;
  const std::string bad = (dir.path / "bad.db").string();
  std::ofstream(bad) << "this is not a SQLite database, just text that is long enough to be read as a header\n";
  for (ArgStyle style : {ArgStyle::kFlag, ArgStyle::kKeyword}) {
    FakeClock clock;
    TrackerConfig c = config_with_ledger(clock, dir.path, bad);
    c.arg_style = style;
    auto t = Tracker::create(std::move(c));
    ASSERT_TRUE(t.ok()) << t.status().to_string();
    auto report = run_for(**t, clock, 10);
    ASSERT_TRUE(report.ok()) << report.status().to_string();
    EXPECT_DOUBLE_EQ(report->footprint.it_energy.central.joules(), 1000);
    EXPECT_TRUE(fs::exists(fs::path((*t)->run_dir()) / "report.json"));
    const Status& ledger = (*t)->ledger_status();
    EXPECT_EQ(ledger.code(), StatusCode::kDataError) << ledger.to_string();
    EXPECT_NE(ledger.message().find("recording run " + (*t)->run_id() + " in the ledger"), std::string::npos);
  }
}

TEST(TrackerLedger, AnUnwritableLedgerDirectoryNamesTheOptionInTheCallersStyle) {
  TempDir dir;
  std::ofstream(dir.path / "afile") << "x";
  const std::string ledger = (dir.path / "afile" / "ledger.db").string();  // its parent is a file
  for (auto [style, option] : {std::pair{ArgStyle::kFlag, "--ledger or CARBONSCOPE_LEDGER"},
                               std::pair{ArgStyle::kKeyword, "ledger="}}) {
    FakeClock clock;
    TrackerConfig c = config_with_ledger(clock, dir.path, ledger);
    c.arg_style = style;
    auto t = Tracker::create(std::move(c));
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE(run_for(**t, clock, 1).ok());
    const Status& st = (*t)->ledger_status();
    EXPECT_EQ(st.code(), StatusCode::kIoError) << st.to_string();
    EXPECT_NE(st.message().find(std::string("pick another file with ") + option), std::string::npos) << st.message();
    if (style == ArgStyle::kKeyword) {
      EXPECT_EQ(st.message().find("--ledger"), std::string::npos) << st.message();
    }
  }
}

TEST(TrackerLedger, ARecordedRunHasAnOkLedgerStatusAndItsTags) {
  TempDir dir;
  const std::string path = (dir.path / "ledger.db").string();
  FakeClock clock;
  TrackerConfig c = config_with_ledger(clock, dir.path, path);
  c.tags = {"sweep-3", "lr=0.1"};
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok());
  auto report = run_for(**t, clock, 2);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE((*t)->ledger_status().ok()) << (*t)->ledger_status().to_string();
  EXPECT_EQ(report->run.tags, (std::vector<std::string>{"sweep-3", "lr=0.1"}));
  auto ledger = Ledger::open(path, {Ledger::Mode::kReadOnly, 1000});
  ASSERT_TRUE(ledger.ok()) << ledger.status().to_string();
  RunFilter filter;
  filter.tags = {"sweep-3"};
  auto runs = ledger->list(filter);
  ASSERT_TRUE(runs.ok()) << runs.status().to_string();
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].id, (*t)->run_id());
  EXPECT_EQ((*runs)[0].tags, report->run.tags);
}

TEST(TrackerLedger, AStoppedTrackerSaysItMeasuresOneRun) {
  TempDir dir;
  FakeClock clock;
  auto t = Tracker::create(config_with_ledger(clock, dir.path, ""));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE(run_for(**t, clock, 1).ok());
  const Status again = (*t)->start();
  EXPECT_EQ(again.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(again.message().find("a tracker measures one run"), std::string::npos) << again.message();
  EXPECT_EQ(again.message().find("already started"), std::string::npos) << again.message();
}

// TrackerConfig::background_ledger: stop() returns with the run's files written and the
// run still queued in its directory (no "recorded" marker, its index entry and its lock
// held) until the ledger has it; wait_ledger() then finds it recorded once. Ordering is
// forced by holding the ledger's write lock, never by timing.
TrackerConfig background_config(FakeClock& clock, const fs::path& dir, const std::string& ledger) {
  TrackerConfig c = config_with_ledger(clock, dir, ledger);
  c.background_ledger = true;
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
  EXPECT_FALSE((*t)->ledger_written());  // the commit waits for the holder
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
  EXPECT_TRUE((*t)->ledger_written());
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
  std::ofstream(dir.path / "afile") << "x";
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
