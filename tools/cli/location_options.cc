// Location options -> intensity and PUE figures.
#include "location_options.h"

#include <fmt/format.h>

#include "carbonscope/parse.h"

namespace carbonscope::cli {

void add_location_options(CLI::App* app, LocationOptions& o) {
  app->add_option("--intensity", o.intensity, "Carbon intensity of the electricity, e.g. 57g or 0.057kg/kWh");
  app->add_option("--pue", o.pue, "Power usage effectiveness of the data centre (default 1.0: IT energy only)");
  app->add_option("--country", o.country, "Country (ISO code) whose grid intensity to use");
  app->add_option("--region", o.region, "Grid region or zone within the country");
  app->add_option("--cloud", o.cloud, "Cloud provider:region, e.g. gcp:europe-west1");
  app->add_option("--year", o.year, "Year of the intensity figure");
}

Result<std::pair<IntensityFigure, PueFigure>> resolve_location(const LocationOptions& o) {
  IntensityFigure intensity;
  PueFigure pue;
  if (!o.intensity.empty()) {
    auto v = parse_intensity(o.intensity);
    if (!v.ok()) return v.status().with_context("--intensity");
    intensity.value = Range<CarbonIntensity>::exact(*v);
    intensity.provenance = {Method::kGiven, "", "--intensity " + o.intensity, o.region, o.year};
  } else if (!o.country.empty() || !o.region.empty() || !o.cloud.empty()) {
    return Status::unavailable(
        "--country/--region/--cloud need the intensity tables, which this build does not have yet; "
        "give --intensity instead");
  } else {
    intensity.value = Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(kDefaultIntensityGPerKwh));
    intensity.provenance = {Method::kDefault, "",
                            fmt::format("world average {} g/kWh (IEA 2019, CodeCarbon's default): no location was "
                                        "given; pass --intensity or --country for a real figure",
                                        kDefaultIntensityGPerKwh),
                            "world", 2019};
  }
  if (!o.pue.empty()) {
    auto v = parse_positive(o.pue);
    if (!v.ok()) return v.status().with_context("--pue");
    if (*v < 1.0) return Status::invalid_argument(fmt::format("--pue {}: a PUE is at least 1", o.pue));
    pue.value = Range<double>::exact(*v);
    pue.provenance = {Method::kGiven, "", "--pue " + o.pue, "", 0};
  } else {
    pue.value = Range<double>::exact(1.0);
    pue.provenance = {Method::kDefault, "", "PUE 1.0: IT energy only, no data-centre overhead (pass --pue)", "", 0};
  }
  return std::make_pair(intensity, pue);
}

}  // namespace carbonscope::cli
