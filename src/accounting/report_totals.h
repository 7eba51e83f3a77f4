// Totals over several runs (a project's experiments): summed energies and emissions
// with their ranges, the spread of PUE and intensity, and the distinct hardware,
// regions and sources involved. Pure: parts sum to the totals.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/report.h"

namespace carbonscope {

struct ComponentTotal {
  std::string component;
  Range<Energy> energy;
  std::vector<std::string> how;  // distinct provenance descriptions
};

struct RunTotals {
  std::size_t runs = 0;
  std::size_t incomplete = 0;
  Duration duration{};
  double first_start_unix = 0;
  double last_end_unix = 0;
  std::vector<ComponentTotal> components;  // in order of first appearance
  Range<Energy> it_energy;
  Range<Energy> facility_energy;
  Range<Emissions> emissions;
  double pue_min = 0;
  double pue_max = 0;
  std::vector<std::string> pue_how;
  std::vector<std::string> intensity_how;
  double intensity_min = 0;  // g/kWh, over the runs
  double intensity_max = 0;
  std::vector<std::string> projects;
  std::vector<std::string> regions;
  std::vector<std::string> hardware;

  // Facility-energy-weighted intensity: emissions / facility energy (central).
  CarbonIntensity effective_intensity() const;
};

RunTotals compute_totals(const std::vector<Report>& runs);

}  // namespace carbonscope
