// Measured or estimated energy of a Slurm job, and its emissions.
#include "cluster/job_model.h"

#include <algorithm>

#include <fmt/format.h>

#include "accounting/location_text.h"
#include "carbonscope/footprint.h"

namespace carbonscope::cluster {
namespace {

// The job's measured energy: its own ConsumedEnergy, else (a TIMEOUT job's row has
// none) the largest of its steps' (steps overlap in time: the batch step spans the others).
std::optional<double> measured_energy(const SlurmJob& j) {
  if (j.energy_j && *j.energy_j > 0) return j.energy_j;
  std::optional<double> best;
  for (const SlurmStep& s : j.steps) {
    if (s.energy_j && *s.energy_j > 0 && (!best || *s.energy_j > *best)) best = s.energy_j;
  }
  return best;
}

}  // namespace

Result<JobModel> JobModel::build(std::shared_ptr<const DataSet> data, ClusterConfig config) {
  JobModel m(std::move(data), std::move(config));
  CS_ASSIGN_OR_RETURN(m.defaults_, m.resolve("(defaults)", m.config_.defaults, false));
  for (const auto& [name, spec] : m.config_.partitions) {
    PartitionSpec merged = spec;  // unset keys fall back to the top-level ones
    const PartitionSpec& d = m.config_.defaults;
    if (merged.cpu.empty() && !merged.cpu_power_per_core) {
      merged.cpu = d.cpu;
      merged.cpu_power_per_core = d.cpu_power_per_core;
    }
    if (merged.gpu.empty() && !merged.gpu_power) {
      merged.gpu = d.gpu;
      merged.gpu_power = d.gpu_power;
    }
    if (merged.region.empty() && merged.cloud.empty() && !merged.intensity) {
      merged.region = d.region;
      merged.cloud = d.cloud;
      merged.intensity = d.intensity;
    }
    if (!merged.pue) merged.pue = d.pue;
    if (merged.year == 0) merged.year = d.year;
    CS_ASSIGN_OR_RETURN(PartitionModel p, m.resolve(name, merged, true));
    m.partitions_.emplace(name, std::move(p));
  }
  return m;
}

Result<PartitionModel> JobModel::resolve(const std::string& name, const PartitionSpec& s, bool listed) const {
  const std::string where =
      config_.path.empty() ? std::string("the defaults") : fmt::format("{} ({})", config_.path, name);
  PartitionModel p;
  p.name = name;
  p.listed = listed;
  if (s.cpu_power_per_core) {
    p.cpu_w_per_core = Range<double>::exact(s.cpu_power_per_core->watts());
    p.cpu_label = fmt::format("{} W per core", s.cpu_power_per_core->watts());
    p.cpu_provenance = {Method::kGiven, "", fmt::format("cpu_power_per_core of {}", where), "", 0};
  } else if (!s.cpu.empty()) {
    auto cpu = data_->find_cpu(s.cpu);
    if (!cpu.ok()) return cpu.status().with_context(fmt::format("{}: cpu", where));
    const Cpu& c = **cpu;
    if (c.cores <= 0 || c.tdp_w <= 0) {
      return Status::invalid_argument(
          fmt::format("{}: cpu '{}': the tables give no core count or TDP for {}; give "
                      "cpu_power_per_core = \"10W\" instead",
                      where, s.cpu, c.name));
    }
    p.cpu_w_per_core = Range<double>::exact(c.tdp_w / c.cores);
    p.cpu_label = c.name;
    p.cpu_provenance = {Method::kEstimated, c.source_id,
                        fmt::format("TDP {} W / {} cores x CPU time (TotalCPU)", c.tdp_w, c.cores), "", 0};
  } else {
    const Constant* k = data_->constant("cpu_tdp_per_core_w");
    if (k == nullptr) return Status::data_error("the data tables have no cpu_tdp_per_core_w constant");
    p.cpu_w_per_core = Range<double>::of(k->value, k->low, k->high);
    p.cpu_label = "CPU of unknown model";
    p.cpu_provenance = {Method::kDefault, k->source_id,
                        fmt::format("{} W per core (median, quartiles {}-{}) x CPU time: no cpu in {}",
                                    k->value, k->low, k->high, where),
                        "", 0};
  }
  if (s.gpu_power) {
    p.gpu_w = s.gpu_power->watts();
    p.gpu_label = s.gpu.empty() ? fmt::format("GPU at {} W", p.gpu_w) : s.gpu;
    p.gpu_provenance = {Method::kGiven, "", fmt::format("gpu_power of {}", where), "", 0};
  } else if (!s.gpu.empty()) {
    auto a = data_->find_accelerator(s.gpu);
    if (!a.ok()) return a.status().with_context(fmt::format("{}: gpu", where));
    if ((*a)->tdp_w <= 0) {
      return Status::invalid_argument(
          fmt::format("{}: gpu '{}': no source gives a TDP for {}; add gpu_power = "
                      "\"400W\"",
                      where, s.gpu, (*a)->name));
    }
    p.gpu_w = (*a)->tdp_w;
    p.gpu_label = (*a)->name;
    p.gpu_provenance = {Method::kEstimated, (*a)->source_id,
                        fmt::format("TDP {} W x GPUs x Elapsed (used at 100%, as GA4HPC assumes)", p.gpu_w),
                        "", 0};
  }
  const Constant* mem = data_->constant("memory_w_per_gb");
  if (mem == nullptr) return Status::data_error("the data tables have no memory_w_per_gb constant");
  p.ram_w_per_gb = Range<double>::of(mem->value, mem->low, mem->high);
  p.ram_provenance = {Method::kEstimated, mem->source_id,
                      fmt::format("{} W/GB x allocated GB x Elapsed", mem->value), "", 0};
  LocationQuery q;
  q.region = s.region;
  q.cloud = s.cloud;
  q.intensity = s.intensity;
  q.pue = s.pue;
  q.year = s.year;
  auto loc = resolve_location(*data_, q);
  if (!loc.ok()) {
    return explain_location_error(*data_, s.region, s.cloud, loc.status(), ArgStyle::kFileKey)
        .with_context(where);
  }
  p.location = std::move(*loc);
  return p;
}

const PartitionModel& JobModel::partition(const std::string& name) {
  const auto it = partitions_.find(name);
  if (it != partitions_.end()) return it->second;
  PartitionModel copy = defaults_;
  copy.name = name;
  notes_.push_back(
      config_.path.empty()
          ? fmt::format("partition '{}': no cluster.toml given, so its jobs use the defaults (unknown "
                        "CPU, no GPU power, world-average grid, PUE 1): give --cluster-file",
                        name)
          : fmt::format("partition '{}' is not in {}: its jobs use the file's top-level keys; add "
                        "[partitions.{}]",
                        name, config_.path, name));
  return partitions_.emplace(name, std::move(copy)).first->second;
}

double JobModel::gpu_watts(const PartitionModel& p, const std::string& type) {
  if (type.empty()) return p.gpu_w;
  const auto it = gpu_types_.find(type);
  if (it != gpu_types_.end()) return it->second > 0 ? it->second : p.gpu_w;
  double w = 0;
  const auto mapped = config_.gpu_types.find(type);
  const std::string name = mapped != config_.gpu_types.end() ? mapped->second : type;
  auto a = data_->find_accelerator(name);
  if (a.ok() && (*a)->tdp_w > 0) {
    w = (*a)->tdp_w;
  } else {
    notes_.push_back(
        fmt::format("gres/gpu type '{}' matches no accelerator with a TDP in the tables: counted as the "
                    "partition's gpu; map it in [gpu_types] ({} = \"A100 SXM4 80GB\")",
                    type, type));
  }
  gpu_types_.emplace(type, w);
  return w > 0 ? w : p.gpu_w;
}

JobFigures JobModel::figures(const SlurmJob& j) {
  const PartitionModel& p = partition(j.partition);
  JobFigures f;
  f.state_class = classify_state(j.state);
  if (const std::optional<double> e = measured_energy(j)) {
    f.measured = true;
    f.it_j = Range<double>::exact(*e);
  } else {
    const double elapsed = std::max(0.0, j.elapsed_s);
    const double cpu_time_limit = elapsed * std::max(j.ncpus, 0);
    // TotalCPU can exceed Elapsed x CPUs by milliseconds (it keeps them, Elapsed does not).
    double cpu_s =
        j.total_cpu_s && *j.total_cpu_s > 0 ? std::min(*j.total_cpu_s, cpu_time_limit) : cpu_time_limit;
    if (cpu_s <= 0 && j.total_cpu_s) cpu_s = 0;
    const Range<double> cpu = p.cpu_w_per_core.scaled(cpu_s);
    const double gpu_w = j.gpus > 0 ? gpu_watts(p, j.gpu_type) : 0;
    if (j.gpus > 0 && gpu_w <= 0) {
      if (gpu_warned_.insert(p.name).second) {
        notes_.push_back(
            fmt::format("partition '{}' ran GPU jobs but no GPU power is known for it: their GPU energy "
                        "is not counted; set gpu = \"MODEL\" or gpu_power in cluster.toml",
                        p.name));
      }
    }
    const double gpu = gpu_w * static_cast<double>(j.gpus) * elapsed;
    const Range<double> ram = p.ram_w_per_gb.scaled(j.mem_mb / 1024.0 * elapsed);
    f.cpu_j = cpu.central;
    f.gpu_j = gpu;
    f.ram_j = ram.central;
    f.it_j = cpu + Range<double>::exact(gpu) + ram;
  }
  const auto joules = [](double v) { return Energy::joules(v); };
  const Range<Energy> it{joules(f.it_j.central), joules(f.it_j.low), joules(f.it_j.high)};
  const Range<Emissions> m = emissions_of(it, p.location.pue.value, p.location.intensity.value);
  f.kg = {m.central.kg(), m.low.kg(), m.high.kg()};
  return f;
}

}  // namespace carbonscope::cluster
