// `carbonscope estimate`: options, the spec they describe, and the result's rendering.
#pragma once

#include <string>
#include <vector>

#include "carbonscope/data.h"
#include "carbonscope/estimate.h"
#include "carbonscope/location.h"
#include "carbonscope/report.h"
#include "location_options.h"

namespace carbonscope::cli {

struct EstimateOptions {
  std::string gpu, count, power, cpu, cpus, memory, energy;
  std::string hours, duration, device_hours, utilisation;
  std::string params, tokens, inference_tokens, precision, mfu;  // prediction from compute
  std::string requests;                                          // per-request figures
  LocationOptions location;
  bool json = false;
  bool save = false;    // record the estimate in the ledger
  std::string project;  // recorded with a saved estimate
  std::string ledger;
};

struct EquivalentValue {
  const Equivalent* equivalent;
  double amount;  // how many units the emissions equal
};

struct EstimateResult {
  EstimateSpec spec;
  Location location;
  Report report;
  std::vector<EquivalentValue> equivalents;
  std::vector<Alternative> alternatives;
  bool utilisation_given = false;
  std::optional<double> requests;
};

Result<EstimateSpec> build_estimate_spec(const DataSet& data, const EstimateOptions& opts);
Result<EstimateResult> run_estimate(const DataSet& data, const EstimateOptions& opts);
std::vector<EquivalentValue> everyday_equivalents(const DataSet& data, Emissions m);

std::string render_estimate_text(const EstimateResult& r);
std::string render_estimate_json(const EstimateResult& r);

}  // namespace carbonscope::cli
