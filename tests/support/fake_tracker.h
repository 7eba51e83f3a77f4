// A Tracker configuration for tests: a fake clock, the vm fixture's /proc, one fake
// GPU drawing `gpu_w`, a fixed intensity (500 g/kWh) and PUE.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "carbonscope/tracker.h"
#include "platform/fake_clock.h"
#include "sensors/fake.h"

namespace carbonscope::test {

inline TrackerConfig fake_gpu_config(FakeClock& clock, const std::string& out, double gpu_w, double pue) {
  TrackerConfig c;
  c.clock = &clock;
  c.output_dir = out;
  c.proc_root = std::string(CARBONSCOPE_FIXTURES) + "/vm";
  c.intensity.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(500));
  c.pue.value = Range<double>::exact(pue);
  FakeDomain gpu;
  gpu.domain.name = "gpu-0";
  gpu.domain.component = "gpu";
  gpu.domain.label = "GPU 0 fake";
  gpu.domain.kind = ReadingKind::kPower;
  gpu.domain.provenance.method = Method::kMeasured;
  gpu.values = {gpu_w};
  c.sensors.push_back(make_fake_sensor({gpu}));
  return c;
}

// A tracker made from `c` (whose clock is `clock`) that started, sampled and then
// "died": destroyed without stop(). Its run id.
inline std::string dead_run(FakeClock& clock, TrackerConfig c) {
  auto t = Tracker::create(std::move(c));
  EXPECT_TRUE(t.ok());
  EXPECT_TRUE((*t)->start().ok());
  clock.advance(Duration(10));
  (*t)->sample_now();
  return (*t)->run_id();
}

}  // namespace carbonscope::test
