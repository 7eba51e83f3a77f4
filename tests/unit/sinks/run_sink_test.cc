// The sink interface: SinkList hands each event to its sinks in the order they were
// registered, points only to the sinks that want them, lets prepare() change the report
// before any sink ends, and keeps a failure of one sink from stopping the next. The
// ledger's series is built from the points in memory: every point its own window up to
// kMaxLedgerSamples, then windows merged in pairs, the energy under the curve kept.
#include "sinks/run_sink.h"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sinks/ledger_record.h"

namespace carbonscope {
namespace {

struct Log {
  std::vector<std::string> events;
};

class Recording : public RunSink {
 public:
  Recording(Log& log, std::string name, bool points, Role role = Role::kFiles, Status fail_prepare = {},
            Status fail_end = {})
      : log_(log), name_(std::move(name)), points_(points), role_(role), fail_prepare_(fail_prepare),
        fail_end_(fail_end) {}
  Role role() const override { return role_; }
  Status begin(const RunStart& s) override {
    log_.events.push_back(name_ + ":begin:" + s.skeleton.run.id);
    return {};
  }
  bool wants_points() const override { return points_; }
  Status on_point(const SeriesPoint& p) override {
    log_.events.push_back(name_ + ":point:" + std::to_string(static_cast<int>(p.elapsed_s)));
    return {};
  }
  Status prepare(Report& r) override {
    log_.events.push_back(name_ + ":prepare");
    if (name_ == "ledger") r.run.id = "renamed";
    return fail_prepare_;
  }
  Status end(const Report& r) override {
    log_.events.push_back(name_ + ":end:" + r.run.id);
    return fail_end_;
  }

 private:
  Log& log_;
  std::string name_;
  bool points_;
  Role role_;
  Status fail_prepare_, fail_end_;
};

TEST(SinkList, EventsReachTheSinksInOrderAndPointsOnlyThoseThatWantThem) {
  Log log;
  SinkList sinks;
  sinks.add(std::make_unique<Recording>(log, "csv", true));
  sinks.add(std::make_unique<Recording>(log, "json", false));
  sinks.add(std::make_unique<Recording>(log, "ledger", true, RunSink::Role::kLedger));
  EXPECT_TRUE(sinks.wants_points());
  RunStart start;
  start.skeleton.run.id = "r1";
  ASSERT_TRUE(sinks.begin(start).ok());
  const std::vector<double> none;
  ASSERT_TRUE(sinks.on_point({7, 0, 0, 0, 0, 0, 0, none, none}).ok());
  Report report;
  report.run.id = "r1";
  const SinkList::Ended e = sinks.end(report);
  EXPECT_TRUE(e.files.ok() && e.ledger.ok());
  // Every sink prepares before any ends, so each one writes the id the ledger settled on.
  const std::vector<std::string> want = {"csv:begin:r1",    "json:begin:r1",     "ledger:begin:r1", "csv:point:7",
                                         "ledger:point:7",  "csv:prepare",       "json:prepare",    "ledger:prepare",
                                         "csv:end:renamed", "json:end:renamed", "ledger:end:renamed"};
  EXPECT_EQ(log.events, want);
  EXPECT_EQ(report.run.id, "renamed");
}

TEST(SinkList, EndInTwoHalvesLeavesTheLedgerForTheSecondWithTheSettledReport) {
  Log log;
  SinkList sinks;
  sinks.add(std::make_unique<Recording>(log, "json", false));
  sinks.add(std::make_unique<Recording>(log, "ledger", false, RunSink::Role::kLedger));
  sinks.add(std::make_unique<Recording>(log, "csv", false));
  Report report;
  report.run.id = "r1";
  const SinkList::Ended e = sinks.end_files(report);
  EXPECT_TRUE(e.files.ok() && e.ledger.ok());
  EXPECT_TRUE(sinks.ledger_left());
  const std::vector<std::string> files = {"json:prepare", "ledger:prepare", "csv:prepare", "json:end:renamed",
                                          "csv:end:renamed"};
  EXPECT_EQ(log.events, files);
  EXPECT_TRUE(sinks.end_ledger(report).ok());
  EXPECT_EQ(log.events.back(), "ledger:end:renamed");
  EXPECT_EQ(log.events.size(), files.size() + 1);
}

TEST(SinkList, ALedgerThatCannotPrepareIsKnownAfterTheFirstHalf) {
  Log log;
  SinkList sinks;
  sinks.add(std::make_unique<Recording>(log, "db", false, RunSink::Role::kLedger, Status::io_error("damaged")));
  sinks.add(std::make_unique<Recording>(log, "json", false));
  Report report;
  report.run.id = "r";
  const SinkList::Ended e = sinks.end_files(report);
  EXPECT_EQ(e.ledger.message(), "damaged");
  EXPECT_FALSE(sinks.ledger_left());
  EXPECT_TRUE(sinks.end_ledger(report).ok());  // nothing left to end
  EXPECT_EQ(std::count(log.events.begin(), log.events.end(), "db:end:r"), 0);
}

TEST(SinkList, AFailureIsCountedByRoleAndTheOtherSinksStillEnd) {
  Log log;
  SinkList sinks;
  sinks.add(std::make_unique<Recording>(log, "json", false, RunSink::Role::kFiles, Status{},
                                        Status::io_error("disk full")));
  sinks.add(std::make_unique<Recording>(log, "db", false, RunSink::Role::kLedger, Status::io_error("locked")));
  sinks.add(std::make_unique<Recording>(log, "csv", false));
  EXPECT_FALSE(sinks.wants_points());
  Report report;
  report.run.id = "r";
  const SinkList::Ended e = sinks.end(report);
  EXPECT_EQ(e.files.message(), "disk full");
  EXPECT_EQ(e.ledger.message(), "locked");
  // The sink that could not prepare is not ended; the one after it is.
  EXPECT_EQ(std::count(log.events.begin(), log.events.end(), "db:end:r"), 0);
  EXPECT_EQ(std::count(log.events.begin(), log.events.end(), "csv:end:r"), 1);
}

double energy_j(const std::vector<PowerSample>& s, const std::string& name, double from_t) {
  double e = 0, t = from_t;
  for (const PowerSample& p : s) {
    if (p.component != name) continue;
    e += p.power.watts() * (p.t_s - t);
    t = p.t_s;
  }
  return e;
}

TEST(LedgerSeries, UpToTheLimitEveryPointIsAWindowAndTheBaselineIsLeftOut) {
  LedgerSeries series({"gpu-0"});
  const std::vector<double> zero = {0.0};
  series.add(0, 0, zero);  // the baseline
  for (int i = 1; i <= 3; ++i) {
    const std::vector<double> w = {100.0 * i};
    series.add(i, 100.0 * i + 10, w);
  }
  const std::vector<PowerSample> s = series.samples();
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s[0].component, "job total");
  EXPECT_EQ(s[1].component, "gpu-0");
  EXPECT_DOUBLE_EQ(s[0].t_s, 1);
  EXPECT_DOUBLE_EQ(s[0].power.watts(), 110);
  EXPECT_DOUBLE_EQ(s[5].t_s, 3);
  EXPECT_DOUBLE_EQ(s[5].power.watts(), 300);
}

TEST(LedgerSeries, ALongRunIsThinnedToTheLimitAndKeepsItsEnergy) {
  LedgerSeries series({"cpu"});
  std::vector<double> w(1);
  double t = 0, want = 0;
  series.add(t, 0, w);
  for (int i = 1; i <= 12345; ++i) {
    const double dt = 0.5 + (i % 7) * 0.1;  // uneven windows
    t += dt;
    w[0] = 50 + (i % 13);
    want += w[0] * dt;
    series.add(t, w[0] + 5, w);
  }
  const std::vector<PowerSample> s = series.samples();
  ASSERT_FALSE(s.empty());
  EXPECT_LE(s.size() / 2, kMaxLedgerSamples);
  EXPECT_GE(s.size() / 2, kMaxLedgerSamples / 2);
  EXPECT_DOUBLE_EQ(s.back().t_s, t);  // the series reaches the run's end
  EXPECT_NEAR(energy_j(s, "cpu", 0), want, want * 1e-9);
  EXPECT_NEAR(energy_j(s, "job total", 0), want + 5 * t, want * 1e-9);
}

}  // namespace
}  // namespace carbonscope
