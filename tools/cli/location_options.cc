// Location flags -> LocationText (resolved by the library).
#include "location_options.h"

namespace carbonscope::cli {

void add_location_options(CLI::App* cmd, LocationOptions& opts) {
  cmd->add_option("--region,--country", opts.region,
                  "Grid zone: country or sub-national code or name (FR, France, US-OR, Oregon); a cloud "
                  "region goes to --cloud");
  cmd->add_option("--cloud", opts.cloud, "Cloud provider and region (gcp:us-central1, aws:eu-west-3)");
  cmd->add_option("--intensity", opts.intensity, "Carbon intensity (57g, 57g/kWh, 0.954lb/kWh); overrides the tables");
  cmd->add_option("--pue", opts.pue, "Power usage effectiveness, 1.0 to 3.0 (default: the provider's, else 1.0)");
  cmd->add_option("--year", opts.year, "Year of the grid data (default: the latest available)");
}

}  // namespace carbonscope::cli
