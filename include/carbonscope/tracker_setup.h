// What `run`, `monitor` and Python's carbonscope.track() ask a tracker for, as text
// (interval, location), turned into a TrackerConfig with the data tables (location,
// the CPU's rating) and the CARBONSCOPE_* environment (sensor roots, vendor libraries).
#pragma once

#include <string>
#include <vector>

#include "carbonscope/data.h"
#include "carbonscope/environment.h"
#include "carbonscope/location.h"
#include "carbonscope/sensor.h"
#include "carbonscope/settings.h"
#include "carbonscope/tracker.h"

namespace carbonscope {

struct TrackerSetup {
  RunKind kind = RunKind::kRun;
  std::string interval = "1s";  // "100ms", "10s"; 10ms at least
  std::string project;
  std::vector<std::string> tags;  // recorded with the run once each; empty names are refused
  std::string output_dir;  // "" writes no files
  std::string emissions_csv;  // "" = output_dir/emissions.csv
  std::string ledger_path;  // "" records nothing in the ledger
  LocationText location;
  ArgStyle style = ArgStyle::kFlag;  // how errors name the arguments
  // Defaults for what `location` leaves empty (carbonscope/settings.h); nullptr: none.
  const Settings* settings = nullptr;
  // The CARBONSCOPE_* variables the sensors are probed with, read when the setup is
  // made (tests set their own).
  Environment env = Environment::current();
};

Result<TrackerConfig> make_tracker_config(const DataSet& data, const TrackerSetup& setup);

// Every sensor backend, in preference order, probed as a tracker made with `env` would
// probe them (`carbonscope sensors`): the sensors found are opened and closed again.
std::vector<ProbeResult> probe_sensor_backends(const DataSet& data, const Environment& env);

}  // namespace carbonscope
