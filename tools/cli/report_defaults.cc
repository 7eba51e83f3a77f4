// Comparison regions and equivalents from data/grid_intensity.csv and
// data/equivalents.csv.
#include "report_defaults.h"

#include <fmt/format.h>

namespace carbonscope::cli {

std::vector<RegionIntensity> default_comparison_regions(const DataSet& data) {
  static constexpr const char* kZones[] = {"NO", "SE", "FR", "CA-QC", "GB", "DE", "US", "CN", "PL", "IN"};
  std::vector<RegionIntensity> out;
  for (const char* zone : kZones) {
    auto l = data.intensity(zone);
    if (!l.ok()) continue;
    out.push_back({zone, CarbonIntensity::g_per_kwh(l->row->g_per_kwh),
                   fmt::format("{} {} [{}]", l->row->zone, l->row->year, l->row->source_id), ""});
  }
  // Every cloud region with an intensity: the provider's own figure, else its grid's.
  for (const CloudRegion& c : data.cloud_regions()) {
    std::string label = c.key() + (c.location.empty() ? "" : fmt::format(" ({})", c.location));
    if (c.g_per_kwh) {
      out.push_back({label, CarbonIntensity::g_per_kwh(*c.g_per_kwh),
                     fmt::format("{} {} [{}]", c.key(), c.year, c.source_id), c.provider});
    } else if (auto l = data.intensity(c.zone); l.ok()) {
      out.push_back({label, CarbonIntensity::g_per_kwh(l->row->g_per_kwh),
                     fmt::format("{} {} [{}]", l->row->zone, l->row->year, l->row->source_id), c.provider});
    }
  }
  return out;
}

std::vector<Equivalent> default_equivalents(const DataSet& data) {
  std::vector<Equivalent> out;
  for (const Equivalent* e : everyday_equivalent_rows(data)) out.push_back(*e);
  return out;
}

}  // namespace carbonscope::cli
