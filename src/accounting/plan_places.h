// The candidate places of `carbonscope plan`, built from the data tables: every cloud
// region (its own or its zone's annual intensity, its PUE) and every zone as a private
// data centre (industry-average PUE), each matched to the hourly series that applies.
// Filters: providers, geography (--within), exclusions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "accounting/plan.h"
#include "carbonscope/data.h"
#include "carbonscope/hourly.h"

namespace carbonscope {

struct PlaceFilter {
  std::vector<std::string> providers;  // "aws", "gcp", "private"...; empty = all
  std::vector<std::string> within;     // "EU"/"Europe", continent names, or zones ("US", "GB", "US-VA")
  std::vector<std::string> exclude;    // "aws:us-east-1" or zones
  int year = 0;                        // annual data year; 0 = latest
  // Hours the job may touch ([window_first, window_first + window_hours)): a series
  // covering them is preferred when a zone has several. 0 = no window.
  UnixHour window_first = 0;
  std::int64_t window_hours = 0;
};

// The places allowed by `filter`. kInvalidArgument/kNotFound for unknown providers or
// zones, naming the valid ones.
Result<std::vector<PlanPlace>> plan_places(const DataSet& data, const HourlyData& hourly,
                                           const PlaceFilter& filter);

// One place by key: "aws:us-east-1" (a cloud region) or a zone ("FR", "France").
// `filter` supplies the year and window only.
Result<PlanPlace> plan_place(const DataSet& data, const HourlyData& hourly, std::string_view key,
                             const PlaceFilter& filter);

}  // namespace carbonscope
