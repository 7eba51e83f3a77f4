// Shared options of run and monitor.
#include "tracking_options.h"

#include <iostream>

#include <fmt/format.h>

#include "carbonscope/plausibility.h"
#include "carbonscope/slurm.h"
#include "command.h"
#include "ledger_options.h"

namespace carbonscope::cli {

void add_tracking_options(CLI::App* app, TrackingOptions& o, const std::string& default_interval) {
  o.interval = default_interval;
  app->add_option("--interval", o.interval, "Sampling interval, 10ms or more")->capture_default_str();
  app->add_option("--project", o.project, "Project name recorded with the run");
  // One value per --tag, so `--tag a CMD` cannot swallow the command.
  app->add_option("--tag", o.tags, "Tag recorded with the run (repeat for more; filter with runs list --tag)")
      ->allow_extra_args(false);
  app->add_option("--output-dir", o.output_dir, "Where the run's files go")->capture_default_str();
  app->add_flag("--quiet,-q", o.quiet, "Print nothing (no status line, no summary)");
  add_ledger_option(app, &o.ledger);
  app->add_flag("--no-ledger", o.no_ledger, "Do not record the run in the ledger (files are still written)");
  add_location_options(app, o.location);
  add_request_options(app, o.requests);
}

Result<TrackerConfig> make_tracker_config(const DataSet& data, const TrackingOptions& o, RunKind kind) {
  for (const std::string& w : location_warnings(o.location, ArgStyle::kFlag)) {
    std::cerr << "carbonscope: warning: " << w << "\n";
  }
  TrackerSetup s;  // reads the environment once (s.env): sensors, Slurm tags, settings
  s.kind = kind;
  s.interval = o.interval;
  s.project = o.project;
  s.tags = o.tags;
  for (std::string& t : slurm_tags(s.env)) s.tags.push_back(std::move(t));  // inside a Slurm job
  s.output_dir = o.output_dir;
  s.location = o.location;
  if (!o.no_ledger) s.ledger_path = resolve_ledger_path(o.ledger);
  SettingsInputs in = process_settings_inputs();
  in.env = s.env;
  CS_ASSIGN_OR_RETURN(const Settings settings, load_settings(in));
  s.settings = &settings;
  return carbonscope::make_tracker_config(data, s);
}

void recover_and_report(const TrackingOptions& o) {
  const RecoveryResult r = recover_runs(o.output_dir, o.no_ledger ? "" : resolve_ledger_path(o.ledger));
  for (const std::string& p : r.problems) std::cerr << "carbonscope: " << p << "\n";
  if (o.quiet) return;
  for (const std::string& id : r.finished) {
    std::cerr << fmt::format(
        "carbonscope: finished the record of run {} (its tracker had stopped; marked incomplete)\n", id);
  }
  for (const std::string& id : r.recorded) {
    std::cerr << fmt::format("carbonscope: recorded queued run {} in its ledger\n", id);
  }
}

int report_run_end(const Tracker& tracker, int exit_code) {
  if (const Status& files = tracker.files_status(); !files.ok()) {
    std::cerr << "carbonscope: warning: " << files.message() << "\n";
  }
  const Status& ledger = tracker.ledger_status();
  if (ledger.ok()) return exit_code;
  std::cerr << "carbonscope: " << ledger.message() << "\n";
  if (tracker.ledger_queued()) return exit_code == kExitOk ? kExitQueued : exit_code;
  return exit_code == kExitOk ? kExitFailure : exit_code;
}

}  // namespace carbonscope::cli
