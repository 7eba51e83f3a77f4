// An estimate as a person asks for it: hardware names and quantities as text ("A100",
// "400W", "3d4h", "80%"), resolved through the data tables into a spec, a location and
// a Report with everyday equivalents and cleaner regions. `carbonscope estimate` and
// Python's carbonscope.estimate() call run_estimate(); errors name the argument in the
// request's style (--device-hours, device_hours=).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  // Parameters active per token of a mixture-of-experts model ("37B"): the compute is
  // 6 (or 2) x active x tokens; --params is then the total, for the record.
  std::string active_params;
  std::string requests;                                          // per-request figures
  // What the devices do: "training" (default), "fine-tuning" or "inference"; picks the
  // measured average draw as a share of TDP (data/constants.csv gpu_power_fraction_*).
  std::string workload;
  bool whole_node = false;  // add the host (CPUs, memory, fans) of each accelerator
  std::string date;         // "2019-06": the grid figures of that year
  std::string pue_source;   // "", "industry", "provider" or "none"
  std::string facility_energy;  // energy that already includes the facility overhead (PUE)
  std::string price;            // electricity price per kWh: "0.12/kWh", "0.12"
  std::string instance;  // a cloud GPU instance of data/instances.csv ("p4d.24xlarge"); --count = instances
  std::string node;      // a vendor GPU node ("dgx-h100"); --count = nodes
  // Market-based emissions beside the location-based ones: "" = the provider's published
  // carbon-free-energy share where the tables have it, "90%" = given, "provider" = the
  // provider's share or an error, "none" = location-based only.
  std::string market_based;
  LocationText location;
  ArgStyle style = ArgStyle::kFlag;
};

// An everyday equivalent of some emissions (an estimate's "As much as", a report's
// equivalents): a row of data/equivalents.csv and how many of its units they equal.
struct EquivalentValue {
  const Equivalent* equivalent;
  double amount;  // how many units the emissions equal
};

// Emissions with a carbon-free-energy share taken off: location-based x (1 - CFE share),
// a simplification (docs/methodology-estimate.md, "Market-based emissions").
struct MarketBased {
  double cfe_share = 0;
  Range<Emissions> emissions;
  Provenance provenance;  // where the share comes from: given, or the provider's table
};

// Whether the host (CPUs, memory, fans, NICs) of the accelerators is in the figure.
struct HostCoverage {
  bool counted = false;
  std::string how;  // "whole-node", "instance", "node", "cpu/memory given", "in the TPU's power", "not counted"
  std::optional<Range<Energy>> would_add;  // not counted: the IT energy --whole-node would add
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
  const Instance* machine = nullptr;  // --instance / --node
  double machines = 0;                // how many of them
  HostCoverage host;
  std::optional<MarketBased> market_based;
  std::vector<std::string> warnings;  // likely unit slips: to show, not to stop on
};

// Keys of data/equivalents.csv shown next to a footprint, in this order.
inline constexpr std::string_view kEverydayEquivalents[] = {"car_km_eu", "flight_ny_sf", "smartphone_charge",
                                                            "tree_month"};

Result<EstimateResult> run_estimate(const DataSet& data, const EstimateRequest& request);
// The rows of kEverydayEquivalents in that order, the one selection behind an estimate's
// "As much as" and a report's equivalents.
std::vector<const Equivalent*> everyday_equivalent_rows(const DataSet& data);
// `m` in units of `e` (which outlives the value): m / e.kg_per_unit.
EquivalentValue equivalent_value(const Equivalent& e, Emissions m);
// A car trip, a flight, phone charges and tree-months with the same emissions.
std::vector<EquivalentValue> everyday_equivalents(const DataSet& data, Emissions m);

}  // namespace carbonscope
