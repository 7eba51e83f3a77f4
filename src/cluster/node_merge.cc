// Merging one Slurm job's per-node runs.
#include "cluster/node_merge.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "carbonscope/ledger.h"
#include "cluster/slurm_env.h"
#include "formats/report_json.h"

namespace carbonscope::cluster {
namespace {

std::string tag_value(const Report& r, std::string_view prefix) {
  for (const std::string& t : r.run.tags) {
    if (t.rfind(prefix, 0) == 0) return t.substr(prefix.size());
  }
  return {};
}

std::string merged_id(const std::string& job) {
  std::string id = "slurm-" + job;
  for (char& c : id) {
    if (c == '+') c = '-';
  }
  return id;
}

}  // namespace

Report merge_runs(const std::string& job, const std::vector<Report>& runs, std::vector<NodeShare>& shares) {
  Report m;
  m.run.id = merged_id(job);
  m.run.kind = RunKind::kRun;
  m.run.tags = {kJobTag + job, "slurm_merged"};
  std::map<std::string, ComponentEnergy> components;
  std::vector<std::string> nodes;
  Range<Energy> it, facility;
  Range<Emissions> emissions;
  bool first = true;
  for (const Report& r : runs) {
    NodeShare s;
    s.node = tag_value(r, kNodeTag);
    if (s.node.empty()) s.node = r.run.host;
    s.step = tag_value(r, kStepTag);
    s.run_id = r.run.id;
    s.energy = r.footprint.it_energy;
    s.emissions = r.footprint.emissions;
    s.duration = r.run.duration;
    shares.push_back(s);
    if (std::find(nodes.begin(), nodes.end(), s.node) == nodes.end()) nodes.push_back(s.node);
    if (first) {
      m.run.project = r.run.project;
      m.run.region = r.run.region;
      m.run.place = r.run.place;
      m.run.start_unix = r.run.start_unix;
      m.run.end_unix = r.run.end_unix;
      m.footprint.pue = r.footprint.pue;
      m.footprint.intensity = r.footprint.intensity;
      m.run.cpu_model = r.run.cpu_model;
      m.run.gpu_model = r.run.gpu_model;
      first = false;
    }
    m.run.start_unix = std::min(m.run.start_unix, r.run.start_unix);
    m.run.end_unix = std::max(m.run.end_unix, r.run.end_unix);
    m.run.cpu_count += r.run.cpu_count;
    m.run.gpu_count += r.run.gpu_count;
    m.run.complete = m.run.complete && r.run.complete;
    if (r.run.exit_code && (!m.run.exit_code || *r.run.exit_code != 0)) m.run.exit_code = r.run.exit_code;
    for (const ComponentEnergy& c : r.footprint.components) {
      auto [it_c, fresh] = components.try_emplace(c.component, c);
      if (!fresh) it_c->second.energy = it_c->second.energy + c.energy;
    }
    it = it + r.footprint.it_energy;
    facility = facility + r.footprint.facility_energy;
    emissions = emissions + r.footprint.emissions;
  }
  for (auto& [name, c] : components) {
    c.label = fmt::format("{} (summed over {} runs)", c.label, runs.size());
    m.footprint.components.push_back(c);
  }
  m.footprint.it_energy = it;
  m.footprint.facility_energy = facility;
  m.footprint.emissions = emissions;
  m.run.host = fmt::format("{}", fmt::join(nodes, ","));
  m.run.duration = Duration(std::max(0.0, m.run.end_unix - m.run.start_unix));
  m.notes.push_back(
      fmt::format("Slurm job {}: {} tracked runs on {} nodes merged (energy and emissions summed)", job,
                  runs.size(), nodes.size()));
  for (const NodeShare& s : shares) {
    const double share = it.central.joules() > 0 ? s.energy.central.joules() / it.central.joules() : 0;
    m.notes.push_back(fmt::format("node {} step {}: {:.1f}% ({:.6f} kWh, run {})", s.node, s.step,
                                  100 * share, s.energy.central.kwh(), s.run_id));
  }
  return m;
}

Result<MergedJob> merge_job(const std::string& path, const std::string& cluster, const std::string& job,
                            bool record) {
  MergedJob out;
  out.job = job;
  std::vector<Report> runs;
  {
    CS_ASSIGN_OR_RETURN(Ledger ledger, Ledger::open(path, {Ledger::Mode::kReadOnly, 15000}));
    RunFilter f;
    f.tags = {kJobTag + job};
    CS_ASSIGN_OR_RETURN(runs, ledger.reports(f));
  }
  runs.erase(std::remove_if(runs.begin(), runs.end(),
                            [](const Report& r) {
                              return std::find(r.run.tags.begin(), r.run.tags.end(), "slurm_merged") !=
                                     r.run.tags.end();
                            }),
             runs.end());
  if (!cluster.empty()) {
    runs.erase(std::remove_if(runs.begin(), runs.end(),
                              [&](const Report& r) {
                                const std::string c = tag_value(r, kClusterTag);
                                return !c.empty() && c != cluster;
                              }),
               runs.end());
  }
  if (!runs.empty()) out.merged = merge_runs(job, runs, out.nodes);
  if (auto store = SlurmStore::open(path, false); store.ok()) {
    CS_ASSIGN_OR_RETURN(out.accounting, store->find(cluster, job));
  }
  if (!out.merged && !out.accounting) {
    return Status::not_found(
        fmt::format("no runs tagged slurm_job={} and no imported accounting for job {} in {}: "
                    "track with 'srun --carbonscope' or 'srun carbonscope run -- ...', or run "
                    "'carbonscope slurm import'",
                    job, job, path));
  }
  if (record && out.merged) {
    CS_ASSIGN_OR_RETURN(Ledger ledger, Ledger::open(path));
    if (ledger.get(out.merged->run.id).ok()) CS_RETURN_IF_ERROR(ledger.remove(out.merged->run.id));
    CS_RETURN_IF_ERROR(ledger.append(*out.merged));
    out.recorded = true;
  }
  return out;
}

std::string render_merged_job(const MergedJob& m) {
  std::string out = fmt::format("Slurm job {}\n", m.job);
  if (m.merged) {
    const Report& r = *m.merged;
    out += fmt::format("tracked: {} runs on {}: {:.4g} Wh ({:.4g}-{:.4g}), {:.4g} g CO2e{}\n", m.nodes.size(),
                       r.run.host, 1e3 * r.footprint.it_energy.central.kwh(),
                       1e3 * r.footprint.it_energy.low.kwh(), 1e3 * r.footprint.it_energy.high.kwh(),
                       r.footprint.emissions.central.grams(),
                       m.recorded ? fmt::format(" (recorded as {})", r.run.id) : "");
    const double total = r.footprint.it_energy.central.joules();
    out += fmt::format("  {:<12} {:<8} {:>14} {:>7}  {}\n", "node", "step", "Wh", "share", "run");
    for (const NodeShare& s : m.nodes) {
      out += fmt::format("  {:<12} {:<8} {:>14.4g} {:>6.1f}%  {}\n", s.node, s.step,
                         1e3 * s.energy.central.kwh(),
                         total > 0 ? 100 * s.energy.central.joules() / total : 0, s.run_id);
    }
  } else {
    out += "tracked: no runs carry this job's tag\n";
  }
  if (m.accounting) {
    const auto& a = *m.accounting;
    out += fmt::format(
        "accounting ({}): {} {} on {}, {} CPUs, {} GPUs, {:.0f} s: {:.4g} Wh ({}), {:.4g} g CO2e\n",
        a.job.cluster, a.job.state, a.job.user, a.job.nodes, a.job.ncpus, a.job.gpus, a.job.elapsed_s,
        a.figures.it_j.central / 3.6e3,
        a.figures.measured ? "measured by Slurm's acct_gather_energy" : "estimated from allocated TRES",
        1e3 * a.figures.kg.central);
  }
  return out;
}

nlohmann::json merged_job_json(const MergedJob& m) {
  nlohmann::json j = {{"schema", "carbonscope.slurm-job/1"}, {"job", m.job}, {"recorded", m.recorded}};
  j["nodes"] = nlohmann::json::array();
  for (const NodeShare& s : m.nodes) {
    j["nodes"].push_back({{"node", s.node},
                          {"step", s.step},
                          {"run", s.run_id},
                          {"energy_kwh", s.energy.central.kwh()},
                          {"emissions_kg", s.emissions.central.kg()}});
  }
  j["merged"] = m.merged ? to_json(*m.merged) : nlohmann::json();
  if (m.accounting) {
    const auto& a = *m.accounting;
    j["accounting"] = {{"cluster", a.job.cluster},
                       {"state", a.job.state},
                       {"user", a.job.user},
                       {"nodes", a.job.nodes},
                       {"measured", a.figures.measured},
                       {"energy_kwh", a.figures.it_j.central / 3.6e6},
                       {"emissions_kg", a.figures.kg.central}};
  }
  return j;
}

}  // namespace carbonscope::cluster
