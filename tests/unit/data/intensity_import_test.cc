// Importers of hourly intensity exports: each format on a small sample
// (tests/fixtures/intensity), detection, hourly averaging, and errors with file:line.
#include <cmath>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "carbonscope/intensity_import.h"

namespace carbonscope {
namespace {

constexpr UnixHour kMar1_2025 = 1740787200 / 3600;  // 2025-03-01T00:00Z

std::string fixture(const std::string& name) {
  return std::string(CARBONSCOPE_FIXTURES) + "/intensity/" + name;
}

Result<ImportedSeries> load(const std::string& name, IntensityFormat f = IntensityFormat::kAuto) {
  std::ifstream in(fixture(name), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return import_intensity(name, ss.str(), f);
}

TEST(IntensityImport, ElectricityMapsUsesTheLifeCycleColumn) {
  auto r = load("electricitymaps.csv");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->format, IntensityFormat::kElectricityMaps);
  EXPECT_EQ(r->zone_hint, "FR");
  EXPECT_EQ(r->series.first, kMar1_2025);
  EXPECT_EQ(r->series.g_per_kwh.size(), 6u);
  EXPECT_DOUBLE_EQ(*r->series.at(kMar1_2025), 40.5);
  EXPECT_FALSE(r->series.at(kMar1_2025 + 2).has_value());  // empty row: a gap
  EXPECT_EQ(r->rows, 5u);
}

TEST(IntensityImport, WattTimeIsConvertedAndAveraged) {
  auto r = load("watttime.csv");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->format, IntensityFormat::kWattTime);
  EXPECT_EQ(r->zone_hint, "CAISO_NORTH");
  ASSERT_EQ(r->series.g_per_kwh.size(), 2u);
  EXPECT_NEAR(*r->series.at(kMar1_2025), 1000 * 0.45359237, 1e-3);
  EXPECT_NEAR(*r->series.at(kMar1_2025 + 1), 500 * 0.45359237, 1e-3);
  EXPECT_EQ(r->rows, 24u);
}

TEST(IntensityImport, UkCarbonIntensityApiHalfHoursToHours) {
  auto r = load("uk_carbon_intensity.json");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->format, IntensityFormat::kUkCarbonIntensity);
  const UnixHour may1 = 1714521600 / 3600;
  EXPECT_EQ(r->series.first, may1);
  EXPECT_DOUBLE_EQ(*r->series.at(may1), 110);     // (100 + 120) / 2
  EXPECT_DOUBLE_EQ(*r->series.at(may1 + 1), 80);  // forecast 90 (no actual) and actual 70
  bool said = false;
  for (const std::string& n : r->notes) said = said || n.find("forecast was used") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(IntensityImport, CarbonAwareSdkAndPlain) {
  auto sdk = load("carbon_aware_sdk.json");
  ASSERT_TRUE(sdk.ok()) << sdk.status().to_string();
  EXPECT_EQ(sdk->format, IntensityFormat::kCarbonAwareSdk);
  EXPECT_EQ(sdk->zone_hint, "eastus");
  EXPECT_DOUBLE_EQ(*sdk->series.at(kMar1_2025 + 1), 350.5);
  auto plain = load("plain.csv");
  ASSERT_TRUE(plain.ok()) << plain.status().to_string();
  EXPECT_EQ(plain->format, IntensityFormat::kPlain);
  EXPECT_EQ(plain->series.g_per_kwh.size(), 5u);
  // Round trip through the import file format.
  const std::string csv = series_csv(plain->series);
  EXPECT_EQ(csv.substr(0, 38), "timestamp,g_per_kwh\n2025-03-01T00:00Z,");
  auto again = import_intensity("again.csv", csv);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->series.g_per_kwh, plain->series.g_per_kwh);
}

TEST(IntensityImport, BadRowsNameFileAndLine) {
  auto bad = load("bad_value.csv");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad_value.csv:3: 'lots'"), std::string::npos)
      << bad.status().message();
  auto dup = load("duplicate.csv");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("duplicate.csv:4: duplicate time"), std::string::npos)
      << dup.status().message();
  EXPECT_NE(dup.status().message().find("duplicate.csv:2"), std::string::npos);
  auto tz = load("no_zone.csv");
  ASSERT_FALSE(tz.ok());
  EXPECT_NE(tz.status().message().find("no_zone.csv:2"), std::string::npos);
  EXPECT_NE(tz.status().message().find("no time zone"), std::string::npos);
  auto wrong = load("plain.csv", IntensityFormat::kElectricityMaps);
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.status().message().find("plain.csv:1: not a electricitymaps file"), std::string::npos)
      << wrong.status().message();
  EXPECT_FALSE(import_intensity("x.json", "{\"data\": [{\"from\": 3}]}").ok());
  EXPECT_FALSE(import_intensity("x.json", "{not json").ok());
  EXPECT_FALSE(import_intensity("x.csv", "timestamp,g_per_kwh\n").ok());  // no values
  EXPECT_FALSE(import_intensity("x.csv", "timestamp,g_per_kwh\n2025-03-01T00:00Z,-4\n").ok());
  EXPECT_FALSE(parse_format_name("excel").ok());
  EXPECT_EQ(*parse_format_name("WattTime"), IntensityFormat::kWattTime);
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

// Mutated samples (bytes flipped, dropped, duplicated; deterministic seed) either parse
// or fail with a message: never crash, never a value outside the stated range.
// A regional UK document whose "shortname" is not text: no zone hint, and no
// nlohmann type_error escaping from get<std::string>().
TEST(IntensityImport, NonTextShortnameIsIgnored) {
  const std::string doc =
      "{\"data\": [{\"shortname\": 7, \"data\": [{\"from\": \"2024-05-01T00:00Z\", "
      "\"intensity\": {\"actual\": 100}}]}]}";
  Result<ImportedSeries> r = Status::internal("unset");
  ASSERT_NO_THROW(r = import_intensity("regional.json", doc));
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->zone_hint, "");
}

TEST(IntensityImport, SurvivesMutatedInput) {
  std::uint32_t seed = 12345;
  const auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (const char* name : {"electricitymaps.csv", "watttime.csv", "uk_carbon_intensity.json",
                           "carbon_aware_sdk.json", "plain.csv"}) {
    std::ifstream in(fixture(name), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string original = ss.str();
    for (int i = 0; i < 400; ++i) {
      std::string text = original;
      for (int k = 0; k < 1 + static_cast<int>(next() % 4); ++k) {
        const std::size_t at = next() % text.size();
        switch (next() % 3) {
          case 0: text[at] = static_cast<char>(next() % 256); break;
          case 1: text.erase(at, 1 + next() % 8); break;
          default: text.insert(at, text.substr(at, 1 + next() % 16)); break;
        }
        if (text.empty()) text = "x";
      }
      auto r = import_intensity(name, text);
      if (r.ok()) {
        for (float v : r->series.g_per_kwh) {
          if (!std::isnan(v)) {
            ASSERT_TRUE(v >= 0 && v <= 2000) << name;
          }
        }
      } else {
        ASSERT_FALSE(r.status().message().empty());
      }
      (void)parse_utc_time(text.substr(0, std::min<std::size_t>(text.size(), 30)));
    }
  }
}

}  // namespace
}  // namespace carbonscope
