// The life-cycle model of a project: embodied emissions of the hardware amortised over
// the hours the project used it, plus the electricity of training (dynamic), of idle
// and infrastructure power, and of inference, each at its own PUE and grid intensity.
// Pure arithmetic on ranges; method and constants in docs/methodology-lca.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/footprint.h"
#include "carbonscope/status.h"

namespace carbonscope {

enum class LcaPart { kEmbodied, kDynamic, kIdle, kInference };
inline constexpr LcaPart kLcaParts[] = {LcaPart::kEmbodied, LcaPart::kDynamic, LcaPart::kIdle, LcaPart::kInference};
std::string_view lca_part_name(LcaPart p);  // "embodied", "dynamic", "idle", "inference"

// Units of hardware (servers, GPUs) whose manufacturing emissions are amortised:
//   per_unit x unit_hours / (lifetime_years x hours_per_year x use_share).
struct EmbodiedEntry {
  std::string name;   // "servers", "gpus"
  std::string label;  // "48 x HPE Apollo 6500 Gen10 Plus"
  Range<Emissions> per_unit;
  Range<double> lifetime_years = Range<double>::exact(6);
  Range<double> use_share = Range<double>::exact(1);  // share of its life a unit is busy
  // Hours of use summed over all units. Absent: the device-hours of the dynamic
  // entries divided by devices_per_unit (8 GPUs per server -> server-hours).
  std::optional<Range<double>> unit_hours;
  double devices_per_unit = 1;
  Provenance provenance;
};

// Electricity drawn by one phase (dynamic, idle or inference) at its own location.
struct EnergyEntry {
  LcaPart part = LcaPart::kDynamic;
  std::string name;
  std::string detail;   // how the energy was obtained, for people
  Range<Energy> energy;  // IT energy, before PUE (unused when idle_share is set)
  // Idle only: idle energy as a share of idle + dynamic IT energy (BLOOM's "46% idle").
  std::optional<double> idle_share;
  Range<double> device_hours = Range<double>::exact(0);  // accelerator-hours, for amortisation
  PueFigure pue;
  IntensityFigure intensity;
  Provenance provenance;             // of the energy figure
  std::optional<double> requests;    // inference: requests served
};

struct LcaInputs {
  std::string project;
  double hours_per_year = 8760;
  std::vector<EmbodiedEntry> embodied;
  std::vector<EnergyEntry> energy;
  std::vector<std::string> notes;
};

// One line of the breakdown.
struct LcaLine {
  LcaPart part = LcaPart::kDynamic;
  std::string name;
  std::string detail;
  Provenance provenance;
  Range<Energy> energy;           // IT energy (zero for embodied lines)
  Range<Energy> facility_energy;  // energy x PUE
  std::optional<PueFigure> pue;
  std::optional<IntensityFigure> intensity;
  Range<Emissions> emissions;
  double share = 0;               // of the total, central values
  Range<double> unit_hours = Range<double>::exact(0);  // embodied lines
  std::optional<double> requests;
  Range<Energy> facility_energy_per_request;
  Range<Emissions> emissions_per_request;
};

struct LcaPartTotal {
  LcaPart part = LcaPart::kDynamic;
  Range<Energy> facility_energy;
  Range<Emissions> emissions;
  double share = 0;
};

struct LcaResult {
  std::string project;
  std::vector<LcaLine> lines;
  std::vector<LcaPartTotal> parts;  // the four parts, in kLcaParts order
  Range<Energy> facility_energy;
  Range<Emissions> emissions;
  std::vector<std::string> notes;
};

// Interval arithmetic throughout: sums and products bound by bound; a quotient's low
// bound divides by the divisor's high bound. kInvalidArgument for out-of-range inputs.
Result<LcaResult> compute_lca(const LcaInputs& in);

}  // namespace carbonscope
