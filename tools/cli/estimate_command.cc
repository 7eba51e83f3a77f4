// `carbonscope estimate`: what does this job cost? Registers the flags, builds the
// spec, computes the footprint and prints it as text or JSON.
#include <iostream>

#include <fmt/format.h>

#include "carbonscope/footprint.h"
#include "carbonscope/parse.h"
#include "command.h"
#include "estimate_command.h"
#include "ledger_options.h"
#include "platform/clock.h"
#include "report_defaults.h"
#include "sinks/ledger.h"
#include "tracker/run_files.h"

namespace carbonscope::cli {

std::vector<EquivalentValue> everyday_equivalents(const DataSet& data, Emissions m) {
  std::vector<EquivalentValue> out;
  for (std::string_view key : kEverydayEquivalents) {
    for (const Equivalent& e : data.equivalents()) {
      if (e.key == key) out.push_back({&e, m.kg() / e.kg_per_unit});
    }
  }
  return out;
}

Result<EstimateResult> run_estimate(const DataSet& data, const EstimateOptions& opts) {
  EstimateResult r;
  CS_ASSIGN_OR_RETURN(r.spec, build_estimate_spec(data, opts));
  r.utilisation_given = !opts.utilisation.empty();
  if (!opts.requests.empty()) {
    auto n = parse_count(opts.requests);
    if (!n.ok()) return n.status().with_context("--requests");
    r.requests = static_cast<double>(*n);
  }
  CS_ASSIGN_OR_RETURN(r.location, resolve_location_options(data, opts.location));
  CS_ASSIGN_OR_RETURN(std::vector<ComponentEnergy> components, estimate_energy(r.spec));
  Report& rep = r.report;
  rep.run.kind = RunKind::kEstimate;
  rep.run.region = r.location.label;
  if (const auto wall = implied_wall_time(r.spec)) rep.run.duration = *wall;
  for (const DeviceLoad& d : r.spec.devices) {
    if (d.component == "gpu") {
      rep.run.gpu_model = d.label;
      rep.run.gpu_count = static_cast<int>(d.count);
    } else if (d.component == "cpu") {
      rep.run.cpu_model = d.label;
      rep.run.cpu_count = static_cast<int>(d.count);
    }
  }
  rep.footprint = compute_footprint(std::move(components), r.location.pue, r.location.intensity);
  rep.notes = r.location.notes;
  if (!r.spec.devices.empty()) {
    rep.notes.push_back(r.utilisation_given
                            ? fmt::format("utilisation {:.0f}% applied to device power (memory excluded)",
                                          r.spec.utilisation * 100)
                            : "utilisation 100% (default): devices drawn at their full rated power");
  }
  if (r.spec.compute) {
    const ComputeDemand& c = *r.spec.compute;
    rep.notes.push_back(fmt::format("prediction from compute: {} FLOPs at {} x MFU; devices drawn at their rated "
                                    "power for the time the compute takes", c.formula, c.precision));
    if (c.formula.front() == '2' && c.mfu.provenance.method == Method::kDefault) {
      rep.notes.push_back("the default MFU (30% to 50%) is a training figure: serving at small batch sizes often "
                          "runs far below it, so this energy is likely an underestimate; give --mfu if you know it");
    }
  }
  r.equivalents = everyday_equivalents(data, rep.footprint.emissions.central);
  r.alternatives = cleaner_alternatives(data, r.location, 3);
  return r;
}

void add_estimate_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<EstimateOptions>();
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
  cmd->add_option("--params", opts->params, "Model parameters (70B): predict the time from compute instead");
  cmd->add_option("--tokens", opts->tokens, "Training tokens (2T): 6 x params x tokens FLOPs");
  cmd->add_option("--inference-tokens", opts->inference_tokens, "Tokens served (1B): 2 x params FLOPs per token");
  cmd->add_option("--precision", opts->precision, "Peak FLOP/s column: bf16 (default), fp16, tf32, fp32, fp8, int8");
  cmd->add_option("--mfu", opts->mfu, "Model-FLOPs utilisation (45%); default 40%, range 30% to 50%");
  cmd->add_option("--requests", opts->requests, "Requests served by this energy: adds per-request figures");
  add_location_options(cmd, opts->location);
  cmd->add_flag("--json", opts->json, "Print JSON (schema carbonscope.report/1 plus estimate fields)");
  cmd->add_flag("--save", opts->save, "Record the estimate in the ledger (see 'carbonscope runs list --kind estimate')");
  cmd->add_option("--project", opts->project, "Project name recorded with a saved estimate");
  add_ledger_option(cmd, &opts->ledger);
  cmd->callback([opts, &ctx] {
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
    if (opts->save) {
      const double now = system_clock().unix_seconds();
      r->report.run.id = new_run_id(now);
      r->report.run.project = opts->project;
      r->report.run.start_unix = now;
      r->report.run.end_unix = now;
      const std::string path = resolve_ledger_path(opts->ledger);
      if (const Status s = record_report(r->report, path); !s.ok()) {
        ctx.exit_code = report_error(s.with_context("--save"));
        return;
      }
      std::cerr << fmt::format("carbonscope: saved as {} in {}\n", r->report.run.id, path);
    }
    std::cout << (opts->json ? render_estimate_json(*r) : render_estimate_text(*r));
  });
}

}  // namespace carbonscope::cli
