// The Green Software Foundation's Software Carbon Intensity over a set of runs:
// SCI = ((E x I) + M) / R, in emissions per functional unit, with its range. Pure: from
// the runs' totals (report_totals.h) and what the caller says about M and R.
#pragma once

#include <string>

#include "accounting/report_totals.h"
#include "carbonscope/units.h"

namespace carbonscope {

// Inputs of SCI beside the runs.
struct SciInput {
  double functional_units = 1;           // R
  std::string functional_unit = "run";   // what R counts
  Emissions embodied;                    // M; zero unless given
  bool embodied_given = false;
};

struct SciScore {
  Range<Energy> energy;          // E: facility energy
  CarbonIntensity intensity;     // I: effective (emissions / E)
  Range<Emissions> operational;  // O = E x I
  Emissions embodied;            // M
  Range<Emissions> per_unit;     // (O + M) / R
};

SciScore compute_sci(const RunTotals& totals, const SciInput& in);

}  // namespace carbonscope
