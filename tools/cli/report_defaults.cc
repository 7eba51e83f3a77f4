// Default comparison regions (OWID 2023 annual averages) and equivalents (Green
// Algorithms reference values), both CC BY 4.0.
#include "report_defaults.h"

namespace carbonscope::cli {

std::vector<RegionIntensity> default_comparison_regions() {
  static const char* kSource =
      "Our World in Data, carbon intensity of electricity 2023 (Ember; Energy Institute), CC BY 4.0";
  static const std::pair<const char*, double> kRegions[] = {
      {"NO", 30.5}, {"SE", 38.4}, {"FR", 55.3}, {"CA", 165.1}, {"GB", 228.2},
      {"DE", 371.3}, {"US", 392.8}, {"CN", 583.6}, {"PL", 655.3}, {"IN", 713.0}};
  std::vector<RegionIntensity> out;
  for (const auto& [region, g] : kRegions) out.push_back({region, CarbonIntensity::g_per_kwh(g), kSource});
  return out;
}

std::vector<Equivalent> default_equivalents() {
  static const char* kSource = "Green Algorithms reference values v3.0 (Lannelongue et al.), CC BY 4.0";
  return {
      {"driven in an average EU passenger car", "km", Emissions::grams(175), kSource},
      {"travelled by train", "km", Emissions::grams(41), kSource},
      {"of CO2 absorbed by a tree", "tree-months", Emissions::grams(917), kSource},
      {"Paris-London flights (one passenger)", "x", Emissions::grams(50000), kSource},
  };
}

}  // namespace carbonscope::cli
