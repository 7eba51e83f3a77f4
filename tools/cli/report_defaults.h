// The comparison regions and everyday equivalents that `report`, `serve` and
// `estimate` show, taken from the data tables so each carries its source and year.
#pragma once

#include <string_view>
#include <vector>

#include "carbonscope/data.h"
#include "carbonscope/estimate_request.h"
#include "carbonscope/report_bundle.h"

namespace carbonscope::cli {

// A spread of grids from the cleanest to the most carbon-intensive, latest figures,
// and every cloud region (with its provider) for comparing cloud runs.
std::vector<RegionIntensity> default_comparison_regions(const DataSet& data);
std::vector<Equivalent> default_equivalents(const DataSet& data);

}  // namespace carbonscope::cli
