// A phase's job keys read into the EstimateRequest that `carbonscope estimate` and
// Python's estimate() build, named as the file spells them (ArgStyle::kFileKey), and
// estimated by the same code (build_estimate_spec, estimate_energy): the project file
// has no device, time or FLOPs arithmetic of its own.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "carbonscope/estimate_request.h"
#include "project/project_internal.h"

namespace carbonscope::project {

// The keys of a phase that describe a job, each the file's spelling of an estimate
// option (hardware is --gpu; the others are the flag with _ for -).
inline constexpr std::string_view kJobKeys[] = {"hardware", "count",  "power",  "cpu",        "cpus",
                                                "memory",   "utilisation", "duration", "device_hours",
                                                "flops",    "params", "active_params", "tokens", "precision",
                                                "mfu"};

// Each of `keys` (a subset of kJobKeys) checked by the table's typed getter (file:line
// on error) and copied, as written, into its field of `request`. false after an error.
bool read_job_keys(const TableReader& r, const std::vector<std::string_view>& keys, EstimateRequest& request);

struct JobEnergy {
  EstimateSpec spec;
  Range<Energy> energy;                     // IT energy, every device line
  const Accelerator* accelerator = nullptr;  // the hardware, when named
};

// The request's spec and energy; nullopt after recording the estimate's error at the
// key it names (or at the table).
std::optional<JobEnergy> estimate_job(const Context& ctx, const TableReader& r, EstimateRequest request);

// "NVIDIA A100 SXM4 80GB TDP 400 W" or "400 W per device (given)": the first device
// line's power, for an entry's provenance.
std::string device_power_text(const JobEnergy& job);

// "; + 2 x Intel Xeon Gold 6248 + 512 GB memory": the device lines after the first (cpu,
// memory keys), for an entry's detail; "" when there are none.
std::string other_lines_text(const JobEnergy& job);

}  // namespace carbonscope::project
