// The public plan (carbonscope/plan.h): the ranked table and the JSON document of the
// same request, and an error that names the flag.
#include "carbonscope/plan.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

constexpr double kJuly1 = 1656633600;  // 2022-07-01T00:00Z

PlanRequest energy_from_fr() {
  PlanRequest r;
  r.job.energy = "100kWh";
  r.from = "FR";
  r.within = {"Europe"};
  r.top = 3;
  return r;
}

TEST(PlanText, TheTableAndTheJsonOfOneRequest) {
  const auto data = DataSet::builtin().value();
  const auto hourly = HourlyData::builtin().value();
  const auto text = plan_text(*data, *hourly, energy_from_fr(), kJuly1);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(text->rfind("carbonscope plan\n", 0), 0u) << *text;
  EXPECT_EQ(text->back(), '\n');
  const auto json = plan_text(*data, *hourly, energy_from_fr(), kJuly1, PlanOutput::kJson);
  ASSERT_TRUE(json.ok()) << json.status().message();
  EXPECT_EQ(json->front(), '{');
  EXPECT_NE(json->find("\"carbonscope.plan/1\""), std::string::npos);
  EXPECT_EQ(json->back(), '\n');
}

TEST(PlanText, AnUnknownProviderIsAnErrorNamingTheFlag) {
  const auto data = DataSet::builtin().value();
  const auto hourly = HourlyData::builtin().value();
  PlanRequest r = energy_from_fr();
  r.providers = {"nowhere"};
  const auto text = plan_text(*data, *hourly, r, kJuly1);
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("--providers"), std::string::npos) << text.status().message();
}

}  // namespace
}  // namespace carbonscope
