// The environment and the CPU tables -> SensorOptions.
#include "tracker/sensor_setup.h"

#include <fmt/format.h>

#include "carbonscope/tracker_setup.h"
#include "platform/file_reader.h"
#include "sensors/procfs.h"
#include "tracker/cpu_tdp.h"

namespace carbonscope {
namespace {

std::string value(const Environment& env, const char* name, const char* fallback = "") {
  const char* v = env.find(name);
  return v != nullptr ? v : fallback;
}

}  // namespace

SensorOptions sensor_options(const DataSet& data, const Environment& env) {
  SensorOptions o;
  o.sysfs_root = value(env, "CARBONSCOPE_SYSFS_ROOT", "/");
  o.proc_root = value(env, "CARBONSCOPE_PROC_ROOT", "/");
  o.nvml_library = value(env, "CARBONSCOPE_NVML_LIBRARY");
  o.rocm_smi_library = value(env, "CARBONSCOPE_ROCM_SMI_LIBRARY");
  o.fake_spec = value(env, "CARBONSCOPE_FAKE_SENSORS");
  const FileReader proc(o.proc_root);
  if (auto cpuinfo = proc.read_static("/proc/cpuinfo"); cpuinfo.ok()) {
    auto stat = proc.read("/proc/stat");
    auto times = stat.ok() ? parse_proc_stat(*stat) : Result<CpuTimes>(stat.status());
    const CpuRating rating = cpu_rating_from_tables(data, *cpuinfo, times.ok() ? times->cpus : 0);
    if (rating.tdp.watts() > 0) {
      o.cpu_model.tdp = rating.tdp;
      o.cpu_model.tdp_source = fmt::format("{} [{}]", rating.detail, rating.source_id);
    }
  }
  return o;
}

void set_sensor_options(TrackerConfig& c, const SensorOptions& o) {
  c.sysfs_root = o.sysfs_root;
  c.proc_root = o.proc_root;
  c.nvml_library = o.nvml_library;
  c.rocm_smi_library = o.rocm_smi_library;
  c.fake_sensors = o.fake_spec;
  c.cpu_tdp = o.cpu_model.tdp;
  c.tdp_source = o.cpu_model.tdp_source;
}

SensorOptions sensor_options_of(const TrackerConfig& c) {
  SensorOptions o;
  o.sysfs_root = c.sysfs_root;
  o.proc_root = c.proc_root;
  o.nvml_library = c.nvml_library;
  o.rocm_smi_library = c.rocm_smi_library;
  o.fake_spec = c.fake_sensors;
  o.cpu_model.tdp = c.cpu_tdp;
  o.cpu_model.tdp_source = c.tdp_source;
  return o;
}

std::vector<ProbeResult> probe_sensor_backends(const DataSet& data, const Environment& env) {
  return probe_sensors(sensor_options(data, env)).probes;
}

}  // namespace carbonscope
