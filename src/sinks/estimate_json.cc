// EstimateResult -> JSON (docs/reference/json.md, "estimate object").
#include "sinks/estimate_json.h"

#include "sinks/report_json.h"

namespace carbonscope {

nlohmann::json estimate_to_json(const EstimateResult& r) {
  nlohmann::json j = to_json(r.report);
  nlohmann::json eq = nlohmann::json::array();
  for (const EquivalentValue& e : r.equivalents) {
    eq.push_back({{"key", e.equivalent->key}, {"name", e.equivalent->name}, {"amount", e.amount},
                  {"unit", e.equivalent->unit}, {"kg_co2e_per_unit", e.equivalent->kg_per_unit},
                  {"source_id", e.equivalent->source_id}});
  }
  nlohmann::json alt = nlohmann::json::array();
  const Energy it = r.report.footprint.it_energy.central;
  for (const Alternative& a : r.alternatives) {
    alt.push_back({{"label", a.label},
                   {"intensity_g_per_kwh", a.intensity.value.central.g_per_kwh()},
                   {"pue", a.pue.value.central},
                   {"emissions_kg", (it * a.pue.value.central * a.intensity.value.central).kg()},
                   {"source_id", a.intensity.provenance.source_id},
                   {"year", a.intensity.provenance.year}});
  }
  nlohmann::json assumptions = {{"utilisation", r.spec.utilisation}, {"utilisation_given", r.utilisation_given}};
  if (r.spec.device_hours) assumptions["device_hours"] = *r.spec.device_hours;
  if (const auto wall = implied_wall_time(r.spec)) assumptions["wall_time_h"] = hours(*wall);
  j["estimate"] = {{"assumptions", assumptions}, {"equivalents", eq}, {"alternatives", alt}};
  return j;
}

}  // namespace carbonscope
