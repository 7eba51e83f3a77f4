// The sensor preference chain, probed at run time: for the host, RAPL powercap, then
// RAPL MSR, then the CPU model; memory from RAPL dram/psys or the memory model; every
// GPU vendor library present. Each rejected backend keeps its reason and its fix.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "carbonscope/sensor.h"
#include "sensors/cpu_model.h"

namespace carbonscope {

struct SensorOptions {
  std::string sysfs_root = "/";  // root for /sys and /dev reads (fixtures in tests)
  std::string proc_root = "/";   // root for /proc reads
  std::string nvml_library;      // "" = libnvidia-ml.so.1
  std::string rocm_smi_library;  // "" = librocm_smi64.so.1
  std::string fake_spec;         // non-empty: only a fake sensor (demos, tests)
  CpuModelConfig cpu_model;
};

struct SensorSet {
  std::vector<std::unique_ptr<Sensor>> sensors;
  // standby[i]: sensors[i] is counted only for intervals where the measured host
  // sensor (sensors[host]) fails; -1 when the host is modelled.
  std::vector<bool> standby;
  int host = -1;
  std::vector<ProbeResult> probes;
};

SensorSet probe_sensors(const SensorOptions& options);

}  // namespace carbonscope
