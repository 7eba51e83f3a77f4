// An estimate as JSON: the report schema "carbonscope.report/1" plus an "estimate"
// object (assumptions, everyday equivalents, cleaner regions), as `carbonscope
// estimate --json` prints it and Python's EstimateResult.to_dict() returns it.
#pragma once

#include <nlohmann/json.hpp>

#include "accounting/estimate_request.h"

namespace carbonscope {

nlohmann::json estimate_to_json(const EstimateResult& r);

}  // namespace carbonscope
