// `carbonscope estimate --params N --tokens D`: prediction from compute, checked by
// hand, and per-request figures with --requests.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"

namespace carbonscope::test {
namespace {

nlohmann::json estimate(std::vector<std::string> args) {
  args.insert(args.begin(), "estimate");
  args.push_back("--json");
  const CliResult r = run_cli(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

TEST(EstimateCompute, SeventyBillionOnTwoTrillionTokens) {
  // 6 x 70e9 x 2e12 = 8.4e23 FLOPs; H100 SXM bf16 989.4 TFLOP/s x MFU 0.4 -> 589,582.9 device-hours
  // (MFU 0.5: 471,666.3; 0.3: 786,110.5); x 700 W = 412,708.0 kWh; x 400 g = 165.08 t.
  // At TDP (--utilisation 100%) and PUE 1, to check the arithmetic exactly.
  const auto j = estimate({"--gpu", "H100 SXM", "--count", "1024", "--params", "70B", "--tokens", "2T",
                           "--intensity", "400g", "--utilisation", "100%", "--pue", "1"});
  const auto& c = j["estimate"]["assumptions"]["compute"];
  EXPECT_DOUBLE_EQ(c["flops"].get<double>(), 8.4e23);
  EXPECT_EQ(c["precision"], "bf16");
  EXPECT_EQ(c["mfu"]["method"], "default");
  EXPECT_NEAR(c["device_hours"]["central"].get<double>(), 589582.9, 0.05);
  EXPECT_NEAR(c["device_hours"]["low"].get<double>(), 471666.3, 0.05);
  EXPECT_NEAR(c["device_hours"]["high"].get<double>(), 786110.5, 0.05);
  EXPECT_NEAR(j["energy_kwh"]["central"].get<double>(), 412708.0, 0.05);
  EXPECT_NEAR(j["emissions_kg"]["central"].get<double>(), 165083.2, 0.1);
  EXPECT_NEAR(j["estimate"]["assumptions"]["wall_time_h"].get<double>(), 589582.9 / 1024, 0.01);
}

TEST(EstimateCompute, BloomIsInsideTheRange) {
  // 6 x 176e9 x 366e9 = 3.865e23 FLOPs on A100 (bf16 312 TFLOP/s): 860,256 device-hours at MFU 0.4,
  // 1,147,009 at 0.3. BLOOM logged 1,082,990 (an MFU of 0.318): inside the range, 21% above the central.
  const auto j = estimate({"--gpu", "A100 SXM4 80GB", "--count", "384", "--params", "176B", "--tokens", "366B"});
  const auto& h = j["estimate"]["assumptions"]["compute"]["device_hours"];
  EXPECT_NEAR(h["central"].get<double>(), 860256.4, 0.1);
  EXPECT_LT(h["central"].get<double>(), 1082990);
  EXPECT_GT(h["high"].get<double>(), 1082990);
}

TEST(EstimateCompute, InferenceTokensAndRequests) {
  // 2 x 7e9 x 1e9 tokens = 1.4e19 FLOPs at 312 TFLOP/s x 0.25 = 179,487 s = 49.858 h x 400 W = 19.94 kWh;
  // over 1e6 requests: 19.94 Wh per 1,000 requests.
  const auto j = estimate({"--gpu", "A100 SXM4 80GB", "--params", "7B", "--inference-tokens", "1B", "--mfu", "25%",
                           "--requests", "1000000", "--intensity", "100g", "--utilisation", "100%"});
  EXPECT_EQ(j["estimate"]["assumptions"]["compute"]["mfu"]["method"], "given");
  EXPECT_NEAR(j["energy_kwh"]["central"].get<double>(), 19.9430, 1e-3);
  EXPECT_TRUE(j["energy_kwh"]["central"] == j["energy_kwh"]["low"]);  // a given MFU is exact
  EXPECT_NEAR(j["estimate"]["per_1000_requests"]["facility_energy_kwh"]["central"].get<double>(), 0.019943, 1e-6);
  EXPECT_NEAR(j["estimate"]["per_request"]["emissions_g"]["central"].get<double>(), 0.0019943, 1e-7);
}

TEST(EstimateCompute, MeasuredEnergyPerRequest) {
  const auto j = estimate({"--energy", "914kWh", "--requests", "230768", "--intensity", "57g"});
  EXPECT_NEAR(j["estimate"]["per_request"]["facility_energy_wh"]["central"].get<double>(), 3.96069, 1e-5);
}

TEST(EstimateCompute, ConflictsAndMissingPieces) {
  const auto fails = [](std::vector<std::string> args, const std::string& needle) {
    args.insert(args.begin(), "estimate");
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.err.find(needle), std::string::npos) << r.err;
  };
  fails({"--gpu", "A100 SXM4 80GB", "--params", "7B", "--tokens", "1T", "--hours", "3"}, "--params conflicts with --hours");
  fails({"--params", "7B", "--tokens", "1T", "--power", "300W"}, "--params needs --gpu");
  fails({"--gpu", "A100 SXM4 80GB", "--params", "7B"}, "one of --tokens");
  fails({"--gpu", "A100 SXM4 80GB", "--mfu", "40%", "--hours", "1"}, "need --params");
  fails({"--gpu", "A100 SXM4 80GB", "--params", "7B", "--tokens", "1T", "--precision", "fp8"}, "no dense fp8 peak");
  fails({"--energy", "1kWh", "--requests", "0"}, "--requests");
}

}  // namespace
}  // namespace carbonscope::test
