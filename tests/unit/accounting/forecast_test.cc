// The profile forecast: reproduces a repeating week, carries a recent level shift that
// fades, refuses short histories, and gives valid ranges from back-tests.
#include <cmath>

#include <gtest/gtest.h>

#include "accounting/forecast.h"

namespace carbonscope {
namespace {

constexpr UnixHour kMonday = 1656892800 / 3600;  // 2022-07-04T00:00Z, a Monday

// 10 weeks of a daily shape (300 + 100 sin) with weekends 50 lower.
HourlySeries weekly(double noise = 0) {
  HourlySeries s;
  s.zone = "Z";
  s.first = kMonday - 70 * 24;
  for (int h = 0; h < 70 * 24; ++h) {
    const UnixHour t = s.first + h;
    const bool weekend = ((t / 24 + 3) % 7) >= 5;
    const double v = 300 + 100 * std::sin(2 * M_PI * static_cast<double>(t % 24) / 24.0) -
                     (weekend ? 50 : 0) + noise * std::sin(12.9898 * h);
    s.g_per_kwh.push_back(static_cast<float>(v));
  }
  return s;
}

TEST(ProfileForecast, ReproducesARepeatingWeek) {
  const HourlySeries s = weekly();
  const auto f = profile_forecast(s, s.end(), 7 * 24);
  ASSERT_TRUE(f);
  for (int k = 0; k < 7 * 24; ++k) {
    const UnixHour t = s.end() + k;
    const bool weekend = ((t / 24 + 3) % 7) >= 5;
    EXPECT_NEAR((*f)[k],
                300 + 100 * std::sin(2 * M_PI * static_cast<double>(t % 24) / 24.0) - (weekend ? 50 : 0),
                0.01)
        << k;
  }
}

TEST(ProfileForecast, RecentLevelShiftFades) {
  HourlySeries s = weekly();
  for (UnixHour h = s.end() - 24; h < s.end(); ++h) s.g_per_kwh[static_cast<std::size_t>(h - s.first)] += 60;
  const auto base = profile_forecast(weekly(), s.end(), 72);
  const auto f = profile_forecast(s, s.end(), 72);
  ASSERT_TRUE(f && base);
  const double first = (*f)[0] - (*base)[0], later = (*f)[48] - (*base)[48];
  EXPECT_GT(first, 40);  // most of the +60 (the profile itself moved a little)
  EXPECT_LT(later, first * 0.2);
  EXPECT_GT(later, 0);
}

TEST(ProfileForecast, NeedsFourWeeksOfHistory) {
  HourlySeries s = weekly();
  s.g_per_kwh.resize(20 * 24);
  EXPECT_FALSE(profile_forecast(s, s.end(), 24));
  EXPECT_TRUE(profile_forecast(weekly(), weekly().end(), 24));
}

TEST(ProfileForecast, RangesAreValidAndWidenWithNoise) {
  const HourlySeries clean = weekly(), noisy = weekly(40);
  const auto a = profile_forecast_range(clean, clean.end(), 48);
  const auto b = profile_forecast_range(noisy, noisy.end(), 48);
  ASSERT_TRUE(a && b);
  double wa = 0, wb = 0;
  for (std::size_t k = 0; k < 48; ++k) {
    EXPECT_TRUE((*a)[k].is_valid());
    EXPECT_TRUE((*b)[k].is_valid());
    EXPECT_GE((*b)[k].low, 0);
    wa += (*a)[k].high - (*a)[k].low;
    wb += (*b)[k].high - (*b)[k].low;
  }
  EXPECT_LT(wa, 1.0);
  EXPECT_GT(wb, 20 * 48);
  const auto series = forecast_series(noisy, noisy.end(), 48);
  ASSERT_TRUE(series);
  EXPECT_EQ(series->origin, "forecast");
  EXPECT_EQ(series->first, noisy.end());
  EXPECT_EQ(series->g_per_kwh.size(), 48u);
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

TEST(ProfileForecast, RangeScaleWidensTheBackTestQuantiles) {
  HourlySeries s;
  s.zone = "Z";
  s.first = 1656892800 / 3600 - 70 * 24;
  for (int h = 0; h < 70 * 24; ++h)
    s.g_per_kwh.push_back(static_cast<float>(300 + 40 * std::sin(12.9898 * h)));
  ForecastOptions one, two;
  one.range_scale = 1;
  two.range_scale = 2;
  const auto a = profile_forecast_range(s, s.end(), 24, one);
  const auto b = profile_forecast_range(s, s.end(), 24, two);
  ASSERT_TRUE(a && b);
  for (std::size_t k = 0; k < 24; ++k) {
    EXPECT_DOUBLE_EQ((*a)[k].central, (*b)[k].central);
    EXPECT_NEAR((*b)[k].high - (*b)[k].central, 2 * ((*a)[k].high - (*a)[k].central), 1e-6) << k;
    EXPECT_GT((*b)[k].high, (*a)[k].high) << k;
  }
}

}  // namespace
}  // namespace carbonscope
