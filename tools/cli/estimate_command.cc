// `carbonscope estimate`: what does this job cost? Registers the flags, builds the
// spec, computes the footprint and prints it as text or JSON.
#include <iostream>

#include <fmt/format.h>

#include "carbonscope/ledger.h"
#include "command.h"
#include "estimate_command.h"
#include "ledger_options.h"
#include "carbonscope/clock.h"
#include "carbonscope/terminal.h"
#include "sinks/run_files.h"

namespace carbonscope::cli {

void add_estimate_command(CLI::App& app, Context& ctx) {
  auto all = std::make_shared<EstimateOptions>();
  EstimateRequest* opts = &all->request;
  CLI::App* cmd = app.add_subcommand("estimate", "Estimate the energy and emissions of a job without running it");
  cmd->add_option("--gpu", opts->gpu, "Accelerator by name (\"A100 SXM4 80GB\"; see 'carbonscope data hardware')");
  cmd->add_option("--count", opts->count,
                  "Number of accelerators (or of devices at --power, or of machines with --instance/--node); default 1");
  cmd->add_option("--instance", opts->instance,
                  "Cloud GPU instance (p4d.24xlarge, a2-highgpu-8g, Standard_ND96isr_H100_v5; see 'carbonscope data "
                  "instances'): its GPUs, CPUs and memory; implies the provider, --cloud gives the region");
  cmd->add_option("--node", opts->node,
                  "GPU server node (dgx-h100, dgx-a100): its GPUs, CPUs, memory and other parts from the datasheet");
  cmd->add_option("--power", opts->power, "Power per device (400W, 1.5kW); overrides the accelerator's TDP");
  cmd->add_option("--cpu", opts->cpu, "CPU model by name (\"Xeon Gold 6248\"; see 'carbonscope data cpus')");
  cmd->add_option("--cpus", opts->cpus, "Number of CPU sockets of that model; default 1");
  cmd->add_option("--memory", opts->memory, "Memory size (64GB), at the W/GB constant of the data tables");
  cmd->add_option("--energy", opts->energy, "Energy used, if known (433MWh, 3kWh): skips the hardware model");
  cmd->add_option("--hours", opts->hours, "Wall-clock hours (12, 1.5)");
  cmd->add_option("--duration", opts->duration, "Wall-clock duration (90min, 118d5h41m)");
  cmd->add_option("--device-hours", opts->device_hours, "Device-hours of the accelerators (GPU-hours)");
  cmd->add_option("--utilisation,--utilization", opts->utilisation, "Average load of the devices as a share of TDP (80%, 0.8); default: measured average draw for the workload");
  cmd->add_option("--params", opts->params, "Model parameters (70B): predict the time from compute instead");
  cmd->add_option("--active-params", opts->active_params,
                  "Parameters active per token of a mixture-of-experts model (37B): the compute is 6 x active x "
                  "tokens; --params is then the total");
  cmd->add_option("--tokens", opts->tokens, "Training tokens (2T): 6 x params x tokens FLOPs");
  cmd->add_option("--inference-tokens", opts->inference_tokens, "Tokens served (1B): 2 x params FLOPs per token");
  cmd->add_option("--flops", opts->flops, "Total FLOPs of the job (3.14e23): the time follows at MFU x peak");
  cmd->add_option("--precision", opts->precision, "Peak FLOP/s column: bf16 (default), fp16, tf32, fp32, fp8, int8");
  cmd->add_option("--mfu", opts->mfu, "Model-FLOPs utilisation (45%); default: the published MFU of the nearest training report on the same hardware (data/mfu.csv), with the reports' spread");
  cmd->add_option("--requests", opts->requests, "Requests served by this energy: adds per-request figures");
  cmd->add_option("--workload", opts->workload,
                  "training (default), fine-tuning or inference: the measured average draw as a share of TDP");
  cmd->add_flag("--whole-node", opts->whole_node,
                "Add the host of each accelerator (CPUs, memory, NICs, fans); default: accelerators only, with the "
                "host's energy in a note");
  cmd->add_option("--facility-energy", opts->facility_energy,
                  "Energy that already includes the facility overhead (PUE), e.g. a data centre's meter: no PUE is "
                  "applied");
  cmd->add_option("--price", opts->price, "Electricity price per kWh (0.12/kWh, 120/MWh): adds the energy cost");
  cmd->add_option("--market-based", opts->market_based,
                  "Market-based emissions beside location-based: a carbon-free-energy share (90%), provider (the "
                  "region's published share), or none; default: the provider's share where published (GCP)");
  cmd->add_option("--date", opts->date, "When the job ran (2019-06): that year's grid figures");
  cmd->add_option("--pue-source", opts->pue_source,
                  "Where the PUE comes from without --pue: industry (survey average), provider (cloud region or "
                  "fleet), none (IT energy only); default: provider for a cloud region, industry for a job of more "
                  "than 8 accelerators or a device-year, else 1.0");
  add_location_options(cmd, opts->location);
  cmd->add_flag("--json", all->json, "Print JSON (schema carbonscope.report/1 plus estimate fields)");
  cmd->add_flag("--save", all->save, "Record the estimate in the ledger (see 'carbonscope runs list --kind estimate')");
  cmd->add_option("--project", all->project, "Project name recorded with a saved estimate");
  add_ledger_option(cmd, &all->ledger);
  cmd->footer(
      "Give hardware (--gpu, --cpu, --memory, --power) and a duration (--hours, --duration or --device-hours), or\n"
      "--energy alone, or --params with --tokens. Cloud regions go to --cloud, grid zones to --region.\n"
      "Examples:\n"
      "  carbonscope estimate --gpu \"A100 SXM4 80GB\" --count 384 --device-hours 1082990 --intensity 57g\n"
      "  carbonscope estimate --gpu \"H100 SXM\" --count 8 --duration 1-02:30:00 --cloud aws:us-east-1\n"
      "  carbonscope estimate --instance p4d.24xlarge --count 2 --hours 24 --cloud us-east-1\n"
      "  carbonscope estimate --node dgx-h100 --hours 72 --region DE --market-based 60%\n"
      "  carbonscope estimate --power 700mW --hours 10 --region FR\n"
      "Units: m is milli and M is mega (700mW, 433MWh); see docs/reference/cli.md.");
  cmd->callback([all, &ctx] {
    auto data = load_data(ctx);
    if (!data.ok()) {
      ctx.exit_code = report_error(data.status());
      return;
    }
    auto r = run_estimate(**data, all->request);
    if (!r.ok()) {
      ctx.exit_code = report_error(r.status());
      return;
    }
    for (const std::string& w : r->warnings) std::cerr << "carbonscope: warning: " << w << "\n";
    if (all->save) {
      const double now = system_clock().unix_seconds();
      r->report.run.id = new_run_id(now);
      r->report.run.project = all->project;
      r->report.run.start_unix = now;
      r->report.run.end_unix = now;
      const std::string path = resolve_ledger_path(all->ledger);
      if (const Status s = record_report(r->report, path); !s.ok()) {
        ctx.exit_code = report_error(s.with_context("--save"));
        return;
      }
      std::cerr << fmt::format("carbonscope: saved as {} in {}\n", r->report.run.id, path);
    }
    std::cout << (all->json ? render_estimate_json(*r) : render_estimate_text(*r, static_cast<std::size_t>(terminal_width())));
  });
}

}  // namespace carbonscope::cli
