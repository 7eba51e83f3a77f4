// TrackerSetup -> TrackerConfig: interval, location, CPU rating, environment.
#include "tracker/tracker_setup.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "carbonscope/parse.h"
#include "platform/file_reader.h"
#include "sensors/procfs.h"
#include "tracker/cpu_tdp.h"

namespace carbonscope {
namespace {

std::string env(const char* name, std::string fallback = "") {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

}  // namespace

Result<TrackerConfig> make_tracker_config(const DataSet& data, const TrackerSetup& s) {
  TrackerConfig c;
  c.kind = s.kind;
  const std::string interval_arg = arg_name(s.style, "interval");
  auto interval = parse_duration(s.interval);
  if (!interval.ok()) return interval.status().with_context(interval_arg);
  if (*interval < Duration(0.01)) {
    return Status::invalid_argument(fmt::format("{} {}: the shortest interval is 10ms", interval_arg, s.interval));
  }
  c.interval = *interval;
  c.project = s.project;
  for (const std::string& t : s.tags) {
    if (t.empty()) {
      const std::string arg = arg_name(s.style, s.style == ArgStyle::kFlag ? "tag" : "tags");  // --tag, tags=
      return Status::invalid_argument(fmt::format("{}: a tag cannot be empty", arg));
    }
    if (std::find(c.tags.begin(), c.tags.end(), t) == c.tags.end()) c.tags.push_back(t);
  }
  c.output_dir = s.output_dir;
  c.ledger_path = s.ledger_path;
  CS_ASSIGN_OR_RETURN(Location location, resolve_location_text(data, s.location, s.style));
  c.intensity = location.intensity;
  c.pue = location.pue;
  c.region = location.label;
  for (const std::string& n : location.notes) c.notes.push_back(n);
  if (c.intensity.provenance.method == Method::kDefault) {
    c.notes.push_back("intensity: " + c.intensity.provenance.detail);
  }
  if (c.pue.provenance.method == Method::kDefault) c.notes.push_back("pue: " + c.pue.provenance.detail);
  c.sysfs_root = env("CARBONSCOPE_SYSFS_ROOT", "/");
  c.proc_root = env("CARBONSCOPE_PROC_ROOT", "/");
  // The CPU model's rating: the brand matched in the CPU table, scaled to visible cores.
  const FileReader proc(c.proc_root);
  if (auto cpuinfo = proc.read("/proc/cpuinfo"); cpuinfo.ok()) {
    auto stat = proc.read("/proc/stat");
    auto times = stat.ok() ? parse_proc_stat(*stat) : Result<CpuTimes>(stat.status());
    const CpuRating rating = cpu_rating_from_tables(data, *cpuinfo, times.ok() ? times->cpus : 0);
    if (rating.tdp.watts() > 0) {
      c.cpu_tdp = rating.tdp;
      c.tdp_source = fmt::format("{} [{}]", rating.detail, rating.source_id);
    }
  }
  c.nvml_library = env("CARBONSCOPE_NVML_LIBRARY");
  c.rocm_smi_library = env("CARBONSCOPE_ROCM_SMI_LIBRARY");
  c.fake_sensors = env("CARBONSCOPE_FAKE_SENSORS");
  return c;
}

}  // namespace carbonscope
