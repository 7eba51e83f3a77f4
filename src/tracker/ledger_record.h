// Records a finished (or recovered) run in the SQLite ledger, with its power series
// read back from the run's samples.csv and thinned to at most kMaxLedgerSamples rows,
// so the ledger stays small however long or finely sampled the run was.
#pragma once

#include <string>

#include "carbonscope/parse.h"
#include "carbonscope/report.h"
#include "carbonscope/status.h"
#include "platform/network_fs.h"

namespace carbonscope {

inline constexpr std::size_t kMaxLedgerSamples = 1000;

// Where the ledger is written. On a network filesystem (platform/network_fs.h) SQLite's
// WAL is unsafe, so each run goes to its own record file in LEDGER.records/ instead,
// one atomic file per run and node, which `carbonscope runs import LEDGER.records`
// merges into the ledger from a machine where it is local (or one at a time).
struct LedgerTarget {
  bool record_files = false;
  std::string filesystem;   // "nfs", "lustre", ..., or "forced" by CARBONSCOPE_LEDGER_FS
  std::string records_dir;  // LEDGER.records when record_files
};
// `fs_override` is $CARBONSCOPE_LEDGER_FS: "network", "local" or nullptr/"" (ask statfs).
LedgerTarget ledger_target(const std::string& ledger_path, const char* fs_override,
                           const StatfsFn& statfs = system_statfs);
std::string ledger_records_dir(const std::string& ledger_path);

// `run_dir` may be "" (no series). A failure is returned, never thrown: the run's own
// files are already written. `style` says how remedies name the ledger option. A run
// already in the ledger (same id, start and host) is not added again (OK); when another
// run holds its id, `report` gets a fresh id (and a note saying so) and is recorded.
Status record_run_in_ledger(Report& report, const std::string& run_dir, const std::string& ledger_path,
                            ArgStyle style = ArgStyle::kFlag);

}  // namespace carbonscope
