// Hourly series: the built-in tables (complete, cleaned, mapped), the table parser's
// errors, imported files, and ISO 8601 time parsing.
#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "carbonscope/data.h"
#include "carbonscope/hourly.h"

namespace carbonscope {
namespace {

constexpr std::int64_t kJul1_2022 = 1656633600;  // 2022-07-01T00:00Z

const HourlyData& builtin() {
  static const auto h = HourlyData::builtin();
  if (!h.ok()) {
    ADD_FAILURE() << h.status().to_string();
    std::abort();
  }
  return **h;
}

TEST(HourlyBuiltin, EveryShippedSeriesIsCompleteAndPlausible) {
  const std::vector<std::string> zones = {"AZPS", "BPAT", "CISO", "ERCO", "MISO",
                                          "NYIS", "PJM",  "SOCO", "GB"};
  ASSERT_EQ(builtin().all().size(), zones.size());
  for (const std::string& z : zones) {
    const auto s = builtin().series_of(z);
    ASSERT_EQ(s.size(), 1u) << z;
    const std::size_t expected = z == "GB" ? 366 * 24 : 365 * 24;
    EXPECT_EQ(s[0]->g_per_kwh.size(), expected) << z;
    EXPECT_TRUE(s[0]->covers(s[0]->first, static_cast<std::int64_t>(expected))) << z << " has a gap";
    EXPECT_FALSE(s[0]->source_id.empty());
    for (float v : s[0]->g_per_kwh) {
      ASSERT_GT(v, 5) << z;
      ASSERT_LT(v, 800) << z;
    }
  }
  EXPECT_EQ(builtin().series_of("pjm").size(), 1u);  // case-insensitive
}

TEST(HourlyBuiltin, CleaningRemovedThePjmOutage) {
  // EIA outage on 2022-10-01 05:00-08:00 gave ~45 g/kWh from 0.3% of the usual generation.
  const HourlySeries& pjm = *builtin().series_of("PJM")[0];
  const UnixHour oct1 = 1664582400 / 3600;
  for (int h = 5; h <= 8; ++h) EXPECT_GT(*pjm.at(oct1 + h), 250) << h;
  // GB's missing 29 Feb 2024 is filled.
  const HourlySeries& gb = *builtin().series_of("GB")[0];
  EXPECT_TRUE(gb.covers(1709164800 / 3600, 24));
}

TEST(HourlyBuiltin, KnownValues) {
  // First hours of the raw files: PJM 341.43, AZPS 632.x (rounded to integers).
  EXPECT_EQ(*builtin().series_of("PJM")[0]->at(1640995200 / 3600), 341);
  // GB 2024-01-01 00:00 and 00:30 actual: 63 and 64 -> 63.5 -> 64 (half away from zero).
  EXPECT_NEAR(*builtin().series_of("GB")[0]->at(1704067200 / 3600), 64, 0.5);
}

TEST(HourlyBuiltin, RegionMappingAsDocumented) {
  const auto zone = [](const char* p, const char* r) {
    const RegionGridZone* g = builtin().region_zone(p, r);
    return g == nullptr ? std::string("none") : g->grid_zone;
  };
  EXPECT_EQ(zone("aws", "us-east-1"), "PJM");
  EXPECT_EQ(zone("gcp", "us-east4"), "PJM");
  EXPECT_EQ(zone("aws", "us-west-2"), "BPAT");
  EXPECT_EQ(zone("gcp", "us-central1"), "MISO");
  EXPECT_EQ(zone("aws", "eu-west-2"), "GB");
  EXPECT_EQ(zone("gcp", "europe-west2"), "GB");
  EXPECT_EQ(zone("gcp", "us-west2"), "none");  // Los Angeles is LADWP, not in the shipped series
  // Every mapped region exists in the cloud table and has a source.
  const auto data = DataSet::builtin();
  ASSERT_TRUE(data.ok());
  for (const RegionGridZone& g : builtin().region_zones()) {
    EXPECT_TRUE((*data)->find_cloud_region(g.provider + ":" + g.region).ok())
        << g.provider << ":" << g.region;
    EXPECT_NE((*data)->source(g.source_id), nullptr) << g.source_id;
    EXPECT_FALSE(g.note.empty());
  }
  for (const HourlySeries& s : builtin().all())
    EXPECT_NE((*data)->source(s.source_id), nullptr) << s.source_id;
}

TEST(HourlyTables, ErrorsNameFileAndLine) {
  const std::string zones = "zone,name,parent,kind,source_id\nX,Test,US,balancing-authority,eia930\n";
  const std::string day = std::string("1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22|23|24");
  auto ok = HourlyData::from_texts({{"hourly_zones.csv", zones},
                                    {"hourly_intensity.csv", "zone,date,g_per_kwh\nX,2022-01-01," + day +
                                                                 "\nX,2022-01-02," + day + "\n"}});
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  EXPECT_EQ(ok->all()[0].g_per_kwh.size(), 48u);

  auto short_day = HourlyData::from_texts(
      {{"hourly_zones.csv", zones}, {"hourly_intensity.csv", "zone,date,g_per_kwh\nX,2022-01-01,1|2|3\n"}});
  ASSERT_FALSE(short_day.ok());
  EXPECT_NE(short_day.status().message().find("hourly_intensity.csv:2"), std::string::npos);
  EXPECT_NE(short_day.status().message().find("need 24"), std::string::npos);

  auto skipped = HourlyData::from_texts({{"hourly_zones.csv", zones},
                                         {"hourly_intensity.csv", "zone,date,g_per_kwh\nX,2022-01-01," + day +
                                                                      "\nX,2022-01-03," + day + "\n"}});
  ASSERT_FALSE(skipped.ok());
  EXPECT_NE(skipped.status().message().find("hourly_intensity.csv:3"), std::string::npos);
  EXPECT_NE(skipped.status().message().find("consecutive"), std::string::npos);

  auto unknown =
      HourlyData::from_texts({{"hourly_zones.csv", zones},
                              {"hourly_intensity.csv", "zone,date,g_per_kwh\nY,2022-01-01," + day + "\n"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("'Y'"), std::string::npos);
}

TEST(HourlyImport, ReadsPlainSeriesWithGaps) {
  char path[] = "/tmp/cs_hourly_XXXXXX";
  const int fd = mkstemp(path);
  ASSERT_GE(fd, 0);
  ::close(fd);
  std::ofstream(path)
      << "timestamp,g_per_kwh\n2022-07-01T00:00Z,100\n2022-07-01T01:00Z,120\n2022-07-01T03:00Z,90\n";
  auto s = read_imported_series(path, "FR");
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->first, kJul1_2022 / 3600);
  EXPECT_EQ(s->g_per_kwh.size(), 4u);
  EXPECT_FALSE(s->at(s->first + 2).has_value());  // the missing 02:00
  EXPECT_FALSE(s->covers(s->first, 4));
  EXPECT_TRUE(s->covers(s->first, 2));

  std::ofstream(path) << "timestamp,g_per_kwh\n2022-07-01T01:00Z,100\n2022-07-01T00:00Z,120\n";
  auto unsorted = read_imported_series(path, "FR");
  ASSERT_FALSE(unsorted.ok());
  EXPECT_NE(unsorted.status().message().find(":3:"), std::string::npos) << unsorted.status().message();
  std::remove(path);
}

TEST(UtcTime, ParsesZonesAndRejectsAmbiguity) {
  EXPECT_EQ(*parse_utc_time("2022-07-01T00:00Z"), kJul1_2022);
  EXPECT_EQ(*parse_utc_time("2022-07-01T02:00+02:00"), kJul1_2022);
  EXPECT_EQ(*parse_utc_time("2022-06-30T19:00-0500"), kJul1_2022);
  EXPECT_EQ(*parse_utc_time("2022-07-01 00:00:00+00:00"), kJul1_2022);
  EXPECT_EQ(*parse_utc_time("2022-07-01T00:00:00.000Z"), kJul1_2022);
  EXPECT_EQ(*parse_utc_time("2022-07-01", false, true), kJul1_2022);
  const auto no_zone = parse_utc_time("2022-07-01T00:00");
  ASSERT_FALSE(no_zone.ok());
  EXPECT_NE(no_zone.status().message().find("no time zone"), std::string::npos);
  EXPECT_EQ(*parse_utc_time("2022-07-01T00:00", true), kJul1_2022);
  EXPECT_FALSE(parse_utc_time("2022-02-30T00:00Z").ok());
  EXPECT_FALSE(parse_utc_time("2022-07-01T25:00Z").ok());
  EXPECT_FALSE(parse_utc_time("2022-07-01T00:00Zjunk").ok());
  EXPECT_FALSE(parse_utc_time("2022-07-01T00").ok());
  EXPECT_FALSE(parse_utc_time("2022-07-01").ok());  // a date needs allow_date
  EXPECT_EQ(format_utc_hour(kJul1_2022 / 3600 + 5), "2022-07-01T05:00Z");
  EXPECT_EQ(format_utc_date(kJul1_2022 / 3600 + 5), "2022-07-01");
  EXPECT_EQ(format_utc_hour(0), "1970-01-01T00:00Z");
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

// Mutated hourly tables parse or fail with a message; never crash.
TEST(HourlyTables, SurviveMutatedInput) {
  std::string days = "zone,date,g_per_kwh\n";
  for (int d = 1; d <= 3; ++d) {
    days += "X,2022-01-0" + std::to_string(d) + ",1|2|3|4|5|6|7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22|23|24\n";
  }
  const std::string zones = "zone,name,parent,kind,source_id\nX,Test,US,balancing-authority,eia930\n";
  std::uint32_t seed = 7;
  const auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int i = 0; i < 1000; ++i) {
    std::string text = days;
    const std::size_t at = next() % text.size();
    if (next() % 2) {
      text[at] = static_cast<char>(next() % 256);
    } else {
      text.erase(at, 1 + next() % 6);
    }
    auto r = HourlyData::from_texts({{"hourly_zones.csv", zones}, {"hourly_intensity.csv", text}});
    if (!r.ok()) {
      ASSERT_FALSE(r.status().message().empty());
    }
  }
}

}  // namespace
}  // namespace carbonscope
