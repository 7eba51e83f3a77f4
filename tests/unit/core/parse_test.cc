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

namespace carbonscope {
namespace {

// m is milli and M is mega: 700mW is 0.7 W, not 700 MW (newcomer report #2).
TEST(ParseSiCase, MilliAndMegaAreRead) {
  EXPECT_DOUBLE_EQ(parse_power("700mW")->watts(), 0.7);
  EXPECT_DOUBLE_EQ(parse_power("2MW")->watts(), 2e6);
  EXPECT_DOUBLE_EQ(parse_energy("5mWh")->wh(), 0.005);
  EXPECT_DOUBLE_EQ(parse_energy("0.3mWh")->wh(), 0.0003);
  EXPECT_DOUBLE_EQ(parse_energy("1mJ")->joules(), 1e-3);
  EXPECT_DOUBLE_EQ(parse_energy("1MJ")->joules(), 1e6);
  EXPECT_DOUBLE_EQ(parse_energy("433MWh")->kwh(), 433000);
  EXPECT_DOUBLE_EQ(parse_emissions("500mg")->grams(), 0.5);
  EXPECT_DOUBLE_EQ(parse_emissions("2mgCO2e")->grams(), 0.002);
  EXPECT_DOUBLE_EQ(parse_intensity("386kg/MWh")->g_per_kwh(), 386);
  EXPECT_NEAR(parse_intensity("1000lb/MWh")->g_per_kwh(), 453.59237, 1e-9);
  EXPECT_DOUBLE_EQ(parse_duration("5m")->count(), 300);
  EXPECT_DOUBLE_EQ(parse_duration("250ms")->count(), 0.25);
}

// Where no magnitude depends on the case, any case is read.
TEST(ParseSiCase, OtherLettersAreCaseFree) {
  EXPECT_DOUBLE_EQ(parse_energy("3kwh")->kwh(), 3);
  EXPECT_DOUBLE_EQ(parse_energy("3KWH")->kwh(), 3);
  EXPECT_DOUBLE_EQ(parse_power("1.5KW")->watts(), 1500);
  EXPECT_DOUBLE_EQ(parse_power("400w")->watts(), 400);
  EXPECT_DOUBLE_EQ(parse_energy("2gwh")->kwh(), 2e6);
  EXPECT_DOUBLE_EQ(parse_intensity("57gco2e/kwh")->g_per_kwh(), 57);
  EXPECT_DOUBLE_EQ(parse_emissions("3KG")->kg(), 3);
  EXPECT_DOUBLE_EQ(parse_duration("2H")->count(), 7200);
  EXPECT_DOUBLE_EQ(parse_duration("5MIN")->count(), 300);
  EXPECT_DOUBLE_EQ(*parse_scaled_count("350m"), 350e6);  // a count has no milli
  EXPECT_DOUBLE_EQ(*parse_scaled_count("70b"), 70e9);
}

// Where the case of m/M decides the magnitude, a wrong or lost case is refused with
// the exact forms, never guessed.
TEST(ParseSiCase, AmbiguousCaseIsRefused) {
  for (const char* bad : {"700Mw", "700mw"}) {
    const auto r = parse_power(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("mW (milliwatts) or MW (megawatts)"), std::string::npos)
        << r.status().message();
  }
  for (const char* bad : {"5MWH", "5mwh", "5Mwh", "1mj", "1Mj", "1MJ2"}) {
    EXPECT_FALSE(parse_energy(bad).ok()) << bad;
  }
  EXPECT_NE(parse_energy("5MWH").status().message().find("ambiguous"), std::string::npos);
  for (const char* bad : {"5MG", "5Mg", "5mG"}) EXPECT_FALSE(parse_emissions(bad).ok()) << bad;
  EXPECT_FALSE(parse_intensity("57g/mwh").ok());
  for (const char* bad : {"5M", "100MS", "100Ms", "100mS"}) {
    const auto r = parse_duration(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_NE(parse_duration("5M").status().message().find("min"), std::string::npos);
}

TEST(ParseDuration, ClockAndSlurmForms) {
  EXPECT_DOUBLE_EQ(parse_duration("02:30:00")->count(), 9000);
  EXPECT_DOUBLE_EQ(parse_duration("1-02:30:00")->count(), 86400 + 9000);
  EXPECT_DOUBLE_EQ(parse_duration("100:00:00")->count(), 360000);
  EXPECT_DOUBLE_EQ(parse_duration("0:00:01.5")->count(), 1.5);
  EXPECT_DOUBLE_EQ(parse_duration("10 h 30 min")->count(), 37800);
  EXPECT_DOUBLE_EQ(parse_duration("10hrs")->count(), 36000);
  EXPECT_DOUBLE_EQ(parse_duration("1w")->count(), 604800);
  for (const char* bad : {"2:30", "1-24:00:00", "00:60:00", "00:00:60", "1-2:3", "::", "1--02:30:00", "a:b:c",
                          "-1:00:00", "1:2:3", "00:00:00", "01:00:00x", "1-", "1-02:30:00.", "99999999999-00:00:00:00"}) {
    const auto r = parse_duration(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_NE(parse_duration("2:30").status().message().find("02:30:00"), std::string::npos);
}

TEST(ParseFraction, BareNumberAboveOneSuggestsPercent) {
  const auto r = parse_fraction("80");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("did you mean 80%?"), std::string::npos) << r.status().message();
  EXPECT_EQ(parse_fraction("120%").status().message().find("did you mean"), std::string::npos);
  EXPECT_EQ(parse_fraction("150").status().message().find("did you mean"), std::string::npos);
}

TEST(ParseMemory, GigabytesTerabytesMegabytes) {
  EXPECT_DOUBLE_EQ(*parse_memory_gb("64GB"), 64);
  EXPECT_DOUBLE_EQ(*parse_memory_gb("64gb"), 64);
  EXPECT_DOUBLE_EQ(*parse_memory_gb("64GiB"), 64);
  EXPECT_DOUBLE_EQ(*parse_memory_gb("64"), 64);
  EXPECT_DOUBLE_EQ(*parse_memory_gb("1TB"), 1000);
  EXPECT_DOUBLE_EQ(*parse_memory_gb("2T"), 2000);
  EXPECT_DOUBLE_EQ(*parse_memory_gb("512MB"), 0.512);
  for (const char* bad : {"lots", "64 parsecs", ""}) {
    const auto r = parse_memory_gb(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("64GB"), std::string::npos) << bad;
  }
  EXPECT_FALSE(parse_memory_gb("0GB").ok());
  EXPECT_FALSE(parse_memory_gb("-1GB").ok());
}

}  // namespace
}  // namespace carbonscope
