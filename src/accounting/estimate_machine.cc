// --instance / --node: a machine of data/instances.csv -> accelerator line + host lines.
#include "accounting/estimate_machine.h"

#include <cctype>

#include <fmt/format.h>

#include "carbonscope/parse.h"

namespace carbonscope {

Result<MachineChoice> choose_machine(const DataSet& data, const EstimateRequest& o) {
  MachineChoice c;
  c.request = o;
  if (o.instance.empty() && o.node.empty()) return c;
  const auto arg = [&o](std::string_view f) { return arg_name(o.style, f); };
  const std::string flag = arg(o.instance.empty() ? "node" : "instance");
  if (!o.instance.empty() && !o.node.empty()) {
    return Status::invalid_argument(fmt::format("{} and {} conflict: a job runs on cloud instances or on nodes; "
                                                "give one", arg("instance"), arg("node")));
  }
  for (auto [set, name] : {std::pair{!o.gpu.empty(), "gpu"}, {!o.cpu.empty(), "cpu"}, {!o.cpus.empty(), "cpus"},
                           {!o.memory.empty(), "memory"}, {o.whole_node, "whole-node"}}) {
    if (set) {
      return Status::invalid_argument(fmt::format("{} already gives the accelerators, CPUs and memory: drop {}",
                                                  flag, arg(name)));
    }
  }
  auto m = data.find_instance(o.instance.empty() ? o.node : o.instance, o.instance.empty() ? "node" : "cloud");
  if (!m.ok()) return m.status().with_context(flag);
  c.machine = *m;
  if (!o.count.empty()) {
    auto n = parse_count(o.count);
    if (!n.ok()) return n.status().with_context(arg("count") + " (machines)");
    c.machines = static_cast<double>(*n);
  }
  // parse_count caps counts at 1e15, so machines x accelerators (at most 64) fits.
  c.request.gpu = c.machine->gpu;
  c.request.count = fmt::format("{}", static_cast<long long>(c.machines) * c.machine->gpu_count);
  return c;
}

Result<std::vector<DeviceLoad>> machine_host_loads(const DataSet& data, const Instance& m, const DeviceLoad& gpu,
                                                   double machines) {
  CS_ASSIGN_OR_RETURN(const Accelerator* a, data.find_accelerator(m.gpu));
  const Constant* mem = data.constant("memory_w_per_gb");
  const Constant* other = data.constant("gpu_server_other_fraction");
  if (mem == nullptr || other == nullptr || a->tdp_w <= 0) {
    return Status::data_error("the data tables lack memory_w_per_gb, gpu_server_other_fraction or the accelerator's "
                              "TDP needed for a whole machine");
  }
  std::vector<DeviceLoad> out;
  // CPUs: CCF's model, min + 50% x (max - min) at its default utilisation; the range is
  // idle to full load.
  const double mid = m.cpu_w_min + 0.5 * (m.cpu_w_max - m.cpu_w_min);
  const std::string cpu_label =
      m.kind == "node" ? fmt::format("2 x {}", m.cpu)
                       : fmt::format("{} vCPUs{}", m.vcpus, m.cpu.empty() ? "" : " " + m.cpu);
  out.push_back({"cpu", cpu_label,
                 Range<Power>::of(Power::watts(mid), Power::watts(m.cpu_w_min), Power::watts(m.cpu_w_max)), machines,
                 false,
                 {Method::kEstimated, m.source_id,
                  m.kind == "node"
                      ? fmt::format("sockets x TDP, idle ({:.0f} W) to full load ({:.0f} W), central at 50%",
                                    m.cpu_w_min, m.cpu_w_max)
                      : fmt::format("CCF {} W per vCPU ({}), idle ({:.0f} W) to full load ({:.0f} W), central at "
                                    "CCF's 50% utilisation",
                                    m.architecture, m.vcpus, m.cpu_w_min, m.cpu_w_max),
                  "", 0}});
  out.push_back({"ram", fmt::format("{} GB memory", m.memory_gb),
                 Range<Power>::of(Power::watts(mem->value * m.memory_gb), Power::watts(mem->low * m.memory_gb),
                                  Power::watts(mem->high * m.memory_gb)),
                 machines, false,
                 {Method::kEstimated, mem->source_id, fmt::format("{} W/GB x GB x time", mem->value), "", 0}});
  // The server's other parts at maximum, drawn at the accelerators' share of TDP.
  const double tdp = a->tdp_w * m.gpu_count;
  Range<double> at_max;  // W per machine at maximum system power
  std::string how, source;
  if (m.max_system_w) {
    // Memory at its high W/GB, so that the node at full load is within its maximum.
    const double w = *m.max_system_w - tdp - m.cpu_w_max - mem->high * m.memory_gb;
    if (w <= 0) return out;
    at_max = Range<double>::exact(w);
    how = fmt::format("max system power {:.0f} W - GPUs' TDP - CPUs' TDP - memory at its high W/GB = {:.0f} W", *m.max_system_w, w);
    source = m.source_id.substr(0, m.source_id.find('|'));
  } else {
    at_max = Range<double>::of(tdp * other->value, 0, tdp * other->high);
    how = fmt::format("{:.0f}% (0 to {:.0f}%) of the GPUs' TDP at maximum, from the DGX datasheets; not in CCF's model",
                      other->value * 100, other->high * 100);
    source = other->source_id;
  }
  const double t = a->tdp_w;
  const Range<double> share{gpu.power.central.watts() / t, gpu.power.low.watts() / t, gpu.power.high.watts() / t};
  out.push_back({"host", "other server parts (NVSwitches, NICs, fans, storage, power supplies)",
                 Range<Power>::of(Power::watts(at_max.central * share.central), Power::watts(at_max.low * share.low),
                                  Power::watts(at_max.high * share.high)),
                 machines, true,
                 {Method::kEstimated, source, how + ", drawn at the accelerators' share of TDP", "", 0}});
  return out;
}

Result<LocationText> machine_location(const Instance* m, LocationText where, ArgStyle style) {
  if (m == nullptr || m->kind != "cloud" || where.cloud.empty()) return where;
  const auto colon = where.cloud.find(':');
  if (colon == std::string::npos) {
    where.cloud = m->provider + ":" + where.cloud;
    return where;
  }
  std::string provider = where.cloud.substr(0, colon);
  for (char& ch : provider) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (provider != m->provider) {
    return Status::invalid_argument(fmt::format("{} {} is a GPU instance of {}, but {} names {}: give a {} "
                                                "region ({} {}:REGION)",
                                                arg_name(style, "instance"), m->name, m->provider,
                                                arg_name(style, "cloud"), where.cloud, m->provider,
                                                arg_name(style, "cloud"), m->provider));
  }
  return where;
}

void apply_machine_provider(const DataSet& data, const Instance& m, Location& location, ArgStyle style) {
  if (m.kind != "cloud" || !location.provider.empty()) return;
  location.provider = m.provider;
  location.place.cloud_provider = m.provider;
  if (const PueRow* row = data.provider_pue(m.provider)) {
    location.pue.value = Range<double>::of(row->pue, row->low, row->high);
    location.pue.provenance = {Method::kReference, row->source_id,
                               fmt::format("{}'s fleet-wide PUE (no region given)", m.provider), "", row->year};
  }
  location.notes.push_back(fmt::format("{} is a GPU instance of {}: its fleet PUE is used; give {} {}:REGION for "
                                       "the region's grid and PUE",
                                       m.name, m.provider, arg_name(style, "cloud"), m.provider));
}

}  // namespace carbonscope
