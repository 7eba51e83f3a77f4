// Energy = power x count x time x utilisation per device line; pure arithmetic. The
// checks here are the spec's invariants for a C++ caller that builds an EstimateSpec
// itself; every surface (flags, keywords, project keys) builds its spec through
// build_estimate_spec, whose checks name the option as the surface spells it, so none
// of these is reached from there. They name the spec's fields, never a flag.
#include "carbonscope/estimate.h"

#include <fmt/format.h>

namespace carbonscope {

std::optional<Duration> implied_wall_time(const EstimateSpec& spec) {
  if (spec.wall_time) return spec.wall_time;
  if (spec.device_hours && !spec.devices.empty()) {
    return from_hours(*spec.device_hours / spec.devices.front().count);
  }
  if (spec.compute && !spec.devices.empty()) return spec.compute->device_time().central / spec.devices.front().count;
  return std::nullopt;
}

Result<std::vector<ComponentEnergy>> estimate_energy(const EstimateSpec& spec) {
  std::vector<ComponentEnergy> out;
  if (spec.energy) {
    if (!spec.devices.empty() || spec.wall_time || spec.device_hours) {
      return Status::invalid_argument("EstimateSpec: energy conflicts with devices, wall_time and device_hours: "
                                      "give the energy, or what it is made of, not both");
    }
    out.push_back({"total", "energy given", Range<Energy>::exact(*spec.energy), {Method::kGiven, "", "energy given", "", 0}});
    return out;
  }
  if (spec.devices.empty()) {
    return Status::invalid_argument("EstimateSpec: nothing to estimate: give devices or an energy");
  }
  if (spec.wall_time && spec.device_hours) {
    return Status::invalid_argument("EstimateSpec: device_hours conflicts with wall_time: give one of them");
  }
  if (spec.compute && (spec.wall_time || spec.device_hours)) {
    return Status::invalid_argument("EstimateSpec: compute conflicts with wall_time and device_hours: the time "
                                    "follows from the compute");
  }
  const std::optional<Duration> wall = implied_wall_time(spec);
  if (!wall) {
    return Status::invalid_argument("EstimateSpec: no duration: give wall_time, device_hours or compute");
  }
  if (!(spec.utilisation > 0 && spec.utilisation <= 1)) {
    return Status::invalid_argument(fmt::format("EstimateSpec: utilisation must be in (0, 1], got {}", spec.utilisation));
  }
  for (const DeviceLoad& d : spec.devices) {
    const double k = d.count * (d.scales_with_utilisation ? spec.utilisation : 1.0);
    Range<Duration> t{*wall, *wall, *wall};
    if (spec.compute) {
      const Range<Duration> dt = spec.compute->device_time();
      const double n = spec.devices.front().count;
      t = {dt.central / n, dt.low / n, dt.high / n};
    }
    const Range<Energy> e{d.power.central * t.central * k, d.power.low * t.low * k, d.power.high * t.high * k};
    std::string label = d.count == 1 ? d.label : fmt::format("{} x {}", d.count, d.label);
    out.push_back({d.component, std::move(label), e, d.provenance});
  }
  return out;
}

}  // namespace carbonscope
