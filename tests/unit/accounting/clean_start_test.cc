// The best start before a deadline (accounting/clean_start.h) and reading a job's hours
// from a series directly or as a whole-week profile (accounting/hourly_profile.h).
#include <cmath>

#include <gtest/gtest.h>

#include "unit/accounting/clean_hours_series.h"

#include "accounting/clean_start.h"
#include "accounting/hourly_profile.h"

namespace carbonscope {
namespace {

using test::kJuly1;

constexpr UnixHour kJuly1H = 1656633600 / 3600;

TEST(HourlyProfile, OwnHoursWhenTheSeriesHasThem) {
  const HourlySeries s = test::clean_mornings_2022();
  const auto r = hourly_intensity(s, {{kJuly1 + 4 * 3600, kJuly1 + 6 * 3600, 1}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->basis, "hourly");
  EXPECT_EQ(r->reading.shift_h, 0);
  EXPECT_DOUBLE_EQ(r->intensity.central.g_per_kwh(), 100);
  EXPECT_DOUBLE_EQ(r->intensity.high.g_per_kwh(), 250);  // an hour earlier: 400 then 100
  EXPECT_NE(r->data.find("Z 2022 [test]"), std::string::npos) << r->data;
}

TEST(HourlyProfile, EnergyWeightedOverPieces) {
  const HourlySeries s = test::clean_mornings_2022();
  // 3 units in a 100 hour and 1 unit in a 400 hour: (300 + 400) / 4.
  const auto v = weighted_intensity(
      {&s, 0}, {{kJuly1 + 4 * 3600, kJuly1 + 5 * 3600, 3}, {kJuly1 + 8 * 3600, kJuly1 + 9 * 3600, 1}});
  ASSERT_TRUE(v);
  EXPECT_DOUBLE_EQ(*v, 175);
  // Half of a piece in each of two hours.
  const auto half = weighted_intensity({&s, 0}, {{kJuly1 + 3.5 * 3600, kJuly1 + 4.5 * 3600, 2}});
  ASSERT_TRUE(half);
  EXPECT_DOUBLE_EQ(*half, 250);
}

TEST(HourlyProfile, AnotherYearIsReadAsTheSameWeekdaysNearTheSameDate) {
  const HourlySeries s = test::clean_mornings_2022();
  const double july1_2026 = 1782864000;  // 2026-07-01T00:00Z, a Wednesday
  const auto r = hourly_intensity(s, {{july1_2026 + 4 * 3600, july1_2026 + 6 * 3600, 1}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->basis, "profile");
  EXPECT_EQ(r->reading.shift_h % 168, 0);
  // Same weekday and UTC hour, within half a week of the same date in 2022.
  const UnixHour read_at = static_cast<UnixHour>(july1_2026 / 3600) - r->reading.shift_h;
  EXPECT_EQ((read_at / 24 + 4) % 7, (static_cast<UnixHour>(july1_2026 / 3600) / 24 + 4) % 7);
  EXPECT_LE(std::abs(static_cast<double>(read_at - (kJuly1H - 24))), 3.5 * 24);  // near 2022-06-30
  EXPECT_DOUBLE_EQ(r->intensity.central.g_per_kwh(), 100);
  EXPECT_NE(r->data.find("profile estimate"), std::string::npos);
}

TEST(HourlyProfile, RecentWeeksBeatTheSameWeekAYearAgo) {
  HourlySeries s = test::clean_mornings_2022();
  // The week after the series: read one week back, not 52.
  const auto r = reading_for(s, s.end() + 10, 5);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->shift_h, 168);
}

TEST(HourlyProfile, GapsAndShortSeriesGiveNothing) {
  HourlySeries s = test::clean_mornings_2022();
  s.g_per_kwh.resize(100);
  EXPECT_FALSE(reading_for(s, s.first + 2000, 200));  // longer than the series
  HourlySeries g = test::clean_mornings_2022();
  g.g_per_kwh[static_cast<std::size_t>(kJuly1H - g.first) + 5] = NAN;
  EXPECT_FALSE(weighted_intensity({&g, 0}, {{kJuly1 + 4 * 3600, kJuly1 + 6 * 3600, 1}}));
}

TEST(CleanStart, WaitsForTheCleanHours) {
  const HourlySeries s = test::clean_mornings_2022();
  const auto c = choose_clean_start(&s, {kJuly1 + 30 * 60, kJuly1 + 10 * 3600, Duration(2 * 3600)});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_FALSE(c->at_once);
  EXPECT_DOUBLE_EQ(c->start_unix, kJuly1 + 4 * 3600);  // the first of the two clean starts
  EXPECT_DOUBLE_EQ(c->best->intensity.central.g_per_kwh(), 100);
  EXPECT_DOUBLE_EQ(c->now->intensity.central.g_per_kwh(), 400);
  EXPECT_DOUBLE_EQ(c->saving_percent(), 75);
  EXPECT_EQ(c->starts, 9u);  // now, and 01:00 to 08:00
}

TEST(CleanStart, StartsNowWhenNowIsCleanest) {
  const HourlySeries s = test::clean_mornings_2022();
  const auto c = choose_clean_start(&s, {kJuly1 + 4 * 3600, kJuly1 + 12 * 3600, Duration(3600)});
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->at_once);
  EXPECT_DOUBLE_EQ(c->saving_percent(), 0);
}

TEST(CleanStart, NoSeriesStartsAtOnceAndSaysWhy) {
  const auto c = choose_clean_start(nullptr, {kJuly1, kJuly1 + 8 * 3600, Duration(3600)});
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->at_once);
  EXPECT_FALSE(c->best);
  EXPECT_NE(c->reason.find("no hourly series"), std::string::npos);
}

TEST(CleanStart, ImpossibleWindowsAreRefused) {
  const HourlySeries s = test::clean_mornings_2022();
  auto before = choose_clean_start(&s, {kJuly1, kJuly1 - 3600, Duration(3600)});
  ASSERT_FALSE(before.ok());
  EXPECT_NE(before.status().message().find("not after now"), std::string::npos);
  auto longer = choose_clean_start(&s, {kJuly1, kJuly1 + 3600, Duration(2 * 3600)});
  ASSERT_FALSE(longer.ok());
  EXPECT_NE(longer.status().message().find("does not fit"), std::string::npos);
  EXPECT_NE(longer.status().message().find("2022-07-01T02:00Z"), std::string::npos);
  EXPECT_FALSE(choose_clean_start(&s, {kJuly1, kJuly1 + 3600, Duration(0)}).ok());
}

}  // namespace
}  // namespace carbonscope
