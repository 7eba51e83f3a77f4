// Market-based emissions beside location-based ones: location-based x (1 - CFE share),
// the share given (--market-based 90%) or the provider's published hourly carbon-free
// energy share of the region (GCP, data/cloud_regions.csv). A simplification: see
// docs/methodology-estimate.md, "Market-based emissions".
#pragma once

#include <optional>

#include "accounting/estimate_request.h"

namespace carbonscope {

// nullopt when no share applies ("" without a published share, or "none").
// kInvalidArgument for a malformed share or "provider" where none is published. `where`
// is the location as resolved (cloud region with its provider, year of --date).
Result<std::optional<MarketBased>> market_based_emissions(const DataSet& data, const EstimateRequest& request,
                                                          const LocationText& where, const Location& location,
                                                          const Footprint& footprint);

}  // namespace carbonscope
