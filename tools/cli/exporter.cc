// `carbonscope exporter [--listen ADDR] [--slurm-cgroups auto|off|DIR]`: a node agent for
// Prometheus. Tracks the whole machine until SIGINT/SIGTERM and serves its figures at
// /metrics, with per-Slurm-step series when Slurm's step cgroups are there; writes no run files
// and records nothing in the ledger (`monitor --prometheus` does both). Built into both
// binaries: carbonscope hands it to carbonscope-exporter (metrics_options.h).
#include <iostream>
#include <memory>

#include "carbonscope/stop_signals.h"
#include "carbonscope/tracker.h"
#include "command.h"
#include "metrics_options.h"
#include "tracking_options.h"

namespace carbonscope::cli {
namespace {

struct ExporterFlags {
  MetricsFlags metrics{"127.0.0.1:9464", false, "auto"};
  std::string interval = "1s";
  LocationOptions location;
};

int exporter_command(const Context& ctx, const ExporterFlags& f) {
  if (std::optional<int> failed = hand_over_to_exporter(ctx)) return *failed;
  auto data = load_data(ctx);
  if (!data.ok()) return report_error(data.status());
  TrackingOptions o;
  o.interval = f.interval;
  o.location = f.location;
  o.output_dir = "";
  o.no_ledger = true;
  auto config = make_tracker_config(**data, o, RunKind::kMonitor);
  if (!config.ok()) return report_error(config.status());
  block_stop_signals();  // before the sampler and server threads start, so they inherit the mask
  auto endpoint = open_metrics_endpoint(f.metrics, "--listen", *config);
  if (!endpoint.ok()) return report_error(endpoint.status());
  auto tracker = Tracker::create(std::move(config).value());
  if (!tracker.ok()) return report_error(tracker.status());
  if (Status st = (*tracker)->start(); !st.ok()) return report_error(st);
  wait_for_stop_signal();
  auto report = (*tracker)->stop();
  if (!report.ok()) return report_error(report.status());
  return kExitOk;
}

}  // namespace

void add_exporter_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand(
      "exporter", "Serve this machine's power, energy and emissions to Prometheus at /metrics until stopped");
  auto f = std::make_shared<ExporterFlags>();
  add_metrics_options(cmd, f->metrics, "--listen", "Address to serve /metrics on (HOST:PORT)");
  cmd->get_option("--listen")->capture_default_str();
  cmd->add_option("--interval", f->interval, "Sampling interval, 10ms or more")->capture_default_str();
  cmd->add_option("--slurm-cgroups", f->metrics.slurm_cgroups,
                  "Per-Slurm-step series from Slurm's cgroup tree: auto (under /sys/fs/cgroup), off, or the "
                  "cgroup mount to look under")
      ->capture_default_str();
  add_location_options(cmd, f->location);
  cmd->callback([&ctx, f] { ctx.exit_code = exporter_command(ctx, *f); });
}

}  // namespace carbonscope::cli
