// `carbonscope estimate`: its options are the library's EstimateRequest
// (accounting/estimate_request.h); this file renders the result as text or JSON.
#pragma once

#include <string>
#include <vector>

#include "accounting/estimate_request.h"
#include "location_options.h"

namespace carbonscope::cli {

using EstimateOptions = EstimateRequest;

std::string render_estimate_text(const EstimateResult& r);
std::string render_estimate_json(const EstimateResult& r);

}  // namespace carbonscope::cli
