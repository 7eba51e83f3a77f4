// Checks against the limits of carbonscope/limits.h, with messages that say what was
// computed, from what, and what to check.
#include "carbonscope/limits.h"

#include <cmath>

#include <fmt/format.h>

namespace carbonscope {

Status check_limit(std::string_view what, double value, double max, std::string_view unit) {
  if (std::isfinite(value) && value >= 0 && value <= max) return Status::ok_status();
  if (std::isnan(value)) return Status::invalid_argument(fmt::format("{} is not a number", what));
  if (value < 0) return Status::invalid_argument(fmt::format("{} is negative ({:g} {})", what, value, unit));
  return Status::invalid_argument(
      fmt::format("{} is {} {}: more than {:g} {}, beyond any real job", what,
                  std::isfinite(value) ? fmt::format("{:g}", value) : std::string("too large to represent"),
                  unit, max, unit));
}

Status check_computed(Range<Energy> energy, Range<Emissions> emissions, std::optional<Duration> duration,
                      std::string_view inputs) {
  Status st;
  for (const Energy e : {energy.central, energy.low, energy.high}) {
    if (st.ok()) st = check_limit("the energy computed from the inputs", e.kwh(), kMaxKwh, "kWh");
  }
  for (const Emissions m : {emissions.central, emissions.low, emissions.high}) {
    if (st.ok()) st = check_limit("the emissions computed from the inputs", m.kg(), kMaxKg, "kg CO2e");
  }
  if (st.ok() && duration) st = check_limit("the duration computed from the inputs", duration->count(), kMaxSeconds, "s");
  if (st.ok()) return st;
  return Status::invalid_argument(fmt::format("{}; check {}", st.message(), inputs));
}

}  // namespace carbonscope
