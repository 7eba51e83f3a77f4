// Runs side by side, the one table behind `carbonscope runs compare` and the
// dashboard's compare page: a label column, then one column a run. Each front end lays
// the cells out in its own markup; the figures are written the same way in both.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/report.h"

namespace carbonscope {

// rows[0]: "" then the run ids; then project, start, duration, hardware, region, the
// energy of each component any run has ("-" where a run has none), IT energy, PUE,
// facility energy, intensity and emissions (with their ranges).
std::vector<std::vector<std::string>> compare_rows(const std::vector<Report>& runs);

}  // namespace carbonscope
