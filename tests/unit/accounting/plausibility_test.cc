// Likely unit slips get a warning naming the likely unit; plausible values get none.
#include "accounting/plausibility.h"

#include <gtest/gtest.h>

#include "accounting/estimate_request.h"

namespace carbonscope {
namespace {

std::vector<std::string> for_intensity(const std::string& text, ArgStyle style = ArgStyle::kFlag) {
  LocationText t;
  t.intensity = text;
  return location_warnings(t, style);
}

TEST(Plausibility, IntensityInTheWrongUnit) {
  auto w = for_intensity("0.4");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "--intensity: 0.4 g/kWh is implausibly low for a grid (the cleanest grids are a few g/kWh); did "
                  "you mean 0.4kg/kWh?");
  w = for_intensity("0.4g", ArgStyle::kKeyword);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].rfind("intensity: 0.4 g/kWh", 0), 0u) << w[0];
  w = for_intensity("400kg/kWh");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("implausibly high"), std::string::npos);
  EXPECT_NE(w[0].find("did you mean 400g/kWh?"), std::string::npos) << w[0];
  w = for_intensity("1e7");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("check its unit"), std::string::npos) << w[0];
}

TEST(Plausibility, PlausibleOrUnparsedValuesGetNone) {
  for (const char* ok : {"57", "57g/kWh", "0.4kg/kWh", "1200", "0", "386kg/MWh", "", "furlongs", "-5"}) {
    EXPECT_TRUE(for_intensity(ok).empty()) << ok;
  }
}

TEST(Plausibility, AcceleratorPower) {
  EstimateRequest r;
  r.gpu = "H100 SXM";
  r.power = "700kW";
  auto w = estimate_warnings(r);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("did you mean 700W?"), std::string::npos) << w[0];
  r.power = "700W";
  EXPECT_TRUE(estimate_warnings(r).empty());
  r.gpu.clear();
  r.power = "700kW";  // a whole system at a given power: no per-device rule
  EXPECT_TRUE(estimate_warnings(r).empty());
}

TEST(Plausibility, EstimateResultCarriesTheWarnings) {
  EstimateRequest r;
  r.power = "400W";
  r.hours = "1";
  r.location.intensity = "0.4";
  auto e = run_estimate(**DataSet::builtin(), r);
  ASSERT_TRUE(e.ok()) << e.status().message();
  ASSERT_EQ(e->warnings.size(), 1u);
  EXPECT_DOUBLE_EQ(e->location.intensity.value.central.g_per_kwh(), 0.4);  // still proceeds as given
}

}  // namespace
}  // namespace carbonscope
