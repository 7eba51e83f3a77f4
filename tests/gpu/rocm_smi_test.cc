// The ROCm SMI sensor on a fake librocm_smi64 loaded through the real dlopen path.
#include "sensors/rocm_smi.h"

#include <unistd.h>

#include <cstdlib>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

TEST(RocmSmi, MissingLibraryIsUnavailable) {
  EXPECT_EQ(make_rocm_smi("/nonexistent/librocm_smi64.so").status().code(), StatusCode::kUnavailable);
}

TEST(RocmSmi, CounterPowerAndProcesses) {
  ::setenv("FAKE_ROCM_DEVICES", "energy:MI250X:self;power:MI100:1", 1);
  auto s = make_rocm_smi(FAKE_ROCM_SMI);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  const auto& d = (*s)->domains();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, ReadingKind::kCounter);
  EXPECT_NEAR(d[0].joules_per_unit, 15.3e-6, 1e-10);
  EXPECT_EQ(d[1].kind, ReadingKind::kPower);
  const std::vector<int> pids = {static_cast<int>(::getpid())};
  SampleContext ctx;
  ctx.job_mode = true;
  ctx.job_pids = pids;
  std::vector<DomainReading> out(2);
  ASSERT_TRUE((*s)->read(ctx, out).ok());
  EXPECT_EQ(out[0].counter, 2000u);
  EXPECT_DOUBLE_EQ(out[1].watts, 50);
  EXPECT_DOUBLE_EQ(out[0].job_share, 1.0);
  EXPECT_DOUBLE_EQ(out[1].job_share, 0.0);
}

TEST(RocmSmi, BrokenDeviceIsSkipped) {
  ::setenv("FAKE_ROCM_DEVICES", "broken:X:", 1);
  EXPECT_FALSE(make_rocm_smi(FAKE_ROCM_SMI).ok());
}

}  // namespace
}  // namespace carbonscope
