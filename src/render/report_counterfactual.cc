// Counterfactual sentences, JSON and chart.
#include "render/report_counterfactual.h"

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "carbonscope/hourly.h"
#include "carbonscope/svg_chart.h"

namespace carbonscope {
namespace {

const Counterfactual* find(const ReportBundle& b, const Report& r) {
  const auto it = b.counterfactuals.find(r.run.id);
  return it == b.counterfactuals.end() ? nullptr : &it->second;
}

std::string g_per_kwh(const Range<CarbonIntensity>& r) {
  return fmt::format("{} g/kWh", format_number_range(Range<double>::of(
                                     r.central.g_per_kwh(), r.low.g_per_kwh(), r.high.g_per_kwh())));
}

std::string less(const Range<Emissions>& what, const Range<Emissions>& base) {
  const double b = base.central.grams();
  if (!(b > 0)) return "";
  const double pct = 100.0 * (b - what.central.grams()) / b;
  return pct >= 0 ? fmt::format(", {:.0f}% less", pct) : fmt::format(", {:.0f}% more", -pct);
}

nlohmann::json range_json(double c, double lo, double hi) {
  return {{"central", c}, {"low", lo}, {"high", hi}};
}

nlohmann::json figure_json(const std::optional<CounterfactualFigure>& f) {
  if (!f) return nullptr;
  nlohmann::json j{
      {"place", f->place},
      {"intensity_g_per_kwh", range_json(f->intensity.central.g_per_kwh(), f->intensity.low.g_per_kwh(),
                                         f->intensity.high.g_per_kwh())},
      {"emissions_kg", range_json(f->emissions.central.kg(), f->emissions.low.kg(), f->emissions.high.kg())},
      {"basis", f->basis},
      {"data", f->data}};
  if (f->start_unix) j["start"] = format_iso_minute(*f->start_unix);
  return j;
}

}  // namespace

std::vector<std::string> counterfactual_sentences(const ReportBundle& bundle, const Report& run) {
  const Counterfactual* c = find(bundle, run);
  if (c == nullptr) return {};
  std::vector<std::string> out;
  Range<Emissions> base = run.footprint.emissions;
  if (c->own_hours) {
    base = c->own_hours->emissions;
    out.push_back(fmt::format(
        "With the intensity of its own hours ({}), {} over the run, the run emitted {}.", c->own_hours->data,
        g_per_kwh(c->own_hours->intensity), format_emissions_range(c->own_hours->emissions)));
  }
  if (c->best_time) {
    out.push_back(fmt::format(
        "Started at {} (the best start within a day of its real one, same place) it would have emitted {}{}, "
        "at {} "
        "({}).",
        format_iso_minute(*c->best_time->start_unix), format_emissions_range(c->best_time->emissions),
        less(c->best_time->emissions, base), g_per_kwh(c->best_time->intensity),
        c->own_hours && c->own_hours->data == c->best_time->data ? "the same data" : c->best_time->data));
  }
  if (c->best_region) {
    out.push_back(fmt::format(
        "In the cleanest of {}, {}, it would have emitted {}{}, at {} ({}).", c->region_scope,
        c->best_region->place, format_emissions_range(c->best_region->emissions),
        less(c->best_region->emissions, base), g_per_kwh(c->best_region->intensity), c->best_region->data));
  }
  for (const std::string& n : c->notes) out.push_back("Note: " + n + ".");
  return out;
}

nlohmann::json counterfactuals_json(const ReportBundle& bundle) {
  if (bundle.counterfactuals.empty()) return nullptr;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [id, c] : bundle.counterfactuals) {
    out[id] = {{"own_hours", figure_json(c.own_hours)},
               {"best_time", figure_json(c.best_time)},
               {"best_region", figure_json(c.best_region)},
               {"region_scope", c.region_scope},
               {"notes", c.notes}};
  }
  return out;
}

std::string counterfactual_svg(const ReportBundle& bundle, const Report& run) {
  const Counterfactual* c = find(bundle, run);
  if (c == nullptr || c->series.empty() || !c->own_hours) return "";
  ChartSeries s;
  s.name = "grid intensity";
  const double t0 = c->series.front().first;
  for (const auto& [t, v] : c->series) s.points.emplace_back((t - t0) / 3600.0, v);
  if (s.points.size() == 1) s.points.emplace_back(s.points.front().first + 1, s.points.front().second);
  return svg_line_chart({s}, "Grid intensity over the run's hours", "hours from " + format_iso_minute(t0),
                        "gCO2e/kWh") +
         "<p class=\"source\">" + html_escape(c->own_hours->data) + "</p>\n";
}

}  // namespace carbonscope
