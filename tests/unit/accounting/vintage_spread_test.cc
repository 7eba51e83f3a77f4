// The range of a grid figure from the vintages around it: its own neighbours when the
// zone has them, else the relative spread of its own or its parent zone's series (a
// one-vintage US-VA 2020 figure borrows the US's 2019-2021 change), never a range of none
// when evidence exists, and a given intensity untouched.
#include <gtest/gtest.h>

#include "accounting/estimate_defaults.h"

namespace carbonscope {
namespace {

std::shared_ptr<const DataSet> tables() {
  auto ds = DataSet::from_texts({
      {"SOURCES.csv", "source_id,title,licence\ns1,Source,facts\n"},
      {"zones.csv", "zone,name,kind,parent\nWORLD,World,world,\nUS,United States,country,\n"
                    "US-VA,Virginia,subnational,US\n"},
      {"grid_intensity.csv", "zone,year,g_per_kwh,source_id\nUS,2019,400,s1\nUS,2020,380,s1\nUS,2021,361,s1\n"
                             "US-VA,2020,308,s1\nWORLD,2020,480,s1\n"},
  });
  EXPECT_TRUE(ds.ok()) << ds.status().message();
  return *ds;
}

IntensityFigure figure(const std::string& zone, int year, double g, Method method = Method::kReference) {
  IntensityFigure f;
  f.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(g));
  f.provenance.method = method;
  f.provenance.region = zone;
  f.provenance.year = year;
  return f;
}

TEST(VintageSpread, OneVintageBorrowsTheParentZonesRelativeChange) {
  const auto ds = tables();
  const IntensityFigure f = with_vintage_spread(*ds, Location{}, figure("US-VA", 2020, 308));
  EXPECT_DOUBLE_EQ(f.value.central.g_per_kwh(), 308);
  EXPECT_NEAR(f.value.low.g_per_kwh(), 308 * 361.0 / 380, 1e-9);
  EXPECT_NEAR(f.value.high.g_per_kwh(), 308 * 400.0 / 380, 1e-9);
}

TEST(VintageSpread, AZoneWithNeighboursUsesItsOwnFigures) {
  const auto ds = tables();
  const IntensityFigure f = with_vintage_spread(*ds, Location{}, figure("US", 2020, 380));
  EXPECT_DOUBLE_EQ(f.value.low.g_per_kwh(), 361);
  EXPECT_DOUBLE_EQ(f.value.high.g_per_kwh(), 400);
}

TEST(VintageSpread, AGivenIntensityKeepsItsExactValue) {
  const auto ds = tables();
  const IntensityFigure f = with_vintage_spread(*ds, Location{}, figure("US-VA", 2020, 308, Method::kGiven));
  EXPECT_DOUBLE_EQ(f.value.low.g_per_kwh(), 308);
  EXPECT_DOUBLE_EQ(f.value.high.g_per_kwh(), 308);
}

TEST(VintageSpread, NoEvidenceAnywhereLeavesTheFigureAsItIs) {
  const auto ds = tables();
  // WORLD has only its 2020 figure: nothing to compare a 2020 figure with.
  const IntensityFigure f = with_vintage_spread(*ds, Location{}, figure("WORLD", 2020, 480));
  EXPECT_DOUBLE_EQ(f.value.low.g_per_kwh(), 480);
  EXPECT_DOUBLE_EQ(f.value.high.g_per_kwh(), 480);
}

}  // namespace
}  // namespace carbonscope
