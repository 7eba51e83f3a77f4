// Aggregation of many runs into totals.
#include "accounting/report_totals.h"

#include <algorithm>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "carbonscope/ledger.h"  // declares hardware_summary (RunSummary::hardware), defined here

namespace carbonscope {
namespace {

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

std::string hardware_summary(const RunInfo& run) {
  std::vector<std::string> parts;
  if (!run.gpu_model.empty()) {
    parts.push_back(run.gpu_count > 1 ? fmt::format("{} x {}", run.gpu_count, run.gpu_model) : run.gpu_model);
  }
  if (!run.cpu_model.empty()) parts.push_back(run.cpu_model);
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

CarbonIntensity RunTotals::effective_intensity() const {
  if (facility_energy.central.kwh() <= 0) return CarbonIntensity::g_per_kwh(intensity_min);
  return emissions.central / facility_energy.central;
}

RunTotals compute_totals(const std::vector<Report>& runs) {
  RunTotals t;
  bool first = true;
  for (const Report& r : runs) {
    ++t.runs;
    if (!r.run.complete) ++t.incomplete;
    t.duration += r.run.duration;
    if (r.run.start_unix != 0 && (t.first_start_unix == 0 || r.run.start_unix < t.first_start_unix)) {
      t.first_start_unix = r.run.start_unix;
    }
    t.last_end_unix = std::max(t.last_end_unix, r.run.end_unix);
    const Footprint& f = r.footprint;
    for (const ComponentEnergy& c : f.components) {
      auto it = std::find_if(t.components.begin(), t.components.end(),
                             [&](const ComponentTotal& x) { return x.component == c.component; });
      if (it == t.components.end()) {
        t.components.push_back({c.component, {}, {}});
        it = t.components.end() - 1;
      }
      it->energy = it->energy + c.energy;
      add_unique(it->how, describe_provenance(c.provenance));
    }
    t.it_energy = t.it_energy + f.it_energy;
    t.facility_energy = t.facility_energy + f.facility_energy;
    t.emissions = t.emissions + f.emissions;
    const double pue = f.pue.value.central;
    const double ci = f.intensity.value.central.g_per_kwh();
    t.pue_min = first ? pue : std::min(t.pue_min, pue);
    t.pue_max = first ? pue : std::max(t.pue_max, pue);
    t.intensity_min = first ? ci : std::min(t.intensity_min, ci);
    t.intensity_max = first ? ci : std::max(t.intensity_max, ci);
    first = false;
    add_unique(t.pue_how, describe_provenance(f.pue.provenance));
    add_unique(t.intensity_how, describe_provenance(f.intensity.provenance));
    add_unique(t.projects, r.run.project);
    add_unique(t.regions, r.run.region);
    add_unique(t.hardware, hardware_summary(r.run));
  }
  return t;
}

}  // namespace carbonscope
