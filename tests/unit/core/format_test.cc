// Number formatting for people: one policy (3 significant figures, one unit family per
// quantity, no exponent) used by the CLI, the reports and the dashboard.
#include "carbonscope/format.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

TEST(Format, Numbers) {
  EXPECT_EQ(format_number(433196.2), "433,196");
  EXPECT_EQ(format_number(0.381018), "0.381");
  EXPECT_EQ(format_number(0.381018, 4), "0.3810");
  EXPECT_EQ(format_number(26.843, 3), "26.8");
  EXPECT_EQ(format_number(-1234.6, 4), "-1,235");
  EXPECT_EQ(format_number(9.996), "10.0");  // rounded before the decimals are chosen
  EXPECT_EQ(format_number(0.00000125), "0.00000125");
  EXPECT_EQ(format_number(0), "0");
}

TEST(Format, CountsAreIntegers) {
  EXPECT_EQ(format_count(2000000), "2,000,000");
  EXPECT_EQ(format_count(80), "80");
  EXPECT_EQ(format_count(1082990.4), "1,082,990");
  EXPECT_EQ(format_count(12.5), "12.5");
  EXPECT_EQ(format_percent(0.7), "70%");
  EXPECT_EQ(format_percent(0.455), "45.5%");
}

TEST(Format, Quantities) {
  EXPECT_EQ(format_energy(Energy::kwh(433196)), "433 MWh");
  EXPECT_EQ(format_energy(Energy::kwh(3)), "3.00 kWh");
  EXPECT_EQ(format_energy(Energy::wh(52)), "52.0 Wh");
  EXPECT_EQ(format_energy(Energy::wh(999.6)), "1.00 kWh");  // not "1,000 Wh"
  EXPECT_EQ(format_energy(Energy::wh(0.000488)), "0.488 mWh");
  EXPECT_EQ(format_energy(Energy::wh(0.000000488)), "0.000488 mWh");
  EXPECT_EQ(format_energy(Energy{}), "0 Wh");
  EXPECT_EQ(format_emissions(Emissions::kg(24692.172)), "24.7 t");
  EXPECT_EQ(format_emissions(Emissions::grams(0.00294)), "2.94 mg");
  EXPECT_EQ(format_emissions(Emissions::grams(0.000715)), "0.715 mg");
  EXPECT_EQ(format_emissions(Emissions::kg(0.381018)), "381 g");
  EXPECT_EQ(format_emissions(Emissions::kg(87.03)), "87.0 kg");
  EXPECT_EQ(format_emissions(Emissions{}), "0 g");
  EXPECT_EQ(format_co2e(Emissions::kg(87.03)), "87.0 kg CO2e");
  EXPECT_EQ(format_power(Power::watts(1515.43)), "1.52 kW");
  EXPECT_EQ(format_power(Power::watts(0.85)), "850 mW");
  EXPECT_EQ(format_intensity(CarbonIntensity::g_per_kwh(57)), "57.0 gCO2e/kWh");
  EXPECT_TRUE(is_readable_amount(3.6));
  EXPECT_FALSE(is_readable_amount(0.00000000125));  // never "0.00000000125 flight"
}

TEST(Format, NoExponentAnywhere) {
  for (double v : {1e-12, 3.3e-9, 1.25e-6, 7.4e-8, 1e15, 4.2e22}) {
    EXPECT_EQ(format_number(v).find('e'), std::string::npos) << v;
    EXPECT_EQ(format_emissions(Emissions::kg(v)).find("e-"), std::string::npos) << v;
    EXPECT_EQ(format_energy(Energy::kwh(v)).find("e-"), std::string::npos) << v;
  }
}

TEST(Format, ZerosAndBoundsTakeTheUnitOfTheirNeighbours) {
  EXPECT_EQ(format_energy_like(Energy{}, Energy::kwh(3)), "0 kWh");
  EXPECT_EQ(format_energy_like(Energy{}, Energy::wh(0.000488)), "0 mWh");
  EXPECT_EQ(format_energy_range(Range<Energy>::of(Energy::kwh(0.48), Energy::kwh(0.4), Energy::kwh(0.56))),
            "480 Wh (400 to 560 Wh)");
  EXPECT_EQ(format_emissions_range(
                Range<Emissions>::of(Emissions::grams(30.3), Emissions::grams(29.2), Emissions::grams(31.2))),
            "30.3 g CO2e (29.2 to 31.2 g CO2e)");
  EXPECT_EQ(format_number_range(Range<double>::exact(1.2)), "1.20");
}

TEST(Format, Durations) {
  EXPECT_EQ(format_duration(Duration(118 * 86400 + 5 * 3600 + 41 * 60)), "118 d 5 h");
  EXPECT_EQ(format_duration(Duration(45124.0 * 86400 + 14 * 3600)), "45,124 d 14 h");
  EXPECT_EQ(format_duration(from_hours(12)), "12 h 00 min");
  EXPECT_EQ(format_duration(Duration(3900)), "1 h 05 min");
  EXPECT_EQ(format_duration(Duration(245)), "4 min 05 s");
  EXPECT_EQ(format_duration(Duration(1.5)), "1.50 s");
  EXPECT_EQ(format_duration(Duration(0)), "0 s");
}

TEST(Format, Provenance) {
  EXPECT_EQ(describe_provenance({Method::kReference, "owid-ember", "annual average", "FR", 2024}),
            "reference: annual average, FR, 2024 [owid-ember]");
  EXPECT_EQ(describe_provenance({Method::kGiven, "", "--pue", "", 0}), "given: --pue");
  EXPECT_EQ(format_utc_minute(1795251600), "2026-11-21 09:00 UTC");
}

// fmt throws on a negative precision; format_number (public, and Python's
// carbonscope.format_number(value, sig)) takes sig as 1 to 17 instead.
TEST(FormatNumber, OutOfRangeDigitsAreClampedNotThrown) {
  EXPECT_NO_THROW(format_number(0.38102, 0));
  EXPECT_EQ(format_number(0.38102, 0), "0.4");
  EXPECT_EQ(format_number(0.38102, -5), "0.4");
  EXPECT_EQ(format_number(2.0, 40), format_number(2.0, 17));
  EXPECT_EQ(format_short(0.38102, 0), "0.4");
}

}  // namespace
}  // namespace carbonscope
