// Parsing of quantities written by people: "400W", "433MWh", "118d5h41m", "57g",
// "0.954lb/kWh", "80%", "70B". Every parser rejects zero-or-negative where it makes no
// sense, NaN, infinity and trailing garbage, and says which form it accepts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

// A finite decimal number ("12", "1.5", "2e3"), nothing else.
Result<double> parse_number(std::string_view text);
// A finite number > 0.
Result<double> parse_positive(std::string_view text);
// An integer >= 1.
Result<std::int64_t> parse_count(std::string_view text);
// "400W", "1.5kW", "700mW", "2MW", "400" (watts); > 0. "700Mw" or "700mw" is refused.
Result<Power> parse_power(std::string_view text);
// "433MWh", "3kWh", "250Wh", "0.3mWh", "7.2e6J", "1mJ"; > 0. "5MWH" is refused.
Result<Energy> parse_energy(std::string_view text);
// "12h", "90min", "30s", "100ms", "2d", "1w", "118d5h41m", "1.5h", "02:30:00" and
// Slurm's "1-02:30:00"; > 0. A bare number is rejected: durations must say their unit.
// "m" is minutes; "M" (months or minutes?) and "MS" are refused.
Result<Duration> parse_duration(std::string_view text);
// "57g", "57", "57g/kWh", "0.057kg/kWh", "0.954lb/kWh", "57gCO2e/kWh", "386kg/MWh"; >= 0.
Result<CarbonIntensity> parse_intensity(std::string_view text);
// "2500kg", "11.2t", "150kgCO2e", "500g", "10lb", "0.7mg"; >= 0. A bare number is rejected.
Result<Emissions> parse_emissions(std::string_view text);
// "80%" or "0.8"; in (0, 1]. "80" is refused with "did you mean 80%?".
Result<double> parse_fraction(std::string_view text);
// "70B", "2T", "175e9", "350M", "1.2k"; > 0. Case is free (350m is millions too): a
// count has no fractional prefix.
Result<double> parse_scaled_count(std::string_view text);
// A training compute budget in FLOPs: "3.14e23", "5e24"; > 0 and at most 1e32.
Result<double> parse_flop_count(std::string_view text);
// Gigabytes: "64GB", "64G", "64", "1TB", "512MB" (GiB/TiB/MiB count as GB/TB/MB); > 0.
Result<double> parse_memory_gb(std::string_view text);

// How error messages name an argument: a command-line flag ("--device-hours"), a
// Python keyword argument ("device_hours") or a project-file key ("device_hours").
enum class ArgStyle { kFlag, kKeyword, kFileKey };
std::string arg_name(ArgStyle style, std::string_view flag);

}  // namespace carbonscope
