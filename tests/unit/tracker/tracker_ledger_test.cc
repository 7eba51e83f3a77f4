// The Tracker and the ledger: a ledger that cannot be written is reported beside the
// finished run (ledger_status), never instead of it; tags reach report.json and the
// ledger's run tags; a stopped tracker says it measures one run.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "carbonscope/ledger.h"
#include "carbonscope/tracker.h"
#include "platform/fake_clock.h"
#include "sensors/fake.h"
#include "support/scratch_dir.h"

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

}  // namespace
}  // namespace carbonscope
