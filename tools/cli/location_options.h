// The location flags shared by estimate, run and monitor: --region/--country, --cloud,
// --intensity, --pue, --year; the library resolves them (accounting/location_text.h).
#pragma once

#include <CLI/CLI.hpp>

#include "carbonscope/location.h"

namespace carbonscope::cli {

using LocationOptions = LocationText;

void add_location_options(CLI::App* cmd, LocationOptions& opts);

}  // namespace carbonscope::cli
