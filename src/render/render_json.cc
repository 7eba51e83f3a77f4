// The `json` report format, schema carbonscope.report-bundle/1: the runs in
// carbonscope.report/1, their totals, the statement, the model-card block, the SCI
// score, the region comparison, the equivalents and the power series.
#include <fmt/format.h>

#include "render/report_counterfactual.h"
#include "formats/report_json.h"
#include "render/report_render.h"
#include "render/report_statement.h"

namespace carbonscope {
namespace {

using nlohmann::json;

double kwh(Energy e) { return e.kwh(); }
double kg(Emissions m) { return m.kg(); }
double grams(Emissions m) { return m.grams(); }

json totals_json(const RunTotals& t) {
  json components = json::array();
  for (const auto& c : t.components) {
    components.push_back({{"component", c.component}, {"energy_kwh", range_json(c.energy, kwh)}, {"how", c.how}});
  }
  return {{"runs", t.runs},
          {"incomplete", t.incomplete},
          {"duration_s", t.duration.count()},
          {"start", iso8601_utc(t.first_start_unix)},
          {"end", iso8601_utc(t.last_end_unix)},
          {"components", components},
          {"energy_kwh", range_json(t.it_energy, kwh)},
          {"facility_energy_kwh", range_json(t.facility_energy, kwh)},
          {"pue", {{"min", t.pue_min}, {"max", t.pue_max}, {"how", t.pue_how}}},
          {"intensity_g_per_kwh",
           {{"effective", t.effective_intensity().g_per_kwh()},
            {"min", t.intensity_min},
            {"max", t.intensity_max},
            {"how", t.intensity_how}}},
          {"emissions_kg", range_json(t.emissions, kg)},
          {"projects", t.projects},
          {"regions", t.regions},
          {"hardware", t.hardware}};
}

}  // namespace

json report_bundle_json(const ReportView& view) {
  const ReportBundle& b = view.bundle;
  const RunTotals& t = view.totals;
  const Statement s = build_statement(view);
  json runs = json::array();
  for (const Report& r : b.runs) runs.push_back(to_json(r));
  json rows = json::array();
  for (const auto& r : s.rows) rows.push_back({{"quantity", r.quantity}, {"value", r.value}, {"how", r.how}});
  json card = {{"emissions", t.emissions.central.grams()}, {"source", b.tool}};
  if (!b.training_type.empty()) card["training_type"] = b.training_type;
  if (!t.regions.empty()) card["geographical_location"] = fmt::format("{}", fmt::join(t.regions, ", "));
  if (!t.hardware.empty()) card["hardware_used"] = fmt::format("{}", fmt::join(t.hardware, "; "));
  const SciScore& sci = view.sci;
  json regions = json::array();
  for (const Alternative& r : view.regions) {
    regions.push_back({{"region", r.label},
                       {"intensity_g_per_kwh", r.intensity.value.central.g_per_kwh()},
                       {"source", r.intensity.provenance.detail},
                       {"emissions_kg", r.emissions.central.kg()}});
  }
  json equivalents = json::array();
  for (const EquivalentValue& e : view.equivalents) {
    equivalents.push_back({{"activity", e.equivalent->name},
                           {"unit", e.equivalent->unit},
                           {"g_per_unit", Emissions::kg(e.equivalent->kg_per_unit).grams()},
                           {"source", e.equivalent->source_id},
                           {"amount", e.amount}});
  }
  json samples = json::object();
  for (const auto& [id, series] : b.samples) {
    json t_s = json::array(), component = json::array(), power = json::array();
    for (const auto& p : series) {
      t_s.push_back(p.t_s);
      component.push_back(p.component);
      power.push_back(p.power.watts());
    }
    samples[id] = {{"t_s", t_s}, {"component", component}, {"power_w", power}};
  }
  json out = {{"schema", kReportBundleSchema},
          {"generated_by", b.tool},
          {"runs", runs},
          {"totals", totals_json(t)},
          {"statement", {{"paragraph", s.paragraph}, {"rows", rows}, {"notes", s.notes}}},
          {"model_card", {{"co2_eq_emissions", card}}},
          {"sci",
           {{"energy_kwh", sci.energy.central.kwh()},
            {"intensity_g_per_kwh", sci.intensity.g_per_kwh()},
            {"operational_g", range_json(sci.operational, grams)},
            {"embodied_g", sci.embodied.grams()},
            {"embodied_given", b.sci.embodied_given},
            {"functional_units", b.sci.functional_units},
            {"functional_unit", b.sci.functional_unit},
            {"per_unit_g", range_json(sci.per_unit, grams)}}},
          {"regions", regions},
          {"equivalents", equivalents},
          {"samples", samples}};
  if (!b.counterfactuals.empty()) out["counterfactuals"] = counterfactuals_json(b);
  return out;
}

}  // namespace carbonscope
