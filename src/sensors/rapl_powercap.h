// RAPL energy counters through the powercap sysfs tree
// (/sys/class/powercap/intel-rapl:N[:M]/{name,energy_uj,max_energy_range_uj}): every
// package, core, uncore, dram and psys zone of every socket, with the hierarchy that
// keeps anything from being counted twice (psys > package > core/uncore; dram is
// outside the package, inside psys).
#pragma once

#include <memory>

#include "carbonscope/sensor.h"
#include "platform/file_reader.h"

namespace carbonscope {

inline constexpr const char* kPowercapDir = "/sys/class/powercap";

// kUnavailable when there is no RAPL zone; kPermissionDenied (with the fix) when the
// counters are root-only.
Result<std::unique_ptr<Sensor>> make_rapl_powercap(const FileReader& reader);

}  // namespace carbonscope
