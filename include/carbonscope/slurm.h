// Slurm clusters: the footprint of jobs imported from the cluster's accounting (sacct
// output saved to a file, read from a stream, or sacct run here) into the ledger,
// their totals grouped by user, account, partition, state or cluster, and one job's
// per-node tracked runs merged into one run. `carbonscope slurm import|report|job`
// calls these; the work is in src/cluster (docs/clusters.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "carbonscope/data.h"
#include "carbonscope/environment.h"
#include "carbonscope/report.h"
#include "carbonscope/status.h"

namespace carbonscope {

// Where to import from and how. `input` is a saved `sacct --parsable2` (with its
// header) or `sacct --json` file, "-" for the stream passed to import_slurm_jobs, or
// empty to run sacct with the query fields below.
struct SlurmImportOptions {
  std::string input;
  std::string cluster_file;     // cluster.toml (docs/clusters.md); empty: the defaults
  std::string cluster;          // for rows without a Cluster column; sacct --clusters
  std::string format = "auto";  // auto, parsable2 or json
  std::string ledger_path;
  std::size_t batch_jobs = 20000;  // jobs per transaction (at least 1)
  // Running sacct (input empty).
  std::string sacct = "sacct";  // the program (PATH is searched)
  std::string starttime, endtime, user, account, partition;
  bool all_users = false;
};

struct SlurmImportSummary {
  std::string from;  // "standard input", the file, or the sacct command line in quotes
  std::size_t jobs_read = 0, rows_read = 0;
  std::int64_t added = 0, updated = 0, unchanged = 0;
  std::int64_t measured_jobs = 0, estimated_jobs = 0, wasted_jobs = 0;
  double energy_j = 0, kg = 0, wasted_j = 0, wasted_kg = 0;
  std::vector<std::string> notes;     // the job model's assumptions
  std::size_t problem_count = 0;      // rows skipped
  std::vector<std::string> problems;  // the first of them, "file:line: reason"
};

// Imports the jobs (and their steps) into the ledger's Slurm tables, in batches of one
// transaction each; importing the same jobs again changes nothing. `standard_input` is
// read when options.input is "-". Errors name the file, the option or sacct's message.
Result<SlurmImportSummary> import_slurm_jobs(std::shared_ptr<const DataSet> data,
                                             const SlurmImportOptions& options,
                                             std::istream& standard_input);

// `slurm report`: the totals of imported jobs, grouped.
struct SlurmReportOptions {
  std::string ledger_path;
  std::string by = "user";    // user, account, partition, state or cluster
  std::string since, until;   // UTC dates (YYYY-MM-DD) on the job's end
  std::string cluster, user, account, partition;  // filters; empty: all
  // text, csv or json: the table, in `table`; anything else: one Report per group, in
  // `groups`, for the report formats (md, latex, html...).
  std::string format = "text";
};

struct SlurmReport {
  std::string table;           // text or CSV as printed; JSON without its final newline
  std::vector<Report> groups;  // one per group ("slurm.user.alice")
};

// kNotFound when no imported job matches.
Result<SlurmReport> slurm_report(const SlurmReportOptions& options);

// `slurm job`: one job's runs tracked on each of its nodes (found by their slurm_job
// tag) merged into one, beside its imported accounting.
struct SlurmJobOptions {
  std::string ledger_path;
  std::string job;      // 123, 123_4, 123+0
  std::string cluster;  // when several share the ledger
  bool record = false;  // also record the merged run as "slurm-JOB" (replacing an earlier one)
  std::string format = "text";  // text or json
};

// The job as `slurm job` prints it (JSON with its final newline). kNotFound when
// neither runs nor accounting exist for the job.
Result<std::string> slurm_job_text(const SlurmJobOptions& options);

// The Slurm identity of the current process as run tags (slurm_job=, slurm_step=,
// slurm_node=, slurm_cluster=), from the environment Slurm gives every task; empty
// outside a Slurm job.
std::vector<std::string> slurm_tags(const Environment& env);

}  // namespace carbonscope
