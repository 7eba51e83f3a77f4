// compare_rows (see run_compare.h).
#include "carbonscope/run_compare.h"

#include <algorithm>

#include "carbonscope/format.h"
#include "carbonscope/ledger.h"

namespace carbonscope {

std::vector<std::vector<std::string>> compare_rows(const std::vector<Report>& runs) {
  std::vector<std::string> components;
  for (const Report& r : runs) {
    for (const auto& c : r.footprint.components) {
      if (std::find(components.begin(), components.end(), c.component) == components.end())
        components.push_back(c.component);
    }
  }
  std::vector<std::vector<std::string>> rows = {{""}, {"project"}, {"start"}, {"duration"}, {"hardware"}, {"region"}};
  for (const auto& c : components) rows.push_back({"energy " + c});
  for (const char* label : {"energy IT", "PUE", "energy facility", "intensity", "emissions"}) rows.push_back({label});
  for (const Report& r : runs) {
    const Footprint& f = r.footprint;
    std::size_t i = 0;
    rows[i++].push_back(r.run.id);
    rows[i++].push_back(r.run.project);
    rows[i++].push_back(format_utc_minute(r.run.start_unix));
    rows[i++].push_back(format_duration(r.run.duration));
    rows[i++].push_back(hardware_summary(r.run));
    rows[i++].push_back(r.run.region);
    for (const auto& c : components) {
      Range<Energy> e;
      bool found = false;
      for (const auto& rc : f.components) {
        if (rc.component != c) continue;
        e = e + rc.energy;
        found = true;
      }
      rows[i++].push_back(found ? format_energy_range(e) : "-");
    }
    rows[i++].push_back(format_energy_range(f.it_energy));
    rows[i++].push_back(format_number_range(f.pue.value));
    rows[i++].push_back(format_energy_range(f.facility_energy));
    rows[i++].push_back(format_intensity_range(f.intensity.value));
    rows[i++].push_back(format_emissions_range(f.emissions));
  }
  return rows;
}

}  // namespace carbonscope
