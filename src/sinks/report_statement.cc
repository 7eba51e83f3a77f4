// Builds the paper paragraph and the figure table from the runs of a bundle.
#include "sinks/report_statement.h"

#include <algorithm>

#include <fmt/format.h>

#include "carbonscope/format.h"
#include "sinks/report_totals.h"

namespace carbonscope {
namespace {

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  return fmt::format("{}", fmt::join(v, sep));
}

std::string component_name(const std::string& c) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"gpu", "GPU"}, {"cpu", "CPU"}, {"ram", "RAM"}, {"psys", "platform (psys)"}};
  for (const auto& [key, name] : kNames) {
    if (c == key) return name;
  }
  return c;
}

std::string pue_value(const RunTotals& t) {
  return t.pue_min == t.pue_max ? format_number(t.pue_min)
                                : fmt::format("{} to {} (varies by run)", format_number(t.pue_min), format_number(t.pue_max));
}

std::string intensity_value(const RunTotals& t) {
  if (t.intensity_min == t.intensity_max) return format_intensity(CarbonIntensity::g_per_kwh(t.intensity_min));
  return fmt::format("{} (energy-weighted; {} to {} by run)", format_intensity(t.effective_intensity()),
                     format_number(t.intensity_min), format_number(t.intensity_max));
}

std::string paragraph(const ReportBundle& b, const RunTotals& t) {
  std::string subject;
  const std::string projects = join(t.projects, ", ");
  if (t.runs == 1) {
    const RunInfo& run = b.runs.front().run;
    subject = run.kind == RunKind::kEstimate ? "The estimated run" : "The run";
    subject += fmt::format(" {}", run.id);
    if (!run.project.empty()) subject += fmt::format(" of project {}", run.project);
    if (run.start_unix != 0) subject += fmt::format(", started {},", format_utc_minute(run.start_unix));
  } else {
    subject = fmt::format("The {} runs", t.runs);
    if (!projects.empty()) subject += fmt::format(" of {} {}", t.projects.size() > 1 ? "projects" : "project", projects);
    if (t.first_start_unix != 0) {
      subject += fmt::format(" ({} to {})", format_utc_minute(t.first_start_unix).substr(0, 10),
                             format_utc_minute(t.last_end_unix).substr(0, 10));
    }
  }
  std::string where;
  if (!t.hardware.empty()) where += " on " + join(t.hardware, " and ");
  if (!t.regions.empty()) where += " in " + join(t.regions, ", ");
  std::vector<std::string> parts;
  for (const ComponentTotal& c : t.components) {
    parts.push_back(fmt::format("{} {}, {}", component_name(c.component), format_energy(c.energy.central),
                                join(c.how, "; ")));
  }
  std::string out = fmt::format("{} ran for {}{}{}.", subject, t.runs > 1 ? "a total of " : "",
                                format_duration(t.duration), where);
  out += fmt::format(" {} used {} of electricity at the IT equipment", t.runs > 1 ? "They" : "It",
                     format_energy_range(t.it_energy));
  if (!parts.empty()) out += fmt::format(" ({})", join(parts, "; "));
  out += fmt::format(", or {} at the facility with a PUE of {}.", format_energy(t.facility_energy.central),
                     pue_value(t));
  out += fmt::format(" At a carbon intensity of {} ({}), this corresponds to {}.", intensity_value(t),
                     join(t.intensity_how, "; "), format_emissions_range(t.emissions));
  if (t.incomplete > 0) {
    out += fmt::format(" {} of the runs {} stopped before it finished; its figures cover the time recorded.",
                       t.incomplete, t.incomplete > 1 ? "were" : "was");
  }
  out += fmt::format(" Figures were obtained with {}.", b.tool);
  return out;
}

}  // namespace

Statement build_statement(const ReportBundle& b) {
  Statement s;
  const RunTotals t = compute_totals(b.runs);
  s.paragraph = paragraph(b, t);
  s.rows.push_back({"Runs", std::to_string(t.runs) + (t.incomplete ? fmt::format(" ({} incomplete)", t.incomplete) : ""),
                    "recorded in the ledger"});
  s.rows.push_back({"Hardware", t.hardware.empty() ? "not recorded" : join(t.hardware, "; "), "detected by the tracker"});
  s.rows.push_back({"Region", t.regions.empty() ? "not recorded" : join(t.regions, ", "), "as resolved for the run"});
  s.rows.push_back({"Duration", format_duration(t.duration), t.runs > 1 ? "sum of wall-clock durations" : "wall clock"});
  for (const ComponentTotal& c : t.components) {
    s.rows.push_back({fmt::format("Energy, {}", component_name(c.component)), format_energy_range(c.energy),
                      join(c.how, "; ")});
  }
  s.rows.push_back({"Energy, IT total", format_energy_range(t.it_energy), "sum of the components"});
  s.rows.push_back({"PUE", pue_value(t), join(t.pue_how, "; ")});
  s.rows.push_back({"Energy, facility", format_energy_range(t.facility_energy), "IT energy x PUE"});
  s.rows.push_back({"Carbon intensity", intensity_value(t), join(t.intensity_how, "; ")});
  s.rows.push_back({"Emissions", format_emissions_range(t.emissions), "facility energy x carbon intensity"});

  if (b.runs.size() > 1) {
    s.run_header = {"Run", "Project", "Start", "Duration", "Region", "Energy (IT)", "Emissions"};
    for (const Report& r : b.runs) {
      s.run_rows.push_back({r.run.id + (r.run.complete ? "" : " (incomplete)"), r.run.project,
                            format_utc_minute(r.run.start_unix), format_duration(r.run.duration), r.run.region,
                            format_energy(r.footprint.it_energy.central),
                            format_co2e(r.footprint.emissions.central)});
    }
  }
  for (const Report& r : b.runs) {
    for (const std::string& n : r.notes) {
      const std::string line = b.runs.size() > 1 ? fmt::format("{}: {}", r.run.id, n) : n;
      if (std::find(s.notes.begin(), s.notes.end(), line) == s.notes.end()) s.notes.push_back(line);
    }
  }
  return s;
}

}  // namespace carbonscope
