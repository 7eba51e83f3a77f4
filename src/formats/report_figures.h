// Sanity of a report's figures before the ledger stores it, and when a stored run is read
// back: energies, emissions, powers, durations and factors must be finite, not negative,
// and below limits no real run reaches (so sums over a ledger cannot overflow).
#pragma once

#include <vector>

#include "carbonscope/ledger.h"
#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

// Energies above 1 PWh, emissions above 1 Gt and durations above 1,000 years are refused.
inline constexpr double kMaxRunKwh = 1e12;
inline constexpr double kMaxRunKg = 1e12;
inline constexpr double kMaxRunSeconds = 1000.0 * 365.25 * 86400.0;

// The first absurd figure, named by its JSON field ("energy_kwh.low is -2: ...").
Status check_report_figures(const Report& report);
Status check_sample_figures(const std::vector<PowerSample>& samples);

}  // namespace carbonscope
