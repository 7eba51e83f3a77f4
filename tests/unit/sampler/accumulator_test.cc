// The accumulator on scripted fake sensors and hand-made samples (a fake clock).
#include "sampler/accumulator.h"

#include <gtest/gtest.h>

#include "sensors/fake.h"

namespace carbonscope {
namespace {

FakeDomain counter(std::string name, std::string component, std::vector<double> values, std::uint64_t wrap = 0,
                   std::vector<bool> fails = {}) {
  FakeDomain f;
  f.domain.name = std::move(name);
  f.domain.component = std::move(component);
  f.domain.kind = ReadingKind::kCounter;
  f.domain.wrap = wrap;
  f.domain.provenance.method = Method::kMeasured;
  f.values = std::move(values);
  f.fails = std::move(fails);
  return f;
}

FakeDomain power(std::string name, std::string component, std::vector<double> watts) {
  FakeDomain f;
  f.domain.name = std::move(name);
  f.domain.component = std::move(component);
  f.domain.kind = ReadingKind::kPower;
  f.domain.provenance.method = Method::kEstimated;
  f.values = std::move(watts);
  return f;
}

// Feeds `n` samples one second apart, reading every sensor.
void feed(Accumulator& acc, std::vector<Sensor*> sensors, int n, double utilisation = 0.5) {
  for (int i = 0; i < n; ++i) {
    Sample s;
    s.t = Duration(i);
    s.unix_time = 1000 + i;
    s.ctx.node_utilisation = utilisation;
    s.job_busy_share = s.job_capacity_share = s.job_memory_share = 1;
    for (Sensor* sensor : sensors) {
      std::vector<DomainReading> r(sensor->domains().size());
      s.sensor_status.push_back(sensor->read(s.ctx, r));
      s.readings.insert(s.readings.end(), r.begin(), r.end());
    }
    acc.add(s);
  }
}

TEST(Accumulator, CountersWithWrapAndHierarchy) {
  std::vector<FakeDomain> d = {counter("package-0", "cpu", {90, 95, 5, 20}, 100),
                               counter("core-0", "cpu", {0, 1, 2, 3})};
  d[1].domain.parent = 0;
  auto s = make_fake_sensor(std::move(d));
  Accumulator acc({s.get()}, {false}, 0);
  feed(acc, {s.get()}, 4);
  EXPECT_DOUBLE_EQ(acc.domains()[0].machine.joules(), 30);  // 5 + 10 (wrapped) + 15
  EXPECT_DOUBLE_EQ(acc.total().joules(), 30);               // core is inside the package
  EXPECT_DOUBLE_EQ((acc.domains()[0].idle + acc.domains()[0].dynamic).joules(), 30);
  EXPECT_DOUBLE_EQ(acc.elapsed().count(), 3);
}

TEST(Accumulator, BackwardsCounterIsRejectedNotIntegrated) {
  auto s = make_fake_sensor({counter("gpu-0", "gpu", {100, 200, 50, 150})});
  Accumulator acc({s.get()}, {false}, -1);
  feed(acc, {s.get()}, 4);
  EXPECT_DOUBLE_EQ(acc.total().joules(), 200);  // 100 + (rejected) + 100
  EXPECT_EQ(acc.domains()[0].rejected, 1);
  EXPECT_TRUE(acc.domains()[0].failed_at.has_value());
}

TEST(Accumulator, TrapezoidForPower) {
  auto s = make_fake_sensor({power("cpu-model", "cpu", {10, 20, 20, 40})});
  Accumulator acc({s.get()}, {false}, -1);
  feed(acc, {s.get()}, 4);
  EXPECT_DOUBLE_EQ(acc.total().joules(), 15 + 20 + 30);
  EXPECT_DOUBLE_EQ(acc.domains()[0].peak.watts(), 30);
}

TEST(Accumulator, StandbyModelFillsTheIntervalsWhereTheHostFails) {
  auto rapl = make_fake_sensor({counter("package-0", "cpu", {0, 10, 20, 0, 0, 0}, 0,
                                        {false, false, false, true, true, true})});
  auto model = make_fake_sensor({power("cpu-model", "cpu", {7})});
  Accumulator acc({rapl.get(), model.get()}, {false, true}, 0);
  feed(acc, {rapl.get(), model.get()}, 6);
  EXPECT_DOUBLE_EQ(acc.domains()[0].machine.joules(), 20);  // two good intervals
  EXPECT_DOUBLE_EQ(acc.domains()[1].machine.joules(), 21);  // three failed ones, modelled
  EXPECT_DOUBLE_EQ(acc.total().joules(), 41);
  ASSERT_TRUE(acc.domains()[0].failed_at.has_value());
  EXPECT_DOUBLE_EQ(acc.domains()[0].failed_at->count(), 2);
  ASSERT_TRUE(acc.domains()[1].used_from.has_value());
  EXPECT_DOUBLE_EQ(acc.domains()[1].used_from->count(), 2);
}

TEST(Accumulator, JobIsChargedItsGpuShareOnly) {
  FakeDomain mine = counter("gpu-0", "gpu", {0, 100, 200});
  mine.job_share = 1;
  FakeDomain other = counter("gpu-1", "gpu", {0, 100, 200});
  other.job_share = 0;
  auto s = make_fake_sensor({mine, other});
  Accumulator acc({s.get()}, {false}, -1);
  for (int i = 0; i < 3; ++i) {
    Sample smp;
    smp.t = Duration(i);
    smp.ctx.job_mode = true;
    std::vector<DomainReading> r(2);
    smp.sensor_status.push_back(s->read(smp.ctx, r));
    smp.readings = r;
    acc.add(smp);
  }
  EXPECT_DOUBLE_EQ(acc.machine_total().joules(), 400);
  EXPECT_DOUBLE_EQ(acc.total().joules(), 200);
}

}  // namespace
}  // namespace carbonscope
