// The JSON mapping of Report round-trips and keeps the documented field names.
#include "formats/report_json.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

Report sample_report() {
  Report r;
  r.run.id = "20261122T070425Z-ab12";
  r.run.kind = RunKind::kRun;
  r.run.project = "demo";
  r.run.tags = {"a", "b"};
  r.run.command = {"python3", "train.py"};
  r.run.start_unix = 1795330000;
  r.run.end_unix = 1795330060;
  r.run.duration = Duration(60);
  r.run.exit_code = 3;
  ComponentEnergy cpu{"cpu", "CPU model", Range<Energy>::of(Energy::kwh(1), Energy::kwh(0.8), Energy::kwh(1.2)),
                      {Method::kEstimated, "codecarbon-cpu", "utilisation x TDP", "", 0}};
  PueFigure pue{Range<double>::exact(1.2), {Method::kGiven, "", "--pue", "", 0}};
  IntensityFigure ci{Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(57)),
                     {Method::kReference, "owid-ember", "annual average", "FR", 2022}};
  r.footprint = compute_footprint({cpu}, pue, ci);
  r.power.push_back({"cpu", Power::watts(60), Power::watts(80), 60});
  r.notes = {"no RAPL: CPU model"};
  return r;
}

TEST(ReportJson, HasDocumentedFields) {
  const auto j = to_json(sample_report());
  EXPECT_EQ(j["schema"], "carbonscope.report/1");
  EXPECT_DOUBLE_EQ(j["energy_kwh"]["central"].get<double>(), 1.0);
  EXPECT_DOUBLE_EQ(j["facility_energy_kwh"]["high"].get<double>(), 1.44);
  EXPECT_NEAR(j["emissions_kg"]["central"].get<double>(), 0.0684, 1e-12);
  EXPECT_EQ(j["intensity_g_per_kwh"]["method"], "reference");
  EXPECT_EQ(j["intensity_g_per_kwh"]["year"], 2022);
  EXPECT_EQ(j["run"]["start"], "2026-11-22T06:46:40Z");
  EXPECT_EQ(j["run"]["exit_code"], 3);
}

TEST(ReportJson, RoundTrips) {
  const Report r = sample_report();
  const auto back = report_from_json(to_json(r));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(to_json(*back), to_json(r));
}

TEST(ReportJson, RejectsOtherDocuments) {
  EXPECT_EQ(report_from_json(nlohmann::json{{"schema", "x"}}).status().code(), StatusCode::kDataError);
  auto j = to_json(sample_report());
  j.erase("components");
  EXPECT_EQ(report_from_json(j).status().code(), StatusCode::kDataError);
}

}  // namespace
}  // namespace carbonscope
