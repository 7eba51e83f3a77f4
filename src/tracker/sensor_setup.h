// What the sensors are probed with, built in one place for every caller (`carbonscope
// sensors`, `run`, `monitor`, Python's track()): the CARBONSCOPE_* environment (sysfs
// and proc roots, vendor libraries, fake sensors) and the CPU model's rating from the
// data tables. Two callers cannot disagree on the TDP or the roots.
#pragma once

#include <string>

#include "carbonscope/data.h"
#include "carbonscope/tracker.h"
#include "carbonscope/environment.h"
#include "sensors/registry.h"

namespace carbonscope {

// CARBONSCOPE_SYSFS_ROOT, CARBONSCOPE_PROC_ROOT (default "/"), CARBONSCOPE_NVML_LIBRARY,
// CARBONSCOPE_ROCM_SMI_LIBRARY and CARBONSCOPE_FAKE_SENSORS (default ""); an empty
// value counts as unset. Then the CPU model's rating: the /proc/cpuinfo brand (under
// the proc root) matched in the CPU table and scaled to the visible cores; no match
// leaves the sensor's stated per-thread fallback.
SensorOptions sensor_options(const DataSet& data, const Environment& env);

// The same options in and out of a TrackerConfig's fields (sysfs_root ... tdp_source).
void set_sensor_options(TrackerConfig& config, const SensorOptions& options);
SensorOptions sensor_options_of(const TrackerConfig& config);

}  // namespace carbonscope
