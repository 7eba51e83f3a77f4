// Whole machines for an estimate: `--instance p4d.24xlarge` (a cloud GPU instance) or
// `--node dgx-h100` (a vendor GPU node), from data/instances.csv. The machine gives the
// accelerators (model and count) and the host beside them: CPUs from idle to full load
// (CCF's min/max watts per vCPU, or sockets x TDP for a node), memory at the W/GB
// constant, and the other parts of a GPU server (NVSwitches, NICs, fans, storage, power
// supply losses) from the DGX datasheets' maximum system power.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "accounting/estimate_request.h"

namespace carbonscope {

struct MachineChoice {
  const Instance* machine = nullptr;  // nullptr: no --instance / --node
  double machines = 1;                // --count with a machine: how many machines
  // The request with --gpu and --count set from the machine (gpu = its accelerator,
  // count = machines x accelerators per machine); the request itself when no machine.
  EstimateRequest request;
};

// Resolves --instance / --node: kNotFound with the closest names for an unknown one,
// kInvalidArgument for options the machine already answers (--gpu, --cpu, --memory,
// --whole-node) or a --cloud of another provider.
Result<MachineChoice> choose_machine(const DataSet& data, const EstimateRequest& request);

// The host lines of `machines` machines beside the accelerator line `gpu` (whose power
// share of TDP the server's other parts follow).
Result<std::vector<DeviceLoad>> machine_host_loads(const DataSet& data, const Instance& m, const DeviceLoad& gpu,
                                                   double machines);

// "--cloud aws:us-east-1" for an instance of AWS given "us-east-1" or nothing; the
// location text unchanged for a node or when no region was given.
Result<LocationText> machine_location(const Instance* m, LocationText where, ArgStyle style);

// A location without a cloud region for a cloud instance: its provider and fleet PUE.
void apply_machine_provider(const DataSet& data, const Instance& m, Location& location, ArgStyle style);

}  // namespace carbonscope
