// The location flags shared by estimate, run and monitor: --region/--country, --cloud,
// --intensity, --pue, --year, resolved through the data tables.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "carbonscope/location.h"

namespace carbonscope::cli {

struct LocationOptions {
  std::string region;
  std::string cloud;
  std::string intensity;
  std::string pue;
  int year = 0;
};

void add_location_options(CLI::App* cmd, LocationOptions& opts);
// Parses the flags' values and resolves them; errors name the flag and the accepted form.
Result<Location> resolve_location_options(const DataSet& data, const LocationOptions& opts);

}  // namespace carbonscope::cli
