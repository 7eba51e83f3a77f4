// Shared options of run and monitor.
#include "tracking_options.h"

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "carbonscope/parse.h"
#include "ledger_options.h"
#include "platform/file_reader.h"
#include "sensors/procfs.h"
#include "tracker/cpu_tdp.h"

namespace carbonscope::cli {
namespace {

std::string env(const char* name, std::string fallback = "") {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? v : fallback;
}

}  // namespace

void add_tracking_options(CLI::App* app, TrackingOptions& o, const std::string& default_interval) {
  o.interval = default_interval;
  app->add_option("--interval", o.interval, "Sampling interval, 10ms or more")->capture_default_str();
  app->add_option("--project", o.project, "Project name recorded with the run");
  app->add_option("--output-dir", o.output_dir, "Where the run's files go")->capture_default_str();
  app->add_flag("--quiet,-q", o.quiet, "Print nothing (no status line, no summary)");
  add_ledger_option(app, &o.ledger);
  app->add_flag("--no-ledger", o.no_ledger, "Do not record the run in the ledger (files are still written)");
  add_location_options(app, o.location);
}

Result<TrackerConfig> make_tracker_config(const DataSet& data, const TrackingOptions& o, RunKind kind) {
  TrackerConfig c;
  c.kind = kind;
  auto interval = parse_duration(o.interval);
  if (!interval.ok()) return interval.status().with_context("--interval");
  if (*interval < Duration(0.01)) {
    return Status::invalid_argument(fmt::format("--interval {}: the shortest interval is 10ms", o.interval));
  }
  c.interval = *interval;
  c.project = o.project;
  c.output_dir = o.output_dir;
  if (!o.no_ledger) c.ledger_path = resolve_ledger_path(o.ledger);
  CS_ASSIGN_OR_RETURN(Location location, resolve_location_options(data, o.location));
  c.intensity = location.intensity;
  c.pue = location.pue;
  c.region = location.label;
  for (const std::string& n : location.notes) c.notes.push_back(n);
  if (c.intensity.provenance.method == Method::kDefault) {
    c.notes.push_back("intensity: " + c.intensity.provenance.detail);
  }
  if (c.pue.provenance.method == Method::kDefault) c.notes.push_back("pue: " + c.pue.provenance.detail);
  c.sysfs_root = env("CARBONSCOPE_SYSFS_ROOT", "/");
  c.proc_root = env("CARBONSCOPE_PROC_ROOT", "/");
  // The CPU model's rating: the brand matched in the CPU table, scaled to visible cores.
  const FileReader proc(c.proc_root);
  if (auto cpuinfo = proc.read("/proc/cpuinfo"); cpuinfo.ok()) {
    auto stat = proc.read("/proc/stat");
    auto times = stat.ok() ? parse_proc_stat(*stat) : Result<CpuTimes>(stat.status());
    const CpuRating rating = cpu_rating_from_tables(data, *cpuinfo, times.ok() ? times->cpus : 0);
    if (rating.tdp.watts() > 0) {
      c.cpu_tdp = rating.tdp;
      c.tdp_source = fmt::format("{} [{}]", rating.detail, rating.source_id);
    }
  }
  c.nvml_library = env("CARBONSCOPE_NVML_LIBRARY");
  c.rocm_smi_library = env("CARBONSCOPE_ROCM_SMI_LIBRARY");
  c.fake_sensors = env("CARBONSCOPE_FAKE_SENSORS");
  return c;
}

void recover_and_report(const TrackingOptions& o) {
  auto done = recover_incomplete_runs(o.output_dir, o.no_ledger ? "" : resolve_ledger_path(o.ledger));
  if (!done.ok()) {
    std::cerr << "carbonscope: " << done.status().message() << "\n";
    return;
  }
  if (!o.quiet) {
    for (const std::string& id : *done) {
      std::cerr << fmt::format("carbonscope: finished the record of run {} (its tracker had stopped; marked incomplete)\n", id);
    }
  }
}

}  // namespace carbonscope::cli
