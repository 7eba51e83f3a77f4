// The counterfactual of a run: its own hours read from its place's series, the best start
// within a day, the best allowed place (hourly where it has a series, else annual), and
// the energy timeline from power samples.
#include <gtest/gtest.h>

#include "unit/accounting/clean_hours_series.h"

#include "accounting/counterfactual.h"

namespace carbonscope {
namespace {

using test::kJuly1;
using test::run_at;

PlanPlace place(const std::string& key, double annual, const HourlySeries* s) {
  PlanPlace p;
  p.key = p.label = key;
  p.annual.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(annual));
  p.annual.provenance.region = key;
  p.annual.provenance.source_id = "t";
  p.pue.value = Range<double>::exact(1.0);
  p.hourly = s;
  return p;
}

TEST(Counterfactual, OwnHoursBestStartAndBestPlace) {
  const HourlySeries s = test::clean_mornings_2022();
  const Report r = run_at(kJuly1 + 10 * 3600, 2);  // 10:00-12:00: 400 g/kWh
  const PlanPlace own = place("here", 300, &s);
  const std::vector<PlanPlace> allowed{place("clean", 50, nullptr), place("dirty", 800, nullptr), own};
  const Counterfactual c = counterfactual(r, energy_timeline(r, {}), &own, allowed);
  ASSERT_TRUE(c.own_hours);
  EXPECT_EQ(c.own_hours->basis, "hourly");
  EXPECT_DOUBLE_EQ(c.own_hours->emissions.central.kg(), 4.0);  // 10 kWh x 400 g
  ASSERT_TRUE(c.best_time);
  EXPECT_DOUBLE_EQ(*c.best_time->start_unix, kJuly1 + 6 * 3600);  // of the clean starts, the nearest
  EXPECT_DOUBLE_EQ(c.best_time->emissions.central.kg(), 1.0);
  ASSERT_TRUE(c.best_region);
  EXPECT_EQ(c.best_region->place, "clean");
  EXPECT_EQ(c.best_region->basis, "annual");
  EXPECT_DOUBLE_EQ(c.best_region->emissions.central.kg(), 0.5);
  EXPECT_EQ(c.series.size(), 2u);
}

TEST(Counterfactual, TheTimelineWeighsTheHours) {
  const HourlySeries s = test::clean_mornings_2022();
  Report r = run_at(kJuly1 + 3 * 3600, 2);  // 03:00-05:00: one 400 hour, one 100 hour
  const PlanPlace own = place("here", 300, &s);
  // 3 kW in the first hour, 1 kW in the second: (3 x 400 + 1 x 100) / 4 = 325.
  const auto timeline = energy_timeline(r, {{3600, 3000}, {7200, 1000}});
  ASSERT_EQ(timeline.size(), 2u);
  const Counterfactual c = counterfactual(r, timeline, &own, {own});
  ASSERT_TRUE(c.own_hours);
  EXPECT_DOUBLE_EQ(c.own_hours->intensity.central.g_per_kwh(), 325);
  // Evenly drawn it would be 250.
  const Counterfactual even = counterfactual(r, energy_timeline(r, {}), &own, {own});
  EXPECT_DOUBLE_EQ(even.own_hours->intensity.central.g_per_kwh(), 250);
}

TEST(Counterfactual, ARunInAnotherYearIsAProfileEstimate) {
  const HourlySeries s = test::clean_mornings_2022();
  const Report r = run_at(1782864000 + 10 * 3600, 1);  // 2026-07-01
  const PlanPlace own = place("here", 300, &s);
  const Counterfactual c = counterfactual(r, energy_timeline(r, {}), &own, {own});
  ASSERT_TRUE(c.own_hours);
  EXPECT_EQ(c.own_hours->basis, "profile");
  EXPECT_NE(c.own_hours->data.find("profile estimate"), std::string::npos);
  ASSERT_TRUE(c.best_time);
  EXPECT_EQ(c.best_time->basis, "profile");
}

TEST(Counterfactual, NoSeriesSaysSoAndEstimatesUseAnnualFigures) {
  Report r = run_at(kJuly1, 1);
  const PlanPlace own = place("here", 300, nullptr);
  const Counterfactual c = counterfactual(r, energy_timeline(r, {}), &own, {own});
  EXPECT_FALSE(c.own_hours);
  EXPECT_FALSE(c.best_time);
  ASSERT_FALSE(c.notes.empty());
  EXPECT_NE(c.notes.front().find("no hourly series"), std::string::npos);
  const HourlySeries s = test::clean_mornings_2022();
  r.run.kind = RunKind::kEstimate;
  const Counterfactual e = counterfactual(r, energy_timeline(r, {}), nullptr, {place("h", 300, &s)});
  ASSERT_TRUE(e.best_region);
  EXPECT_EQ(e.best_region->basis, "annual");
}

}  // namespace
}  // namespace carbonscope
