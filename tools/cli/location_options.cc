// Location flags -> LocationQuery -> Location.
#include "location_options.h"

#include <fmt/format.h>

#include "carbonscope/parse.h"

namespace carbonscope::cli {

void add_location_options(CLI::App* cmd, LocationOptions& opts) {
  cmd->add_option("--region,--country", opts.region,
                  "Grid zone: country or sub-national code or name (FR, France, US-OR, Oregon)");
  cmd->add_option("--cloud", opts.cloud, "Cloud provider and region (gcp:us-central1, aws:eu-west-3)");
  cmd->add_option("--intensity", opts.intensity, "Carbon intensity (57g, 57g/kWh, 0.954lb/kWh); overrides the tables");
  cmd->add_option("--pue", opts.pue, "Power usage effectiveness, 1.0 to 3.0 (default: the provider's, else 1.0)");
  cmd->add_option("--year", opts.year, "Year of the grid data (default: the latest available)");
}

Result<Location> resolve_location_options(const DataSet& data, const LocationOptions& opts) {
  LocationQuery q;
  q.region = opts.region;
  q.cloud = opts.cloud;
  q.year = opts.year;
  if (opts.year != 0 && (opts.year < 1990 || opts.year > 2100)) {
    return Status::invalid_argument(fmt::format("--year: {} is not a year such as 2023", opts.year));
  }
  if (!opts.intensity.empty()) {
    auto ci = parse_intensity(opts.intensity);
    if (!ci.ok()) return ci.status().with_context("--intensity");
    q.intensity = *ci;
  }
  if (!opts.pue.empty()) {
    auto p = parse_number(opts.pue);
    if (!p.ok()) return p.status().with_context("--pue (a number such as 1.58)");
    if (*p < 1.0 || *p > 3.0) {
      return Status::invalid_argument(fmt::format("--pue: {} is outside 1.0 to 3.0 (PUE is facility energy over IT "
                                                  "energy, so never below 1)", opts.pue));
    }
    q.pue = *p;
  }
  auto loc = resolve_location(data, q);
  if (!loc.ok()) {
    const char* flag = !opts.cloud.empty() ? "--cloud" : !opts.region.empty() ? "--region" : "location";
    return loc.status().with_context(flag);
  }
  return loc;
}

}  // namespace carbonscope::cli
