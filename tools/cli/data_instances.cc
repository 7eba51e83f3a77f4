// `carbonscope data instances [SEARCH]`: the GPU instances and nodes of data/instances.csv.
#include <fmt/format.h>

#include "carbonscope/format.h"
#include "data_views.h"

namespace carbonscope::cli {

std::vector<DataEntry> instance_entries(const DataSet& data) {
  std::vector<DataEntry> out;
  for (const Instance& m : data.instances()) {
    DataEntry e;
    e.names = {m.name};
    e.names.insert(e.names.end(), m.aliases.begin(), m.aliases.end());
    const std::string where = m.kind == "node" ? "node" : m.provider;
    e.line = fmt::format("{:<28} {:<6} {:>2} x {:<28} {:>5} {:>8}", m.name, where, m.gpu_count, m.gpu,
                         m.vcpus > 0 ? fmt::format("{}v", m.vcpus) : "", format_count(m.memory_gb) + " GB");
    e.detail = fmt::format("{} ({})\n  GPUs      {} x {}\n  CPUs      {}{}\n  CPU power {:g} to {:g} W\n"
                           "  memory    {} GB\n",
                           m.name, m.kind == "node" ? "node: --node" : m.provider + " instance: --instance",
                           m.gpu_count, m.gpu, m.vcpus > 0 ? fmt::format("{} vCPUs ", m.vcpus) : "",
                           m.cpu.empty() ? m.architecture : m.cpu, m.cpu_w_min, m.cpu_w_max, format_count(m.memory_gb));
    if (m.max_system_w) e.detail += fmt::format("  max power {:g} W\n", *m.max_system_w);
    for (const std::string& id : {m.source_id}) {
      std::size_t start = 0;
      while (start <= id.size()) {
        const std::size_t bar = id.find('|', start);
        const Source* s = data.source(id.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (s != nullptr) e.detail += fmt::format("  source    {}: {} ({}, {})\n", s->id, s->title, s->publisher, s->year);
        if (bar == std::string::npos) break;
        start = bar + 1;
      }
    }
    e.json = {{"name", m.name},           {"kind", m.kind},           {"provider", m.provider},
              {"aliases", m.aliases},     {"gpu", m.gpu},             {"gpu_count", m.gpu_count},
              {"vcpus", m.vcpus},         {"cpu", m.cpu},             {"architecture", m.architecture},
              {"cpu_w_min", m.cpu_w_min}, {"cpu_w_max", m.cpu_w_max}, {"memory_gb", m.memory_gb},
              {"max_system_w", m.max_system_w ? nlohmann::json(*m.max_system_w) : nlohmann::json()},
              {"source_id", m.source_id}};
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace carbonscope::cli
