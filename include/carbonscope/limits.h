// The largest (and, for shares, smallest) values carbonscope accepts or computes. Far
// beyond any real job, and far below where a double overflows or a duration's
// conversion to whole units wraps: an input beyond one is refused with a message naming
// it, and a figure computed beyond one is refused before it is printed or stored, so no
// output ever shows inf, NaN or a wrapped (negative) number.
#pragma once

#include <optional>
#include <string_view>

#include "carbonscope/provenance.h"
#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

inline constexpr double kMaxSeconds = 1000.0 * 365.25 * 86400.0;  // 1,000 years
inline constexpr double kMaxWatts = 1e12;                         // 1 TW: the world's mean load is ~3 TW
inline constexpr double kMaxKwh = 1e12;         // 1 PWh: ~30x the world's yearly electricity
inline constexpr double kMaxKg = 1e12;          // 1 Gt CO2e
inline constexpr double kMaxGramsPerKwh = 1e8;  // 100 t/kWh: 100,000x coal; above 2 kg/kWh is a warning
inline constexpr double kMaxCount = 1e18;       // parameters, tokens, requests, devices
inline constexpr double kMaxFlops = 1e32;       // ~1e6x the largest training runs (~5e25 FLOPs)
inline constexpr double kMinShare = 1e-9;       // utilisation, MFU, use share: 0.0000001%

// OK when `value` is finite and in [0, max]; else why not, naming `what`
// ("energy 3.6e+300 kWh is more than 1e+12 kWh, beyond any real job").
Status check_limit(std::string_view what, double value, double max, std::string_view unit);

// The figures an estimate, a plan or an LCA computed from its inputs: each must be
// finite, not negative and within its limit. `inputs` names what to check ("--mfu,
// --params, --tokens") and ends the message.
Status check_computed(Range<Energy> energy, Range<Emissions> emissions, std::optional<Duration> duration,
                      std::string_view inputs);

}  // namespace carbonscope
