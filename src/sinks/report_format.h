// How report renderers write numbers: three significant figures, units scaled to the
// magnitude (Wh/kWh/MWh, g/kg/t), durations as "2 h 05 min", ranges as "a to b".
// Pure functions; plain ASCII so every output format can escape them.
#pragma once

#include <string>

#include "carbonscope/provenance.h"
#include "carbonscope/units.h"

namespace carbonscope {

// 3 significant figures, no exponent: 0.0123, 1.23, 123, 12345.
std::string format_sig(double value);
std::string report_energy(Energy e);            // "0.480 kWh", "12.3 MWh", "250 Wh"
std::string report_emissions(Emissions m);      // "26.5 g CO2e", "1.20 t CO2e"
std::string format_intensity(CarbonIntensity c);  // "55.3 gCO2e/kWh"
std::string report_duration(Duration d);        // "1 h 05 min", "42 s", "3 d 4 h"
// "0.480 kWh" when exact, else "0.480 kWh (0.400 to 0.560 kWh)": bounds in the
// central value's unit.
std::string format_energy_range(const Range<Energy>& r);
std::string format_emissions_range(const Range<Emissions>& r);
// "measured: NVML total energy counter", "reference: owid-ember, FR, 2023".
std::string describe_provenance(const Provenance& p);
// "2026-11-22 07:04 UTC"; "" for 0.
std::string format_utc_minute(double unix_seconds);

}  // namespace carbonscope
