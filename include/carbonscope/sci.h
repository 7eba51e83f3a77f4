// What the Green Software Foundation's Software Carbon Intensity needs beside the runs,
// SCI = ((E x I) + M) / R: the functional units R and the embodied emissions M. The
// score itself is computed inside the library (a report in the "sci" format).
#pragma once

#include <string>

#include "carbonscope/units.h"

namespace carbonscope {

struct SciInput {
  double functional_units = 1;           // R
  std::string functional_unit = "run";   // what R counts
  Emissions embodied;                    // M; zero unless given
  bool embodied_given = false;
};

}  // namespace carbonscope
