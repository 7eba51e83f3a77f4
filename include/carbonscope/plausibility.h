// Warnings for values that parse but are most likely unit slips: "--intensity 0.4"
// read as 0.4 g/kWh where 0.4 kg/kWh was meant (1000x too low). They never stop a
// computation: the caller shows them (the CLI on stderr, so JSON on stdout stays
// valid) and goes on. Values that do not parse get no warning here.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/location.h"
#include "carbonscope/parse.h"

namespace carbonscope {

// The location's texts (an intensity 1000x off, in `style`'s name for the option).
std::vector<std::string> location_warnings(const LocationText& text, ArgStyle style);

}  // namespace carbonscope
