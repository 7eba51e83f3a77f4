// CodeCarbon's emissions.csv history -> runs for the ledger. Columns are found by name,
// so every layout CodeCarbon has written reads: 1.x (timestamp, experiment_id,
// project_name, duration, emissions, energy_consumed, country and cloud columns), 2.x
// (run_id, emissions_rate, cpu/gpu/ram power and energy, hardware, tracking_mode, pue,
// codecarbon_version) and later (experiment_id again, utilisation, water columns),
// and carbonscope's own emissions.csv in that layout.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"
#include "store/ledger_import.h"

namespace carbonscope {

// True when `text` looks like an emissions.csv (a header with duration and emissions).
bool looks_like_codecarbon_csv(std::string_view text);

// One run per row, tagged "codecarbon" (and with the row's experiment_id), marked as
// given by CodeCarbon's file: its energy and emissions exactly as CodeCarbon wrote them
// (their method is CodeCarbon's RAPL/NVML reading or its TDP model, which the file
// does not record), the intensity those imply. Ids are derived from the row, so
// importing the same file twice is refused by the ledger rather than duplicated.
// Errors name the file and line.
Result<std::vector<ImportedRun>> runs_from_codecarbon_csv(std::string_view name, std::string_view text);

}  // namespace carbonscope
