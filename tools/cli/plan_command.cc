// `carbonscope plan`: where and when to run a job. The job flags are estimate's; the
// place and time flags choose among regions, private zones and start hours.
#include <iostream>

#include "carbonscope/clock.h"
#include "carbonscope/plan.h"
#include "command.h"
#include "hourly_options.h"

namespace carbonscope::cli {
namespace {

struct PlanOptions {
  PlanRequest request;
  bool json = false;
};

void add_job_options(CLI::App* cmd, EstimateRequest& o, std::vector<std::string>& gpus) {
  cmd->add_option(
      "--gpu", gpus,
      "Accelerator by name (\"H100 SXM\"; see 'carbonscope data hardware'); repeat to compare several");
  cmd->add_option("--count", o.count, "Number of accelerators (or of devices at --power); default 1");
  cmd->add_option("--power", o.power, "Power per device (400W, 1.5kW); overrides the accelerator's TDP");
  cmd->add_option("--cpu", o.cpu, "CPU model by name");
  cmd->add_option("--cpus", o.cpus, "Number of CPU sockets of that model; default 1");
  cmd->add_option("--memory", o.memory, "Memory size (64GB)");
  cmd->add_option("--energy", o.energy, "Energy used, if known (3kWh): skips the hardware model");
  cmd->add_option("--hours", o.hours, "Wall-clock hours (10, 1.5)");
  cmd->add_option("--duration", o.duration, "Wall-clock duration (90min, 2d)");
  cmd->add_option("--device-hours", o.device_hours, "Device-hours of the accelerators (GPU-hours)");
  cmd->add_option("--utilisation,--utilization", o.utilisation,
                  "Average load of the devices (80%); default 100%");
  cmd->add_option("--params", o.params, "Model parameters (70B): the time follows from the compute");
  cmd->add_option("--active-params", o.active_params,
                  "Parameters active per token of a mixture-of-experts model (37B): 6 x active x tokens");
  cmd->add_option("--tokens", o.tokens, "Training tokens (2T)");
  cmd->add_option("--inference-tokens", o.inference_tokens, "Tokens served (1B)");
  cmd->add_option("--precision", o.precision,
                  "Peak FLOP/s column: bf16 (default), fp16, tf32, fp32, fp8, int8");
  cmd->add_option("--mfu", o.mfu, "Model-FLOPs utilisation (45%); default: the published MFU of the nearest training report on the same hardware (data/mfu.csv)");
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<PlanOptions>();
  PlanRequest& r = opts->request;
  CLI::App* cmd =
      app.add_subcommand("plan", "Rank the regions (and start times) where a job would emit least");
  add_job_options(cmd, r.job, r.gpus);
  cmd->add_option("--from", r.from, "Where the job runs now (aws:us-east-1, FR): the saving is against it");
  cmd->add_option("--providers", r.providers,
                  "Providers to consider (aws,gcp,azure,ovh,scaleway,alibaba,private)")
      ->delimiter(',');
  cmd->add_option(
      "--within", r.within,
      "An area (EU or Europe, US, GB, \"North America\") and/or a window length after the start (48h); "
      "repeatable");
  cmd->add_option("--exclude-region", r.exclude, "Places to leave out (aws:us-east-1, FR); repeatable")
      ->delimiter(',');
  cmd->add_option("--top", r.top, "How many places to list (default 10)");
  cmd->add_option("--start-after", r.start_after, "Earliest start, ISO 8601 with a zone (2022-07-01T00:00Z)");
  cmd->add_option("--deadline", r.deadline, "Time by which the job must be finished (2022-07-03T00:00Z)");
  cmd->add_option("--year", r.year, "Year of the annual grid data without a window (default: the latest)");
  cmd->add_option("--near", r.near,
                  "Where the users are, for a great-circle distance column: a city (London, \"Paris,FR\", "
                  "\"Kansas City,US-MO\") or \"lat,lon\" in decimal degrees");
  cmd->add_option("--weigh", r.weigh,
                  "Rank by a weighted score instead of emissions: carbon=1,distance=0.3 (each criterion scaled "
                  "to 0..1 over the candidates; no price data)");
  cmd->add_flag("--json", opts->json, "Print JSON (schema carbonscope.plan/1)");
  cmd->callback([opts, &ctx] {
    auto data = load_data(ctx);
    if (!data.ok()) {
      ctx.exit_code = report_error(data.status());
      return;
    }
    auto hourly = load_hourly(ctx);
    if (!hourly.ok()) {
      ctx.exit_code = report_error(hourly.status());
      return;
    }
    auto text = plan_text(**data, **hourly, opts->request, system_clock().unix_seconds(),
                          opts->json ? PlanOutput::kJson : PlanOutput::kText);
    if (!text.ok()) {
      ctx.exit_code = report_error(text.status());
      return;
    }
    std::cout << *text;
  });
}

}  // namespace carbonscope::cli
