// The default MFU from published reports (data/mfu.csv) and the refusal of a known
// mixture-of-experts model's total parameter count.
#include <gtest/gtest.h>

#include "carbonscope/compute.h"

namespace carbonscope {
namespace {

const char* kSources =
    "source_id,title,publisher,year,url,licence,basis,notes\n"
    "r1,Report one,,2022,,facts,,\n"
    "r2,Report two,,2022,,facts,,\n";

// Three A100 reports (a spread of its own), one H100 report (too few: every report's spread).
const char* kMfu =
    "id,hardware,model,params_b,mfu,low,high,source_id,note\n"
    "small-a100,A100,Small,1.7,0.33,0.33,0.33,r1,\n"
    "mid-a100,A100,Mid,176,0.375,0.375,0.5,r2,\n"
    "big-a100,A100,Big,1000,0.39,0.39,0.39,r1,\n"
    "one-h100,H100|H800,One,405,0.41,0.38,0.43,r2,\n";

const char* kMoe =
    "model,aliases,total_params_b,active_params_b,source_id,note\n"
    "Mixtral 8x7B,,46.7,12.9,r1,\n";

std::shared_ptr<const DataSet> tables() {
  auto ds = DataSet::from_texts({{"SOURCES.csv", kSources}, {"mfu.csv", kMfu}, {"moe_models.csv", kMoe}});
  EXPECT_TRUE(ds.ok()) << ds.status().message();
  return *ds;
}

Accelerator named(const std::string& name) {
  Accelerator a;
  a.name = name;
  return a;
}

TEST(MfuEvidence, NearestReportInSizeOnTheSameGeneration) {
  const auto ds = tables();
  auto m = mfu_from_evidence(*ds, named("NVIDIA A100 SXM4 80GB"), 7e9);  // log-nearest to 1.7B, not 176B
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->evidence_id, "small-a100");
  EXPECT_DOUBLE_EQ(m->value.central, 0.33);
  EXPECT_DOUBLE_EQ(m->value.low, 0.33);   // the A100 reports' spread
  EXPECT_DOUBLE_EQ(m->value.high, 0.5);
  EXPECT_EQ(m->provenance.method, Method::kDefault);
  EXPECT_EQ(m->provenance.source_id, "r1|r2");

  m = mfu_from_evidence(*ds, named("NVIDIA A100 PCIe 40GB"), 200e9);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->evidence_id, "mid-a100");
  EXPECT_NE(m->provenance.detail.find("the spread of the 3 reports on A100"), std::string::npos)
      << m->provenance.detail;
}

TEST(MfuEvidence, FewReportsTakeTheSpreadOfAll) {
  const auto ds = tables();
  const auto m = mfu_from_evidence(*ds, named("NVIDIA H800 SXM5"), 70e9);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->evidence_id, "one-h100");
  EXPECT_DOUBLE_EQ(m->value.central, 0.41);
  EXPECT_DOUBLE_EQ(m->value.low, 0.33);
  EXPECT_DOUBLE_EQ(m->value.high, 0.5);
  EXPECT_NE(m->provenance.detail.find("1 report on H100"), std::string::npos) << m->provenance.detail;
}

TEST(MfuEvidence, UnknownHardwareTakesTheMedianOfAllAndSaysSo) {
  const auto ds = tables();
  const auto m = mfu_from_evidence(*ds, named("NVIDIA Tesla P100 PCIe"), std::nullopt);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->evidence_id.empty());
  EXPECT_DOUBLE_EQ(m->value.central, (0.375 + 0.39) / 2);
  EXPECT_DOUBLE_EQ(m->value.low, 0.33);
  EXPECT_DOUBLE_EQ(m->value.high, 0.5);
  EXPECT_NE(m->evidence.find("no published MFU for NVIDIA Tesla P100 PCIe"), std::string::npos);
}

TEST(MfuEvidence, WithoutASizeTheMedianReportOfTheGeneration) {
  const auto ds = tables();
  const auto m = mfu_from_evidence(*ds, named("NVIDIA A100 SXM4 80GB"), std::nullopt);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->evidence_id, "mid-a100");
}

TEST(MfuEvidence, EmptyTableIsAnError) {
  auto ds = DataSet::from_texts({{"SOURCES.csv", kSources}});
  ASSERT_TRUE(ds.ok());
  const auto m = mfu_from_evidence(**ds, named("NVIDIA A100 SXM4 80GB"), 7e9);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("--mfu"), std::string::npos);
}

TEST(MfuEvidence, GoodputLowersTheLowEndOnly) {
  const char* constants =
      "key,value,unit,low,high,source_id,note\n"
      "hours_per_year,8760,h,,,r1,\n"
      "memory_w_per_gb,0.3725,W/GB,,,r1,\n"
      "training_goodput,1,ratio,0.9,1,r2,\n";
  auto ds = DataSet::from_texts(
      {{"SOURCES.csv", kSources}, {"mfu.csv", kMfu}, {"moe_models.csv", kMoe}, {"constants.csv", constants}});
  ASSERT_TRUE(ds.ok()) << ds.status().message();
  const auto m = mfu_from_evidence(**ds, named("NVIDIA A100 SXM4 80GB"), 7e9);
  ASSERT_TRUE(m.ok());
  EXPECT_DOUBLE_EQ(m->value.central, 0.33);
  EXPECT_DOUBLE_EQ(m->value.low, 0.33 * 0.9);
  EXPECT_DOUBLE_EQ(m->value.high, 0.5);
  EXPECT_NE(m->provenance.detail.find("x 90% goodput at the low end [r2]"), std::string::npos)
      << m->provenance.detail;
}

TEST(MoeModels, TotalWithinHalfAPercentIsRecognised) {
  const auto ds = tables();
  ASSERT_NE(moe_with_total(*ds, 46.7e9), nullptr);
  EXPECT_EQ(moe_with_total(*ds, 46.8e9)->model, "Mixtral 8x7B");
  EXPECT_EQ(moe_with_total(*ds, 47.0e9), nullptr);  // 0.6% off: a different model
  EXPECT_EQ(moe_with_total(*ds, 12.9e9), nullptr);
}

TEST(MoeModels, BuiltInTableRefusesNoDenseModelOfTheCalibrationSet) {
  // Dense models near an MoE total must not be taken for it: Llama 3.1 405B vs Llama 4
  // Maverick's 400B, a 30B or 175B dense model.
  auto ds = DataSet::builtin();
  ASSERT_TRUE(ds.ok());
  for (double p : {405e9, 175e9, 70e9, 8e9, 176e9, 540e9}) EXPECT_EQ(moe_with_total(**ds, p), nullptr) << p;
  ASSERT_NE(moe_with_total(**ds, 671e9), nullptr);
  EXPECT_DOUBLE_EQ(moe_with_total(**ds, 671e9)->active_params_b, 37);
}

}  // namespace
}  // namespace carbonscope
