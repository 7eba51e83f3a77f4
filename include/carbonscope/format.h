// Human-readable numbers for text outputs: thousands separators, a sensible number of
// significant digits, and units chosen by magnitude ("433,196 kWh", "24.69 t").
#pragma once

#include <string>

#include "carbonscope/units.h"

namespace carbonscope {

// `v` with `sig` significant digits (at least the integer part) and thousands
// separators: 433196.2 -> "433,196"; 0.38102 -> "0.381"; 26.843 -> "26.8".
std::string format_number(double v, int sig = 4);
// format_number without trailing zeros after the decimal point: 6 -> "6", 0.85 -> "0.85".
std::string format_short(double v, int sig = 4);
std::string format_energy(Energy e);          // "3.00 kWh", "433,196 kWh", "52.0 Wh", "240 J"
std::string format_emissions(Emissions m);    // "2.94 mg", "381 g", "87.0 kg", "24.69 t"
std::string format_duration(Duration d);      // "12h", "118d 5h 41m", "1.5s"
std::string format_power(Power p);            // "400 W", "1.52 kW"

}  // namespace carbonscope
