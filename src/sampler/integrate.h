// Integration of readings into energy: counter differences with wraparound, and the
// trapezoid rule for power-only sources. Pure functions, property-tested.
#pragma once

#include <cstdint>

#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

// Counts elapsed between two readings of a counter whose values lie in [0, wrap)
// (wrap == 0: it never wraps). A smaller `cur` is a wrap only when the wrapped delta
// is under half the range; otherwise (and always when wrap == 0) the counter went
// backwards (a reset or a bad read): kDataError, and the interval is not integrated.
Result<std::uint64_t> counter_delta(std::uint64_t prev, std::uint64_t cur, std::uint64_t wrap);

// Energy of a power that moved linearly from p0 to p1 over dt.
constexpr Energy trapezoid(Power p0, Power p1, Duration dt) {
  return Energy::joules(0.5 * (p0.watts() + p1.watts()) * dt.count());
}

}  // namespace carbonscope
