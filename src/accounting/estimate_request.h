// An estimate as a person asks for it: hardware names and quantities as text ("A100",
// "400W", "3d4h", "80%"), resolved through the data tables into a spec, a location and
// a Report with everyday equivalents and cleaner regions. Shared by `carbonscope
// estimate` and Python's carbonscope.estimate(); errors name the argument in their style.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accounting/location_text.h"
#include "carbonscope/data.h"
#include "carbonscope/estimate.h"
#include "carbonscope/location.h"
#include "carbonscope/report.h"

namespace carbonscope {

struct EstimateRequest {
  std::string gpu, count, power, cpu, cpus, memory, energy;
  std::string hours, duration, device_hours, utilisation;
  std::string params, tokens, inference_tokens, precision, mfu;  // prediction from compute
  std::string flops;  // total FLOPs given directly ("3.14e23"), instead of params x tokens
  std::string requests;                                          // per-request figures
  // What the devices do: "training" (default), "fine-tuning" or "inference"; picks the
  // measured average draw as a share of TDP (data/constants.csv gpu_power_fraction_*).
  std::string workload;
  bool whole_node = false;  // add the host (CPUs, memory, fans) of each accelerator
  std::string date;         // "2019-06": the grid figures of that year
  std::string pue_source;   // "", "industry", "provider" or "none"
  std::string facility_energy;  // energy that already includes the facility overhead (PUE)
  std::string price;            // electricity price per kWh: "0.12/kWh", "0.12"
  LocationText location;
  ArgStyle style = ArgStyle::kFlag;
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
  std::string workload = "training";
  std::optional<double> price_per_kwh;  // --price: cost = facility energy x price
  std::vector<std::string> warnings;  // likely unit slips (accounting/plausibility.h): to show, not to stop on
};

// Keys of data/equivalents.csv shown next to a footprint, in this order.
inline constexpr std::string_view kEverydayEquivalents[] = {"car_km_eu", "flight_ny_sf", "smartphone_charge",
                                                            "tree_month"};

// "--power 1e12W, --hours 1e9": the quantities given, for a message about what they gave.
std::string given_quantities(const EstimateRequest& request);
Result<EstimateSpec> build_estimate_spec(const DataSet& data, const EstimateRequest& request);
// "training", "fine-tuning" or "inference": given, else inference when tokens served or
// requests are given, else training.
Result<std::string> estimate_workload(const EstimateRequest& request);
// The host share of `count` accelerators (data/constants.csv host_power_fraction).
Result<DeviceLoad> host_load(const DataSet& data, const Accelerator& a, double count);
Result<EstimateResult> run_estimate(const DataSet& data, const EstimateRequest& request);
// The rows of kEverydayEquivalents in that order, the one selection behind an estimate's
// "As much as" and a report's equivalents.
std::vector<const Equivalent*> everyday_equivalent_rows(const DataSet& data);
// A car trip, a flight, phone charges and tree-months with the same emissions.
std::vector<EquivalentValue> everyday_equivalents(const DataSet& data, Emissions m);

}  // namespace carbonscope
