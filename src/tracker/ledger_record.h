// Records a finished (or recovered) run in the SQLite ledger, with its power series
// read back from the run's samples.csv and thinned to at most kMaxLedgerSamples rows,
// so the ledger stays small however long or finely sampled the run was.
#pragma once

#include <string>

#include "carbonscope/parse.h"
#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

inline constexpr std::size_t kMaxLedgerSamples = 1000;

// `run_dir` may be "" (no series). A failure is returned, never thrown: the run's own
// files are already written. `style` says how remedies name the ledger option. A run
// already in the ledger (same id, start and host) is not added again (OK); when another
// run holds its id, `report` gets a fresh id (and a note saying so) and is recorded.
Status record_run_in_ledger(Report& report, const std::string& run_dir, const std::string& ledger_path,
                            ArgStyle style = ArgStyle::kFlag);

}  // namespace carbonscope
