// Parsing of quantities typed by people, and the errors for bad input.
#include "carbonscope/parse.h"

#include <cmath>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

TEST(Parse, Durations) {
  EXPECT_DOUBLE_EQ(parse_duration("12h")->count(), 43200);
  EXPECT_DOUBLE_EQ(parse_duration("90min")->count(), 5400);
  EXPECT_DOUBLE_EQ(parse_duration("100ms")->count(), 0.1);
  EXPECT_DOUBLE_EQ(parse_duration("118d5h41m")->count(), 118 * 86400 + 5 * 3600 + 41 * 60);
  EXPECT_DOUBLE_EQ(parse_duration("1.5h")->count(), 5400);
}

TEST(Parse, BadDurationsSayTheAcceptedForm) {
  for (const char* bad : {"", "12", "0h", "-3h", "abc", "12parsecs", "nanh", "infh"}) {
    const auto r = parse_duration(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_NE(parse_duration("12").status().message().find("12h"), std::string::npos);
}

TEST(Parse, Powers) {
  EXPECT_DOUBLE_EQ(parse_power("400W")->watts(), 400);
  EXPECT_DOUBLE_EQ(parse_power("1.5kW")->watts(), 1500);
  EXPECT_DOUBLE_EQ(parse_power("1515.43")->watts(), 1515.43);
  EXPECT_FALSE(parse_power("0W").ok());
  EXPECT_FALSE(parse_power("-5W").ok());
  EXPECT_FALSE(parse_power("nan").ok());
  EXPECT_FALSE(parse_power("400 horses").ok());
}

TEST(Parse, Energies) {
  EXPECT_DOUBLE_EQ(parse_energy("433MWh")->kwh(), 433000);
  EXPECT_DOUBLE_EQ(parse_energy("3kWh")->kwh(), 3);
  EXPECT_FALSE(parse_energy("433").ok());  // no unit
}

TEST(Parse, Intensities) {
  EXPECT_DOUBLE_EQ(parse_intensity("57g")->g_per_kwh(), 57);
  EXPECT_DOUBLE_EQ(parse_intensity("57")->g_per_kwh(), 57);
  EXPECT_DOUBLE_EQ(parse_intensity("0.057kg/kWh")->g_per_kwh(), 57);
  EXPECT_NEAR(parse_intensity("0.954lb/kWh")->g_per_kwh(), 432.727, 1e-3);
  EXPECT_FALSE(parse_intensity("-1g").ok());
  EXPECT_FALSE(parse_intensity("57 furlongs").ok());
}

TEST(Parse, FractionsAndCounts) {
  EXPECT_DOUBLE_EQ(*parse_fraction("80%"), 0.8);
  EXPECT_DOUBLE_EQ(*parse_fraction("0.5"), 0.5);
  EXPECT_FALSE(parse_fraction("0").ok());
  EXPECT_FALSE(parse_fraction("120%").ok());
  EXPECT_EQ(*parse_count("384"), 384);
  EXPECT_FALSE(parse_count("0").ok());
  EXPECT_FALSE(parse_count("3.5").ok());
  EXPECT_FALSE(parse_count("-2").ok());
  EXPECT_DOUBLE_EQ(*parse_scaled_count("70B"), 70e9);
  EXPECT_DOUBLE_EQ(*parse_scaled_count("2T"), 2e12);
  EXPECT_DOUBLE_EQ(*parse_scaled_count("175e9"), 175e9);
}

TEST(ArgName, FlagOrKeyword) {
  EXPECT_EQ(arg_name(ArgStyle::kFlag, "device-hours"), "--device-hours");
  EXPECT_EQ(arg_name(ArgStyle::kKeyword, "device-hours"), "device_hours");
  EXPECT_EQ(arg_name(ArgStyle::kKeyword, "gpu"), "gpu");
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

TEST(Parse, EmissionsNeedAUnit) {
  EXPECT_DOUBLE_EQ(parse_emissions("2500kg")->kg(), 2500);
  EXPECT_DOUBLE_EQ(parse_emissions("11.2t")->kg(), 11200);
  EXPECT_DOUBLE_EQ(parse_emissions("150 kgCO2e")->kg(), 150);
  EXPECT_DOUBLE_EQ(parse_emissions("500g")->grams(), 500);
  EXPECT_NEAR(parse_emissions("1lb")->kg(), 0.45359237, 1e-12);
  EXPECT_FALSE(parse_emissions("2500").ok());
  EXPECT_FALSE(parse_emissions("-3kg").ok());
  EXPECT_NE(parse_emissions("3 parsecs").status().message().find("2500kg"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
