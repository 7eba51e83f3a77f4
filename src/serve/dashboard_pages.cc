// HTML of the dashboard pages.
#include "serve/dashboard_pages.h"

#include <fmt/format.h>

#include "accounting/report_totals.h"
#include "carbonscope/format.h"
#include "carbonscope/run_compare.h"
#include "carbonscope/svg_chart.h"
#include "render/report_html.h"
#include "render/report_statement.h"

namespace carbonscope {
namespace {

std::string page(const std::string& title, const std::string& body) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0} - carbonscope</title>\n"
      "<style>{1}</style>\n<link rel=\"stylesheet\" href=\"/static/dashboard.css\">\n</head>\n<body>\n"
      "<header class=\"top\"><h1>carbonscope</h1><nav><a href=\"/\">Runs</a><a href=\"/projects\">Projects</a></nav>"
      "</header>\n<main>\n<h2>{0}</h2>\n{2}</main>\n</body>\n</html>\n",
      html_escape(title), kReportCss, body);
}

std::string run_link(const std::string& id) {
  return fmt::format("<a href=\"/runs/{0}\">{0}</a>", html_escape(id));
}

std::string select(const char* name, const std::string& current, std::initializer_list<const char*> options) {
  std::string out = fmt::format("<select name=\"{}\"><option value=\"\">any</option>", name);
  for (const char* o : options) {
    out += fmt::format("<option{}>{}</option>", current == o ? " selected" : "", o);
  }
  return out + "</select>";
}

}  // namespace

std::string runs_page(const std::vector<RunSummary>& runs, const FilterForm& f, std::int64_t total_runs,
                      std::size_t shown_limit) {
  std::string body = "<form class=\"filters\" method=\"get\" action=\"/\">";
  auto text = [&](const char* label, const char* name, const std::string& value, const char* hint) {
    body += fmt::format("<label>{} <input type=\"text\" name=\"{}\" value=\"{}\" placeholder=\"{}\"></label>", label,
                        name, html_escape(value), hint);
  };
  text("Project", "project", f.project, "any");
  text("Tag", "tag", f.tag, "any");
  text("Since", "since", f.since, "YYYY-MM-DD");
  text("Until", "until", f.until, "YYYY-MM-DD");
  body += "<label>Status " + select("status", f.status, {"complete", "incomplete"}) + "</label>";
  body += "<label>Kind " + select("kind", f.kind, {"run", "monitor", "estimate"}) + "</label>";
  body += "<button type=\"submit\">Filter</button></form>\n";

  Energy energy;
  Emissions emissions;
  for (const auto& r : runs) {
    if (!r.problem.empty()) continue;  // absurd stored figures: not added
    energy += r.energy;
    emissions += r.emissions;
  }
  body += fmt::format("<div class=\"totals\"><div>Runs shown<b id=\"run-count\">{}</b></div><div>Energy (IT)<b>{}</b>"
                      "</div><div>Emissions<b>{}</b></div></div>\n",
                      runs.size(), html_escape(format_energy(energy)), html_escape(format_co2e(emissions)));
  if (runs.size() >= shown_limit && total_runs > static_cast<std::int64_t>(runs.size())) {
    body += fmt::format("<p>Showing the newest {} runs of {}; narrow them with the filters.</p>\n", runs.size(),
                        total_runs);
  }
  if (runs.empty()) return page("Runs", body + "<p>No runs match.</p>\n");
  body += "<form method=\"get\" action=\"/compare\">\n<table class=\"runs\" id=\"runs\"><tr><th></th><th>Run</th>"
          "<th>Start</th><th>Kind</th><th>Project</th><th>Tags</th><th>Duration</th><th>Energy</th><th>Emissions</th>"
          "<th>Status</th></tr>\n";
  for (const auto& r : runs) {
    body += fmt::format(
        "<tr class=\"run\"><td><input type=\"checkbox\" name=\"id\" value=\"{0}\"></td><td>{1}</td><td>{2}</td>"
        "<td>{3}</td><td>{4}</td><td>{5}</td><td class=\"num\">{6}</td><td class=\"num\">{7}</td>"
        "<td class=\"num\">{8}</td><td>{9}</td></tr>\n",
        html_escape(r.id), run_link(r.id), html_escape(format_utc_minute(r.start_unix)),
        html_escape(std::string(run_kind_name(r.kind))), html_escape(r.project),
        html_escape(fmt::format("{}", fmt::join(r.tags, ", "))),
        html_escape(r.problem.empty() ? format_duration(r.duration) : "invalid"),
        html_escape(r.problem.empty() ? format_energy(r.energy) : "invalid"),
        html_escape(r.problem.empty() ? format_co2e(r.emissions) : "invalid"),
        r.complete ? "complete" : "incomplete");
  }
  body += "</table>\n<button type=\"submit\">Compare selected runs</button>\n</form>\n";
  return page("Runs", body);
}

std::string run_page(const ReportBundle& b) {
  const Report& r = b.runs.front();
  const ReportView view = build_report_view(b);
  const Statement s = build_statement(view);
  std::string body = "<p class=\"paragraph\">" + html_escape(s.paragraph) + "</p>\n";
  body += html_statement_tables(s, /*method_notes=*/true);
  const auto it = b.samples.find(r.run.id);
  const bool estimate = r.run.kind == RunKind::kEstimate;
  if (!estimate) {
    body += "<h2>Power over time</h2>\n";
    body += html_power_chart("Power by component", it == b.samples.end() ? std::vector<PowerSample>{} : it->second);
  }
  body += "<h2>Energy breakdown</h2>\n" + html_energy_chart(view.totals);
  if (!b.regions.empty()) body += "<h2>Other regions</h2>\n" + html_regions_chart(view);
  if (!b.equivalents.empty()) body += "<h2>Everyday equivalents</h2>\n" + html_equivalents(view);
  if (estimate) {
    body += fmt::format("<p class=\"source\">A saved estimate: nothing ran and nothing was measured. "
                        "<a href=\"/api/runs/{}\">JSON</a></p>\n", html_escape(r.run.id));
  } else {
    body += fmt::format("<p class=\"source\">Command: <code>{}</code>; host {}. <a href=\"/api/runs/{}\">JSON</a></p>\n",
                        html_escape(fmt::format("{}", fmt::join(r.run.command, " "))), html_escape(r.run.host),
                        html_escape(r.run.id));
  }
  return page((estimate ? "Estimate " : "Run ") + r.run.id, body);
}

std::string projects_page(const std::vector<ProjectTotal>& projects) {
  std::string body = "<table class=\"projects\"><tr><th>Project</th><th>Runs</th><th>Duration</th><th>Energy (IT)</th>"
                     "<th>Emissions</th><th>First run</th><th>Last run</th></tr>\n";
  std::vector<ChartBar> bars;
  for (const auto& p : projects) {
    const std::string name = p.project.empty() ? "(no project)" : p.project;
    body += fmt::format(
        "<tr><td><a href=\"/?project={}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
        html_escape(p.project), html_escape(name), p.runs, html_escape(format_duration(p.duration)),
        html_escape(format_energy(p.energy)), html_escape(format_co2e(p.emissions)),
        html_escape(format_utc_minute(p.first_start_unix)), html_escape(format_utc_minute(p.last_start_unix)));
    bars.push_back({name, p.emissions.grams(), format_co2e(p.emissions), false});
  }
  body += "</table>\n";
  if (!bars.empty()) body += svg_bar_chart(bars, "Emissions by project");
  return page("Projects", body);
}

std::string compare_page(const ReportBundle& b) {
  std::string body = "<table class=\"compare\"><tr><th></th>";
  for (const auto& r : b.runs) body += "<th>" + run_link(r.run.id) + "</th>";
  body += "</tr>\n";
  const std::vector<std::vector<std::string>> rows = compare_rows(b.runs);  // as `runs compare` shows them
  for (std::size_t i = 1; i < rows.size(); ++i) {  // rows[0]: the ids, the header above
    body += "<tr><td>" + html_escape(rows[i][0]) + "</td>";
    for (std::size_t k = 1; k < rows[i].size(); ++k) body += "<td>" + html_escape(rows[i][k]) + "</td>";
    body += "</tr>\n";
  }
  body += "</table>\n";
  std::vector<ChartBar> energy, emissions;
  for (const auto& r : b.runs) {
    energy.push_back({r.run.id, r.footprint.it_energy.central.kwh(), format_energy(r.footprint.it_energy.central), false});
    emissions.push_back({r.run.id, r.footprint.emissions.central.grams(), format_co2e(r.footprint.emissions.central), false});
  }
  body += svg_bar_chart(energy, "Energy (IT) by run") + svg_bar_chart(emissions, "Emissions by run");
  return page("Compare runs", body);
}

std::string error_page(int status, const std::string& message) {
  return page(fmt::format("Error {}", status), "<p class=\"error\">" + html_escape(message) + "</p>\n");
}

}  // namespace carbonscope
