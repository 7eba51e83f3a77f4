// Builds the paper paragraph, the figure table and the method notes from the runs of a
// bundle. Tracked runs and saved estimates share the structure and differ in wording:
// an estimate's hardware and duration are given, it is prepared (not started), and the
// assumptions that drive it (utilisation, MFU) are stated next to its figures.
#include "render/report_statement.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "carbonscope/format.h"

namespace carbonscope {
namespace {

constexpr std::size_t kShortDetail = 48;  // longer details go to the method notes

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  return fmt::format("{}", fmt::join(v, sep));
}

// "a", "a and b", "a, b and c".
std::string and_list(const std::vector<std::string>& v) {
  if (v.size() <= 1) return v.empty() ? "" : v.front();
  return join(std::vector<std::string>(v.begin(), v.end() - 1), ", ") + " and " + v.back();
}

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::string component_name(const std::string& c) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"gpu", "GPU"}, {"cpu", "CPU"}, {"ram", "RAM"}, {"psys", "platform (psys)"}};
  for (const auto& [key, name] : kNames) {
    if (c == key) return name;
  }
  return c;
}

// What the runs of a bundle are: tracked runs, saved estimates, or both.
struct Kinds {
  std::size_t runs = 0;
  std::size_t estimates = 0;
  bool all_estimates() const { return runs == 0; }
  bool mixed() const { return runs > 0 && estimates > 0; }
};

Kinds kinds_of(const std::vector<Report>& reports) {
  Kinds k;
  for (const Report& r : reports) ++(r.run.kind == RunKind::kEstimate ? k.estimates : k.runs);
  return k;
}

// Distinct values of one assumption over the estimates: "70%", "40% (30% to 50%)",
// each with whether it was given.
struct AssumptionSummary {
  std::vector<std::string> values;
  std::vector<std::string> sources;  // "given", "default"
};

std::string percent_range(const Range<double>& r) {
  if (r.is_exact()) return format_percent(r.central);
  return fmt::format("{} ({} to {})", format_percent(r.central), format_percent(r.low),
                     format_percent(r.high));
}

std::map<std::string, AssumptionSummary> assumptions_of(const std::vector<Report>& reports) {
  std::map<std::string, AssumptionSummary> out;
  for (const Report& r : reports) {
    for (const Assumption& a : r.assumptions) {
      AssumptionSummary& s = out[a.name];
      add_unique(s.values, percent_range(a.value));
      add_unique(s.sources, std::string(method_name(a.provenance.method)));
    }
  }
  return out;
}

std::string pue_value(const std::vector<Report>& runs, const RunTotals& t) {
  if (runs.size() == 1) return format_number_range(runs.front().footprint.pue.value);
  return t.pue_min == t.pue_max
             ? format_number(t.pue_min)
             : fmt::format("{} to {} (varies by run)", format_number(t.pue_min), format_number(t.pue_max));
}

std::string intensity_value(const RunTotals& t) {
  if (t.intensity_min == t.intensity_max)
    return format_intensity(CarbonIntensity::g_per_kwh(t.intensity_min));
  return fmt::format("{} (energy-weighted; {} to {} by run)", format_intensity(t.effective_intensity()),
                     format_number(t.intensity_min), format_number(t.intensity_max));
}

// The source of a PUE or intensity in a few words for the paragraph: "given",
// "owid-2023, FR, 2023", "default: owid-ember, WORLD, 2024".
std::string short_source(const Provenance& p) {
  std::vector<std::string> parts;
  if (!p.source_id.empty()) parts.push_back(p.source_id);
  if (!p.region.empty()) parts.push_back(p.region);
  if (p.year != 0) parts.push_back(std::to_string(p.year));
  if (p.method == Method::kReference && !parts.empty()) return join(parts, ", ");
  std::string out(method_name(p.method));
  if (!parts.empty()) out += ": " + join(parts, ", ");
  return out;
}

std::vector<std::string> distinct_sources(const std::vector<Report>& reports, bool pue) {
  std::vector<std::string> out;
  for (const Report& r : reports)
    add_unique(out, short_source(pue ? r.footprint.pue.provenance : r.footprint.intensity.provenance));
  return out;
}

// "GPU and CPU energy was measured by hardware energy counters, RAM energy estimated
// with a power model."
std::string method_clause(const std::vector<Report>& reports, const Kinds& k, bool compute) {
  std::vector<std::string> order;
  std::map<std::string, std::set<Method>> methods;
  for (const Report& r : reports) {
    for (const ComponentEnergy& c : r.footprint.components) {
      add_unique(order, c.component);
      methods[c.component].insert(c.provenance.method);
    }
  }
  const auto phrase = [&](const std::set<Method>& m) -> std::string {
    if (m.size() > 1) return "partly measured and partly estimated";
    switch (*m.begin()) {
      case Method::kMeasured:
        return "measured by hardware energy counters";
      case Method::kEstimated:
        if (compute && k.all_estimates())
          return "estimated from the devices' rated power over the time the compute takes";
        if (k.all_estimates()) return "estimated from the devices' rated power x utilisation x time";
        return "estimated with a power model";
      case Method::kGiven:
        return "given";
      default:
        return "taken from reference data";
    }
  };
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;  // phrase -> components
  for (const std::string& c : order) {
    const std::string p = phrase(methods[c]);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == p; });
    if (it == groups.end()) {
      groups.push_back({p, {}});
      it = groups.end() - 1;
    }
    it->second.push_back(component_name(c));
  }
  if (groups.empty()) return "";
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto& [p, components] = groups[i];
    const std::string subject = groups.size() == 1 && components.size() > 1 ? "All" : and_list(components);
    parts.push_back(fmt::format("{} energy {}{}", subject, i == 0 ? "was " : "", p));
  }
  return join(parts, ", ") + ".";
}

// "70% (given)", "40% (30% to 50%, default)".
std::string with_source(const AssumptionSummary& s) {
  const std::string values = join(s.values, ", ");
  const std::string sources = join(s.sources, ", ");
  if (s.values.size() == 1 && values.back() == ')')
    return values.substr(0, values.size() - 1) + ", " + sources + ")";
  return fmt::format("{} ({})", values, sources);
}

// ", at 70% utilisation (given), with the time predicted from the compute at an MFU
// of 40% (30% to 50%, default)".
std::string assumption_clause(const std::map<std::string, AssumptionSummary>& a) {
  std::vector<std::string> parts;
  if (const auto u = a.find("utilisation"); u != a.end()) {
    const std::string v = with_source(u->second);
    const std::size_t space = v.find(' ');
    parts.push_back(fmt::format("at {} utilisation{}", v.substr(0, space), v.substr(space)));
  }
  if (const auto m = a.find("mfu"); m != a.end()) {
    parts.push_back("with the time predicted from the compute at an MFU of " + with_source(m->second));
  }
  return parts.empty() ? "" : ", " + join(parts, ", ");
}

std::string hardware_prose(const RunTotals& t) {
  std::vector<std::string> h;
  for (std::string s : t.hardware) {
    for (std::size_t pos = s.find("; "); pos != std::string::npos; pos = s.find("; ", pos))
      s.replace(pos, 2, " with ");
    h.push_back(s);
  }
  return and_list(h);
}

std::string paragraph(const ReportBundle& b, const RunTotals& t, const Kinds& k) {
  const auto assumptions = assumptions_of(b.runs);
  const bool compute = assumptions.count("mfu") > 0;
  std::string subject;
  if (t.runs == 1) {
    const RunInfo& run = b.runs.front().run;
    const bool estimate = run.kind == RunKind::kEstimate;
    subject = estimate ? "The estimate" : "The run";
    if (!run.project.empty()) subject += fmt::format(" {} project {}", estimate ? "for" : "of", run.project);
    if (run.start_unix != 0) {
      subject +=
          fmt::format(", {} {},", estimate ? "prepared at" : "started", format_utc_minute(run.start_unix));
    }
  } else {
    subject = k.mixed() ? fmt::format("The {} run{} and {} estimate{}", k.runs, k.runs > 1 ? "s" : "",
                                      k.estimates, k.estimates > 1 ? "s" : "")
              : k.all_estimates() ? fmt::format("The {} estimates", t.runs)
                                  : fmt::format("The {} runs", t.runs);
    if (!t.projects.empty()) {
      subject += fmt::format(" {} {} {}", k.all_estimates() ? "for" : "of",
                             t.projects.size() > 1 ? "projects" : "project", and_list(t.projects));
    }
    if (t.first_start_unix != 0) {
      subject += fmt::format(" ({} to {})", format_utc_minute(t.first_start_unix).substr(0, 10),
                             format_utc_minute(std::max(t.last_end_unix, t.first_start_unix)).substr(0, 10));
    }
  }
  const char* verb = k.all_estimates() ? "assume" : k.mixed() ? "cover" : "ran for";
  std::string out =
      fmt::format("{} {}{} {}", subject, t.runs == 1 ? (k.all_estimates() ? "assumes" : "ran for") : verb,
                  t.runs > 1 ? " a total of" : "", format_duration(t.duration));
  if (!t.hardware.empty()) out += " on " + hardware_prose(t);
  if (!t.regions.empty()) out += " in " + and_list(t.regions);
  out += assumption_clause(assumptions) + ".";
  const std::string pue = t.pue_min == t.pue_max
                              ? format_number(t.pue_min)
                              : fmt::format("{} to {}", format_number(t.pue_min), format_number(t.pue_max));
  out += fmt::format(
      " {} {} {} of electricity at the IT equipment, or {} at the facility with a PUE of {} ({}).",
      t.runs > 1 ? "They" : "It", k.all_estimates() ? "would use" : "used", format_energy_range(t.it_energy),
      format_energy(t.facility_energy.central), pue, join(distinct_sources(b.runs, true), "; "));
  if (const std::string m = method_clause(b.runs, k, compute); !m.empty()) out += " " + m;
  const std::string sources = join(distinct_sources(b.runs, false), "; ");
  if (t.intensity_min == t.intensity_max) {
    out += fmt::format(" At a carbon intensity of {} ({}), this corresponds to {}.", intensity_value(t),
                       sources, format_emissions_range(t.emissions));
  } else {
    out += fmt::format(
        " At an energy-weighted carbon intensity of {} ({} to {} by run; {}), this corresponds to {}.",
        format_intensity(t.effective_intensity()), format_number(t.intensity_min),
        format_number(t.intensity_max), sources, format_emissions_range(t.emissions));
  }
  if (t.incomplete > 0) {
    out += t.runs == 1
               ? " The run was stopped before it finished; its figures cover the time recorded."
               : fmt::format(
                     " {} of the runs {} stopped before {} finished; {} figures cover the time recorded.",
                     t.incomplete, t.incomplete > 1 ? "were" : "was", t.incomplete > 1 ? "they" : "it",
                     t.incomplete > 1 ? "their" : "its");
  }
  out += fmt::format(" Figures were {} with {}.", k.all_estimates() ? "estimated" : "obtained", b.tool);
  return out;
}

// "detected by the tracker", "given", or both with what each applies to.
std::string by_kind(const Kinds& k, const std::string& runs, const std::string& estimates) {
  if (k.all_estimates()) return estimates;
  if (k.estimates == 0) return runs;
  return fmt::format("{} (runs); {} (estimates)", runs, estimates);
}

// Every distinct line with the number of runs it came from; a line from one run of
// several names that run.
class NoteCounter {
 public:
  void add(const std::string& note, const std::string& run_id) {
    auto it = std::find_if(notes_.begin(), notes_.end(), [&](const Entry& e) { return e.text == note; });
    if (it == notes_.end()) {
      notes_.push_back({note, run_id, {}});
      it = notes_.end() - 1;
    }
    it->runs.insert(run_id);
  }
  void append_to(std::vector<std::string>& out, std::size_t total_runs) const {
    for (const Entry& e : notes_) {
      if (total_runs <= 1) {
        out.push_back(e.text);
      } else if (e.runs.size() == 1) {
        out.push_back(fmt::format("{}: {}", e.first_run, e.text));
      } else {
        out.push_back(fmt::format("{} (in {} runs)", e.text, e.runs.size()));
      }
    }
  }

 private:
  struct Entry {
    std::string text;
    std::string first_run;
    std::set<std::string> runs;
  };
  std::vector<Entry> notes_;
};

std::vector<std::string> method_notes(const ReportBundle& b) {
  std::vector<std::string> out;
  if (b.runs.size() == 1) {
    const RunInfo& run = b.runs.front().run;
    out.push_back(fmt::format("{} id: {}", run.kind == RunKind::kEstimate ? "Estimate" : "Run", run.id));
  }
  NoteCounter provenance, recorded;
  const auto full = [&](const std::string& what, const Provenance& p, const std::string& id) {
    if (short_provenance(p) != describe_provenance(p))
      provenance.add(what + ": " + describe_provenance(p), id);
  };
  for (const Report& r : b.runs) {
    for (const ComponentEnergy& c : r.footprint.components) {
      full(component_name(c.component) + " energy", c.provenance, r.run.id);
    }
    full("PUE", r.footprint.pue.provenance, r.run.id);
    full("Carbon intensity", r.footprint.intensity.provenance, r.run.id);
    for (const std::string& n : r.notes) recorded.add(n, r.run.id);
  }
  provenance.append_to(out, b.runs.size());
  recorded.append_to(out, b.runs.size());
  return out;
}

}  // namespace

std::string short_provenance(const Provenance& p) {
  std::vector<std::string> parts;
  if (!p.detail.empty() && p.detail.size() <= kShortDetail) parts.push_back(p.detail);
  if (!p.region.empty() && p.detail.find(p.region) == std::string::npos) parts.push_back(p.region);
  if (p.year != 0) parts.push_back(std::to_string(p.year));
  std::string out(method_name(p.method));
  if (!parts.empty()) out += ": " + join(parts, ", ");
  if (!p.source_id.empty()) out += fmt::format(" [{}]", p.source_id);
  return out;
}

Statement build_statement(const ReportView& view) {
  Statement s;
  const ReportBundle& b = view.bundle;
  const RunTotals& t = view.totals;
  const Kinds k = kinds_of(b.runs);
  s.paragraph = paragraph(b, t, k);

  std::string count = k.mixed()           ? fmt::format("{} ({} run{}, {} estimate{})", t.runs, k.runs,
                                              k.runs > 1 ? "s" : "", k.estimates, k.estimates > 1 ? "s" : "")
                      : k.all_estimates() ? fmt::format("{} (estimate{})", t.runs, t.runs > 1 ? "s" : "")
                                          : std::to_string(t.runs);
  if (t.incomplete) count += fmt::format(" ({} incomplete)", t.incomplete);
  s.rows.push_back({"Runs", count, by_kind(k, "recorded in the ledger", "saved with estimate --save")});
  s.rows.push_back({"Hardware", t.hardware.empty() ? "not recorded" : join(t.hardware, "; "),
                    by_kind(k, "detected by the tracker", "given")});
  s.rows.push_back({"Region", t.regions.empty() ? "not recorded" : join(t.regions, ", "),
                    by_kind(k, "as resolved for the run", "given")});
  const auto assumptions = assumptions_of(b.runs);
  const bool compute = assumptions.count("mfu") > 0;
  s.rows.push_back({"Duration", format_duration(t.duration),
                    by_kind(k, t.runs > 1 ? "sum of wall-clock durations" : "wall clock",
                            compute ? "predicted from the compute at the MFU" : "given")});
  if (const auto u = assumptions.find("utilisation"); u != assumptions.end()) {
    s.rows.push_back({"Utilisation", join(u->second.values, ", "),
                      fmt::format("{}: applied to the devices' rated power", join(u->second.sources, ", "))});
  }
  if (const auto m = assumptions.find("mfu"); m != assumptions.end()) {
    s.rows.push_back({"MFU", join(m->second.values, ", "),
                      fmt::format("{}: model-FLOPs utilisation of the peak", join(m->second.sources, ", "))});
  }
  std::vector<std::vector<std::string>> component_how(t.components.size());
  for (const Report& r : b.runs) {
    for (const ComponentEnergy& c : r.footprint.components) {
      for (std::size_t i = 0; i < t.components.size(); ++i) {
        if (t.components[i].component == c.component)
          add_unique(component_how[i], short_provenance(c.provenance));
      }
    }
  }
  for (std::size_t i = 0; i < t.components.size(); ++i) {
    const ComponentTotal& c = t.components[i];
    const std::string value = c.energy.central.joules() == 0
                                  ? format_energy_like(c.energy.central, t.it_energy.central)
                                  : format_energy_range(c.energy);
    s.rows.push_back(
        {fmt::format("Energy, {}", component_name(c.component)), value, join(component_how[i], "; ")});
  }
  std::vector<std::string> pue_how, intensity_how;
  for (const Report& r : b.runs) {
    add_unique(pue_how, short_provenance(r.footprint.pue.provenance));
    add_unique(intensity_how, short_provenance(r.footprint.intensity.provenance));
  }
  s.rows.push_back({"Energy, IT total", format_energy_range(t.it_energy), "sum of the components"});
  s.rows.push_back({"PUE", pue_value(b.runs, t), join(pue_how, "; ")});
  s.rows.push_back({"Energy, facility", format_energy_range(t.facility_energy), "IT energy x PUE"});
  s.rows.push_back({"Carbon intensity", intensity_value(t), join(intensity_how, "; ")});
  s.rows.push_back({"Emissions", format_emissions_range(t.emissions), "facility energy x carbon intensity"});

  if (b.runs.size() > 1) {
    s.run_header = {"Run", "Project", "Start", "Duration", "Region", "Energy (IT)", "Emissions"};
    for (const Report& r : b.runs) {
      const bool estimate = r.run.kind == RunKind::kEstimate;
      s.run_rows.push_back({r.run.id + (estimate         ? " (estimate)"
                                        : r.run.complete ? ""
                                                         : " (incomplete)"),
                            r.run.project, estimate ? "-" : format_utc_minute(r.run.start_unix),
                            format_duration(r.run.duration), r.run.region,
                            format_energy(r.footprint.it_energy.central),
                            format_co2e(r.footprint.emissions.central)});
    }
  }
  s.notes = method_notes(b);
  return s;
}

}  // namespace carbonscope
