// Export of reports in CodeCarbon's emissions.csv layout (the 38 columns of v3.x, in
// order), so tools that read CodeCarbon output can read carbonscope runs. Energies
// include PUE and emissions are in kg, as CodeCarbon writes them.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/report.h"

namespace carbonscope {

// The header line's columns, in order.
const std::vector<std::string>& codecarbon_columns();
// Header plus one row per report.
std::string codecarbon_csv(const std::vector<Report>& reports);

}  // namespace carbonscope
