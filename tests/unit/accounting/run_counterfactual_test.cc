// The public counterfactual of a run (carbonscope/counterfactual.h) in the built-in
// tables: a cloud run is compared with its provider's regions, a private machine with
// its continent's places, and the run's own hours come from its place's series.
#include "carbonscope/counterfactual.h"

#include <gtest/gtest.h>

#include "unit/accounting/clean_hours_series.h"

namespace carbonscope {
namespace {

using test::kJuly1;

Report run_at(Place place, double start, double hours) {
  Report r = test::run_at(start, hours);
  r.run.place = std::move(place);
  return r;
}

TEST(RunCounterfactual, ACloudRunIsComparedWithItsProvidersRegions) {
  const auto data = DataSet::builtin().value();
  const auto hourly = HourlyData::builtin().value();
  Place p;
  p.cloud_provider = "aws";
  p.cloud_region = "us-east-1";
  const auto c = run_counterfactual(*data, *hourly, run_at(p, kJuly1 + 10 * 3600, 2), {});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->region_scope, "aws regions");
  ASSERT_TRUE(c->own_hours.has_value());  // PJM's hourly series covers July 2022
  EXPECT_EQ(c->own_hours->basis, "hourly");
  ASSERT_TRUE(c->best_region.has_value());
  EXPECT_EQ(c->best_region->place.rfind("aws:", 0), 0u) << c->best_region->place;
  EXPECT_LE(c->best_region->emissions.central.kg(), c->own_hours->emissions.central.kg());
}

TEST(RunCounterfactual, APrivateMachineIsComparedWithinItsContinent) {
  const auto data = DataSet::builtin().value();
  const auto hourly = HourlyData::builtin().value();
  Place p;
  p.zone = "FR";
  const auto c = run_counterfactual(*data, *hourly, run_at(p, kJuly1, 1), {{0, 1000}, {1800, 3000}, {3600, 1000}});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->region_scope, "the regions and zones in Europe");
  ASSERT_TRUE(c->best_region.has_value());
}

}  // namespace
}  // namespace carbonscope
