// The NVML sensor on a fake libnvidia-ml loaded through the real dlopen path.
#include "sensors/nvml.h"

#include <unistd.h>

#include <cstdlib>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

std::vector<DomainReading> read(Sensor& s, const std::vector<int>& pids, bool job = true) {
  SampleContext ctx;
  ctx.job_mode = job;
  ctx.job_pids = pids;
  std::vector<DomainReading> out(s.domains().size());
  (void)s.read(ctx, out);
  return out;
}

TEST(Nvml, MissingLibraryIsUnavailable) {
  auto s = make_nvml("/nonexistent/libnvidia-ml.so.1");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(s.status().message().find("CARBONSCOPE_NVML_LIBRARY"), std::string::npos);
}

TEST(Nvml, EnergyCounterAndPowerOnlyGpus) {
  ::setenv("FAKE_NVML_DEVICES", "energy:NVIDIA A100:self;power:Tesla P100:1", 1);
  ::unsetenv("FAKE_NVML_INIT_FAIL");
  auto s = make_nvml(FAKE_NVML);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  const auto& d = (*s)->domains();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].kind, ReadingKind::kCounter);
  EXPECT_DOUBLE_EQ(d[0].joules_per_unit, 1e-3);
  EXPECT_EQ(d[0].label, "GPU 0 NVIDIA A100");
  EXPECT_EQ(d[1].kind, ReadingKind::kPower);
  EXPECT_NE(d[1].provenance.detail.find("trapezoid"), std::string::npos);
  const auto r = read(**s, {static_cast<int>(::getpid())});
  EXPECT_TRUE(r[0].ok);
  EXPECT_EQ(r[0].counter, 2000u);  // the probe read 1000
  EXPECT_DOUBLE_EQ(r[1].watts, 50);
  EXPECT_DOUBLE_EQ(r[0].job_share, 1.0);  // our pid runs on GPU 0
  EXPECT_DOUBLE_EQ(r[1].job_share, 0.0);  // only pid 1 on GPU 1
  EXPECT_DOUBLE_EQ(read(**s, {}, false)[0].job_share, -1);
}

TEST(Nvml, SharedGpuIsSplitByProcesses) {
  ::setenv("FAKE_NVML_DEVICES", "energy:A:self,1,2,3", 1);
  auto s = make_nvml(FAKE_NVML);
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(read(**s, {static_cast<int>(::getpid())})[0].job_share, 0.25);
}

TEST(Nvml, ManyProcessesGrowTheBuffer) {
  std::string pids = "self";
  for (int i = 100; i < 200; ++i) pids += "," + std::to_string(i);
  ::setenv("FAKE_NVML_DEVICES", ("energy:A:" + pids).c_str(), 1);
  auto s = make_nvml(FAKE_NVML);
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(read(**s, {static_cast<int>(::getpid())})[0].job_share, 1.0 / 101, 1e-12);
}

TEST(Nvml, ErrorsMidRunAndBrokenDevices) {
  ::setenv("FAKE_NVML_DEVICES", "flaky:A:;broken:B:", 1);
  auto s = make_nvml(FAKE_NVML);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ((*s)->domains().size(), 1u);  // the broken GPU is skipped at probe time
  std::vector<DomainReading> out(1);
  Status st = (*s)->read(SampleContext{}, out);
  EXPECT_FALSE(out[0].ok);
  EXPECT_NE(st.message().find("Unknown Error"), std::string::npos);
}

TEST(Nvml, InitFailureAndNoGpu) {
  ::setenv("FAKE_NVML_INIT_FAIL", "1", 1);
  auto s = make_nvml(FAKE_NVML);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("Driver Not Loaded"), std::string::npos);
  ::unsetenv("FAKE_NVML_INIT_FAIL");
  ::setenv("FAKE_NVML_DEVICES", "", 1);
  EXPECT_FALSE(make_nvml(FAKE_NVML).ok());
}

}  // namespace
}  // namespace carbonscope
