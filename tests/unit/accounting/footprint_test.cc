// The accounting identity (emissions_of) and its one user of whole footprints
// (compute_footprint): energy x PUE x intensity, bound by bound, the same figure
// whichever way in; the other regions of an estimate carry theirs.
#include "carbonscope/footprint.h"

#include <gtest/gtest.h>

#include "carbonscope/location.h"

namespace carbonscope {
namespace {

Range<Energy> kwh(double c, double lo, double hi) { return Range<Energy>::of(Energy::kwh(c), Energy::kwh(lo), Energy::kwh(hi)); }
Range<CarbonIntensity> g(double c, double lo, double hi) {
  return Range<CarbonIntensity>::of(CarbonIntensity::g_per_kwh(c), CarbonIntensity::g_per_kwh(lo),
                                    CarbonIntensity::g_per_kwh(hi));
}

TEST(EmissionsOf, IsEnergyTimesPueTimesIntensity) {
  EXPECT_DOUBLE_EQ(emissions_of(Energy::kwh(2), 1.5, CarbonIntensity::g_per_kwh(400)).grams(), 2 * 1.5 * 400);
  EXPECT_EQ(emissions_of(Energy{}, 1.5, CarbonIntensity::g_per_kwh(400)).grams(), 0);
  const Range<Emissions> m = emissions_of(kwh(10, 8, 13), Range<double>::of(1.2, 1.1, 1.4), g(300, 200, 450));
  EXPECT_DOUBLE_EQ(m.central.grams(), 10 * 1.2 * 300);
  EXPECT_DOUBLE_EQ(m.low.grams(), 8 * 1.1 * 200);
  EXPECT_DOUBLE_EQ(m.high.grams(), 13 * 1.4 * 450);
}

TEST(EmissionsOf, FiguresGiveTheirCentralValues) {
  const PueFigure pue{Range<double>::of(1.3, 1.1, 1.6), {}};
  const IntensityFigure ci{g(250, 100, 500), {}};
  EXPECT_EQ(emissions_of(Energy::joules(7200), pue, ci),
            emissions_of(Energy::joules(7200), 1.3, CarbonIntensity::g_per_kwh(250)));
}

// Property: over a grid of energies, PUEs and intensities, a footprint's emissions are
// exactly what emissions_of gives for its IT energy, and its facility energy times the
// intensity, bound by bound.
TEST(ComputeFootprint, AgreesWithEmissionsOfEverywhere) {
  for (double e : {0.0, 1e-9, 0.37, 12.5, 4.2e5}) {
    for (double p : {1.0, 1.1, 1.58, 3.0}) {
      for (double c : {0.0, 11.0, 57.0, 442.0, 1025.0}) {
        const Range<Energy> it = kwh(e, e * 0.6, e * 1.4);
        const Range<double> pue = Range<double>::of(p, 1.0, p * 1.2);
        const Range<CarbonIntensity> ci = g(c, c * 0.8, c * 1.3);
        const Footprint f = compute_footprint({{"cpu", "a", it, {}}}, {pue, {}}, {ci, {}});
        const Range<Emissions> m = emissions_of(it, pue, ci);
        EXPECT_EQ(f.emissions.central, m.central);
        EXPECT_EQ(f.emissions.low, m.low);
        EXPECT_EQ(f.emissions.high, m.high);
        EXPECT_EQ(f.emissions.central, f.facility_energy.central * ci.central);
        EXPECT_EQ(f.emissions.high, f.facility_energy.high * ci.high);
        EXPECT_LE(f.emissions.low, f.emissions.central);
        EXPECT_LE(f.emissions.central, f.emissions.high);
      }
    }
  }
}

TEST(CleanerAlternatives, CarryTheirEmissionsCleanestFirst) {
  const DataSet& data = **DataSet::builtin();
  LocationQuery q;
  q.cloud = "aws:us-east-1";
  auto here = resolve_location(data, q);
  ASSERT_TRUE(here.ok()) << here.status().to_string();
  const Range<Energy> it = kwh(100, 80, 130);
  const std::vector<Alternative> alt = cleaner_alternatives(data, *here, it, 3);
  ASSERT_EQ(alt.size(), 3u);
  for (std::size_t i = 0; i < alt.size(); ++i) {
    const Range<Emissions> m = emissions_of(it, alt[i].pue.value, alt[i].intensity.value);
    EXPECT_EQ(alt[i].emissions.central, m.central) << alt[i].label;
    EXPECT_EQ(alt[i].emissions.high, m.high) << alt[i].label;
    if (i > 0) {
      EXPECT_LE(alt[i - 1].emissions.central, alt[i].emissions.central);
    }
  }
  // With no energy the order is the same (by the emissions of one IT kWh).
  const std::vector<Alternative> none = cleaner_alternatives(data, *here, {}, 3);
  ASSERT_EQ(none.size(), 3u);
  for (std::size_t i = 0; i < none.size(); ++i) {
    EXPECT_EQ(none[i].label, alt[i].label);
    EXPECT_EQ(none[i].emissions.central.grams(), 0);
  }
}

}  // namespace
}  // namespace carbonscope
