// TDP per core (Green Algorithms' convention) x the cores visible here; whole-socket
// TDP x sockets when the table has no core count.
#include "tracker/cpu_tdp.h"

#include <charconv>
#include <set>

#include <fmt/format.h>

#include "sensors/procfs.h"

namespace carbonscope {
namespace {

// The first integer value of "key\t: value" in cpuinfo, or 0.
int cpuinfo_int(std::string_view text, std::string_view key) {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (line.substr(0, key.size()) != key) continue;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view v = line.substr(colon + 1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    int out = 0;
    std::from_chars(v.data(), v.data() + v.size(), out);
    return out;
  }
  return 0;
}

int socket_count(std::string_view text) {
  std::set<int> ids;
  for (std::size_t pos = text.find("physical id"); pos != std::string_view::npos;
       pos = text.find("physical id", pos + 1)) {
    ids.insert(cpuinfo_int(text.substr(pos), "physical id"));
  }
  return ids.empty() ? 1 : static_cast<int>(ids.size());
}

}  // namespace

CpuRating cpu_rating_from_tables(const DataSet& data, std::string_view cpuinfo, int logical_cpus) {
  CpuRating r;
  const std::string brand = parse_cpu_brand(cpuinfo);
  const CpuMatch m = data.match_cpu_brand(brand);
  if (m.cpu == nullptr) return r;
  r.source_id = m.cpu->source_id;
  const int siblings = cpuinfo_int(cpuinfo, "siblings");
  const int cores_per_package = cpuinfo_int(cpuinfo, "cpu cores");
  const double threads_per_core =
      siblings > 0 && cores_per_package > 0 ? static_cast<double>(siblings) / cores_per_package : 1.0;
  if (m.cpu->cores > 0 && logical_cpus > 0) {
    const double per_core = m.cpu->tdp_w / m.cpu->cores;
    const double visible_cores = logical_cpus / threads_per_core;
    r.tdp = Power::watts(per_core * visible_cores);
    r.detail = fmt::format("{}: TDP {} W / {} cores x {} visible cores", m.cpu->name, m.cpu->tdp_w, m.cpu->cores,
                           visible_cores);
  } else {
    const int sockets = socket_count(cpuinfo);
    r.tdp = Power::watts(m.cpu->tdp_w * sockets);
    r.detail = fmt::format("{}: TDP {} W x {} socket(s) (no core count in the table)", m.cpu->name, m.cpu->tdp_w,
                           sockets);
  }
  return r;
}

}  // namespace carbonscope
