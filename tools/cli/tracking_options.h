// Options shared by `run` and `monitor` (interval, project, tags, output dir, quiet,
// the location); the library turns them into a TrackerConfig (carbonscope/tracker_setup.h).
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "carbonscope/tracker.h"
#include "carbonscope/tracker_setup.h"
#include "location_options.h"
#include "request_options.h"

namespace carbonscope::cli {

struct TrackingOptions {
  std::string interval;
  std::string project;
  std::vector<std::string> tags;  // --tag NAME, repeatable
  std::string output_dir = "carbonscope-runs";
  bool quiet = false;
  std::string ledger;       // --ledger PATH ("" = the default ledger)
  bool no_ledger = false;   // --no-ledger
  LocationOptions location;
  RequestOptions requests;  // --requests-from / --requests-log
};

void add_tracking_options(CLI::App* app, TrackingOptions& options, const std::string& default_interval);
// Resolves the location and the CPU's rating through the data tables.
Result<TrackerConfig> make_tracker_config(const DataSet& data, const TrackingOptions& options, RunKind kind);
// Finishes runs left incomplete in the output dir and says so on stderr.
void recover_and_report(const TrackingOptions& options);
// Says on stderr why the run's files or ledger record are incomplete; the exit code:
// `exit_code`, or 75 (queued for the ledger) / 1 where it was 0 and the ledger failed.
int report_run_end(const Tracker& tracker, int exit_code);

}  // namespace carbonscope::cli
