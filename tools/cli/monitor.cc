// `carbonscope monitor`: the whole machine until SIGINT/SIGTERM or --duration, one
// samples.csv row per interval, then the report and the emissions.csv row.
#include <iostream>
#include <memory>

#include "carbonscope/parse.h"
#include "carbonscope/stop_signals.h"
#include "carbonscope/tracker.h"
#include "command.h"
#include "live_status.h"
#include "metrics_options.h"
#include "tracking_options.h"

namespace carbonscope::cli {
namespace {

int monitor_command(const Context& ctx, const TrackingOptions& o, const std::string& duration,
                    const MetricsFlags& metrics) {
  if (!metrics.address.empty()) {
    if (std::optional<int> failed = hand_over_to_exporter(ctx)) return *failed;
  }
  std::optional<Duration> until;  // nullopt: until a stop signal
  if (!duration.empty()) {
    auto d = parse_duration(duration);
    if (!d.ok()) return report_error(d.status().with_context("--duration"));
    until = *d;
  }
  auto data = load_data(ctx);
  if (!data.ok()) return report_error(data.status());
  auto config = make_tracker_config(**data, o, RunKind::kMonitor);
  if (!config.ok()) return report_error(config.status());
  auto requests = make_request_source(o.requests);
  if (!requests.ok()) return report_error(requests.status());
  config->count_requests = o.requests.any();
  const Duration interval = config->interval;
  recover_and_report(o);
  block_stop_signals();  // before the sampler thread starts, so it inherits the mask
  const LiveStatus status(o.quiet, {});  // no command: nothing else writes to the terminal
  config->on_sample = status.on_sample();
  std::unique_ptr<MetricsEndpoint> endpoint;  // outlives the tracker, which feeds it
  if (!metrics.address.empty()) {
    auto e = open_metrics_endpoint(metrics, "--prometheus", *config);
    if (!e.ok()) return report_error(e.status());
    endpoint = std::move(e).value();
  }
  auto tracker = Tracker::create(std::move(config).value());
  if (!tracker.ok()) return report_error(tracker.status());
  if (Status st = (*tracker)->start(); !st.ok()) return report_error(st);
  auto poller = start_request_poller(std::move(*requests), **tracker, interval);
  wait_for_stop_signal(until);
  stop_request_poller(poller.get());
  auto report = (*tracker)->stop();
  status.end();
  if (!report.ok()) return report_error(report.status());
  if ((*tracker)->ledger_status().ok() && (*tracker)->files_status().ok() && !o.quiet) {
    std::cerr << summary_line(*report, (*tracker)->run_dir() + "/report.json") << "\n";
  }
  print_inference(*report, poller.get(), o.quiet);
  return report_run_end(**tracker, kExitOk);
}

}  // namespace

void add_monitor_command(CLI::App& app, Context& ctx) {
  CLI::App* cmd = app.add_subcommand("monitor", "Measure the whole machine until stopped (Ctrl-C, SIGTERM or --duration)");
  auto options = std::make_shared<TrackingOptions>();
  auto duration = std::make_shared<std::string>();
  auto metrics = std::make_shared<MetricsFlags>();
  add_tracking_options(cmd, *options, "10s");
  cmd->add_option("--duration", *duration, "Stop after this long, e.g. 10s or 2h");
  add_metrics_options(cmd, *metrics, "--prometheus", "Also serve Prometheus metrics at HOST:PORT/metrics, e.g. 127.0.0.1:9464");
  cmd->callback([&ctx, options, duration, metrics] {
    ctx.exit_code = monitor_command(ctx, *options, *duration, *metrics);
  });
}

}  // namespace carbonscope::cli
