// Cost of `carbonscope plan`: the ranking alone for 300 places x 48 start hours (the
// issue's target: under 50 ms), with and without --near/--weigh, the whole done-when
// plan on the built-in tables, and the first parse of the embedded hourly series.
#include <benchmark/benchmark.h>

#include <cmath>

#include "accounting/plan.h"
#include "accounting/plan_request.h"
#include "accounting/plan_weigh.h"
#include "data/embedded.h"

namespace carbonscope {
namespace {

struct SyntheticPlaces {
  std::vector<HourlySeries> series;
  std::vector<PlanPlace> places;
};

// `n` places with an hourly series of `starts` + 16 hours each, spread over the globe.
SyntheticPlaces synthetic(std::size_t n, std::int64_t starts) {
  std::vector<HourlySeries> series(n);
  std::vector<PlanPlace> places(n);
  for (std::size_t i = 0; i < n; ++i) {
    series[i].zone = "Z" + std::to_string(i);
    series[i].first = 460000;
    for (std::int64_t h = 0; h < starts + 16; ++h) {
      series[i].g_per_kwh.push_back(
          static_cast<float>(300 + 150 * std::sin(0.26 * static_cast<double>(h) + i)));
    }
    places[i].key = series[i].zone;
    places[i].annual.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(300));
    places[i].pue.value = Range<double>::of(1.1, 1.05, 1.2);
    places[i].hourly = &series[i];
    places[i].point = GeoPoint{-60 + 120.0 * static_cast<double>(i) / static_cast<double>(n),
                               -180 + 360.0 * std::fmod(0.618 * static_cast<double>(i), 1.0)};
  }
  return {std::move(series), std::move(places)};
}

void BM_RankPlaces(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::int64_t starts = state.range(1);
  const SyntheticPlaces s = synthetic(n, starts);
  const std::vector<PlanPlace>& places = s.places;
  const double job_h = 10.5;
  const PlanJob job{Range<Energy>::of(Energy::kwh(56), Energy::kwh(50), Energy::kwh(60)), from_hours(job_h)};
  const PlanWindow window{460001, 460001 + starts - 1};
  for (auto _ : state) benchmark::DoNotOptimize(rank_places(places, job, window));
}
BENCHMARK(BM_RankPlaces)->Args({300, 48})->Unit(benchmark::kMillisecond);

// The same ranking with what --near and --weigh add: each option's great-circle
// distance, the min-max scaling and the sort by score.
void BM_RankPlacesNearWeighed(benchmark::State& state) {
  const SyntheticPlaces s = synthetic(static_cast<std::size_t>(state.range(0)), state.range(1));
  const PlanJob job{Range<Energy>::of(Energy::kwh(56), Energy::kwh(50), Energy::kwh(60)), from_hours(10.5)};
  const PlanWindow window{460001, 460001 + state.range(1) - 1};
  const GeoPoint near{51.51, -0.13};
  const PlanWeights weights{1, 0.3};
  for (auto _ : state) {
    std::vector<PlanOption> o = rank_places(s.places, job, window);
    for (PlanOption& x : o) x.distance_km = great_circle_km(near, *x.place->point);
    weigh_options(o, weights);
    benchmark::DoNotOptimize(o);
  }
}
BENCHMARK(BM_RankPlacesNearWeighed)->Args({300, 48})->Unit(benchmark::kMillisecond);

// The done-when plan: 8 x H100 SXM for 10 h from aws:us-east-1, within the US,
// starting between 2022-07-01 and 2022-07-03.
PlanRequest done_when_request() {
  PlanRequest r;
  r.job.gpu = "H100 SXM";
  r.job.count = "8";
  r.job.hours = "10";
  r.from = "aws:us-east-1";
  r.within = {"US"};
  r.start_after = "2022-07-01T00:00Z";
  r.deadline = "2022-07-03T00:00Z";
  return r;
}

void BM_RunPlanDoneWhen(benchmark::State& state) {
  const auto data = DataSet::builtin();
  const auto hourly = HourlyData::builtin();
  const PlanRequest r = done_when_request();
  for (auto _ : state) benchmark::DoNotOptimize(run_plan(**data, **hourly, r, 0));
}
BENCHMARK(BM_RunPlanDoneWhen)->Unit(benchmark::kMillisecond);

// The done-when plan with --near "New York City" --weigh carbon=1,distance=0.3 (the
// gazetteer is parsed once, on first use, as in one process).
void BM_RunPlanDoneWhenNear(benchmark::State& state) {
  const auto data = DataSet::builtin();
  const auto hourly = HourlyData::builtin();
  PlanRequest r = done_when_request();
  r.near = "New York City";
  r.weigh = "carbon=1,distance=0.3";
  for (auto _ : state) benchmark::DoNotOptimize(run_plan(**data, **hourly, r, 0));
}
BENCHMARK(BM_RunPlanDoneWhenNear)->Unit(benchmark::kMillisecond);

// First parse of the embedded gazetteer and region coordinates (once per process).
void BM_ParseEmbeddedGeo(benchmark::State& state) {
  std::string_view cities, regions;
  for (const embedded::File& f : embedded::files()) {
    if (f.name == "cities.csv") cities = f.contents;
    if (f.name == "region_locations.csv") regions = f.contents;
  }
  for (auto _ : state) benchmark::DoNotOptimize(GeoTables::from_texts(cities, regions));
}
BENCHMARK(BM_ParseEmbeddedGeo)->Unit(benchmark::kMillisecond);

void BM_RunPlanAllPlaces(benchmark::State& state) {
  const auto data = DataSet::builtin();
  const auto hourly = HourlyData::builtin();
  PlanRequest r;
  r.job.gpu = "H100 SXM";
  r.job.count = "8";
  r.job.hours = "10";
  r.from = "aws:us-east-1";
  r.start_after = "2022-07-01T00:00Z";
  r.deadline = "2022-07-03T00:00Z";
  for (auto _ : state) benchmark::DoNotOptimize(run_plan(**data, **hourly, r, 0));
}
BENCHMARK(BM_RunPlanAllPlaces)->Unit(benchmark::kMillisecond);

void BM_ParseEmbeddedHourly(benchmark::State& state) {
  std::map<std::string, std::string> files;
  for (const embedded::File& f : embedded::files()) {
    if (f.name.starts_with("hourly_") || f.name == "region_grid_zones.csv") {
      files.emplace(std::string(f.name), std::string(f.contents));
    }
  }
  for (auto _ : state) benchmark::DoNotOptimize(HourlyData::from_texts(files));
}
BENCHMARK(BM_ParseEmbeddedHourly)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace carbonscope
