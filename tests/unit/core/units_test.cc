// Unit conversions and the typed arithmetic of quantities.
#include "carbonscope/units.h"

#include <gtest/gtest.h>

#include "carbonscope/provenance.h"

namespace carbonscope {
namespace {

TEST(Units, EnergyConversions) {
  EXPECT_DOUBLE_EQ(Energy::kwh(1).joules(), 3.6e6);
  EXPECT_DOUBLE_EQ(Energy::mwh(433.196).kwh(), 433196);
  EXPECT_DOUBLE_EQ(Energy::wh(250).kwh(), 0.25);
}

TEST(Units, PowerTimesDurationIsEnergy) {
  const Energy e = Power::watts(250) * from_hours(12);
  EXPECT_DOUBLE_EQ(e.kwh(), 3.0);
  EXPECT_DOUBLE_EQ((e / from_hours(12)).watts(), 250);
}

TEST(Units, EnergyTimesIntensityIsEmissions) {
  const Emissions m = Energy::kwh(433196) * CarbonIntensity::g_per_kwh(57);
  EXPECT_NEAR(m.tonnes(), 24.692172, 1e-9);
  EXPECT_NEAR(CarbonIntensity::lb_per_kwh(0.954).g_per_kwh(), 432.727, 1e-3);
  EXPECT_NEAR(Emissions::kg(1).lb(), 2.20462262, 1e-8);
}

TEST(Units, FlopsOverRateIsDuration) {
  const Duration d = Flops::count(3.12e14) / FlopRate::tflops(312);
  EXPECT_DOUBLE_EQ(d.count(), 1.0);
}

TEST(Range, MultiplyPropagatesBounds) {
  const auto e = Range<Energy>::of(Energy::kwh(10), Energy::kwh(8), Energy::kwh(12));
  const auto ci = Range<CarbonIntensity>::of(CarbonIntensity::g_per_kwh(100), CarbonIntensity::g_per_kwh(50),
                                              CarbonIntensity::g_per_kwh(150));
  const auto m = multiply(e, ci);
  EXPECT_DOUBLE_EQ(m.central.kg(), 1.0);
  EXPECT_DOUBLE_EQ(m.low.kg(), 0.4);
  EXPECT_DOUBLE_EQ(m.high.kg(), 1.8);
  EXPECT_TRUE(m.is_valid());
  EXPECT_FALSE(m.is_exact());
}

}  // namespace
}  // namespace carbonscope
