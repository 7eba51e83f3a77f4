// The public clean start (carbonscope/clean_start.h): the place resolved to its hourly
// series in the built-in tables, then the best start; without a place, at once.
#include "carbonscope/clean_start.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

constexpr double kJuly1 = 1656633600;  // 2022-07-01T00:00Z

TEST(PlanCleanStart, ACloudRegionWaitsForItsGridsCleanHours) {
  const auto data = DataSet::builtin().value();
  const auto hourly = HourlyData::builtin().value();
  const auto c =
      plan_clean_start(*data, hourly.get(), {kJuly1, kJuly1 + 8 * 3600, Duration(2 * 3600), "aws:us-east-1", 0});
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->place, "aws:us-east-1 (Northern Virginia)");
  ASSERT_TRUE(c->has_data);
  EXPECT_NE(c->data.find("PJM"), std::string::npos) << c->data;
  EXPECT_FALSE(c->at_once);
  EXPECT_EQ(c->starts, 7u);  // now and 01:00 to 06:00: a 2 h job ends by 08:00
  EXPECT_GT(c->start_unix, kJuly1);
  EXPECT_LT(c->best.central.g_per_kwh(), c->now.central.g_per_kwh());
  EXPECT_DOUBLE_EQ(c->saving_percent,
                   100 * (1 - c->best.central.g_per_kwh() / c->now.central.g_per_kwh()));
}

TEST(PlanCleanStart, NoPlaceStartsAtOnceAndAnUnknownOneIsAnError) {
  const auto data = DataSet::builtin().value();
  const auto none = plan_clean_start(*data, nullptr, {kJuly1, kJuly1 + 8 * 3600, Duration(3600), "", 0});
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_EQ(none->place, "this machine");
  EXPECT_FALSE(none->has_data);
  EXPECT_TRUE(none->at_once);
  EXPECT_FALSE(none->reason.empty());

  const auto hourly = HourlyData::builtin().value();
  EXPECT_FALSE(plan_clean_start(*data, hourly.get(), {kJuly1, kJuly1 + 8 * 3600, Duration(3600), "aws:nowhere-1", 0})
                   .ok());
  EXPECT_FALSE(plan_clean_start(*data, nullptr, {kJuly1, kJuly1 + 8 * 3600, Duration(3600), "FR", 0}).ok());
  // The window is checked after the place: a job longer than it is refused.
  const auto longer =
      plan_clean_start(*data, hourly.get(), {kJuly1, kJuly1 + 3600, Duration(2 * 3600), "aws:us-east-1", 0});
  ASSERT_FALSE(longer.ok());
  EXPECT_NE(longer.status().message().find("does not fit"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
