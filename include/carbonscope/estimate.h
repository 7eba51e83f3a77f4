// Estimating a job before (or after) it runs, without sensors: devices x power x time
// x utilisation, or energy given directly. The figures come out as ComponentEnergy
// lines with their provenance, ready for compute_footprint().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "carbonscope/compute.h"
#include "carbonscope/footprint.h"
#include "carbonscope/status.h"

namespace carbonscope {

// N identical devices drawing `power` each (a range when the source gives one).
struct DeviceLoad {
  std::string component;  // "gpu", "cpu", "ram", "system"
  std::string label;      // "NVIDIA A100 SXM4 80GB"
  Range<Power> power;     // per device, at full load
  double count = 1;
  bool scales_with_utilisation = true;  // memory power does not
  Provenance provenance;
};

// A compute-based estimate: `flops` done at MFU x the peak of each device of the first
// device line; the device time is a range because the MFU is.
struct ComputeDemand {
  Flops flops;
  FlopRate peak;          // per device, dense, at `precision`
  std::string precision;
  std::string formula;    // "6 x 70B parameters x 2T tokens"
  MfuFigure mfu;
  Range<Duration> device_time() const { return carbonscope::device_time(flops, peak, mfu.value); }
};

struct EstimateSpec {
  std::optional<Energy> energy;         // given directly: no devices, no time
  std::vector<DeviceLoad> devices;
  std::optional<Duration> wall_time;
  // Device-hours of the first device line (GPU-hours as logged by a cluster); the wall
  // time is derived as device_hours / count, and other lines run that long.
  std::optional<double> device_hours;
  double utilisation = 1.0;
  // FLOPs instead of a time: the device time (summed over the first line's devices)
  // follows from the compute; every line runs for device_time / count.
  std::optional<ComputeDemand> compute;
  // A whole server (--instance, --node): in a data centre whatever its size.
  bool server = false;
};

// Energy per component. kInvalidArgument when the spec is incomplete or contradictory.
Result<std::vector<ComponentEnergy>> estimate_energy(const EstimateSpec& spec);

// The wall time the spec implies (given, device_hours / count, or the compute's
// central device time / count).
std::optional<Duration> implied_wall_time(const EstimateSpec& spec);

}  // namespace carbonscope
