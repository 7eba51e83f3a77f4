// Warnings for values that parse but are most likely unit slips: "--intensity 0.4"
// read as 0.4 g/kWh where 0.4 kg/kWh was meant (1000x too low), a GPU "--power 700kW".
// They never stop a computation: the caller shows them (the CLI on stderr, so JSON on
// stdout stays valid) and goes on. Values that do not parse get no warning here.
#pragma once

#include <string>
#include <vector>

#include "accounting/location_text.h"

namespace carbonscope {

struct EstimateRequest;

// Outside this, a grid intensity is implausible (the cleanest grids are a few g/kWh,
// the dirtiest about 1,200 g/kWh).
inline constexpr double kPlausibleIntensityLow = 1.0;     // g/kWh
inline constexpr double kPlausibleIntensityHigh = 2000.0;  // g/kWh
// A single accelerator draws between these (phones aside, and no GPU draws 5 kW).
inline constexpr double kPlausibleDeviceLowW = 1.0;
inline constexpr double kPlausibleDeviceHighW = 5000.0;

std::vector<std::string> location_warnings(const LocationText& text, ArgStyle style);
std::vector<std::string> estimate_warnings(const EstimateRequest& request);

}  // namespace carbonscope
