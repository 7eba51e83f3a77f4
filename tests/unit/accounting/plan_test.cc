// The planner's pure functions: window means, best start per place, the joint choice
// of place x start, annual fallbacks, and the exact emissions identity.
#include <cmath>

#include <gtest/gtest.h>

#include "accounting/plan.h"

namespace carbonscope {
namespace {

HourlySeries series(std::vector<float> v, UnixHour first = 1000) {
  HourlySeries s;
  s.zone = "Z";
  s.source_id = "test";
  s.first = first;
  s.g_per_kwh = std::move(v);
  return s;
}

PlanPlace place(std::string key, double annual, double pue, const HourlySeries* hourly) {
  PlanPlace p;
  p.key = p.label = std::move(key);
  p.provider = "test";
  p.annual.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(annual));
  p.annual.provenance = {Method::kReference, "src", "annual", "Z", 2022};
  p.pue.value = Range<double>::exact(pue);
  p.hourly = hourly;
  return p;
}

PlanJob job(double kwh, double h) { return {Range<Energy>::exact(Energy::kwh(kwh)), from_hours(h)}; }

TEST(PlanWindowMean, WeighsThePartialLastHour) {
  const HourlySeries s = series({100, 200, 400, 800});
  EXPECT_DOUBLE_EQ(*window_mean(s, 1000, from_hours(2)), 150);
  EXPECT_DOUBLE_EQ(*window_mean(s, 1001, from_hours(1.5)), (200 + 0.5 * 400) / 1.5);
  EXPECT_DOUBLE_EQ(*window_mean(s, 1003, from_hours(0.25)), 800);
  EXPECT_FALSE(window_mean(s, 1003, from_hours(2)).has_value());  // runs past the end
  EXPECT_FALSE(window_mean(s, 999, from_hours(1)).has_value());   // starts before it
  HourlySeries gap = series({100, NAN, 100});
  EXPECT_FALSE(window_mean(gap, 1000, from_hours(3)).has_value());
  EXPECT_EQ(job_hours(job(1, 10.5)), 11);
  EXPECT_EQ(job_hours(job(1, 10)), 10);
}

TEST(PlanRank, FindsTheCleanestStartAndPlace) {
  // Place A: dirty at first, clean from hour 1003; place B: flat 300.
  const HourlySeries a = series({500, 500, 500, 100, 100, 100, 500, 500});
  const HourlySeries b = series({300, 300, 300, 300, 300, 300, 300, 300});
  const std::vector<PlanPlace> places = {place("B", 300, 1.0, &b), place("A", 400, 1.0, &a)};
  const auto ranked = rank_places(places, job(10, 3), PlanWindow{1001, 1004});
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].place->key, "A");
  ASSERT_TRUE(ranked[0].start);
  EXPECT_EQ(*ranked[0].start, 1003);
  EXPECT_TRUE(ranked[0].hourly);
  EXPECT_DOUBLE_EQ(ranked[0].intensity.central.g_per_kwh(), 100);
  // The range: one hour earlier (500+100+100)/3 or later (100+100+500)/3.
  EXPECT_NEAR(ranked[0].intensity.high.g_per_kwh(), 700.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(ranked[0].intensity.low.g_per_kwh(), 100);
  // Started at the window's start (1001): (500+500+100)/3 x 10 kWh.
  ASSERT_TRUE(ranked[0].at_earliest);
  EXPECT_NEAR(ranked[0].at_earliest->central.grams(), 10 * 1100.0 / 3, 1e-6);
  EXPECT_EQ(ranked[1].place->key, "B");
  EXPECT_DOUBLE_EQ(ranked[1].emissions.central.grams(), 3000);
}

TEST(PlanRank, EmissionsAreEnergyTimesPueTimesIntensity) {
  const HourlySeries a = series({120, 80, 60, 90, 200, 210});
  const std::vector<PlanPlace> places = {place("A", 400, 1.25, &a)};
  PlanJob j = job(7, 2);
  j.it_energy = Range<Energy>::of(Energy::kwh(7), Energy::kwh(6), Energy::kwh(9));
  for (const auto& w : {std::optional<PlanWindow>(), std::optional<PlanWindow>(PlanWindow{1000, 1004})}) {
    const PlanOption o = rank_places(places, j, w)[0];
    EXPECT_NEAR(o.emissions.central.grams(), 7 * 1.25 * o.intensity.central.g_per_kwh(), 1e-9);
    EXPECT_NEAR(o.emissions.low.grams(), 6 * 1.25 * o.intensity.low.g_per_kwh(), 1e-9);
    EXPECT_NEAR(o.emissions.high.grams(), 9 * 1.25 * o.intensity.high.g_per_kwh(), 1e-9);
    EXPECT_TRUE(o.emissions.is_valid());
  }
}

TEST(PlanRank, WithoutHourlyDataTheAnnualFigureIsUsedAndSaid) {
  const HourlySeries a = series({100, 100, 100}, 5000);  // does not cover the window
  const std::vector<PlanPlace> places = {place("covered-elsewhere", 200, 1.0, &a),
                                         place("none", 250, 1.0, nullptr)};
  const auto ranked = rank_places(places, job(1, 2), PlanWindow{1000, 1003});
  ASSERT_EQ(ranked.size(), 2u);
  for (const PlanOption& o : ranked) {
    EXPECT_FALSE(o.hourly);
    EXPECT_FALSE(o.note.empty());
    EXPECT_NE(o.note.find("annual"), std::string::npos) << o.note;
  }
  EXPECT_DOUBLE_EQ(ranked[0].intensity.central.g_per_kwh(), 200);
  EXPECT_NE(ranked[0].note.find("does not cover"), std::string::npos) << ranked[0].note;
  EXPECT_NE(ranked[1].note.find("no hourly series"), std::string::npos) << ranked[1].note;
  // Without a window the annual figure is the plan, with no note.
  const auto where = rank_places(places, job(1, 2), std::nullopt);
  EXPECT_TRUE(where[0].note.empty());
  EXPECT_FALSE(where[0].start.has_value());
}

TEST(PlanEvaluate, AStartOutsideTheSeriesFallsBack) {
  const HourlySeries a = series({100, 300, 300, 300});
  const PlanPlace p = place("A", 999, 1.0, &a);
  const PlanOption in = evaluate_place(p, job(1, 1), 1000);
  EXPECT_TRUE(in.hourly);
  EXPECT_DOUBLE_EQ(in.intensity.central.g_per_kwh(), 100);
  const PlanOption out = evaluate_place(p, job(1, 1), 2000);
  EXPECT_FALSE(out.hourly);
  EXPECT_DOUBLE_EQ(out.intensity.central.g_per_kwh(), 999);
  EXPECT_FALSE(out.note.empty());
}

}  // namespace
}  // namespace carbonscope
