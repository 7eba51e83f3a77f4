// `carbonscope estimate`: what does this job cost? Registers the flags, builds the
// spec, computes the footprint and prints it as text or JSON.
#include <iostream>

#include <fmt/format.h>

#include "command.h"
#include "estimate_command.h"

namespace carbonscope::cli {

void add_estimate_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<EstimateOptions>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("estimate", "Estimate the energy and emissions of a job without running it");
  cmd->add_option("--gpu", opts->gpu, "Accelerator by name (\"A100 SXM4 80GB\"; see 'carbonscope data hardware')");
  cmd->add_option("--count", opts->count, "Number of accelerators (or of devices at --power); default 1");
  cmd->add_option("--power", opts->power, "Power per device (400W, 1.5kW); overrides the accelerator's TDP");
  cmd->add_option("--cpu", opts->cpu, "CPU model by name (\"Xeon Gold 6248\"; see 'carbonscope data cpus')");
  cmd->add_option("--cpus", opts->cpus, "Number of CPU sockets of that model; default 1");
  cmd->add_option("--memory", opts->memory, "Memory size (64GB), at the W/GB constant of the data tables");
  cmd->add_option("--energy", opts->energy, "Energy used, if known (433MWh, 3kWh): skips the hardware model");
  cmd->add_option("--hours", opts->hours, "Wall-clock hours (12, 1.5)");
  cmd->add_option("--duration", opts->duration, "Wall-clock duration (90min, 118d5h41m)");
  cmd->add_option("--device-hours", opts->device_hours, "Device-hours of the accelerators (GPU-hours)");
  cmd->add_option("--utilisation,--utilization", opts->utilisation, "Average load of the devices (80%, 0.8); default 100%");
  add_location_options(cmd, opts->location);
  cmd->add_flag("--json", *json, "Print JSON (schema carbonscope.report/1 plus estimate fields)");
  cmd->callback([opts, json, &ctx] {
    auto data = load_data(ctx);
    if (!data.ok()) {
      ctx.exit_code = report_error(data.status());
      return;
    }
    auto r = run_estimate(**data, *opts);
    if (!r.ok()) {
      ctx.exit_code = report_error(r.status());
      return;
    }
    std::cout << (*json ? render_estimate_json(*r) : render_estimate_text(*r));
  });
}

}  // namespace carbonscope::cli
