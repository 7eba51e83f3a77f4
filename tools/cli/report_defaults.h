// The comparison regions and everyday equivalents `report` uses when none are given
// on the command line. A small, labelled stop-gap until they are wired from the data
// tables (data/*.csv); each entry names its source.
#pragma once

#include <vector>

#include "sinks/report_bundle.h"

namespace carbonscope::cli {

std::vector<RegionIntensity> default_comparison_regions();
std::vector<Equivalent> default_equivalents();

}  // namespace carbonscope::cli
