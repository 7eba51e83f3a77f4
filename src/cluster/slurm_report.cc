// Grouped totals of Slurm jobs: table, CSV, JSON, Reports.
#include "cluster/slurm_report.h"

#include <algorithm>

#include <fmt/format.h>

#include "carbonscope/run_filter.h"

namespace carbonscope::cluster {
namespace {

constexpr double kJPerKwh = 3.6e6;

GroupTotal sum_of(const std::vector<GroupTotal>& groups) {
  GroupTotal t;
  t.key = "total";
  for (const GroupTotal& g : groups) {
    t.jobs += g.jobs;
    t.measured_jobs += g.measured_jobs;
    t.wasted_jobs += g.wasted_jobs;
    t.unfinished_jobs += g.unfinished_jobs;
    t.cpu_j += g.cpu_j;
    t.gpu_j += g.gpu_j;
    t.ram_j += g.ram_j;
    t.measured_j += g.measured_j;
    t.energy_j = t.energy_j + g.energy_j;
    t.kg = t.kg + g.kg;
    t.wasted_j += g.wasted_j;
    t.wasted_kg += g.wasted_kg;
    t.core_hours += g.core_hours;
    t.gpu_hours += g.gpu_hours;
  }
  return t;
}

std::string heading(const ReportHeading& h) {
  std::string s = fmt::format("Slurm jobs by {}", group_by_name(h.by));
  if (!h.cluster.empty()) s += fmt::format(" on cluster {}", h.cluster);
  if (!h.since.empty()) s += fmt::format(", since {}", h.since);
  if (!h.until.empty()) s += fmt::format(", until {}", h.until);
  return s;
}

}  // namespace

std::string render_totals_text(const std::vector<GroupTotal>& groups, const ReportHeading& h) {
  std::size_t w = std::max<std::size_t>(group_by_name(h.by).size(), 5);
  for (const GroupTotal& g : groups) w = std::max(w, g.key.size());
  std::string out = heading(h) + "\n\n";
  out += fmt::format("{:<{}}  {:>8}  {:>10}  {:>9}  {:>24}  {:>9}  {:>22}  {:>13}\n", group_by_name(h.by), w,
                     "jobs", "core-h", "GPU-h", "energy kWh (low-high)", "measured", "kg CO2e (low-high)",
                     "wasted kWh");
  const auto line = [&](const GroupTotal& g) {
    const double measured_share = g.energy_j.central > 0 ? g.measured_j / g.energy_j.central : 0;
    out += fmt::format("{:<{}}  {:>8}  {:>10.1f}  {:>9.1f}  {:>24}  {:>8.0f}%  {:>22}  {:>13.3f}\n",
                       g.key.empty() ? "(none)" : g.key, w, g.jobs, g.core_hours, g.gpu_hours,
                       fmt::format("{:.3f} ({:.3f}-{:.3f})", g.energy_j.central / kJPerKwh,
                                   g.energy_j.low / kJPerKwh, g.energy_j.high / kJPerKwh),
                       100 * measured_share,
                       fmt::format("{:.3f} ({:.3f}-{:.3f})", g.kg.central, g.kg.low, g.kg.high),
                       g.wasted_j / kJPerKwh);
  };
  for (const GroupTotal& g : groups) line(g);
  const GroupTotal t = sum_of(groups);
  if (groups.size() > 1) line(t);
  out += fmt::format(
      "\nWasted (GA4HPC's failed jobs: FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL and every end "
      "state "
      "but COMPLETED): {} jobs, {:.3f} kWh, {:.3f} kg CO2e ({:.1f}% of the energy).\n",
      t.wasted_jobs, t.wasted_j / kJPerKwh, t.wasted_kg,
      t.energy_j.central > 0 ? 100 * t.wasted_j / t.energy_j.central : 0);
  out += fmt::format(
      "Method: {} of {} jobs measured by Slurm's acct_gather_energy plugin (ConsumedEnergy); the others "
      "estimated "
      "from allocated TRES and cluster.toml (CPU time x per-core power, GPUs x Elapsed x TDP, memory GB x "
      "Elapsed x "
      "W/GB), x PUE x grid intensity. Pending and running jobs: {} (not counted as wasted).\n",
      t.measured_jobs, t.jobs, t.unfinished_jobs);
  return out;
}

std::string render_totals_csv(const std::vector<GroupTotal>& groups, const ReportHeading& h) {
  std::string out = fmt::format(
      "{},jobs,measured_jobs,wasted_jobs,unfinished_jobs,core_hours,gpu_hours,cpu_kwh,gpu_kwh,ram_kwh,"
      "measured_kwh,"
      "energy_kwh,energy_low_kwh,energy_high_kwh,emissions_kg,emissions_low_kg,emissions_high_kg,wasted_kwh,"
      "wasted_kg\n",
      group_by_name(h.by));
  for (const GroupTotal& g : groups) {
    std::string key = g.key;
    if (key.find_first_of(",\"\n") != std::string::npos) {
      std::string q = "\"";
      for (char c : key) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      key = q + "\"";
    }
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", key, g.jobs,
                       g.measured_jobs, g.wasted_jobs, g.unfinished_jobs, g.core_hours, g.gpu_hours,
                       g.cpu_j / kJPerKwh, g.gpu_j / kJPerKwh, g.ram_j / kJPerKwh, g.measured_j / kJPerKwh,
                       g.energy_j.central / kJPerKwh, g.energy_j.low / kJPerKwh, g.energy_j.high / kJPerKwh,
                       g.kg.central, g.kg.low, g.kg.high, g.wasted_j / kJPerKwh, g.wasted_kg);
  }
  return out;
}

nlohmann::json totals_json(const std::vector<GroupTotal>& groups, const ReportHeading& h) {
  nlohmann::json out = {{"schema", "carbonscope.slurm-report/1"},
                        {"by", group_by_name(h.by)},
                        {"since", h.since},
                        {"until", h.until},
                        {"cluster", h.cluster}};
  const auto one = [](const GroupTotal& g) {
    return nlohmann::json{
        {"key", g.key},
        {"jobs", g.jobs},
        {"measured_jobs", g.measured_jobs},
        {"wasted_jobs", g.wasted_jobs},
        {"unfinished_jobs", g.unfinished_jobs},
        {"core_hours", g.core_hours},
        {"gpu_hours", g.gpu_hours},
        {"energy_kwh",
         {{"central", g.energy_j.central / kJPerKwh},
          {"low", g.energy_j.low / kJPerKwh},
          {"high", g.energy_j.high / kJPerKwh}}},
        {"measured_kwh", g.measured_j / kJPerKwh},
        {"estimated_kwh",
         {{"cpu", g.cpu_j / kJPerKwh}, {"gpu", g.gpu_j / kJPerKwh}, {"ram", g.ram_j / kJPerKwh}}},
        {"emissions_kg", {{"central", g.kg.central}, {"low", g.kg.low}, {"high", g.kg.high}}},
        {"wasted",
         {{"jobs", g.wasted_jobs}, {"energy_kwh", g.wasted_j / kJPerKwh}, {"emissions_kg", g.wasted_kg}}},
    };
  };
  out["groups"] = nlohmann::json::array();
  for (const GroupTotal& g : groups) out["groups"].push_back(one(g));
  out["total"] = one(sum_of(groups));
  return out;
}

Report group_report(const GroupTotal& g, const ReportHeading& h) {
  Report r;
  std::string id = fmt::format("slurm.{}.{}", group_by_name(h.by), g.key.empty() ? "none" : g.key);
  for (char& c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':'))
      c = '_';
  }
  r.run.id = id.substr(0, 128);
  r.run.kind = RunKind::kEstimate;
  r.run.project = h.cluster.empty() ? "slurm" : h.cluster;
  r.run.tags = {fmt::format("{}={}", group_by_name(h.by), g.key)};
  r.run.host = h.cluster;
  r.run.start_unix = g.first_unix;
  r.run.end_unix = g.last_unix;
  r.run.duration = Duration(std::max(0.0, g.last_unix - g.first_unix));
  const auto add = [&r](const char* component, std::string label, Range<double> j, Provenance p) {
    if (j.high <= 0) return;
    r.footprint.components.push_back(
        {component,
         std::move(label),
         {Energy::joules(j.central), Energy::joules(j.low), Energy::joules(j.high)},
         std::move(p)});
  };
  add("node", fmt::format("{} jobs measured", g.measured_jobs), Range<double>::exact(g.measured_j),
      {Method::kMeasured, "", "ConsumedEnergy from Slurm's acct_gather_energy plugin", "", 0});
  // The estimated part's range is what remains of the group's range once the measured part is taken out.
  const Range<double> est = {g.energy_j.central - g.measured_j, g.energy_j.low - g.measured_j,
                             g.energy_j.high - g.measured_j};
  const double est_central = g.cpu_j + g.gpu_j + g.ram_j;
  const double k_low = est_central > 0 ? est.low / est_central : 1,
               k_high = est_central > 0 ? est.high / est_central : 1;
  const Provenance estimated{Method::kEstimated, "ga-data",
                             "allocated TRES x cluster.toml hardware (GA4HPC method)", "", 0};
  add("cpu", "CPU time x per-core power", {g.cpu_j, g.cpu_j * k_low, g.cpu_j * k_high}, estimated);
  add("gpu", "GPUs x Elapsed x TDP", {g.gpu_j, g.gpu_j * k_low, g.gpu_j * k_high}, estimated);
  add("ram", "allocated memory x Elapsed x W/GB", {g.ram_j, g.ram_j * k_low, g.ram_j * k_high}, estimated);
  Footprint& f = r.footprint;
  f.it_energy = {Energy::joules(g.energy_j.central), Energy::joules(g.energy_j.low),
                 Energy::joules(g.energy_j.high)};
  f.pue.value = Range<double>::exact(1.0);
  f.pue.provenance = {Method::kGiven, "", "each partition's PUE is inside the effective intensity", "", 0};
  f.facility_energy = f.it_energy;
  const auto ci = [](double kg, double j) {
    return CarbonIntensity::g_per_kwh(j > 0 ? kg * 1e3 / (j / kJPerKwh) : 0);
  };
  f.intensity.value = {ci(g.kg.central, g.energy_j.central), ci(g.kg.low, g.energy_j.low),
                       ci(g.kg.high, g.energy_j.high)};
  f.intensity.provenance = {Method::kEstimated, "",
                            "effective: each job's partition intensity x PUE (cluster.toml)", "", 0};
  f.emissions = {Emissions::kg(g.kg.central), Emissions::kg(g.kg.low), Emissions::kg(g.kg.high)};
  r.notes.push_back(fmt::format("{} Slurm jobs ({:.1f} core-hours, {:.1f} GPU-hours), {} measured", g.jobs,
                                g.core_hours, g.gpu_hours, g.measured_jobs));
  r.notes.push_back(fmt::format("wasted (jobs that did not complete): {} jobs, {:.3f} kWh, {:.3f} kg CO2e",
                                g.wasted_jobs, g.wasted_j / kJPerKwh, g.wasted_kg));
  return r;
}

}  // namespace carbonscope::cluster
