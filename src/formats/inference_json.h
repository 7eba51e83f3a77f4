// The "inference" object of report.json: requests and tokens served, the fit of energy
// against them (idle draw, per request, per output token, with standard errors), and
// the figures derived with the run's PUE and intensity (Wh and g CO2e per request, per
// 1,000 requests and 1,000 output tokens, the idle share, per-day totals); and the text
// lines `run`, `monitor` and `runs show` print.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "carbonscope/footprint.h"
#include "carbonscope/inference.h"
#include "carbonscope/status.h"

namespace carbonscope {

nlohmann::json inference_json(const InferenceSummary& s, const Footprint& f);
Result<InferenceSummary> inference_from_json(const nlohmann::json& j);

}  // namespace carbonscope
