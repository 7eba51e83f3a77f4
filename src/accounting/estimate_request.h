// The steps of run_estimate (carbonscope/estimate_request.h) that other requests
// (plan, the defaults of an estimate) reuse: the spec from the texts, the workload, the
// host share of accelerators.
#pragma once

#include <string>

#include "carbonscope/estimate_request.h"

namespace carbonscope {

// "--power 1e12W, --hours 1e9": the quantities given, for a message about what they gave.
std::string given_quantities(const EstimateRequest& request);
Result<EstimateSpec> build_estimate_spec(const DataSet& data, const EstimateRequest& request);
// "training", "fine-tuning" or "inference": given, else inference when tokens served or
// requests are given, else training.
Result<std::string> estimate_workload(const EstimateRequest& request);
// The host share of `count` accelerators (data/constants.csv host_power_fraction).
Result<DeviceLoad> host_load(const DataSet& data, const Accelerator& a, double count);

}  // namespace carbonscope
