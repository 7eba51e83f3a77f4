// Where the electricity comes from: every location option of run and monitor, and the
// one function that turns them into a carbon intensity and a PUE. --intensity and
// --pue are taken as given; --country/--region/--cloud/--year are looked up in the
// data tables; with nothing given, documented defaults are used and said to be so.
#pragma once

#include <string>
#include <utility>

#include <CLI/CLI.hpp>

#include "carbonscope/footprint.h"
#include "carbonscope/status.h"

namespace carbonscope::cli {

// World average used when no location is given: CodeCarbon's default (IEA 2019).
inline constexpr double kDefaultIntensityGPerKwh = 475.0;

struct LocationOptions {
  std::string intensity;  // "57g", "0.057kg/kWh"
  std::string pue;        // "1.2"
  std::string country;
  std::string region;
  std::string cloud;
  int year = 0;
};

void add_location_options(CLI::App* app, LocationOptions& options);
Result<std::pair<IntensityFigure, PueFigure>> resolve_location(const LocationOptions& options);

}  // namespace carbonscope::cli
