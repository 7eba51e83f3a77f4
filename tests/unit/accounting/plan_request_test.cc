// run_plan on the built-in tables: the done-when example, filters, and every bad
// window with its message.
#include <gtest/gtest.h>

#include "accounting/plan_request.h"

namespace carbonscope {
namespace {

const DataSet& data() { return **DataSet::builtin(); }
const HourlyData& hourly() { return **HourlyData::builtin(); }

PlanRequest h100_job() {
  PlanRequest r;
  r.job.gpu = "H100 SXM";
  r.job.count = "8";
  r.job.hours = "10";
  r.from = "aws:us-east-1";
  return r;
}

TEST(RunPlan, DoneWhenExampleRanksRegionsAndStartTimes) {
  PlanRequest r = h100_job();
  r.within = {"US"};
  r.start_after = "2022-07-01T00:00Z";
  r.deadline = "2022-07-03T00:00Z";
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  ASSERT_TRUE(p->window);
  EXPECT_EQ(format_utc_hour(p->window->earliest), "2022-07-01T00:00Z");
  EXPECT_EQ(format_utc_hour(p->window->latest_start), "2022-07-02T14:00Z");
  EXPECT_EQ(p->options.size(), 10u);
  EXPECT_GE(p->with_hourly, 10u);  // every region mapped to a US BA
  for (std::size_t i = 1; i < p->options.size(); ++i) {
    EXPECT_LE(p->options[i - 1].emissions.central, p->options[i].emissions.central);
  }
  // aws:us-east-1 is PJM: hourly, and its best start is no worse than starting now.
  ASSERT_TRUE(p->from_at_start && p->from_best);
  EXPECT_TRUE(p->from_at_start->hourly);
  EXPECT_EQ(p->from_at_start->place->hourly->zone, "PJM");
  EXPECT_LE(p->from_best->emissions.central, p->from_at_start->emissions.central);
  // Oregon (BPAT) is ranked, hourly, with a start inside the window.
  bool oregon = false;
  for (const PlanOption& o : p->options) {
    EXPECT_TRUE(o.emissions.is_valid());
    if (o.place->key == "aws:us-west-2") {
      oregon = true;
      EXPECT_TRUE(o.hourly);
      EXPECT_GE(*o.start, p->window->earliest);
      EXPECT_LE(*o.start, p->window->latest_start);
      EXPECT_GT(saving_against(o, *p->from_at_start).percent, 80);
    }
    EXPECT_NE(o.place->zone.rfind("US", 0), std::string::npos) << o.place->key;  // --within US
  }
  EXPECT_TRUE(oregon);
}

TEST(RunPlan, FiltersProvidersAreasAndExclusions) {
  PlanRequest r = h100_job();
  r.providers = {"aws", "gcp"};
  r.within = {"EU"};
  r.exclude = {"gcp:europe-north2", "CH"};
  r.top = 100;
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  for (const PlanOption& o : p->options) {
    EXPECT_TRUE(o.place->provider == "aws" || o.place->provider == "gcp") << o.place->key;
    EXPECT_NE(o.place->key, "gcp:europe-north2");
    EXPECT_NE(o.place->zone, "CH");
    EXPECT_NE(o.place->key, "aws:us-east-1");
  }
  EXPECT_GT(p->options.size(), 10u);
  EXPECT_FALSE(p->window);

  r.providers = {"nimbus"};
  auto bad = run_plan(data(), hourly(), r, 0);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("known: alibaba, aws"), std::string::npos) << bad.status().message();
}

TEST(RunPlan, GbInItsYearUsesTheHourlySeries) {
  PlanRequest r = h100_job();
  r.from = "gcp:europe-west2";
  r.within = {"GB", "24h"};
  r.start_after = "2024-03-10T00:00Z";
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_TRUE(p->from_at_start->hourly);
  EXPECT_EQ(p->from_at_start->place->hourly->zone, "GB");
  EXPECT_EQ(p->window->latest_start - p->window->earliest, 14);  // 24h window, 10h job
}

TEST(RunPlan, BadWindowsSayWhatToDo) {
  const auto message = [](PlanRequest r) {
    auto p = run_plan(data(), hourly(), r, 0);
    EXPECT_FALSE(p.ok());
    return p.ok() ? std::string() : p.status().message();
  };
  PlanRequest r = h100_job();
  r.start_after = "2022-07-03T00:00Z";
  r.deadline = "2022-07-01T00:00Z";
  EXPECT_NE(message(r).find("is not after the start"), std::string::npos);
  r.deadline = "2022-07-03T05:00Z";
  EXPECT_NE(message(r).find("move --deadline to 2022-07-03T10:00Z or later"), std::string::npos)
      << message(r);
  r.deadline = "2022-07-05T00:00";
  EXPECT_NE(message(r).find("no time zone"), std::string::npos);
  r.deadline.clear();
  EXPECT_NE(message(r).find("--within 48h"), std::string::npos);
  r.within = {"48h", "12h"};
  EXPECT_NE(message(r).find("one duration"), std::string::npos);
  r.within = {"48h"};
  r.deadline = "2022-07-05T00:00Z";
  EXPECT_NE(message(r).find("conflict"), std::string::npos);
  PlanRequest e;
  e.job.energy = "3kWh";
  e.within = {"48h"};
  EXPECT_NE(message(e).find("need the job's duration"), std::string::npos);
  PlanRequest z = h100_job();
  z.from = "atlantis";
  EXPECT_NE(message(z).find("--from"), std::string::npos);
  PlanRequest t = h100_job();
  t.top = 0;
  EXPECT_NE(message(t).find("--top"), std::string::npos);
}

TEST(RunPlan, WithinADurationStartsNow) {
  PlanRequest r = h100_job();
  r.within = {"48h"};
  const double now = 1656633600 + 1800;  // 2022-07-01T00:30Z: first whole hour is 01:00
  auto p = run_plan(data(), hourly(), r, now);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(format_utc_hour(p->window->earliest), "2022-07-01T01:00Z");
  EXPECT_EQ(format_utc_hour(p->window->latest_start), "2022-07-02T14:00Z");
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

TEST(PlanPlaces, AgreeWithEstimatesLocationResolution) {
  PlaceFilter f;
  for (const char* key : {"FR", "US-VA", "gcp:us-central1", "aws:eu-west-3", "azure:uksouth"}) {
    auto p = plan_place(data(), hourly(), key, f);
    ASSERT_TRUE(p.ok()) << key << ": " << p.status().to_string();
    LocationQuery q;
    (std::string_view(key).find(':') == std::string_view::npos ? q.region : q.cloud) = key;
    auto loc = resolve_location(data(), q);
    ASSERT_TRUE(loc.ok());
    EXPECT_EQ(p->annual.value.central, loc->intensity.value.central) << key;
    EXPECT_EQ(p->annual.provenance.source_id, loc->intensity.provenance.source_id) << key;
    EXPECT_EQ(p->annual.provenance.year, loc->intensity.provenance.year) << key;
    EXPECT_EQ(p->label, loc->label) << key;
  }
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

TEST(RunPlan, ForecastsTheDaysAfterASeriesEnds) {
  PlanRequest r = h100_job();
  r.providers = {"aws", "gcp"};
  r.within = {"US", "48h"};
  r.start_after = "2023-01-02T00:00Z";  // the EIA series end on 2022-12-31
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  ASSERT_TRUE(p->from_at_start);
  EXPECT_TRUE(p->from_at_start->hourly);
  EXPECT_TRUE(p->from_at_start->forecast);
  EXPECT_NE(p->from->hourly_note.find("profile forecast"), std::string::npos);
  int forecasts = 0;
  for (const PlanOption& o : p->options) {
    EXPECT_TRUE(o.emissions.is_valid());
    if (o.forecast) {
      ++forecasts;
      EXPECT_LT(o.intensity.low, o.intensity.high);  // the forecast's range
    }
  }
  EXPECT_GT(forecasts, 0);
  // Too far past the end (over two weeks): annual figures, said so.
  r.start_after = "2023-03-01T00:00Z";
  auto far = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(far.ok());
  EXPECT_FALSE(far->from_at_start->hourly);
  EXPECT_NE(far->from_at_start->note.find("annual"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

TEST(RunPlan, ComparesSeveralAccelerators) {
  PlanRequest r = h100_job();
  r.gpus = {"H100 SXM", "V100 SXM2 32GB"};
  r.providers = {"aws"};
  r.within = {"US"};
  r.top = 100;
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  ASSERT_EQ(p->hardware.size(), 2u);
  EXPECT_EQ(p->options.size(), 2 * p->considered);
  bool both[2] = {false, false};
  for (const PlanOption& o : p->options) both[o.hardware] = true;
  EXPECT_TRUE(both[0] && both[1]);
  // Same place, same 10 h: the lower-power V100 box emits less per hour of work.
  const auto find = [&](std::size_t hw) {
    for (const PlanOption& o : p->options) {
      if (o.hardware == hw && o.place->key == "aws:us-west-2") return o.emissions.central.kg();
    }
    return -1.0;
  };
  EXPECT_LT(find(1), find(0));
  EXPECT_NE(p->notes[p->notes.size() - 2].find("2 accelerators compared"), std::string::npos);
  r.gpus = {"H100 SXM", "nonsense GPU 9000"};
  EXPECT_FALSE(run_plan(data(), hourly(), r, 0).ok());
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

TEST(RunPlan, GridZonesArePrivatePlacesToo) {
  PlanRequest r;
  r.job.power = "1kW";
  r.job.hours = "4";
  r.from = "PJM";
  r.providers = {"private"};
  r.within = {"US", "24h"};
  r.start_after = "2022-07-01T00:00Z";
  r.top = 200;
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_EQ(p->from->key, "PJM");
  EXPECT_EQ(p->from->zone, "US");
  EXPECT_TRUE(p->from_at_start->hourly);
  bool bpat = false;
  for (const PlanOption& o : p->options) bpat = bpat || (o.place->key == "BPAT" && o.hourly);
  EXPECT_TRUE(bpat);
  EXPECT_EQ(p->with_hourly, 8u);  // the 8 US balancing authorities
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

TEST(RunPlanNear, DistanceColumnKeepsTheEmissionsOrder) {
  PlanRequest r = h100_job();
  r.within = {"US"};
  r.near = "Washington, D.C.";
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  ASSERT_TRUE(p->near);
  EXPECT_FALSE(p->weights);
  double last = 0;
  for (const PlanOption& o : p->options) {
    EXPECT_GE(o.emissions.central.kg(), last);  // still sorted by emissions
    last = o.emissions.central.kg();
    EXPECT_FALSE(o.score);
    EXPECT_EQ(o.distance_km.has_value(), o.place->provider != "private") << o.place->key;
  }
  // aws:us-east-1 (Ashburn, VA) is about 45 km from Washington.
  ASSERT_TRUE(p->from_at_start && p->from_at_start->distance_km);
  EXPECT_NEAR(*p->from_at_start->distance_km, 45, 5);
}

TEST(RunPlanNear, WeighedRankingPrefersNearbyCleanRegions) {
  PlanRequest r = h100_job();
  r.providers = {"aws", "gcp", "azure"};
  r.near = "51.5,-0.13";  // London
  r.weigh = "carbon=1,distance=1";
  r.top = 500;
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  ASSERT_TRUE(p->weights);
  ASSERT_FALSE(p->options.empty());
  EXPECT_EQ(p->weighed, p->options.size());
  double last = 2;
  double nearest = 1e9, cleanest = 1e12;
  for (const PlanOption& o : p->options) {
    ASSERT_TRUE(o.score && o.distance_km);
    EXPECT_LE(*o.score, last);
    last = *o.score;
    nearest = std::min(nearest, *o.distance_km);
    cleanest = std::min(cleanest, o.emissions.central.kg());
  }
  // The top is in Europe (within 2,000 km of London), not the cleanest overall.
  EXPECT_LT(*p->options.front().distance_km, 2000) << p->options.front().place->key;
  EXPECT_LT(nearest, 50);  // the London regions
  // Distance alone puts a London region first.
  r.weigh = "distance=1";
  p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok());
  EXPECT_LT(*p->options.front().distance_km, 50) << p->options.front().place->key;
  EXPECT_DOUBLE_EQ(*p->options.front().score, 1);
}

TEST(RunPlanNear, PrivateZonesAreLeftOutWhenDistanceWeighs) {
  PlanRequest r = h100_job();
  r.within = {"EU"};
  r.near = "Paris,FR";
  r.weigh = "carbon=1,distance=0.3";
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  for (const PlanOption& o : p->options) EXPECT_NE(o.place->provider, "private");
  bool said = false;
  for (const std::string& n : p->notes) said = said || n.find("left out of the weighted ranking") != n.npos;
  EXPECT_TRUE(said);
  r.providers = {"private"};
  auto none = run_plan(data(), hourly(), r, 0);
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.status().message().find("none of the places has coordinates"), std::string::npos);
}

TEST(RunPlanNear, BadNearAndWeigh) {
  PlanRequest r = h100_job();
  r.weigh = "carbon=1,distance=0.3";
  auto p = run_plan(data(), hourly(), r, 0);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("distance needs the place to measure from: add --near"), std::string::npos);
  r.weigh = "carbon=1";  // carbon alone needs no --near: the emissions order
  p = run_plan(data(), hourly(), r, 0);
  ASSERT_TRUE(p.ok()) << p.status().to_string();
  EXPECT_DOUBLE_EQ(*p->options.front().score, 1);
  r.weigh = "";
  r.near = "London";
  p = run_plan(data(), hourly(), r, 0);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), StatusCode::kAmbiguous);
  r.near = "95,0";
  p = run_plan(data(), hourly(), r, 0);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("outside -90..90"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
