// The HTML report of many runs aggregates: one emissions-per-run chart (measured and
// estimated marks differ), other regions sorted, without the run's own region and
// from the run's cloud provider, and only equivalents whose amount reads sensibly.
#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "render/report_html.h"
#include "render/report_render.h"
#include "support/test_reports.h"

namespace carbonscope {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + 1)) ++n;
  return n;
}

TEST(ReportHtml, ManyRunsGetOneAggregateChart) {
  ReportBundle b;
  for (int i = 0; i < 30; ++i) {
    b.runs.push_back(test::measured_run(fmt::format("20261202T01{:02}00Z-aa11", i), i % 2 ? "a" : "b",
                                        1795251600 + i * 3600));
    b.samples[b.runs.back().run.id] = {{0, "gpu", Power::watts(300), std::nullopt},
                                       {60, "gpu", Power::watts(310), std::nullopt}};
  }
  b.runs[3].run.kind = RunKind::kEstimate;
  const std::string html = render_html(build_report_view(b));
  EXPECT_EQ(count(html, "<polyline class=\"series\""), 0u) << "no per-run power charts";
  EXPECT_NE(html.find("Emissions per run"), std::string::npos);
  EXPECT_EQ(count(html, "<circle class=\"point\""), 29u);
  EXPECT_EQ(count(html, "<circle class=\"point hollow\""), 1u);
  // One run: its power chart.
  b.runs.resize(1);
  EXPECT_EQ(count(render_html(build_report_view(b)), "<polyline class=\"series\""), 1u);
}

TEST(ReportHtml, OtherRegionsAreSortedWithoutTheRunsOwnAndFromItsProvider) {
  ReportBundle b;
  b.runs = {test::measured_run("20261202T010000Z-aa11", "p", 1795251600)};  // region FR
  const auto ci = [](double g) { return CarbonIntensity::g_per_kwh(g); };
  b.regions = {{"NO", ci(30), "s", ""},
               {"FR", ci(44), "s", ""},
               {"CA-QC", ci(3.9), "s", ""},
               {"PL", ci(660), "s", ""},
               {"aws:eu-north-1 (Stockholm)", ci(36), "s", "aws"},
               {"aws:us-east-1 (Northern Virginia)", ci(308), "s", "aws"},
               {"aws:ca-central-1 (Montreal)", ci(3.9), "s", "aws"},
               {"gcp:europe-west9 (Paris)", ci(44), "s", "gcp"}};
  std::vector<std::string> names;
  for (const auto& r : build_report_view(b).regions) names.push_back(r.label);
  EXPECT_EQ(names, (std::vector<std::string>{"CA-QC", "NO", "PL"}));
  // Each with the emissions of the run's facility energy there (its PUE is in it).
  const ReportView v = build_report_view(b);
  EXPECT_FALSE(v.provider_regions);
  EXPECT_DOUBLE_EQ(v.regions[1].emissions.central.grams(), v.totals.facility_energy.central.kwh() * 30);
  EXPECT_EQ(v.regions[1].intensity.provenance.detail, "s");
  b.runs[0].run.region = "aws:us-east-1 (Northern Virginia)";
  names.clear();
  for (const auto& r : build_report_view(b).regions) names.push_back(r.label);
  EXPECT_EQ(names, (std::vector<std::string>{"aws:ca-central-1 (Montreal)", "aws:eu-north-1 (Stockholm)"}));
  EXPECT_TRUE(build_report_view(b).provider_regions);
}

TEST(ReportHtml, EquivalentsReadSensiblyOrAreLeftOut) {
  ReportBundle b;
  b.runs = {test::measured_run("20261202T010000Z-aa11", "p", 1795251600)};  // about 26 g
  b.equivalents = {{"flight_ny_sf", "Flight New York - San Francisco", "flight", "ga-data", 570},
                   {"smartphone_charge", "One smartphone fully charged", "charge", "epa", 0.00822}};
  const ReportView v = build_report_view(b);
  ASSERT_EQ(v.equivalents.size(), 1u);
  EXPECT_EQ(v.equivalents[0].equivalent, &b.equivalents[1]);
  EXPECT_DOUBLE_EQ(v.equivalents[0].amount, v.totals.emissions.central.kg() / 0.00822);
  const std::string html = render_html(build_report_view(b));
  EXPECT_EQ(html.find("Flight New York"), std::string::npos);
  EXPECT_NE(html.find("smartphone"), std::string::npos);
  b.equivalents.resize(1);
  EXPECT_EQ(render_html(build_report_view(b)).find("Everyday equivalents"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope
