// EstimateResult -> JSON (docs/reference/json.md, "estimate object").
#include "formats/estimate_json.h"

#include "formats/report_json.h"

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
  for (const Alternative& a : r.alternatives) {
    alt.push_back({{"label", a.label},
                   {"intensity_g_per_kwh", a.intensity.value.central.g_per_kwh()},
                   {"pue", a.pue.value.central},
                   {"emissions_kg", a.emissions.central.kg()},
                   {"source_id", a.intensity.provenance.source_id},
                   {"year", a.intensity.provenance.year}});
  }
  nlohmann::json assumptions = {{"utilisation", r.spec.utilisation}, {"utilisation_given", r.utilisation_given}};
  if (r.spec.device_hours) assumptions["device_hours"] = *r.spec.device_hours;
  if (const auto wall = implied_wall_time(r.spec)) assumptions["wall_time_h"] = hours(*wall);
  const auto h = [](Duration d) { return hours(d); };
  if (r.spec.compute) {
    const ComputeDemand& c = *r.spec.compute;
    nlohmann::json mfu = range_json(c.mfu.value, [](double v) { return v; });
    mfu.update(provenance_json(c.mfu.provenance));
    if (!c.mfu.evidence_id.empty()) mfu["evidence_id"] = c.mfu.evidence_id;
    assumptions["compute"] = {{"flops", c.flops.count()},       {"formula", c.formula},
                              {"precision", c.precision},       {"peak_tflops_per_device", c.peak.tflops()},
                              {"mfu", std::move(mfu)},          {"device_hours", range_json(c.device_time(), h)}};
  }
  const Footprint& f = r.report.footprint;
  if (r.requests) {
    const double k = 1.0 / *r.requests;
    const auto wh = [](Energy e) { return e.wh(); };
    const auto g = [](Emissions m) { return m.grams(); };
    const auto kwh = [](Energy e) { return e.kwh(); };
    const auto kg = [](Emissions m) { return m.kg(); };
    j["estimate"]["requests"] = *r.requests;
    j["estimate"]["per_request"] = {{"facility_energy_wh", range_json(f.facility_energy.scaled(k), wh)},
                                    {"emissions_g", range_json(f.emissions.scaled(k), g)}};
    j["estimate"]["per_1000_requests"] = {
        {"facility_energy_kwh", range_json(f.facility_energy.scaled(k * 1000), kwh)},
        {"emissions_kg", range_json(f.emissions.scaled(k * 1000), kg)}};
  }
  if (r.price_per_kwh) {
    const double price = *r.price_per_kwh;
    j["estimate"]["electricity_cost"] = range_json(f.facility_energy, [price](Energy e) { return e.kwh() * price; });
    j["estimate"]["electricity_cost"]["price_per_kwh"] = price;
  }
  assumptions["workload"] = r.workload;
  if (r.machine != nullptr) {
    const Instance& m = *r.machine;
    nlohmann::json machine = {{"name", m.name},           {"kind", m.kind},         {"provider", m.provider},
                              {"count", r.machines},      {"gpu", m.gpu},           {"gpu_count", m.gpu_count},
                              {"cpu", m.cpu},             {"memory_gb", m.memory_gb}, {"source_id", m.source_id}};
    if (m.vcpus > 0) machine["vcpus"] = m.vcpus;
    if (m.max_system_w) machine["max_system_w"] = *m.max_system_w;
    j["estimate"]["machine"] = machine;
  }
  nlohmann::json host = {{"counted", r.host.counted}, {"how", r.host.how}};
  if (r.host.would_add) {
    host["would_add_it_energy_kwh"] = range_json(*r.host.would_add, [](Energy e) { return e.kwh(); });
    host["add_with"] = {"--whole-node", "--instance", "--node"};
  }
  j["estimate"]["host"] = host;
  if (r.market_based) {
    const MarketBased& mb = *r.market_based;
    nlohmann::json m = {{"cfe_share", mb.cfe_share},
                        {"emissions_kg", range_json(mb.emissions, [](Emissions e) { return e.kg(); })},
                        {"method", "location-based x (1 - carbon-free-energy share); a simplification, see "
                                   "docs/methodology-estimate.md"}};
    m["cfe_share_provenance"] = provenance_json(mb.provenance);
    j["estimate"]["market_based"] = m;
  }
  j["estimate"]["assumptions"] = assumptions;
  j["estimate"]["equivalents"] = eq;
  j["estimate"]["alternatives"] = alt;
  return j;
}

}  // namespace carbonscope
