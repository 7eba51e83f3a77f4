// `slurm import`: sacct output (parsable2 or JSON, detected from the first byte) ->
// the job model -> the ledger's Slurm tables, in batches of one transaction each.
// Streams: memory stays bounded by one batch whatever the input size.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "cluster/job_model.h"
#include "cluster/sacct_parsable.h"
#include "cluster/slurm_store.h"

namespace carbonscope::cluster {

enum class SacctFormat { kAuto, kParsable, kJson };
Result<SacctFormat> parse_sacct_format(std::string_view text);

struct ImportSummary {
  ReadStats read;
  ImportCounts counts;
  ReadProblems problems;
  std::vector<std::string> notes;  // the model's assumptions
  std::int64_t measured_jobs = 0, estimated_jobs = 0, wasted_jobs = 0;
  double energy_j = 0, kg = 0, wasted_j = 0, wasted_kg = 0;
};

struct ImportOptions {
  SacctFormat format = SacctFormat::kAuto;
  std::string cluster;             // for rows without a Cluster column
  std::size_t batch_jobs = 20000;  // jobs per transaction
};

// For a process whose SQLite work is one import (the CLI's `slurm import`): SQLite
// without its per-call connection mutexes and its memory statistics (here each
// connection is used by one thread; nothing reads sqlite3_memory_used), about a tenth
// of SQLite's time in the import. Takes effect only before the process's first SQLite
// use; false (nothing changed) after it.
bool configure_sqlite_for_import();

Result<ImportSummary> import_sacct(std::istream& in, const std::string& name, const ImportOptions& options,
                                   JobModel& model, SlurmStore& store);

}  // namespace carbonscope::cluster
