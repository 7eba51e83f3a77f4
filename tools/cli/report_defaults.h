// The comparison regions and everyday equivalents that `report`, `serve` and
// `estimate` show, taken from the data tables so each carries its source and year.
#pragma once

#include <string_view>
#include <vector>

#include "carbonscope/data.h"
#include "sinks/report_bundle.h"

namespace carbonscope::cli {

// Keys of data/equivalents.csv shown next to a footprint, in this order.
inline constexpr std::string_view kEverydayEquivalents[] = {"car_km_eu", "flight_ny_sf", "smartphone_charge",
                                                            "tree_month"};

// A spread of grids from the cleanest to the most carbon-intensive, latest figures.
std::vector<RegionIntensity> default_comparison_regions(const DataSet& data);
std::vector<EquivalentFactor> default_equivalents(const DataSet& data);

}  // namespace carbonscope::cli
