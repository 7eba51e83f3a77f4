// Estimates typed with little more than hardware and time take their defaults from
// evidence (data/constants.csv) and print ranges: measured average draw as a share of
// TDP, the host left out (or added with --whole-node), an industry PUE for data-centre
// jobs, the grid year of --date, and warnings for implausible inputs.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/cli.h"
#include "e2e/estimate_json.h"

namespace carbonscope::test {
namespace {

bool has_note(const nlohmann::json& j, const std::string& text) {
  for (const auto& n : j["notes"]) {
    if (n.get<std::string>().find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(EstimateEvidence, AcceleratorPowerIsTheMeasuredShareOfTdpWithItsRange) {
  const auto j = estimate_json(
      {"--gpu", "A100 SXM4 80GB", "--count", "8", "--hours", "24", "--cloud", "gcp:us-central1"});
  const auto& e = j["components"][0]["energy_kwh"];
  EXPECT_NEAR(e["central"].get<double>(), 8 * 0.4 * 0.75 * 24, 1e-9);
  EXPECT_LT(e["low"].get<double>(), e["central"].get<double>());
  EXPECT_NEAR(e["high"].get<double>(), 8 * 0.4 * 24, 1e-9);  // TDP is the cap
  EXPECT_LT(j["intensity_g_per_kwh"]["low"].get<double>(), j["intensity_g_per_kwh"]["high"].get<double>());
  EXPECT_LT(j["emissions_kg"]["low"].get<double>(), j["emissions_kg"]["high"].get<double>());
  EXPECT_TRUE(has_note(j, "host not counted"));
  EXPECT_TRUE(has_note(j, "75% of TDP"));

  const auto w = estimate_json({"--gpu", "A100 SXM4 80GB", "--count", "8", "--hours", "24", "--whole-node"});
  ASSERT_EQ(w["components"].size(), 2u);
  EXPECT_EQ(w["components"][1]["component"], "host");
  EXPECT_FALSE(has_note(w, "host not counted"));

  // An explicit utilisation narrows the power to TDP x utilisation.
  const auto u = estimate_json({"--gpu", "A100 SXM4 80GB", "--hours", "10", "--utilisation", "80%"});
  EXPECT_NEAR(u["components"][0]["energy_kwh"]["low"].get<double>(), 3.2, 1e-9);
  EXPECT_NEAR(u["components"][0]["energy_kwh"]["high"].get<double>(), 3.2, 1e-9);

  const auto inf = estimate_json({"--gpu", "A100 SXM4 80GB", "--hours", "10", "--workload", "inference"});
  EXPECT_LT(inf["components"][0]["energy_kwh"]["central"].get<double>(),
            e["central"].get<double>() / 24 / 8 * 10);
}

TEST(EstimateEvidence, DataCentreJobsGetTheIndustryPue) {
  const auto big = estimate_json({"--gpu", "H100 SXM", "--count", "1024", "--hours", "10"});
  EXPECT_DOUBLE_EQ(big["pue"]["central"].get<double>(), 1.56);
  EXPECT_LT(big["pue"]["low"].get<double>(), 1.2);
  EXPECT_EQ(big["pue"]["method"], "default");
  const auto small = estimate_json({"--gpu", "H100 SXM", "--count", "2", "--hours", "10"});
  EXPECT_DOUBLE_EQ(small["pue"]["central"].get<double>(), 1.0);
  const auto none =
      estimate_json({"--gpu", "H100 SXM", "--count", "1024", "--hours", "10", "--pue-source", "none"});
  EXPECT_DOUBLE_EQ(none["pue"]["central"].get<double>(), 1.0);
  const auto ind = estimate_json({"--gpu", "H100 SXM", "--hours", "10", "--pue-source", "industry"});
  EXPECT_DOUBLE_EQ(ind["pue"]["central"].get<double>(), 1.56);
  const CliResult bad =
      run_cli({"estimate", "--gpu", "H100 SXM", "--hours", "1", "--pue-source", "provider"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--cloud"), std::string::npos) << bad.err;
}

TEST(EstimateEvidence, DateTakesThatYearsGridFigure) {
  const auto j = estimate_json(
      {"--gpu", "V100 SXM2 16GB", "--hours", "10", "--cloud", "gcp:us-central1", "--date", "2019-06"});
  EXPECT_EQ(j["intensity_g_per_kwh"]["year"], 2019);
  const auto fr =
      estimate_json({"--gpu", "V100 SXM2 16GB", "--hours", "10", "--region", "FR", "--date", "2022"});
  EXPECT_EQ(fr["intensity_g_per_kwh"]["year"], 2022);
  EXPECT_LT(fr["intensity_g_per_kwh"]["low"].get<double>(),
            fr["intensity_g_per_kwh"]["central"].get<double>());
  EXPECT_EQ(run_cli({"estimate", "--power", "1W", "--hours", "1", "--date", "June"}).exit_code, 2);
}

TEST(EstimateEvidence, ImplausibleInputsWarnWithTheReason) {
  const CliResult h = run_cli({"estimate", "--gpu", "H100 SXM", "--power", "5kW", "--hours", "1"});
  EXPECT_EQ(h.exit_code, 0);
  EXPECT_NE(h.err.find("whole node"), std::string::npos) << h.err;
  const CliResult p =
      run_cli({"estimate", "--power", "1kW", "--hours", "1", "--cloud", "gcp:us-central1", "--pue", "3"});
  EXPECT_NE(p.err.find("implausible for a gcp region"), std::string::npos) << p.err;
  const CliResult i = run_cli({"estimate", "--power", "1kW", "--hours", "1", "--intensity", "1800g"});
  EXPECT_NE(i.err.find("implausibly high"), std::string::npos) << i.err;
}

TEST(EstimateEvidence, FacilityEnergyTakesNoPueAndPriceGivesTheCost) {
  const auto f = estimate_json({"--facility-energy", "100kWh", "--intensity", "100g", "--price", "0.12/kWh"});
  EXPECT_DOUBLE_EQ(f["pue"]["central"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(f["emissions_kg"]["central"].get<double>(), 10.0);
  EXPECT_DOUBLE_EQ(f["estimate"]["electricity_cost"]["central"].get<double>(), 12.0);
  EXPECT_EQ(run_cli({"estimate", "--facility-energy", "100kWh", "--pue", "1.2"}).exit_code, 2);
  EXPECT_EQ(run_cli({"estimate", "--facility-energy", "1kWh", "--energy", "1kWh"}).exit_code, 2);
  const auto g = estimate_json({"--gpu", "H100 SXM", "--hours", "10", "--price", "120/MWh"});
  const auto& c = g["estimate"]["electricity_cost"];
  EXPECT_NEAR(c["central"].get<double>(), g["facility_energy_kwh"]["central"].get<double>() * 0.12, 1e-9);
  EXPECT_LT(c["low"].get<double>(), c["high"].get<double>());
  EXPECT_EQ(run_cli({"estimate", "--power", "1W", "--hours", "1", "--price", "cheap"}).exit_code, 2);
}

TEST(EstimateEvidence, FlopsGivenDirectlyAndPrecisionFallsBack) {
  // GPT-3's 3.14e23 FLOPs on V100 (no bf16 rate: fp16 125 TFLOP/s) at MFU 40%: 1.744e6 device-hours.
  const auto j =
      estimate_json({"--gpu", "V100 SXM2 32GB", "--count", "10000", "--flops", "3.14e23", "--mfu", "40%"});
  const auto& c = j["estimate"]["assumptions"]["compute"];
  EXPECT_DOUBLE_EQ(c["flops"].get<double>(), 3.14e23);
  EXPECT_EQ(c["precision"], "fp16");
  EXPECT_NEAR(c["device_hours"]["central"].get<double>(), 3.14e23 / (125e12 * 0.4) / 3600, 1);
  EXPECT_EQ(run_cli({"estimate", "--gpu", "H100 SXM", "--flops", "1e20", "--params", "7B", "--tokens", "1T"})
                .exit_code,
            2);
}

TEST(EstimateEvidence, TextSaysWhichFiguresAreExact) {
  const CliResult r = run_cli({"estimate", "--power", "100W", "--hours", "1", "--intensity", "100g"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("(exact: given)"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace carbonscope::test
