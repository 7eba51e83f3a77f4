// The one way carbonscope writes numbers for people, used by the CLI, every report
// renderer, the dashboard and the Python reprs: three significant figures, thousands
// separators, no exponent, and one unit family per quantity scaled to the magnitude
// (mWh/Wh/kWh/MWh/GWh; mg/g/kg/t; mW/W/kW/MW). Plain ASCII, so every format can escape it.
#pragma once

#include <string>

#include "carbonscope/provenance.h"
#include "carbonscope/units.h"

namespace carbonscope {

// `v` rounded to `sig` significant digits (all of the integer part), with thousands
// separators: 433196.2 -> "433,196"; 0.38102 -> "0.381"; 3 -> "3.00"; 0 -> "0". `sig`
// is taken as 1 to 17.
std::string format_number(double v, int sig = 3);
// format_number without trailing zeros after the decimal point: 6 -> "6", 0.85 -> "0.85".
std::string format_short(double v, int sig = 4);
// A count: an integer with separators ("2,000,000", "80"); a fractional count keeps
// up to 3 significant decimals ("12.5", "0.25").
std::string format_count(double v);
// A fraction as a percentage: 0.7 -> "70%", 0.455 -> "45.5%".
std::string format_percent(double fraction);

std::string format_energy(Energy e);        // "0.715 mWh", "52.0 Wh", "3.00 kWh", "433 MWh"; 0 -> "0 Wh"
std::string format_emissions(Emissions m);  // "2.94 mg", "381 g", "87.0 kg", "24.7 t"; 0 -> "0 g"
std::string format_co2e(Emissions m);       // format_emissions + " CO2e"
std::string format_power(Power p);          // "850 mW", "400 W", "1.52 kW"
std::string format_intensity(CarbonIntensity c);  // "55.3 gCO2e/kWh"
std::string format_duration(Duration d);          // "1.50 s", "4 min 05 s", "1 h 05 min", "118 d 5 h"

// `e` in the unit `like` would be written in: for range bounds and for a zero among
// figures in kWh ("0 kWh", not "0 Wh").
std::string format_energy_like(Energy e, Energy like);
std::string format_emissions_like(Emissions m, Emissions like);

// The unit `like` is written in and its size in base units (joules, grams), for an
// axis or a column in one unit: {"kg", 1000} for 22.9 kg.
struct UnitScale {
  const char* name;
  double base_per_unit;
};
UnitScale energy_scale(Energy like);
UnitScale emissions_scale(Emissions like);

// "0.480 kWh" when exact, else "0.480 kWh (0.400 to 0.560 kWh)": the bounds in the
// central value's unit. Emissions carry CO2e: "30.3 g CO2e (29.2 to 31.2 g CO2e)".
std::string format_energy_range(const Range<Energy>& r);
std::string format_emissions_range(const Range<Emissions>& r);
// Emissions without " CO2e", for a column or sentence that says CO2e once: "24.7 t",
// "24.7 t (20.1 to 30.2 t)"; a zero central value in the unit of `like` ("0 t").
std::string format_mass_range(const Range<Emissions>& r, Emissions like = {});
// "57.0 gCO2e/kWh", "57.0 gCO2e/kWh (40.0 to 70.0)".
std::string format_intensity_range(const Range<CarbonIntensity>& r);
// A plain number with its range: "1.20", "1.20 (1.10 to 1.40)".
std::string format_number_range(const Range<double>& r);

// Whether `amount` of an everyday equivalent reads without effort (0.1 to 1,000,000):
// "3.6 smartphone charges" does, "0.00000000125 flights" does not and is left out.
bool is_readable_amount(double amount);

// "measured: NVML total energy counter", "reference: annual average, FR, 2023 [owid-ember]".
std::string describe_provenance(const Provenance& p);
// "2026-11-22 07:04 UTC"; "" for 0.
std::string format_utc_minute(double unix_seconds);
// ISO 8601 UTC ("2026-11-22T07:04:25Z") for a Unix time, as the JSON formats write it; "" for 0.
std::string iso8601_utc(double unix_seconds);

}  // namespace carbonscope
