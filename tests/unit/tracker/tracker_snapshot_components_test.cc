// Snapshot::components: one entry per counted domain, the Prometheus exporter's figures;
// their energies sum to the snapshot's energy and their powers are the last interval's.
#include <gtest/gtest.h>

#include "carbonscope/tracker.h"
#include "platform/fake_clock.h"
#include "sensors/fake.h"

namespace carbonscope {
namespace {

FakeDomain power_domain(const char* name, const char* component, std::vector<double> watts) {
  FakeDomain d;
  d.domain.name = name;
  d.domain.component = component;
  d.domain.kind = ReadingKind::kPower;
  d.domain.provenance.method = Method::kMeasured;
  d.values = std::move(watts);
  return d;
}

TEST(TrackerSnapshot, ComponentsSumToTheEnergyAndCarryTheLastPower) {
  FakeClock clock;
  TrackerConfig c;
  c.clock = &clock;
  c.proc_root = std::string(CARBONSCOPE_FIXTURES) + "/vm";
  c.sensors.push_back(make_fake_sensor({power_domain("package-0", "cpu", {20, 20, 40})}, "rapl-powercap"));
  c.sensors.push_back(make_fake_sensor({power_domain("gpu-0", "gpu", {100})}, "nvml"));
  auto t = Tracker::create(std::move(c));
  ASSERT_TRUE(t.ok()) << t.status().to_string();
  EXPECT_TRUE((*t)->snapshot().components.size() == 2);  // described before the first sample
  ASSERT_TRUE((*t)->start().ok());
  clock.advance(Duration(10));
  (*t)->sample_now();
  clock.advance(Duration(10));
  (*t)->sample_now();
  const Snapshot s = (*t)->snapshot();
  ASSERT_EQ(s.components.size(), 2u);
  EXPECT_EQ(s.components[0].key, "package-0");
  EXPECT_EQ(s.components[0].component, "cpu");
  EXPECT_EQ(s.components[0].source, "rapl-powercap");
  EXPECT_EQ(s.components[1].source, "nvml");
  EXPECT_EQ(s.components[1].method, Method::kMeasured);
  // Trapezoids: cpu 20->20 over 10 s, then 20->40 over 10 s.
  EXPECT_DOUBLE_EQ(s.components[0].energy.joules(), 200 + 300);
  EXPECT_DOUBLE_EQ(s.components[1].energy.joules(), 2000);
  EXPECT_DOUBLE_EQ(s.components[0].power.watts(), 30);
  EXPECT_DOUBLE_EQ(s.components[1].power.watts(), 100);
  EXPECT_DOUBLE_EQ(s.components[0].energy.joules() + s.components[1].energy.joules(), s.energy.joules());
  ASSERT_TRUE((*t)->stop().ok());
}

}  // namespace
}  // namespace carbonscope
