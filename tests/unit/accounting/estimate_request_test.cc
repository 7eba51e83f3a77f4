// Estimate requests and location texts as the CLI and Python give them: the same
// results, and errors naming the argument in the caller's style.
#include "accounting/estimate_request.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

const DataSet& data() { return **DataSet::builtin(); }

TEST(EstimateRequest, FlagAndKeywordStylesGiveTheSameFigures) {
  EstimateRequest r;
  r.gpu = "A100 SXM4 80GB";
  r.count = "8";
  r.hours = "12";
  r.location.region = "FR";
  auto flag = run_estimate(data(), r);
  r.style = ArgStyle::kKeyword;
  auto keyword = run_estimate(data(), r);
  ASSERT_TRUE(flag.ok() && keyword.ok());
  // 75% of TDP, the measured average while training (data/constants.csv), TDP the high end.
  EXPECT_DOUBLE_EQ(flag->report.footprint.it_energy.central.kwh(), 8 * 0.4 * 0.75 * 12);
  EXPECT_DOUBLE_EQ(flag->report.footprint.it_energy.high.kwh(), 8 * 0.4 * 12);
  EXPECT_EQ(flag->report.footprint.emissions.central, keyword->report.footprint.emissions.central);
  EXPECT_EQ(flag->equivalents.size(), 4u);
}

TEST(EstimateRequest, ErrorsNameTheArgumentInTheCallersStyle) {
  EstimateRequest r;
  r.power = "400W";
  EXPECT_EQ(build_estimate_spec(data(), r).status().message(),
            "no duration: give --hours 12, --duration 3d4h or --device-hours 1000, or the compute (--params 70B --tokens 2T)");
  r.style = ArgStyle::kKeyword;
  EXPECT_EQ(build_estimate_spec(data(), r).status().message(),
            "no duration: give hours=12, duration=3d4h or device_hours=1000, or the compute (params=70B tokens=2T)");
  r.hours = "1";
  r.duration = "1h";
  EXPECT_EQ(build_estimate_spec(data(), r).status().message(), "hours and duration conflict: give one of them");
  r = {};
  r.style = ArgStyle::kKeyword;
  r.gpu = "Voodoo 9000";
  r.hours = "1";
  auto s = build_estimate_spec(data(), r).status();
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message().rfind("gpu: ", 0), 0u) << s.message();
}

TEST(LocationText, ParsesAndResolves) {
  LocationText t;
  t.intensity = "0.954lb/kWh";
  t.pue = "1.58";
  auto loc = resolve_location_text(data(), t);
  ASSERT_TRUE(loc.ok()) << loc.status().to_string();
  EXPECT_NEAR(loc->intensity.value.central.g_per_kwh(), 432.73, 0.01);
  EXPECT_EQ(loc->pue.value.central, 1.58);
  t.pue = "0.9";
  EXPECT_EQ(resolve_location_text(data(), t, ArgStyle::kKeyword).status().message().rfind("pue: 0.9 is outside", 0),
            0u);
  t = {};
  t.region = "Atlantis";
  auto bad = resolve_location_text(data(), t);
  EXPECT_EQ(bad.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(bad.status().message().rfind("--region: ", 0), 0u);
  t.year = 1066;
  EXPECT_EQ(resolve_location_text(data(), t, ArgStyle::kKeyword).status().message(),
            "year: 1066 is not a year such as 2023");
}

}  // namespace
}  // namespace carbonscope
