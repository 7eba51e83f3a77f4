// The JSON mapping of a life-cycle result. Field names are part of the public schema.
#include "formats/lca_json.h"

#include "formats/report_json.h"

namespace carbonscope {
namespace {

using nlohmann::json;

double kwh(Energy e) { return e.kwh(); }
double wh(Energy e) { return e.wh(); }
double kg(Emissions m) { return m.kg(); }
double grams(Emissions m) { return m.grams(); }
double plain(double x) { return x; }

json entry_json(const LcaLine& l) {
  json j = {{"part", std::string(lca_part_name(l.part))},
            {"name", l.name},
            {"detail", l.detail},
            {"share", l.share},
            {"emissions_kg", range_json(l.emissions, kg)}};
  json prov = provenance_json(l.provenance);
  j["provenance"] = std::move(prov);
  if (l.part == LcaPart::kEmbodied) {
    j["unit_hours"] = range_json(l.unit_hours, plain);
    return j;
  }
  j["energy_kwh"] = range_json(l.energy, kwh);
  j["facility_energy_kwh"] = range_json(l.facility_energy, kwh);
  if (l.pue) {
    json pue = range_json(l.pue->value, plain);
    pue.update(provenance_json(l.pue->provenance));
    j["pue"] = std::move(pue);
  }
  if (l.intensity) {
    json ci = range_json(l.intensity->value, [](CarbonIntensity c) { return c.g_per_kwh(); });
    ci.update(provenance_json(l.intensity->provenance));
    j["intensity_g_per_kwh"] = std::move(ci);
  }
  if (l.requests) {
    j["requests"] = *l.requests;
    j["per_request"] = {{"facility_energy_wh", range_json(l.facility_energy_per_request, wh)},
                        {"emissions_g", range_json(l.emissions_per_request, grams)}};
    j["per_1000_requests"] = {
        {"facility_energy_kwh", range_json(l.facility_energy_per_request.scaled(1000), kwh)},
        {"emissions_kg", range_json(l.emissions_per_request.scaled(1000), kg)}};
  }
  return j;
}

}  // namespace

json lca_to_json(const LcaResult& r) {
  json parts = json::array();
  for (const LcaPartTotal& p : r.parts) {
    parts.push_back({{"part", std::string(lca_part_name(p.part))},
                     {"share", p.share},
                     {"emissions_kg", range_json(p.emissions, kg)},
                     {"facility_energy_kwh", range_json(p.facility_energy, kwh)}});
  }
  json entries = json::array();
  for (const LcaLine& l : r.lines) entries.push_back(entry_json(l));
  return {{"schema", kLcaSchema},
          {"project", r.project},
          {"total", {{"emissions_kg", range_json(r.emissions, kg)},
                     {"facility_energy_kwh", range_json(r.facility_energy, kwh)}}},
          {"parts", std::move(parts)},
          {"entries", std::move(entries)},
          {"notes", r.notes}};
}

}  // namespace carbonscope
