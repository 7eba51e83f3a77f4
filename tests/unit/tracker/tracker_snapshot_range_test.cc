// Snapshot::energy_range: the IT energy so far with each component's range, the same
// bounds the finished Report gives (Python's epoch forecasts start from it).
#include <gtest/gtest.h>

#include "carbonscope/tracker.h"
#include "platform/fake_clock.h"
#include "sensors/fake.h"

namespace carbonscope {
namespace {

TEST(TrackerSnapshot, EnergyRangeHasEachComponentsRangeAndMatchesTheReport) {
  FakeClock clock;
  TrackerConfig c;
  c.clock = &clock;
  c.proc_root = std::string(CARBONSCOPE_FIXTURES) + "/vm";
  c.intensity.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(500));
  c.pue.value = Range<double>::exact(1.0);
  FakeDomain model;
  model.domain.name = "cpu-model";
  model.domain.component = "cpu";
  model.domain.kind = ReadingKind::kPower;
  model.domain.provenance.method = Method::kEstimated;
  model.domain.range_low = 0.6;
  model.domain.range_high = 1.4;
  model.values = {10};
  FakeDomain meter;
  meter.domain.name = "gpu-0";
  meter.domain.component = "gpu";
  meter.domain.kind = ReadingKind::kPower;
  meter.domain.provenance.method = Method::kMeasured;
  meter.values = {30};
  c.sensors.push_back(make_fake_sensor({model}));
  c.sensors.push_back(make_fake_sensor({meter}));
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(10));
  (*t)->sample_now();
  const Snapshot s = (*t)->snapshot();
  EXPECT_DOUBLE_EQ(s.energy.joules(), 400);
  EXPECT_DOUBLE_EQ(s.energy_range.central.joules(), 400);
  EXPECT_DOUBLE_EQ(s.energy_range.low.joules(), 100 * 0.6 + 300);
  EXPECT_DOUBLE_EQ(s.energy_range.high.joules(), 100 * 1.4 + 300);
  auto report = (*t)->stop();
  ASSERT_TRUE(report.ok());
  EXPECT_DOUBLE_EQ(report->footprint.it_energy.low.joules(), s.energy_range.low.joules());
  EXPECT_DOUBLE_EQ(report->footprint.it_energy.high.joules(), s.energy_range.high.joules());
}

}  // namespace
}  // namespace carbonscope
