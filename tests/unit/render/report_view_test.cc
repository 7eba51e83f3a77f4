// Every renderer reads a bundle's figures from its ReportView (accounting/report_view.h)
// and computes none of them: a view whose totals, SCI, regions and equivalents are set
// to figures that no run of the bundle gives shows those figures in every format.
#include "accounting/report_view.h"

#include <gtest/gtest.h>

#include "formats/json_text.h"
#include "render/report_render.h"
#include "support/test_reports.h"

namespace carbonscope {
namespace {

// A view of two runs whose carried figures differ from what the runs would give.
struct Tampered {
  ReportBundle bundle;
  ReportView view;

  Tampered() : bundle(make_bundle()), view(build_report_view(bundle)) {
    view.totals.emissions = Range<Emissions>::exact(Emissions::kg(777));
    view.totals.it_energy = Range<Energy>::exact(Energy::kwh(4321));
    view.totals.facility_energy = Range<Energy>::exact(Energy::kwh(5432));
    view.totals.regions = {"Atlantis"};
    view.sci.per_unit = Range<Emissions>::exact(Emissions::grams(654));
    view.regions.front().emissions = Range<Emissions>::exact(Emissions::kg(888));
    view.equivalents.front().amount = 9870;
  }

  static ReportBundle make_bundle() {
    ReportBundle b;
    b.runs = {test::measured_run("20261202T010000Z-aa11", "p", 1795251600),
              test::measured_run("20261202T020000Z-bb22", "p", 1795255200)};
    b.regions = {{"NO", CarbonIntensity::g_per_kwh(30), "s", ""}};
    b.equivalents = {{"smartphone_charge", "One smartphone fully charged", "charge", "epa", 0.00822}};
    return b;
  }
};

TEST(ReportView, RenderersShowTheViewsTotalsOnly) {
  const Tampered t;
  const ReportView& v = t.view;
  ASSERT_EQ(v.regions.size(), 1u);
  ASSERT_EQ(v.equivalents.size(), 1u);
  for (const std::string& out : {render_text(v), render_markdown(v), render_latex(v), render_html(v)}) {
    EXPECT_NE(out.find("777 kg"), std::string::npos) << out;
    EXPECT_NE(out.find("4.32 MWh"), std::string::npos) << out;
    EXPECT_NE(out.find("Atlantis"), std::string::npos) << out;
  }
  const std::string card = render_model_card(v);
  EXPECT_NE(card.find("emissions: 777000"), std::string::npos) << card;
  EXPECT_NE(card.find("Atlantis"), std::string::npos) << card;
  const std::string sci = render_sci(v);
  EXPECT_NE(sci.find("654 gCO2e per"), std::string::npos) << sci;
  const std::string html = render_html(v);
  EXPECT_NE(html.find("888 kg"), std::string::npos) << "the region's carried emissions";
  EXPECT_NE(html.find("9,870 charge"), std::string::npos) << "the equivalent's carried amount";
  const std::string json = json_text(report_bundle_json(v));
  EXPECT_NE(json.find("\"emissions_kg\":{\"central\":777"), std::string::npos) << json;
  EXPECT_NE(json.find("\"emissions\":777000"), std::string::npos) << "the model-card block";
  EXPECT_NE(json.find("\"per_unit_g\":{\"central\":654"), std::string::npos) << "the SCI block";
  EXPECT_NE(json.find("\"emissions_kg\":888"), std::string::npos) << "the regions";
  EXPECT_NE(json.find("\"amount\":9870"), std::string::npos) << "the equivalents";
}

TEST(ReportView, HoldsTheFiguresOfItsRuns) {
  ReportBundle b = Tampered::make_bundle();
  const ReportView v = build_report_view(b);
  EXPECT_EQ(v.totals.runs, 2u);
  EXPECT_DOUBLE_EQ(v.totals.emissions.central.grams(),
                   (b.runs[0].footprint.emissions.central + b.runs[1].footprint.emissions.central).grams());
  EXPECT_DOUBLE_EQ(v.sci.energy.central.kwh(), v.totals.facility_energy.central.kwh());
  EXPECT_DOUBLE_EQ(v.regions.front().emissions.central.grams(), v.totals.facility_energy.central.kwh() * 30);
  EXPECT_DOUBLE_EQ(v.regions.front().emissions.high.grams(), v.totals.facility_energy.high.kwh() * 30);
}

}  // namespace
}  // namespace carbonscope
