// The `html` report format: one self-contained page (inline CSS, inline SVG, no
// scripts, no network) with the statement, its tables and the charts.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "sinks/report_html.h"
#include "sinks/report_render.h"
#include "sinks/report_totals.h"
#include "sinks/svg_chart.h"

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

std::string html_energy_chart(const std::vector<Report>& runs) {
  const RunTotals t = compute_totals(runs);
  std::vector<ChartBar> bars;
  for (const auto& c : t.components) {
    bars.push_back({component_label(c.component), c.energy.central.kwh(), format_energy(c.energy.central), false});
  }
  const Energy overhead = t.facility_energy.central - t.it_energy.central;
  if (overhead.kwh() > 0) bars.push_back({"facility overhead (PUE)", overhead.kwh(), format_energy(overhead), false});
  return svg_bar_chart(bars, "Energy by component");
}

std::string html_regions_chart(const ReportBundle& bundle) {
  const RunTotals t = compute_totals(bundle.runs);
  std::vector<ChartBar> bars;
  std::string here = t.regions.empty() ? "as run" : fmt::format("as run ({})", fmt::join(t.regions, ", "));
  bars.push_back({here, t.emissions.central.grams(), format_co2e(t.emissions.central), true});
  std::vector<std::string> sources;
  for (const auto& r : bundle.regions) {
    const Emissions m = t.facility_energy.central * r.intensity;
    bars.push_back({fmt::format("{} ({} g/kWh)", r.region, format_number(r.intensity.g_per_kwh())), m.grams(),
                    format_co2e(m), false});
    if (!r.source.empty() && std::find(sources.begin(), sources.end(), r.source) == sources.end()) {
      sources.push_back(r.source);
    }
  }
  std::string out = svg_bar_chart(bars, "The same energy in other regions");
  out += fmt::format("<p class=\"source\">Same facility energy ({}) times each region's grid intensity. "
                     "Intensities: {}.</p>\n",
                     html_escape(format_energy(t.facility_energy.central)),
                     sources.empty() ? "given on the command line" : html_escape(fmt::format("{}", fmt::join(sources, "; "))));
  return out;
}

std::string html_equivalents(const ReportBundle& bundle) {
  if (bundle.equivalents.empty()) return "";
  const RunTotals t = compute_totals(bundle.runs);
  std::string out = "<table class=\"equivalents\"><tr><th>Equivalent to</th><th>Factor</th><th>Source</th></tr>\n";
  for (const auto& e : bundle.equivalents) {
    const double amount = e.per_unit.grams() > 0 ? t.emissions.central / e.per_unit : 0;
    out += fmt::format("<tr><td>{} {} {}</td><td>{} per {}</td><td class=\"source\">{}</td></tr>\n",
                       format_number(amount), html_escape(e.unit), html_escape(e.activity),
                       html_escape(format_co2e(e.per_unit)), html_escape(e.unit), html_escape(e.source));
  }
  return out + "</table>\n";
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

std::string render_html(const ReportBundle& bundle) {
  const Statement s = build_statement(bundle);
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<title>Energy and carbon report</title>\n<style>" + std::string(kReportCss) + "</style>\n</head>\n<body>\n";
  out += "<h1>Energy use and carbon emissions</h1>\n";
  out += "<p class=\"paragraph\">" + html_escape(s.paragraph) + "</p>\n";
  out += html_statement_tables(s, bundle.method_notes);
  out += "<h2>Power over time</h2>\n";
  std::size_t charts = 0;
  for (const Report& r : bundle.runs) {
    const auto it = bundle.samples.find(r.run.id);
    if (it == bundle.samples.end() || it->second.empty()) continue;
    if (++charts > 12) {
      out += "<p>Charts for the remaining runs are left out; open them one by one.</p>\n";
      break;
    }
    out += html_power_chart("Power of run " + r.run.id, it->second);
  }
  if (charts == 0) out += "<p>No power samples were recorded for these runs.</p>\n";
  out += "<h2>Energy breakdown</h2>\n" + html_energy_chart(bundle.runs);
  if (!bundle.regions.empty()) out += "<h2>Other regions</h2>\n" + html_regions_chart(bundle);
  if (!bundle.equivalents.empty()) out += "<h2>Everyday equivalents</h2>\n" + html_equivalents(bundle);
  out += "<p class=\"source\">Generated by " + html_escape(bundle.tool) + ".</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace carbonscope
