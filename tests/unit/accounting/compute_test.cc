// Prediction from compute: FLOPs formulas and device time at an MFU, checked by hand.
#include "carbonscope/compute.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

TEST(Compute, FlopsFormulas) {
  EXPECT_DOUBLE_EQ(training_flops(70e9, 2e12).count(), 8.4e23);    // 6 x 70e9 x 2e12
  EXPECT_DOUBLE_EQ(inference_flops(70e9, 1e9).count(), 1.4e20);    // 2 x 70e9 x 1e9
}

TEST(Compute, DeviceTimeIsAnIntervalOverTheMfu) {
  // 8.4e23 FLOPs at 989.4 TFLOP/s x 0.4 = 2.1224985e9 s = 589,582.9 h; MFU 0.5 -> 471,666.3 h;
  // MFU 0.3 -> 786,110.5 h.
  const Range<double> mfu = Range<double>::of(0.4, 0.3, 0.5);
  const Range<Duration> t = device_time(Flops::count(8.4e23), FlopRate::tflops(989.4), mfu);
  EXPECT_NEAR(hours(t.central), 589582.9, 0.05);
  EXPECT_NEAR(hours(t.low), 471666.3, 0.05);
  EXPECT_NEAR(hours(t.high), 786110.5, 0.05);
  EXPECT_TRUE(t.is_valid());
}

TEST(Compute, PeakLookupNamesTheKnownPrecisions) {
  Accelerator a;
  a.name = "Test GPU";
  a.tflops = {{"bf16", 312}, {"fp32", 19.5}};
  EXPECT_DOUBLE_EQ(peak_flop_rate(a, "bf16")->tflops(), 312);
  auto missing = peak_flop_rate(a, "fp8");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("bf16, fp32"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
