// Warnings for values that parse but are most likely unit slips: "--intensity 0.4"
// read as 0.4 g/kWh where 0.4 kg/kWh was meant (1000x too low), a GPU "--power 700kW".
// They never stop a computation: the caller shows them (the CLI on stderr, so JSON on
// stdout stays valid) and goes on. Values that do not parse get no warning here.
#pragma once

#include <string>
#include <vector>

#include "accounting/location_text.h"
#include "carbonscope/data.h"
#include "carbonscope/location.h"
#include "carbonscope/plausibility.h"

namespace carbonscope {

struct EstimateRequest;

// Outside this, a grid intensity is implausible (the cleanest grids are a few g/kWh,
// the dirtiest about 1,200 g/kWh).
inline constexpr double kPlausibleIntensityLow = 1.0;     // g/kWh
inline constexpr double kPlausibleIntensityHigh = 1500.0;  // g/kWh
// A single accelerator draws between these (phones aside, and no GPU draws 5 kW).
inline constexpr double kPlausibleDeviceLowW = 1.0;
inline constexpr double kPlausibleDeviceHighW = 5000.0;

std::vector<std::string> estimate_warnings(const EstimateRequest& request);
// A resolved location's figures that no data centre has: a cloud region's PUE above 2
// (providers publish 1.1 to 1.3), any PUE above 2.5.
std::vector<std::string> location_figure_warnings(const Location& location, bool pue_given);
// A --power per accelerator well above that accelerator's TDP (an H100 at 5 kW: a whole
// node's power given per GPU?).
std::vector<std::string> device_power_warnings(const DataSet& data, const EstimateRequest& request);

}  // namespace carbonscope
