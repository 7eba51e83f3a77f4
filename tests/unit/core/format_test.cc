// Number formatting for text outputs.
#include "carbonscope/format.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

TEST(Format, Numbers) {
  EXPECT_EQ(format_number(433196.2), "433,196");
  EXPECT_EQ(format_number(0.381018), "0.3810");
  EXPECT_EQ(format_number(26.843, 3), "26.8");
  EXPECT_EQ(format_number(-1234.6, 4), "-1,235");
  EXPECT_EQ(format_number(0), "0");
}

TEST(Format, Quantities) {
  EXPECT_EQ(format_energy(Energy::kwh(433196)), "433,196 kWh");
  EXPECT_EQ(format_energy(Energy::kwh(3)), "3.00 kWh");
  EXPECT_EQ(format_energy(Energy::wh(52)), "52.0 Wh");
  EXPECT_EQ(format_emissions(Emissions::kg(24692.172)), "24.69 t");
  EXPECT_EQ(format_energy(Energy::joules(0.2396)), "0.240 J");
  EXPECT_EQ(format_emissions(Emissions::grams(0.00294)), "2.94 mg");
  EXPECT_EQ(format_emissions(Emissions::kg(0.381018)), "381 g");
  EXPECT_EQ(format_emissions(Emissions::kg(87.03)), "87.0 kg");
  EXPECT_EQ(format_power(Power::watts(1515.43)), "1.52 kW");
  EXPECT_EQ(format_duration(Duration(118 * 86400 + 5 * 3600 + 41 * 60)), "118d 5h 41m");
  EXPECT_EQ(format_duration(from_hours(12)), "12h");
  EXPECT_EQ(format_duration(Duration(1.5)), "1.50s");
}

}  // namespace
}  // namespace carbonscope
