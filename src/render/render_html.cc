// The `html` report format: one self-contained page (inline CSS, inline SVG, no
// scripts, no network) with the statement, its tables and the charts.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "carbonscope/svg_chart.h"
#include "render/report_counterfactual.h"
#include "render/report_html.h"
#include "render/report_render.h"

namespace carbonscope {

const char* const kReportCss = R"css(
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #1d2327; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccd; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.25rem 0.6rem; border-bottom: 1px solid #e3e6e8; vertical-align: top; }
th { background: #f3f5f6; }
.paragraph { line-height: 1.5; background: #f7faf8; padding: 0.75rem 1rem; border-left: 4px solid #1b7f5f; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 0.5rem 0; }
.source { color: #5f6b73; font-size: 0.8rem; }
nav a, a { color: #1b5f8f; }
form.filters input, form.filters select { margin-right: 0.5rem; }
)css";

namespace {

std::string component_label(const std::string& c) {
  if (c == "gpu" || c == "cpu" || c == "ram") {
    std::string up = c;
    for (char& ch : up) ch = static_cast<char>(ch - 'a' + 'A');
    return up;
  }
  return c;
}

}  // namespace

std::string html_power_chart(const std::string& title, const std::vector<PowerSample>& samples) {
  double t_max = 0;
  for (const auto& s : samples) t_max = std::max(t_max, s.t_s);
  const double scale = t_max > 7200 ? 3600 : t_max > 300 ? 60 : 1;
  const char* unit = scale == 3600 ? "hours" : scale == 60 ? "minutes" : "seconds";
  std::vector<ChartSeries> series;
  for (const auto& s : samples) {
    auto it = std::find_if(series.begin(), series.end(),
                           [&](const ChartSeries& c) { return c.name == component_label(s.component); });
    if (it == series.end()) {
      series.push_back({component_label(s.component), {}});
      it = series.end() - 1;
    }
    it->points.emplace_back(s.t_s / scale, s.power.watts());
  }
  return svg_line_chart(series, title, fmt::format("time since start ({})", unit), "power (W)");
}

std::string html_energy_chart(const RunTotals& t) {
  std::vector<ChartBar> bars;
  for (const auto& c : t.components) {
    bars.push_back({component_label(c.component), c.energy.central.kwh(), format_energy(c.energy.central), false});
  }
  const Energy overhead = t.facility_energy.central - t.it_energy.central;
  if (overhead.kwh() > 0) bars.push_back({"facility overhead (PUE)", overhead.kwh(), format_energy(overhead), false});
  return svg_bar_chart(bars, "Energy by component");
}

std::string html_regions_chart(const ReportView& view) {
  const RunTotals& t = view.totals;
  if (view.regions.empty()) return "";
  std::vector<ChartBar> bars;
  // The run's own bar, then the others from the cleanest grid to the dirtiest.
  std::string here = t.regions.empty() ? "as run" : fmt::format("as run ({})", fmt::join(t.regions, ", "));
  bars.push_back({here, t.emissions.central.grams(), format_co2e(t.emissions.central), true});
  std::vector<std::string> sources;
  for (const Alternative& r : view.regions) {
    const Emissions m = r.emissions.central;
    bars.push_back({fmt::format("{} ({} g/kWh)", r.label, format_number(r.intensity.value.central.g_per_kwh())),
                    m.grams(), format_co2e(m), false});
    const std::string& source = r.intensity.provenance.detail;
    if (!source.empty() && std::find(sources.begin(), sources.end(), source) == sources.end()) {
      sources.push_back(source);
    }
  }
  std::string out = svg_bar_chart(bars, "The same energy in other regions");
  out += fmt::format("<p class=\"source\">Same facility energy ({}) times each region's grid intensity{}. "
                     "Intensities: {}.</p>\n",
                     html_escape(format_energy(t.facility_energy.central)),
                     view.provider_regions ? html_escape(", in the same provider's regions") : "",
                     sources.empty() ? "given on the command line" : html_escape(fmt::format("{}", fmt::join(sources, "; "))));
  return out;
}

std::string html_equivalents(const ReportView& view) {
  if (view.equivalents.empty()) return "";
  std::string out = "<table class=\"equivalents\"><tr><th>Equivalent to</th><th>Factor</th><th>Source</th></tr>\n";
  for (const EquivalentValue& v : view.equivalents) {
    const Equivalent& e = *v.equivalent;
    out += fmt::format("<tr><td>{} {} {}</td><td>{} per {}</td><td class=\"source\">{}</td></tr>\n",
                       format_number(v.amount), html_escape(e.unit), html_escape(e.name),
                       html_escape(format_co2e(Emissions::kg(e.kg_per_unit))), html_escape(e.unit),
                       html_escape(e.source_id));
  }
  return out + "</table>\n";
}

std::string html_runs_chart(const std::vector<Report>& runs) {
  std::vector<std::string> projects;
  double first = 0;
  Emissions largest;
  for (const Report& r : runs) {
    const std::string p = r.run.project.empty() ? "(no project)" : r.run.project;
    if (std::find(projects.begin(), projects.end(), p) == projects.end()) projects.push_back(p);
    if (r.run.start_unix != 0 && (first == 0 || r.run.start_unix < first)) first = r.run.start_unix;
    largest = std::max(largest, r.footprint.emissions.central);
  }
  const UnitScale unit = emissions_scale(largest);  // the unit the largest run is written in
  std::vector<ChartPoint> points;
  for (const Report& r : runs) {
    Energy measured;
    for (const ComponentEnergy& c : r.footprint.components) {
      if (c.provenance.method == Method::kMeasured) measured += c.energy.central;
    }
    const bool is_measured = r.run.kind != RunKind::kEstimate && measured.joules() * 2 >= r.footprint.it_energy.central.joules();
    const std::string p = r.run.project.empty() ? "(no project)" : r.run.project;
    const auto group = static_cast<std::size_t>(std::find(projects.begin(), projects.end(), p) - projects.begin());
    points.push_back({(r.run.start_unix - first) / 86400, r.footprint.emissions.central.grams() / unit.base_per_unit, group,
                      !is_measured,
                      fmt::format("{} ({}): {}", r.run.id, p, format_co2e(r.footprint.emissions.central))});
  }
  return svg_point_chart(points, projects, "Emissions per run",
                         first == 0 ? "days" : fmt::format("days since {}", format_utc_minute(first).substr(0, 10)),
                         fmt::format("emissions per run ({} CO2e)", unit.name), "mostly measured", "estimated");
}

std::string html_statement_tables(const Statement& s, bool method_notes) {
  std::string out = "<table class=\"figures\"><tr><th>Quantity</th><th>Value</th><th>How it was obtained</th></tr>\n";
  for (const auto& r : s.rows) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", html_escape(r.quantity), html_escape(r.value),
                       html_escape(r.how));
  }
  out += "</table>\n";
  if (!s.run_rows.empty()) {
    out += "<h2>Runs</h2>\n<table class=\"runs\"><tr>";
    for (const auto& h : s.run_header) out += "<th>" + html_escape(h) + "</th>";
    out += "</tr>\n";
    for (const auto& row : s.run_rows) {
      out += "<tr>";
      for (const auto& cell : row) out += "<td>" + html_escape(cell) + "</td>";
      out += "</tr>\n";
    }
    out += "</table>\n";
  }
  if (method_notes && !s.notes.empty()) {
    out += "<h2>Method notes</h2>\n<ul class=\"notes\">\n";
    for (const auto& n : s.notes) out += "<li>" + html_escape(n) + "</li>\n";
    out += "</ul>\n";
  }
  return out;
}

std::string render_html(const ReportView& view) {
  const ReportBundle& bundle = view.bundle;
  const Statement s = build_statement(view);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>Energy and carbon report</title>\n<style>" + std::string(kReportCss) + "</style>\n</head>\n<body>\n";
  out += "<h1>Energy use and carbon emissions</h1>\n";
  out += "<p class=\"paragraph\">" + html_escape(s.paragraph) + "</p>\n";
  out += html_statement_tables(s, bundle.method_notes);
  if (bundle.runs.size() == 1) {
    const Report& r = bundle.runs.front();
    const auto it = bundle.samples.find(r.run.id);
    if (r.run.kind != RunKind::kEstimate) {
      out += "<h2>Power over time</h2>\n";
      out += it == bundle.samples.end() || it->second.empty()
                 ? "<p>No power samples were recorded for this run.</p>\n"
                 : html_power_chart("Power of run " + r.run.id, it->second);
    }
    if (const auto cf = counterfactual_sentences(bundle, r); !cf.empty()) {
      out += "<h2>Counterfactual</h2>\n<ul>\n";
      for (const auto& c : cf) out += "<li>" + html_escape(c) + "</li>\n";
      out += "</ul>\n" + counterfactual_svg(bundle, r);
    }
  } else {
    out += "<h2>Emissions per run</h2>\n" + html_runs_chart(bundle.runs);
    out += "<p class=\"source\">One mark per run, by start time and project; filled: mostly measured by hardware "
           "counters, hollow: estimated (a power model or a saved estimate). Open a run for its power over time.</p>\n";
  }
  out += "<h2>Energy breakdown</h2>\n" + html_energy_chart(view.totals);
  if (const std::string regions = html_regions_chart(view); !regions.empty()) {
    out += "<h2>Other regions</h2>\n" + regions;
  }
  if (const std::string equivalents = html_equivalents(view); !equivalents.empty()) {
    out += "<h2>Everyday equivalents</h2>\n" + equivalents;
  }
  out += "<p class=\"source\">Generated by " + html_escape(bundle.tool) + ".</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace carbonscope
