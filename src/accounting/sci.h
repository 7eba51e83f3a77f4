// The Green Software Foundation's Software Carbon Intensity over a set of runs:
// SCI = ((E x I) + M) / R, in emissions per functional unit, with its range. Pure: from
// the runs' totals (report_totals.h) and what the caller says about M and R.
#pragma once

#include <string>

#include "accounting/report_totals.h"
#include "carbonscope/sci.h"  // SciInput
#include "carbonscope/units.h"

namespace carbonscope {

struct SciScore {
  Range<Energy> energy;          // E: facility energy
  CarbonIntensity intensity;     // I: effective (emissions / E)
  Range<Emissions> operational;  // O = E x I
  Emissions embodied;            // M
  Range<Emissions> per_unit;     // (O + M) / R
};

SciScore compute_sci(const RunTotals& totals, const SciInput& in);

}  // namespace carbonscope
