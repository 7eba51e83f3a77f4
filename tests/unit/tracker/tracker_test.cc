// The Tracker on fake sensors with a fake clock: totals, phases, files, recovery.
#include "carbonscope/tracker.h"

#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "platform/fake_clock.h"
#include "sensors/fake.h"
#include "support/fake_tracker.h"
#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

struct TempDir : test::ScratchDir {
  TempDir() : ScratchDir("cs_tracker") {}
};
using test::slurp;

TrackerConfig fake_config(FakeClock& clock, const std::string& out) {
  return test::fake_gpu_config(clock, out, 360, 1.5);
}

TEST(Tracker, IntegratesPhasesAndWritesEveryFile) {
  TempDir dir;
  FakeClock clock;
  auto t = Tracker::create(fake_config(clock, dir.path.string()));
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  Tracker& tr = **t;
  ASSERT_TRUE(tr.start().ok());
  clock.advance(Duration(5));
  tr.sample_now();
  ASSERT_TRUE(tr.begin_phase("epoch 1").ok());
  clock.advance(Duration(10));
  auto phase = tr.end_phase();
  ASSERT_TRUE(phase.ok());
  EXPECT_DOUBLE_EQ(phase->energy.joules(), 3600);
  EXPECT_DOUBLE_EQ(phase->duration.count(), 10);
  const Snapshot snap = tr.snapshot();
  EXPECT_DOUBLE_EQ(snap.energy.joules(), 360 * 15);
  EXPECT_NEAR(snap.emissions.grams(), 360.0 * 15 / 3.6e6 * 1.5 * 500, 1e-12);
  auto report = tr.stop(0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_DOUBLE_EQ(report->footprint.it_energy.central.joules(), 5400);
  // emissions = energy x PUE x intensity, exactly.
  EXPECT_DOUBLE_EQ(report->footprint.emissions.central.grams(), Energy::joules(5400).kwh() * 1.5 * 500);
  EXPECT_TRUE(report->run.complete);
  EXPECT_EQ(report->run.exit_code, 0);
  const fs::path run = fs::path(tr.run_dir());
  EXPECT_TRUE(fs::exists(run / "report.json"));
  EXPECT_TRUE(fs::exists(run / "run.json"));
  const std::string samples = slurp(run / "samples.csv");
  EXPECT_EQ(samples.rfind("elapsed_s,unix_time,power_w,energy_j,emissions_g,node_utilisation,machine_power_w,"
                          "gpu-0_w,gpu-0_j\n", 0), 0u);
  // start, 5 s, the phase's end at 15 s; the phase's begin (at 5 s) and the stop (at
  // 15 s) add no time, so they make no row of their own.
  EXPECT_EQ(std::count(samples.begin(), samples.end(), '\n'), 1 + 3);
  const std::string csv = slurp(dir.path / "emissions.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2);
  bool phase_note = false;
  for (const std::string& n : report->notes) phase_note = phase_note || n.find("phase 'epoch 1'") != std::string::npos;
  EXPECT_TRUE(phase_note);
}

TEST(Tracker, RecoveryFinishesAKilledRun) {
  TempDir dir;
  FakeClock clock;
  std::string run_dir;
  {
    auto t = Tracker::create(fake_config(clock, dir.path.string()));
    ASSERT_TRUE(t.ok());
    ASSERT_TRUE((*t)->start().ok());
    clock.advance(Duration(10));
    (*t)->sample_now();
    run_dir = (*t)->run_dir();
    // Simulate SIGKILL: no stop(); forge a dead tracker pid in run.json.
    auto j = nlohmann::json::parse(slurp(fs::path(run_dir) / "run.json"));
    j["tracker_pid"] = 999999999;
    std::ofstream(fs::path(run_dir) / "run.json") << j.dump();
    std::ofstream(fs::path(run_dir) / "samples.csv", std::ios::app) << "12.0,17000";  // a torn line
  }
  // The destructor stopped the thread without finishing: no report yet.
  ASSERT_FALSE(fs::exists(fs::path(run_dir) / "report.json"));
  auto done = recover_incomplete_runs(dir.path.string());
  ASSERT_TRUE(done.ok()) << done.status().to_string();
  ASSERT_EQ(done->size(), 1u);
  const auto j = nlohmann::json::parse(slurp(fs::path(run_dir) / "report.json"));
  EXPECT_FALSE(j["run"]["complete"].get<bool>());
  EXPECT_NEAR(j["energy_kwh"]["central"].get<double>(), 3600.0 / 3.6e6, 1e-12);
  EXPECT_NEAR(j["emissions_kg"]["central"].get<double>(), 0.001 * 1.5 * 500 / 1000, 1e-12);
  EXPECT_TRUE(recover_incomplete_runs(dir.path.string())->empty());  // only once
}

TEST(Tracker, RejectsATooShortInterval) {
  FakeClock clock;
  TrackerConfig c = fake_config(clock, "");
  c.interval = Duration(0.001);
  EXPECT_EQ(Tracker::create(c).status().code(), StatusCode::kInvalidArgument);
}

TEST(Tracker, RealThreadSamplesOnItsOwn) {
  TrackerConfig c;
  c.interval = Duration(0.01);
  c.fake_sensors = "cpu=100W";
  auto t = Tracker::create(c);
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  ::usleep(100000);
  EXPECT_GE((*t)->snapshot().samples, 3);
  auto r = (*t)->stop();
  ASSERT_TRUE(r.ok());
  EXPECT_GT(r->footprint.it_energy.central.joules(), 0);
}

// The sampler waits through the Clock seam: a fake clock lets the sampling thread
// itself take 5,000 one-second ticks at full speed, with no sleeping, and every tick
// is one sample of the fake GPU's 360 W.
TEST(Tracker, FakeClockDrivesTheSamplingThread) {
  TempDir dir;
  FakeClock clock;
  constexpr int kTicks = 5000;
  std::mutex mu;
  std::condition_variable cv;
  std::int64_t seen = 0;
  TrackerConfig c = fake_config(clock, dir.path.string());
  c.on_sample = [&](const Snapshot& s) {
    std::lock_guard<std::mutex> lock(mu);
    seen = s.samples;
    cv.notify_all();
  };
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  Tracker& tr = **t;
  ASSERT_TRUE(tr.start().ok());  // the baseline sample, at t = 0
  EXPECT_EQ(tr.snapshot().samples, 1);
  clock.run_until(Duration(kTicks));
  {
    std::unique_lock<std::mutex> lock(mu);
    // A bound so a broken seam fails instead of hanging (no timing is asserted).
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::minutes(2), [&] { return seen >= kTicks + 1; })) << seen;
  }
  EXPECT_EQ(clock.now().count(), kTicks);
  const Snapshot snap = tr.snapshot();
  EXPECT_EQ(snap.samples, kTicks + 1);  // and no more: the next wait is beyond the limit
  EXPECT_DOUBLE_EQ(snap.energy.joules(), 360.0 * kTicks);
  EXPECT_DOUBLE_EQ(snap.elapsed.count(), kTicks);
  auto report = tr.stop(0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(tr.snapshot().samples, kTicks + 2);  // stop() takes the last sample
  EXPECT_DOUBLE_EQ(report->footprint.it_energy.central.joules(), 360.0 * kTicks);
  EXPECT_DOUBLE_EQ(report->run.duration.count(), kTicks);
  std::istringstream rows(slurp(fs::path(tr.run_dir()) / "samples.csv"));
  std::string line;
  int n = 0;
  while (std::getline(rows, line)) ++n;
  EXPECT_EQ(n, 1 + 1 + kTicks) << "header, the baseline and one row per tick";
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

// Whatever bytes the command line holds, the run's files are valid JSON with the
// invalid bytes written as \xHH, and the tags are recorded.
TEST(Tracker, NonUtf8TextIsRecordedEscaped) {
  TempDir dir;
  FakeClock clock;
  TrackerConfig c = fake_config(clock, dir.path.string());
  c.command = {"train", "\xff", "ok"};
  c.project = "p\xc3";
  c.tags = {"sweep", "t\xfe"};
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(1));
  auto report = (*t)->stop(0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  EXPECT_EQ(report->run.command, (std::vector<std::string>{"train", "\\xff", "ok"}));
  EXPECT_EQ(report->run.project, "p\\xc3");
  EXPECT_EQ(report->run.tags, (std::vector<std::string>{"sweep", "t\\xfe"}));
  const fs::path run = fs::path((*t)->run_dir());
  for (const char* f : {"run.json", "report.json"}) {
    const auto j = nlohmann::json::parse(slurp(run / f), nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << f;
  }
  const auto j = nlohmann::json::parse(slurp(run / "report.json"));
  EXPECT_EQ(j["run"]["command"][1], "\\xff");
  EXPECT_EQ(j["run"]["tags"][1], "t\\xfe");
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

// In job mode every power column of samples.csv, and mean_w/peak_w in report.json, are
// the job's share: no component above the total, none above the machine's figure; a
// phase boundary a millisecond after a sample makes no row of its own.
TEST(Tracker, PowerSeriesAreAllTheJobsShare) {
  TempDir dir;
  FakeClock clock;
  TrackerConfig c = fake_config(clock, dir.path.string());
  c.sensors.clear();
  FakeDomain cpu;
  cpu.domain.name = "cpu-fake";
  cpu.domain.component = "cpu";
  cpu.domain.kind = ReadingKind::kPower;
  cpu.domain.provenance.method = Method::kGiven;
  cpu.values = {100};
  c.sensors.push_back(make_fake_sensor({cpu}));
  c.proc_root = "/";
  c.pid = static_cast<int>(::getpid());  // this test process: a job on a real machine
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok());
  Tracker& tr = **t;
  ASSERT_TRUE(tr.start().ok());
  for (int i = 0; i < 4; ++i) {
    clock.advance(Duration(1));
    tr.sample_now();
    ASSERT_TRUE(tr.begin_phase("epoch").ok());
    clock.advance(Duration(0.001));
    ASSERT_TRUE(tr.end_phase().ok());
  }
  auto report = tr.stop(0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  const auto rows = csv_rows(slurp(fs::path(tr.run_dir()) / "samples.csv"));
  ASSERT_EQ(rows[0], (std::vector<std::string>{"elapsed_s", "unix_time", "power_w", "energy_j", "emissions_g",
                                               "node_utilisation", "machine_power_w", "cpu-fake_w", "cpu-fake_j"}));
  // Header, baseline, one row per second (the 1 ms phase samples were merged), and
  // the stop's row (1 ms after the last one; its power reaches back a window).
  EXPECT_EQ(rows.size(), 1u + 1 + 4 + 1);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const double total = std::stod(rows[r][2]), machine = std::stod(rows[r][6]), part = std::stod(rows[r][7]);
    EXPECT_NEAR(part, total, 1e-3) << r;  // one component: it is the total
    EXPECT_LE(part, machine + 1e-3) << r;
    EXPECT_LE(machine, 100 + 1e-3) << r;
  }
  ASSERT_EQ(report->power.size(), 1u);
  const PowerSummary& p = report->power[0];
  EXPECT_LE(p.mean.watts(), p.peak.watts() + 1e-9);
  ASSERT_TRUE(p.machine_peak && p.machine_mean);
  EXPECT_LE(p.peak.watts(), p.machine_peak->watts() + 1e-9);
  EXPECT_NEAR(p.machine_mean->watts(), 100, 1e-6);
  EXPECT_NEAR(p.machine_peak->watts(), 100, 1e-6);
  const auto j = nlohmann::json::parse(slurp(fs::path(tr.run_dir()) / "report.json"));
  EXPECT_DOUBLE_EQ(j["power"][0]["peak_w"].get<double>(), p.peak.watts());
  EXPECT_DOUBLE_EQ(j["power"][0]["machine_peak_w"].get<double>(), 100);
}

}  // namespace
}  // namespace carbonscope

#include "carbonscope/ledger.h"

namespace carbonscope {
namespace {

// The ledger's series (what the report and dashboard charts draw) is the job's too:
// no baseline point at 0 W, and each component at or below the job total.
TEST(Tracker, LedgerSeriesIsTheJobsShareWithoutTheBaseline) {
  TempDir dir;
  FakeClock clock;
  TrackerConfig c = fake_config(clock, (dir.path / "runs").string());
  c.ledger_path = (dir.path / "ledger.db").string();
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok());
  ASSERT_TRUE((*t)->start().ok());
  for (int i = 0; i < 3; ++i) {
    clock.advance(Duration(1));
    (*t)->sample_now();
  }
  auto report = (*t)->stop(0);
  ASSERT_TRUE(report.ok()) << report.status().to_string();
  auto ledger = Ledger::open((dir.path / "ledger.db").string());
  ASSERT_TRUE(ledger.ok());
  auto samples = ledger->samples(report->run.id);
  ASSERT_TRUE(samples.ok());
  ASSERT_EQ(samples->size(), 2u * 3);  // job total + gpu-0, at t = 1, 2, 3
  for (const PowerSample& s : *samples) {
    EXPECT_GT(s.t_s, 0);
    EXPECT_DOUBLE_EQ(s.power.watts(), 360) << s.component << " at " << s.t_s;
  }
}

}  // namespace
}  // namespace carbonscope
